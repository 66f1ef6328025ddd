"""``diff``: what changed between two versions of a matrix (paths or git revisions)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TextIO

from .. import diff, revisions
from ..diagnostics import Diagnostics
from ..profile import Member
from ..reading import load_matrix, load_team
from .common import UsageError, data_path, must_exist, report


def add(commands) -> None:
    command = commands.add_parser("diff", help="what changed between two versions")
    command.add_argument("old", help="a matrix path, or REV:PATH for a git revision")
    command.add_argument("new", help="a matrix path, or REV:PATH for a git revision")
    command.add_argument("--format", choices=tuple(diff.FORMATS), default="markdown")
    command.add_argument(
        "--profiles",
        nargs="+",
        metavar="PROFILE_OR_FOLDER",
        help="profiles of the old version: name the answers a removed level or skill affects",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with tempfile.TemporaryDirectory(prefix="skills-matrix-diff-") as tmp:
        matrices = []
        for index, arg in enumerate((args.old, args.new)):
            path, display = _revision_path(arg, Path(tmp, str(index)))
            diagnostics = Diagnostics()
            matrix = load_matrix(path, diagnostics, display)
            if matrix is None:
                report(diagnostics, err)
                return 1
            matrices.append(matrix)
    members: list[Member] | None = []
    if args.profiles:
        must_exist(args.profiles)
        diagnostics = Diagnostics()
        members = load_team(args.profiles, matrices[0], diagnostics)
        if members is None:
            report(diagnostics, err)
            return 1
    before, after = matrices
    changes = diff.diff(before, after, members or ())
    out.write(diff.FORMATS[args.format](changes, args.old, args.new))
    return 0


def _revision_path(arg: str, tmp: Path) -> tuple[Path, str]:
    """A matrix path for *arg*: ``REV:PATH`` written out from git when git takes ``REV`` as a
    revision (even if a local path has that name), else a path as it is."""
    if arg.startswith("-"):
        raise UsageError(f"{arg}: a path or a revision cannot start with '-'")
    found = revisions.split(arg)
    if found is None:
        if ":" in arg and not Path(arg).exists():
            rev = arg.partition(":")[0]
            raise UsageError(
                f"{arg}: no such file or folder, and git takes {rev!r} for no revision here"
            )
        return data_path(arg), arg
    try:
        return revisions.write_out(*found, tmp), arg
    except revisions.RevisionError as exc:
        raise UsageError(f"{arg}: {exc}") from None
