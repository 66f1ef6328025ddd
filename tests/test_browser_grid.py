"""In Chromium: the skills-versus-responsibilities grid reads as the matrix says, and shades its
cells by what they hold (core strongest, supporting lighter, nothing for an empty cell), with
no class a cell."""

from __future__ import annotations

import pytest

from skills_matrix.ext.tables import group_title
from skills_matrix.reading import load_matrix
from skills_matrix.table import build_grid

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
