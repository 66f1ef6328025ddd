"""``assess``: how well one profile fits each role, and its answer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..assessment import assess
from ..diagnostics import Diagnostics
from ..reading import load_profile
from ..terminal import assessment_text
from .common import UsageError, assessment_options, current_roles, emit, load, report


def add(commands) -> None:
    command = commands.add_parser("assess", help="how well a profile fits each role")
    command.add_argument("profile", help="a profile YAML file")
    command.add_argument("--role", help="assess only this role id")
    command.add_argument(
        "--aim", metavar="ROLE", help="the role to work towards (default: the profile's aim)"
    )
    assessment_options(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    matrix = load(args.data, err)
    if matrix is None:
        return 1
    args.role, args.aim = current_roles(matrix, err, args.role, args.aim)
    profile_path = Path(args.profile)
    if not profile_path.is_file():
        raise UsageError(f"{args.profile}: no such file")
    diagnostics = Diagnostics()
    profile = load_profile(profile_path, matrix, diagnostics)
    report(diagnostics if profile is None else Diagnostics(diagnostics.notes), err)
    if profile is None:
        return 1
    result = assess(matrix, profile, args.threshold, args.role, args.aim)
    emit(
        args.format,
        out,
        lambda: _with_edition(result.to_json(), profile),
        lambda: assessment_text(matrix, result, profile),
    )
    return 0


def _with_edition(document: dict, profile) -> dict:
    """The assessment's JSON, with what the profile was read through when it was written
    for an earlier edition (``edition``: renamed, merged, retired)."""
    if profile.edition:
        document["edition"] = [change.to_json() for change in profile.edition]
    return document
