"""Sheets read back: tables (a workbook's sheets, CSV files) composed into the values a YAML
file of the matrix would hold, each marked with its cell, for
:func:`.assembly.matrix_from_data` to check as it checks a file. The layout is
:data:`.layout.SHEETS`; what is wrong with the tables' shape (an unknown sheet or column, a
row that belongs to nothing) is reported here, at its cell."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import difflib
import re
from typing import Any

from .. import format as fmt
from ..diagnostics import Cell, Diagnostics, Spot, hint, quoted
from ..reading.scalars import CORE, construct, resolve
from ..reading.source import YamlMap, YamlSeq
from .cells import from_csv_cell
from .layout import SHEET_BY_NAME, SHEETS, Column, Scalar, Sheet


@dc.dataclass
class Table:
    """A sheet as read from a workbook or a CSV file: its header and its rows, each cell's
    value as the file holds it (text, a number, true/false, a date; ``None`` when empty)."""

    name: str
    """The sheet's name as written (``Skills``, or ``skills`` from ``skills.csv``)."""
    path: str
    """The file, as messages name it."""
    sheet: str | None
    """The sheet's name in a workbook; ``None`` for a CSV file."""
    rows: list[list[object]]
    """Every row, the header first."""
    from_text: bool = False
    """Whether every value is text (CSV): numbers and true/false are read from it."""
    marks: dict[tuple[int, int], Cell | Spot] | None = None
    """For a table laid out from others (a mapping's): where each value came from."""

    def cell(self, row: int, column: int) -> Cell | Spot:
        """The 1-based *row* and *column* as a mark: where the value stands in its file."""
        if self.marks is not None and (row, column) in self.marks:
            return self.marks[row, column]
        return Cell(self.path, self.sheet, row, column)


def own_key(name: object) -> str | None:
    """A sheet's or column's name that is the writer's own (``x-``, any case, as keys are in
    YAML), as the key it is read as (``X-Notes`` is ``x-Notes``); ``None`` for any other."""
    text = str(name).strip() if name is not None else ""
    if text[: len(fmt.EXTENSION_PREFIX)].lower() == fmt.EXTENSION_PREFIX:
        return fmt.EXTENSION_PREFIX + text[len(fmt.EXTENSION_PREFIX) :]
    return None


def sheet_key(name: str) -> str:
    """A sheet's name as it is looked up: ``Skill supports``, ``skill-supports`` and
    ``skill_supports`` are one sheet."""
    return re.sub(r"[\s_-]+", " ", name.strip().lower())


def compose(tables: list[Table], name: str, diagnostics: Diagnostics) -> YamlMap | None:
    """The matrix that *tables* hold, as values marked with their cells; every problem with
    the tables' shape is reported at its cell (what the values say is the reader's to check).
    ``None`` when a sheet's header is wrong: its rows, and what names them, would each be
    reported again."""
    composer = _Composer(diagnostics)
    given: dict[str, Table] = {}
    unknown = 0
    for table in tables:
        key = sheet_key(table.name)
        if own_key(table.name):
            continue
        if key not in SHEET_BY_NAME:
            unknown += 1
            said = f"there is no sheet {quoted(table.name)} in the format{_sheet_hint(key)}"
            if unknown == 1:  # the way forward, once
                said += (
                    f"; its sheets are {', '.join(SHEET_BY_NAME)} (or names starting with "
                    f"{fmt.EXTENSION_PREFIX!r} for your own), listed on the command line's "
                    "page (import); 'skills-matrix export --format tables --output FOLDER' "
                    "writes them as a template, and a workbook in a shape of your own is read "
                    "through a mapping ('import --map MAPPING.yaml')"
                )
            composer.error(table.cell(1, 1), "unknown-key", said)
        elif key in given:
            composer.error(
                table.cell(1, 1),
                "duplicate-key",
                f"the sheet {quoted(table.name)} is given twice (also as "
                f"{quoted(given[key].name)}); keep one",
            )
        else:
            given[key] = table
    top = YamlMap((1, 1))
    composer.owners["matrix"] = {(): top}
    for sheet in SHEETS:
        if sheet.name not in given:
            continue
        parent = sheet.parent
        if parent in composer.refused:  # its header is reported: its rows are not, again
            composer.refused.add(sheet.name)
        elif parent not in (None, "matrix") and parent not in given:
            composer.error(
                given[sheet.name].cell(1, 1),
                "missing-key",
                f"the sheet {sheet.name!r} gives what rows of the sheet {parent!r} hold, and "
                f"there is no sheet {parent!r}",
            )
            composer.refused.add(sheet.name)
        else:
            composer.read(sheet, given[sheet.name], top)
    composer.shorten()
    return None if composer.refused else top


def _sheet_hint(key: str) -> str:
    """A "did you mean" for an unknown sheet only when it names the same kind of thing in as
    many words, each nearly the same (``skils`` is ``skills``; ``role skills`` is no
    ``skills``)."""
    words = key.split()
    alike = [name for name in SHEET_BY_NAME if len(name.split()) == len(words)]
    said = hint(key, alike)
    if said:
        name = said.split("'")[1]
        ratios = (
            difflib.SequenceMatcher(None, a, b).ratio()
            for a, b in zip(words, name.split(), strict=True)
        )
        if all(r >= 0.6 for r in ratios):
            return said
    return ""


