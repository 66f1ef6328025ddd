"""Build the site, check the data, check the links: ``nox -s docs``, ``nox -s tests``,
``nox -s linkcheck``."""

from pathlib import Path

import nox

nox.options.sessions = ["docs", "tests"]
REQUIREMENTS = ["-r", "requirements.txt"]


@nox.session
def docs(session: nox.Session) -> None:
    """The site, strict (a warning fails the build), in _build/html."""
    session.install(*REQUIREMENTS)
    session.run("sphinx-build", "-nW", "--keep-going", "-b", "html", "docs", "_build/html")


@nox.session
def tests(session: nox.Session) -> None:
    """The matrix and every profile checked, and assessed."""
    session.install(*REQUIREMENTS)
    data = "docs/_data/skills-matrix.yaml"
    session.run("skills-matrix", "validate", "--strict", data)
    if any(Path("docs/_data/profiles").glob("*.yaml")):
        session.run("skills-matrix", "team", "--data", data, "docs/_data/profiles")


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Every external link (needs the internet)."""
    session.install(*REQUIREMENTS)
    session.run("sphinx-build", "-b", "linkcheck", "docs", "_build/linkcheck")
