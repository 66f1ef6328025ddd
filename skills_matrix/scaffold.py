"""``skills-matrix init``: a new framework project written from the package's template
(``template/``: a Sphinx site of every directive over an example matrix with a ladder, a
noxfile, workflows for hosting, previews and the link check, a README)."""

from __future__ import annotations

import dataclasses as dc
import re
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from .output import new_file, new_folder

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


LANGUAGE = """
# The site's language: the extension's words follow it. The matrix's own texts are translated
# the gettext way: `sphinx-build -b gettext docs _build/gettext` writes skills-matrix.pot,
# translate it as locale/{language}/LC_MESSAGES/skills-matrix.po (README.md says how).
language = "{language}"
locale_dirs = ["locale"]
"""

DATA = "docs/_data/skills-matrix.yaml"
EXAMPLES = ("docs/_data/profiles/", "docs/_data/history/")
"""What only the example framework's pages use: left out of a project of a team's own data."""


@dc.dataclass(frozen=True)
class OwnData:
    """A team's own matrix for a new project: the text of its file, and what the pages
    name of it."""

    text: str
    title: str | None
    roles: tuple[tuple[str, str], ...]
    """(id, title) of each role, in the matrix's order."""


def new_project(folder: Path, own: OwnData | None = None, language: str | None = None) -> list[str]:
    """Write the template into *folder* (made if need be; it must be empty). Returns the
    paths written. With *own* data, the matrix is the team's and the pages name its roles,
    without the example's profiles; with a *language*, the site is written in it (the
    extension's words, and the matrix's own through ``docs/locale``)."""
    if folder.is_symlink() or (folder.exists() and (not folder.is_dir() or any(folder.iterdir()))):
        raise FolderNotEmpty(
            f"{folder} is not an empty folder; init writes a new project into a new or empty "
            "folder only, so that nothing is overwritten"
        )
    if not folder.exists():
        new_folder(folder)
    contents = {name: source.read_bytes() for name, source in template_files()}
    if own is not None:
        contents = {k: v for k, v in contents.items() if not k.startswith(EXAMPLES)}
        contents |= {name: text.encode("utf-8") for name, text in _own_pages(own).items()}
        conf = contents["docs/conf.py"].decode("utf-8")
        title = own.title or "Our skills matrix"
        conf = conf.replace('project = "Engineering skills"', f"project = {title!r}")
        contents["docs/conf.py"] = conf.encode("utf-8")
    if language is not None:
        conf = contents["docs/conf.py"].decode("utf-8")
        contents["docs/conf.py"] = (conf + LANGUAGE.format(language=language)).encode("utf-8")
    written = []
    for name, content in sorted(contents.items()):
        target = folder / name
        for parent in reversed(target.relative_to(folder).parents[:-1]):
            if not (folder / parent).is_dir():
                new_folder(folder / parent)
        with new_file(target, binary=True) as file:
            file.write(content)
        written.append(name)
    if not (folder / "docs" / "_data" / "profiles").is_dir():
        new_folder(folder / "docs" / "_data" / "profiles")
    return written


def _own_pages(own: OwnData) -> dict[str, str]:
    """The pages that name the example's roles and people, written for *own* data."""
    title = own.title or "Our skills matrix"
    sections = "".join(
        f"\n## {_heading(name)}\n\n```{{skills-role}} {ident}\n```\n" for ident, name in own.roles
    )
    return {
        DATA: own.text,
        "docs/index.md": f"# {_heading(title)}\n\n"
        "The skills behind our work, the roles and the level each expects, and how to see "
        "where you stand.\n\n```{toctree}\n:maxdepth: 1\n\nmatrix\nroles\nassess\nteam\n```\n",
        "docs/roles.md": "# The roles\n\nEach role, and the level it expects of each skill.\n\n"
        "```{skills-ladder}\n```\n\n```{skills-comparison}\n```\n" + sections,
        "docs/assess.md": "# Assess yourself\n\nPick your level in each skill: the page says "
        "which role you fit, what you work towards and your next steps. Your answers stay in "
        "your browser.\n\n```{skills-self-assessment}\n```\n",
        "docs/team.md": "# The team\n\nPut each person's self-assessment in `_data/profiles/` "
        "(a YAML file each: the form's Export writes one), then show the team here:\n\n"
        "````markdown\n```{skills-team} _data/profiles\n:anonymous:\n```\n````\n",
    }


def _heading(text: str) -> str:
    """*text* as a Markdown heading says it: characters that mean markup escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", " ".join(text.split()))
