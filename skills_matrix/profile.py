"""A person's own answers as immutable objects: a profile (the levels they hold, with evidence),
what it was read through when written for an earlier edition of its matrix, and a team's
member."""

from __future__ import annotations

import dataclasses as dc
import unicodedata
from collections.abc import Mapping

from .model import Source

Evidence = str | Source


@dc.dataclass(frozen=True, slots=True)
class EditionChange:
    """What a profile written for an earlier edition of its matrix was read through."""

    kind: str
    """``skill``, ``level``, ``role``…"""
    change: str
    """``renamed``, ``merged`` or ``retired``."""
    old: tuple[str, ...]
    """The id (or ids, merged) the profile writes."""
    new: str | None
    """The id it is read as; ``None`` when retired."""

    def to_json(self) -> dict:
        return {"kind": self.kind, "change": self.change, "old": list(self.old), "new": self.new}


@dc.dataclass(frozen=True, slots=True)
class Profile:
    """What one person says of their own skills."""

    skills: Mapping[str, str | None]
    """Skill id -> the level they have; ``None``: assessed, none yet. A skill not named is
    not assessed."""
    name: str | None = None
    file: str | None = None
    role: str | None = None
    date: str | None = None
    aim: str | None = None
    """The role the person works towards."""
    evidence: Mapping[str, tuple[Evidence, ...]] = dc.field(default_factory=dict)
    edition: tuple[EditionChange, ...] = ()
    """What the profile was read through: ids the matrix has renamed, merged or retired
    since it was written."""


def same_name(name: str) -> str:
    """What two names that look alike have in common: the name in Unicode's composed form
    (NFC: "José" typed either way), without invisible characters (a zero-width space)."""
    composed = unicodedata.normalize("NFC", name)
    return "".join(c for c in composed if unicodedata.category(c) != "Cf")


@dc.dataclass(frozen=True, slots=True)
class Member:
    """A member of a team: a profile, and the name the team knows it by."""

    name: str
    """The profile's name, or its file name without ``.yaml``."""
    profile: Profile
