"""What the commands share: where the matrix is, loading it with its problems reported, the
options of assessing commands, and writing a result (to the terminal, or to a new file)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..diagnostics import Diagnostics, printable
from ..format import DEFAULT_THRESHOLD
from ..model import Matrix, SelectionError
from ..output import new_file
from ..reading import load_matrix

DEFAULT_DATA = Path("docs", "_data", "skills-matrix.yaml")


class UsageError(Exception):
    """The command was used wrongly (exit status 2)."""


def assessment_options(command: argparse.ArgumentParser) -> None:
    """The options ``assess`` and ``team`` share: the data, the threshold, the format."""
    command.add_argument("--data", help="the matrix file or folder")
    command.add_argument(
        "--threshold",
        type=threshold,
        default=DEFAULT_THRESHOLD,
        help="the fit a role needs, 0 to 1 (default: %(default)s)",
    )
    command.add_argument("--format", choices=("text", "json"), default="text")


def threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def data_path(arg: str | None) -> Path:
    if arg is not None:
        path = Path(arg)
        if not path.exists():
            raise UsageError(f"{arg}: no such file or folder")
        return path
    for folder in (Path.cwd(), *Path.cwd().parents):
        candidate = folder / DEFAULT_DATA
        if candidate.exists():
            return candidate
    raise UsageError(f"no PATH given, and no {DEFAULT_DATA} in this folder or above it")


def report(diagnostics: Diagnostics, err: TextIO) -> None:
    for diagnostic in diagnostics.sorted():
        print(diagnostic, file=err)


def current_role(matrix: Matrix, role: str | None, err: TextIO) -> str | None:
    """*role*, or its new id when the matrix has renamed it (said, as a note)."""
    new = matrix.renamed("roles").get(role) if role is not None else None
    if new is None:
        return role
    print(
        printable(f"skills-matrix: note: the role {role!r} is read as {new!r}, its new id"),
        file=err,
    )
    return new


def emit(form: str, out: TextIO, document: Callable[[], dict], text: Callable[[], str]) -> None:
    """A result as ``--format json`` (one line) or as text, whichever was asked for."""
    if form == "json":
        json.dump(document(), out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(printable(text()))


def load(arg: str | None, err: TextIO) -> Matrix | None:
    diagnostics = Diagnostics()
    matrix = load_matrix(data_path(arg), diagnostics)
    report(diagnostics if matrix is None else Diagnostics(diagnostics.errors), err)
    return matrix


def write(text: str, output: str | None, out: TextIO) -> None:
    """*text* to the new file *output*, or to *out*; never over a file."""
    if output is None:
        out.write(text)
        return
    with new_file(Path(output)) as file:
        file.write(text)


def must_exist(names: list[str]) -> None:
    """A usage error naming the first of *names* that is no file or folder."""
    missing = [name for name in names if not Path(name).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")


def current_roles(matrix: Matrix, err: TextIO, *roles: str | None) -> tuple[str | None, ...]:
    """The roles a command names (``--role``, ``--aim``), each by its new id where the matrix
    renamed it (said); a usage error when one is not a role of the matrix."""
    now = tuple(current_role(matrix, role, err) for role in roles)
    try:
        matrix.pick("roles", [role for role in now if role is not None])
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    return now
