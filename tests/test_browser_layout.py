"""The site as a first-time reader sees it, at 1280, 1024 and 390 px: one header row, no table
clipped, nothing moving as pages load, search results landing on their definitions, and on a
phone the self-assessment's results in view while answering."""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest

from .browsing import open_page, pages, settled

pytestmark = pytest.mark.site

WIDE = [1280, 1024]
LAYOUT_SHIFT = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("width", WIDE)
def test_the_header_is_one_row(site, browser, width):
    _, base = site
    rows = {}
    for name in ("index.html", "article.html", "roles/ai-engineer.html", "reference/cli.html"):
        page, _ = open_page(browser, base + name, viewport={"width": width, "height": 800})
        boxes = page.evaluate(
            """() => [...document.querySelectorAll(
                '.bd-header .navbar-brand, .bd-header .bd-navbar-elements .nav-link,'
                + ' .bd-header .navbar-header-items__end > *')]
              .filter((e) => e.offsetParent !== null)
              .map((e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })"""
        )
        assert len(boxes) >= 8, boxes  # the name, six links, the tools
        rows[name] = max(top for top, _ in boxes) < min(bottom for _, bottom in boxes)
        page.context.close()
    assert all(rows.values()), rows


@pytest.mark.parametrize("width", WIDE)
def test_no_table_is_clipped(site, browser, width):
    _, base = site
    clipped = {}
    for name in pages(site):
        page, _ = open_page(browser, base + name, viewport={"width": width, "height": 800})
        found = page.evaluate(
            """() => [...document.querySelectorAll('.bd-article table')].filter((t) => {
                const box = t.parentElement;
                return box.scrollWidth > box.clientWidth + 1
                    || t.getBoundingClientRect().right > box.getBoundingClientRect().right + 1;
              }).map((t) => t.querySelector('caption')?.textContent || t.className)"""
        )
        if found:
            clipped[name] = found
        page.context.close()
    assert clipped == {}


CPU_SLOWDOWN = 4
"""How much slower than this machine's the CPU of a page's visit is (about a mid-range phone):
the browser then paints a long page before it has read all of it, as a busy or slow machine
does, on every load."""


@pytest.mark.parametrize("width", [1280, 1024, 390])
def test_nothing_moves_as_pages_load(site, browser, width):
    """A first visit to each page, on a CPU slowed down (deterministically, through the
    DevTools protocol, not by retrying) moves nothing: no layout shift beyond 0.02.

    A browser paints what it has read so far, so what could move is what the rest of the
    source changes: the article's width ('On this page' comes after it) and, on a page
    shorter than the screen, the footer held to the screen's bottom (it grew and moved up as
    its last lines were read: search.html at 390 px, 0.029 on a busy machine, one load in
    two at 12x slower). Both have their place from the first paint; the footer's is below the
    first screen, which is checked on every page, whatever the timing."""
    _, base = site

    def visit(name: str) -> tuple[float, float]:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(LAYOUT_SHIFT)
        page.goto(base + name)
        page.wait_for_load_state("networkidle")
        if name == "assess-yourself.html":
            page.wait_for_selector(".sm-ready")
        settled(page)  # every shift so far reported
        try:
            return page.evaluate(
                """() => [window.__shift,
                    document.querySelector('.bd-footer').getBoundingClientRect().top
                    + scrollY - innerHeight]"""
            )
        finally:
            context.close()

    seen = {name: visit(name) for name in pages(site)}
    moved = {n: round(s, 3) for n, (s, _) in seen.items() if s > 0.02}
    assert moved == {}
    footer_in_first_screen = {n: below for n, (_, below) in seen.items() if below < 0}
    assert footer_in_first_screen == {}


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("Prompt design", "skill-prompt-engineering"),
        ("Evangelize AI", "responsibility-evangelize-ai"),
        ("Practitioner", "level-practitioner"),
    ],
)
def test_a_search_result_lands_on_its_definition(site, browser, query, target):
    _, base = site
    page, problems = open_page(
        browser,
        base + f"search.html?q={quote_plus(query)}",
        viewport={"width": 1280, "height": 800},
    )
    first = page.locator("#search-results ul.search li a").first
    first.wait_for()
    first.click()
    page.wait_for_load_state("load")
    page.wait_for_function("() => location.hash.length > 1 && document.readyState === 'complete'")
    settled(page)
    landed = page.evaluate(
        """() => { const id = decodeURIComponent(location.hash.slice(1));
            const element = document.getElementById(id);
            if (!element) return null;
            const definition = element.closest('dt') || element;
            const top = definition.getBoundingClientRect().top;
            const header = document.querySelector('.bd-header').getBoundingClientRect().bottom;
            return {text: definition.textContent, visible: top >= header - 1 && top < innerHeight};
        }"""
    )
    assert landed is not None, page.url
    assert query in landed["text"] and landed["visible"], (page.url, landed)
    assert problems == []
