"""The rules of roles that build on each other (format version 2, rules 8 and 9): no loop of
``extends``, grades that rise along a ladder, and no inherited level lowered."""

from __future__ import annotations

from ...model import Level, Role
from ..fields import Record
from ..source import Mark, YamlMap


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

    def levels_of(role_id: str) -> None:
        """Work out skill -> (level, the role that set it) along the ladder below *role_id*,
        bases first, without recursion (a ladder may be thousands of roles long)."""
        chain = [role_id]
        while True:
            role = by_id[chain[-1]][1]
            base = role.extends if role.extends in by_id and role.id not in looped else None
            if base is None or base in effective:
                break
            chain.append(base)
        for member in reversed(chain):
            record, role = by_id[member]
            base = role.extends if role.extends in by_id and role.id not in looped else None
            out = dict(effective[base]) if base else {}
            for skill, said in role.expects.items():
                before = out.get(skill)
                if before and rank.get(said.level, 0) < rank.get(before[0], 0):
                    _lowered(record, role, skill, said.level, before)
                elif not before or rank.get(said.level, 0) > rank.get(before[0], 0):
                    out[skill] = (said.level, role.id)
            effective[member] = out

    for record, role in by_id.values():
        if role.id in looped:
            continue
        if role.id not in effective:
            levels_of(role.id)
        base = by_id.get(role.extends or "")
        below = base[1] if base else None
        if (
            below is not None
            and role.grade is not None
            and below.grade is not None
            and role.grade <= below.grade
        ):
            record.file.error(
                record.value_mark("grade"),
                "grade",
                f"the role {role.id!r} has grade {role.grade}, which is not above the grade "
                f"{below.grade} of {below.id!r}, the role it extends; a role that builds "
                "on another is more senior",
            )


def _report_loops(by_id: dict[str, tuple[Record, Role]]) -> set[str]:
    """Report each loop of ``extends`` once, at the first of its roles in file order;
    return the ids of the roles in loops. Each role is walked once: linear in the roles."""
    order = {ident: index for index, ident in enumerate(by_id)}
    looped: set[str] = set()
    walked: set[str] = set()
    loops: list[list[str]] = []
    for start in by_id:
        path: dict[str, int] = {}  # the roles of this walk, by their place on it
        current: str | None = start
        while current in by_id and current not in walked:
            walked.add(current)
            path[current] = len(path)
            current = by_id[current][1].extends
            if current in path:  # back on this walk: the roles from there on are a loop
                loops.append(list(path)[path[current] :])
                break
    for loop in loops:
        first = min(range(len(loop)), key=lambda i: order[loop[i]])
        members = loop[first:] + loop[:first]  # from the first in file order, as extended
        looped.update(members)
        record = by_id[members[0]][0]
        shown = " → ".join(repr(r) for r in [*members, members[0]])
        record.file.error(
            record.value_mark("extends"),
            "cycle",
            f"the roles {shown} extend each other in a loop; a role cannot build on itself, "
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
