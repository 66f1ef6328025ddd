"""``skills-assessment``: a profile assessed against the roles: fit, verdict, coverage, gaps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..assessment import Assessment, assess, percent
from ..diagnostics import Code
from ..model import Matrix
from .base import MatrixDirective, fraction
from .data import get_store
from .domain import link
from .nodes import legend, paragraph
from .tables import Cell, Link, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def assessment_nodes(matrix: Matrix, result: Assessment, details: bool) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    header: list[Cell] = ["Role", "Fit", "Verdict", "Expected skills met"]
    spec = TableSpec(
        header,
        caption=f"Assessment of {result.profile or 'the profile'}",
        classes=["skills-matrix-assessment"],
    )
    for fit in result.roles:
        verdict = "fits" if fit.fits else "does not fit"
        spec.row(
            [
                Link("role", fit.role.id, fit.role.title),
                percent(fit.fit),
                verdict,
                f"{fit.met} of {fit.expected}",
            ],
            [(), (), ("sm-fits" if fit.fits else "sm-does-not-fit",), ()],
        )
    out.append(spec.node())
    out.append(
        legend(
            f"A role fits when at least {percent(result.threshold)} of the skills "
            "it expects are met at the expected level or above."
        )
    )
    if details:
        for fit in result.roles:
            out += _role_details(matrix, fit)
    return out


def _role_details(matrix: Matrix, fit) -> list[nodes.Node]:
    out: list[nodes.Node] = [nodes.rubric(fit.role.title, fit.role.title)]
    coverage = nodes.bullet_list()
    for cov in fit.responsibilities:
        title = matrix.responsibility_by_id[cov.responsibility].title
        coverage += nodes.list_item(
            "",
            paragraph(
                link("responsibility", cov.responsibility, title, optional=True),
                f": {percent(cov.coverage)} of the expected skills that support it are met"
                if cov.coverage is not None
                else ": no expected skill supports it",
            ),
        )
    out += [paragraph("Coverage of each responsibility:"), coverage]
    if not fit.gaps:
        out.append(paragraph("No gaps: every expected skill is met."))
        return out
    gaps = TableSpec(
        ["Gap", "Expected", "The profile gives"],
        caption=f"Gaps for {fit.role.title}",
        classes=["skills-matrix-gaps"],
    )
    for gap in fit.gaps:
        skill = matrix.skill_by_id[gap.skill]
        expected = matrix.level_by_id[gap.expected]
        actual = matrix.level_by_id[gap.actual].title if gap.actual else "nothing"
        gaps.row(
            [
                Link("skill", skill.id, skill.title),
                Link("level", expected.id, expected.title),
                actual,
            ]
        )
    out.append(gaps.node())
    return out


class SkillsAssessment(MatrixDirective):
    """A profile assessed against the roles: fit, verdict, coverage and gaps."""

    required_arguments = 1
    option_spec: ClassVar = {
        "role": directives.unchanged_required,
        "threshold": fraction,
        "summary-only": directives.flag,
    }

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        rel, path = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(rel)
        if not Path(path).is_file():
            return self.warn(f"{self.name}: the profile {rel} does not exist", Code.DATA_MISSING)
        role = self.options.get("role")
        if role is not None:
            matrix.pick("roles", [role])  # an unknown role is a warning, before the profile
        profile = get_store(self.env).profile(path)
        if profile is None:
            return []
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        result = assess(matrix, profile, threshold, role)
        return assessment_nodes(matrix, result, "summary-only" not in self.options)


def setup_assessment(app: Sphinx) -> None:
    app.add_directive("skills-assessment", SkillsAssessment)
