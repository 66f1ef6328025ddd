"""``skills-role``: a role's definition, its summary, responsibilities and expected skills."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..model import Matrix, Role
from .base import MatrixDirective
from .domain import link
from .nodes import paragraph
from .tables import Cell, Link, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def role_profile(matrix: Matrix, role: Role) -> nodes.container:
    """The role's summary, responsibilities and expected skills with level descriptors."""
    box = nodes.container(classes=["skills-matrix-role"])
    if role.summary:
        box += paragraph(role.summary)
    box += nodes.rubric("Responsibilities", "Responsibilities")
    items = nodes.bullet_list()
    for rid in role.responsibilities:
        resp = matrix.responsibility_by_id[rid]
        para = paragraph(
            nodes.strong("", "", link("responsibility", rid, resp.title, optional=True))
        )
        if resp.description:
            para += nodes.Text(f" — {resp.description}")
        items += nodes.list_item("", para)
    box += items if role.responsibilities else paragraph("No responsibilities are listed.")
    header: list[Cell] = ["Skill", "Category", "Expected level", "What that level means"]
    spec = TableSpec(
        header, caption=f"Skills expected of a {role.title}", classes=["skills-matrix-expectations"]
    )
    for category, skills in matrix.skills_in_display_order():
        for skill in skills:
            if skill.id not in role.expects:
                continue
            level = matrix.level_by_id[role.expects[skill.id]]
            spec.row(
                [
                    Link("skill", skill.id, skill.title),
                    category.title if category else None,
                    Link("level", level.id, level.title),
                    level.description,
                ]
            )
    box += nodes.rubric("Expected skills", "Expected skills")
    box += spec.node() if role.expects else paragraph("No skills are expected.")
    return box


class SkillsRole(MatrixDirective):
    """A role's summary, responsibilities and expected skills; the role's definition."""

    required_arguments = 1

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        [role] = matrix.pick("roles", self.arguments)
        box = role_profile(matrix, role)
        self.set_source_info(box)
        self.domain.note_object("role", role.id, role.title, box)
        return [box]


def setup_role(app: Sphinx) -> None:
    app.add_directive("skills-role", SkillsRole)
