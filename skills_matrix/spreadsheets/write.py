"""The matrix as sheets (the layout of :mod:`.layout`) written: a workbook (``.xlsx``, with
openpyxl, an optional dependency) or a folder of CSV files. Nothing written replaces a file
(:mod:`..output`); no text becomes a formula (:mod:`.cells`)."""

from __future__ import annotations

import csv
from pathlib import Path

from ..model import Matrix
from ..output import new_file, new_folder, refuse_existing
from ..plain import plain
from ..reading.scalars import CORE, resolve
from .cells import INSTALL, MissingLibrary, csv_cell
from .layout import SHEETS, rows


def write_workbook(matrix: Matrix, path: Path) -> list[str]:
    """One sheet a part of the matrix, header row first and frozen. No text becomes a
    formula: a cell is typed as text whatever it starts with. Returns what the sheets
    cannot hold, in words (nothing else is left out)."""
    try:
        import openpyxl
        from openpyxl.styles import Font
    except ImportError:
        raise MissingLibrary(f"writing a workbook needs openpyxl: {INSTALL}") from None
    refuse_existing(path)  # before the workbook is built
    book = openpyxl.Workbook()
    for blank in book.worksheets:  # the one a new workbook starts with
        book.remove(blank)
    laid_out = rows(plain(matrix))
    for sheet in SHEETS:
        page = book.create_sheet(sheet.name)
        page.append(laid_out.columns[sheet.name])
        for row in laid_out.rows[sheet.name]:
            page.append(list(row))
            for cell in page[page.max_row]:
                if cell.data_type == "f":  # text starting with '=': still text
                    cell.data_type = "s"
        for cell in page[1]:
            cell.font = Font(bold=True)
        page.freeze_panes = "A2"
    with new_file(path, binary=True) as file:  # never replaces a file that appeared meanwhile
        book.save(file)
    return laid_out.dropped


def write_tables(matrix: Matrix, folder: Path) -> list[str]:
    """One CSV file a sheet (``skill-supports.csv``) in *folder*, made if need be; a text
    cell a spreadsheet would read as a formula is neutralised (reading undoes it). Returns
    what the files cannot hold, in words."""
    new_folder(folder)
    laid_out = rows(plain(matrix))
    dropped = list(laid_out.dropped)
    for sheet in SHEETS:
        header = laid_out.columns[sheet.name]
        with new_file(folder / sheet.file_name) as file:
            writer = csv.writer(file, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows([_csv_value(v) for v in row] for row in laid_out.rows[sheet.name])
        own = len(sheet.columns)
        for row in laid_out.rows[sheet.name]:
            for key, value in zip(header[own:], row[own:], strict=True):
                if isinstance(value, str) and resolve(value.strip()) != CORE + "str":
                    dropped.append(
                        f"{sheet.name}: {key} {value!r} is text a CSV cell gives back as "
                        f"{resolve(value.strip())[len(CORE) :]}"
                    )
    return dropped


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return repr(value)
    return csv_cell(str(value))
