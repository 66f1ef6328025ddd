"""``skills-assessment``: a profile assessed against the roles. The answer first (where the
person stands, what they work towards and how far, the next three steps), then every role's
fit, and, unless ``:summary-only:``, each role's coverage and gaps and the profile's evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...assessment import Assessment, RoleFit, assess, percent
from ...chart import person_chart
from ...diagnostics import Code
from ...model import Matrix, Source
from ...profile import Profile
from ...wording import (
    YOU,
    Sentence,
    Voice,
    answer_sentences,
    number,
    verdict,
)
from ..base import MatrixDirective, fraction
from ..chart import chart_node
from ..data import get_store
from ..domain import link
from ..locale import _
from ..nodes import filled, legend, link_list, paragraph
from ..table_nodes import Cell, Link, Parts, TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


SENTENCE_CLASSES = {
    "standing": "skills-matrix-standing",
    "points": "skills-matrix-points",
    "towards": "skills-matrix-answer",
}


def _said(sentence: Sentence) -> list[nodes.Node | str]:
    """A sentence's words, its lead strong, each role or skill it names a link."""
    out: list[nodes.Node | str] = (
        [nodes.strong(sentence.lead, sentence.lead)] if sentence.lead else []
    )
    for part in sentence.parts:
        out.append(
            part if isinstance(part, str) else link(part.kind, part.id, part.title, optional=True)
        )
    return out


def answer(matrix: Matrix, result: Assessment, voice: Voice = YOU) -> list[nodes.Node]:
    """The answer's sentences (:func:`...wording.answer_sentences`) as paragraphs; the
    ladders a list, the next steps a numbered list with what each level looks like and the
    links to learn it."""
    out: list[nodes.Node] = []
    ladders = steps = None
    for sentence in answer_sentences(matrix, result, voice):
        if sentence.kind == "ladder":
            if ladders is None:
                ladders = nodes.bullet_list(classes=["skills-matrix-ladders"])
                out.append(ladders)
            ladders += nodes.list_item("", paragraph(*_said(sentence)))
        elif sentence.kind == "step":
            if steps is None:
                steps = nodes.enumerated_list(classes=["skills-matrix-next-steps"])
                out.append(steps)
            item = nodes.list_item("", paragraph(*_said(sentence)))
            if sentence.words:
                item += paragraph(sentence.words, classes=["skills-matrix-descriptor"])
            if sentence.links:
                item += link_list(sentence.links, _("(read {date})"))
            steps += item
        else:
            classes = [SENTENCE_CLASSES[sentence.kind]] if sentence.kind in SENTENCE_CLASSES else []
            out.append(paragraph(*_said(sentence), classes=classes))
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
        assessed = (
            _("Assessed on {date}").format(date=profile.date) if profile.date else _("Assessed")
        )
        said: list[nodes.Node | str] = [assessed]
        if profile.role:
            current = matrix.role_by_id[profile.role]
            role = link("role", current.id, current.title, optional=True)
            said = [*filled(_("{assessed}; current role: {role}"), assessed=assessed, role=role)]
        out.append(paragraph(*said, ".", classes=["skills-matrix-profile"]))
    out += answer(matrix, result, voice)
    chart = person_chart(matrix, result, profile) if profile and chart_id else None
    if chart is not None and chart_id is not None:
        out.append(chart_node(chart, chart_id))
    ladders = any(fit.role.extends for fit in result.roles)
    header: list[Cell] = [_("Role"), _("Fit"), *([_("Own fit")] if ladders else []), _("Verdict")]
    header.append(_("Expected skills met"))
    spec = TableSpec(
        header,
        caption=_("Assessment of {profile}").format(profile=result.profile or _("the profile")),
        classes=["skills-matrix-assessment"],
        cards=True,
    )
    for fit in result.roles:
        cells: list[Cell] = [Link("role", fit.role.id, fit.role.title), percent(fit.fit)]
        if ladders:
            cells.append(percent(fit.own_fit))
        met = _("{met} of {expected}").format(met=fit.met, expected=fit.expected)
        if fit.by_points and result.points is not None and fit.need is not None:
            met = _("{total} of {need} points").format(
                total=number(result.points.total), need=number(fit.need)
            )
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
    clauses = [
        _(
            "A role fits when at least {percent} of the skills it expects are met at the "
            "expected level or above, counting each by its weight, and every required skill "
            "is met (a role may set its own threshold)"
        )
        if result.version > 1
        else _(
            "A role fits when at least {percent} of the skills it expects are met at the "
            "expected level or above"
        )
    ]
    if ladders:
        clauses.append(
            _(
                "a role that builds on another fits when that role fits too and its own "
                "expectations (“own fit”) reach the threshold"
            )
        )
    if result.points is not None:
        clauses.append(
            _(
                "a role that needs points fits only when the profile's total (the points of "
                "its level in each skill) reaches them, and a role that expects no skill in "
                "particular is fitted by the total alone"
            )
        )
    return "; ".join(clauses).format(percent=percent(result.threshold)) + "."


