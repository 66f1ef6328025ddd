"""``skills-matrix init``: a new framework project written from the package's template
(``template/``: a Sphinx site of every directive over an example matrix with a ladder, a
noxfile, workflows for hosting, previews and the link check, a README)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

DOT = "dot-"
"""A template name starting with it is written starting with a dot (``dot-github`` is
``.github``): a wheel's data keeps no hidden files reliably."""


class FolderNotEmpty(Exception):
    """The folder holds something; nothing is written."""


def template_files() -> list[tuple[str, Traversable]]:
    """Each file of the template: its path in a new project, and the file."""
    out: list[tuple[str, Traversable]] = []
    stack: list[tuple[str, Traversable]] = [("", files(__package__) / "template")]
    while stack:
        prefix, folder = stack.pop()
        for entry in folder.iterdir():
            name = "." + entry.name[len(DOT) :] if entry.name.startswith(DOT) else entry.name
            if entry.name == "__pycache__":
                continue
            if entry.is_dir():
                stack.append((f"{prefix}{name}/", entry))
            else:
                out.append((prefix + name, entry))
    return sorted(out)


def new_project(folder: Path) -> list[str]:
    """Write the template into *folder* (made if need be; it must be empty). Returns the
    paths written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FolderNotEmpty(
            f"{folder} is not an empty folder; init writes a new project into a new or empty "
            "folder only, so that nothing is overwritten"
        )
    written = []
    for name, source in template_files():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as file:
            file.write(source.read_bytes())
        written.append(name)
    return written
