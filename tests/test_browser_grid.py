"""In Chromium: the skills-versus-responsibilities grid reads as the matrix says, and shades its
cells by what they hold (core strongest, supporting lighter, nothing for an empty cell), with
no class a cell."""

from __future__ import annotations

import pytest

from skills_matrix.ext.table_nodes import group_title
from skills_matrix.grid import build_grid
from skills_matrix.reading import load_matrix

from .browsing import open_page
from .conftest import PROJECT

pytestmark = pytest.mark.site

SHADES = """[...document.querySelectorAll('table.sm-grid tbody tr:not(.skills-matrix-group) td')]
  .filter((td) => !td.querySelector('a'))
  .map((td) => [td.textContent.trim(), td.className, getComputedStyle(td).backgroundColor])"""


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_cells_are_shaded_by_their_strength(site, browser, mode):
    _, base = site
    page, problems = open_page(browser, base + "matrix/index.html", mode=mode)
    cells = page.evaluate(SHADES)
    by_text: dict[str, set[str]] = {}
    for text, classes, background in cells:
        assert classes == "", (text, classes)
        by_text.setdefault(text, set()).add(background)
    assert set(by_text) == {"", "core", "supporting"}
    assert by_text[""] == {"rgba(0, 0, 0, 0)"}
    (core,), (supporting,) = by_text["core"], by_text["supporting"]
    alpha = lambda color: float(color.rstrip(")").split("/")[-1])  # noqa: E731
    assert alpha(core) > alpha(supporting) > 0
    assert problems == []


def test_the_grid_reads_as_the_matrix_says(site, browser):
    """Its body rows leave out the cells' end tags (HTML implies them): the browser still reads
    each row as its header and one cell a responsibility, as Python built the grid."""
    _, base = site
    page, problems = open_page(browser, base + "matrix/index.html")
    read = page.evaluate(
        """() => [...document.querySelector('table.sm-grid').tBodies[0].rows].map(
            (row) => [...row.cells].map((cell) => [cell.tagName, cell.textContent.trim()]))"""
    )
    grid = build_grid(load_matrix(PROJECT / "docs" / "_data" / "skills-matrix.yaml"))
    expected = []
    for group in grid.groups:
        title = group_title(group.category, len(grid.groups))
        if title:
            expected.append([["TH", title]] + [["TD", ""]] * len(grid.columns))
        for row in group.rows:
            expected.append([["TH", row.skill.title]] + [["TD", c or ""] for c in row.cells])
    assert read == expected
    assert problems == []


GRID = "document.querySelector('table.sm-grid')"
WRAPPER = GRID + ".closest('.skills-matrix-wrapper')"
BOX = GRID + ".parentElement"  # the theme's scrolling box, inside the wrapper
TOP = "parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--sm-top'))"
HEAD = f"""() => {{
  const table = {GRID};
  const ths = [...table.tHead.rows[0].cells];
  const row = [...table.tBodies[0].rows].find((r) => !r.classList.contains('skills-matrix-group')
    && r.getBoundingClientRect().top > ths[0].getBoundingClientRect().bottom);
  const r = ths[2].getBoundingClientRect();
  const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {{
    top: {TOP}, tableTop: table.getBoundingClientRect().top,
    heads: ths.map((th) => [th.getBoundingClientRect().left, th.getBoundingClientRect().top]),
    cells: row ? [...row.cells].map((c) => c.getBoundingClientRect().left) : [],
    seen: table.tHead.contains(seen),
    fits: {WRAPPER}.classList.contains('sm-fits'),
    moved: table.tHead.style.transform,
  }};
}}"""


def test_a_grid_too_wide_for_a_phone_keeps_its_column_headers_in_view(site, browser):
    """On a phone the grid scrolls sideways in its box, where CSS cannot hold its header
    row to the page: scrolled down past its top, then sideways, the headers stay under the
    site's header, each above its column."""
    _, base = site
    page, problems = open_page(
        browser, base + "matrix/index.html", viewport={"width": 390, "height": 800}
    )
    page.wait_for_load_state("load")
    start = page.evaluate(HEAD)
    assert not start["fits"] and start["moved"] == ""
    page.evaluate(f"window.scrollBy(0, {GRID}.getBoundingClientRect().top + 500)")
    held = f"() => Math.abs({GRID}.tHead.getBoundingClientRect().top - {TOP}) < 1"
    page.wait_for_function(held)
    down = page.evaluate(HEAD)
    assert down["tableTop"] < down["top"] - 400 and down["seen"], down
    page.evaluate(f"{BOX}.scrollLeft = 150")
    page.wait_for_function(f"() => {BOX}.scrollLeft > 0")
    aside = page.evaluate(HEAD)
    assert aside["seen"] and aside["moved"].startswith("translateY("), aside
    for (head, _), cell in zip(aside["heads"][1:], aside["cells"][1:], strict=True):
        assert head == pytest.approx(cell, abs=1)  # each header above its column
    tops = [y for _, y in aside["heads"]]
    assert tops == pytest.approx([aside["top"]] * len(tops), abs=1)
    assert problems == []
