"""``diff REV:PATH``: the revision wins over a same-named path, any file name survives, only
blobs named *.yaml are data, and nothing reaches git as an option."""

from __future__ import annotations

import io
import subprocess

import pytest

from skills_matrix.cli import main

from .test_loader import VALID

HEAD, SKILLS_AND_ROLES = VALID.split("skills:\n")
SKILLS, ROLES = ("skills:\n" + SKILLS_AND_ROLES).split("roles:\n")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository whose docs/_data folder holds a matrix in two files, one of them with a
    non-ASCII name, beside a submodule and a link that are named *.yaml too."""

    def git(*args, **kwargs):
        return subprocess.run(
            ["git", *args], cwd=tmp_path, check=True, capture_output=True, **kwargs
        ).stdout

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True)
    (data / "m.yaml").write_text(HEAD + "roles:\n" + ROLES, encoding="utf-8")
    (data / "données.yaml").write_text(SKILLS, encoding="utf-8")
    (data / "link.yaml").symlink_to("m.yaml")
    git("add", ".")
    git("commit", "-qm", "one")
    (data / "link.yaml").unlink()  # committed, so that only the revision holds it
    head = git("rev-parse", "HEAD", text=True).strip()
    # a submodule named like data: a gitlink entry in the index
    git("update-index", "--add", "--cacheinfo", f"160000,{head},docs/_data/sub.yaml")
    git("commit", "-qm", "a submodule")
    monkeypatch.chdir(tmp_path)
    return tmp_path, git("rev-parse", "HEAD", text=True).strip()


def test_a_folder_at_a_revision_with_every_name(repo):
    _, head = repo
    code, out, err = run("diff", "HEAD:docs/_data", "docs/_data", "--format", "json")
    assert (code, err) == (0, ""), err
    assert '"changes": []' in out  # both sides: données.yaml read, link and submodule not


def test_the_revision_wins_over_a_path_of_the_same_name(repo):
    root, head = repo
    decoy = root / f"{head}:docs" / "_data"
    decoy.mkdir(parents=True)
    # what a pull request could add: the new data under the base's name, to say "no changes"
    (decoy / "m.yaml").write_text(VALID.replace("title: A", "title: A changed"), encoding="utf-8")
    (root / "docs" / "_data" / "données.yaml").write_text(
        SKILLS.replace("title: A", "title: A changed"), encoding="utf-8"
    )
    code, out, _ = run("diff", f"{head}:docs/_data", "docs/_data")
    assert code == 0
    assert "title: 'A' → 'A changed'" in out  # the revision was read, not the decoy


def test_a_path_that_is_no_revision_stays_a_path(repo, tmp_path):
    code, out, _ = run("diff", "docs/_data", "docs/_data")
    assert code == 0 and "No changes" in out
    code, _, err = run("diff", "nosuchrev:docs/_data", "docs/_data")
    assert code == 2
    assert "git takes 'nosuchrev' for no revision here" in err and "Traceback" not in err


@pytest.mark.parametrize("arg", ["--output=/tmp/x:docs/_data", "-p:docs/_data"])
def test_nothing_reaches_git_as_an_option(repo, arg):
    code, _, err = run("diff", "--", arg, "docs/_data")
    assert code == 2 and "cannot start with '-'" in err


def test_a_missing_path_at_a_revision_is_a_clean_error(repo):
    code, _, err = run("diff", "HEAD:docs/nothing", "docs/_data")
    assert code == 2 and "HEAD has no docs/nothing" in err
    code, _, err = run("diff", "HEAD:docs/_data/sub.yaml", "docs/_data")
    assert code == 2 and "not a file or a folder" in err
