"""Filters above a matrix table (HTML only): show one category, or the skills one role expects.

The controls are written into the page when it is built, each option naming the table's rows
it keeps (as the steps between them, :func:`_steps`), so they take their place before any
script runs (the page does not move as it loads) and the script only hides rows. Without
scripting the stylesheet hides them; other builders leave them out.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from .builders import is_epub

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class Filter(NamedTuple):
    label: str
    everything: str
    """The first option's words: no filtering."""
    options: tuple[tuple[str, tuple[int, ...]], ...]
    """Each option's words and the indices of the table body's rows it keeps."""


class filter_bar(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Controls that hide rows of the matrix table that follows."""


def filters(*candidates: Filter) -> list[nodes.Node]:
    """A bar of the *candidates* that have options; nothing when none has."""
    kept = tuple(f for f in candidates if f.options)
    return [filter_bar(filters=kept)] if kept else []


def visit_filter_bar_html(self: HTML5Translator, node: filter_bar) -> None:
    if is_epub(self.builder):  # a book: no scripts to run them
        raise nodes.SkipNode
    self.body.append('<div class="sm-filters">')
    for bar in node["filters"]:
        self.body.append(
            f'<label class="sm-filter">{escape(bar.label)} <select>'
            f'<option value="">{escape(bar.everything)}</option>'
        )
        for words, rows in bar.options:  # an option's steps say what it keeps: no value
            self.body.append(f'<option data-steps="{_steps(rows)}">{escape(words)}</option>')
        self.body.append("</select></label>")
    self.body.append("</div>")
    raise nodes.SkipNode


def _steps(rows: tuple[int, ...]) -> str:
    """Ascending row indices as the steps between them, from 0, a step repeated *n* times
    written ``STEPxN``: rows 0-6 and 9 are ``0 1x6 3``; every seventh row from the 27th is
    ``27 7x141``. Never longer than the indices themselves, and short whatever the pattern."""
    out: list[str] = []
    steps = [row - before for before, row in zip((0, *rows), rows, strict=False)]
    index = 0
    while index < len(steps):
        step, count = steps[index], 1
        while index + count < len(steps) and steps[index + count] == step:
            count += 1
        out += [f"{step}x{count}"] if count > 2 else [str(step)] * count
        index += count
    return " ".join(out)


def skip(self: nodes.NodeVisitor, node: filter_bar) -> None:
    raise nodes.SkipNode


def setup_filters(app: Sphinx) -> None:
    app.add_node(
        filter_bar,
        html=(visit_filter_bar_html, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
