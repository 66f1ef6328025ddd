"""Tables built from docutils nodes when a page is written, not when it is read.

A directive records a table as a compact :class:`TableSpec` inside one ``deferred_table``
node. Read-time transforms and the pickled doctree then carry one small node instead of tens
of thousands (a 1000-skill matrix has over 20,000 cells); on ``doctree-resolved``, for every
builder, the spec becomes an ordinary ``table`` whose headers link to the definitions the
project has. This is what makes a generated matrix cheaper to build than the same table
typed by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from docutils import nodes

from ..model import Category
from .builders import is_epub
from .locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import MatrixDomain

T = TypeVar("T")


class Link(NamedTuple):
    """A cell linking to a definition: shown as *title*, linked where the project has one."""

    objtype: str
    ident: str
    title: str


class Anchor(NamedTuple):
    """A link to a target on the same page (a note below a table), shown as *title*."""

    target: str
    title: str


class Parts(NamedTuple):
    """A cell of several parts, shown one after the other."""

    parts: tuple[Link | Anchor | str, ...]


Cell = Link | Anchor | Parts | str | None


class Group(NamedTuple):
    """A row naming the group of rows below it."""

    title: str


class Row(NamedTuple):
    cells: tuple[Cell, ...]
    classes: tuple[tuple[str, ...], ...] = ()


def group_title(category: Category | None, groups: int) -> str | None:
    """The title of a group row: none for a lone group of skills without a category."""
    if category is None:
        return _("Other skills") if groups > 1 else None
    return category.title


CARDS = "sm-cards"
"""The class of a table that a narrow screen shows as one card per row (skills-matrix.css):
in HTML each of its cells carries its column's header as a label, shown only then."""
CORE = "sm-core"
STRENGTH_CLASSES = frozenset({CORE, "sm-supporting"})
"""A grid cell's strength, given as a class: in HTML, said by the cell itself instead (core
is strong), for :data:`GRID` tables' stylesheet."""
GRID = "sm-grid"
"""The class of the skills-versus-responsibilities table."""


class TableSpec:
    """A table with one header row, a stub (row header) column and group rows; *cards*: on a
    narrow screen, one card per row instead of a table wider than the screen."""

    def __init__(
        self,
        header: Sequence[Cell],
        *,
        caption: str | None,
        classes: Sequence[str],
        stub_columns: int = 1,
        cards: bool = False,
    ) -> None:
        self.header = tuple(header)
        self.caption = caption
        self.classes = (*classes, CARDS) if cards else tuple(classes)
        self.stub_columns = stub_columns
        self.rows: list[Group | Row] = []

    def group(self, title: str) -> None:
        self.rows.append(Group(title))

    def row(self, cells: Sequence[Cell], classes: Sequence[Sequence[str]] = ()) -> None:
        self.rows.append(Row(tuple(cells), tuple(tuple(c) for c in classes)))

    def by_category(self, groups: Sequence[tuple[Category | None, Sequence[T]]]) -> Iterator[T]:
        """The items of each group in turn, each group's after a row naming its category."""
        for category, items in groups:
            title = group_title(category, len(groups))
            if title:
                self.group(title)
            yield from items

    def node(self) -> deferred_table:
        return deferred_table(
            spec=(self.header, tuple(self.rows), self.caption, self.classes, self.stub_columns)
        )


