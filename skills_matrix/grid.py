"""The skills-versus-responsibilities grid, and the skills-versus-roles comparison.

Pure data: the Sphinx directives, CSV and Markdown exports all render these same grids.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence

from .locale import _
from .model import Category, Level, Matrix, Responsibility, Role, Skill, Strength


def strength_word(strength: str) -> str:
    """A skill's strength for a responsibility as a cell or a list says it."""
    return {"core": _("core"), "supporting": _("supporting")}.get(strength, strength)


@dc.dataclass(frozen=True, slots=True)
class Row:
    skill: Skill
    cells: tuple[Strength | None, ...]
    expected: Level | None = None
    """The level the selected role expects, when a role is selected."""


@dc.dataclass(frozen=True, slots=True)
class RowGroup:
    category: Category | None
    rows: tuple[Row, ...]


@dc.dataclass(frozen=True, slots=True)
class Grid:
    columns: tuple[Responsibility, ...]
    groups: tuple[RowGroup, ...]
    role: Role | None = None

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


def build_grid(
    matrix: Matrix,
    *,
    role: str | None = None,
    categories: Sequence[str] | None = None,
    responsibilities: Sequence[str] | None = None,
) -> Grid:
    """Skills (rows, grouped by category) against responsibilities (columns).

    With no options: every skill against every responsibility, as the format defines.
    *role* keeps the role's responsibilities and expected skills; *categories* keeps skills of
    those categories; *responsibilities* keeps those columns, in the order given, and the
    skills that support at least one of them.
    """
    selected_role = matrix.pick("roles", [role])[0] if role else None
    if categories is not None:
        matrix.pick("categories", categories)
    columns: list[Responsibility] = list(matrix.responsibilities)
    if selected_role is not None:
        columns = [
            matrix.responsibility_by_id[r] for r in matrix.responsibilities_of(selected_role.id)
        ]
    if responsibilities is not None:
        chosen = matrix.pick("responsibilities", responsibilities)
        allowed = {c.id for c in columns}
        columns = [c for c in chosen if c.id in allowed]
    column_ids = [c.id for c in columns]
    expects = matrix.expectations(selected_role.id) if selected_role is not None else {}
    groups: list[RowGroup] = []
    for category, skills in matrix.skills_in_display_order():
        if categories is not None and (category is None or category.id not in categories):
            continue
        rows = []
        for skill in skills:
            expected = None
            if selected_role is not None:
                if skill.id not in expects:
                    continue
                expected = matrix.level_by_id[expects[skill.id].level]
            cells = tuple(skill.supports.get(c) for c in column_ids)
            if responsibilities is not None and selected_role is None and not any(cells):
                continue
            rows.append(Row(skill, cells, expected))
        if rows:
            groups.append(RowGroup(category, tuple(rows)))
    return Grid(tuple(columns), tuple(groups), selected_role)


@dc.dataclass(frozen=True, slots=True)
class ComparisonRow:
    skill: Skill
    cells: tuple[Level | None, ...]


@dc.dataclass(frozen=True, slots=True)
class Comparison:
    roles: tuple[Role, ...]
    groups: tuple[tuple[Category | None, tuple[ComparisonRow, ...]], ...]


def build_comparison(matrix: Matrix, roles: Sequence[str] | None = None) -> Comparison:
    """Skills (rows) against roles (columns), each cell the level the role expects."""
    chosen: list[Role] = matrix.pick("roles", roles) if roles is not None else list(matrix.roles)
    expects = [matrix.expectations(r.id) for r in chosen]
    groups = []
    for category, skills in matrix.skills_in_display_order():
        rows = []
        for skill in skills:
            cells = tuple(
                matrix.level_by_id[e[skill.id].level] if skill.id in e else None for e in expects
            )
            if any(cells):
                rows.append(ComparisonRow(skill, cells))
        if rows:
            groups.append((category, tuple(rows)))
    return Comparison(tuple(chosen), tuple(groups))
