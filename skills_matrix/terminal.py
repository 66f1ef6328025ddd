"""The assessment as a report a person reads in a terminal: the answer first (the closest
role, whether it fits, the place on each ladder, the next steps), then each role in detail."""

from __future__ import annotations

from .assessment import Assessment, percent
from .locale import _, ngettext
from .model import Matrix
from .profile import Profile
from .progress import Progress
from .team import SHOWN_RISKS, TeamAssessment
from .wording import (
    answer_sentences,
    number,
    progress_columns,
    progress_rows,
    step_words,
    verdict,
)

BAR_WIDTH = 20


def bar(share: float | None) -> str:
    if share is None:
        return "·" * BAR_WIDTH
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _answer(matrix: Matrix, result: Assessment) -> list[str]:
    """The answer's sentences (:func:`.wording.answer_sentences`), a line each; a ladder's
    indented, the next steps numbered with what the level looks like and where to learn."""
    lines = []
    steps = 0
    for sentence in answer_sentences(matrix, result):
        if sentence.kind == "ladder":
            lines.append(f"  {sentence.text()}")
        elif sentence.kind == "step":
            steps += 1
            lines.append(f"  {steps}. {sentence.text()}")
            if sentence.words:
                lines.append(f"     {sentence.words}")
            learn = _("Learn: {link}")
            lines += [
                "     " + learn.format(link=f"{link.title or link.url} <{link.url}>")
                for link in sentence.links
            ]
        else:
            lines.append(sentence.text())
    return [*lines, ""]


def assessment_text(matrix: Matrix, result: Assessment, profile: Profile | None = None) -> str:
    levels = matrix.level_by_id
    heading = (
        _(
            "Assessment of {profile} (a role fits at {percent} of its expected skills met, "
            "weighted, with every required skill met)"
        )
        if result.version > 1
        else _("Assessment of {profile} (a role fits at {percent} of its expected skills met)")
    )
    who = result.profile or _("an unnamed profile")
    lines = [heading.format(profile=who, percent=percent(result.threshold))]
    if profile is not None and (profile.role or profile.date):
        when = _("Assessed on {date}").format(date=profile.date) if profile.date else _("Assessed")
        if profile.role:
            role = matrix.role_by_id[profile.role].title
            when = _("{assessed}; current role: {role}").format(assessed=when, role=role)
        lines.append(f"{when}.")
    lines += ["", *_answer(matrix, result)]
    for fit in result.roles:
        lines.append(
            f"{fit.role.title} ({fit.role.id}): {percent(fit.fit)} — "
            f"{verdict(fit, result.threshold)}"
        )
        if fit.by_points and result.points is not None and fit.need is not None:
            of = _("{total} of {need} points").format(
                total=number(result.points.total), need=number(fit.need)
            )
        else:
            of = _("{met} of {expected} expected skills met").format(
                met=fit.met, expected=fit.expected
            )
        lines.append(f"  {bar(fit.fit)} {of}")
        if fit.role.extends and fit.own_fit is not None:
            base = matrix.role_by_id[fit.role.extends].title
            own = _("Own expectations (beyond {role}): {percent}")
            lines.append("  " + own.format(role=base, percent=percent(fit.own_fit)))
        if fit.need is not None:
            lines.append(
                "  " + _("Needs {points} points in total.").format(points=number(fit.need))
            )
        if fit.responsibilities:
            lines.append("  " + _("Responsibilities:"))
            width = max(
                len(matrix.responsibility_by_id[c.responsibility].title)
                for c in fit.responsibilities
            )
            for cov in fit.responsibilities:
                title = matrix.responsibility_by_id[cov.responsibility].title
                lines.append(f"    {title:<{width}}  {bar(cov.coverage)} {percent(cov.coverage)}")
        if fit.gaps:
            lines.append("  " + _("Gaps:"))
            for gap in fit.gaps:
                skill = matrix.skill_by_id[gap.skill].title
                expected = levels[gap.expected]
                if gap.actual:
                    actual = levels[gap.actual].title
                elif gap.assessed:
                    actual = _("none yet")
                else:
                    actual = _("none (not in the profile)")
                needs = (
                    _("{skill}: needs {level} (required), has {actual}")
                    if gap.required
                    else _("{skill}: needs {level}, has {actual}")
                )
                said = needs.format(skill=skill, level=expected.title, actual=actual)
                lines.append(f"    - {said}")
                words = matrix.expected_words(matrix.expectations(fit.role.id)[gap.skill])
                if words:
                    lines.append(f"        {expected.title}: {words}")
        lines.append("")
    if profile is not None and profile.evidence:
        lines.append(_("Evidence the profile gives:"))
        for evidenced in matrix.skills:
            for item in profile.evidence.get(evidenced.id, ()):
                shown = item if isinstance(item, str) else f"{item.title or item.url} <{item.url}>"
                lines.append(f"  - {evidenced.title}: {shown}")
        lines.append("")
    return "\n".join(lines)