class deferred_table(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A table to build when its page is written; see the module's docstring."""


class compact_row(nodes.row):  # noqa: N801
    """A body row as HTML lets it be written: no odd/even class (no stylesheet reads it) and
    no end tag for its cells, which HTML implies. A thousand-row grid is mostly those: written
    out, they made the page heavier, compressed, than the same table typed by hand. Only in
    HTML, not XHTML (EPUB), which needs every end tag; other writers see a row."""


class compact_entry(nodes.entry):  # noqa: N801
    """A cell of a :class:`compact_row`; *stub*: a row header."""


def visit_compact_row(self, node: compact_row) -> None:
    self.body.append(self.starttag(node, "tr", ""))


def depart_compact_row(self, node: compact_row) -> None:
    self.body.append("</tr>\n")


def visit_compact_entry(self, node: compact_entry) -> None:
    if node.get("stub"):
        self.body.append(self.starttag(node, "th", "", classes=["stub"]))
    else:
        self.body.append(self.starttag(node, "td", ""))


def depart_compact_entry(self, node: compact_entry) -> None:
    pass  # HTML ends a cell at the next cell or at the row's end


MIN_WIDTH, MAX_WIDTH = 4, 40
"""Column widths, in characters, for the builders that lay tables out as text."""
LATEX_LINE = 100
"""About how many characters of a table's text a PDF's line holds (small type, A4 or
letter): what LaTeX's column widths are shared out of."""


class _Builder:
    def __init__(
        self, spec: tuple, link: Callable[[Link], nodes.Node], format: str, compact: bool = False
    ) -> None:
        header, self.rows, caption, classes, stub_columns = spec
        self.link = link
        self.compact = compact
        self.labels: tuple[str, ...] = ()
        if format == "html" and CARDS in classes:
            self.labels = tuple(self._text(cell) for cell in header)
        self.stub_columns = stub_columns
        self.width = len(header)
        self.html = format == "html"
        # LaTeX sets auto-width columns on one line each, past the page's edge; the widths
        # measured below (in characters) make columns that wrap there instead
        self.latex = format == "latex"
        self.longest = [0] * self.width
        """Each column's longest word in the body, in characters (measured for LaTeX)."""
        widths = "colwidths-given" if self.latex else "colwidths-auto"
        self.table = nodes.table(classes=["skills-matrix-table", widths, *classes])
        if caption:
            self.table += nodes.title(caption, caption)
        tgroup = nodes.tgroup(cols=self.width)
        self.colspecs = [
            nodes.colspec(colwidth=MIN_WIDTH, stub=1 if index < stub_columns else 0)
            for index in range(self.width)
        ]
        tgroup.extend(self.colspecs)
        self.table += tgroup
        tgroup += nodes.thead("", self._row(header, (), labelled=False, head=True))
        self.body = nodes.tbody()
        tgroup += self.body

    def build(self) -> nodes.table:
        for row in self.rows:
            if isinstance(row, Group):
                strong = nodes.strong(row.title, row.title)
                self.body += self._row(
                    (strong,) + (None,) * (self.width - 1),
                    (),
                    ["skills-matrix-group"],
                    labelled=False,
                )
            else:
                self.body += self._row(row.cells, row.classes)
        if self.latex:
            self._fit_the_page()
        return self.table

    def _fit_the_page(self) -> None:
        """Column widths for LaTeX, which gives each its share of the line: every column at
        least as wide as its longest word (kept whole), the room left shared in proportion to
        how much more each column's text would take."""
        least = [min(longest + 2, MAX_WIDTH) for longest in self.longest]
        wants = [spec["colwidth"] for spec in self.colspecs]
        more = [max(0, want - low) for want, low in zip(wants, least, strict=True)]
        room = LATEX_LINE - sum(least)
        share = min(1.0, room / sum(more)) if room > 0 and sum(more) else 0.0
        for spec, low, extra in zip(self.colspecs, least, more, strict=True):
            spec["colwidth"] = max(1, round(low + extra * share))

    def _row(self, cells, classes, row_classes=(), labelled=True, head=False) -> nodes.row:
        compact = self.compact and not head
        row = (compact_row if compact else nodes.row)(classes=list(row_classes))
        for index, cell in enumerate(cells):
            given = list(classes[index]) if index < len(classes) else []
            core = CORE in given
            if self.html:  # the stylesheet shades a grid's cells by what they hold: a
                # thousand rows carry no class a cell
                given = [c for c in given if c not in STRENGTH_CLASSES]
            entry: nodes.entry
            if compact:
                entry = compact_entry(classes=given, stub=index < self.stub_columns)
            else:
                entry = nodes.entry(classes=given)
            if cell is not None:
                parts = cell.parts if isinstance(cell, Parts) else (cell,)
                content = [self._part(part) for part in parts]
                text = "".join(node.astext() for node in content)
                if len(text) > self.colspecs[index]["colwidth"]:
                    self.colspecs[index]["colwidth"] = min(len(text), MAX_WIDTH)
                if self.latex and labelled:  # body cells: the header's words may wrap
                    longest = max(map(len, text.split()), default=0)
                    self.longest[index] = max(self.longest[index], longest)
                if labelled and self.labels and index >= self.stub_columns:
                    label = self.labels[index]
                    lead = _("{heading}: ").format(heading=label)
                    content.insert(0, nodes.inline("", lead, classes=["sm-label"]))
                if core:  # strong in every output; HTML also shades what is strong
                    content = [nodes.strong("", "", *content)]
                # a cell of words needs no paragraph in HTML: a thousand rows are lighter
                # without (a link needs one: the writer expects it inside text)
                bare = self.html and not any(
                    n.next_node(nodes.reference, include_self=True) for n in content
                )
                entry += content if bare else nodes.paragraph("", "", *content)
            row += entry
        return row

    @staticmethod
    def _text(cell: Cell) -> str:
        """A header cell's words."""
        if cell is None:
            return ""
        parts = cell.parts if isinstance(cell, Parts) else (cell,)
        return "".join(part if isinstance(part, str) else part.title for part in parts)

    def _part(self, part: Link | Anchor | str | nodes.Node) -> nodes.Node:
        if isinstance(part, Link):
            return self.link(part)
        if isinstance(part, Anchor):
            return nodes.reference(part.title, part.title, refid=part.target, internal=True)
        return nodes.Text(part) if isinstance(part, str) else part


def expand_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace every ``deferred_table`` with its table, for the builder at hand."""
    domain: MatrixDomain = app.env.get_domain("matrix")  # type: ignore[assignment]

    def link(cell: Link) -> nodes.Node:
        return domain.reference(app.builder, docname, cell.objtype, cell.ident, cell.title)

    builder = app.builder
    compact = builder.format == "html" and not is_epub(builder)  # XHTML: every end tag
    for node in list(doctree.findall(deferred_table)):
        table = _Builder(node["spec"], link, builder.format, compact).build()
        table.source, table.line = node.source, node.line
        table["ids"] = node["ids"]
        node.replace_self(table)


def setup_tables(app: Sphinx) -> None:
    app.add_node(deferred_table)
    app.add_node(compact_row, html=(visit_compact_row, depart_compact_row))
    app.add_node(compact_entry, html=(visit_compact_entry, depart_compact_entry))
    app.connect("doctree-resolved", expand_tables)
