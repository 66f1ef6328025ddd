"""``skills-team``: a team assessed together: each person's level in each skill, the skills
that rest on one person, who fits each role, and how much of each responsibility the team
covers. ``:anonymous:`` shows "Person 1" … instead of names, on every builder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...assessment import percent
from ...diagnostics import Code, Diagnostics
from ...model import Matrix
from ...profile import Member
from ...reading.teams import load_team, team_files
from ...team import SHOWN_RISKS, TeamAssessment, assess_team
from ..base import MatrixDirective, fraction
from ..data import get_store
from ..domain import link
from ..locale import _
from ..nodes import filled, legend, paragraph
from ..table_nodes import Cell, Link, Parts, TableSpec
from ..warnings import report

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def team_nodes(matrix: Matrix, members: list[Member], result: TeamAssessment) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    at_risk = result.risks
    heading = _("Skills at risk")
    out.append(nodes.rubric(heading, heading))
    if at_risk:
        items = nodes.bullet_list()
        for cover in at_risk[:SHOWN_RISKS]:
            who = cover.covered_by[0] if cover.covered_by else _("nobody")
            level = matrix.level_by_id[cover.needed].title
            at = (
                _("{skill} (at {level} or above, required): {who}")
                if cover.required
                else _("{skill} (at {level} or above): {who}")
            )
            skill = link("skill", cover.skill, cover.title, optional=True)
            items += nodes.list_item("", paragraph(*filled(at, skill=skill, level=level, who=who)))
        said = (
            _(
                "{count} skills are covered by one person, or by nobody; those that matter "
                "most first (a skill a role requires, then one nobody covers, then one more "
                "roles expect):"
            ).format(count=len(at_risk))
            if len(at_risk) > 1
            else _("Covered by one person, or by nobody:")
        )
        out += [paragraph(said), items]
        if len(at_risk) > SHOWN_RISKS:
            more = _("And {count} more.").format(count=len(at_risk) - SHOWN_RISKS)
            out.append(paragraph(more))
    else:
        none = _("None: every skill a role expects is covered by two people or more.")
        out.append(paragraph(none))
    people = TableSpec(
        [_("Member"), _("Where they stand"), _("Working towards")],
        caption=_("Where each member stands"),
        classes=["skills-matrix-team-standing"],
        cards=True,
    )
    for name, answer in result.answers:
        held = [Link("role", r, matrix.role_by_id[r].title) for r in answer.standing]
        people.row(
            [
                name,
                Parts(tuple(_joined(held))) if held else _("no role yet"),
                Link("role", answer.target, matrix.role_by_id[answer.target].title)
                if answer.target
                else _("nothing further"),
            ]
        )
    if result.answers:
        title = _("Where each member stands")
        out += [nodes.rubric(title, title), people.node()]
    roles = TableSpec(
        [_("Role"), _("Who fits"), _("Highest fit")],
        caption=_("Roles"),
        classes=["skills-matrix-team-roles"],
        cards=True,
    )
    for role in result.roles:
        best = f"{role.best[0]} ({percent(role.best[1])})" if role.best else _("no expectations")
        fitting = ", ".join(role.fitting) or _("nobody")
        roles.row([Link("role", role.role, role.title), fitting, best])
    heading = _("Roles")
    out += [nodes.rubric(heading, heading), roles.node()]
    coverage = nodes.bullet_list()
    for rid, share in result.responsibilities:
        title = matrix.responsibility_by_id[rid].title
        words = ": " + (percent(share) if share is not None else _("no expected skill supports it"))
        coverage += nodes.list_item(
            "", paragraph(link("responsibility", rid, title, optional=True), words)
        )
    if result.responsibilities:
        title = _("Responsibilities covered")
        out += [nodes.rubric(title, title), coverage]
    out += _grid(matrix, members, result)
    return out


def _joined(parts: list[Link]) -> list[Link | str]:
    """*parts* with ", " between them."""
    out: list[Link | str] = []
    for index, part in enumerate(parts):
        out += [", "] if index else []
        out.append(part)
    return out


def _grid(matrix: Matrix, members: list[Member], result: TeamAssessment) -> list[nodes.Node]:
    spec = TableSpec(
        [_("Skill"), *(m.name for m in members)],
        caption=_("Each person's level in each skill"),
        classes=["skills-matrix", "skills-matrix-team", "longtable"],
    )
    groups = matrix.skills_in_display_order(only={cover.skill for cover in result.skills})
    for skill in spec.by_category(groups):
        cells: list[Cell] = [Link("skill", skill.id, skill.title)]
        for member in members:
            if skill.id not in member.profile.skills:
                cells.append(None)
                continue
            level = member.profile.skills[skill.id]
            cells.append(matrix.level_by_id[level].title if level else _("none yet"))
        spec.row(cells)
    note = legend(_("An empty cell: not assessed; “none yet”: assessed, without the skill."))
    title = _("Who has which skill")
    return [
        nodes.rubric(title, title),
        nodes.container("", spec.node(), note, classes=["skills-matrix-wrapper"]),
    ]


class SkillsTeam(MatrixDirective):
    """A team of profiles (a folder or a file) assessed together."""

    required_arguments = 1
    option_spec: ClassVar = {"anonymous": directives.flag, "threshold": fraction}

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        rel, path = self.env.relfn2path(self.arguments[0])
        if not Path(path).exists():
            return self.warn(f"{self.name}: {rel} does not exist", Code.DATA_MISSING)
        self.env.note_dependency(rel)  # a folder: a profile added or removed changes it
        files = team_files([Path(path)])
        for file in files:
            self.env.note_dependency(str(file))
        store = get_store(self.env)
        diagnostics = Diagnostics()
        members = load_team([Path(path)], matrix, diagnostics, read=lambda f: store.profile(str(f)))
        for diagnostic in diagnostics.sorted():
            report(diagnostic)
        if members is None:
            return []
        if "anonymous" in self.options:
            person = _("Person {number}")
            members = [Member(person.format(number=n), m.profile) for n, m in enumerate(members, 1)]
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        result = assess_team(matrix, members, threshold)
        return team_nodes(matrix, members, result)


def setup_team(app: Sphinx) -> None:
    app.add_directive("skills-team", SkillsTeam)
