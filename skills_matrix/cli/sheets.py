"""``import``: a workbook or a folder of CSV sheets, in the package's layout or a team's own
shape through a mapping, back into a YAML matrix."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..diagnostics import Diagnostics
from ..output import OutputError
from ..spreadsheets.cells import MissingLibrary
from ..spreadsheets.mapping_file import read_mapping
from ..spreadsheets.to_yaml import import_matrix, yaml_text
from .common import UsageError, report, write


def add(commands) -> None:
    command = commands.add_parser(
        "import", help="a workbook or a folder of CSV sheets back into a YAML matrix"
    )
    command.add_argument(
        "source", metavar="FILE_OR_FOLDER", help="an .xlsx workbook, or a folder of .csv files"
    )
    command.add_argument("--output", metavar="FILE", help="write the YAML to this new file")
    command.add_argument(
        "--map",
        metavar="MAPPING",
        help="a mapping file: how sheets in your own shape hold the matrix (which sheet holds "
        "what, which column is which key)",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    diagnostics = Diagnostics()
    _, data = imported(args, diagnostics)
    report(diagnostics, err)
    if data is None:
        return 1
    try:
        write(yaml_text(data, args.source), args.output, out)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    return 0


def imported(args: argparse.Namespace, diagnostics: Diagnostics):
    """The matrix and its values that ``--from`` (and ``--map``) name."""
    source = Path(args.source)
    if not source.exists():
        raise UsageError(f"{args.source}: no such file or folder")
    mapping = None
    if args.map is not None:
        if not Path(args.map).is_file():
            raise UsageError(f"{args.map}: no such file")
        mapping = read_mapping(Path(args.map), diagnostics, args.map)
        if mapping is None:
            return None, None
    try:
        return import_matrix(source, diagnostics, args.source, mapping)
    except MissingLibrary as exc:
        raise UsageError(str(exc)) from None
