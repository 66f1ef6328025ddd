"""In Chromium: the self-assessment draws the answers against the role worked towards, live,
saying what the page's chart of the same answers says, light and dark, with no serious
accessibility violation; its words legible and apart at a phone's width and a laptop's."""

from __future__ import annotations

import pytest

from skills_matrix.assessment import assess
from skills_matrix.chart import person_chart, svg
from skills_matrix.profile import Profile
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
    assert drawn.count("<rect") == expected.count("<rect") > 0
    assert problems == []  # counted before axe, which re-fetches imported stylesheets
    results = Axe().run(page)
    serious = [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


TEXTS = """(svg) => {
  const box = svg.getBoundingClientRect();
  return {box: [box.left, box.right],
          texts: [...svg.querySelectorAll("text")].map((t) => {
            const r = t.getBoundingClientRect();
            return {said: t.textContent, rect: [r.left, r.top, r.right, r.bottom]};
          })};
}"""


@pytest.mark.parametrize("width", [390, 1024, 1280])
def test_the_charts_words_are_legible_and_apart_at_every_width(site, browser, width):
    _, base = site
    page, problems = open_page(
        browser, base + "assess-yourself.html", viewport={"width": width, "height": 900}
    )
    page.wait_for_selector(".sm-ready")
    for skill, level in ANSWERS.items():
        page.select_option(f"#sm-skill-{skill}", level or "-")
    svg = page.wait_for_selector(".sm-chart-live svg[role=img]")
    drawn = svg.evaluate(TEXTS)
    left, right = drawn["box"]
    assert right - left > 300, drawn["box"]  # the column's width, not a thumbnail
    texts = drawn["texts"]
    assert len(texts) > 20
    for text in texts:
        x0, y0, x1, y1 = text["rect"]
        assert y1 - y0 >= 14, text  # as tall on screen as 12 px type: not scaled down
        assert left - 2 <= x0 and x1 <= right + 2, (text, drawn["box"])  # a glyph's overhang
    for index, one in enumerate(texts):
        for other in texts[index + 1 :]:
            a, b = one["rect"], other["rect"]
            apart = (
                a[2] <= b[0] + 0.5 or b[2] <= a[0] + 0.5 or a[3] <= b[1] + 0.5 or b[3] <= a[1] + 0.5
            )
            assert apart, (one["said"], other["said"])
    assert problems == []
