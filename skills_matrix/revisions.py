"""A matrix as a git revision holds it: ``REV:PATH``, written out to a folder to be read.

``REV:PATH`` means the revision whenever git accepts ``REV`` as one (``git rev-parse
--verify``), even if a local file or folder has that literal name: a pull request cannot make
a review compare the wrong thing by adding a folder called ``<base sha>:docs/_data``. Only
blobs named ``*.yaml`` are taken from a folder (a submodule or a link is not data); names are
read NUL-separated, so that any name survives; a revision never reaches git as an option.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath


class RevisionError(Exception):
    """git cannot give what was asked; the message says why, in words."""


_ENV = {**os.environ, "GIT_LITERAL_PATHSPECS": "1"}
"""A path is a path to git, never a pattern."""
_FILE_MODES = ("100644", "100755")
"""Blobs that are files (a link is a blob too, of mode 120000)."""


def _git_bytes(*args: str) -> bytes:
    """What ``git ARGS`` prints; a failure is a :class:`RevisionError` in git's words."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False, env=_ENV)
    except OSError as exc:
        raise RevisionError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def _git(*args: str) -> str:
    return _git_bytes(*args).decode("utf-8", "replace")


def is_revision(rev: str) -> bool:
    """Whether git takes *rev* as a commit of the repository of the current folder."""
    if not rev or rev.startswith("-"):
        return False
    try:
        _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except RevisionError:
        return False
    return True


def split(arg: str) -> tuple[str, str] | None:
    """``(REV, PATH)`` when *arg* is ``REV:PATH`` with a revision git accepts, else ``None``."""
    rev, colon, rel = arg.partition(":")
    if not colon or not rel or not is_revision(rev):
        return None
    return rev, rel


def write_out(rev: str, rel: str, folder: Path) -> Path:
    """Write the matrix at *rel* (a file, or a folder's ``*.yaml`` blobs) as *rev* holds it
    into *folder*; return the path to read it from."""
    prefix = _git("rev-parse", "--show-prefix").strip()
    rel = str(PurePosixPath(prefix, rel)).rstrip("/")
    listing = _git_bytes("ls-tree", "-z", "--full-tree", "--end-of-options", rev, "--", rel)
    entries = [_entry(item) for item in listing.split(b"\0") if item]
    if not entries:
        raise RevisionError(f"{rev} has no {rel}")
    mode, kind, sha, name = entries[0]
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "blob" and mode in _FILE_MODES:
        target = folder / PurePosixPath(name).name
        target.write_bytes(_git_bytes("cat-file", "blob", sha))
        return target
    if kind != "tree":
        raise RevisionError(f"{rel} in {rev} is not a file or a folder (a link or a submodule?)")
    inside = _git_bytes("ls-tree", "-z", "--end-of-options", sha)
    for item in inside.split(b"\0"):
        if not item:
            continue
        mode, kind, sha_inside, name = _entry(item)
        if kind == "blob" and mode in _FILE_MODES and name.endswith(".yaml"):
            (folder / name).write_bytes(_git_bytes("cat-file", "blob", sha_inside))
    return folder


def _entry(item: bytes) -> tuple[str, str, str, str]:
    """``(mode, type, object id, name)`` of one ``ls-tree -z`` entry."""
    meta, _, name = item.partition(b"\t")
    mode, kind, sha = meta.decode("ascii").split()
    return mode, kind, sha, name.decode("utf-8", "surrogateescape")