def team_text(matrix: Matrix, result: TeamAssessment) -> str:
    """What a manager acts on first: skills at risk, responsibilities nobody covers, roles
    nobody fits and the best candidate for each role; then who covers what."""
    skills = matrix.skill_by_id
    at_risk = result.risks
    nobody = _("nobody")
    lines = [
        _("Team of {count}: {members}").format(
            count=len(result.members), members=", ".join(result.members)
        ),
        "",
    ]
    lines.append(
        _("Skills at risk ({count}): covered by one person or nobody, required ones first").format(
            count=len(at_risk)
        )
    )
    for cover in at_risk[:SHOWN_RISKS]:
        who = cover.covered_by[0] if cover.covered_by else nobody
        at = (
            _("{skill} (at {level} or above, required): {who}")
            if cover.required
            else _("{skill} (at {level} or above): {who}")
        )
        level = matrix.level_by_id[cover.needed].title
        lines.append("  - " + at.format(skill=skills[cover.skill].title, level=level, who=who))
    if len(at_risk) > SHOWN_RISKS:
        more = _("and {count} more (--format json lists every one)")
        lines.append("  " + more.format(count=len(at_risk) - SHOWN_RISKS))
    uncovered = [rid for rid, share in result.responsibilities if share == 0]
    lines += [
        "",
        _("Responsibilities nobody covers:")
        if uncovered
        else _("Every responsibility is covered in part or whole."),
    ]
    lines += [f"  - {matrix.responsibility_by_id[rid].title}" for rid in uncovered]
    unfit = [r for r in result.roles if not r.fitting]
    lines += ["", _("Roles nobody fits:") if unfit else _("Every role has someone who fits it.")]
    lines += [f"  - {r.title}" for r in unfit]
    lines += ["", _("Where each member stands, and what they work towards:")]
    for name, answer in result.answers:
        held = ", ".join(matrix.role_by_id[r].title for r in answer.standing) or _("no role yet")
        towards = matrix.role_by_id[answer.target].title if answer.target else _("nothing further")
        said = _("{name}: {held}; towards {role}").format(name=name, held=held, role=towards)
        lines.append(f"  - {said}")
    lines += ["", _("Best candidate for each role:")]
    for role in result.roles:
        best = f"{role.best[0]}, {percent(role.best[1])}" if role.best else _("no expectations")
        if role.fitting:
            best = _("{best}; fits: {members}").format(best=best, members=", ".join(role.fitting))
        lines.append(f"  - {role.title}: {best}")
    lines += ["", _("Coverage of each responsibility:")]
    for rid, share in result.responsibilities:
        lines.append(f"  {matrix.responsibility_by_id[rid].title}: {percent(share)}")
    lines += ["", _("Who covers each skill:")]
    for cover in result.skills:
        who = ", ".join(cover.covered_by) or nobody
        lines.append(f"  {skills[cover.skill].title}: {who}")
    return "\n".join(lines) + "\n"


def progress_text(matrix: Matrix, progress: Progress) -> str:
    """A short table, an assessment a row, then what changed between consecutive ones."""
    who = progress.name or _("this person")
    count = len(progress.snapshots)
    first, last = progress.snapshots[0].date, progress.snapshots[-1].date
    span = _("{first} to {last}").format(first=first, last=last) if count > 1 else first
    heading = ngettext(
        "Progress of {who}: {count} assessment, {span}",
        "Progress of {who}: {count} assessments, {span}",
        count,
    )
    lines = [heading.format(who=who, count=count, span=span), ""]
    columns = progress_columns()
    rows = [columns, *progress_rows(matrix, progress)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if progress.steps:
        lines += ["", _("What changed:")]
        lines += [f"  {step_words(matrix, step)}" for step in progress.steps]
    return "\n".join(lines) + "\n"
