"""The words an assessment is shown in, the same in the terminal and on the pages (the
browser's twins are in ``skills-answer.js``)."""

from __future__ import annotations

import dataclasses as dc

from .assessment import Assessment, RoleFit, percent
from .model import OTHER_SKILLS, Band, Matrix
from .progress import Progress, Step


def number(value: float) -> str:
    """A points figure as people read it: whole numbers without a decimal point, others
    with at most two decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def band_title(band: Band) -> str:
    return f"{band.id} ({band.title})" if band.title else band.id


def levels_up(short: int) -> str:
    return f"{short} level{'' if short == 1 else 's'} up"


def threshold_words(fit: RoleFit, default: float) -> str | None:
    """ "fits at 75%" when the role's own threshold is not *default* (and applies)."""
    if fit.threshold == default or fit.by_points:
        return None
    return f"fits at {percent(fit.threshold)}"


def points_to_go(result: Assessment, fit: RoleFit) -> str | None:
    """ "18 more points to Staff Engineer" when the role needs more points than the total."""
    if fit.need is None or result.points is None or result.points.total >= fit.need:
        return None
    return f"{number(fit.need - result.points.total)} more points to {fit.role.title}"


def category_title(matrix: Matrix, category: str | None) -> str:
    """A category's title; an undeclared one's id; "Other skills" for none."""
    if category is None:
        return OTHER_SKILLS
    found = matrix.category_by_id.get(category)
    return found.title if found else category


PROGRESS_COLUMNS = ("Date", "Stands as", "Working towards", "Fit")


def progress_rows(matrix: Matrix, progress: Progress) -> list[tuple[str, str, str, str]]:
    """A row an assessment of a progress: its date, the roles held, the role worked towards
    and the fit of that role."""
    title = {role.id: role.title for role in matrix.roles}
    rows = []
    for snapshot in progress.snapshots:
        answer = snapshot.assessment.answer
        towards = snapshot.towards
        fit = snapshot.assessment.every[towards].fit if towards else None
        rows.append(
            (
                snapshot.date,
                ", ".join(title[r] for r in answer.standing) or "no role yet",
                title[towards] if towards else "every role fits",
                percent(fit) if fit is not None else "–",
            )
        )
    return rows


def step_words(matrix: Matrix, step: Step) -> str:
    """What changed between two assessments, in one sentence."""
    skill = {s.id: s.title for s in matrix.skills}
    level = {lv.id: lv.title for lv in matrix.levels}
    role = {r.id: r.title for r in matrix.roles}

    def changes(items) -> str:
        return ", ".join(
            f"{skill[c.skill]} ({level.get(c.before, 'none')} → {level.get(c.after, 'none')})"
            for c in items
        )

    parts = []
    if step.raised:
        parts.append("raised " + changes(step.raised))
    if step.lowered:
        parts.append("lowered " + changes(step.lowered))
    if step.newly_fitting:
        parts.append("now fits " + ", ".join(role[r] for r in step.newly_fitting))
    if step.no_longer_fitting:
        parts.append("no longer fits " + ", ".join(role[r] for r in step.no_longer_fitting))
    said = "; ".join(parts) or "no change"
    if step.edition:
        said += "; read across editions: " + "; ".join(c.words() for c in step.edition)
    return f"{step.since} → {step.until}: {said}."


@dc.dataclass(frozen=True)
class Voice:
    """Whom an answer speaks of: the reader ("Where you stand"), or someone a page names
    (*subject*: "the article's author": "Where the article's author stands")."""

    subject: str | None = None

    @property
    def where_stands(self) -> str:
        return f"Where {self.subject} stands" if self.subject else "Where you stand"

    @property
    def aim(self) -> str:
        return f"{self.subject}'s aim" if self.subject else "your aim"

    @property
    def next_role(self) -> str:
        return f"the next role for {self.subject}" if self.subject else "the next role for you"

    @property
    def aim_reached(self) -> str:
        if self.subject:
            return f"Aim reached: the role {self.subject} aims at fits."
        return "Aim reached: the role you aim at fits."


YOU = Voice()
