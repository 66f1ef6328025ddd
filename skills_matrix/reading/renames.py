"""The rules of renames (``replaces``, format version 2): an old id is no current id of its
kind, and becomes one new id only."""

from __future__ import annotations

from .. import format as fmt
from ..diagnostics import where
from .fields import INVALID, Record
from .source import Mark


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