def _role_details(matrix: Matrix, fit: RoleFit) -> list[nodes.Node]:
    out: list[nodes.Node] = [nodes.rubric(fit.role.title, fit.role.title)]
    coverage = nodes.bullet_list()
    for cov in fit.responsibilities:
        title = matrix.responsibility_by_id[cov.responsibility].title
        coverage += nodes.list_item(
            "",
            paragraph(
                link("responsibility", cov.responsibility, title, optional=True),
                ": "
                + (
                    _("{percent} of the expected skills that support it are met").format(
                        percent=percent(cov.coverage)
                    )
                    if cov.coverage is not None
                    else _("no expected skill supports it")
                ),
            ),
        )
    if fit.responsibilities:
        out += [paragraph(_("Coverage of each responsibility:")), coverage]
    if fit.by_points and fit.need is not None:
        out.append(
            paragraph(
                _("It expects no skill in particular: it needs {points} points.").format(
                    points=number(fit.need)
                )
            )
        )
        return out
    if not fit.gaps:
        out.append(paragraph(_("No gaps: every expected skill is met.")))
        return out
    gaps = TableSpec(
        [_("Gap"), _("Expected"), _("The profile gives"), _("Adds to the fit")],
        caption=_("Gaps for {role}").format(role=fit.role.title),
        classes=["skills-matrix-gaps"],
        cards=True,
    )
    for gap in fit.gaps:
        skill = matrix.skill_by_id[gap.skill]
        expected = matrix.level_by_id[gap.expected]
        if gap.actual:
            actual = matrix.level_by_id[gap.actual].title
        else:
            actual = _("none yet") if gap.assessed else _("nothing (not assessed)")
        level = Link("level", expected.id, expected.title)
        gaps.row(
            [
                Link("skill", skill.id, skill.title),
                Parts((level, " " + _("(required)"))) if gap.required else level,
                actual,
                percent(gap.gain),
            ]
        )
    out.append(gaps.node())
    return out


def _evidence(matrix: Matrix, profile: Profile) -> list[nodes.Node]:
    title = _("Evidence")
    out: list[nodes.Node] = [nodes.rubric(title, title)]
    items = nodes.bullet_list(classes=["skills-matrix-evidence"])
    for skill in matrix.skills:
        if skill.id not in profile.evidence:
            continue
        level = profile.skills.get(skill.id)
        said = matrix.level_by_id[level].title if level else _("none yet")
        item = nodes.list_item(
            "", paragraph(link("skill", skill.id, skill.title, optional=True), f": {said}")
        )
        quotes = [e for e in profile.evidence[skill.id] if isinstance(e, str)]
        links = [e for e in profile.evidence[skill.id] if isinstance(e, Source)]
        for quote in quotes:
            item += nodes.block_quote("", paragraph(quote))
        if links:
            item += link_list(links, _("(read {date})"))
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
