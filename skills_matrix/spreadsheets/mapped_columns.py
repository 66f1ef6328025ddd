"""Where a mapping's sheets and columns stand in a team's workbook or CSV files: the table of
each sheet it names, the position of each key's column (and of a grid's columns), and, said
as notes, the sheets and columns it leaves out."""

from __future__ import annotations

from ..diagnostics import Cell, Diagnostics, Severity, Spot, hint, quoted
from .compose import Table, own_key, sheet_key
from .mapping_file import Mapping, SheetMap, folded

Mark = Cell | Spot
Found = list[tuple[SheetMap, Table, dict[str, int]]]
"""Each sheet the mapping names, its table, and its key -> column position (0-based); a
grid's columns under ``"grid:N"``."""


def locate(mapping: Mapping, tables: list[Table], name: str, diagnostics: Diagnostics):
    """The :data:`Found` of *mapping* in *tables* (the workbook or folder *name*); ``None``
    when a sheet or column it names is not there (reported)."""
    return _Locator(mapping, tables, name, diagnostics).run()


class _Locator:
    def __init__(
        self, mapping: Mapping, tables: list[Table], name: str, diagnostics: Diagnostics
    ) -> None:
        self.mapping, self.tables, self.path = mapping, tables, name
        self.diagnostics = diagnostics

    def report(self, mark: Mark, severity: Severity, code: str, message: str) -> None:
        self.diagnostics.at(self.path, mark, severity, code, message)

    def run(self) -> Found | None:
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
        return [(sheet, table, cols) for (sheet, table), cols in zip(found, columns, strict=True)]

    def _find_tables(self) -> list[tuple[SheetMap, Table]] | None:
        by_key: dict[str, Table] = {}
        for table in self.tables:
            by_key.setdefault(sheet_key(table.name), table)
        found, missing = [], False
        for sheet in self.mapping.sheets:
            given = by_key.get(sheet_key(sheet.name))
            if given is None:
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
                found.append((sheet, given))
        return None if missing else found

    def _columns(self, sheet: SheetMap, table: Table, named: set[str]) -> dict[str, int]:
        """Key -> position (0-based) of its column; a grid's columns under ``"grid:N"`` (by
        default, those no entry of the mapping names in *table*: *named*, folded)."""
        header = table.rows[sheet.header - 1] if len(table.rows) >= sheet.header else []
        positions: dict[str, int] = {}
        for position, title in enumerate(header):
            text = cell_text(title)
            if text is not None:
                positions.setdefault(folded(text), position)
        shown = ", ".join(quoted(text) for _, text in _texts(header))
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
                    for p, text in _texts(header)
                    if folded(text) not in named and not own_key(text)
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
            if any(cell_text(v) is not None for row in table.rows for v in row):
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
            unused = [(p, t) for p, t in _texts(header) if p not in used[key] and not own_key(t)]
            if unused:
                self.report(
                    table.cell(row, unused[0][0] + 1),
                    "note",
                    "left-out",
                    f"the mapping names no key for the column"
                    f"{'s' if len(unused) > 1 else ''} {', '.join(quoted(t) for _, t in unused)} "
                    f"of the sheet {quoted(table.name)}: left out",
                )


def _texts(row: list) -> list[tuple[int, str]]:
    """The cells of *row* that hold something, as text, with their positions."""
    return [(p, text) for p, raw in enumerate(row) if (text := cell_text(raw)) is not None]


def cell_text(raw: object) -> str | None:
    """A cell's value as text, for matching; ``None`` when it is empty."""
    if raw is None or isinstance(raw, bool):
        return None if raw is None else str(raw).lower()
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    return text or None
