"""Charts on pages (:mod:`..chart`): the SVG in HTML; a table of the same numbers in every
other output (LaTeX, text, man; EPUB too, whose checker wants inline SVG declared in the
package), chosen once the builder is known."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..chart import Chart, svg
from .builders import is_epub
from .locale import _
from .table_nodes import TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx

BOX = "sm-chart-box"
TABLE = "sm-chart-table"
DRAWN = "sm-chart-drawn"


def chart_node(chart: Chart, ident: str) -> nodes.container:
    """Both forms of *chart*; :func:`keep_one_form` keeps the one the builder shows."""
    box = nodes.container(classes=[BOX])
    drawn = nodes.container(classes=[DRAWN])
    drawn += nodes.paragraph(chart.title, chart.title, classes=["sm-chart-caption"])
    drawn += nodes.raw("", svg(chart, ident), format="html")  # escaped by ElementTree
    box += drawn
    spec = TableSpec(
        [_("Skill"), *(s.name for s in chart.series)], caption=chart.title, classes=[TABLE]
    )
    for index, skill in enumerate(chart.skills):
        spec.row([skill, *(chart.level_title(s.values[index]) for s in chart.series)])
    box += spec.node()
    return box


def keep_one_form(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    svg_shown = app.builder.format == "html" and not is_epub(app.builder)
    for box in list(doctree.findall(nodes.container)):
        if BOX not in box["classes"]:
            continue
        for child in list(box.children):
            if isinstance(child, nodes.Element) and (DRAWN in child["classes"]) != svg_shown:
                box.remove(child)


def setup_chart(app: Sphinx) -> None:
    app.connect("doctree-resolved", keep_one_form)
