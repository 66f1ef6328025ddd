from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures", "tests.browsing")

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
DATA = TESTS / "data"
SNAPSHOTS = TESTS / "snapshots"
PROJECT = TESTS.parent


@dataclass(frozen=True)
class BuiltSite:
    code: int
    """What ``sphinx-build`` returned: 0 for a clean, strict build."""
    warnings: str
    html: Path


@pytest.fixture(scope="session")
def strict_site(tmp_path_factory) -> BuiltSite:
    """The project's site, built once a run as the README's command builds it (strict:
    ``-nW --keep-going``), for every test that reads its pages or opens them in a browser."""
    from sphinx.cmd.build import build_main

    out = tmp_path_factory.mktemp("site")
    warnings = out / "warnings.txt"
    conf, docs = str(PROJECT / "conf"), str(PROJECT / "docs")
    options = ["-b", "html", "-nW", "--keep-going", "-q", "-w", str(warnings), "-c", conf]
    code = build_main([*options, docs, str(out / "html"), "-d", str(out / "doctrees")])
    return BuiltSite(code, warnings.read_text(encoding="utf-8"), out / "html")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test roots for ``@pytest.mark.sphinx(testroot=...)``: ``tests/roots/test-*``."""
    return ROOTS


@pytest.fixture
def snapshot():
    """Compare text with ``tests/snapshots/NAME``; ``SNAPSHOT_UPDATE=1`` writes it anew."""

    def check(name: str, text: str) -> None:
        path = SNAPSHOTS / name
        if os.environ.get("SNAPSHOT_UPDATE") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no snapshot {path}; run with SNAPSHOT_UPDATE=1 to write it"
        assert text == path.read_text(encoding="utf-8")

    return check


def missing(reason: str) -> None:
    """What a test needs from outside PyPI is missing: it skips, saying why, except in CI
    (CI=true, where .ci/run installs everything), where it fails."""
    if os.environ.get("CI"):
        pytest.fail(f"needed in CI: {reason}")
    pytest.skip(reason)


def need_program(name: str, why: str) -> str:
    """The path of a program from outside PyPI (.ci/run installs it)."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} is not installed ({why})")
    return found


def need_node() -> str:
    return need_program("node", "to run the browser's JavaScript")


def build_warnings(app) -> str:
    """The build's warnings, less docutils' notes that a second app in one process re-registers
    Sphinx's own nodes (an artefact of testing, not of the project)."""
    import re

    lines = app.warning.getvalue().splitlines()
    return "\n".join(
        re.sub(r"\x1b\[[0-9;]*m", "", line) for line in lines if "is already registered" not in line
    )


def _hypothesis_profiles() -> None:
    from hypothesis import settings

    settings.register_profile("ci", max_examples=1000)
    settings.register_profile("dev", max_examples=100)
    settings.load_profile("ci" if os.environ.get("CI") else "dev")


_hypothesis_profiles()


@pytest.fixture
def built_root(make_app, rootdir, tmp_path):
    """Build a copy of the test root ``tests/roots/test-NAME`` with a builder:
    ``built_root("ladder", "html")`` gives the built app."""

    def build(name: str, builder: str):
        import shutil

        srcdir = tmp_path / name
        if not srcdir.exists():
            shutil.copytree(rootdir / f"test-{name}", srcdir)
        app = make_app(builder, srcdir=srcdir)
        app.build()
        return app

    return build


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch):
    """The command line speaks the locale's language (skills_matrix.locale): every test
    starts from none, so English, whatever the machine running it speaks."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
