"""Self-assessment: how well a profile fits each role, as the data format defines it
("Assessment, version 2", which gives the version-1 answers for version-1 data)."""

from __future__ import annotations

import dataclasses as dc
import math

from .format import DEFAULT_THRESHOLD
from .locale import _, percentage
from .model import Effective, Matrix, Role
from .point_totals import Points, points_of, total_of
from .profile import Profile

__all__ = ["DEFAULT_THRESHOLD", "Assessment", "assess", "percent"]


def percent(share: float | None) -> str:
    """A share as people read it: a whole percentage, half rounded up (``n/a`` for none).

    The one rounding rule of the project; the browser's twin is ``percent`` in
    ``skills-assess.js``.
    """
    return _("n/a") if share is None else percentage(math.floor(100 * share + 0.5))


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
    short: int
    """Levels short: the expected level's place on the scale minus the profile's (counting
    from 1; nothing is 0)."""


@dc.dataclass(frozen=True, slots=True)
class Raise:
    """A one-level raise of a skill: the next step towards a role that needs points and
    expects no skill in particular."""

    skill: str
    from_: str | None
    """The level the profile gives; ``None`` when it gives none."""
    to: str
    points: float
    """What it adds to the total."""

    def to_json(self) -> dict:
        return {"skill": self.skill, "from": self.from_, "to": self.to, "points": self.points}


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
    need: float | None = None
    """The least points total the role needs (its own or its base's); ``None``: no points."""

    @property
    def by_points(self) -> bool:
        """Whether the role levels by points alone: it needs a total and expects no skill."""
        return self.need is not None and not self.expected


@dc.dataclass(frozen=True, slots=True)
class TrackPosition:
    track: str
    current: str | None
    """The highest role of the track's ladder that fits."""
    next: str | None
    """The role to work towards: the first above *current* (the first of all without one)."""


