"""``progress``: one person's dated profiles, and what changed between them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..diagnostics import Diagnostics, printable
from ..progress import ProgressError, progress
from ..reading import load_profile
from ..reading.teams import team_files
from ..terminal import progress_text
from .common import assessment_options, current_roles, emit, load, must_exist, report


def add(commands) -> None:
    command = commands.add_parser(
        "progress", help="one person's dated profiles over time: what changed between them"
    )
    command.add_argument(
        "profiles", nargs="+", metavar="PROFILE_OR_FOLDER", help="profiles, or folders of them"
    )
    command.add_argument(
        "--aim", metavar="ROLE", help="the role worked towards (default: each profile's aim)"
    )
    assessment_options(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    matrix = load(args.data, err)
    if matrix is None:
        return 1
    (args.aim,) = current_roles(matrix, err, args.aim)
    must_exist(args.profiles)
    diagnostics = Diagnostics()
    files = team_files([Path(p) for p in args.profiles], diagnostics)
    read = [load_profile(file, matrix, diagnostics) for file in files]
    profiles = [p for p in read if p is not None]
    report(diagnostics, err)
    if diagnostics.errors or not read:
        if not read:
            print("skills-matrix: error: no profiles: the folders hold no *.yaml files", file=err)
        return 1
    try:
        result = progress(matrix, profiles, args.threshold, args.aim)
    except ProgressError as exc:
        print(printable(f"skills-matrix: error: {exc}"), file=err)
        return 1
    emit(args.format, out, result.to_json, lambda: progress_text(matrix, result))
    return 0
