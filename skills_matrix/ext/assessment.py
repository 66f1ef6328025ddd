"""``skills-assessment``: a profile assessed against the roles. The answer first (the closest
role, whether it fits, the place on each track, the next steps), then every role's fit, and,
unless ``:summary-only:``, each role's coverage and gaps and the profile's evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..assessment import Assessment, RoleFit, assess, percent
from ..diagnostics import Code
from ..model import Matrix, Profile, Source
from .base import MatrixDirective, fraction
from .data import get_store
from .domain import link
from .nodes import legend, link_list, paragraph
from .tables import Cell, Link, Parts, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def verdict(fit: RoleFit) -> str:
    if fit.fit is None:
        return "no expectations to compare"
    if fit.fits:
        return "fits"
    if fit.missing_required:
        return "does not fit: a required skill is missing"
    return "does not fit"


def answer(matrix: Matrix, result: Assessment) -> list[nodes.Node]:
    """What a reader acts on: the closest role, the place on each ladder, the next steps."""
    closest = result.closest
    if closest is None:
        return [paragraph("No role expects any skill, so there is nothing to compare.")]
    role = closest.role
    out: list[nodes.Node] = [
        paragraph(
            nodes.strong("Closest role: ", "Closest role: "),
            link("role", role.id, role.title, optional=True),
            f" — {percent(closest.fit)}, {verdict(closest)}.",
            classes=["skills-matrix-answer"],
        )
    ]
    for position in result.tracks:
        track = matrix.track_by_id[position.track]
        parts: list[nodes.Node | str] = [f"On the {track.title} ladder: "]
        if position.current:
            current = matrix.role_by_id[position.current]
            parts += [link("role", current.id, current.title, optional=True), " fits"]
        else:
            parts.append("no role fits yet")
        if position.next:
            following = matrix.role_by_id[position.next]
            parts += ["; next: ", link("role", following.id, following.title, optional=True)]
        out.append(paragraph(*parts, "."))
    steps = result.next_steps()
    target = result.target
    if target is None:
        out.append(paragraph("Next steps: none; every expected skill of the role is met."))
        return out
    out.append(
        paragraph(
            "Next steps towards ",
            link("role", target.role.id, target.role.title, optional=True),
            ", the gaps that add most to the fit:",
        )
    )
    items = nodes.enumerated_list()
    for gap in steps:
        skill = matrix.skill_by_id[gap.skill]
        level = matrix.level_by_id[gap.expected]
        para = paragraph(
            link("skill", skill.id, skill.title, optional=True),
            f": reach {level.title}"
            + (" (required)" if gap.required else "")
            + f", +{percent(gap.gain)} of the fit",
        )
        item = nodes.list_item("", para)
        if skill.links:
            item += link_list(skill.links, "read")
        items += item
    out.append(items)
    return out


def assessment_nodes(
    matrix: Matrix, result: Assessment, details: bool, profile: Profile | None = None
) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if profile is not None and (profile.role or profile.date):
        said = [f"Assessed on {profile.date}" if profile.date else "Assessed"]
        if profile.role:
            current = matrix.role_by_id[profile.role]
            said += ["; current role: ", link("role", current.id, current.title, optional=True)]
        out.append(paragraph(*said, ".", classes=["skills-matrix-profile"]))
    out += answer(matrix, result)
    ladders = any(fit.role.extends for fit in result.roles)
    header: list[Cell] = ["Role", "Fit", *(["Own fit"] if ladders else []), "Verdict"]
    header.append("Expected skills met")
    spec = TableSpec(
        header,
        caption=f"Assessment of {result.profile or 'the profile'}",
        classes=["skills-matrix-assessment"],
    )
    for fit in result.roles:
        cells: list[Cell] = [Link("role", fit.role.id, fit.role.title), percent(fit.fit)]
        if ladders:
            cells.append(percent(fit.own_fit))
        cells += [verdict(fit), f"{fit.met} of {fit.expected}"]
        classes = [()] * (len(cells) - 2) + [("sm-fits" if fit.fits else "sm-does-not-fit",), ()]
        spec.row(cells, classes)
    out.append(spec.node())
    out.append(legend(_how_it_is_counted(result, ladders)))
    if details:
        for fit in result.roles:
            out += _role_details(matrix, fit)
        if profile is not None and profile.evidence:
            out += _evidence(matrix, profile)
    return out


def _how_it_is_counted(result: Assessment, ladders: bool) -> str:
    words = (
        f"A role fits when at least {percent(result.threshold)} of the skills it expects are "
        "met at the expected level or above"
    )
    if result.version > 1:
        words += (
            ", counting each by its weight, and every required skill is met (a role may set "
            "its own threshold)"
        )
    if ladders:
        words += (
            "; a role that builds on another fits when that role fits too and its own "
            "expectations (“own fit”) reach the threshold"
        )
    return words + "."


def _role_details(matrix: Matrix, fit: RoleFit) -> list[nodes.Node]:
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
    if fit.responsibilities:
        out += [paragraph("Coverage of each responsibility:"), coverage]
    if not fit.gaps:
        out.append(paragraph("No gaps: every expected skill is met."))
        return out
    gaps = TableSpec(
        ["Gap", "Expected", "The profile gives", "Adds to the fit"],
        caption=f"Gaps for {fit.role.title}",
        classes=["skills-matrix-gaps"],
    )
    for gap in fit.gaps:
        skill = matrix.skill_by_id[gap.skill]
        expected = matrix.level_by_id[gap.expected]
        if gap.actual:
            actual = matrix.level_by_id[gap.actual].title
        else:
            actual = "none yet" if gap.assessed else "nothing (not assessed)"
        level: Cell = Link("level", expected.id, expected.title)
        gaps.row(
            [
                Link("skill", skill.id, skill.title),
                Parts((level, " (required)")) if gap.required else level,
                actual,
                percent(gap.gain),
            ]
        )
    out.append(gaps.node())
    return out


def _evidence(matrix: Matrix, profile: Profile) -> list[nodes.Node]:
    title = "Evidence"
    out: list[nodes.Node] = [nodes.rubric(title, title)]
    items = nodes.bullet_list(classes=["skills-matrix-evidence"])
    for skill in matrix.skills:
        if skill.id not in profile.evidence:
            continue
        level = profile.skills.get(skill.id)
        said = matrix.level_by_id[level].title if level else "none yet"
        item = nodes.list_item(
            "", paragraph(link("skill", skill.id, skill.title, optional=True), f": {said}")
        )
        quotes = [e for e in profile.evidence[skill.id] if isinstance(e, str)]
        links = [e for e in profile.evidence[skill.id] if isinstance(e, Source)]
        for quote in quotes:
            item += nodes.block_quote("", paragraph(quote))
        if links:
            item += link_list(links, "read")
        items += item
    out.append(items)
    return out


class SkillsAssessment(MatrixDirective):
    """A profile assessed against the roles: the answer, fits, coverage, gaps, evidence."""

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
        details = "summary-only" not in self.options
        return assessment_nodes(matrix, result, details, profile)


def setup_assessment(app: Sphinx) -> None:
    app.add_directive("skills-assessment", SkillsAssessment)
