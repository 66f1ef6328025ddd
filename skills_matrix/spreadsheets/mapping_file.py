"""A mapping file (:mod:`.mapping` declares it) read and checked: each problem at its line
and column, by :class:`.fields.FileReader`, then the rules a declaration does not say (which
columns go with what a sheet holds, which grids there are)."""

from __future__ import annotations

import dataclasses as dc
import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostics, Spot, quoted
from ..reading.fields import FileReader, Record
from . import mapping as mp


@dc.dataclass
class SheetMap:
    """One entry of a mapping's ``sheets``, checked."""

    name: str
    spot: Spot
    holds: str
    header: int
    columns: dict[str, tuple[str, Spot]]
    """Key -> (the column's header, where the mapping names it)."""
    across: str | None = None
    grid_columns: list[tuple[str, Spot]] | None = None
    order: str = "lowest first"
    values: dict[str, str] = dc.field(default_factory=dict)
    """A cell's text, folded -> the level id it stands for."""

    @property
    def grid_keys(self) -> tuple[str, str] | None:
        """The key a grid's headers give and the key its cells give."""
        return mp.GRIDS.get((self.holds, self.across)) if self.across else None


@dc.dataclass
class Mapping:
    name: str
    separator: str | None
    matrix: dict[str, tuple[str, Spot]]
    levels: list[Record] | None
    levels_spot: Spot | None
    sheets: list[SheetMap]


def folded(text: str) -> str:
    """Text as headers and titles are matched: case, accents' forms and spacing aside."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def read_mapping(path: Path, diagnostics: Diagnostics, display: str | None = None):
    """The mapping file at *path*, checked; ``None`` when anything is wrong (reported)."""
    name = display or str(path)
    before = len(diagnostics.errors)
    file = FileReader(name, diagnostics, kinds=mp.KINDS)
    raw = file.read(path)
    record = file.record(mp.KINDS["mapping"], raw, (1, 1), "the mapping")
    if record is None or len(diagnostics.errors) != before:
        return None

    def spot(rec: Record, key: str) -> Spot:
        return Spot(name, *rec.value_mark(key))

    matrix = {}
    if isinstance(record.values.get("matrix"), Record):
        keys = record.values["matrix"]
        matrix = {k: (v, spot(keys, k)) for k, v in keys.values.items()}
    levels = None
    if "levels" in record.values:
        levels = [item for item, _ in record.values["levels"] if isinstance(item, Record)]
    sheets = [_sheet(item, file, spot) for item, _ in record.values.get("sheets", ())]
    if len(diagnostics.errors) != before:
        return None
    return Mapping(
        name,
        record.values.get("separator"),
        matrix,
        levels,
        spot(record, "levels") if levels is not None else None,
        sheets,
    )


def _sheet(record: Record, file: FileReader, spot) -> SheetMap:
    values = record.values
    holds = values["holds"]
    what = f"the sheet {quoted(values['name'])}"
    grid = values.get("grid")
    out = SheetMap(values["name"], spot(record, "name"), holds, values.get("header", 1), {})
    across = grid.values.get("across") if isinstance(grid, Record) else None
    if isinstance(grid, Record) and across is not None:
        out.across = across
        if (holds, across) not in mp.GRIDS:
            file.error(
                grid.value_mark("across"),
                "grid",
                f"{what} holds {holds}: its grid cannot go across {across}; a grid goes across "
                "roles or skills in a sheet of expectations, across levels in one of "
                "descriptors",
            )
        elif "columns" in grid.values:
            out.grid_columns = [(text, Spot(file.name, *m)) for text, m in grid.values["columns"]]
    header_key, cell_key = out.grid_keys or (None, None)
    allowed = mp.COLUMNS[holds]
    if across is not None:
        allowed = tuple(k for k in mp.REQUIRED[holds] if k not in (header_key, cell_key))
    columns = values.get("columns")
    if isinstance(columns, Record):
        for key, header in columns.values.items():
            if key not in allowed:
                file.error(
                    columns.key_mark(key),
                    "mapping",
                    f"{what} holds {holds}{' in a grid' if across else ''}: it has no column "
                    f"{key!r}; its columns may be {', '.join(allowed)}",
                )
            else:
                out.columns[key] = (header, spot(columns, key))
    needed = [
        k
        for k in mp.REQUIRED[holds]
        if k not in out.columns
        and k not in (header_key, cell_key)
        and not (k == "title" and "id" in out.columns)
    ]
    if needed:
        file.error(
            record.obj.mark,
            "mapping",
            f"{what} holds {holds}: name the column of its {needed[0]} in its 'columns' "
            f"({needed[0]}: HEADER)",
        )
    if "order" in values:
        if holds != "levels" and across != "levels":
            file.error(
                record.value_mark("order"),
                "order",
                f"{what} holds {holds}: 'order' is said of a scale (a sheet of levels, or a grid "
                "across levels)",
            )
        out.order = values["order"]
    if "values" in values:
        if holds != "expectations":
            file.error(
                record.key_mark("values"),
                "mapping",
                f"{what} holds {holds}: 'values' are said of levels in a sheet of expectations",
            )
        for item, _ in values["values"]:
            if isinstance(item, Record):
                out.values[folded(str(item.values["cell"]))] = item.values["level"]
    return out
