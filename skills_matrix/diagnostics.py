"""Problems found in data files, each located at a file, line and column, and named by kind."""

from __future__ import annotations

import dataclasses as dc
import difflib
import enum
import re
from collections.abc import Iterable
from typing import Literal

Severity = Literal["error", "warning", "note"]
"""A note is no problem: it says how something was read (an old id as its new one)."""


class Code(str, enum.Enum):
    """Every kind of problem the project reports. In Sphinx, the warning's subtype:
    ``suppress_warnings = ["skills_matrix.<code>"]``."""

    # Reading a file
    FILE = "file"
    LIMIT = "limit"
    ENCODING = "encoding"
    EMPTY = "empty"
    SYNTAX = "syntax"
    TAG = "tag"
    DUPLICATE_KEY = "duplicate-key"
    # Checking it against the format
    TYPE = "type"
    UNKNOWN_KEY = "unknown-key"
    MISSING_KEY = "missing-key"
    ID = "id"
    URL = "url"
    VERSION = "version"
    LEVELS = "levels"
    LENGTH = "length"
    CONTROL_CHARACTER = "control-character"
    STRENGTH = "strength"
    ORIGIN = "origin"
    RANGE = "range"
    DUPLICATE_ID = "duplicate-id"
    DUPLICATE_MEMBER = "duplicate-member"
    REFERENCE = "reference"
    # Ladders of roles (version 2)
    CYCLE = "cycle"
    GRADE = "grade"
    LOWERED_LEVEL = "lowered-level"
    # Frameworks that level by points (version 2, second edition)
    POINTS = "points"
    # Renames (version 2): a rule broken is an error; an old id read as the new one, a note
    RENAME = "rename"
    # Editions (version 2): what a framework retired on purpose, and old ids merged into one
    RETIRED = "retired"
    MERGED = "merged"
    # Importing a team's own sheets through a mapping
    MAPPING = "mapping"
    KIND = "kind"
    ORDER = "order"
    GRID = "grid"
    # Allowed, but probably unintended (warnings)
    UNUSED = "unused"
    UNDECLARED_CATEGORY = "undeclared-category"
    SCALE = "scale"
    LEFT_OUT = "left-out"
    # The Sphinx extension: configuration, directives and definitions
    CONFIG = "config"
    DATA_MISSING = "data-missing"
    UNUSABLE = "unusable"
    OPTION = "option"
    DUPLICATE = "duplicate"


