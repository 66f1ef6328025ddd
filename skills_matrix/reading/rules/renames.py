"""The rules of editions (format version 2): an old id a rename gives (``replaces``) is no
current id of its kind, and becomes one new id only (several old ids may become one: a
merge); an id retired (``retired``) is neither current nor renamed, and retired once."""

from __future__ import annotations

from ... import format as fmt
from ...diagnostics import where
from ..fields import INVALID, Record
from ..source import Mark


def check_renames(records: dict[str, list[Record]]) -> None:
    """Report, where they stand, the old ids that break a rule; *records* are the usable
    entries of each listed kind."""
    for kind in fmt.LISTED_KINDS:
        if "replaces" not in kind.keys:
            continue
        current = {record.id for record in records[kind.name]}
        taken: dict[str, tuple[Record, Mark]] = {}
        for record in records[kind.name]:
            for old, mark in record.values.get("replaces", ()):
                if old is INVALID:
                    continue
                if old in current:
                    what = "itself" if old == record.id else f"another {kind.name}"
                    record.file.error(
                        mark,
                        "rename",
                        f"the {kind.name} {record.id!r} replaces {old!r}, but {old!r} is the id "
                        f"of {what} in this matrix; an id is replaced once it is no longer used",
                    )
                elif old in taken:
                    first, first_mark = taken[old]
                    record.file.error(
                        mark,
                        "rename",
                        f"the {kind.name} {record.id!r} replaces {old!r}, which the "
                        f"{kind.name} {first.id!r} replaces already (at "
                        f"{where(first.file.name, first_mark)}); an old id becomes one new id",
                    )
                else:
                    taken[old] = (record, mark)


def check_retired(records: dict[str, list[Record]], retired: list[Record]) -> None:
    """Report, where they stand, the retired ids that break a rule."""
    seen: dict[tuple[str, str], Record] = {}
    for record in retired:
        kind, ident = record.values.get("kind"), record.values.get("id")
        if kind is None or ident is None:
            continue
        mark = record.value_mark("id")
        current = {r.id for r in records[kind]}
        renamed = {
            old: r.id for r in records[kind] for old, _ in r.values.get("replaces", ()) if old
        }
        if ident in current:
            problem = f"it is the id of a {kind} of this matrix"
        elif ident in renamed:
            problem = f"the {kind} {renamed[ident]!r} replaces it (a rename keeps its answers)"
        elif (kind, ident) in seen:
            first = seen[kind, ident]
            problem = f"it is retired already (at {where(first.file.name, first.value_mark('id'))})"
        else:
            seen[kind, ident] = record
            continue
        record.file.error(mark, "retired", f"the {kind} {ident!r} cannot be retired: {problem}")
