"""Findings that the format allows but that are probably unintended: warnings, not errors."""

from __future__ import annotations

from ..model import Matrix
from .fields import Record


def lint(matrix: Matrix, records: dict[str, list[Record]]) -> None:
    """Warn of skills that support nothing, responsibilities nothing supports, and roles that
    expect skills supporting none of their responsibilities. *records* are the entries the
    matrix was built from, by kind, in the same order."""

    def warn(record: Record, mark: tuple[int, int], message: str) -> None:
        record.file.warning(mark, "unused", message)

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
            if not mine.intersection(matrix.skill_by_id[skill_id].supports):
                warn(
                    record,
                    expects.key_marks[skill_id],
                    f"the role {role.id!r} expects the skill {skill_id!r}, which supports none "
                    "of the role's responsibilities",
                )
