"""The self-assessment on paper: each skill with its levels to tick, and what it takes to fit
each role, worked out so that the fit can be computed by hand. What a book (PDF, EPUB, text)
shows in place of the form, and a page without JavaScript too."""

from __future__ import annotations

from docutils import nodes

from ...assessment import percent
from ...model import Matrix
from ...wording import number
from ..locale import _
from ..nodes import paragraph
from ..table_nodes import Cell, Link, Parts, TableSpec

BOX = "\u2610"
"""A box to tick (BALLOT BOX)."""


def worksheet(matrix: Matrix, threshold: float) -> nodes.container:
    box = nodes.container(classes=["sm-worksheet"])
    heading = _("On paper")
    box += nodes.rubric(heading, heading)
    box += paragraph(
        _(
            "Tick your level in each skill: the highest you have, or None yet. A skill left "
            "blank is not assessed; both count as not met."
        )
    )
    box += _ticks(matrix)
    box += paragraph(_("Then, for the role you are working towards:"))
    steps = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    said = [
        _(
            "A skill the role expects is met when your level is the one it expects or higher "
            "(each role's page, and the comparison of the roles, give the levels)."
        ),
        _(
            "Add up the weights of the skills it expects that you meet. A skill weighs 1 "
            "unless the table below says otherwise; the table gives the whole weight too. "
            "That sum over the whole weight is your fit."
        ),
        _(
            "The role fits when the sum reaches the weight it needs to fit, below, and every "
            "skill it requires is met."
        ),
    ]
    if any(level.points is not None for level in matrix.levels):
        said.append(
            _(
                "Your points total is the points of your level in each skill, added up; a "
                "role that needs points fits only when the total reaches them."
            )
        )
    for text in said:
        steps += nodes.list_item("", paragraph(text))
    box += steps
    box += _fits(matrix, threshold)
    return box


def _ticks(matrix: Matrix) -> nodes.Node:
    levels = [level.title for level in matrix.levels]
    spec = TableSpec(
        [_("Skill"), _("None yet"), *levels],
        caption=_("Your level in each skill"),
        classes=["skills-matrix-worksheet", "longtable"],
    )
    groups = matrix.skills_in_display_order()
    for skill in spec.by_category(groups):
        spec.row([Link("skill", skill.id, skill.title), *([BOX] * (len(levels) + 1))])
    return spec.node()


def _fits(matrix: Matrix, threshold: float) -> nodes.Node:
    spec = TableSpec(
        [
            _("Role"),
            _("Skills expected"),
            _("Whole weight"),
            _("Needed to fit"),
            _("Required"),
            _("Weighs more"),
        ],
        caption=_("What each role takes to fit"),
        classes=["skills-matrix-worksheet-roles", "longtable"],
        cards=True,
    )
    for role in matrix.roles:
        expected = matrix.expectations(role.id)
        whole = sum(e.weight for e in expected.values())
        share = threshold if role.threshold is None else role.threshold
        needs: list[str] = []
        if expected:
            needs.append(f"{number(share * whole)} ({percent(share)})")
        points = matrix.points_needed(role.id)
        if points is not None:
            needs.append(_("{points} points").format(points=number(points)))
        spec.row(
            [
                Link("role", role.id, role.title),
                str(len(expected)),
                number(whole) if expected else None,
                "; ".join(needs) or _("nothing: it expects no skill"),
                _skills(matrix, [e.skill for e in expected.values() if e.required]),
                _skills(
                    matrix,
                    [e.skill for e in expected.values() if e.weight != 1],
                    {e.skill: e.weight for e in expected.values()},
                ),
            ]
        )
    return spec.node()


def _skills(matrix: Matrix, ids: list[str], weights: dict[str, float] | None = None) -> Cell:
    parts: list[Link | str] = []
    for index, ident in enumerate(ids):
        if index:
            parts.append(", ")
        parts.append(Link("skill", ident, matrix.skill_by_id[ident].title))
        if weights is not None:
            parts.append(f" ({number(weights[ident])})")
    return Parts(tuple(parts)) if parts else None
