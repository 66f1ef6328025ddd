"""The assessment as a report a person reads in a terminal: the answer first (the closest
role, whether it fits, the place on each ladder, the next steps), then each role in detail."""

from __future__ import annotations

from .assessment import Assessment, percent
from .model import Matrix
from .profile import Profile
from .progress import Progress
from .team import SHOWN_RISKS, TeamAssessment
from .wording import (
    PROGRESS_COLUMNS,
    answer_sentences,
    number,
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
            lines += [
                f"     Learn: {link.title or link.url} <{link.url}>" for link in sentence.links
            ]
        else:
            lines.append(sentence.text())
    return [*lines, ""]


def assessment_text(matrix: Matrix, result: Assessment, profile: Profile | None = None) -> str:
    levels = matrix.level_by_id
    weighted = ", weighted, with every required skill met" if result.version > 1 else ""
    lines = [
        f"Assessment of {result.profile or 'an unnamed profile'} "
        f"(a role fits at {percent(result.threshold)} of its expected skills met{weighted})",
    ]
    if profile is not None and (profile.role or profile.date):
        when = f"Assessed on {profile.date}" if profile.date else "Assessed"
        now = f"; current role: {matrix.role_by_id[profile.role].title}" if profile.role else ""
        lines.append(f"{when}{now}.")
    lines += ["", *_answer(matrix, result)]
    for fit in result.roles:
        lines.append(
            f"{fit.role.title} ({fit.role.id}): {percent(fit.fit)} — "
            f"{verdict(fit, result.threshold)}"
        )
        if fit.by_points and result.points is not None and fit.need is not None:
            lines.append(
                f"  {bar(fit.fit)} {number(result.points.total)} of {number(fit.need)} points"
            )
        else:
            lines.append(f"  {bar(fit.fit)} {fit.met} of {fit.expected} expected skills met")
        if fit.role.extends and fit.own_fit is not None:
            base = matrix.role_by_id[fit.role.extends].title
            lines.append(f"  Own expectations (beyond {base}): {percent(fit.own_fit)}")
        if fit.need is not None:
            lines.append(f"  Needs {number(fit.need)} points in total.")
        if fit.responsibilities:
            lines.append("  Responsibilities:")
            width = max(
                len(matrix.responsibility_by_id[c.responsibility].title)
                for c in fit.responsibilities
            )
            for cov in fit.responsibilities:
                title = matrix.responsibility_by_id[cov.responsibility].title
                lines.append(f"    {title:<{width}}  {bar(cov.coverage)} {percent(cov.coverage)}")
        if fit.gaps:
            lines.append("  Gaps:")
            for gap in fit.gaps:
                skill = matrix.skill_by_id[gap.skill].title
                expected = levels[gap.expected]
                if gap.actual:
                    actual = levels[gap.actual].title
                elif gap.assessed:
                    actual = "none yet"
                else:
                    actual = "none (not in the profile)"
                required = " (required)" if gap.required else ""
                lines.append(f"    - {skill}: needs {expected.title}{required}, has {actual}")
                words = matrix.expected_words(matrix.expectations(fit.role.id)[gap.skill])
                if words:
                    lines.append(f"        {expected.title}: {words}")
        lines.append("")
    if profile is not None and profile.evidence:
        lines.append("Evidence the profile gives:")
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
    lines = [f"Team of {len(result.members)}: {', '.join(result.members)}", ""]
    lines.append(
        f"Skills at risk ({len(at_risk)}): covered by one person or nobody, required ones first"
    )
    for cover in at_risk[:SHOWN_RISKS]:
        who = cover.covered_by[0] if cover.covered_by else "nobody"
        needed = matrix.level_by_id[cover.needed].title
        must = ", required" if cover.required else ""
        lines.append(f"  - {skills[cover.skill].title} (at {needed} or above{must}): {who}")
    if len(at_risk) > SHOWN_RISKS:
        lines.append(f"  and {len(at_risk) - SHOWN_RISKS} more (--format json lists every one)")
    uncovered = [rid for rid, share in result.responsibilities if share == 0]
    lines += [
        "",
        "Responsibilities nobody covers:"
        if uncovered
        else "Every responsibility is covered in part or whole.",
    ]
    lines += [f"  - {matrix.responsibility_by_id[rid].title}" for rid in uncovered]
    nobody = [r for r in result.roles if not r.fitting]
    lines += ["", "Roles nobody fits:" if nobody else "Every role has someone who fits it."]
    lines += [f"  - {r.title}" for r in nobody]
    lines += ["", "Where each member stands, and what they work towards:"]
    for name, answer in result.answers:
        held = ", ".join(matrix.role_by_id[r].title for r in answer.standing) or "no role yet"
        towards = matrix.role_by_id[answer.target].title if answer.target else "nothing further"
        lines.append(f"  - {name}: {held}; towards {towards}")
    lines += ["", "Best candidate for each role:"]
    for role in result.roles:
        best = f"{role.best[0]}, {percent(role.best[1])}" if role.best else "no expectations"
        fitting = f"; fits: {', '.join(role.fitting)}" if role.fitting else ""
        lines.append(f"  - {role.title}: {best}{fitting}")
    lines += ["", "Coverage of each responsibility:"]
    for rid, share in result.responsibilities:
        lines.append(f"  {matrix.responsibility_by_id[rid].title}: {percent(share)}")
    lines += ["", "Who covers each skill:"]
    for cover in result.skills:
        who = ", ".join(cover.covered_by) or "nobody"
        lines.append(f"  {skills[cover.skill].title}: {who}")
    return "\n".join(lines) + "\n"


def progress_text(matrix: Matrix, progress: Progress) -> str:
    """A short table, an assessment a row, then what changed between consecutive ones."""
    who = progress.name or "this person"
    count = len(progress.snapshots)
    first, last = progress.snapshots[0].date, progress.snapshots[-1].date
    span = f"{first} to {last}" if count > 1 else first
    lines = [f"Progress of {who}: {count} assessment{'s' if count != 1 else ''}, {span}", ""]
    rows = [PROGRESS_COLUMNS, *progress_rows(matrix, progress)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(PROGRESS_COLUMNS))]
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if progress.steps:
        lines += ["", "What changed:"]
        lines += [f"  {step_words(matrix, step)}" for step in progress.steps]
    return "\n".join(lines) + "\n"
