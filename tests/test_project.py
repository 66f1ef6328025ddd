"""``skills-matrix init``: a new framework project that builds clean at once, checks its own
data, and carries valid workflows; never written over anything. And one install line."""

from __future__ import annotations

import ast
import io
import os
import re
import shlex
from pathlib import Path

import openpyxl
import pytest
import yaml
from sphinx.cmd.build import build_main

from skills_matrix.cli import main
from skills_matrix.spreadsheets.cells import INSTALL

from .conftest import PROJECT
from .test_hosting import actionlint, check_jsonschema

EXPECTED = {
    ".github/workflows/linkcheck.yml",
    ".github/workflows/pages.yml",
    ".github/workflows/preview.yml",
    ".gitignore",
    "README.md",
    "docs/_data/history/ada-2025-07-01.yaml",
    "docs/_data/profiles/ada.yaml",
    "docs/_data/profiles/bo.yaml",
    "docs/_data/skills-matrix.yaml",
    "docs/_static/favicon.svg",
    "docs/assess.md",
    "docs/conf.py",
    "docs/index.md",
    "docs/matrix.md",
    "docs/roles.md",
    "docs/team.md",
    "noxfile.py",
    "requirements.txt",
}
DIRECTIVES = re.compile(r"```\{(skills-[a-z-]+)\}")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("new") / "framework"
    out = io.StringIO()
    assert main(["init", str(folder)], out) == 0
    assert out.getvalue().startswith(f"Wrote a new framework project in {folder} (18 files).")
    return folder


def test_init_writes_a_whole_project(project):
    written = {str(p.relative_to(project)) for p in project.rglob("*") if p.is_file()}
    assert written == EXPECTED


@pytest.mark.parametrize("builder", ["html", "text"])
def test_the_new_project_builds_clean_at_once(project, tmp_path, builder):
    args = ["-nW", "--keep-going", "-q", "-b", builder, str(project / "docs"), str(tmp_path)]
    assert build_main(args) == 0
    index = (tmp_path / ("index.html" if builder == "html" else "index.txt")).read_text()
    assert "Engineering skills" in index
    assess = (tmp_path / ("assess.html" if builder == "html" else "assess.txt")).read_text()
    assert "Progress of Ada" in assess
    assert "2025-07-01 → 2026-01-15: raised Planning (Working → Practitioner)" in " ".join(
        assess.split()
    )
    if builder == "html":
        roles = (tmp_path / "roles.html").read_text()
        assert "Senior Engineer" in roles and "skills-matrix-ladder" in roles


def test_the_new_project_uses_every_directive(project):
    registered = {
        name
        for module in (PROJECT / "skills_matrix" / "ext").rglob("*.py")
        for name in re.findall(r'add_directive\("([a-z-]+)"', module.read_text())
    }
    pages = (project / "docs").glob("*.md")
    used = {name for page in pages for name in DIRECTIVES.findall(page.read_text())}
    assert len(registered) >= 8 and used == registered


def test_the_new_projects_checks_pass(project):
    data = str(project / "docs" / "_data" / "skills-matrix.yaml")
    assert main(["validate", "--strict", data], io.StringIO(), io.StringIO()) == 0
    out = io.StringIO()
    assert main(["team", "--data", data, str(project / "docs" / "_data" / "profiles")], out) == 0
    assert "Team of 2: Ada, Bo" in out.getvalue()
    noxfile = ast.parse((project / "noxfile.py").read_text())
    sessions = {f.name for f in noxfile.body if isinstance(f, ast.FunctionDef)}
    assert sessions == {"docs", "tests", "linkcheck"}
    readme = (project / "README.md").read_text()
    assert "python3 -m nox -s docs" in readme and "python3 -m nox -s tests" in readme


@pytest.mark.site  # the workflow schema and actionlint come with the site's test tools
def test_the_new_projects_workflows_are_valid(project):
    workflows = sorted((project / ".github" / "workflows").glob("*.yml"))
    done = check_jsonschema("vendor.github-workflows", *workflows)
    assert done.returncode == 0, done.stdout + done.stderr
    done = actionlint(*workflows)
    assert done.returncode == 0, done.stdout + done.stderr
    for workflow in workflows:
        text = workflow.read_text()
        for uses in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
        assert yaml.safe_load(text)["permissions"] == {"contents": "read"}


