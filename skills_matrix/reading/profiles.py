"""Self-assessment profiles, read and checked against a matrix."""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path
from typing import Any

from .. import format as fmt
from ..diagnostics import Diagnostics, hint, quoted
from ..model import Matrix, Source
from ..profile import EditionChange, Evidence, Profile
from .fields import INVALID, FileReader, Record
from .source import Mark


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
    edition = _Edition(matrix, file)
    for key, group in edition.answers(record.values.get("skills", ())).items():
        chosen = edition.choose(key, group)
        if chosen is None:
            continue
        if key not in matrix.skill_by_id:
            file.error(
                chosen.key_mark,
                "reference",
                f"the skill {quoted(key)} is not defined in the matrix"
                + diagnostics.hint(key, matrix.skill_by_id),
            )
        elif chosen.level is INVALID:
            continue
        elif chosen.level is not None and chosen.level not in matrix.level_rank:
            level_ids = [level.id for level in matrix.levels]
            file.error(
                chosen.level_mark,
                "reference",
                f"{quoted(chosen.level)} is not a level of the matrix; levels are "
                f"{', '.join(level_ids)}" + hint(chosen.level, level_ids),
            )
        else:
            skills[key] = chosen.level
            if chosen.evidence:
                evidence[key] = chosen.evidence
    messages = {
        "role": "the role {} is not defined in the matrix",
        "aim": "the aim {} names no role of the matrix; an aim is the id of a role",
    }
    roles = {}
    for key, message in messages.items():
        said = record.values.get(key)
        if said is not None:
            said = roles[key] = edition.role(said, record.value_mark(key), key)
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
        edition=tuple(edition.changes),
    )


@dc.dataclass
class _Answer:
    """One answer of a profile, as written: its skill id and level, read through renames."""

    said: str
    """The skill id as the profile writes it."""
    key_mark: Mark
    level: Any
    """The level id (read as the matrix names it now), ``None``, or :data:`INVALID`."""
    level_mark: Mark
    evidence: tuple[Evidence, ...]


class _Edition:
    """A profile read against a later edition of its matrix: an old id is read as its new
    one, several old ids merged into one keep the highest answer, a retired id is left out;
    each with a note where it stands, and as a :class:`~..model.EditionChange`."""

    def __init__(self, matrix: Matrix, file: FileReader) -> None:
        self.matrix, self.file = matrix, file
        self.changes: list[EditionChange] = []

    def _change(self, kind: str, change: str, old: tuple[str, ...], new: str | None) -> None:
        found = EditionChange(kind, change, old, new)
        if found not in self.changes:
            self.changes.append(found)

    def renamed(self, kind: str, ident: str, mark: Mark) -> str:
        """*ident*, or its new id when the matrix renamed it (noted)."""
        new = self.matrix.renamed(fmt.KINDS[kind].list_key).get(ident)
        if new is None:
            return ident
        self.file.note(
            mark,
            "rename",
            f"the {kind} {quoted(ident)} is read as {quoted(new)}, its new id in the matrix",
        )
        self._change(kind, "renamed", (ident,), new)
        return new

    def retired(self, kind: str, ident: object, mark: Mark, what: str) -> bool:
        """Whether *ident* is an id the matrix retired (noted: *what* is left out)."""
        if not isinstance(ident, str) or ident not in self.matrix.retired_ids(kind):
            return False
        note = self.matrix.retired_ids(kind)[ident]
        why = f" ({note})" if note else ""
        self.file.note(
            mark,
            "retired",
            f"the {kind} {quoted(ident)} is retired from the matrix{why}; {what} is left out",
        )
        self._change(kind, "retired", (ident,), None)
        return True

    def role(self, ident: str, mark: Mark, key: str) -> str | None:
        if self.retired("role", ident, mark, f"the {key}"):
            return None
        return self.renamed("role", ident, mark)

    def answers(self, given) -> dict[str, list[_Answer]]:
        """The profile's answers by the skill id they count for now (retired ones left out)."""
        out: dict[str, list[_Answer]] = {}
        current = self.matrix.skill_by_id
        for key, key_mark, value, value_mark in given:
            level, level_mark = value, value_mark
            evidence: tuple[Evidence, ...] = ()
            if isinstance(value, Record):  # with evidence
                level = value.values.get("level", INVALID)
                level_mark = value.value_mark("level") if "level" in value.obj else value_mark
                evidence = tuple(_evidence(value))
            if key not in current and self.retired("skill", key, key_mark, "its answer"):
                continue
            if isinstance(level, str):
                if self.retired("level", level, level_mark, f"the answer for {quoted(key)}"):
                    continue
                level = self.renamed("level", level, level_mark)
            new = key if key in current else self.matrix.renamed("skills").get(key, key)
            out.setdefault(new, []).append(_Answer(key, key_mark, level, level_mark, evidence))
        return out

    def choose(self, key: str, group: list[_Answer]) -> _Answer | None:
        """The answer that counts for the skill *key*: the one given under *key*, else the
        one old id's, else, of several old ids merged into *key*, the highest (the first of
        the profile's order on a tie: the same level either way)."""
        direct = [a for a in group if a.said == key]
        old = [a for a in group if a.said != key]
        if direct:
            for answer in old:
                self.file.note(
                    answer.key_mark,
                    "rename",
                    f"the answer for {quoted(answer.said)} is left out: the profile answers for "
                    f"{quoted(key)} already, and that answer is kept",
                )
            return direct[0]
        if len(old) == 1:
            self.renamed("skill", old[0].said, old[0].key_mark)  # read as *key*, noted
            return old[0]
        rank = self.matrix.level_rank
        usable = [a for a in old if a.level is None or a.level in rank]
        if not usable:
            return old[0]  # each level is reported where it stands
        best = max(usable, key=lambda a: -1 if a.level is None else rank[a.level])
        names = ", ".join(quoted(a.said) for a in old)
        level = "none yet" if best.level is None else quoted(best.level)
        self.file.note(
            best.key_mark,
            "merged",
            f"{names} are merged into {quoted(key)}: the highest of their answers, {level} "
            f"(for {quoted(best.said)}), is kept",
        )
        self._change("skill", "merged", tuple(a.said for a in old), key)
        return best


def _evidence(record: Record) -> list[Evidence]:
    out: list[Evidence] = []
    for item, _ in record.values.get("evidence", ()):
        if isinstance(item, Record):
            if "url" in item.values:
                out.append(Source(**item.values))
        elif isinstance(item, str):
            out.append(item)
    return out
