"""Build the site, check its links, run the tests: ``nox -s docs``, ``nox -s tests``.

Every dependency is declared once, in pyproject.toml's extras; sessions install those.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["docs", "tests", "lint"]
nox.needs_version = ">=2024.3.2"

PYTHON = "3.11"
BUILD = Path("_build")
SPHINX_STRICT = ["-nW", "--keep-going", "-c", "conf", "docs"]
# The oldest and newest releases the extension supports (pyproject.toml's [sphinx] extra).
SPHINX_RANGE = {
    "oldest": ["sphinx==8.0.*", "docutils==0.20.*", "myst-parser==4.0.*"],
    "newest": ["sphinx==9.0.*", "docutils==0.22.*", "myst-parser==5.*"],
}


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site strictly: nitpicky, warnings are errors."""
    session.install("-e", ".[docs]")
    builder = session.posargs[0] if session.posargs else "html"
    session.run("sphinx-build", "-b", builder, *SPHINX_STRICT, str(BUILD / builder))
    session.log(f"The site is in {BUILD / builder}/index.html")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
@nox.parametrize("sphinx", list(SPHINX_RANGE))
def tests_sphinx(session: nox.Session, sphinx: str) -> None:
    """The extension's tests at both ends of the supported Sphinx and docutils range."""
    session.install("-e", ".[sphinx]", "pytest", "hypothesis", "jsonschema", *SPHINX_RANGE[sphinx])
    session.run(
        "python",
        "-c",
        "import sphinx, docutils; "
        "print('sphinx', sphinx.__version__, 'docutils', docutils.__version__)",
    )
    session.run("pytest", "-m", "not site", *session.posargs)


@nox.session(python=PYTHON)
def linkcheck(session: nox.Session) -> None:
    """Check every external link of the site (needs the internet)."""
    session.install("-e", ".[docs]")
    session.run(
        "sphinx-build",
        "-b",
        "linkcheck",
        "-c",
        "conf",
        "docs",
        str(BUILD / "linkcheck"),
        *session.posargs,
    )


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000, rebuilt on every change."""
    session.install("-e", ".[docs]", "sphinx-autobuild")
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--port",
        os.environ.get("PORT", "8000"),
        "--watch",
        "skills_matrix",
        "-c",
        "conf",
        "docs",
        str(BUILD / "serve"),
        *session.posargs,
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Print the benchmark figures (builds, validation, incremental and parallel builds)."""
    session.install("-e", ".[docs]")
    session.run("python", "benchmarks/bench_build.py", *session.posargs)
    session.run("python", "benchmarks/bench_validate.py")
    session.run("python", "benchmarks/bench_incremental.py")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Static checks of the code, and of the project's own matrix."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("skills-matrix", "validate", "--strict")
