"""A workbook measured from its XML before anything is loaded: each sheet's name and state, the
cells it really spans, its merged ranges and its formulas without a saved value. The parts
are read as a stream with defusedxml (no entity expansion, no external reference), so a small
file that claims a huge range, or merges a whole sheet, is refused in a second, before
openpyxl would build every cell of it."""

from __future__ import annotations

import dataclasses as dc
import posixpath
import re
import zipfile


def iterparse(stream, events=("end",)):
    """defusedxml's streaming parser (an optional dependency, with openpyxl: imported when a
    workbook is read)."""
    from defusedxml.ElementTree import iterparse as parse

    return parse(stream, events=events)


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")


class NotReadable(Exception):
    """The workbook's parts cannot be read; the message says which and why."""


@dc.dataclass
class SheetSurvey:
    name: str
    """As the workbook names it (openpyxl renames sheets whose names clash)."""
    state: str
    """``visible``, ``hidden`` or ``veryHidden``."""
    rows: int = 0
    columns: int = 0
    """The extent of the cells that hold something, and of the merged ranges."""
    merged: list[tuple[int, int, int, int]] = dc.field(default_factory=list)
    """(first row, first column, last row, last column) of each merged range."""
    unsaved: dict[tuple[int, int], str] = dc.field(default_factory=dict)
    """(row, column) -> formula, of the formulas with no value saved."""

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _ref(text: str) -> tuple[int, int] | None:
    found = _REF.match(text.strip().upper())
    return (int(found.group(2)), column_number(found.group(1))) if found else None


def survey(archive: zipfile.ZipFile, limit: int) -> list[SheetSurvey]:
    """Every sheet of the workbook in *archive*, in its order; a sheet whose range passes
    *limit* cells (counted over the sheets so far) stops the survey there: it is the last in
    the list, and its ``cells`` say how far it goes."""
    sheets = []
    total = 0
    for name, state, part in _sheet_parts(archive):
        sheet = SheetSurvey(name, state)
        if part is not None:
            _measure(archive, part, sheet, limit - total)
        sheets.append(sheet)
        total += sheet.cells
        if total > limit:
            break
    return sheets


def _sheet_parts(archive: zipfile.ZipFile):
    """(name, state, part path) of each sheet, from the workbook part and its relations."""
    try:
        targets = {}
        with archive.open("xl/_rels/workbook.xml.rels") as stream:
            for _, element in iterparse(stream):
                if element.tag == f"{RELS}Relationship":
                    target = element.get("Target", "")
                    path = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join("xl", target))
                    )
                    targets[element.get("Id")] = path
        out = []
        with archive.open("xl/workbook.xml") as stream:
            for _, element in iterparse(stream):
                if element.tag == f"{MAIN}sheet":
                    part = targets.get(element.get(f"{DOC_RELS}id"))
                    out.append(
                        (
                            element.get("name", ""),
                            element.get("state", "visible"),
                            part if part in archive.NameToInfo else None,
                        )
                    )
        return out
    except KeyError as exc:
        raise NotReadable(f"the workbook has no part {exc.args[0]}") from None
    except Exception as exc:  # defusedxml's refusals and the parser's errors alike
        raise NotReadable(f"its description is not readable XML: {_words(exc)}") from None


def _measure(archive: zipfile.ZipFile, part: str, sheet: SheetSurvey, limit: int) -> None:
    """The sheet's extent, merged ranges and unsaved formulas, from its part, read as a
    stream; stops as soon as the extent passes *limit* cells."""
    row = column = 0
    formula: str | None = None
    value = False
    try:
        with archive.open(part) as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{MAIN}row":
                        row = int(element.get("r") or row + 1)
                        column = 0
                    elif tag == f"{MAIN}c":
                        place = _ref(element.get("r", ""))
                        row, column = place if place else (row, column + 1)
                        formula, value = None, False
                    continue
                if tag == f"{MAIN}f":
                    formula = element.text or ""
                elif tag in (f"{MAIN}v", f"{MAIN}is"):
                    value = value or bool(element.text) or len(element) > 0
                elif tag == f"{MAIN}c":
                    if value or formula is not None:
                        sheet.rows, sheet.columns = max(sheet.rows, row), max(sheet.columns, column)
                    if formula is not None and not value:
                        sheet.unsaved[row, column] = formula
                    element.clear()
                    if sheet.cells > limit:
                        return
                elif tag == f"{MAIN}mergeCell":
                    first, _, last = element.get("ref", "").partition(":")
                    start, end = _ref(first), _ref(last or first)
                    if start and end:
                        sheet.merged.append((*start, *end))
                        sheet.rows = max(sheet.rows, end[0])
                        sheet.columns = max(sheet.columns, end[1])
                        if sheet.cells > limit:
                            return
                elif tag == f"{MAIN}row":
                    element.clear()
    except Exception as exc:  # defusedxml's refusals and the parser's errors alike
        raise NotReadable(f"the sheet {sheet.name!r} is not readable XML: {_words(exc)}") from None


def _words(exc: Exception) -> str:
    """An exception as one line of words: its first line, or its kind when it says nothing."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
