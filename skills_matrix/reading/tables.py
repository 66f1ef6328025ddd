"""A matrix's tables as files hold them: a workbook (``.xlsx``, read with openpyxl, an
optional dependency) or a folder of CSV files, one a sheet. Only values are read: a formula
gives the value its spreadsheet program saved, a merged range gives its value to each of its
cells; what has no value to give (a formula never computed, an error such as ``#REF!``) is
refused at its cell."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ..diagnostics import Diagnostics
from .files import ReadError, read_bytes
from .sheets import Table
from .source import MAX_BYTES, MAX_NODES

MAX_UNPACKED = 20 * MAX_BYTES
"""Most bytes a workbook may unpack to (a zip can hold far more than its size)."""
INSTALL = (
    'pip install "skills-matrix[sphinx,sheets] @ git+https://github.com/ai-engineer-docs/'
    'skills-matrix"'
)
"""The package with every extra, as the README and the docs install it."""


class MissingLibrary(Exception):
    """openpyxl is not installed; the message says how to install it."""


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
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv")
    if not files:
        diagnostics.error(name, 1, 1, "file", "the folder holds no *.csv files")
        return None
    tables = [_csv_file(file, f"{name}/{file.name}", diagnostics) for file in files]
    return None if any(t is None for t in tables) else tables


def _csv_file(path: Path, name: str, diagnostics: Diagnostics) -> Table | None:
    try:
        data = read_bytes(path)
    except ReadError as exc:
        diagnostics.error(name, 1, 1, exc.code, exc.message)
        return None
    text = _decoded(data, name, diagnostics)
    if text is None:
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
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            diagnostics.error(name, 1, 1, "encoding", "the file says UTF-16 but is not")
            return None
    try:
        return data.decode("utf-8")
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


def _workbook(path: Path, name: str, diagnostics: Diagnostics) -> list[Table] | None:
    try:
        import openpyxl
    except ImportError:
        raise MissingLibrary(f"reading a workbook needs openpyxl: {INSTALL}") from None
    try:
        data = read_bytes(path)
    except ReadError as exc:
        diagnostics.error(name, 1, 1, exc.code, exc.message)
        return None
    problem = _not_a_workbook(data)
    if problem:
        diagnostics.error(name, 1, 1, "file", problem)
        return None
    try:
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        diagnostics.error(name, 1, 1, "file", f"the workbook cannot be read: {exc}")
        return None
    tables = []
    before = len(diagnostics.errors)
    for sheet in formulas.worksheets:
        if sheet.max_row * sheet.max_column > MAX_NODES:
            diagnostics.error(name, 1, 1, "limit", f"the sheet {sheet.title!r} is too large")
            return None
        tables.append(_sheet(sheet, values[sheet.title], name, diagnostics))
    return None if len(diagnostics.errors) != before else tables


def _sheet(formulas, values, name: str, diagnostics: Diagnostics) -> Table:
    table = Table(formulas.title, name, formulas.title, [])
    merged = {}
    for cells in formulas.merged_cells.ranges:
        first = values.cell(cells.min_row, cells.min_col).value
        for row, column in cells.cells:
            merged[row, column] = first
    for row in range(1, formulas.max_row + 1):
        out: list[object] = []
        for column in range(1, formulas.max_column + 1):
            if (row, column) in merged:
                out.append(merged[row, column])
                continue
            cell, computed = formulas.cell(row, column), values.cell(row, column)
            value = computed.value
            if computed.data_type == "e":
                diagnostics.at(
                    name,
                    table.cell(row, column),
                    "error",
                    "type",
                    f"the cell holds the error {value}, not a value; correct it",
                )
                value = None
            elif cell.data_type == "f" and value is None:
                diagnostics.at(
                    name,
                    table.cell(row, column),
                    "error",
                    "type",
                    f"the cell holds the formula {cell.value} with no value saved (the file was "
                    "written by a program that does not compute formulas); open and save it in "
                    "a spreadsheet program, or type the value",
                )
            out.append(value)
        table.rows.append(out)
    return table


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
