"""In Chromium: the self-assessment draws the answers against the role worked towards, live,
saying what the page's chart of the same answers says, light and dark, with no serious
accessibility violation."""

from __future__ import annotations

import pytest

from skills_matrix.assessment import assess
from skills_matrix.chart import person_chart, svg
from skills_matrix.model import Profile
from skills_matrix.reading import load_matrix

from .browsing import open_page
from .conftest import PROJECT

pytestmark = pytest.mark.site

ANSWERS = {
    "python": "practitioner",
    "prompt-engineering": "working",
    "retrieval-augmented-generation": None,
}


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_form_draws_the_answers_as_the_pages_do(site, browser, mode):
    from axe_playwright_python.sync_playwright import Axe

    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html", mode=mode)
    page.wait_for_selector(".sm-ready")
    assert page.locator(".sm-chart-live").is_hidden()  # no answers: nothing to draw
    for skill, level in ANSWERS.items():
        page.select_option(f"#sm-skill-{skill}", level or "-")
    page.wait_for_selector(".sm-chart-live svg[role=img]")
    drawn = page.inner_html(".sm-chart-live")
    matrix = load_matrix(PROJECT / "docs" / "_data" / "skills-matrix.yaml")
    profile = Profile(ANSWERS)
    aim = page.input_value("#sm-aim") or None  # the page's aim, if it gives one
    chart = person_chart(matrix, assess(matrix, profile, page_aim=aim), profile)
    expected = svg(chart, "sm-chart-live")
    words = expected.split("<desc", 1)[1].split(">", 1)[1].split("</desc>")[0]
    assert words in drawn and chart.title in page.inner_text(".sm-chart-caption")
    assert drawn.count("<polygon") == expected.count("<polygon")
    assert problems == []  # counted before axe, which re-fetches imported stylesheets
    results = Axe().run(page)
    serious = [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
