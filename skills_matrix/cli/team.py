"""``team``: a team assessed together, who covers what."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..diagnostics import Diagnostics
from ..reading import load_team
from ..team import assess_team
from ..terminal import team_text
from .common import assessment_options, emit, load, must_exist, report


def add(commands) -> None:
    command = commands.add_parser("team", help="a team assessed together: who covers what")
    command.add_argument(
        "profiles", nargs="+", metavar="PROFILE_OR_FOLDER", help="profiles, or folders of them"
    )
    assessment_options(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    matrix = load(args.data, err)
    if matrix is None:
        return 1
    must_exist(args.profiles)
    diagnostics = Diagnostics()
    members = load_team(args.profiles, matrix, diagnostics)
    if members is None:
        report(diagnostics, err)
        return 1
    report(Diagnostics(diagnostics.warnings + diagnostics.notes), err)  # left out; renames
    result = assess_team(matrix, members, args.threshold)
    emit(args.format, out, result.to_json, lambda: team_text(matrix, result))
    return 0
