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
    renamed = _Renamed(matrix, file)
    given = [key for key, *_ in record.values.get("skills", ())]
    for key, key_mark, value, value_mark in record.values.get("skills", ()):
        level, level_mark = value, value_mark
        if isinstance(value, Record):  # with evidence
            level = value.values.get("level", INVALID)
            level_mark = value.value_mark("level") if "level" in value.obj else value_mark
        original, key = key, renamed("skills", key, key_mark)
        if key != original and (key in given or key in skills):
            file.note(
                key_mark,
                "rename",
                f"the answer for {quoted(original)} is left out: the profile answers for "
                f"{quoted(key)} already, and that answer is kept",
            )
            continue
        if isinstance(value, Record):
            evidence[key] = tuple(_evidence(value))
        if isinstance(level, str):
            level = renamed("levels", level, level_mark)
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
    roles = {}
    for key, message in messages.items():
        said = record.values.get(key)
        if said is not None:
            said = roles[key] = renamed("roles", said, record.value_mark(key))
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
        role=roles.get("role"),
        aim=roles.get("aim"),
        date=record.values.get("date"),
        evidence={k: v for k, v in evidence.items() if k in skills and v},
    )


class _Renamed:
    """An id the matrix has renamed, read as its new id, with a note where it stands."""

    def __init__(self, matrix: Matrix, file: FileReader) -> None:
        self.matrix, self.file = matrix, file

    def __call__(self, plural: str, ident: str, mark) -> str:
        new = self.matrix.renamed(plural).get(ident)
        if new is None:
            return ident
        kind = fmt.kind_by_plural(plural).name
        self.file.note(
            mark,
            "rename",
            f"the {kind} {quoted(ident)} is read as {quoted(new)}, its new id in the matrix",
        )
        return new


def _evidence(record: Record) -> list[Evidence]:
    out: list[Evidence] = []
    for item, _ in record.values.get("evidence", ()):
        if isinstance(item, Record):
            if "url" in item.values:
                out.append(Source(**item.values))
        elif isinstance(item, str):
            out.append(item)
    return out
