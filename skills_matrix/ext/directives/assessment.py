"""``skills-assessment``: a profile assessed against the roles. The answer first (where the
person stands, what they work towards and how far, the next three steps), then every role's
fit, and, unless ``:summary-only:``, each role's coverage and gaps and the profile's evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...assessment import Assessment, Raise, RoleFit, assess, percent
from ...chart import person_chart
from ...diagnostics import Code
from ...model import Matrix, Source
from ...profile import Profile
from ...wording import (
    YOU,
    Voice,
    band_title,
    category_title,
    levels_up,
    number,
    points_to_go,
    threshold_words,
)
from ..base import MatrixDirective, fraction
from ..chart import chart_node
from ..data import get_store
from ..domain import link
from ..nodes import legend, link_list, paragraph
from ..table_nodes import Cell, Link, Parts, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def verdict(fit: RoleFit, default: float | None = None) -> str:
    """Whether the role fits, and why not; its own threshold when it is not *default*."""
    if fit.fit is None:
        return "no expectations to compare"
    if fit.fits:
        words = "fits"
    elif fit.missing_required:
        words = "does not fit: a required skill is missing"
    else:
        words = "does not fit"
    own = threshold_words(fit, default) if default is not None else None
    return f"{words} ({own})" if own else words


def _role(matrix: Matrix, ident: str) -> nodes.Node:
    role = matrix.role_by_id[ident]
    return link("role", role.id, role.title, optional=True)


def _standing(matrix: Matrix, result: Assessment, voice: Voice) -> list[nodes.Node]:
    """Where the person stands: the roles they hold, then their place on each ladder."""
    stands = f"{voice.where_stands}: "
    held: list[nodes.Node | str] = [nodes.strong(stands, stands)]
    for index, ident in enumerate(result.answer.standing):
        held += [", " if index else "", _role(matrix, ident)]
    if not result.answer.standing:
        held.append("no role fits yet")
    out: list[nodes.Node] = [paragraph(*held, ".", classes=["skills-matrix-standing"])]
    ladders = nodes.bullet_list(classes=["skills-matrix-ladders"])
    for position in result.tracks:
        track = matrix.track_by_id[position.track]
        parts: list[nodes.Node | str] = [f"On the {track.title} ladder: "]
        if position.current:
            parts += [_role(matrix, position.current), " fits"]
        else:
            parts.append("no role fits yet")
        if position.next:
            parts += ["; next: ", _role(matrix, position.next)]
        ladders += nodes.list_item("", paragraph(*parts, "."))
    if result.tracks:
        out.append(ladders)
    if result.points is not None:
        out.append(_points(matrix, result))
    return out


def _points(matrix: Matrix, result: Assessment) -> nodes.paragraph:
    points = result.points
    parts: list[nodes.Node | str] = [
        nodes.strong("Points: ", "Points: "),
        number(points.total),
    ]
    if points.band is not None:
        parts.append(f", band {band_title(points.band)}")
        if points.next_band is not None:
            parts.append(f"; {number(points.to_next_band)} more to {band_title(points.next_band)}")
    by = [f"{category_title(matrix, cid)} {number(t)}" for cid, t in points.by_category]
    if by:
        parts.append(" (" + ", ".join(by) + ")")
    return paragraph(*parts, ".", classes=["skills-matrix-points"])


def answer(matrix: Matrix, result: Assessment, voice: Voice = YOU) -> list[nodes.Node]:
    """What a reader acts on, in this order: where they stand, what they work towards and
    how far, and the next three steps; said to the reader, or of someone (*voice*)."""
    out = _standing(matrix, result, voice)
    target = result.target
    if target is None:
        every = "every role fits" if result.every else "the matrix has no roles"
        out.append(
            paragraph(
                nodes.strong("Working towards: ", "Working towards: "), f"nothing further; {every}."
            )
        )
        return out
    why = voice.aim if result.answer.aim == target.role.id else voice.next_role
    towards: list[nodes.Node | str] = [
        nodes.strong("Working towards: ", "Working towards: "),
        _role(matrix, target.role.id),
        f" ({why}) — {percent(target.fit)}, {verdict(target, result.threshold)}",
    ]
    to_go = points_to_go(result, target)
    if to_go:
        towards.append(f"; {to_go}")
    out.append(paragraph(*towards, ".", classes=["skills-matrix-answer"]))
    if result.aim_reached:
        out.append(paragraph(voice.aim_reached))
    steps = result.answer.next_steps
    if not steps:
        out.append(paragraph("No next steps: every skill the role expects is met."))
        return out
    out.append(paragraph("Next steps towards ", _role(matrix, target.role.id), ":"))
    items = nodes.enumerated_list(classes=["skills-matrix-next-steps"])
    expectations = matrix.expectations(target.role.id)
    for step in steps:
        skill = matrix.skill_by_id[step.skill]
        if isinstance(step, Raise):
            level = matrix.level_by_id[step.to]
            said = f": raise to {level.title}, +{number(step.points)} points"
            words = matrix.expected_words_at(skill.id, level.id)
        else:
            level = matrix.level_by_id[step.expected]
            said = (
                f": reach {level.title}"
                + (" (required)" if step.required else "")
                + f", {levels_up(step.short)}, +{percent(step.gain)} of the fit"
            )
            words = matrix.expected_words(expectations[step.skill])
        item = nodes.list_item(
            "", paragraph(link("skill", skill.id, skill.title, optional=True), said)
        )
        if words:
            item += paragraph(words, classes=["skills-matrix-descriptor"])
        if skill.links:
            item += link_list(skill.links, "read")
        items += item
    out.append(items)
    return out


def assessment_nodes(
    matrix: Matrix,
    result: Assessment,
    details: bool,
    profile: Profile | None = None,
    chart_id: str | None = None,
    voice: Voice = YOU,
) -> list[nodes.Node]:
    """The assessment of *profile*: the answer, a chart of the person against the role they
    work towards (given a *chart_id*, unique in the page), each role's fit and, with
    *details*, each role in detail and the evidence; said to the reader, or of someone."""
    out: list[nodes.Node] = []
    if profile is not None and (profile.role or profile.date):
        said = [f"Assessed on {profile.date}" if profile.date else "Assessed"]
        if profile.role:
            current = matrix.role_by_id[profile.role]
            said += ["; current role: ", link("role", current.id, current.title, optional=True)]
        out.append(paragraph(*said, ".", classes=["skills-matrix-profile"]))
    out += answer(matrix, result, voice)
    chart = person_chart(matrix, result, profile) if profile and chart_id else None
    if chart is not None:
        out.append(chart_node(chart, chart_id))
    ladders = any(fit.role.extends for fit in result.roles)
    header: list[Cell] = ["Role", "Fit", *(["Own fit"] if ladders else []), "Verdict"]
    header.append("Expected skills met")
    spec = TableSpec(
        header,
        caption=f"Assessment of {result.profile or 'the profile'}",
        classes=["skills-matrix-assessment"],
        cards=True,
    )
    for fit in result.roles:
        cells: list[Cell] = [Link("role", fit.role.id, fit.role.title), percent(fit.fit)]
        if ladders:
            cells.append(percent(fit.own_fit))
        met = f"{fit.met} of {fit.expected}"
        if fit.by_points and result.points is not None:
            met = f"{number(result.points.total)} of {number(fit.need)} points"
        cells += [verdict(fit, result.threshold), met]
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
    if result.points is not None:
        words += (
            "; a role that needs points fits only when the profile's total (the points of "
            "its level in each skill) reaches them, and a role that expects no skill in "
            "particular is fitted by the total alone"
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
    if fit.by_points:
        out.append(
            paragraph(f"It expects no skill in particular: it needs {number(fit.need)} points.")
        )
        return out
    if not fit.gaps:
        out.append(paragraph("No gaps: every expected skill is met."))
        return out
    gaps = TableSpec(
        ["Gap", "Expected", "The profile gives", "Adds to the fit"],
        caption=f"Gaps for {fit.role.title}",
        classes=["skills-matrix-gaps"],
        cards=True,
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
        "aim": directives.unchanged_required,
        "threshold": fraction,
        "summary-only": directives.flag,
        "subject": directives.unchanged_required,
    }

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        rel, path = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(rel)
        if not Path(path).is_file():
            return self.warn(f"{self.name}: the profile {rel} does not exist", Code.DATA_MISSING)
        role, aim = self.role_option(matrix, "role"), self.role_option(matrix, "aim")
        # an unknown role or aim is a warning, before the profile is read
        matrix.pick("roles", [r for r in (role, aim) if r is not None])
        profile = get_store(self.env).profile(path)
        if profile is None:
            return []
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        result = assess(matrix, profile, threshold, role, page_aim=aim)
        details = "summary-only" not in self.options
        chart_id = f"sm-chart-{self.env.new_serialno('sm-chart')}"
        subject = self.options.get("subject")
        voice = Voice(subject) if subject else YOU
        return assessment_nodes(matrix, result, details, profile, chart_id, voice)


def setup_assessment(app: Sphinx) -> None:
    app.add_directive("skills-assessment", SkillsAssessment)
