"""``skills-comparison``: skills against roles, the expected level in each cell."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...chart import roles_chart
from ...grid import Comparison, build_comparison
from ...model import Matrix
from ..base import MatrixDirective, id_list
from ..chart import chart_node
from ..locale import _
from ..nodes import legend
from ..table_nodes import Cell, Link, TableSpec
from .role import fit_rows

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def comparison_table(
    matrix: Matrix, comparison: Comparison, caption: str | None, default: float
) -> list[nodes.Node]:
    header: list[Cell] = [_("Skill"), *(Link("role", r.id, r.title) for r in comparison.roles)]
    spec = TableSpec(
        header,
        caption=caption,
        classes=["skills-matrix", "skills-matrix-comparison", "longtable"],
        cards=True,
    )
    for fitting in fit_rows(matrix, comparison.roles, default):
        spec.row(fitting)
    for row in spec.by_category(comparison.groups):
        cells: list[Cell] = [Link("skill", row.skill.id, row.skill.title)]
        cells += [Link("level", lv.id, lv.title) if lv else None for lv in row.cells]
        classes = [()] + [
            (f"sm-level-{matrix.level_rank[lv.id]}",) if lv else () for lv in row.cells
        ]
        spec.row(cells, classes)
    note = legend(
        _(
            "Each cell is the least level the role expects; an empty cell: the role "
            "does not expect the skill."
        )
    )
    return [nodes.container("", spec.node(), note, classes=["skills-matrix-wrapper"])]


class SkillsComparison(MatrixDirective):
    """Skills against roles, the expected level in each cell."""

    option_spec: ClassVar = {
        "roles": id_list,
        "caption": directives.unchanged,
        "name": directives.unchanged,
    }

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        comparison = build_comparison(matrix, self.options.get("roles"))
        caption = self.options.get("caption", _("Expected levels by role"))
        default = self.config.skills_matrix_threshold
        result = comparison_table(matrix, comparison, caption or None, default)
        self.add_name(result[0])
        if len(comparison.roles) == 2:  # two roles: drawn against each other too
            chart = roles_chart(matrix, [role.id for role in comparison.roles])
            if chart is not None:
                result.append(chart_node(chart, f"sm-chart-{self.env.new_serialno('sm-chart')}"))
        return result


def setup_comparison(app: Sphinx) -> None:
    app.add_directive("skills-comparison", SkillsComparison)