@dc.dataclass(frozen=True, slots=True)
class Answer:
    """What every surface leads with ("The answer", in the data format)."""

    standing: tuple[str, ...]
    """The roles the person holds: those that fit and that no fitting role builds on."""
    target: str | None
    """The role to work towards; ``None`` when every role fits."""
    aim: str | None
    """The aim given (by the command, the profile or the page), if any."""
    next_steps: tuple[Gap | Raise, ...]
    """The target's first three gaps (or, for a role by points alone, raises)."""

    def to_json(self) -> dict:
        return {
            "standing": list(self.standing),
            "target": self.target,
            "aim": self.aim,
            "next_steps": [
                s.to_json() if isinstance(s, Raise) else dc.asdict(s) for s in self.next_steps
            ],
        }


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
    answer: Answer = Answer((), None, None, ())
    points: Points | None = None

    @property
    def target(self) -> RoleFit | None:
        """The assessment of the role to work towards."""
        return self.every[self.answer.target] if self.answer.target else None

    @property
    def aim_reached(self) -> bool:
        """Whether an aim is given and fits."""
        return self.answer.aim is not None and self.every[self.answer.aim].fits

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
            "answer": self.answer.to_json(),
            "points": self.points.to_json() if self.points else None,
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
        "points": None if fit.need is None else {"need": fit.need},
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
        self.total = total_of(matrix, profile) if matrix.has_points else None

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
        held = self.total
        need = self.matrix.points_needed(role.id) if held is not None else None
        fit = _share(expected, met)
        own = [e for e in expected if e.own]
        own_fit = _share(own, met) if role.extends else None
        missing = tuple(e.skill for e in expected if e.required and e.skill not in met)
        if held is not None and need is not None and not expected:  # by points alone
            fit = 1.0 if need == 0 else min(1.0, held / need)  # (the threshold does not apply)
            fits = True
        else:
            fits = fit is not None and fit >= threshold and not missing
        if held is not None and need is not None:
            fits = fits and held >= need
        if fits and role.extends:
            base = self.role(self.matrix.role_by_id[role.extends])
            fits = base.fits and (own_fit is None or own_fit >= threshold)
        total = sum(e.weight for e in expected)
        rank = self.matrix.level_rank
        gaps = sorted(
            (
                Gap(
                    skill=e.skill,
                    expected=e.level,
                    actual=(actual := self.profile.skills.get(e.skill)),
                    assessed=e.skill in self.profile.skills,
                    required=e.required,
                    gain=e.weight / total,
                    short=rank[e.level] + 1 - (0 if actual is None else rank[actual] + 1),
                )
                for e in expected
                if e.skill not in met
            ),
            key=lambda g: (not g.required, -g.gain, g.short, self.order[g.skill]),
        )
        # each responsibility's weighted share, summed in the order of *expected* (as
        # _share sums): one pass over the expectations, however many responsibilities
        weights: dict[str, list[float]] = {}
        for e in expected:
            for resp in self.matrix.skill_by_id[e.skill].supports:
                pair = weights.setdefault(resp, [0, 0])
                pair[0] += e.weight
                pair[1] += e.weight if e.skill in met else 0
        coverage = [
            Coverage(resp, weights[resp][1] / weights[resp][0] if resp in weights else None)
            for resp in self.matrix.responsibilities_of(role.id)
        ]
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
            need=need,
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

    def answer(self, tracks: tuple[TrackPosition, ...], aim: str | None) -> Answer:
        matrix = self.matrix
        fitting = [role for role in matrix.roles if self.role(role).fits]
        below: set[str] = set()  # every role a fitting role builds on, each reached once
        for role in fitting:
            base = role.extends
            while base is not None and base not in below:
                below.add(base)
                base = matrix.role_by_id[base].extends
        standing = tuple(role.id for role in fitting if role.id not in below)
        target = self._target(tracks, aim)
        steps: tuple[Gap | Raise, ...] = ()
        if target is not None:
            assessed = self.role(matrix.role_by_id[target])
            steps = self.raises()[:3] if assessed.by_points else assessed.gaps[:3]
        return Answer(standing, target, aim, steps)

    def _target(self, tracks: tuple[TrackPosition, ...], aim: str | None) -> str | None:
        """The role to work towards: the first rule of the data format's that gives one."""
        if aim is not None:
            return aim
        by_track = {position.track: position for position in tracks}
        role = self.matrix.role_by_id.get(self.profile.role or "")
        if role is not None and role.track is not None and by_track[role.track].next:
            return by_track[role.track].next
        placed = [p for p in tracks if p.current is not None]
        if placed:
            grade = lambda p: _grade(self.matrix.role_by_id[p.current])  # noqa: E731
            highest = max(placed, key=grade)  # max() keeps the first of equals
            if highest.next is not None:
                return highest.next
        candidates = [
            (index, fit)
            for index, role in enumerate(self.matrix.roles)
            if not (fit := self.role(role)).fits and fit.fit is not None
        ]
        if not candidates:
            return None
        best = max(candidates, key=lambda c: (c[1].fit, _grade(c[1].role), -c[0]))
        return best[1].role.id

    def raises(self) -> tuple[Raise, ...]:
        """Every one-level raise of a skill, the most points first, then in the matrix's order."""
        levels, rank = self.matrix.levels, self.matrix.level_rank
        out = []
        for skill in self.matrix.skills:
            held = self.profile.skills.get(skill.id)
            up = 0 if held is None else rank[held] + 1
            if up < len(levels):
                before = 0.0 if held is None else levels[rank[held]].points or 0.0
                gained = (levels[up].points or 0.0) - before
                out.append(Raise(skill.id, held, levels[up].id, gained))
        return tuple(sorted(out, key=lambda r: -r.points))  # sorted() keeps the matrix's order


def _grade(role: Role) -> float:
    """A role's grade for ordering: an ungraded role below every graded one."""
    return -math.inf if role.grade is None else role.grade


def assess(
    matrix: Matrix,
    profile: Profile,
    threshold: float = DEFAULT_THRESHOLD,
    role: str | None = None,
    aim: str | None = None,
    page_aim: str | None = None,
) -> Assessment:
    """Every role (or only *role*), ordered by fit, highest first, fit ``None`` last, then id;
    for each track, the highest role that fits and the next one; and the answer, towards the
    aim: *aim* (the command's), else the profile's, else *page_aim* (a page's).

    Raises :class:`~.model.SelectionError` when *role* or the aim is not a role of the matrix.
    """
    roles = list(matrix.roles) if role is None else matrix.pick("roles", [role])
    aim = aim or profile.aim or page_aim
    if aim is not None:
        matrix.pick("roles", [aim])
    assessor = _Assessor(matrix, profile, threshold)
    fits = [assessor.role(r) for r in roles]
    fits.sort(key=lambda f: (f.fit is None, -(f.fit or 0.0), f.role.id))
    tracks = tuple(assessor.track(t.id) for t in matrix.tracks)
    every = {r.id: assessor.role(r) for r in matrix.roles}
    points = None if assessor.total is None else points_of(matrix, profile, assessor.total)
    return Assessment(
        profile.name,
        threshold,
        tuple(fits),
        tracks,
        matrix.version,
        every,
        assessor.answer(tracks, aim),
        points,
    )
