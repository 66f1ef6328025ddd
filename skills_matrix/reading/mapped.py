"""Sheets in a team's own shape, read through a mapping (:mod:`..mapping`) into this package's
layout (:data:`..sheets.SHEETS`): the tables that :func:`.sheets.compose` reads, each value
still marked with the cell it came from, so that every problem is reported where the team
wrote it.

References (a skill's category, a grid's role, a cell's level) may give an id or a title, in
any case. A kind that no sheet of the mapping holds is declared by its references: a
category column declares the categories, a grid's headers the roles; its ids are made from
the titles (``Data & ML`` is ``data-ml``).
"""

from __future__ import annotations

import dataclasses as dc
import re
import unicodedata
from pathlib import Path

from .. import format as fmt
from .. import mapping as mp
from ..diagnostics import Cell, Diagnostics, Spot, hint, quoted
from ..sheets import SHEET_BY_NAME
from .fields import FileReader, Record
from .sheets import Table, own_key, sheet_key

Mark = Cell | Spot


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


def slug(text: str) -> str:
    """An id made from a title: ``Data & ML`` is ``data-ml``; ``""`` when no letter or digit
    of it is ASCII once its accents are taken off."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


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
    across = grid.values["across"] if isinstance(grid, Record) else None
    out = SheetMap(values["name"], spot(record, "name"), holds, values.get("header", 1), {})
    if across is not None:
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


# Applying a mapping.


@dc.dataclass
class _Item:
    """An object of a list, as the sheets give it: key -> (value, where)."""

    fields: dict[str, tuple[object, Mark]]
    lists: dict[str, list[tuple[str, Mark]]] = dc.field(default_factory=dict)
    """A list key (examples, replaces…) -> its items as the cells give them."""


class _Kind:
    """The objects of one list, as the sheets declare them: by id, and by folded title."""

    def __init__(self, plural: str, declared: bool) -> None:
        self.plural = plural
        self.declared = declared
        """Whether a sheet (or the mapping) gives them; else references declare them."""
        self.items: dict[str, _Item] = {}
        self.titles: dict[str, str] = {}

    def add(self, ident: str, item: _Item) -> None:
        self.items.setdefault(ident, item)
        title = item.fields.get("title", (None,))[0]
        if isinstance(title, str):
            self.titles.setdefault(folded(title), ident)


def apply_mapping(
    mapping: Mapping, tables: list[Table], name: str, diagnostics: Diagnostics
) -> list[Table] | None:
    """*tables* (a team's sheets, of the workbook or folder *name*) laid out as
    :data:`..sheets.SHEETS` lays a matrix out, as *mapping* says; ``None`` when a sheet or
    column it names is missing (reported)."""
    return _Mapper(mapping, tables, name, diagnostics).run()


class _Mapper:
    def __init__(
        self, mapping: Mapping, tables: list[Table], name: str, diagnostics: Diagnostics
    ) -> None:
        self.mapping = mapping
        self.tables = tables
        self.diagnostics = diagnostics
        holds = {sheet.holds for sheet in mapping.sheets}
        levels = "levels" in holds or mapping.levels is not None
        self.kinds = {p: _Kind(p, p in holds or (p == "levels" and levels)) for p in mp.LISTS}
        self.out: dict[str, list[list[object]]] = {}
        self.marks: dict[str, dict[tuple[int, int], Mark]] = {}
        self.from_text = any(table.from_text for table in tables)
        self.path = name

    def report(self, mark: Mark, severity: str, code: str, message: str) -> None:
        self.diagnostics.at(self.path, mark, severity, code, message)

    def run(self) -> list[Table] | None:
        before = len(self.diagnostics.errors)
        found = self._find_tables()
        if found is None:
            return None
        named: dict[int, set[str]] = {}
        for sheet, table in found:
            named.setdefault(id(table), set()).update(folded(t) for t, _ in sheet.columns.values())
        columns = [self._columns(sheet, table, named[id(table)]) for sheet, table in found]
        if len(self.diagnostics.errors) != before:
            return None
        self._left_out(found, columns)
        self._declare_levels(found, columns)
        for (sheet, table), cols in zip(found, columns, strict=True):
            if sheet.holds in mp.LISTS:
                self._read_list(sheet, table, cols)
        for (sheet, table), cols in zip(found, columns, strict=True):
            if sheet.holds in mp.RELATIONS:
                self._read_relation(sheet, table, cols)
        self._resolve_lists()
        self._emit_lists()
        return self._tables()

    # Finding the sheets and their columns.

    def _find_tables(self) -> list[tuple[SheetMap, Table]] | None:
        by_key: dict[str, Table] = {}
        for table in self.tables:
            by_key.setdefault(sheet_key(table.name), table)
        found, missing = [], False
        for sheet in self.mapping.sheets:
            table = by_key.get(sheet_key(sheet.name))
            if table is None:
                missing = True
                names = [t.name for t in self.tables]
                self.report(
                    sheet.spot,
                    "error",
                    "mapping",
                    f"there is no sheet {quoted(sheet.name)} in {self.path}"
                    f"{hint(sheet.name, names)}; its sheets are {', '.join(map(quoted, names))}",
                )
            else:
                found.append((sheet, table))
        return None if missing else found

    def _columns(self, sheet: SheetMap, table: Table, named: set[str]) -> dict[str, int]:
        """Key -> position (0-based) of its column; a grid's columns under ``"grid:N"`` (by
        default, those no entry of the mapping names in *table*: *named*, folded)."""
        header = table.rows[sheet.header - 1] if len(table.rows) >= sheet.header else []
        positions: dict[str, int] = {}
        for position, title in enumerate(header):
            text = _text(title)
            if text is not None:
                positions.setdefault(folded(text), position)
        shown = ", ".join(quoted(_text(t)) for t in header if _text(t) is not None)
        out: dict[str, int] = {}
        for key, (title, spot) in sheet.columns.items():
            if folded(title) in positions:
                out[key] = positions[folded(title)]
            else:
                self.report(
                    spot,
                    "error",
                    "mapping",
                    f"the sheet {quoted(table.name)} has no column {quoted(title)} in row "
                    f"{sheet.header}{hint(folded(title), positions)}; its columns are "
                    f"{shown or 'none'}",
                )
        if sheet.across is not None:
            if sheet.grid_columns is None:
                grid = [
                    p
                    for p, t in enumerate(header)
                    if _text(t) is not None
                    and folded(_text(t)) not in named
                    and not own_key(_text(t))
                ]
            else:
                grid = []
                for title, spot in sheet.grid_columns:
                    if folded(title) in positions:
                        grid.append(positions[folded(title)])
                    else:
                        self.report(
                            spot,
                            "error",
                            "mapping",
                            f"the sheet {quoted(table.name)} has no column {quoted(title)} in "
                            f"row {sheet.header}; its columns are {shown or 'none'}",
                        )
            out.update({f"grid:{index}": p for index, p in enumerate(grid)})
        return out

    def _left_out(self, found, columns) -> None:
        """Say what the mapping leaves out: sheets, and columns of the sheets it reads."""
        read = {id(table) for _, table in found}
        for table in self.tables:
            if id(table) in read or own_key(table.name):
                continue
            if any(_text(v) is not None for row in table.rows for v in row):
                self.report(
                    table.cell(1, 1),
                    "note",
                    "left-out",
                    f"the sheet {quoted(table.name)} is left out: the mapping does not name it",
                )
        used: dict[int, set[int]] = {}
        headers: dict[int, tuple[Table, int]] = {}
        for (sheet, table), cols in zip(found, columns, strict=True):
            used.setdefault(id(table), set()).update(cols.values())
            headers.setdefault(id(table), (table, sheet.header))
        for key, (table, row) in headers.items():
            header = table.rows[row - 1] if len(table.rows) >= row else []
            unused = [
                (p, _text(t))
                for p, t in enumerate(header)
                if p not in used[key] and _text(t) is not None and not own_key(_text(t))
            ]
            if unused:
                self.report(
                    table.cell(row, unused[0][0] + 1),
                    "note",
                    "left-out",
                    f"the mapping names no key for the column"
                    f"{'s' if len(unused) > 1 else ''} {', '.join(quoted(t) for _, t in unused)} "
                    f"of the sheet {quoted(table.name)}: left out",
                )

    # The scale.

    def _declare_levels(self, found, columns) -> None:
        kind = self.kinds["levels"]
        if self.mapping.levels is not None:
            for record in self.mapping.levels:
                fields = {
                    k: (v, Spot(self.mapping.name, *record.value_mark(k)))
                    for k, v in record.values.items()
                    if k != "replaces"
                }
                item = _Item(fields)
                if "replaces" in record.values:
                    item.lists["replaces"] = [
                        (v, Spot(self.mapping.name, *m)) for v, m in record.values["replaces"]
                    ]
                kind.add(record.values["id"], item)
            return
        if kind.declared:
            return  # a sheet of levels
        grids = [
            (sheet, table, cols)
            for (sheet, table), cols in zip(found, columns, strict=True)
            if sheet.across == "levels"
        ]
        if not grids:
            self.report(
                Spot(self.mapping.name, 1, 1),
                "error",
                "mapping",
                "nothing gives the scale: name a sheet that holds levels, give the mapping's "
                "'levels' (lowest first), or read a grid across levels",
            )
            return
        sheet, table, cols = grids[0]
        kind.declared = True
        headers = [
            (p, _text(table.rows[sheet.header - 1][p])) for k, p in cols.items() if k[:5] == "grid:"
        ]
        if sheet.order == "highest first":
            headers.reverse()
        for position, title in headers:
            mark = table.cell(sheet.header, position + 1)
            ident = self._made_id(title, mark, "levels")
            kind.add(ident, _Item({"id": (ident, mark), "title": (title, mark)}))

    # Lists: a row an object.

    def _read_list(self, sheet: SheetMap, table: Table, cols: dict[str, int]) -> None:
        kind = self.kinds[sheet.holds]
        rows = list(self._rows(sheet, table, cols))
        if sheet.order == "highest first":
            rows.reverse()
        for number, row in rows:
            fields: dict[str, tuple[object, Mark]] = {}
            item = _Item(fields)
            for key, position in cols.items():
                raw = row[position] if position < len(row) else None
                if raw is None or raw == "":
                    continue
                mark = table.cell(number, position + 1)
                if key in mp.LIST_COLUMNS:
                    item.lists[key] = [(part, mark) for part in self._split(raw)]
                else:
                    fields[key] = (raw, mark)
            if "id" in fields:
                ident = _text(fields["id"][0])
                fields["id"] = (ident, fields["id"][1])
            elif "title" in fields:
                title, mark = fields["title"]
                ident = self._made_id(_text(title), mark, sheet.holds)
                fields["id"] = (ident, mark)
            else:
                continue
            kind.add(fields["id"][0], item)

    def _rows(self, sheet: SheetMap, table: Table, cols: dict[str, int]):
        """(row number, row) of the rows below the header with a value in a mapped column."""
        positions = set(cols.values())
        for number, row in enumerate(table.rows[sheet.header :], sheet.header + 1):
            if any(p < len(row) and _text(row[p]) is not None for p in positions):
                yield number, row

    def _split(self, raw: object) -> list[str]:
        text = _text(raw) or ""
        parts = text.split(self.mapping.separator) if self.mapping.separator else [text]
        return [part.strip() for part in parts if part.strip()]

    def _made_id(self, title: str, mark: Mark, plural: str) -> str:
        """An id made from *title*; the title itself when none can be (reported)."""
        ident = slug(title)
        singular = fmt.kind_by_plural(plural).name
        if not ident:
            self.report(
                mark,
                "error",
                "id",
                f"no id can be made from {quoted(title)}: give the {singular} an id (a column "
                "of ids, mapped as 'id', in the sheet that holds them)",
            )
            return title
        if len(ident) > fmt.MAX_ID_LENGTH:
            self.report(
                mark,
                "error",
                "length",
                f"the id made from this title is {len(ident)} characters long, over the "
                f"{fmt.MAX_ID_LENGTH} an id may have: give the {singular} a shorter id (a column "
                "of ids, mapped as 'id', in the sheet that holds them)",
            )
            return ident[: fmt.MAX_ID_LENGTH]
        return ident

    def _resolve(self, plural: str, raw: object, mark: Mark, values=None) -> str | None:
        """The id that *raw* names: an id, a title (any case), a value the sheet's mapping
        gives; a new object when no sheet declares the kind; else *raw* as it is, for the
        reader to report at its cell."""
        text = _text(raw)
        if text is None:
            return None
        kind = self.kinds[plural]
        if values and folded(text) in values:
            return values[folded(text)]
        if text in kind.items:
            return text
        if folded(text) in kind.titles:
            return kind.titles[folded(text)]
        if slug(text) in kind.items:
            return slug(text)
        if kind.declared:
            return text
        ident = self._made_id(text, mark, plural)
        kind.add(ident, _Item({"id": (ident, mark), "title": (text, mark)}))
        return ident

    # Relations: a row (or a cell of a grid) says something of two objects.

    def _read_relation(self, sheet: SheetMap, table: Table, cols: dict[str, int]) -> None:
        keys = mp.COLUMNS[sheet.holds]
        header_key, cell_key = sheet.grid_keys or (None, None)
        grid = [(k, p) for k, p in cols.items() if k.startswith("grid:")]
        headers = {}
        for _, position in grid:
            mark = table.cell(sheet.header, position + 1)
            title = table.rows[sheet.header - 1][position]
            headers[position] = (self._resolve(_plural(header_key), title, mark), mark)
        for number, row in self._rows(sheet, table, cols):
            given: dict[str, tuple[object, Mark]] = {}
            for key, position in cols.items():
                if key.startswith("grid:"):
                    continue
                raw = row[position] if position < len(row) else None
                if _text(raw) is not None:
                    given[key] = (raw, table.cell(number, position + 1))
            cells = [({}, given)]
            if grid:
                cells = []
                for _, position in grid:
                    raw = row[position] if position < len(row) else None
                    if _text(raw) is None:
                        continue
                    cell = {
                        header_key: headers[position],
                        cell_key: (raw, table.cell(number, position + 1)),
                    }
                    cells.append((cell, given))
            for cell, given in cells:
                values = {**given, **cell}
                out: dict[str, tuple[object, Mark]] = {}
                for key in keys:
                    if key not in values:
                        continue
                    value, mark = values[key]
                    if key == "required":
                        value = _flag(value)
                    if key in mp.REFERENCES and not (key == header_key and grid):
                        value = self._resolve(
                            mp.REFERENCES[key],
                            value,
                            mark,
                            sheet.values if key == "level" else None,
                        )
                    out[key] = (value, mark)
                self._emit_relation(sheet.holds, out)

    def _emit_relation(self, holds: str, values: dict[str, tuple[object, Mark]]) -> None:
        if holds == "expectations":
            self._emit("role expects", values)
        elif holds == "supports":
            values.setdefault("strength", ("core", values["responsibility"][1]))
            self._emit("skill supports", values)
        else:
            self._emit("skill levels", values)

    # Laying out.

    def _emit(self, sheet_name: str, values: dict[str, tuple[object, Mark]]) -> None:
        sheet = SHEET_BY_NAME[sheet_name]
        rows = self.out.setdefault(sheet_name, [])
        marks = self.marks.setdefault(sheet_name, {})
        number = len(rows) + 2
        row = []
        for position, column in enumerate(sheet.columns, 1):
            value, mark = values.get(column.name, (None, None))
            row.append(value)
            if mark is not None:
                marks[number, position] = mark
        rows.append(row)

    def _resolve_lists(self) -> None:
        """Resolve what the objects of the lists name, declaring what no sheet declares."""
        for plural in mp.LISTS:
            for item in list(self.kinds[plural].items.values()):
                for key in ("category", "track", "extends"):
                    if key in item.fields:
                        value, mark = item.fields[key]
                        item.fields[key] = (self._resolve(mp.REFERENCES[key], value, mark), mark)
                for key in ("responsibilities", "supports"):
                    item.lists[key] = [
                        (self._resolve("responsibilities", part, mark), mark)
                        for part, mark in item.lists.get(key, ())
                    ]

    def _emit_lists(self) -> None:
        matrix = {"version": (fmt.LATEST, Spot(self.mapping.name, 1, 1)), **self.mapping.matrix}
        self._emit("matrix", matrix)
        for plural in mp.LISTS:
            singular = fmt.kind_by_plural(plural).name
            for ident, item in self.kinds[plural].items.items():
                mark = item.fields["id"][1]
                self._emit(plural, {**item.fields, "id": (ident, mark)})
                owner = {singular: (ident, mark)}
                for key, parts in item.lists.items():
                    for part, part_mark in parts:
                        if key == "supports":  # the responsibilities the skill is core to
                            said = {
                                "responsibility": (part, part_mark),
                                "strength": ("core", part_mark),
                            }
                            self._emit("skill supports", {**owner, **said})
                        else:
                            sheet = (
                                "role responsibilities"
                                if key == "responsibilities"
                                else f"{singular} {key}"
                            )
                            self._emit(sheet, {**owner, key: (part, part_mark)})

    def _tables(self) -> list[Table]:
        out = []
        for name, rows in self.out.items():
            sheet = SHEET_BY_NAME[name]
            header = [column.name for column in sheet.columns]
            out.append(
                Table(name, self.path, None, [header, *rows], self.from_text, self.marks[name])
            )
        return out


def _plural(key: str | None) -> str:
    return mp.REFERENCES[key] if key else ""


YES = ("yes", "y", "x", "true", "1", "✓", "✔")
NO = ("no", "n", "false", "0", "-")


def _flag(raw: object) -> object:
    """A must-have cell as true or false, as sheets write them (``yes``, ``x``, ``✓``); any
    other value as it is, for the reader to report."""
    text = _text(raw)
    if text is not None and folded(text) in YES:
        return True
    if text is not None and folded(text) in NO:
        return False
    return raw


def _text(raw: object) -> str | None:
    """A cell's value as text, for matching; ``None`` when it is empty."""
    if raw is None or isinstance(raw, bool):
        return None if raw is None else str(raw).lower()
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    return text or None