def test_init_refuses_a_folder_that_holds_anything(tmp_path):
    (tmp_path / "notes.md").write_text("mine")
    err = io.StringIO()
    assert main(["init", str(tmp_path)], io.StringIO(), err) == 2
    assert "is not an empty folder" in err.getvalue()
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]
    assert main(["init", str(tmp_path / "notes.md")], io.StringIO(), io.StringIO()) == 2
    assert (tmp_path / "notes.md").read_text() == "mine"
    (tmp_path / "empty").mkdir()
    assert main(["init", str(tmp_path / "empty")], io.StringIO()) == 0


def test_one_install_line_everywhere():
    """The README, the docs, the new project and the command's own hint install alike."""
    requirement = INSTALL.removeprefix('pip install "').removesuffix('"')
    texts = {
        path: path.read_text(encoding="utf-8")
        for path in [PROJECT / "README.md", *sorted((PROJECT / "docs").rglob("*.md"))]
    }
    lines = [
        (path, line)
        for path, text in texts.items()
        for line in text.splitlines()
        if re.search(r"pip install .*skills-matrix", line)
    ]
    assert len(lines) >= 3
    for path, line in lines:
        assert INSTALL in line, (path, line)
    template = PROJECT / "skills_matrix" / "template" / "requirements.txt"
    assert requirement in template.read_text().splitlines()


def console_commands(section: str) -> list[str]:
    page = (PROJECT / "docs" / "reference" / "publish.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```", page.split(section, 1)[1], re.S).group(1)
    return [line.removeprefix("$ ") for line in block.splitlines()]


def run_page_command(command: str, monkeypatch, out: io.StringIO) -> None:
    """One command of the page, as a shell would run it here (no network, no new venv)."""
    words = shlex.split(command)
    if words[:2] == ["pip", "install"]:
        assert command == INSTALL  # installed already: this is the package under test
    elif words[0] == "skills-matrix":
        err = io.StringIO()
        assert main(words[1:], out, err) == 0, (command, err.getvalue())
    elif words[0] == "cd":
        monkeypatch.chdir(words[1])
    elif words[0] == "mv":
        os.replace(words[1], words[2])
    elif command == "python3 -m pip install nox && python3 -m nox -s docs":
        noxfile = Path("noxfile.py").read_text()
        build = ["-nW", "--keep-going", "-b", "html", "docs", "_build/html"]
        assert f'"sphinx-build", {", ".join(map(repr, build))}'.replace("'", '"') in noxfile
        assert build_main(["-q", *build]) == 0
    else:
        raise AssertionError(f"the test does not know how to run {command!r}")


def add_a_skill(book_path: str, skill: str, title: str) -> None:
    """What a manager does in the workbook: a new skill, expected of the Engineer."""
    book = openpyxl.load_workbook(book_path)
    book["skills"].append([skill, title, "delivery"])
    book["skill supports"].append([skill, "deliver", "supporting"])
    book["role expects"].append(["engineer", skill, "working"])
    book.save(book_path)


def test_the_publish_page_goes_from_a_sheet_to_a_site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    for command in console_commands("## From a sheet to a site"):
        if command.startswith("skills-matrix import"):
            add_a_skill("framework.xlsx", "incident-response", "Incident response")
        run_page_command(command, monkeypatch, out)
    site = Path("_build/html")
    assert "Incident response" in (site / "matrix.html").read_text()
    assert "Incident response" in (site / "roles.html").read_text()
    add_a_skill("framework.xlsx", "on-call", "Being on call")
    out = io.StringIO()
    for command in console_commands("## Keep the sheet, or the YAML"):
        run_page_command(command, monkeypatch, out)
    assert "on-call" in out.getvalue() and "Being on call" in out.getvalue()
    assert "on-call" in Path("docs/_data/skills-matrix.yaml").read_text()
