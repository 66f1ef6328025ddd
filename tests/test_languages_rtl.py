"""Right to left: a framework whose titles are Hebrew, in a project written in Hebrew, is laid
out from the right (the table's first column, the form's questions), its titles whole and in
their own direction; and Arabic titles in an English page read right to left in their cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browsing import open_page, serve, settled
from .conftest import build_warnings

pytestmark = pytest.mark.site  # the browser's tests run with the site's

MATRIX = """\
version: 2
title: מסגרת מיומנויות
levels:
  - {id: basic, title: בסיסי}
  - {id: good, title: טוב}
responsibilities:
  - {id: build, title: בנייה}
  - {id: run, title: תפעול}
skills:
  - {id: code, title: כתיבת קוד, supports: {build: core}}
  - {id: ops, title: "ניטור <ו&בקרה>", supports: {run: core, build: supporting}}
roles:
  - {id: dev, title: מפתחת, expects: {code: good, ops: basic}}
"""
PAGE = """\
# {title}

```{{skills-matrix}}
```

```{{skills-role}} dev
```

```{{skills-self-assessment}}
```
"""


def _project(tmp_path: Path, language: str, title: str, data: str = MATRIX) -> Path:
    srcdir = tmp_path / language
    (srcdir / "_data").mkdir(parents=True)
    (srcdir / "_data" / "skills-matrix.yaml").write_text(data, encoding="utf-8")
    (srcdir / "index.md").write_text(PAGE.format(title=title), encoding="utf-8")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "skills_matrix"]\nexclude_patterns = ["_data"]\n'
        f'language = "{language}"\nproject = "{title}"\n',
        encoding="utf-8",
    )
    return srcdir


def _direction(page, selector: str) -> str:
    return page.eval_on_selector(selector, "(node) => getComputedStyle(node).direction")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_hebrew_framework_is_laid_out_from_the_right(make_app, tmp_path, browser, width):
    app = make_app("html", srcdir=_project(tmp_path, "he", "מיומנויות"))
    app.build()
    assert not build_warnings(app)
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert '<html lang="he"' in html and "ניטור &lt;ו&amp;בקרה&gt;" in html
    (Path(app.outdir) / "favicon.ico").write_bytes(b"")
    with serve(app.outdir) as base:
        page, problems = open_page(
            browser, base + "index.html", viewport={"width": width, "height": 900}
        )
        page.wait_for_selector(".sm-ready")
        settled(page)
        assert _direction(page, "table.sm-grid") == "rtl"
        assert _direction(page, ".sm-self-assessment") == "rtl"
        if width > 767:  # a table: its first column (the skills) on the right
            stub = page.locator("table.sm-grid thead th").first.bounding_box()
            last = page.locator("table.sm-grid thead th").last.bounding_box()
            assert stub["x"] > last["x"]
        question = page.locator(".sm-skill label").first.bounding_box()
        select = page.locator(".sm-skill select").first.bounding_box()
        assert question["x"] > select["x"]  # the question first, from the right
        assert "ניטור <ו&בקרה>" in page.inner_text(".sm-self-assessment")
        assert not problems


def test_arabic_titles_read_right_to_left_in_an_english_page(make_app, tmp_path, browser):
    data = MATRIX.replace("כתיבת קוד", "كتابة الشيفرة (Python)")
    app = make_app("html", srcdir=_project(tmp_path, "en", "Skills", data))
    app.build()
    (Path(app.outdir) / "favicon.ico").write_bytes(b"")
    with serve(app.outdir) as base:
        page, problems = open_page(
            browser, base + "index.html", viewport={"width": 1280, "height": 900}
        )
        assert _direction(page, "table.sm-grid") == "ltr"
        cell = page.locator("table.sm-grid th.stub", has_text="كتابة")
        # the cell's paragraph takes its direction from its first letters, Arabic: the Latin
        # words after them stand at its left end, not at its right
        latin, first = cell.evaluate(
            """(node) => {
              const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
              let text = walker.nextNode();
              while (text && !text.data.includes("P")) text = walker.nextNode();
              const at = (start) => {
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, start + 1);
                return range.getBoundingClientRect().x;
              };
              return [at(text.data.indexOf("P")), at(0)];
            }"""
        )
        assert latin < first
        assert not problems
