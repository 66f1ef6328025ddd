"""``export``: the matrix in any format of :data:`..export.EXPORTERS`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..diagnostics import printable
from ..export import EXPORTERS
from ..output import OutputError
from ..spreadsheets.cells import MissingLibrary
from .common import UsageError, load, write


def add(commands) -> None:
    command = commands.add_parser(
        "export",
        help="the matrix as JSON, as sheets (a workbook or CSV files), or its grid as CSV or "
        "Markdown",
    )
    command.add_argument("path", nargs="?", help="a matrix file or folder")
    command.add_argument(
        "--format",
        choices=tuple(EXPORTERS),
        default="json",
        help="xlsx: a workbook, a sheet for each part; tables: the same sheets as a folder of "
        "CSV files; csv and markdown: the skills-versus-responsibilities grid",
    )
    command.add_argument(
        "--output",
        metavar="PATH",
        help="write to this new file (for tables, a folder); needed for xlsx and tables",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    exporter = EXPORTERS[args.format]
    if exporter.to_path is not None and not args.output:
        raise UsageError(f"--format {args.format} writes files: give --output PATH")
    matrix = load(args.path, err)
    if matrix is None:
        return 1
    try:
        if exporter.to_path is not None:
            for dropped in exporter.to_path(matrix, Path(args.output)):
                print(printable(f"skills-matrix: warning: left out: {dropped}"), file=err)
        elif exporter.text is not None:
            write(exporter.text(matrix), args.output, out)
    except (MissingLibrary, OutputError) as exc:
        raise UsageError(str(exc)) from None
    return 0
