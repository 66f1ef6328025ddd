"""The rules of roles that build on each other (format version 2, rules 8 and 9): no loop of
``extends``, grades that rise along a ladder, and no inherited level lowered."""

from __future__ import annotations

from ..model import Level, Role
from .fields import Record
from .source import Mark, YamlMap


def check_ladders(
    records: list[Record], roles: tuple[Role | None, ...], levels: tuple[Level | None, ...]
) -> None:
    """Report, at their places, the ladder rules *roles* break. *records* are the entries
    the roles were built from, in the same order; a role that could not be built is
    skipped (its problems are reported already)."""
    by_id = {
        role.id: (record, role)
        for record, role in zip(records, roles, strict=True)
        if role is not None
    }
    rank = {level.id: index for index, level in enumerate(levels) if level is not None}
    looped = _report_loops(by_id)
    effective: dict[str, dict[str, tuple[str, str]]] = {}

    def levels_of(role_id: str) -> dict[str, tuple[str, str]]:
        """Skill -> (level, the role that set it), along the ladder below *role_id*."""
        if role_id not in effective:
            record, role = by_id[role_id]
            base = role.extends if role.extends in by_id and role.id not in looped else None
            out = dict(levels_of(base)) if base else {}
            for skill, said in role.expects.items():
                before = out.get(skill)
                if before and rank.get(said.level, 0) < rank.get(before[0], 0):
                    _lowered(record, role, skill, said.level, before)
                elif not before or rank.get(said.level, 0) > rank.get(before[0], 0):
                    out[skill] = (said.level, role.id)
            effective[role_id] = out
        return effective[role_id]

    for record, role in by_id.values():
        if role.id in looped:
            continue
        levels_of(role.id)
        base = by_id.get(role.extends or "")
        if base and None not in (role.grade, base[1].grade) and role.grade <= base[1].grade:
            record.file.error(
                record.value_mark("grade"),
                "grade",
                f"the role {role.id!r} has grade {role.grade}, which is not above the grade "
                f"{base[1].grade} of {base[1].id!r}, the role it extends; a role that builds "
                "on another is more senior",
            )


def _report_loops(by_id: dict[str, tuple[Record, Role]]) -> set[str]:
    """Report each loop of ``extends`` once, at the first of its roles in file order;
    return the ids of the roles in loops."""
    looped: set[str] = set()
    for record, role in by_id.values():
        path = [role.id]
        current = role
        while current.extends in by_id and current.extends not in path:
            current = by_id[current.extends][1]
            path.append(current.id)
        if current.extends != role.id or role.id in looped:
            continue
        looped.update(path)
        loop = " → ".join(repr(r) for r in [*path, role.id])
        record.file.error(
            record.value_mark("extends"),
            "cycle",
            f"the roles {loop} extend each other in a loop; a role cannot build on itself, "
            "so one of these 'extends' must go",
        )
    return looped


def _lowered(record: Record, role: Role, skill: str, level: str, before: tuple[str, str]) -> None:
    expects = record.obj["expects"]
    mark: Mark = expects.value_marks[skill]
    value = expects[skill]
    if isinstance(value, YamlMap) and "level" in value:
        mark = value.value_marks["level"]
    base_level, source = before
    record.file.error(
        mark,
        "lowered-level",
        f"the role {role.id!r} expects {skill!r} at the level {level!r}, lower than "
        f"{base_level!r}, which it inherits from {source!r}; a role may restate what it "
        "extends at the same level or a higher one, not a lower one",
    )
