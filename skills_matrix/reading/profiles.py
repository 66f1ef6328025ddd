"""Self-assessment profiles, read and checked against a matrix."""

from __future__ import annotations

from pathlib import Path

from .. import format as fmt
from ..diagnostics import Diagnostics, hint
from ..model import Matrix, Profile
from .fields import INVALID, FileReader


def load_profile(
    path: Path | str,
    matrix: Matrix,
    diagnostics: Diagnostics | None = None,
    display: str | None = None,
) -> Profile | None:
    """Read and validate a self-assessment profile against *matrix*; ``None`` on errors."""
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    before = len(diagnostics.errors)
    file = FileReader(display or str(path), diagnostics)
    record = file.record(fmt.KINDS["profile"], file.read(Path(path)), (1, 1), "a profile")
    if record is None:
        return None
    skills: dict[str, str] = {}
    level_ids = [level.id for level in matrix.levels]
    for key, key_mark, level, level_mark in record.values.get("skills", ()):
        if key not in matrix.skill_by_id:
            file.error(
                key_mark,
                "reference",
                f"the skill {key!r} is not defined in the matrix{hint(key, matrix.skill_by_id)}",
            )
        elif level is INVALID:
            continue
        elif level not in matrix.level_rank:
            file.error(
                level_mark,
                "reference",
                f"{level!r} is not a level of the matrix; levels are {', '.join(level_ids)}"
                + hint(level, level_ids),
            )
        else:
            skills[key] = level
    if len(diagnostics.errors) != before:
        return None
    name = record.values.get("name")
    return Profile(skills=skills, name=name if isinstance(name, str) else None, file=file.name)
