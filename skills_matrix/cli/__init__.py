"""The command line, ``skills-matrix``: :func:`main` parses the arguments and runs the
command, one module a command, each with its parser (``add``) beside what it does (``run``).
Tested by calling :func:`main` with the arguments and two streams."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from .. import __version__
from ..diagnostics import printable
from ..locale import from_environment, shipped, speaking
from . import assess, diff, export, init, progress, sheets, team, validate
from .common import UsageError

COMMANDS = (validate, assess, progress, export, sheets, diff, team, init)
"""The commands, in the order ``--help`` lists them."""

DESCRIPTION = (
    "Check a skills matrix, assess a profile or a team against it, export it (to a "
    "spreadsheet too) and import it back, compare two versions of it, or start a new "
    "framework project."
)
"""What ``--help`` says first: plain words (the module's docstring is reStructuredText)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="skills-matrix", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.add(commands)
    for name, each in commands.choices.items():
        if name == "init":
            continue  # its own --language: the new site's
        each.add_argument(
            "--language",
            metavar="CODE",
            help="the language of the report: "
            + ", ".join(shipped())
            + " (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)",
        )
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
        with speaking(args.language or from_environment()) as spoken:
            if args.language and not spoken.translated and spoken.code != "en":
                note = (
                    f"skills-matrix: note: no {args.language!r} words yet; the report is in English"
                )
                print(printable(note), file=err)
            return args.run(args, out, err)
    except UsageError as exc:
        print(printable(f"skills-matrix: error: {exc}"), file=err)
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
