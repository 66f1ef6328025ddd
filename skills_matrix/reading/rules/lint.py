"""Findings that the format allows but that are probably unintended: warnings, not errors."""

from __future__ import annotations

import re
from itertools import pairwise

from ...diagnostics import quoted
from ...model import Level, Matrix
from ..fields import Record

RANKS = {
    **dict.fromkeys(
        (
            "aware",
            "awareness",
            "basic",
            "beginner",
            "entry",
            "foundation",
            "foundational",
            "fundamental",
            "fundamentals",
            "novice",
            "learner",
            "learning",
            "none",
        ),
        0,
    ),
    **dict.fromkeys(("developing", "intermediate", "working", "competent", "capable"), 1),
    **dict.fromkeys(
        ("advanced", "experienced", "practitioner", "proficient", "skilled", "strong"), 2
    ),
    **dict.fromkeys(("authority", "expert", "leading", "master", "mastery", "visionary"), 3),
}
"""Words that scales use, by how high on a scale they stand."""


def lint(matrix: Matrix, records: dict[str, list[Record]]) -> None:
    """Warn of skills that support nothing, responsibilities nothing supports, and roles that
    expect skills supporting none of their responsibilities. *records* are the entries the
    matrix was built from, by kind, in the same order."""

    def warn(record: Record, mark: tuple[int, int], message: str) -> None:
        record.file.warning(mark, "unused", message)

    if records["level"]:
        _scale(matrix.levels, records["level"][0])

    supported: set[str] = set()
    for record, skill in zip(records["skill"], matrix.skills, strict=True):
        supported.update(skill.supports)
        if not skill.supports and matrix.responsibilities:  # none at all: allowed in version 2
            warn(
                record,
                record.value_mark("id"),
                f"the skill {skill.id!r} supports no responsibility",
            )
    for record, resp in zip(records["responsibility"], matrix.responsibilities, strict=True):
        if resp.id not in supported:
            warn(
                record, record.value_mark("id"), f"no skill supports the responsibility {resp.id!r}"
            )
    for record, role in zip(records["role"], matrix.roles, strict=True):
        mine = set(matrix.responsibilities_of(role.id))
        if not mine:
            continue
        expects = record.obj.get("expects")
        for skill_id in role.expects:
            if expects is None:  # (never: the expectations are read from this key)
                break
            if not mine.intersection(matrix.skill_by_id[skill_id].supports):
                warn(
                    record,
                    expects.key_marks[skill_id],
                    f"the role {role.id!r} expects the skill {skill_id!r}, which supports none "
                    "of the role's responsibilities",
                )


def _scale(levels: tuple[Level, ...], first: Record) -> None:
    """Warn of a scale that seems written highest first: numbers in the levels' ids or titles
    that go down, or words such as Expert before Beginner. The format reads levels lowest
    first; an upside-down scale would tell an expert to reach the level below."""
    numbers = [_number(level.title, level.id) for level in levels]
    known = [n for n in numbers if n is not None]
    if len(known) == len(numbers) and all(a > b for a, b in pairwise(known)):
        said = "numbers that go down"
    else:
        ranks = [_rank(level.title) for level in levels]
        known = [r for r in ranks if r is not None]
        if len(known) < 2 or known[0] <= known[-1] or any(a < b for a, b in pairwise(known)):
            return
        said = "words that go down"
    titles = ", ".join(quoted(level.title) for level in levels)
    first.file.warning(
        first.value_mark("id"),
        "scale",
        f"the levels are read lowest first, and theirs are {said} ({titles}): if the scale "
        "is written top level first, list it the other way round (through a mapping, say "
        "'order: highest first')",
    )


def _number(*texts: str) -> float | None:
    """The first number in the first of *texts* that holds one."""
    for text in texts:
        found = re.search(r"\d+(?:\.\d+)?", text)
        if found:
            return float(found.group())
    return None


def _rank(text: str) -> int | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in RANKS:
            return RANKS[word]
    return None
