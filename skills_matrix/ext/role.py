"""``skills-role``: a role's definition: its place on a ladder, its responsibilities, and what
it expects of each skill, in its own words where the data has them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from docutils import nodes

from ..model import Effective, Matrix, Role
from .base import MatrixDirective
from .domain import link
from .nodes import a_or_an, paragraph
from .tables import Cell, Link, Parts, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def level_cell(matrix: Matrix, e: Effective) -> Cell:
    """The expected level, and "required" in words when it is a must-have."""
    level = matrix.level_by_id[e.level]
    found = Link("level", level.id, level.title)
    return Parts((found, " (required)")) if e.required else found


def _roles_sentence(label: str, roles: Iterable[Role]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for index, role in enumerate(roles):
        out += [
            nodes.Text(", " if index else f"{label} "),
            link("role", role.id, role.title, optional=True),
        ]
    return out


def role_profile(matrix: Matrix, role: Role) -> nodes.container:
    """The role's summary, place on its ladder, responsibilities and expected skills."""
    box = nodes.container(classes=["skills-matrix-role"])
    if role.summary:
        box += paragraph(role.summary)
    place = []
    if role.track:
        track = matrix.track_by_id[role.track]
        grade = f", grade {role.grade}" if role.grade is not None else ""
        place.append(nodes.Text(f"Track: {track.title}{grade}. "))
    if role.extends:
        base = matrix.role_by_id[role.extends]
        place += [*_roles_sentence("Builds on", [base]), nodes.Text(". ")]
    following = sorted(
        (r for r in matrix.roles if r.extends == role.id),
        key=lambda r: (r.grade is None, r.grade or 0, r.id),
    )
    if following:
        place += [*_roles_sentence("Next:", following), nodes.Text(".")]
    if place:
        box += paragraph(*place, classes=["skills-matrix-ladder-place"])
    box += nodes.rubric("Responsibilities", "Responsibilities")
    responsibilities = matrix.responsibilities_of(role.id)
    items = nodes.bullet_list()
    for rid in responsibilities:
        resp = matrix.responsibility_by_id[rid]
        para = paragraph(
            nodes.strong("", "", link("responsibility", rid, resp.title, optional=True))
        )
        if resp.description:
            para += nodes.Text(f" — {resp.description}")
        items += nodes.list_item("", para)
    box += items if responsibilities else paragraph("No responsibilities are listed.")
    box += nodes.rubric("Expected skills", "Expected skills")
    expectations = matrix.expectations(role.id)
    if not expectations:
        box += paragraph("No skills are expected.")
        return box
    groups = [("", [e for e in expectations.values() if not e.inherited])]
    if role.extends:
        base = matrix.role_by_id[role.extends]
        groups = [
            (f"New at {role.title}", groups[0][1]),
            (f"From {base.title}", [e for e in expectations.values() if e.inherited]),
        ]
    for title, entries in groups:
        if not entries:
            continue
        if title:
            box += nodes.rubric(title, title, classes=["skills-matrix-expectation-group"])
        box += _expectations_table(matrix, role, entries, title)
    return box


def _expectations_table(
    matrix: Matrix, role: Role, entries: list[Effective], group: str
) -> nodes.Node:
    spec = TableSpec(
        ["Skill", "Category", "Expected level", "What this role expects"],
        caption=f"Skills expected of {a_or_an(role.title)}"
        + (f": {group[:1].lower()}{group[1:]}" if group else ""),
        classes=["skills-matrix-expectations", "longtable"],  # splits across PDF pages
    )
    wanted = {e.skill: e for e in entries}
    for category, skills in matrix.skills_in_display_order():
        for skill in skills:
            if skill.id in wanted:
                e = wanted[skill.id]
                spec.row(
                    [
                        Link("skill", skill.id, skill.title),
                        category.title if category else None,
                        level_cell(matrix, e),
                        matrix.expected_words(e),
                    ]
                )
    return spec.node()


class SkillsRole(MatrixDirective):
    """A role's summary, responsibilities and expected skills; the role's definition."""

    required_arguments = 1

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        [role] = matrix.pick("roles", self.arguments)
        box = role_profile(matrix, role)
        self.set_source_info(box)
        # the anchor as a target of its own: every builder writes one (LaTeX labels no box)
        anchor = nodes.target("", "")
        self.set_source_info(anchor)
        self.domain.note_object("role", role.id, role.title, anchor)
        return [anchor, box]


def setup_role(app: Sphinx) -> None:
    app.add_directive("skills-role", SkillsRole)
