"""The extension's warnings: one type, ``skills_matrix``, and one subtype per kind of problem
(:class:`~skills_matrix.diagnostics.Code`), each suppressible::

    suppress_warnings = ["skills_matrix.unused"]
"""

from __future__ import annotations

from typing import Any

from sphinx.util.logging import getLogger

from ..diagnostics import Code, Diagnostic, printable

LOGGER = getLogger("skills_matrix")

WARNING_TYPE = "skills_matrix"


def warn(code: Code | str, message: str, location: Any = None) -> None:
    """Warn of *message*, of subtype *code*, located at *location* (a node, a
    ``(docname, line)`` pair or ``"file:line"``)."""
    LOGGER.warning(message, type=WARNING_TYPE, subtype=Code(code).value, location=location)


def note(code: Code | str, message: str, location: Any = None) -> None:
    """Say *message* in the build's log: how something was read, no problem (never a
    warning, so never an error under ``-W``)."""
    LOGGER.info(message, type=WARNING_TYPE, subtype=Code(code).value, location=location)


def report(diagnostic: Diagnostic) -> None:
    """A data file's diagnostic as a warning located at its ``file:line`` (a file name's
    control characters written as escapes, as in the terminal); a note, in the build's log
    only."""
    if diagnostic.severity == "note":
        note(
            diagnostic.code,
            printable(diagnostic.message),
            printable(f"{diagnostic.path}:{diagnostic.line}"),
        )
        return
    warn(
        diagnostic.code,
        printable(f"{diagnostic.message} (column {diagnostic.column})"),
        printable(f"{diagnostic.path}:{diagnostic.line}"),
    )
