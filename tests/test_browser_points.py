"""A framework that levels by points, in Chromium: the self-assessment leads with the same
total, band, target and next steps as the page's skills-assessment (and so the command line)
for the same answers, and each role card counts points for a role fitted by points alone."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from skills_matrix.reading import load_matrix, load_profile

from .browsing import open_page, serve
from .conftest import ROOTS

pytestmark = pytest.mark.site

PAGE = """\
# Assess yourself

```{skills-assessment} _data/profiles/kim.yaml
:summary-only:
```

```{skills-self-assessment}
```
"""


@pytest.fixture(scope="module")
def points_site(site, tmp_path_factory):
    source = tmp_path_factory.mktemp("points-site") / "src"
    shutil.copytree(ROOTS / "test-points", source)
    (source / "yourself.md").write_text(PAGE, encoding="utf-8")
    index = source / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("assessment\n", "assessment\nyourself\n")
    )
    out = source.parent / "out"
    # a process of its own: in-process builds before a new Playwright start can hang it
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-nW", str(source), str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    (out / "favicon.ico").write_bytes(b"")  # the default theme names none; Chromium asks
    with serve(out) as base:
        yield base


def test_the_browser_leads_with_the_pages_points_and_answer(points_site, browser):
    page, problems = open_page(browser, points_site + "yourself.html")
    page.wait_for_selector(".sm-ready")
    data = ROOTS / "test-points" / "_data"
    kim = load_profile(data / "profiles" / "kim.yaml", load_matrix(data / "skills-matrix.yaml"))
    for skill, level in kim.skills.items():
        page.select_option(f"#sm-skill-{skill}", level)
    built = " ".join(page.inner_text(".skills-matrix-points").split())
    assert built.startswith("Points: 13, band 2.1 (Engineer II); 7 more to 2.2")
    assert " ".join(page.inner_text(".sm-points").split()) == built
    built = " ".join(page.inner_text(".skills-matrix-answer").split())
    assert " ".join(page.inner_text(".sm-target").split()) == built
    assert "7 more points to Senior Engineer" in built
    steps = page.locator(".sm-next-steps > li").all_inner_texts()
    assert [step.split("\n")[0] for step in steps] == [
        "Code: raise to Milestone 4, +6 points",
        "Systems: raise to Milestone 3, +3 points",
        "Delivery: raise to Milestone 3, +3 points",
    ]
    senior = page.text_content('.sm-role[data-role="senior-engineer"] .sm-fit')
    assert senior == "65% — does not fit (13 of 20 points)"
    page.select_option("#sm-skill-code", "m4")  # 19 points: Engineer II's card says so too
    engineer = page.text_content('.sm-role[data-role="engineer-2"] .sm-fit')
    assert engineer == "100% — fits (19 of 10 points)"
    assert problems == []
