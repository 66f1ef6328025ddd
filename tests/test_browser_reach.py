"""On a phone and a tablet (390, 820 and 900 px), once something is answered, every control of
the self-assessment can be tapped: its centre, scrolled into view, hits the control itself,
not the results laid over it."""

from __future__ import annotations

import pytest

from .browsing import open_page

pytestmark = pytest.mark.site

CONTROLS = ".sm-self-assessment .sm-tools :is(button, input, select, summary, a[href])"


@pytest.mark.parametrize("width", [390, 820, 900])
def test_every_control_can_be_tapped(site, browser, width):
    _, base = site
    page, problems = open_page(
        browser, base + "assess-yourself.html", viewport={"width": width, "height": 800}
    )
    page.wait_for_selector(".sm-ready")
    first = page.locator(".sm-form select").first
    first.select_option(index=2)
    page.click("text=Import a profile, export or share your answers")
    controls = page.locator(CONTROLS)
    assert controls.count() >= 5
    missed = []
    for index in range(controls.count()):
        control = controls.nth(index)
        if not control.is_visible():
            continue
        hit = control.evaluate(
            """(el) => {
                 el.scrollIntoView({block: "center"});
                 const r = el.getBoundingClientRect();
                 const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                 return at === el || el.contains(at) || (at && at.closest("label")?.control === el)
                   ? "" : (at ? at.className || at.tagName : "nothing");
               }"""
        )
        if hit:
            missed.append((control.evaluate("(el) => el.id || el.textContent.trim()"), hit))
    assert missed == []
    assert problems == []


ROLES = ["ai-engineer", "ai-implementation-engineer", "generative-ai-engineer", "ml-engineer",
         "full-stack-engineer"]  # fmt: skip
READERS_PAGES = [f"roles/{r}.html" for r in ROLES] + [
    "am-i-an-ai-engineer.html",
    "assess-yourself.html",
    "roles/index.html",
]
WIDER = """() => [...document.querySelectorAll('article table')]
  .filter((t) => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
  .map((t) => (t.caption ? t.caption.textContent : t.className).trim())"""


@pytest.mark.parametrize("name", READERS_PAGES)
def test_a_phone_shows_every_column_of_a_readers_page(site, browser, name):
    """A role's tables, the author's answer and the form are read a row at a time on a phone:
    as cards, nothing off screen. (The whole matrix's grid is the one table that scrolls
    sideways, its header row held in view: tests/test_browser_grid.py.)"""
    _, base = site
    page, problems = open_page(browser, base + name, viewport={"width": 390, "height": 800})
    page.wait_for_load_state("load")
    assert page.evaluate(WIDER) == []
    assert problems == []
