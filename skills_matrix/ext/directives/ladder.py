"""``skills-ladder``: the skills against the roles of a track's ladder, the level each role
expects in each cell, and each role's notes numbered below the table, linked from their cells
(so they are reachable on every builder, printed ones included)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...model import Matrix, Track
from ..base import MatrixDirective
from ..domain import link
from ..locale import _
from ..nodes import legend, paragraph
from ..table_nodes import Anchor, Cell, Link, Parts, TableSpec
from .role import fit_rows, level_cell

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def ladder_table(matrix: Matrix, track: Track, prefix: str, default: float) -> list[nodes.Node]:
    """The ladder's table and its numbered notes; *prefix* makes the notes' ids unique.
    Rows before the skills say what each role takes to fit where it is not the *default*
    threshold, and the points each role needs."""
    ladder = matrix.ladder(track.id)
    expectations = [matrix.expectations(role.id) for role in ladder]
    header: list[Cell] = [_("Skill"), *(Link("role", r.id, r.title) for r in ladder)]
    spec = TableSpec(
        header,
        caption=_("The {ladder} ladder").format(ladder=track.title),
        classes=["skills-matrix", "skills-matrix-ladder", "longtable"],
        cards=True,
    )
    notes = nodes.enumerated_list(classes=["skills-matrix-ladder-notes"])
    for row in fit_rows(matrix, ladder, default):
        spec.row(row)
    groups = matrix.skills_in_display_order(only={skill for e in expectations for skill in e})
    for skill in spec.by_category(groups):
        cells: list[Cell] = [Link("skill", skill.id, skill.title)]
        for role, expected in zip(ladder, expectations, strict=True):
            e = expected.get(skill.id)
            if e is None:
                cells.append(None)
                continue
            cell = level_cell(matrix, e)
            said = role.expects.get(skill.id)
            if said is not None and said.note:  # a note this role writes, not inherits
                number = len(notes) + 1
                target = f"{prefix}-note-{number}"
                parts = cell.parts if isinstance(cell, Parts) else (cell,)
                cell = Parts((*parts, " ", Anchor(target, f"[{number}]")))
                notes += nodes.list_item(
                    "",
                    paragraph(
                        nodes.strong("", "", link("role", role.id, role.title, optional=True)),
                        ", ",
                        link("skill", skill.id, skill.title, optional=True),
                        f": {e.note}",
                    ),
                    ids=[target],
                )
            cells.append(cell)
        spec.row(cells)
    # the track named outside the table too: not every builder prints captions (docutils
    # 0.20's man writer drops them)
    out: list[nodes.Node] = [nodes.rubric(track.title, track.title)]
    if track.description:
        out.append(paragraph(track.description))
    out.append(spec.node())
    out.append(
        legend(
            _(
                "Each cell is the least level the role expects, from its own expectations or "
                "from the role it builds on; an empty cell: the role does not expect the skill."
            )
            + (
                " " + _("A number in brackets leads to what the role says it expects.")
                if notes
                else ""
            )
        )
    )
    if len(notes):
        out += [paragraph(_("What each role expects, in its words:")), notes]
    return [nodes.container("", *out, classes=["skills-matrix-wrapper"])]


class SkillsLadder(MatrixDirective):
    """The skills against the roles of a track's ladder."""

    option_spec: ClassVar = {
        "track": directives.unchanged_required,
        "name": directives.unchanged,
    }

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        chosen = self.options.get("track")
        tracks = matrix.pick("tracks", [chosen]) if chosen else list(matrix.tracks)
        out: list[nodes.Node] = []
        for track in tracks:
            prefix = nodes.make_id(f"ladder-{track.id}-{self.env.new_serialno('skills-ladder')}")
            out += ladder_table(matrix, track, prefix, self.config.skills_matrix_threshold)
        if out:
            self.add_name(out[0])
        return out


def setup_ladder(app: Sphinx) -> None:
    app.add_directive("skills-ladder", SkillsLadder)
