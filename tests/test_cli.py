"""The command line, called in-process through ``main(argv)`` and once as installed."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest

from skills_matrix.cli import main

from .conftest import PROJECT
from .test_assessment import BASIC

PROFILE = BASIC.parent / "me.yaml"


def run(*argv: str):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_validate_ok():
    code, out, err = run("validate", str(BASIC), "--strict")
    assert (code, out) == (0, "")
    assert "0 error(s), 0 warning(s)" in err


def test_validate_errors_are_listed_with_locations(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        BASIC.read_text()
        .replace("id: sql", "id: SQL")
        .replace("title: SQL", "title: SQL\n    color: red")
    )
    code, out, _ = run("validate", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert f"{bad}:20:9: error: the text 'SQL' is not a valid id" in out
    assert f"{bad}:22:5: error: Skill 1 of 'skills' has no key 'color'" in out
    for line in lines:
        path, row, column, rest = line.split(":", 3)
        assert path == str(bad) and int(row) > 0 and int(column) > 0
        assert rest.startswith((" error: ", " warning: "))


def test_validate_strict_fails_on_warnings(tmp_path):
    data = tmp_path / "m.yaml"
    data.write_text(
        BASIC.read_text().replace("roles:\n", "  - {id: lonely, title: Lonely}\nroles:\n")
    )
    assert run("validate", str(data))[0] == 0
    code, out, _ = run("validate", str(data), "--strict")
    assert code == 1 and ": warning: the skill 'lonely' supports no responsibility" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "nope.yaml"],
        ["validate", "--bogus"],
        ["frobnicate"],
        [],
        ["assess", "nope.yaml", "--data", str(BASIC)],
        ["assess", str(PROFILE), "--data", str(BASIC), "--threshold", "2"],
        ["assess", str(PROFILE), "--data", str(BASIC), "--role", "analyts"],
        ["export", str(BASIC), "--format", "xml"],
    ],
)
def test_usage_errors_exit_2(argv):
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.startswith("skills-matrix: error: ") or "usage" in err
    assert "Traceback" not in err


def test_role_typo_gets_a_hint():
    _, _, err = run("assess", str(PROFILE), "--data", str(BASIC), "--role", "analyts")
    assert "did you mean 'analyst'?" in err


def test_assess_json_matches_the_spec_shape():
    code, out, _ = run("assess", str(PROFILE), "--data", str(BASIC), "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"profile", "threshold", "roles"}
    assert result["profile"] == "Sam"
    role = result["roles"][0]
    assert set(role) == {
        "id",
        "title",
        "fit",
        "fits",
        "met",
        "expected",
        "gaps",
        "responsibilities",
    }


def test_assess_text_report():
    code, out, _ = run("assess", str(PROFILE), "--data", str(BASIC), "--role", "analyst")
    assert code == 0
    assert "Analyst (analyst): 33% — does not fit" in out
    assert "Regression" in out and "needs Competent, has Novice" in out
    assert "Competent: Does it unaided." in out


def test_assess_invalid_profile_exits_1(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("version: 1\nskills: {sq: lead}\n")
    code, out, err = run("assess", str(profile), "--data", str(BASIC))
    assert code == 1 and out == ""
    assert f"{profile}:2:10: error: the skill 'sq' is not defined" in err


def test_export_formats():
    code, out, _ = run("export", str(BASIC), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 2  # export writes the latest version (spec)
    assert [s["id"] for s in data["skills"]] == ["sql", "writing", "regression", "orchestration"]
    assert data["skills"][1]["category"] is None and data["skills"][1]["examples"] == []
    code, out, _ = run("export", str(BASIC), "--format", "csv")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["skill", "category", "ship-pipelines", "explain-results"]
    assert [row[0] for row in table[1:]] == ["sql", "orchestration", "regression", "writing"]
    assert table[1] == ["sql", "eng", "core", "supporting"]
    code, out, _ = run("export", str(BASIC), "--format", "markdown")
    lines = out.splitlines()
    assert lines[0] == '| Skill | Category | Ship pipelines | Explain "results" |'
    assert len(lines) == 2 + 4
    assert "Writing &lt;script&gt;alert\\(1\\)&lt;/script&gt;" not in out
    assert "Writing &lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "Statistics &amp; &lt;Modelling&gt;" in out


def test_default_data_is_the_projects(monkeypatch):
    monkeypatch.chdir(PROJECT / "docs")
    code, _, err = run("validate", "--strict")
    assert code == 0 and "skills-matrix.yaml: 0 error(s), 0 warning(s)" in err


def test_no_default_data(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, _, err = run("validate")
    assert code == 2 and "no PATH given" in err


def test_diff_files(tmp_path):
    new = tmp_path / "new.yaml"
    new.write_text(
        BASIC.read_text()
        .replace("id: sql", "id: structured-query-language")
        .replace("sql: competent", "structured-query-language: lead")
        .replace("sql: lead", "structured-query-language: lead")
        .replace("{ship-pipelines: supporting}", "{ship-pipelines: core}")
        .replace(
            "  - id: writing",
            "  - id: speaking\n    title: Speaking\n"
            "    supports: {explain-results: supporting}\n  - id: writing",
        )
    )
    code, out, _ = run("diff", str(BASIC), str(new))
    assert code == 0
    assert "- **renamed** `sql` → `structured-query-language`" in out
    assert "- **added** `speaking`: Speaking" in out
    assert "supports ship-pipelines: supporting → core" in out
    # a role's expectation of the renamed skill is renamed, not removed and added
    assert "expects structured-query-language: renamed from sql, competent → lead" in out
    assert "expects structured-query-language: renamed from sql\n" in out
    assert "removed" not in out
    code, out, _ = run("diff", str(BASIC), str(new), "--format", "json")
    changes = json.loads(out)["changes"]
    assert {
        "kind": "skill",
        "change": "renamed",
        "id": "structured-query-language",
        "old_id": "sql",
        "details": [],
        "old_ids": [],
    } in changes


def test_diff_identical():
    code, out, _ = run("diff", str(BASIC), str(BASIC))
    assert code == 0 and "No changes to the matrix." in out


def test_diff_git_revisions(tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "m.yaml").write_text(BASIC.read_text())
    git("add", ".")
    git("commit", "-qm", "one")
    (tmp_path / "m.yaml").write_text(BASIC.read_text().replace("title: SQL", "title: SQL 2"))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("diff", "HEAD:m.yaml", "m.yaml")
    assert code == 0, out
    assert "title: 'SQL' → 'SQL 2'" in out
    code, _, err = run("diff", "nosuchrev:m.yaml", "m.yaml")
    assert code == 2 and "git" in err


def test_installed_command():
    exe = shutil.which("skills-matrix") or str(
        __import__("pathlib").Path(sys.executable).parent / "skills-matrix"
    )
    done = subprocess.run([exe, "validate", str(BASIC)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([exe, "validate", "missing.yaml"], capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_help_reads_as_plain_text(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: skills-matrix")
    assert "``" not in text and ":func:" not in text  # no reStructuredText
    assert "Check a skills matrix" in text


def test_the_pre_commit_hook_validates_the_matrix_it_is_given(tmp_path):
    """.pre-commit-hooks.yaml runs the installed command with the hook's args (no file
    names): the site's matrix passes, a broken copy fails with its problem located."""
    import tomllib
    import yaml

    [hook] = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "skills-matrix-validate" and hook["pass_filenames"] is False
    program, *argv = hook["entry"].split()
    scripts = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["scripts"]
    assert program in scripts
    data = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
    assert run(*argv, str(data), "--strict")[0] == 0
    broken = tmp_path / "matrix.yaml"
    broken.write_text(data.read_text().replace("level: practitioner", "level: guru", 1))
    code, out, _ = run(*argv, str(broken))
    assert code == 1 and f"{broken}:" in out and "guru" in out
    documented = (PROJECT / "docs" / "reference" / "cli.md").read_text()
    assert "id: skills-matrix-validate" in documented
