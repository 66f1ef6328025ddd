"""Self-assessment: how well a profile fits each role, as the data format defines it
("Assessment, version 2", which gives the version-1 answers for version-1 data)."""

from __future__ import annotations

import dataclasses as dc
import math

from .format import DEFAULT_THRESHOLD
from .model import Effective, Matrix, Profile, Role

__all__ = ["DEFAULT_THRESHOLD", "Assessment", "assess", "percent"]


def percent(share: float | None) -> str:
    """A share as people read it: a whole percentage, half rounded up (``n/a`` for none).

    The one rounding rule of the project; the browser's twin is ``percent`` in
    ``skills-assess.js``.
    """
    return "n/a" if share is None else f"{math.floor(100 * share + 0.5)}%"


@dc.dataclass(frozen=True, slots=True)
class Gap:
    skill: str
    expected: str
    actual: str | None
    """The level the profile gives; ``None`` when it gives none."""
    assessed: bool
    """Whether the profile names the skill at all (``null`` is assessed: none yet)."""
    required: bool
    gain: float
    """What meeting it adds to the fit."""


@dc.dataclass(frozen=True, slots=True)
class Coverage:
    responsibility: str
    coverage: float | None
    """Weighted share of the expected skills supporting it that are met; ``None`` when none do."""


@dc.dataclass(frozen=True, slots=True)
class RoleFit:
    role: Role
    threshold: float
    """t(R): the role's own threshold, else the one given."""
    fit: float | None
    own_fit: float | None
    fits: bool
    met: int
    expected: int
    missing_required: tuple[str, ...]
    gaps: tuple[Gap, ...]
    responsibilities: tuple[Coverage, ...]


@dc.dataclass(frozen=True, slots=True)
class TrackPosition:
    track: str
    current: str | None
    """The highest role of the track's ladder that fits."""
    next: str | None
    """The role to work towards: the first above *current* (the first of all without one)."""


@dc.dataclass(frozen=True, slots=True)
class Assessment:
    profile: str | None
    threshold: float
    roles: tuple[RoleFit, ...]
    tracks: tuple[TrackPosition, ...] = ()
    version: int = 1
    """The matrix's format version: version-1 data gets the version-1 answer's keys."""
    every: dict[str, RoleFit] = dc.field(default_factory=dict, compare=False, repr=False)
    """Every role of the matrix, assessed, by id (``roles`` may be narrowed to one)."""

    @property
    def closest(self) -> RoleFit | None:
        """The role with the highest fit; among equal fits, one that fits before one that
        does not, then the higher grade, then the first reported."""
        scored = [r for r in self.roles if r.fit is not None]
        if not scored:
            return None
        return max(  # max() keeps the first of equals: the first reported
            scored, key=lambda r: (r.fit, r.fits, -1 if r.role.grade is None else r.role.grade)
        )

    @property
    def target(self) -> RoleFit | None:
        """The role to work towards: the closest role when it does not fit; when it fits, the
        next role on its track; ``None`` when there is none."""
        closest = self.closest
        if closest is None or not closest.fits:
            return closest
        position = next((t for t in self.tracks if t.current == closest.role.id), None)
        if position is None:
            position = next((t for t in self.tracks if t.track == closest.role.track), None)
        if position is None or position.next is None:
            return None
        return self.every.get(position.next)

    def next_steps(self, count: int = 3) -> tuple[Gap, ...]:
        """The gaps of :attr:`target` that matter most: required first, then by gain."""
        target = self.target
        return target.gaps[:count] if target else ()

    def to_json(self) -> dict:
        """The ``assess --format json`` object."""
        if self.version == 1:
            return {
                "profile": self.profile,
                "threshold": self.threshold,
                "roles": [_role_json_v1(r) for r in self.roles],
            }
        return {
            "profile": self.profile,
            "threshold": self.threshold,
            "roles": [_role_json(r) for r in self.roles],
            "tracks": [{"id": t.track, "current": t.current, "next": t.next} for t in self.tracks],
        }


def _role_json_v1(fit: RoleFit) -> dict:
    return {
        "id": fit.role.id,
        "title": fit.role.title,
        "fit": fit.fit,
        "fits": fit.fits,
        "met": fit.met,
        "expected": fit.expected,
        "gaps": [{"skill": g.skill, "expected": g.expected, "actual": g.actual} for g in fit.gaps],
        "responsibilities": [
            {"id": c.responsibility, "coverage": c.coverage} for c in fit.responsibilities
        ],
    }


