"""Problems found in data files, each located at a file, line and column."""

from __future__ import annotations

import dataclasses as dc
from typing import Literal

Severity = Literal["error", "warning"]


@dc.dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where it stands, how bad it is, and what is wrong, in words."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    """A short kebab-case kind, used as the Sphinx warning subtype (``skills_matrix.<code>``)."""
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class Diagnostics(list[Diagnostic]):
    """The diagnostics of one run, in the order found."""

    def error(self, path: str, line: int, column: int, code: str, message: str) -> None:
        self.append(Diagnostic(path, line, column, "error", code, message))

    def warning(self, path: str, line: int, column: int, code: str, message: str) -> None:
        self.append(Diagnostic(path, line, column, "warning", code, message))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self, key=lambda d: (d.path, d.line, d.column))


class DataError(Exception):
    """Data that cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))
