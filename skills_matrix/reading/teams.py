"""A team's profiles: files and folders of them, read against one matrix, each member named."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..diagnostics import Diagnostics, printable
from ..model import Matrix
from ..profile import Member, Profile, same_name
from .files import folder_files
from .profiles import load_profile


def team_files(paths: Sequence[Path], diagnostics: Diagnostics | None = None) -> list[Path]:
    """The profile files named: each file as given, each folder's ``*.yaml`` regular files in
    name order (what else is there is left out, with a warning in *diagnostics* when given)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += folder_files(path, diagnostics)
        else:
            files.append(path)
    return files


def load_team(
    paths: Sequence[Path | str],
    matrix: Matrix,
    diagnostics: Diagnostics | None = None,
    read: Callable[[Path], Profile | None] | None = None,
) -> list[Member] | None:
    """The members of a team, in input order; ``None`` when any profile has errors (each is
    reported at its place), when two members share a name, or when there is nobody.

    *read* reads one profile (by default :func:`.load_profile`, reporting to *diagnostics*;
    the Sphinx extension passes its build's cache, which reports its own)."""
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    if read is None:
        read = lambda file: load_profile(file, matrix, diagnostics)  # noqa: E731
    before = len(diagnostics.errors)
    files = team_files([Path(p) for p in paths], diagnostics)
    if not files:
        where = str(paths[0]) if paths else "."
        diagnostics.error(where, 1, 1, "file", "no profiles: the folder holds no *.yaml files")
        return None
    members: list[Member] = []
    named: dict[str, Path] = {}
    failed = False
    for file in files:
        profile = read(file)
        if profile is None:
            failed = True
            continue
        name = profile.name or printable(file.stem)  # a file name may hold anything
        key = same_name(name)
        if key in named:
            diagnostics.error(
                str(file),
                1,
                1,
                "duplicate-member",
                f"the member {name!r} is named in {named[key]} too; two members of a team "
                "need two names (give each profile its own 'name')",
            )
            continue
        named[key] = file
        members.append(Member(name, profile))
    return None if failed or len(diagnostics.errors) != before else members