class _Composer:
    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.owners: dict[str, dict[tuple, YamlMap]] = {}
        """Sheet name -> the values of its owner columns -> the object its row is."""
        self.short: list[tuple[Sheet, YamlMap, Any]] = []
        self.refused: set[str] = set()
        """Sheets whose header is wrong (reported), and the sheets whose rows belong to theirs."""
        """Map entries that may be written as their one value, once every sheet is read."""

    def error(self, cell: Cell | Spot, code: str, message: str) -> None:
        self.diagnostics.at(cell.path, cell, "error", code, message)

    def read(self, sheet: Sheet, table: Table, top: YamlMap) -> None:
        columns = self._header(sheet, table)
        if columns is None:
            self.refused.add(sheet.name)
            return
        index = {column.name: position for position, column in columns.items()}
        header = table.rows[0]
        width = len(header)
        rows = [
            (number, [*row, *[None] * (width - len(row))])  # a short row: empty cells after it
            for number, row in enumerate(table.rows[1:], 2)
            if _filled(row)
        ]
        named = {p for p, title in enumerate(header) if str(title or "").strip()}
        for number, row in rows:
            stray = next((p for p, v in enumerate(row) if p not in named and _given(v)), None)
            if stray is not None:
                self.error(
                    table.cell(number, stray + 1),
                    "unknown-key",
                    "this cell is in a column with no name in the first row; name the column "
                    "or empty the cell",
                )
        if sheet.name == "matrix":
            if len(rows) > 1:
                self.error(
                    table.cell(rows[1][0], 1),
                    "duplicate-key",
                    "the sheet 'matrix' holds one row (the matrix's own keys); this is a second",
                )
            for number, row in rows[:1]:
                self._fill(top, sheet.own, row, index, columns, table, number)
            return
        assert sheet.key is not None  # every sheet but the matrix's is the value of a key
        if not sheet.owners:  # a list of the matrix
            top[sheet.key] = YamlSeq(table.cell(1, 1))
            top.key_marks[sheet.key] = top.value_marks[sheet.key] = table.cell(1, 1)
        known = self.owners.setdefault(sheet.name, {})
        for number, row in rows:
            owner = self._owner(sheet, table, number, row, index)
            if owner is None:
                continue
            owner_values, obj = owner
            cell = table.cell(number, 1)
            value: Any  # a YAML value: a cell's, or a row's keys
            if sheet.value is not None:  # a sheet of values, not objects
                value = _value(sheet.value.type, row[index[sheet.value.name]], table)
                value_cell = table.cell(number, index[sheet.value.name] + 1)
            else:
                value = YamlMap(cell)
                value_cell = cell
                self._fill(value, sheet.own, row, index, columns, table, number)
            if sheet.map_key is None:
                held = self._container(obj, sheet, YamlSeq, cell)
                held.append(value)
                held.item_marks.append(value_cell)
                if sheet.kind is not None and isinstance(value.get("id"), str):
                    known.setdefault((*owner_values, value["id"]), value)
                continue
            position = index[sheet.map_key.name]
            key = _value(sheet.map_key.type, row[position], table)
            key_cell = table.cell(number, position + 1)
            if key is None:
                self.error(key_cell, "missing-key", f"this row names no {sheet.map_key.name}")
                continue
            held = self._container(obj, sheet, YamlMap, cell)
            if key in held:
                self.error(
                    key_cell,
                    "duplicate-key",
                    f"the {sheet.map_key.name} {quoted(str(key))} is given twice for this "
                    f"{sheet.owners[-1].name} (first at {held.key_marks[key].name}); keep one",
                )
                continue
            held[key] = value
            held.key_marks[key], held.value_marks[key] = key_cell, value_cell
            if sheet.kind is not None:
                known[(*owner_values, key)] = value
                if sheet.short:
                    self.short.append((sheet, held, key))

    def _header(self, sheet: Sheet, table: Table) -> dict[int, Column] | None:
        """Position -> column; ``None`` (reported) when a column naming the owner is missing."""
        by_name = {column.name: column for column in sheet.columns}
        out: dict[int, Column] = {}
        header = table.rows[0] if table.rows else []
        for position, title in enumerate(header):
            text = str(title).strip() if title is not None else ""
            if not text or own_key(text):
                continue
            column = by_name.get(text.lower())
            if column is None:
                self.error(
                    table.cell(1, position + 1),
                    "unknown-key",
                    f"the sheet {sheet.name!r} has no column {quoted(text)}"
                    f"{hint(text.lower(), by_name)}; its columns are {', '.join(by_name)} (or "
                    f"names starting with {fmt.EXTENSION_PREFIX!r} for your own)",
                )
            elif column in out.values():
                self.error(
                    table.cell(1, position + 1),
                    "duplicate-key",
                    f"the column {column.name!r} is given twice; keep one",
                )
            else:
                out[position] = column
        named = set(out.values())
        needed = [c for c in (*sheet.owners, sheet.map_key, sheet.value) if c and c not in named]
        if sheet.kind is not None and sheet.name != "matrix":  # a column each row needs
            needed += [c for c in sheet.own if c.name in sheet.kind.required and c not in named]
        if needed:
            self.error(
                table.cell(1, 1),
                "missing-key",
                f"the sheet {sheet.name!r} has no column {needed[0].name!r}; its first row "
                f"names the columns: {', '.join(c.name for c in sheet.columns)}",
            )
            return None
        return out

    def _owner(
        self, sheet: Sheet, table: Table, number: int, row: list, index: dict[str, int]
    ) -> tuple[tuple, YamlMap] | None:
        """The values naming the row's owner, and the owner; ``None`` when there is none
        (reported)."""
        values = []
        for column in sheet.owners:
            position = index[column.name]
            value = _value(column.type, row[position] if position < len(row) else None, table)
            if value is None:
                self.error(
                    table.cell(number, position + 1),
                    "missing-key",
                    f"this row names no {column.name}: the sheet {sheet.name!r} gives, on each "
                    f"row, the {sheet.owners[-1].name} it belongs to",
                )
                return None
            values.append(value)
        values_key = tuple(values)
        known = self.owners.get(sheet.parent or "", {})
        if values_key in known:
            return values_key, known[values_key]
        position = index[sheet.owners[-1].name]
        said = ", ".join(f"{c.name} {v!r}" for c, v in zip(sheet.owners, values, strict=True))
        choices = {key[-1] for key in known if key[:-1] == values_key[:-1]}
        self.error(
            table.cell(number, position + 1),
            "reference",
            f"this row belongs to the {said}, which no row of the sheet {sheet.parent!r} "
            f"gives{self.diagnostics.hint(str(values[-1]), choices)}",
        )
        return None

    @staticmethod
    def _container(obj: YamlMap, sheet: Sheet, kind: type, cell: Cell | Spot):
        assert sheet.key is not None  # (a sheet that holds containers is a key's value)
        held = obj.get(sheet.key)
        if not isinstance(held, kind):
            held = kind(cell)
            obj[sheet.key] = held
            obj.key_marks[sheet.key] = obj.value_marks[sheet.key] = cell
        return held

    def _fill(
        self,
        obj: YamlMap,
        own: tuple[Column, ...],
        row: list,
        index: dict[str, int],
        columns: dict[int, Column],
        table: Table,
        number: int,
    ) -> None:
        """Put the row's own values, and its ``x-`` columns, into *obj*."""
        for column in own:
            position = index.get(column.name)
            if position is None or position >= len(row):
                continue
            value = _value(column.type, row[position], table)
            if value is not None:
                obj[column.name] = value
                obj.key_marks[column.name] = obj.value_marks[column.name] = table.cell(
                    number, position + 1
                )
        header = table.rows[0]
        for position, title in enumerate(header):
            text = str(title).strip() if title is not None else ""
            key = own_key(text)
            if key and position < len(row):
                value = _own_value(row[position], table)
                if value is not None:
                    obj[key] = value
                    obj.key_marks[key] = obj.value_marks[key] = table.cell(number, position + 1)

    def shorten(self) -> None:
        """Write a map entry that gives only its one value (a level) as that value, as YAML
        written by hand does (and as version 1 requires)."""
        for sheet, held, key in self.short:
            entry = held[key]
            if list(entry) == [sheet.short]:
                held[key] = entry[sheet.short]
                held.value_marks[key] = entry.value_marks[sheet.short]