_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""Control characters (all but tab and line break) and the controls that reorder text
(bidirectional marks, embeddings, overrides and isolates)."""


def printable(text: str) -> str:
    """*text* as a terminal or a page can show it safely: each control character, and each
    character that reorders text, written as its escape (``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


MAX_QUOTED = 80
"""Longest text a message quotes whole: a file's text is shown, never all of it."""


def quoted(text: str) -> str:
    """*text* quoted as a message shows it, cut after :data:`MAX_QUOTED` characters."""
    if len(text) <= MAX_QUOTED:
        return repr(text)
    return f"{text[:MAX_QUOTED]!r}… ({len(text):,} characters)"


MANY_CHOICES = 200
"""Above this many choices, a hint looks only at the choices one edit away from the word
(found by lookups, not by comparing the word with each choice)."""

_ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"


def _one_edit(word: str) -> set[str]:
    """Every text one deletion, transposition, replacement or insertion away from *word*."""
    letters = set(_ID_CHARACTERS) | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return out


def hint(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" suffix for a misspelled *word*, or nothing. Among many choices (a
    mapping or set of them), only those one edit away are considered, so that the cost does
    not grow with the choices."""
    pool = choices if isinstance(choices, (dict, set, frozenset)) else list(choices)
    if len(pool) > MANY_CHOICES and len(word) <= 2 * 64:
        near = sorted(c for c in _one_edit(word) if c in pool)
        close = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    elif len(pool) > MANY_CHOICES:
        close = []  # longer than any id: no id is one edit away
    else:
        close = difflib.get_close_matches(word, list(pool), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def column_letters(column: int) -> str:
    """A spreadsheet's name of the 1-based *column*: 1 is ``A``, 27 is ``AA``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Spot(tuple[int, int]):
    """A mark ``(line, column)`` that also names its file: where a value stands that comes
    from another file than the one being read (a mapping's, beside a workbook's cells)."""

    path: str

    def __new__(cls, path: str, line: int, column: int) -> Spot:
        spot = super().__new__(cls, (line, column))
        spot.path = path
        return spot

    @property
    def name(self) -> str:
        """As a message names a place in the same file: ``line 3``."""
        return f"line {self[0]}"


class Cell(tuple[int, int]):
    """Where a value read from a spreadsheet stands: a mark ``(row, column)`` that also names
    its file and, in a workbook, its sheet (messages say ``book.xlsx:Skills!C14``)."""

    path: str
    sheet: str | None

    def __new__(cls, path: str, sheet: str | None, row: int, column: int) -> Cell:
        cell = super().__new__(cls, (row, column))
        cell.path, cell.sheet = path, sheet
        return cell

    @property
    def name(self) -> str:
        """``Skills!C14`` in a workbook, ``C14`` in a CSV file."""
        cell = f"{column_letters(self[1])}{self[0]}"
        return f"{self.sheet}!{cell}" if self.sheet else cell


def where(path: str, mark: tuple[int, int]) -> str:
    """A place as a message names it: ``file:line``, or ``file:Sheet!C14`` for a cell."""
    if isinstance(mark, Cell):
        return f"{mark.path}:{mark.name}"
    if isinstance(mark, Spot):
        return f"{mark.path}:{mark[0]}"
    return f"{path}:{mark[0]}"


@dc.dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where it stands, how bad it is, and what is wrong, in words."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    """A :class:`Code` value."""
    message: str
    cell: str | None = None
    """In a spreadsheet, the cell (``Skills!C14``) that *line* and *column* locate."""

    @property
    def location(self) -> str:
        if self.cell:
            return f"{self.path}:{self.cell}"
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        """The diagnostic as one line: a file name or a message holding control characters
        cannot retitle, clear or recolour a terminal."""
        return printable(f"{self.location}: {self.severity}: {self.message}")


class Diagnostics(list[Diagnostic]):
    """The diagnostics of one run, in the order found."""

    MAX_HINTS = 50
    """"Did you mean" hints given in one run for words looked up among many: each costs a
    comparison with every choice, so a file misspelling thousands of ids stays quick."""
    hints = 0

    def hint(self, word: str, choices: Iterable[str]) -> str:
        """:func:`hint`, while fewer than :attr:`MAX_HINTS` were given in this run."""
        if self.hints >= self.MAX_HINTS:
            return ""
        self.hints += 1
        return hint(word, choices)

    def error(self, path: str, line: int, column: int, code: str, message: str) -> None:
        self.append(Diagnostic(path, line, column, "error", Code(code).value, message))

    def warning(self, path: str, line: int, column: int, code: str, message: str) -> None:
        self.append(Diagnostic(path, line, column, "warning", Code(code).value, message))

    def at(self, path: str, mark: tuple[int, int], severity: Severity, code: str, message: str):
        """Report a problem at *mark* of the file *path*, or at the cell *mark* names."""
        if isinstance(mark, Cell):
            found = Diagnostic(mark.path, *mark, severity, Code(code).value, message, mark.name)
        elif isinstance(mark, Spot):
            found = Diagnostic(mark.path, *mark, severity, Code(code).value, message)
        else:
            found = Diagnostic(path, *mark, severity, Code(code).value, message)
        self.append(found)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if d.severity == "warning"]

    @property
    def notes(self) -> list[Diagnostic]:
        return [d for d in self if d.severity == "note"]

    def sorted(self) -> list[Diagnostic]:
        def place(d: Diagnostic) -> tuple:
            return (d.path, d.cell.rpartition("!")[0] if d.cell else "", d.line, d.column)

        return sorted(self, key=place)
