"""``validate``: check a matrix, every problem at its place."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..diagnostics import Diagnostics, printable
from ..reading import load_matrix
from .common import DEFAULT_DATA, data_path, report


def add(commands) -> None:
    command = commands.add_parser("validate", help="check a matrix; list every problem")
    command.add_argument(
        "path", nargs="?", help=f"a matrix file or folder (default: the project's {DEFAULT_DATA})"
    )
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = data_path(args.path)
    diagnostics = Diagnostics()
    load_matrix(path, diagnostics)
    report(diagnostics, out)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    print(printable(f"{path}: {errors} error(s), {warnings} warning(s)"), file=err)
    return 1 if errors or (args.strict and warnings) else 0
