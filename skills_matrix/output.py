"""Where commands write: new files and new folders only, never over anything, never through a
link; every way it can fail said in one sentence that names the path (:class:`OutputError`)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """The output cannot be written where it was asked; the message says why."""


def _why(path: Path, exc: OSError) -> str:
    if exc.errno == errno.EEXIST or path.is_symlink():
        return f"{path} exists; nothing is overwritten: move it or name another"
    if exc.errno == errno.ENOENT:
        return f"{path.parent} does not exist: make the folder first, or name another"
    if exc.errno == errno.ENOTDIR:
        return f"{path.parent} is not a folder"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{path}: no permission to write there"
    return f"{path}: cannot be written ({exc.strerror or exc})"


def refuse_existing(path: Path) -> None:
    """Refuse *path* when a file, a folder or a link (even to nothing) is there already."""
    if path.exists() or path.is_symlink():
        raise OutputError(_why(path, OSError(errno.EEXIST, "exists")))


def new_file(path: Path, binary: bool = False) -> IO:
    """*path* opened for writing, made new: its folder must exist; a file, a folder or a link
    (even to nothing) already there is refused."""
    path = Path(path)
    refuse_existing(path)
    try:
        if binary:
            return open(path, "xb")  # noqa: SIM115 - the caller closes it
        return open(path, "x", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise OutputError(_why(path, exc)) from None


def new_folder(path: Path, *, empty_ok: bool = True) -> None:
    """Make the folder *path* (its parent must exist); an empty real folder already there is
    taken when *empty_ok*; anything else there (a file, a link, a folder holding something)
    is refused."""
    path = Path(path)
    if path.is_symlink():
        raise OutputError(f"{path} is a link; name a new folder")
    if path.is_dir():
        if empty_ok and not any(os.scandir(path)):
            return
        raise OutputError(f"{path} is not an empty folder; nothing is overwritten: name another")
    try:
        path.mkdir()
    except OSError as exc:
        raise OutputError(_why(path, exc)) from None
