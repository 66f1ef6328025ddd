"""The assessment as a report a person reads in a terminal."""

from __future__ import annotations

from .assessment import Assessment, percent
from .model import Matrix

BAR_WIDTH = 20


def bar(share: float | None) -> str:
    if share is None:
        return "·" * BAR_WIDTH
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def assessment_text(matrix: Matrix, result: Assessment) -> str:
    levels = matrix.level_by_id
    lines = [
        f"Assessment of {result.profile or 'an unnamed profile'} "
        f"(a role fits at {percent(result.threshold)} of its expected skills met)",
        "",
    ]
    for fit in result.roles:
        verdict = "FITS" if fit.fits else "does not fit"
        if fit.fit is None:
            verdict = "no expectations to compare"
        lines.append(f"{fit.role.title} ({fit.role.id}): {percent(fit.fit)} — {verdict}")
        lines.append(f"  {bar(fit.fit)} {fit.met} of {fit.expected} expected skills met")
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
                actual = levels[gap.actual].title if gap.actual else "none (not in the profile)"
                lines.append(f"    - {skill}: needs {expected.title}, has {actual}")
                if expected.description:
                    lines.append(f"        {expected.title}: {expected.description}")
        lines.append("")
    return "\n".join(lines)
