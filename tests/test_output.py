"""Every command that writes, writes new files only: a missing folder, a file in the way, a
link (even to nothing) or no permission is one sentence and exit 2, never a traceback, and
nothing there is changed."""

from __future__ import annotations

import errno
import io
import os

import pytest

from skills_matrix.cli import main

from .conftest import PROJECT

SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
FORMATS = ["json", "csv", "markdown", "xlsx", "tables"]


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    status = main(list(argv), io.StringIO(), err)
    assert "Traceback" not in err.getvalue()
    return status, err.getvalue()


def export(form: str, output) -> tuple[int, str]:
    return run("export", str(SITE), "--format", form, "--output", str(output))


@pytest.mark.parametrize("form", FORMATS)
def test_into_a_missing_folder(tmp_path, form):
    status, err = export(form, tmp_path / "missing" / "out")
    assert status == 2
    assert f"{tmp_path / 'missing'} does not exist: make the folder first" in err


@pytest.mark.parametrize("form", FORMATS)
def test_through_a_file(tmp_path, form):
    (tmp_path / "file").write_text("mine")
    status, err = export(form, tmp_path / "file" / "out")
    assert status == 2
    assert f"{tmp_path / 'file'} is not a folder" in err
    assert (tmp_path / "file").read_text() == "mine"


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("there", ["file", "link", "dangling link"])
def test_onto_something_there(tmp_path, form, there):
    target = tmp_path / "out"
    mine = tmp_path / "mine"
    mine.write_text("mine")
    if there == "file":
        target.write_text("mine")
    elif there == "link":
        target.symlink_to(mine)
    else:
        target.symlink_to(tmp_path / "nowhere")
    status, err = export(form, target)
    assert status == 2
    assert "nothing is overwritten" in err or "is a link" in err
    assert mine.read_text() == "mine"
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("form", FORMATS)
def test_without_permission(tmp_path, form, monkeypatch):
    """As root nothing is refused for permission: the system's refusal is made here."""
    real_open = open

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(
        "builtins.open",
        lambda p, m="r", *a, **k: refused() if "x" in m else real_open(p, m, *a, **k),
    )
    monkeypatch.setattr(os, "mkdir", refused)
    status, err = export(form, tmp_path / "out")
    assert status == 2
    assert f"{tmp_path / 'out'}: no permission to write there" in err


@pytest.mark.parametrize("where", ["dangling link", "under a file", "link to an empty folder"])
def test_init_refuses_what_is_in_the_way(tmp_path, where):
    if where == "dangling link":
        target = tmp_path / "project"
        target.symlink_to(tmp_path / "nowhere")
    elif where == "under a file":
        (tmp_path / "file").write_text("mine")
        target = tmp_path / "file" / "project"
    else:
        (tmp_path / "empty").mkdir()
        target = tmp_path / "project"
        target.symlink_to(tmp_path / "empty")
    status, err = run("init", str(target))
    assert status == 2, err
    assert not (tmp_path / "nowhere").exists()
    assert not list((tmp_path / "empty").glob("*")) if (tmp_path / "empty").exists() else True


def test_init_without_permission(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "mkdir", refused)
    status, err = run("init", str(tmp_path / "project"))
    assert status == 2
    assert "no permission to write there" in err
