"""The layers of docs/reference/architecture.md: what may import what."""

from __future__ import annotations

import ast
import subprocess
import sys

from .conftest import PROJECT

PACKAGE = PROJECT / "skills_matrix"

ALLOWED = {
    "format": set(),
    "mapping": {"format"},
    "diagnostics": set(),
    "model": {"diagnostics", "format"},
    "reading": {"diagnostics", "format", "mapping", "model", "reading", "sheets"},
    "sheets": {"format"},
    "project": {"output"},
    "output": set(),
    "progress": {"assessment", "format", "model"},
    "chart": {"assessment", "model"},
    "spreadsheets": {"diagnostics", "export", "model", "output", "reading", "sheets"},
    "assessment": {"format", "model", "points"},
    "points": {"model"},
    "table": {"model"},
    "export": {"format", "model", "sheets", "table"},
    "diff": {"format", "model", "export"},
    "report": {"assessment", "model", "progress", "team", "wording"},
    "wording": {"assessment", "model", "progress"},
    "schemas": {"format", "mapping"},
    "revisions": set(),
    "team": {"assessment", "format", "model"},
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
    assert "ext" not in internal_imports(PACKAGE / "cli.py")
    for path in (PACKAGE / "ext").glob("*.py"):
        assert "cli" not in internal_imports(path), path


def test_core_and_cli_load_no_sphinx_or_docutils():
    modules = [f"skills_matrix.{name}" for name in ALLOWED] + ["skills_matrix.cli"]
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
