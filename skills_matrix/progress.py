"""One person's assessments over time: each dated profile assessed, in date order, and what
changed from one to the next (``skills-matrix progress``, the ``skills-progress`` directive).
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence

from .assessment import Assessment, assess
from .format import DEFAULT_THRESHOLD
from .model import Matrix
from .profile import EditionChange, Profile, same_name


class ProgressError(ValueError):
    """The profiles are not one person's dated assessments; the message says why."""


@dc.dataclass(frozen=True, slots=True)
class Snapshot:
    """One assessment of the series."""

    date: str
    file: str | None
    profile: Profile
    assessment: Assessment

    @property
    def towards(self) -> str | None:
        """The role worked towards: the aim, else the computed target."""
        return self.assessment.answer.aim or self.assessment.answer.target


@dc.dataclass(frozen=True, slots=True)
class SkillChange:
    skill: str
    before: str | None
    """The level before; ``None``: none yet, or not assessed."""
    after: str | None


@dc.dataclass(frozen=True, slots=True)
class Step:
    """What changed from the assessment of *since* to that of *until*."""

    since: str
    until: str
    raised: tuple[SkillChange, ...]
    lowered: tuple[SkillChange, ...]
    newly_fitting: tuple[str, ...]
    """Roles that fit at *until* and did not at *since*."""
    no_longer_fitting: tuple[str, ...]
    edition: tuple[EditionChange, ...] = ()
    """What the matrix renamed, merged or retired between the two: the *since* profile was
    read through it (its answers are not lowered or lost for it)."""

    def to_json(self) -> dict:
        return {
            "since": self.since,
            "until": self.until,
            "raised": [dc.asdict(c) for c in self.raised],
            "lowered": [dc.asdict(c) for c in self.lowered],
            "newly_fitting": list(self.newly_fitting),
            "no_longer_fitting": list(self.no_longer_fitting),
            "edition": [change.to_json() for change in self.edition],
        }


@dc.dataclass(frozen=True, slots=True)
class Progress:
    name: str | None
    snapshots: tuple[Snapshot, ...]
    steps: tuple[Step, ...]

    def to_json(self) -> dict:
        """The ``progress --format json`` object."""
        return {
            "name": self.name,
            "assessments": [
                {
                    "date": s.date,
                    "file": s.file,
                    "standing": list(s.assessment.answer.standing),
                    "target": s.assessment.answer.target,
                    "aim": s.assessment.answer.aim,
                    "fits": {f.role.id: f.fit for f in s.assessment.roles},
                    "fitting": [f.role.id for f in s.assessment.roles if f.fits],
                }
                for s in self.snapshots
            ],
            "changes": [step.to_json() for step in self.steps],
        }


def progress(
    matrix: Matrix,
    profiles: Sequence[Profile],
    threshold: float = DEFAULT_THRESHOLD,
    aim: str | None = None,
) -> Progress:
    """The dated *profiles* of one person, each assessed (towards *aim* when given), oldest
    first, and what changed between consecutive ones.

    Raises :class:`ProgressError` for a profile without a date, two with one date, or
    profiles that name different people; :class:`~.model.SelectionError` for an unknown aim.
    """
    undated = [p for p in profiles if p.date is None]
    if undated:
        raise ProgressError(
            f"{undated[0].file or 'a profile'} has no date; each assessment of a progress says "
            "when it was made (date: YYYY-MM-DD)"
        )
    named: dict[str, Profile] = {}
    for profile in profiles:
        if profile.name is not None:
            named.setdefault(same_name(profile.name), profile)
    if len(named) > 1:
        first, second = list(named.values())[:2]
        raise ProgressError(
            f"the profiles are of different people: {first.name!r} ({first.file}) and "
            f"{second.name!r} ({second.file}); a progress follows one person"
        )
    by_date: dict[str, Profile] = {}
    for profile in profiles:
        date = profile.date or ""  # every profile has one (checked above)
        if date in by_date:
            raise ProgressError(
                f"{by_date[date].file} and {profile.file} are both dated "
                f"{date}; keep one assessment a day"
            )
        by_date[date] = profile
    snapshots = tuple(
        Snapshot(date, p.file, p, assess(matrix, p, threshold, aim=aim))
        for date, p in sorted(by_date.items())
    )
    steps = tuple(_step(matrix, a, b) for a, b in zip(snapshots, snapshots[1:], strict=False))
    name = next(iter(named.values())).name if named else None
    return Progress(name, snapshots, steps)


def _step(matrix: Matrix, before: Snapshot, after: Snapshot) -> Step:
    rank = matrix.level_rank

    def held(snapshot: Snapshot, skill: str) -> int:
        level = snapshot.profile.skills.get(skill)
        return -1 if level is None else rank[level]

    raised: list[SkillChange] = []
    lowered: list[SkillChange] = []
    for skill in matrix.skills:
        old, new = held(before, skill.id), held(after, skill.id)
        if old == new:
            continue
        change = SkillChange(
            skill.id, before.profile.skills.get(skill.id), after.profile.skills.get(skill.id)
        )
        (raised if new > old else lowered).append(change)
    fit_before = {f.role.id for f in before.assessment.every.values() if f.fits}
    fit_after = {f.role.id for f in after.assessment.every.values() if f.fits}
    order = [role.id for role in matrix.roles]
    return Step(
        before.date,
        after.date,
        tuple(raised),
        tuple(lowered),
        tuple(r for r in order if r in fit_after - fit_before),
        tuple(r for r in order if r in fit_before - fit_after),
        tuple(c for c in before.profile.edition if c not in after.profile.edition),
    )