def _given(value: object) -> bool:
    return value is not None and value != ""


def _filled(row: list) -> bool:
    return any(_given(value) for value in row)


def _own_value(raw: object, table: Table) -> object:
    """A cell of the writer's own column (``x-``…) as YAML would hold it: a workbook's
    number or true/false as it is; CSV text read as a plain YAML scalar is."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and table.from_text:
        if (text := from_csv_cell(raw)) is not None:
            return text
        tag = resolve(raw.strip())[len(CORE) :]
        return construct(tag, raw.strip()) if tag in ("int", "float", "bool") else raw
    if isinstance(raw, (bool, int, float, str)):
        return raw
    return _value(fmt.TEXT, raw, table)


def _value(typ: Scalar, raw: object, table: Table) -> object:
    """A cell's value as YAML would hold it for a key of *typ*; ``None`` for an empty cell.
    A value of the wrong type is kept as it is, for the reader to report at its cell."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and table.from_text:
        if (text := from_csv_cell(raw)) is not None:
            return text
        if isinstance(typ, (fmt.Number, fmt.Const, fmt.Flag)):
            tag = resolve(raw.strip())
            if tag[len(CORE) :] in ("int", "float", "bool"):
                return construct(tag[len(CORE) :], raw.strip())
        return raw
    if isinstance(raw, bool):
        return raw if isinstance(typ, (fmt.Flag, fmt.Number, fmt.Const)) else str(raw).upper()
    if isinstance(raw, (int, float)):
        if isinstance(typ, (fmt.Number, fmt.Const, fmt.Flag)):
            return raw
        return str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, (dt.date, dt.time)):
        return raw.isoformat()
    return raw