def _role_json(fit: RoleFit) -> dict:
    return {
        "id": fit.role.id,
        "title": fit.role.title,
        "track": fit.role.track,
        "grade": fit.role.grade,
        "threshold": fit.threshold,
        "fit": fit.fit,
        "own_fit": fit.own_fit,
        "fits": fit.fits,
        "met": fit.met,
        "expected": fit.expected,
        "missing_required": list(fit.missing_required),
        "gaps": [dc.asdict(g) for g in fit.gaps],
        "responsibilities": [
            {"id": c.responsibility, "coverage": c.coverage} for c in fit.responsibilities
        ],
    }


def _share(entries: list[Effective], met: set[str]) -> float | None:
    total = sum(e.weight for e in entries)
    return sum(e.weight for e in entries if e.skill in met) / total if entries else None


class _Assessor:
    def __init__(self, matrix: Matrix, profile: Profile, threshold: float) -> None:
        self.matrix = matrix
        self.profile = profile
        self.threshold = threshold
        self.order = {skill.id: index for index, skill in enumerate(matrix.skills)}
        self.done: dict[str, RoleFit] = {}

    def is_met(self, e: Effective) -> bool:
        level = self.profile.skills.get(e.skill)
        rank = self.matrix.level_rank
        return level is not None and rank[level] >= rank[e.level]

    def role(self, role: Role) -> RoleFit:
        if role.id not in self.done:
            self.done[role.id] = self._assess(role)
        return self.done[role.id]

    def _assess(self, role: Role) -> RoleFit:
        expected = sorted(
            self.matrix.expectations(role.id).values(), key=lambda e: self.order[e.skill]
        )
        met = {e.skill for e in expected if self.is_met(e)}
        threshold = role.threshold if role.threshold is not None else self.threshold
        fit = _share(expected, met)
        own = [e for e in expected if e.own]
        own_fit = _share(own, met) if role.extends else None
        missing = tuple(e.skill for e in expected if e.required and e.skill not in met)
        fits = fit is not None and fit >= threshold and not missing
        if fits and role.extends:
            base = self.role(self.matrix.role_by_id[role.extends])
            fits = base.fits and (own_fit is None or own_fit >= threshold)
        total = sum(e.weight for e in expected)
        gaps = sorted(
            (
                Gap(
                    skill=e.skill,
                    expected=e.level,
                    actual=self.profile.skills.get(e.skill),
                    assessed=e.skill in self.profile.skills,
                    required=e.required,
                    gain=e.weight / total,
                )
                for e in expected
                if e.skill not in met
            ),
            key=lambda g: (not g.required, -g.gain, self.order[g.skill]),
        )
        coverage = []
        for resp in self.matrix.responsibilities_of(role.id):
            supporting = [e for e in expected if resp in self.matrix.skill_by_id[e.skill].supports]
            coverage.append(Coverage(resp, _share(supporting, met)))
        return RoleFit(
            role=role,
            threshold=threshold,
            fit=fit,
            own_fit=own_fit,
            fits=fits,
            met=len(met),
            expected=len(expected),
            missing_required=missing,
            gaps=tuple(gaps),
            responsibilities=tuple(coverage),
        )

    def track(self, track: str) -> TrackPosition:
        ladder = self.matrix.ladder(track)
        fitting = [index for index, role in enumerate(ladder) if self.role(role).fits]
        if not fitting:
            return TrackPosition(track, None, ladder[0].id if ladder else None)
        current = ladder[fitting[-1]]
        after = ladder[fitting[-1] + 1 :]
        if current.grade is not None:
            after = [r for r in after if r.grade is not None and r.grade > current.grade]
        return TrackPosition(track, current.id, after[0].id if after else None)


def assess(
    matrix: Matrix,
    profile: Profile,
    threshold: float = DEFAULT_THRESHOLD,
    role: str | None = None,
) -> Assessment:
    """Every role (or only *role*), ordered by fit, highest first, fit ``None`` last, then id;
    and, for each track, the highest role that fits and the next one.

    Raises :class:`~.model.SelectionError` when *role* is not a role of the matrix.
    """
    roles = list(matrix.roles) if role is None else matrix.pick("roles", [role])
    assessor = _Assessor(matrix, profile, threshold)
    fits = [assessor.role(r) for r in roles]
    fits.sort(key=lambda f: (f.fit is None, -(f.fit or 0.0), f.role.id))
    tracks = tuple(assessor.track(t.id) for t in matrix.tracks)
    every = {r.id: assessor.role(r) for r in matrix.roles}
    return Assessment(profile.name, threshold, tuple(fits), tracks, matrix.version, every)
