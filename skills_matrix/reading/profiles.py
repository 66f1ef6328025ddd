"""Self-assessment profiles, read and checked against a matrix."""

from __future__ import annotations

from pathlib import Path

from .. import format as fmt
from ..diagnostics import Diagnostics, hint, quoted
from ..model import Evidence, Matrix, Profile, Source
from .fields import INVALID, FileReader, Record


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
    raw = file.read(Path(path))
    version = raw.get("version") if isinstance(raw, dict) else None
    if version in fmt.VERSIONS and not isinstance(version, bool):
        file.version = int(version)
    record = file.record(fmt.KINDS["profile"], raw, (1, 1), "a profile")
    if record is None:
        return None
    skills: dict[str, str | None] = {}
    evidence: dict[str, tuple[Evidence, ...]] = {}
    level_ids = [level.id for level in matrix.levels]
    for key, key_mark, value, value_mark in record.values.get("skills", ()):
        level, level_mark = value, value_mark
        if isinstance(value, Record):  # with evidence
            level = value.values.get("level", INVALID)
            level_mark = value.value_mark("level") if "level" in value.obj else value_mark
            evidence[key] = tuple(_evidence(value))
        if key not in matrix.skill_by_id:
            file.error(
                key_mark,
                "reference",
                f"the skill {quoted(key)} is not defined in the matrix"
                + diagnostics.hint(key, matrix.skill_by_id),
            )
        elif level is INVALID:
            continue
        elif level is not None and level not in matrix.level_rank:
            file.error(
                level_mark,
                "reference",
                f"{quoted(level)} is not a level of the matrix; levels are {', '.join(level_ids)}"
                + hint(level, level_ids),
            )
        else:
            skills[key] = level
    messages = {
        "role": "the role {} is not defined in the matrix",
        "aim": "the aim {} names no role of the matrix; an aim is the id of a role",
    }
    for key, message in messages.items():
        said = record.values.get(key)
        if said is not None and said not in matrix.role_by_id:
            file.error(
                record.value_mark(key),
                "reference",
                message.format(quoted(said)) + diagnostics.hint(said, matrix.role_by_id),
            )
    if len(diagnostics.errors) != before:
        return None
    return Profile(
        skills=skills,
        name=record.values.get("name"),
        file=file.name,
        role=record.values.get("role"),
        aim=record.values.get("aim"),
        date=record.values.get("date"),
        evidence={k: v for k, v in evidence.items() if k in skills and v},
    )


def _evidence(record: Record) -> list[Evidence]:
    out: list[Evidence] = []
    for item, _ in record.values.get("evidence", ()):
        if isinstance(item, Record):
            if "url" in item.values:
                out.append(Source(**item.values))
        elif isinstance(item, str):
            out.append(item)
    return out
