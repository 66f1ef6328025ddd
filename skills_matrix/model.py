"""The skills matrix as plain, immutable Python objects (no YAML, no Sphinx).

Each class holds one kind of :mod:`.format` object, its attributes named as the format's
keys; objects are built by keyword.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Literal

from .diagnostics import hint
from .format import kind_by_plural

Strength = Literal["core", "supporting"]


OTHER_SKILLS = "Other skills"
"""The title of the group of skills without a category."""


class SelectionError(ValueError):
    """A request names something the matrix does not have (an unknown role, say)."""


@dc.dataclass(frozen=True, slots=True)
class Level:
    id: str
    title: str
    description: str | None = None


@dc.dataclass(frozen=True, slots=True)
class Category:
    id: str
    title: str
    description: str | None = None


@dc.dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str | None = None
    accessed: str | None = None
    """When the source was read, ``YYYY-MM-DD`` (an optional key, this project's extension)."""


@dc.dataclass(frozen=True, slots=True)
class Responsibility:
    id: str
    title: str
    description: str | None = None
    sources: tuple[Source, ...] = ()


@dc.dataclass(frozen=True, slots=True)
class Skill:
    id: str
    title: str
    category: str | None = None
    description: str | None = None
    examples: tuple[str, ...] = ()
    supports: Mapping[str, Strength] = dc.field(default_factory=dict)
    """Responsibility id -> strength, in file order."""


@dc.dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    summary: str | None = None
    responsibilities: tuple[str, ...] = ()
    expects: Mapping[str, str] = dc.field(default_factory=dict)
    """Skill id -> minimum level id, in file order."""


@dc.dataclass(frozen=True)
class Matrix:
    """A whole, valid matrix: every reference in it resolves."""

    levels: tuple[Level, ...]
    responsibilities: tuple[Responsibility, ...]
    skills: tuple[Skill, ...]
    categories: tuple[Category, ...] = ()
    roles: tuple[Role, ...] = ()
    title: str | None = None
    version: int = 1
    files: tuple[str, ...] = ()
    """The files it was read from, in reading order."""

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

    def skills_in_display_order(self) -> list[tuple[Category | None, list[Skill]]]:
        """Skills grouped by category in declared order, file order inside each group;
        skills without a category last, under ``None``."""
        groups: dict[str | None, list[Skill]] = {c.id: [] for c in self.categories}
        loose: list[Skill] = []
        for skill in self.skills:
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


@dc.dataclass(frozen=True, slots=True)
class Profile:
    """What one person says of their own skills: skill id -> level id."""

    skills: Mapping[str, str]
    name: str | None = None
    file: str | None = None


CLASSES: dict[str, type] = {
    "level": Level,
    "category": Category,
    "responsibility": Responsibility,
    "source": Source,
    "skill": Skill,
    "role": Role,
}
"""The class of each kind of object of the format."""
