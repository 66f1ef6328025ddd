"""The layers of docs/reference/architecture.md: what may import what."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from .conftest import PROJECT

PACKAGE = PROJECT / "skills_matrix"

ALLOWED = {
    "format": set(),
    "diagnostics": set(),
    "locale": set(),
    "model": {"diagnostics", "format"},
    "profile": {"model"},
    "plain": {"format", "model"},
    "reading": {"diagnostics", "format", "model", "profile"},
    "spreadsheets": {"diagnostics", "format", "model", "output", "plain", "reading"},
    "output": set(),
    "scaffold": {"output"},
    "assessment": {"format", "locale", "model", "point_totals", "profile"},
    "point_totals": {"model", "profile"},
    "progress": {"assessment", "format", "model", "profile"},
    "team": {"assessment", "format", "model", "profile"},
    "grid": {"locale", "model"},
    "chart": {"assessment", "locale", "model", "profile"},
    "export": {"format", "grid", "locale", "model", "plain", "spreadsheets"},
    "diff": {"format", "model", "profile", "export"},
    "wording": {"assessment", "locale", "model", "point_totals", "profile", "progress"},
    "terminal": {"assessment", "locale", "model", "profile", "progress", "team", "wording"},
    "schemas": {"format", "spreadsheets"},
    "typings": {"format"},
    "revisions": set(),
    "translation": {"format", "model"},
}
"""Core module (or package) -> the package's modules it may import."""


def internal_imports(path) -> set[str]:
    """The first part of every module of the package that *path* imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1  # 0 for skills_matrix/x.py
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            parts = (node.module or "").split(".") if node.module else []
            if node.level - 1 < depth:  # inside its own subpackage
                base = path.relative_to(PACKAGE).parts[0]
                found.add(base)
            elif parts:
                found.add(parts[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("skills_matrix"):
            found.add((node.module.split(".") + [""])[1] or "skills_matrix")
    return found


def test_core_modules_import_only_lower_layers():
    for name, allowed in ALLOWED.items():
        paths = (
            list((PACKAGE / name).glob("*.py"))
            if (PACKAGE / name).is_dir()
            else [PACKAGE / f"{name}.py"]
        )
        for path in paths:
            extra = internal_imports(path) - allowed - {name}
            assert not extra, f"{path.relative_to(PROJECT)} imports {sorted(extra)}"


def test_every_core_module_has_a_rule():
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()
    }
    assert modules - {"__init__", "cli", "ext"} == set(ALLOWED)


def test_cli_and_extension_do_not_import_each_other():
    for path in (PACKAGE / "cli").glob("*.py"):
        assert "ext" not in internal_imports(path), path
    for path in (PACKAGE / "ext").rglob("*.py"):
        assert "cli" not in internal_imports(path), path


def own_imports(path, folder=None) -> set[str]:
    """The modules of the package in *folder* (by default the module's own) that the module at
    *path*, in it or below it, imports, by name: ``fields`` for ``from .fields import`` in
    ``reading/assembly.py`` or ``from ..fields import`` in ``reading/rules/lint.py``."""
    depth = len(path.relative_to(folder or path.parent).parts) - 1
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == depth + 1 and node.module
    }


INSIDE = {
    # reading: files read and checked field by field; the rules that span objects apart,
    # called by assembly alone
    "reading": {
        "scalars": set(),
        "source": {"scalars"},
        "files": {"source"},
        "shapes": set(),
        "fields": {"files", "shapes", "source"},
        "rules": {"fields", "source"},
        "assembly": {"fields", "files", "rules", "source"},
        "profiles": {"fields", "source"},
        "teams": {"files", "profiles"},
        "__init__": {"assembly", "profiles", "teams"},
    },
    # spreadsheets: the layout and a cell's rules below everything; reading files apart from
    # writing them; a mapping below what it is applied by
    "spreadsheets": {
        "layout": set(),
        "cells": set(),
        "mapping": set(),
        "xlsx": set(),
        "compose": {"cells", "layout"},
        "read": {"cells", "compose", "xlsx"},
        "mapping_file": {"mapping"},
        "mapped_columns": {"compose", "mapping_file"},
        "mapped": {"compose", "layout", "mapped_columns", "mapping", "mapping_file"},
        "write": {"cells", "layout"},
        "to_yaml": {"compose", "mapped", "mapping_file", "read"},
        "__init__": set(),
    },
    # cli: one module a command, each with what every command shares (init imports the
    # sheets it is given through the import command's reading)
    "cli": {
        "common": set(),
        "sheets": {"common"},
        "init": {"common", "sheets"},
        **{c: {"common"} for c in ("validate", "assess", "progress", "team", "export", "diff")},
        "__init__": {"common"},
    },
}
"""Package -> its module -> the modules of the same package it may import."""


def test_each_package_is_layered_inside():
    for package, rules in INSIDE.items():
        folder = PACKAGE / package
        assert {p.stem for p in folder.glob("*.py")} | {
            p.name for p in folder.iterdir() if (p / "__init__.py").exists()
        } == set(rules), package
        for name, allowed in rules.items():
            path = folder / f"{name}.py" if (folder / f"{name}.py").exists() else folder / name
            paths = list(path.glob("*.py")) if path.is_dir() else [path]
            for one in paths:
                inside = own_imports(one, folder) - {name}
                assert inside <= allowed, f"{one.relative_to(PROJECT)} imports {sorted(inside)}"


def test_directives_stand_on_the_extensions_infrastructure():
    """``ext/directives`` hold what pages use; the rest of ``ext`` never imports them, but
    for ``ext/__init__.py``, which sets each up."""
    for path in (PACKAGE / "ext").glob("*.py"):
        if path.name != "__init__.py":
            assert "directives" not in own_imports(path), path


def test_core_and_cli_load_no_sphinx_or_docutils():
    modules = [f"skills_matrix.{name}" for name in ALLOWED] + [
        f"skills_matrix.{package}.{path.stem}"
        for package in ("reading", "spreadsheets", "cli")
        for path in (PACKAGE / package).glob("*.py")
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_architecture_page_shows_the_tree():
    """Every module and folder of the package is on the page's tree, under its own name, and
    the tree names nothing that is not there."""
    page = (PROJECT / "docs" / "reference" / "architecture.md").read_text(encoding="utf-8")
    tree = page.split("```text", 1)[1].split("```", 1)[0]
    shown = set()
    for line in tree.splitlines():
        named = re.match(r"([^\s─].*?)(?: {2,}|\s*[│─┐┘]|$)", line)  # what starts a line
        if named:
            shown |= {name.strip() for name in named[1].split(",")}
    top = {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    folders = {
        f"{p.relative_to(PACKAGE)}/"
        for p in PACKAGE.rglob("*")
        if p.is_dir() and ((p / "__init__.py").exists() or p.name == "static")
    }
    # the type check's files beside the extension's modules
    checking = {
        f"ext/{p.name}" for p in (PACKAGE / "ext").iterdir() if p.suffix in {".json", ".ts"}
    }
    assert shown == top | folders | checking


def test_no_module_is_too_long_to_read():
    """A module or script over 400 lines is two jobs; format.py is the one exception (the
    declaration reads best whole, as its docstring says)."""
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in [*PACKAGE.rglob("*.py"), *(PACKAGE / "ext" / "static").glob("*.js")]
        if "template" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long.keys() == {"format.py"}, long
