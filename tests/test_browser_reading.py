"""Reading the reference pages in Chromium: on a phone a role's expectations and the
comparison are cards that fit the screen, with every column's words in view; where a table
fits it stays a table; a long catalogue has contents; ids are quiet."""

from __future__ import annotations

import pytest

from .browsing import open_page

pytestmark = pytest.mark.site

CARD_PAGES = [
    "roles/ai-engineer.html",
    "roles/full-stack-engineer.html",
    "roles/index.html",
    "am-i-an-ai-engineer.html",
]

OVERFLOWING = """() => {
  const room = document.documentElement.clientWidth;
  const out = [];
  for (const table of document.querySelectorAll('table.sm-cards')) {
    for (const node of table.querySelectorAll('caption, th, td')) {
      if (!node.getClientRects().length) continue;  // not shown (an empty cell)
      const box = node.getBoundingClientRect();
      if (box.left < -0.5 || box.right > room + 0.5 || node.scrollWidth > node.clientWidth + 1) {
        out.push(node.textContent.trim().slice(0, 40));
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("name", CARD_PAGES)
def test_on_a_phone_each_row_is_a_card_that_fits(site, browser, name):
    _, base = site
    page, problems = open_page(browser, base + name, viewport={"width": 390, "height": 800})
    assert page.locator("table.sm-cards").count() > 0
    assert page.evaluate(OVERFLOWING) == []
    # every cell says what it is: its column's name goes with it
    labels = page.evaluate(
        "[...document.querySelectorAll('table.sm-cards tbody .sm-label')]"
        ".filter((l) => l.getClientRects().length).map((l) => l.textContent)"
    )
    assert labels
    headers = page.evaluate(
        "[...document.querySelectorAll('table.sm-cards thead th')].map((h) => h.textContent.trim())"
    )
    assert {label.removesuffix(": ") for label in labels} <= set(headers)
    assert problems == []


def test_on_a_phone_what_a_role_expects_is_in_view(site, browser):
    _, base = site
    page, problems = open_page(
        browser, base + "roles/ai-engineer.html", viewport={"width": 390, "height": 800}
    )
    expects = page.locator("table.skills-matrix-expectations tbody tr").first
    expects.scroll_into_view_if_needed()
    text = expects.inner_text()
    assert "What this role expects:" in text, text
    box = expects.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert problems == []


@pytest.mark.parametrize("width", [1024, 1280])
def test_where_a_table_fits_it_stays_a_table(site, browser, width):
    _, base = site
    page, problems = open_page(
        browser, base + "roles/ai-engineer.html", viewport={"width": width, "height": 800}
    )
    table = page.locator("table.skills-matrix-expectations")
    assert table.evaluate("(t) => getComputedStyle(t).display") == "table"
    assert page.locator("table.skills-matrix-expectations thead").is_visible()
    assert not page.locator("table.skills-matrix-expectations .sm-label").first.is_visible()
    assert problems == []


def test_the_skills_catalogue_has_contents_and_quiet_ids(site, browser):
    _, base = site
    page, problems = open_page(
        browser, base + "matrix/skills.html", viewport={"width": 1280, "height": 800}
    )
    contents = page.locator("#pst-page-toc-nav a").all_inner_texts()
    assert contents[:2] == ["AI and LLM engineering", "Software engineering"], contents
    assert len(contents) == 5
    page.locator("#pst-page-toc-nav a").nth(3).click()
    heading = page.locator("#category-learning h2")
    box = heading.bounding_box()
    assert box is not None and 60 <= box["y"] <= 300, box  # landed below the site's header
    id_style = page.locator("code.sm-id").first.evaluate(
        "(c) => { const s = getComputedStyle(c);"
        " return [s.backgroundColor, s.borderTopWidth, s.fontWeight]; }"
    )
    assert id_style == ["rgba(0, 0, 0, 0)", "0px", "400"], id_style  # no badge
    assert problems == []
