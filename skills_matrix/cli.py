"""The ``skills-matrix`` command line: validate, assess, progress, export, import, diff,
team, init.

``main(argv)`` returns the exit status: 0 success, 1 invalid data or profile (or warnings
with ``validate --strict``), 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__, diff, revisions
from .assessment import assess
from .diagnostics import Diagnostics, printable
from .export import EXPORTERS
from .format import DEFAULT_THRESHOLD
from .model import Matrix, SelectionError
from .output import OutputError, new_file
from .progress import ProgressError, progress
from .project import FolderNotEmpty, OwnData, new_project
from .reading import load_matrix, load_profile, load_team
from .reading.mapping_file import read_mapping
from .reading.tables import MissingLibrary
from .reading.teams import team_files
from .report import assessment_text, progress_text, team_text
from .spreadsheets import WRITERS, import_matrix, yaml_text
from .team import assess_team

DEFAULT_DATA = Path("docs", "_data", "skills-matrix.yaml")
DESCRIPTION = (
    "Check a skills matrix, assess a profile or a team against it, export it (to a "
    "spreadsheet too) and import it back, compare two versions of it, or start a new "
    "framework project."
)
"""What ``--help`` says first: plain words (the module's docstring is reStructuredText)."""


class UsageError(Exception):
    """The command was used wrongly (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="skills-matrix", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="check a matrix; list every problem")
    validate.add_argument(
        "path", nargs="?", help=f"a matrix file or folder (default: the project's {DEFAULT_DATA})"
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    assess_cmd = commands.add_parser("assess", help="how well a profile fits each role")
    assess_cmd.add_argument("profile", help="a profile YAML file")
    assess_cmd.add_argument("--role", help="assess only this role id")
    assess_cmd.add_argument(
        "--aim", metavar="ROLE", help="the role to work towards (default: the profile's aim)"
    )
    _assessment_options(assess_cmd)

    progress_cmd = commands.add_parser(
        "progress", help="one person's dated profiles over time: what changed between them"
    )
    progress_cmd.add_argument(
        "profiles", nargs="+", metavar="PROFILE_OR_FOLDER", help="profiles, or folders of them"
    )
    progress_cmd.add_argument(
        "--aim", metavar="ROLE", help="the role worked towards (default: each profile's aim)"
    )
    _assessment_options(progress_cmd)

    export = commands.add_parser(
        "export",
        help="the matrix as JSON, as sheets (a workbook or CSV files), or its grid as CSV or "
        "Markdown",
    )
    export.add_argument("path", nargs="?", help="a matrix file or folder")
    export.add_argument(
        "--format",
        choices=(*EXPORTERS, *WRITERS),
        default="json",
        help="xlsx: a workbook, a sheet for each part; tables: the same sheets as a folder of "
        "CSV files; csv and markdown: the skills-versus-responsibilities grid",
    )
    export.add_argument(
        "--output",
        metavar="PATH",
        help="write to this new file (for tables, a folder); needed for xlsx and tables",
    )

    import_cmd = commands.add_parser(
        "import", help="a workbook or a folder of CSV sheets back into a YAML matrix"
    )
    import_cmd.add_argument(
        "source", metavar="FILE_OR_FOLDER", help="an .xlsx workbook, or a folder of .csv files"
    )
    import_cmd.add_argument("--output", metavar="FILE", help="write the YAML to this new file")
    import_cmd.add_argument(
        "--map",
        metavar="MAPPING",
        help="a mapping file: how sheets in your own shape hold the matrix (which sheet holds "
        "what, which column is which key)",
    )

    diff_cmd = commands.add_parser("diff", help="what changed between two versions")
    diff_cmd.add_argument("old", help="a matrix path, or REV:PATH for a git revision")
    diff_cmd.add_argument("new", help="a matrix path, or REV:PATH for a git revision")
    diff_cmd.add_argument("--format", choices=tuple(diff.FORMATS), default="markdown")
    diff_cmd.add_argument(
        "--profiles",
        nargs="+",
        metavar="PROFILE_OR_FOLDER",
        help="profiles of the old version: name the answers a removed level or skill affects",
    )

    team = commands.add_parser("team", help="a team assessed together: who covers what")
    team.add_argument(
        "profiles", nargs="+", metavar="PROFILE_OR_FOLDER", help="profiles, or folders of them"
    )
    _assessment_options(team)

    init = commands.add_parser(
        "init", help="a new framework project: an example matrix, its site, checks and hosting"
    )
    init.add_argument("folder", metavar="FOLDER", help="a new or empty folder")
    own = init.add_mutually_exclusive_group()
    own.add_argument(
        "--data", metavar="FILE", help="your own matrix (a YAML file) instead of the example"
    )
    own.add_argument(
        "--from",
        dest="source",
        metavar="FILE_OR_FOLDER",
        help="your own matrix from a workbook or CSV files, as import reads them",
    )
    init.add_argument(
        "--map", metavar="MAPPING", help="with --from: how your sheets hold the matrix"
    )
    return parser


def _assessment_options(command: argparse.ArgumentParser) -> None:
    """The options ``assess`` and ``team`` share: the data, the threshold, the format."""
    command.add_argument("--data", help="the matrix file or folder")
    command.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        help="the fit a role needs, 0 to 1 (default: %(default)s)",
    )
    command.add_argument("--format", choices=("text", "json"), default="text")


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def _data_path(arg: str | None) -> Path:
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


def _report(diagnostics: Diagnostics, err: TextIO) -> None:
    for diagnostic in diagnostics.sorted():
        print(diagnostic, file=err)


def _current_role(matrix: Matrix, role: str | None, err: TextIO) -> str | None:
    """*role*, or its new id when the matrix has renamed it (said, as a note)."""
    new = matrix.renamed("roles").get(role) if role is not None else None
    if new is None:
        return role
    print(
        printable(f"skills-matrix: note: the role {role!r} is read as {new!r}, its new id"),
        file=err,
    )
    return new


def _emit(form: str, out: TextIO, document: Callable[[], dict], text: Callable[[], str]) -> None:
    """A result as ``--format json`` (one line) or as text, whichever was asked for."""
    if form == "json":
        json.dump(document(), out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(printable(text()))


def _load(arg: str | None, err: TextIO) -> Matrix | None:
    diagnostics = Diagnostics()
    matrix = load_matrix(_data_path(arg), diagnostics)
    _report(diagnostics if matrix is None else Diagnostics(diagnostics.errors), err)
    return matrix


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = _data_path(args.path)
    diagnostics = Diagnostics()
    load_matrix(path, diagnostics)
    _report(diagnostics, out)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    print(printable(f"{path}: {errors} error(s), {warnings} warning(s)"), file=err)
    return 1 if errors or (args.strict and warnings) else 0


def cmd_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    matrix = _load(args.data, err)
    if matrix is None:
        return 1
    try:
        args.role, args.aim = (_current_role(matrix, r, err) for r in (args.role, args.aim))
        matrix.pick("roles", [r for r in (args.role, args.aim) if r is not None])
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    profile_path = Path(args.profile)
    if not profile_path.is_file():
        raise UsageError(f"{args.profile}: no such file")
    diagnostics = Diagnostics()
    profile = load_profile(profile_path, matrix, diagnostics)
    _report(diagnostics if profile is None else Diagnostics(diagnostics.notes), err)
    if profile is None:
        return 1
    result = assess(matrix, profile, args.threshold, args.role, args.aim)
    _emit(
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


def cmd_progress(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    matrix = _load(args.data, err)
    if matrix is None:
        return 1
    try:
        args.aim = _current_role(matrix, args.aim, err)
        matrix.pick("roles", [args.aim] if args.aim else [])
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    missing = [p for p in args.profiles if not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    diagnostics = Diagnostics()
    profiles = []
    for file in team_files([Path(p) for p in args.profiles], diagnostics):
        profiles.append(load_profile(file, matrix, diagnostics))
    _report(diagnostics, err)
    if diagnostics.errors or not profiles:
        if not profiles:
            print("skills-matrix: error: no profiles: the folders hold no *.yaml files", file=err)
        return 1
    try:
        result = progress(matrix, profiles, args.threshold, args.aim)
    except ProgressError as exc:
        print(printable(f"skills-matrix: error: {exc}"), file=err)
        return 1
    _emit(args.format, out, result.to_json, lambda: progress_text(matrix, result))
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.format in WRITERS and not args.output:
        raise UsageError(f"--format {args.format} writes files: give --output PATH")
    matrix = _load(args.path, err)
    if matrix is None:
        return 1
    try:
        if args.format in WRITERS:
            for dropped in WRITERS[args.format](matrix, Path(args.output)):
                print(printable(f"skills-matrix: warning: left out: {dropped}"), file=err)
        else:
            _write(EXPORTERS[args.format](matrix), args.output, out)
    except (MissingLibrary, OutputError) as exc:
        raise UsageError(str(exc)) from None
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    diagnostics = Diagnostics()
    _, data = _imported(args, diagnostics)
    _report(diagnostics, err)
    if data is None:
        return 1
    try:
        _write(yaml_text(data, args.source), args.output, out)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    return 0


def _write(text: str, output: str | None, out: TextIO) -> None:
    """*text* to the new file *output*, or to *out*; never over a file."""
    if output is None:
        out.write(text)
        return
    with new_file(Path(output)) as file:
        file.write(text)


def cmd_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with tempfile.TemporaryDirectory(prefix="skills-matrix-diff-") as tmp:
        matrices = []
        for index, arg in enumerate((args.old, args.new)):
            path, display = _revision_path(arg, Path(tmp, str(index)))
            diagnostics = Diagnostics()
            matrix = load_matrix(path, diagnostics, display)
            if matrix is None:
                _report(diagnostics, err)
                return 1
            matrices.append(matrix)
    members = []
    if args.profiles:
        missing = [p for p in args.profiles if not Path(p).exists()]
        if missing:
            raise UsageError(f"{missing[0]}: no such file or folder")
        diagnostics = Diagnostics()
        members = load_team(args.profiles, matrices[0], diagnostics)
        if members is None:
            _report(diagnostics, err)
            return 1
    changes = diff.diff(*matrices, members)
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
        return _data_path(arg), arg
    try:
        return revisions.write_out(*found, tmp), arg
    except revisions.RevisionError as exc:
        raise UsageError(f"{arg}: {exc}") from None


def cmd_team(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    matrix = _load(args.data, err)
    if matrix is None:
        return 1
    missing = [p for p in args.profiles if not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    diagnostics = Diagnostics()
    members = load_team(args.profiles, matrix, diagnostics)
    if members is None:
        _report(diagnostics, err)
        return 1
    _report(Diagnostics(diagnostics.warnings + diagnostics.notes), err)  # left out; renames
    result = assess_team(matrix, members, args.threshold)
    _emit(args.format, out, result.to_json, lambda: team_text(matrix, result))
    return 0


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
        matrix, data = _imported(args, diagnostics)
        text = yaml_text(data, args.source) if data is not None else ""
    _report(diagnostics if matrix is None else Diagnostics(diagnostics.warnings), err)
    if matrix is None:
        raise _Invalid
    return OwnData(text, matrix.title, tuple((r.id, r.title) for r in matrix.roles))


class _Invalid(Exception):
    """The data given has errors, reported (exit status 1)."""


def _imported(args: argparse.Namespace, diagnostics: Diagnostics):
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


def cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    folder = Path(args.folder)
    try:
        own = _own_data(args, err)
    except _Invalid:
        return 1
    try:
        written = new_project(folder, own)
    except (FolderNotEmpty, OutputError) as exc:
        raise UsageError(str(exc)) from None
    print(printable(f"Wrote a new framework project in {folder} ({len(written)} files)."), file=out)
    print(
        printable(
            f"Next: cd {folder}, edit docs/_data/skills-matrix.yaml, and build the site with "
            "'python3 -m pip install nox && python3 -m nox -s docs' (README.md says more)."
        ),
        file=out,
    )
    return 0


COMMANDS = {
    "validate": cmd_validate,
    "assess": cmd_assess,
    "progress": cmd_progress,
    "export": cmd_export,
    "import": cmd_import,
    "diff": cmd_diff,
    "team": cmd_team,
    "init": cmd_init,
}


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args, out, err)
    except UsageError as exc:
        print(printable(f"skills-matrix: error: {exc}"), file=err)
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
