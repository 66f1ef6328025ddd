"""``skills-matrix init --data`` and ``--from … --map``: a new project of a team's own matrix,
whose pages build clean without editing the template's; bad data writes nothing."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from sphinx.cmd.build import build_main

from skills_matrix.cli import main

from .conftest import DATA, PROJECT

EXAMPLES = PROJECT / "docs" / "reference" / "mappings"


def built(folder, tmp_path):
    out = tmp_path / "html"
    status = build_main(["-nW", "--keep-going", "-q", str(folder / "docs"), str(out)])
    assert status == 0
    return out


@pytest.mark.parametrize(
    "how",
    [
        ["--data", str(DATA / "mapped" / "relational.yaml")],
        [
            "--from",
            str(EXAMPLES / "roles-by-skills" / "sheets"),
            "--map",
            str(EXAMPLES / "roles-by-skills" / "mapping.yaml"),
        ],
    ],
    ids=["data", "from-map"],
)
def test_a_project_of_a_teams_own_matrix_builds_clean(tmp_path, how):
    folder = tmp_path / "framework"
    out, err = io.StringIO(), io.StringIO()
    assert main(["init", str(folder), *how], out, err) == 0, err.getvalue()
    assert not list((folder / "docs" / "_data").glob("profiles/*.yaml"))
    assert not (folder / "docs" / "_data" / "history").exists()
    html = built(folder, tmp_path)
    roles = (html / "roles.html").read_text(encoding="utf-8")
    if how[0] == "--data":
        assert "Senior AI Engineer" in roles and "Applied AI ladder" in (
            html / "index.html"
        ).read_text(encoding="utf-8")
        text = (DATA / "mapped" / "relational.yaml").read_text(encoding="utf-8")
        assert (folder / "docs" / "_data" / "skills-matrix.yaml").read_text() == text
    else:
        assert "Junior Engineer" in roles and "Senior Engineer" in roles
        assert "Platform engineering" in (html / "index.html").read_text(encoding="utf-8")


def test_bad_data_writes_nothing(tmp_path):
    data = tmp_path / "m.yaml"
    data.write_text("version: 2\nlevels: []\nskills: [{id: A, title: A}]\n")
    out, err = io.StringIO(), io.StringIO()
    assert main(["init", str(tmp_path / "framework"), "--data", str(data)], out, err) == 1
    assert f"{data}:3:15: error:" in err.getvalue()
    assert not (tmp_path / "framework").exists()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--map", "m.yaml"], "--map goes with --from"),
        (["--data", "nothing.yaml"], "nothing.yaml: no such file"),
        (["--data", "a.yaml", "--from", "b"], "not allowed with argument"),
    ],
)
def test_init_usage_errors(tmp_path, argv, said):
    err = io.StringIO()
    assert main(["init", str(tmp_path / "f"), *argv], io.StringIO(), err) == 2
    assert said in err.getvalue()


def test_the_publish_pages_own_sheet_commands_run(tmp_path, monkeypatch):
    """ "My sheet looks different": the page's commands, from a clone (its example sheets)."""
    from .test_project import console_commands, run_page_command

    clone = tmp_path / "clone"
    shutil.copytree(EXAMPLES, clone / "docs" / "reference" / "mappings")
    monkeypatch.chdir(clone)
    out = io.StringIO()
    for command in console_commands("### From your sheet to a site"):
        run_page_command(command, monkeypatch, out)
    roles = (clone / "our-framework" / "_build" / "html" / "roles.html").read_text()
    assert "Junior Engineer" in roles and "Senior Engineer" in roles


def test_the_publish_page_shows_every_key_of_a_mapping():
    from skills_matrix.spreadsheets import mapping

    page = (PROJECT / "docs" / "reference" / "publish.md").read_text(encoding="utf-8")
    section = page.split("## My sheet looks different", 1)[1].split("\n## ", 1)[0]
    keys = {
        f.key for kind in ("mapping", "sheet", "grid", "value") for f in mapping.KINDS[kind].fields
    }
    assert {k for k in keys if not re.search(rf"`\{{?{k}\b", section)} == set()
    assert all(f"`{kind}`" in section for kind in mapping.LISTS + mapping.RELATIONS)
