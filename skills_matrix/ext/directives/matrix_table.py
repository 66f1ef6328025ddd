"""``skills-matrix``: the skills-versus-responsibilities table."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...grid import Grid, build_grid
from ...model import Matrix
from ..base import MatrixDirective, id_list
from ..filters import Filter, filters
from ..nodes import a_or_an, legend
from ..table_nodes import GRID, Cell, Link, TableSpec, group_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STRENGTH_MEANING = {
    "core": "the skill is central to the responsibility",
    "supporting": "the skill helps with it",
}


def grid_table(
    grid: Grid, caption: str | None, matrix: Matrix
) -> tuple[list[nodes.Node], nodes.container]:
    """The skills-versus-responsibilities table with its legend, in a container, and the
    filters that come before it in HTML."""
    header: list[Cell] = ["Skill"]
    if grid.role is not None:
        header.append("Expected level")
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
            cells += list(row.cells)
            spec.row(cells, [()] * offset + [(f"sm-{c}",) if c else () for c in row.cells])
        if title:
            in_group.append((title, tuple(range(first, len(spec.rows)))))
    by_role = tuple(
        (role.title, tuple(sorted(row_of[s] for s in matrix.expectations(role.id) if s in row_of)))
        for role in matrix.roles
    )
    note = legend(
        nodes.strong("Reading the table:", "Reading the table:"),
        " ",
        "; ".join(f"“{s}”: {meaning}" for s, meaning in STRENGTH_MEANING.items()),
        "; an empty cell: the skill is not needed for it.",
    )
    if grid.role is not None:
        note += nodes.Text(
            f" “Expected level” is the least {a_or_an(grid.role.title)} is expected to have."
        )
    bar = filters(
        Filter("Show category", "All categories", tuple(in_group) if len(in_group) > 1 else ()),
        Filter("Show the skills of", "Every role", by_role if grid.role is None else ()),
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
            caption = "Skills against responsibilities"
            if grid.role is not None:
                caption = (
                    f"Skills {a_or_an(grid.role.title)} is expected to have, by responsibility"
                )
        bar, table = grid_table(grid, caption or None, matrix)
        table["classes"] += self.options.get("class", [])
        self.add_name(table)
        return [*bar, table]


def setup_matrix_table(app: Sphinx) -> None:
    app.add_directive("skills-matrix", SkillsMatrix)
