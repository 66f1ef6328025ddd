"""The skills matrix as plain, immutable Python objects (no YAML, no Sphinx): each class holds
one kind of :mod:`.format` object, its attributes named as the format's keys, built by
keyword. A person's answers are in :mod:`.profile`."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Collection, Mapping, Sequence
from functools import cached_property
from typing import Literal

from .diagnostics import hint
from .format import DEFAULT_WEIGHT, LISTED_KINDS, kind_by_plural

Strength = Literal["core", "supporting"]
Origin = Literal["source", "synthesis"]


def _extensions():
    """The field every class has for the writer's own keys (``x-``…) and their plain values,
    kept as given: compared, never hashed."""
    return dc.field(default_factory=dict, hash=False)


class SelectionError(ValueError):
    """A request names something the matrix does not have (an unknown role, say)."""


@dc.dataclass(frozen=True, slots=True)
class Level:
    id: str
    title: str
    description: str | None = None
    points: float | None = None
    """What holding a skill at this level adds to a total (frameworks that level by points)."""
    replaces: tuple[str, ...] = ()
    """The ids it had in earlier editions of the matrix."""
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Band:
    """A named step of the points total: from *points* on, a person is in this band."""

    id: str
    points: float
    title: str | None = None
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Category:
    id: str
    title: str
    description: str | None = None
    replaces: tuple[str, ...] = ()
    """The ids it had in earlier editions of the matrix."""
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str | None = None
    accessed: str | None = None
    """When the source was read, ``YYYY-MM-DD`` (an optional key, this project's extension)."""
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Track:
    id: str
    title: str
    description: str | None = None
    replaces: tuple[str, ...] = ()
    """The ids it had in earlier editions of the matrix."""
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Responsibility:
    id: str
    title: str
    description: str | None = None
    sources: tuple[Source, ...] = ()
    replaces: tuple[str, ...] = ()
    """The ids it had in earlier editions of the matrix."""
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Skill:
    id: str
    title: str
    category: str | None = None
    description: str | None = None
    examples: tuple[str, ...] = ()
    supports: Mapping[str, Strength] = dc.field(default_factory=dict)
    """Responsibility id -> strength, in file order."""
    links: tuple[Source, ...] = ()
    """Where to learn it."""
    origin: Origin | None = None
    """Named by the framework's sources, or its authors' synthesis; ``None`` when unsaid."""
    levels: Mapping[str, Descriptor] = dc.field(default_factory=dict)
    """Level id -> what the skill looks like at that level (text is read as a descriptor)."""
    replaces: tuple[str, ...] = ()
    """The ids it had in earlier editions of the matrix."""
    extensions: Mapping[str, object] = _extensions()

    def __post_init__(self) -> None:
        levels = {k: Descriptor(v) if isinstance(v, str) else v for k, v in self.levels.items()}
        object.__setattr__(self, "levels", levels)


@dc.dataclass(frozen=True, slots=True)
class Descriptor:
    description: str
    examples: tuple[str, ...] = ()
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Expectation:
    """What a role's ``expects`` says of one skill; ``None`` where it says nothing."""

    level: str
    required: bool | None = None
    weight: float | None = None
    note: str | None = None
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    summary: str | None = None
    track: str | None = None
    grade: int | None = None
    threshold: float | None = None
    extends: str | None = None
    points: float | None = None
    """The least total the role needs, as given (see :meth:`Matrix.points_needed`)."""
    responsibilities: tuple[str, ...] = ()
    expects: Mapping[str, Expectation] = dc.field(default_factory=dict)
    """Skill id -> what the role itself says, in file order (a level id is read as an
    :class:`Expectation` of that level)."""
    replaces: tuple[str, ...] = ()
    """The ids it had in earlier editions of the matrix."""
    extensions: Mapping[str, object] = _extensions()

    def __post_init__(self) -> None:
        expects = {k: Expectation(v) if isinstance(v, str) else v for k, v in self.expects.items()}
        object.__setattr__(self, "expects", expects)


@dc.dataclass(frozen=True, slots=True)
class Effective:
    """An expectation in force for a role: its own, or inherited through ``extends``."""

    skill: str
    level: str
    required: bool
    weight: float
    note: str | None
    source: str
    """The role whose ``expects`` set this level."""
    inherited: bool
    """From the base role, at the level the base expects (restated or not)."""
    own: bool
    """In the role's *own* expectations: new to its base's, or raising the level. A role
    that extends nothing has no own expectations."""


@dc.dataclass(frozen=True, slots=True)
class Retirement:
    kind: str
    id: str
    note: str | None = None
    extensions: Mapping[str, object] = _extensions()


@dc.dataclass(frozen=True)
class Matrix:
    """A whole, valid matrix: every reference in it resolves."""

    levels: tuple[Level, ...]
    responsibilities: tuple[Responsibility, ...]
    skills: tuple[Skill, ...]
    categories: tuple[Category, ...] = ()
    roles: tuple[Role, ...] = ()
    tracks: tuple[Track, ...] = ()
    bands: tuple[Band, ...] = ()
    retired: tuple[Retirement, ...] = ()
    title: str | None = None
    description: str | None = None
    version: int = 1
    files: tuple[str, ...] = ()
    """The files it was read from, in reading order."""
    extensions: Mapping[str, object] = _extensions()
    """The writer's own top-level keys (``x-``…) and their plain values."""

    def pick(self, plural: str, ids: Sequence[str]) -> list:
        """The objects of a kind (``"roles"``, …) with these ids, in the order given.

        Raises :class:`SelectionError`, with a "did you mean", for an id the matrix lacks.
        """
        known = {item.id: item for item in getattr(self, plural)}
        for ident in ids:
            if ident not in known:
                singular = kind_by_plural(plural).name
                raise SelectionError(f"the matrix has no {singular} {ident!r}{hint(ident, known)}")
        return [known[ident] for ident in ids]

    def renamed(self, plural: str) -> dict[str, str]:
        """Of a kind (``"skills"``, …): each id it had in earlier editions -> its id now."""
        return self._renames[plural]

    def retired_ids(self, kind: str) -> dict[str, str | None]:
        """Of a kind (``"skill"``, …): each id an earlier edition had and this one dropped on
        purpose -> why (its note)."""
        return self._retired.get(kind, {})

    @cached_property
    def _retired(self) -> dict[str, dict[str, str | None]]:
        out: dict[str, dict[str, str | None]] = {}
        for item in self.retired:
            out.setdefault(item.kind, {})[item.id] = item.note
        return out

    @cached_property
    def _renames(self) -> dict[str, dict[str, str]]:
        return {
            kind.list_key: {
                old: item.id for item in getattr(self, kind.list_key) for old in item.replaces
            }
            for kind in LISTED_KINDS
            if "replaces" in kind.keys
        }

    @cached_property
    def level_rank(self) -> dict[str, int]:
        """Level id -> position on the scale, lowest 0."""
        return {level.id: rank for rank, level in enumerate(self.levels)}

    @cached_property
    def level_by_id(self) -> dict[str, Level]:
        return {level.id: level for level in self.levels}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {category.id: category for category in self.categories}

    @cached_property
    def responsibility_by_id(self) -> dict[str, Responsibility]:
        return {resp.id: resp for resp in self.responsibilities}

    @cached_property
    def skill_by_id(self) -> dict[str, Skill]:
        return {skill.id: skill for skill in self.skills}

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.roles}

    @cached_property
    def track_by_id(self) -> dict[str, Track]:
        return {track.id: track for track in self.tracks}

    def expectations(self, role: str) -> dict[str, Effective]:
        """The role's effective expectations, E(R): its base's, with its own applied on top
        (the base's first, in their order, then the new ones)."""
        return self._effective[role]

    @cached_property
    def _bases_first(self) -> tuple[Role, ...]:
        """Every role, each after the role it extends: the order in which what a role takes
        from its bases is worked out once, without recursion (a ladder may be thousands of
        roles long)."""
        seen: dict[str, Role] = {}
        for role in self.roles:
            chain = [role]
            while chain[-1].extends and chain[-1].extends not in seen:
                chain.append(self.role_by_id[chain[-1].extends])
            for member in reversed(chain):
                seen.setdefault(member.id, member)
        return tuple(seen.values())

    @cached_property
    def _effective(self) -> dict[str, dict[str, Effective]]:
        done: dict[str, dict[str, Effective]] = {}
        for role in self._bases_first:
            done[role.id] = self._apply(role, done.get(role.extends or "", {}))
        return done

    def _apply(self, role: Role, base: dict[str, Effective]) -> dict[str, Effective]:
        out = {skill: dc.replace(e, inherited=True, own=False) for skill, e in base.items()}
        extends = role.extends is not None
        for skill, said in role.expects.items():
            prior = base.get(skill)
            raised = prior is None or self.level_rank[said.level] > self.level_rank[prior.level]
            # what the role does not say, it keeps from its base (or takes the default)
            kept = prior or Effective(
                skill, said.level, False, DEFAULT_WEIGHT, None, role.id, False, False
            )
            out[skill] = Effective(
                skill=skill,
                level=said.level,
                required=kept.required if said.required is None else said.required,
                weight=kept.weight if said.weight is None else said.weight,
                note=kept.note if said.note is None else said.note,
                source=role.id if raised else kept.source,
                inherited=not raised,
                own=extends and raised,
            )
        return out

    def expected_words(self, e: Effective) -> str | None:
        """What a role expects of a skill, in words: the role's note, else the skill's
        descriptor at that level, else the level's description."""
        return e.note or self.expected_words_at(e.skill, e.level)

    def expected_words_at(self, skill: str, level: str) -> str | None:
        """What a skill looks like at a level: its descriptor, else the level's description."""
        descriptor = self.skill_by_id[skill].levels.get(level)
        return descriptor.description if descriptor else self.level_by_id[level].description

    @property
    def has_points(self) -> bool:
        """Whether levels carry points: a person's skills add up to a total."""
        return bool(self.levels) and self.levels[0].points is not None

    def points_needed(self, role: str) -> float | None:
        """The least total *role* needs: its own ``points``, else its nearest base's."""
        return self._down_the_ladder[role][1]

    def responsibilities_of(self, role: str) -> tuple[str, ...]:
        """The role's effective responsibilities: its base's, then its own not listed yet."""
        return self._down_the_ladder[role][0]

    @cached_property
    def _down_the_ladder(self) -> dict[str, tuple[tuple[str, ...], float | None]]:
        """Role id -> (effective responsibilities, points needed): what a role takes from the
        roles it builds on."""
        done: dict[str, tuple[tuple[str, ...], float | None]] = {}
        for role in self._bases_first:
            base = done.get(role.extends or "", ((), None))
            known = set(base[0])
            own = tuple(r for r in role.responsibilities if r not in known)
            points = role.points if role.points is not None else base[1]
            done[role.id] = (base[0] + own if own else base[0], points)
        return done

    def bases(self, role: str) -> list[Role]:
        """The roles *role* builds on, nearest first."""
        out = []
        current = self.role_by_id[role]
        while current.extends:
            current = self.role_by_id[current.extends]
            out.append(current)
        return out

    def ladder(self, track: str) -> list[Role]:
        """The roles of a track and every role they extend, by grade (ungraded last), then id."""
        members: dict[str, Role] = {}
        for role in self.roles:
            current = role if role.track == track else None
            while current is not None and current.id not in members:  # each role once
                members[current.id] = current
                current = self.role_by_id[current.extends] if current.extends else None
        return sorted(members.values(), key=lambda r: (r.grade is None, r.grade or 0, r.id))

    def skills_in_display_order(
        self, only: Collection[str] | None = None
    ) -> list[tuple[Category | None, list[Skill]]]:
        """Skills grouped by category in declared order, file order inside each group;
        skills without a category last, under ``None``. *only*: keep these skill ids (a
        group left empty is left out)."""
        groups: dict[str, list[Skill]] = {c.id: [] for c in self.categories}
        loose: list[Skill] = []
        for skill in self.skills:
            if only is not None and skill.id not in only:
                continue
            if skill.category is None:
                loose.append(skill)
            else:
                groups.setdefault(skill.category, []).append(skill)
        ordered: list[tuple[Category | None, list[Skill]]] = [
            (self.category_by_id.get(cid) or Category(id=cid, title=cid), skills)
            for cid, skills in groups.items()
            if skills
        ]
        if loose:
            ordered.append((None, loose))
        return ordered
