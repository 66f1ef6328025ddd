"""A data file's text: regular files only, at most :data:`~.source.MAX_BYTES`, counted as
read, decoded as UTF-8; then parsed by :func:`.source.parse_yaml`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostics
from .source import MAX_BYTES, parse_yaml


def read_yaml(path: Path, diagnostics: Diagnostics, display: str | None = None) -> object:
    """Read one YAML file; return its value, or ``None`` with errors in *diagnostics*
    (a document holding just ``null`` is ``None`` too, without errors)."""
    name = display or str(path)
    try:
        data = read_bytes(path)
    except ReadError as exc:
        diagnostics.error(name, 1, 1, exc.code, exc.message)
        return None
    return parse_yaml_bytes(data, name, diagnostics)


class ReadError(Exception):
    """A file that is not read: *code* (a diagnostic's) and *message* say why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def read_bytes(path: Path) -> bytes:
    """The bytes of the regular file at *path*; :class:`ReadError` when it is something else,
    too large or unreadable."""
    try:
        return _read_regular_file(path)
    except _NotRegular as exc:
        raise ReadError("file", f"{exc}: only regular files are read") from None
    except _TooLarge:
        raise ReadError(
            "limit",
            f"the file is over {MAX_BYTES // 2**20} MiB; larger files are refused (split the "
            "data into several files in a folder)",
        ) from None
    except OSError as exc:
        raise ReadError("file", f"cannot read the file: {exc.strerror or exc}") from None


class _NotRegular(Exception):
    """Not a regular file; the message says what it is."""


class _TooLarge(Exception):
    """More than :data:`MAX_BYTES`."""


def folder_files(
    folder: Path, diagnostics: Diagnostics | None = None, display: str | None = None
) -> list[Path]:
    """A folder's ``*.yaml`` regular files, in name order. Any other ``*.yaml`` entry (a
    folder, a pipe, a link to nothing) is left out with a warning naming it, when
    *diagnostics* are given (*display*: the folder's name in it)."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            kind = _file_kind(os.stat(path).st_mode)
        except OSError:
            kind = "a link to nothing" if path.is_symlink() else "unreadable"
        if kind is None:
            out.append(path)
        elif diagnostics is not None:
            name = f"{display}/{path.name}" if display else str(path)
            diagnostics.warning(
                name, 1, 1, "file", f"left out: this is {kind}, not a file of the folder's data"
            )
    return out


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`, counted as they are read.

    Devices, pipes and sockets are refused before anything is read from them (``stat`` says 0
    bytes for them, and reading ``/dev/zero`` or a pipe never ends); opening does not block.
    """
    kind = _file_kind(os.stat(path).st_mode)
    if kind:
        raise _NotRegular(f"this is {kind}, not a file")
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        kind = _file_kind(os.fstat(file.fileno()).st_mode)  # replaced since the stat?
        if kind:
            raise _NotRegular(f"this is {kind}, not a file")
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _TooLarge
    return data


def _file_kind(mode: int) -> str | None:
    """What a file of *mode* is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def parse_yaml_bytes(data: bytes, name: str, diagnostics: Diagnostics) -> object:
    """Decode UTF-8 (a BOM is allowed) and parse; see :func:`parse_yaml`."""
    if len(data) > MAX_BYTES:
        diagnostics.error(name, 1, 1, "limit", f"the text is over {MAX_BYTES // 2**20} MiB")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        diagnostics.error(
            name, 1, 1, "encoding", "the file is UTF-16; save it as UTF-8, the only encoding read"
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diagnostics.error(
            name,
            line,
            column,
            "encoding",
            f"the byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
        )
        return None
    return parse_yaml(text, name, diagnostics)
