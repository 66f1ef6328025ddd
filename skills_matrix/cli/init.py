"""``init``: a new framework project, with the example matrix or a team's own."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..diagnostics import Diagnostics, printable
from ..locale import _
from ..output import OutputError
from ..reading import load_matrix
from ..scaffold import FolderNotEmpty, OwnData, new_project
from ..spreadsheets.to_yaml import yaml_text
from .common import UsageError, report
from .sheets import imported


def add(commands) -> None:
    command = commands.add_parser(
        "init", help="a new framework project: an example matrix, its site, checks and hosting"
    )
    command.add_argument("folder", metavar="FOLDER", help="a new or empty folder")
    own = command.add_mutually_exclusive_group()
    own.add_argument(
        "--data", metavar="FILE", help="your own matrix (a YAML file) instead of the example"
    )
    own.add_argument(
        "--from",
        dest="source",
        metavar="FILE_OR_FOLDER",
        help="your own matrix from a workbook or CSV files, as import reads them",
    )
    command.add_argument(
        "--map", metavar="MAPPING", help="with --from: how your sheets hold the matrix"
    )
    command.add_argument(
        "--language",
        metavar="CODE",
        type=_language,
        help="the site's language (de, fr, …): its conf.py says it, and this command too",
    )
    command.set_defaults(run=run)


def _language(code: str) -> str:
    """*code* if it names a language (CLDR's, as Sphinx's ``language`` takes them)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise argparse.ArgumentTypeError(f"{code!r} is not a language code") from None
    return code


def _own_data(args: argparse.Namespace, err: TextIO) -> OwnData | None:
    """The team's own matrix that ``init --data`` or ``--from`` names; raises
    :class:`_Invalid` when it has errors (reported)."""
    if args.map is not None and args.source is None:
        raise UsageError("--map goes with --from: the sheets it maps")
    if args.data is None and args.source is None:
        return None
    diagnostics = Diagnostics()
    if args.data is not None:
        path = Path(args.data)
        if not path.is_file():
            raise UsageError(f"{args.data}: no such file (give the matrix as one YAML file)")
        matrix = load_matrix(path, diagnostics, args.data)
        text = path.read_text(encoding="utf-8-sig") if matrix is not None else ""
    else:
        matrix, data = imported(args, diagnostics)
        text = yaml_text(data, args.source) if data is not None else ""
    report(diagnostics if matrix is None else Diagnostics(diagnostics.warnings), err)
    if matrix is None:
        raise _Invalid
    return OwnData(text, matrix.title, tuple((r.id, r.title) for r in matrix.roles))


class _Invalid(Exception):
    """The data given has errors, reported (exit status 1)."""


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    folder = Path(args.folder)
    try:
        own = _own_data(args, err)
    except _Invalid:
        return 1
    try:
        written = new_project(folder, own, args.language)
    except (FolderNotEmpty, OutputError) as exc:
        raise UsageError(str(exc)) from None
    # said in the language main() speaks: the new site's, else the locale's
    wrote = _("Wrote a new framework project in {folder} ({count} files).")
    then = _(
        "Next: cd {folder}, edit docs/_data/skills-matrix.yaml, and build the site with "
        "{command} (README.md says more)."
    )
    command = "'python3 -m pip install nox && python3 -m nox -s docs'"
    print(printable(wrote.format(folder=folder, count=len(written))), file=out)
    print(printable(then.format(folder=folder, command=command)), file=out)
    return 0
