"""``skills-role``: a role's definition: its place on a ladder, its responsibilities, and what
it expects of each skill, in its own words where the data has them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docutils import nodes

from ...assessment import percent
from ...model import Effective, Matrix, Role
from ...wording import number
from ..base import MatrixDirective
from ..domain import link
from ..locale import _
from ..nodes import a_or_an, paragraph
from ..table_nodes import Cell, Link, Parts, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def level_cell(matrix: Matrix, e: Effective) -> Cell:
    """The expected level, its points when levels carry points, "required" in words when it
    is a must-have, and its weight when it counts more or less than once in the fit."""
    level = matrix.level_by_id[e.level]
    found = Link("level", level.id, level.title)
    said: list[Link | str] = [found]
    if level.points is not None:
        said.append(" " + _("({points} points)").format(points=number(level.points)))
    if e.required:
        said.append(" " + _("(required)"))
    if e.weight != 1:
        weight = _("(weight {weight})").format(weight=number(e.weight))
        said.append(" " + (_("(counts twice)") if e.weight == 2 else weight))
    return Parts(tuple(said)) if len(said) > 1 else found


def what_fits(matrix: Matrix, role: Role, default: float) -> list[str]:
    """What the role takes to fit, where it is not the default: its own threshold, and the
    points total it needs."""
    out = []
    if role.threshold is not None and role.threshold != default:
        fits = _("Fits at {percent} of its expected skills met.")
        out.append(fits.format(percent=percent(role.threshold)))
    need = matrix.points_needed(role.id)
    if need is not None:
        out.append(_("Needs {points} points in total.").format(points=number(need)))
    return out


def fit_rows(matrix: Matrix, roles: Sequence[Role], default: float) -> list[list[Cell]]:
    """Rows of a table of *roles* saying what each takes to fit, where that is not only the
    *default* threshold: the threshold of each ("Fits at"), the points each needs."""
    rows: list[list[Cell]] = []
    if any(r.threshold is not None and r.threshold != default for r in roles):
        shares = (default if r.threshold is None else r.threshold for r in roles)
        rows.append([_("Fits at"), *(percent(share) for share in shares)])
    needs = [matrix.points_needed(role.id) for role in roles]
    if any(need is not None for need in needs):
        rows.append([_("Points needed"), *(None if n is None else number(n) for n in needs)])
    return rows


def _roles_sentence(label: str, roles: Iterable[Role]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for index, role in enumerate(roles):
        out += [
            nodes.Text(", " if index else f"{label} "),
            link("role", role.id, role.title, optional=True),
        ]
    return out


def role_profile(matrix: Matrix, role: Role, default: float) -> nodes.container:
    """The role's summary, place on its ladder, what it takes to fit (beside the *default*
    threshold), responsibilities and expected skills."""
    box = nodes.container(classes=["skills-matrix-role"])
    if role.summary:
        box += paragraph(role.summary)
    place: list[nodes.Node] = []
    if role.track:
        track = matrix.track_by_id[role.track]
        track_words = (
            _("Track: {track}, grade {grade}.").format(track=track.title, grade=role.grade)
            if role.grade is not None
            else _("Track: {track}.").format(track=track.title)
        )
        place.append(nodes.Text(track_words + " "))
    if role.extends:
        base = matrix.role_by_id[role.extends]
        place += [*_roles_sentence(_("Builds on"), [base]), nodes.Text(". ")]
    following = sorted(
        (r for r in matrix.roles if r.extends == role.id),
        key=lambda r: (r.grade is None, r.grade or 0, r.id),
    )
    if following:
        place += [*_roles_sentence(_("Next:"), following), nodes.Text(".")]
    if place:
        box += paragraph(*place, classes=["skills-matrix-ladder-place"])
    fitting = what_fits(matrix, role, default)
    if fitting:
        box += paragraph(" ".join(fitting), classes=["skills-matrix-role-fits"])
    heading = _("Responsibilities")
    box += nodes.rubric(heading, heading)
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
    box += items if responsibilities else paragraph(_("No responsibilities are listed."))
    heading = _("Expected skills")
    box += nodes.rubric(heading, heading)
    expectations = matrix.expectations(role.id)
    if not expectations:
        box += paragraph(_("No skills are expected."))
        return box
    names = {"a_role": a_or_an(role.title), "role": role.title}
    own = [e for e in expectations.values() if not e.inherited]
    groups = [("", _("Skills expected of {a_role}").format(**names), own)]
    if role.extends:
        base_title = matrix.role_by_id[role.extends].title
        inherited = [e for e in expectations.values() if e.inherited]
        groups = [
            (
                _("New at {role}").format(role=role.title),
                _("Skills expected of {a_role}: new at {role}").format(**names),
                own,
            ),
            (
                _("From {role}").format(role=base_title),
                _("Skills expected of {a_role}: from {base}").format(**names, base=base_title),
                inherited,
            ),
        ]
    for title, caption, entries in groups:
        if not entries:
            continue
        if title:
            box += nodes.rubric(title, title, classes=["skills-matrix-expectation-group"])
        box += _expectations_table(matrix, entries, caption)
    return box


def _expectations_table(matrix: Matrix, entries: list[Effective], caption: str) -> nodes.Node:
    spec = TableSpec(
        [_("Skill"), _("Category"), _("Expected level"), _("What this role expects")],
        caption=caption,
        classes=["skills-matrix-expectations", "longtable"],  # splits across PDF pages
        cards=True,
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
        [role] = matrix.pick("roles", [self.role_option(matrix, 0) or ""])
        box = role_profile(matrix, role, self.config.skills_matrix_threshold)
        self.set_source_info(box)
        # the anchor as a target of its own: every builder writes one (LaTeX labels no box)
        anchor = nodes.target("", "")
        self.set_source_info(anchor)
        self.domain.note_object("role", role.id, role.title, anchor)
        return [anchor, box]


def setup_role(app: Sphinx) -> None:
    app.add_directive("skills-role", SkillsRole)
