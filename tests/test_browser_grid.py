"""In Chromium: the skills-versus-responsibilities grid shades its cells by what they hold
(core strongest, supporting lighter, nothing for an empty cell), with no class a cell."""

from __future__ import annotations

import pytest

from .browsing import open_page

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
