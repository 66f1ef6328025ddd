"""A matrix's tables as files hold them: a workbook (``.xlsx``, read with openpyxl, an
optional dependency) or a folder of CSV files, one a sheet. Only values are read: a formula
gives the value its spreadsheet program saved, a merged range gives its value to each of its
cells; what has no value to give (a formula never computed, an error such as ``#REF!``) is
refused at its cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
import zipfile
from pathlib import Path

from ..diagnostics import Cell, Diagnostics
from ..reading.files import ReadError, read_bytes
from ..reading.source import MAX_BYTES, MAX_NODES
from .cells import INSTALL, MissingLibrary
from .compose import Table
from .xlsx import NotReadable, SheetSurvey, survey

MAX_UNPACKED = 20 * MAX_BYTES
"""Most bytes a workbook may unpack to (a zip can hold far more than its size)."""


def read_tables(path: Path, diagnostics: Diagnostics, display: str | None = None):
    """The tables of the workbook or CSV folder at *path*; ``None`` with errors reported."""
    name = display or str(path)
    if path.is_dir():
        return _csv_folder(path, name, diagnostics)
    if path.suffix.lower() == ".csv":
        table = _csv_file(path, name, diagnostics)
        return None if table is None else [table]
    return _workbook(path, name, diagnostics)


def _csv_folder(folder: Path, name: str, diagnostics: Diagnostics) -> list[Table] | None:
    """The folder's own ``*.csv`` files: a link is left out (said, never followed: it could
    lead anywhere, and what it leads to is never quoted)."""
    files = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv"):
        if path.is_symlink():
            diagnostics.warning(
                f"{name}/{path.name}",
                1,
                1,
                "file",
                "left out: this is a link; the tables are the folder's own files",
            )
        else:
            files.append(path)
    if not files:
        diagnostics.error(name, 1, 1, "file", "the folder holds no *.csv files")
        return None
    read = [_csv_file(file, f"{name}/{file.name}", diagnostics) for file in files]
    tables = [table for table in read if table is not None]
    return tables if len(tables) == len(read) else None


def _csv_file(path: Path, name: str, diagnostics: Diagnostics) -> Table | None:
    try:
        data = read_bytes(path)
    except ReadError as exc:
        diagnostics.error(name, 1, 1, exc.code, exc.message)
        return None
    text = _decoded(data, name, diagnostics)
    if text is None:
        return None
    if not text.strip():
        diagnostics.error(name, 1, 1, "empty", "the file is empty: its first row names the columns")
        return None
    header = text.partition("\n")[0]
    delimiter = max(",;\t", key=header.count)  # as spreadsheet programs save CSV in each locale
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    try:
        for row in reader:
            rows.append(list(row))
            if len(rows) * max(len(row), 1) > MAX_NODES:
                diagnostics.error(name, reader.line_num, 1, "limit", "the table is too large")
                return None
    except csv.Error as exc:
        diagnostics.error(name, reader.line_num, 1, "syntax", f"this is not valid CSV: {exc}")
        return None
    return Table(path.stem, name, None, rows, from_text=True)


def _decoded(data: bytes, name: str, diagnostics: Diagnostics) -> str | None:
    """CSV text: UTF-8 (with or without a byte order mark) or UTF-16 with one (as spreadsheet
    programs save "Unicode text"); any other encoding is refused where it first fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif encoding := "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16(data):
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            diagnostics.error(name, 1, 1, "encoding", "the file seems UTF-16 but is not")
            return None
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode()) + 1
        diagnostics.error(
            name,
            line,
            column,
            "encoding",
            f"the byte 0x{data[exc.start]:02x} is not UTF-8: the file is in another encoding; "
            "save it as 'CSV UTF-8'",
        )
        return None


