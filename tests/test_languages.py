"""The command line in another language: every word of the package's own in its reports is
the language's (the usual locale variables, or --language), its numbers written the
language's way; a language the package has no words for says so and keeps English."""

from __future__ import annotations

import io
import json

import pytest
import yaml

from skills_matrix.cli import main
from skills_matrix.export import to_json
from skills_matrix.reading import load_matrix

from .conftest import PROJECT, ROOTS
from .english_left import data_texts, english_left, package_english

SITE = PROJECT / "docs" / "_data"
POINTS = ROOTS / "test-points" / "_data"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def _data(folder, *profiles) -> list:
    """The texts a report may take from the data: the matrix's and the profiles'."""
    matrix = to_json(load_matrix(folder))
    return [matrix, *(yaml.safe_load(p.read_text(encoding="utf-8")) for p in profiles)]


def test_the_detector_finds_english():
    """What the tests below rely on: the English report is full of the package's words."""
    code, out, _ = run(
        "assess", str(SITE / "profiles" / "article-author.yaml"), "--data", str(SITE)
    )
    assert code == 0
    left = english_left(out, _data_texts(SITE, SITE / "profiles" / "article-author.yaml"))
    assert {"stand", "towards", "gaps", "expected", "steps", "assessment"} <= left
    assert len(package_english("de")) > 200


def _data_texts(folder, *profiles) -> list[str]:
    return data_texts(_data(folder, *profiles))


@pytest.mark.parametrize(
    ("folder", "profile"),
    [
        (SITE, SITE / "profiles" / "article-author.yaml"),
        (POINTS, next((POINTS / "profiles").glob("*.yaml"))),
    ],
)
def test_an_assessment_in_german(folder, profile):
    code, out, err = run("assess", str(profile), "--data", str(folder), "--language", "de")
    assert (code, err) == (0, "")
    assert not english_left(out, _data_texts(folder, profile)), out
    assert "Wo Sie stehen: " in out and "\xa0%" in out


def test_a_team_in_german():
    team = SITE / "team-example"
    code, out, err = run("team", str(team), "--data", str(SITE), "--language", "de")
    assert (code, err) == (0, "")
    assert not english_left(out, _data_texts(SITE, *team.glob("*.yaml"))), out
    assert out.startswith("Team aus 3: ")


def test_progress_in_german(tmp_path):
    for date, level in (("2025-01-10", "working"), ("2025-03-02", "practitioner")):
        profile = {
            "version": 2,
            "name": "Ada",
            "date": date,
            "skills": {"prompt-engineering": level},
        }
        (tmp_path / f"{date}.yaml").write_text(yaml.safe_dump(profile), encoding="utf-8")
    code, out, err = run("progress", str(tmp_path), "--data", str(SITE), "--language", "de")
    assert (code, err) == (0, ""), err
    assert not english_left(out, _data_texts(SITE, *tmp_path.glob("*.yaml"))), out
    assert "Fortschritt von Ada: 2 Einschätzungen, 2025-01-10 bis 2025-03-02" in out


def test_the_locale_variables_choose_the_language(monkeypatch):
    profile = str(SITE / "profiles" / "article-author.yaml")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert "Wo Sie stehen: " in run("assess", profile, "--data", str(SITE))[1]
    monkeypatch.setenv("LANGUAGE", "en")  # first in gettext's order
    assert "Where you stand: " in run("assess", profile, "--data", str(SITE))[1]
    said = run("assess", profile, "--data", str(SITE), "--language", "de", "--format", "json")
    assert json.loads(said[1])["roles"]  # JSON is data: its keys and ids are the format's


def test_a_language_without_words_says_so():
    profile = str(SITE / "profiles" / "article-author.yaml")
    code, out, err = run("assess", profile, "--data", str(SITE), "--language", "fr")
    assert code == 0 and "Where you stand: " in out
    assert "no 'fr' words yet; the report is in English" in err
    assert "\u202f%" in out or "\xa0%" in out  # French numbers, though: "58 %"


def test_init_writes_a_site_in_the_language_asked(tmp_path):
    code, out, err = run("init", str(tmp_path / "team"), "--language", "de")
    assert (code, err) == (0, "")
    assert out.startswith("Ein neues Rahmenprojekt in ")
    conf = (tmp_path / "team" / "docs" / "conf.py").read_text(encoding="utf-8")
    assert '\nlanguage = "de"\nlocale_dirs = ["locale"]\n' in conf
    assert "skills-matrix.pot" in conf  # how the matrix's own texts are translated
    code, _, err = run("init", str(tmp_path / "other"), "--language", "klingon-ish")
    assert code == 2 and "'klingon-ish' is not a language code" in err
    assert not (tmp_path / "other").exists()


def test_the_markdown_table_speaks_german_and_the_csv_stays_data():
    code, out, _ = run("export", str(SITE), "--format", "markdown", "--language", "de")
    assert code == 0 and out.startswith("| Fähigkeit | Kategorie | ")
    assert "| zentral |" in out and "core" not in out
    english = run("export", str(SITE), "--format", "csv")[1]
    assert run("export", str(SITE), "--format", "csv", "--language", "de")[1] == english
