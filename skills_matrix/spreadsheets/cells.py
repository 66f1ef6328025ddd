"""What a cell may hold and how it is kept text: the one rule that keeps text from being read
as a formula, as CSV writes it (an apostrophe before it) and as reading undoes it; and the
library workbooks need, missing."""

from __future__ import annotations

NEUTRALISED = ("=", "+", "-", "@", "\t", "\r", "'")
"""What a CSV cell may not start with as written: a spreadsheet reads it as a formula (or
hides the apostrophe that marks text). Such text is written after an apostrophe, which
reading removes."""
INSTALL = (
    'pip install "skills-matrix[sphinx,sheets] @ git+https://github.com/ai-engineer-docs/'
    'skills-matrix"'
)
"""The package with every extra, as the README and the docs install it."""


class MissingLibrary(Exception):
    """openpyxl (or defusedxml) is not installed; the message says how to install it."""


def csv_cell(text: str) -> str:
    """*text* as a spreadsheet shows it: a cell it would read as a formula (starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return), or one starting with the
    apostrophe that marks text, gets a leading apostrophe (which reading back removes)."""
    return "'" + text if text[:1] in NEUTRALISED else text


def from_csv_cell(raw: str) -> str | None:
    """The text a CSV cell written by :func:`csv_cell` holds, if it was neutralised;
    ``None`` otherwise (the cell is read as it is)."""
    return raw[1:] if raw[:1] == "'" and raw[1:2] in NEUTRALISED else None