def _utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text without a byte order mark (its first bytes
    alternate with zeros, as text in Latin letters does), else ``None``."""
    head = data[:1024]
    if len(head) < 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.9 * len(head[1::2]) and even == 0:
        return "utf-16-le"
    if even > 0.9 * len(head[0::2]) and odd == 0:
        return "utf-16-be"
    return None


def _workbook(path: Path, name: str, diagnostics: Diagnostics) -> list[Table] | None:
    """The workbook's sheets: measured from their XML first (:mod:`.xlsx`), then read once,
    as a stream, by openpyxl."""
    try:
        import defusedxml  # noqa: F401 - the survey's parser
        import openpyxl
    except ImportError:
        raise MissingLibrary(
            f"reading a workbook needs openpyxl and defusedxml: {INSTALL}"
        ) from None
    try:
        data = read_bytes(path)
    except ReadError as exc:
        message = exc.message
        if exc.code == "limit":
            message = f"the workbook is over {MAX_BYTES // 2**20} MiB; larger ones are refused"
        diagnostics.error(name, 1, 1, exc.code, message)
        return None
    problem = _not_a_workbook(data)
    if problem:
        diagnostics.error(name, 1, 1, "file", problem)
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = survey(archive, MAX_NODES)
    except NotReadable as exc:
        diagnostics.error(name, 1, 1, "file", f"the workbook cannot be read: {exc}")
        return None
    total = sum(sheet.cells for sheet in sheets)
    if total > MAX_NODES:
        last = sheets[-1]
        diagnostics.at(
            name,
            Cell(name, last.name, 1, 1),
            "error",
            "limit",
            f"the sheet {last.name!r} spans {last.rows:,} rows and {last.columns:,} columns "
            f"(with the sheets before it, over {MAX_NODES:,} cells): a cell far from the rest, "
            "or a range merged across the sheet; delete what is out there",
        )
        return None
    try:
        with warnings.catch_warnings():  # openpyxl's warnings name its own files
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            pages = list(book.worksheets)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        diagnostics.error(name, 1, 1, "file", f"the workbook cannot be read: {_damaged(exc)}")
        return None
    before = len(diagnostics.errors)
    tables = []
    try:
        for page, sheet in zip(pages, sheets, strict=False):
            if sheet.state == "veryHidden":
                diagnostics.at(
                    name,
                    Cell(name, sheet.name, 1, 1),
                    "note",
                    "file",
                    f"the sheet {sheet.name!r} is very hidden (no spreadsheet program shows it); "
                    "it is read like the others",
                )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tables.append(_sheet(page, sheet, name, diagnostics))
    except Exception as exc:  # a part that breaks as it is read
        diagnostics.error(name, 1, 1, "file", f"the workbook cannot be read: {_damaged(exc)}")
        return None
    finally:
        book.close()
    return None if len(diagnostics.errors) != before else tables


def _damaged(exc: Exception) -> str:
    """What openpyxl said of a damaged workbook, in one line, with the way forward."""
    lines = str(exc).strip().splitlines()
    said = lines[0] if lines else type(exc).__name__
    return (
        f"a part of it is damaged or missing ({said}); open it in a spreadsheet program and "
        "save it again"
    )


def _sheet(page, sheet: SheetSurvey, name: str, diagnostics: Diagnostics) -> Table:
    """The values of *page* within the extent the survey found, merged ranges filled."""
    table = Table(sheet.name, name, sheet.name, [])
    if sheet.cells == 0:
        return table
    rows = [
        list(row)
        for row in page.iter_rows(
            min_row=1, max_row=sheet.rows, max_col=sheet.columns, values_only=False
        )
    ]
    values: list[list[object]] = []
    for number, row in enumerate(rows, 1):
        out = []
        for column in range(1, sheet.columns + 1):
            cell = row[column - 1] if column <= len(row) else None
            out.append(_checked(cell, sheet, table, number, column, diagnostics))
        values.append(out)
    values += [[None] * sheet.columns for _ in range(sheet.rows - len(values))]
    for first_row, first_column, last_row, last_column in sheet.merged:
        value = values[first_row - 1][first_column - 1]
        for r in range(first_row, last_row + 1):
            for c in range(first_column, last_column + 1):
                values[r - 1][c - 1] = value
    table.rows = values
    return table


def _checked(cell, sheet: SheetSurvey, table: Table, row: int, column: int, diagnostics):
    """A cell's value; ``None`` for one that has none to give (reported at the cell)."""
    if (row, column) in sheet.unsaved:
        diagnostics.at(
            table.path,
            table.cell(row, column),
            "error",
            "type",
            f"the cell holds the formula ={sheet.unsaved[row, column]} with no value saved (the "
            "file was written by a program that does not compute formulas); open and save it "
            "in a spreadsheet program, or type the value",
        )
        return None
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "e":
        diagnostics.at(
            table.path,
            table.cell(row, column),
            "error",
            "type",
            f"the cell holds the error {value}, not a value; correct it",
        )
        return None
    if isinstance(value, dt.timedelta):
        diagnostics.at(
            table.path,
            table.cell(row, column),
            "error",
            "type",
            f"the cell is formatted as a duration ({value}); format it as a number or as text",
        )
        return None
    return value


def _not_a_workbook(data: bytes) -> str | None:
    """Why *data* is not an ``.xlsx`` workbook that is safe to open, if it is not."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "this is an old .xls workbook (or an encrypted one); save it as .xlsx, or export "
            "its sheets as CSV"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return "this is not an .xlsx workbook (nor a folder of .csv files)"
    if unpacked > MAX_UNPACKED:
        return f"the workbook unpacks to more than {MAX_UNPACKED // 2**20} MiB; it is refused"
    return None
