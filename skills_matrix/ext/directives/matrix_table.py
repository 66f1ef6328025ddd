"""``skills-matrix``: the skills-versus-responsibilities table."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...grid import Grid, build_grid, strength_word
from ...model import Matrix
from ..base import MatrixDirective, id_list
from ..filters import Filter, filters
from ..locale import _
from ..nodes import a_or_an, legend
from ..table_nodes import GRID, Cell, Link, TableSpec, group_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def strengths() -> dict[str, tuple[str, str]]:
    """Each strength of a skill for a responsibility: its word in a cell and its meaning."""
    return {
        "core": (strength_word("core"), _("the skill is central to the responsibility")),
        "supporting": (strength_word("supporting"), _("the skill helps with it")),
    }


def grid_table(
    grid: Grid, caption: str | None, matrix: Matrix
) -> tuple[list[nodes.Node], nodes.container]:
    """The skills-versus-responsibilities table with its legend, in a container, and the
    filters that come before it in HTML."""
    strength = strengths()
    header: list[Cell] = [_("Skill")]
    if grid.role is not None:
        header.append(_("Expected level"))
    header += [Link("responsibility", c.id, c.title) for c in grid.columns]
    # a role's grid, read a skill at a time, is cards on a phone; the whole matrix stays a
    # table that scrolls sideways, its header row held in view (skills-matrix-table.js)
    spec = TableSpec(
        header,
        caption=caption,
        classes=["skills-matrix", GRID, "longtable"],
        cards=grid.role is not None,
    )
    offset = 2 if grid.role is not None else 1
    in_group: list[tuple[str, tuple[int, ...]]] = []
    row_of: dict[str, int] = {}
    for group in grid.groups:
        title = group_title(group.category, len(grid.groups))
        if title:
            spec.group(title)
        first = len(spec.rows)
        for row in group.rows:
            row_of[row.skill.id] = len(spec.rows)
            cells: list[Cell] = [Link("skill", row.skill.id, row.skill.title)]
            if row.expected is not None:
                cells.append(Link("level", row.expected.id, row.expected.title))
            cells += [strength[c][0] if c else c for c in row.cells]
            spec.row(cells, [()] * offset + [(f"sm-{c}",) if c else () for c in row.cells])
        if title:
            in_group.append((title, tuple(range(first, len(spec.rows)))))
    by_role = tuple(
        (role.title, tuple(sorted(row_of[s] for s in matrix.expectations(role.id) if s in row_of)))
        for role in matrix.roles
    )
    reading = _("Reading the table:")
    meanings = [
        _("“{strength}”: {meaning}").format(strength=word, meaning=meaning)
        for word, meaning in strength.values()
    ]
    note = legend(
        nodes.strong(reading, reading),
        " ",
        "; ".join(meanings),
        _("; an empty cell: the skill is not needed for it."),
    )
    if grid.role is not None:
        least = _("“Expected level” is the least {a_role} is expected to have.")
        note += nodes.Text(
            " " + least.format(a_role=a_or_an(grid.role.title), role=grid.role.title)
        )
    in_groups = tuple(in_group) if len(in_group) > 1 else ()
    bar = filters(
        Filter(_("Show category"), _("All categories"), in_groups),
        Filter(_("Show the skills of"), _("Every role"), by_role if grid.role is None else ()),
    )
    return bar, nodes.container("", spec.node(), note, classes=["skills-matrix-wrapper"])


class SkillsMatrix(MatrixDirective):
    """The skills-versus-responsibilities table."""

    option_spec: ClassVar = {
        "role": directives.unchanged_required,
        "category": id_list,
        "responsibilities": id_list,
        "caption": directives.unchanged,
        "class": directives.class_option,
        "name": directives.unchanged,
    }

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        grid = build_grid(
            matrix,
            role=self.options.get("role"),
            categories=self.options.get("category"),
            responsibilities=self.options.get("responsibilities"),
        )
        caption = self.options.get("caption")
        if caption is None:
            caption = _("Skills against responsibilities")
            if grid.role is not None:
                caption = _("Skills {a_role} is expected to have, by responsibility").format(
                    a_role=a_or_an(grid.role.title), role=grid.role.title
                )
        bar, table = grid_table(grid, caption or None, matrix)
        table["classes"] += self.options.get("class", [])
        self.add_name(table)
        return [*bar, table]


def setup_matrix_table(app: Sphinx) -> None:
    app.add_directive("skills-matrix", SkillsMatrix)
