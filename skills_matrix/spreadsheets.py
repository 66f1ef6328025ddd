"""The matrix as sheets (the layout of :mod:`.sheets`): written as a workbook (``.xlsx``, with
openpyxl, an optional dependency) or a folder of CSV files, and read back into YAML
(``skills-matrix import``), checked as a YAML file is."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

from .diagnostics import Diagnostics, printable
from .export import csv_cell, plain
from .model import Matrix
from .output import new_file, new_folder, refuse_existing
from .reading.assembly import matrix_from_data
from .reading.mapped import apply_mapping
from .reading.mapping_file import Mapping
from .reading.scalars import CORE, resolve
from .reading.sheets import compose
from .reading.tables import INSTALL, MissingLibrary, read_tables
from .sheets import SHEETS, rows


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
    book.remove(book.active)
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


WRITERS = {"xlsx": write_workbook, "tables": write_tables}
"""Format name -> the function that writes the matrix to a path (a file, a folder)."""


def import_matrix(
    path: Path,
    diagnostics: Diagnostics,
    display: str | None = None,
    mapping: Mapping | None = None,
) -> tuple[Matrix | None, dict | None]:
    """The matrix the workbook or CSV folder at *path* holds, checked, and its values as a
    YAML file holds them; ``(None, None)`` when anything is wrong (in *diagnostics*). A
    *mapping* says how sheets in a team's own shape hold it."""
    name = display or str(path)
    tables = read_tables(path, diagnostics, name)
    if tables is not None and mapping is not None:
        tables = apply_mapping(mapping, tables, name, diagnostics)
    if tables is None:
        return None, None
    before = len(diagnostics.errors)
    tree = compose(tables, name, diagnostics)
    if tree is None:
        return None, None
    shaped = len(diagnostics.errors) == before
    matrix = matrix_from_data(tree, name, diagnostics)  # what the rows say, checked all the same
    return (matrix, _plain(tree)) if matrix is not None and shaped else (None, None)


def _plain(value: object) -> object:
    """Plain dicts and lists, without empty lists and mappings (nothing said)."""
    if isinstance(value, dict):
        items = ((k, _plain(v)) for k, v in value.items())
        return {k: v for k, v in items if v != [] and v != {}}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


class _Dumper(yaml.SafeDumper):
    """Writes text that a YAML 1.2 reader could take for a number, true/false or null quoted
    (PyYAML's own rules are YAML 1.1's), and text of several lines as a block."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if resolve(text) != CORE + "str" or text != text.strip() or not text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def yaml_text(data: dict, source: str) -> str:
    """*data* as the text of a matrix file, saying where it comes from."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    name = re.sub(
        r"[\n\r\x0b\x0c\x85\u2028\u2029]", lambda m: repr(m.group())[1:-1], Path(source).name
    )
    return f"# Imported from {printable(name)} by skills-matrix import.\n{body}"
