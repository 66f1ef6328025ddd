"""Sheets in a team's own shape, read through a mapping (:mod:`.mapping`) into this package's
layout (:data:`.layout.SHEETS`): the tables that :func:`.compose.compose` reads, each value
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

from .. import format as fmt
from ..diagnostics import Diagnostics, Severity, Spot, quoted
from . import mapping as mp
from .compose import Table
from .layout import SHEET_BY_NAME
from .mapped_columns import Found, Mark, cell_text, locate
from .mapping_file import Mapping, SheetMap, folded


def slug(text: str) -> str:
    """An id made from a title: ``Data & ML`` is ``data-ml``; ``""`` when no letter or digit
    of it is ASCII once its accents are taken off."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


# Applying a mapping.


@dc.dataclass
class _Item:
    """An object of a list, as the sheets give it: key -> (value, where)."""

    fields: dict[str, tuple[object, Mark]]
    lists: dict[str, list[tuple[str | None, Mark]]] = dc.field(default_factory=dict)
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
    :data:`.layout.SHEETS` lays a matrix out, as *mapping* says; ``None`` when a sheet or
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

    def report(self, mark: Mark, severity: Severity, code: str, message: str) -> None:
        self.diagnostics.at(self.path, mark, severity, code, message)

    def run(self) -> list[Table] | None:
        found = locate(self.mapping, self.tables, self.path, self.diagnostics)
        if found is None:
            return None
        self._declare_levels(found)
        for sheet, table, cols in found:
            if sheet.holds in mp.LISTS:
                self._read_list(sheet, table, cols)
        for sheet, table, cols in found:
            if sheet.holds in mp.RELATIONS:
                self._read_relation(sheet, table, cols)
        self._resolve_lists()
        self._emit_lists()
        return self._tables()

    # The scale.

    def _declare_levels(self, found: Found) -> None:
        kind = self.kinds["levels"]
        if self.mapping.levels is not None:
            for record in self.mapping.levels:
                fields: dict[str, tuple[object, Mark]] = {
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
        grids = [(sheet, table, cols) for sheet, table, cols in found if sheet.across == "levels"]
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
            (p, text)
            for k, p in cols.items()
            if k[:5] == "grid:" and (text := cell_text(table.rows[sheet.header - 1][p]))
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
            if "id" in fields:  # (a cell given: never empty)
                ident = cell_text(fields["id"][0]) or ""
                fields["id"] = (ident, fields["id"][1])
            elif "title" in fields:
                title, at = fields["title"]
                ident = self._made_id(cell_text(title) or "", at, sheet.holds)
                fields["id"] = (ident, at)
            else:
                continue
            kind.add(ident, item)

    def _rows(self, sheet: SheetMap, table: Table, cols: dict[str, int]):
        """(row number, row) of the rows below the header with a value in a mapped column."""
        positions = set(cols.values())
        for number, row in enumerate(table.rows[sheet.header :], sheet.header + 1):
            if any(p < len(row) and cell_text(row[p]) is not None for p in positions):
                yield number, row

    def _split(self, raw: object) -> list[str]:
        text = cell_text(raw) or ""
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
        text = cell_text(raw)
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
        header_key, cell_key = sheet.grid_keys or ("", "")  # (a sheet with a grid has them)
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
                if cell_text(raw) is not None:
                    given[key] = (raw, table.cell(number, position + 1))
            cells: list[tuple[dict[str, tuple[object, Mark]], dict[str, tuple[object, Mark]]]]
            cells = [({}, given)]
            if grid:
                cells = []
                for _, position in grid:
                    raw = row[position] if position < len(row) else None
                    if cell_text(raw) is None:
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
        matrix: dict[str, tuple[object, Mark]] = {
            "version": (fmt.LATEST, Spot(self.mapping.name, 1, 1)),
            **self.mapping.matrix,
        }
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
            header: list[object] = [column.name for column in sheet.columns]
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
    text = cell_text(raw)
    if text is not None and folded(text) in YES:
        return True
    if text is not None and folded(text) in NO:
        return False
    return raw
