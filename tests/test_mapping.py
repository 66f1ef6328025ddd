"""A team's own sheets imported through a mapping, no code: the three worked examples of the
publishing page give the matrix written by hand from the same sheets, as CSV and as a
workbook, and the same answers; a mapping's own problems are located in it, the sheets'
problems at their cells."""

from __future__ import annotations

import csv
import io
import json
import shutil

import openpyxl
import pytest

from skills_matrix.assessment import assess
from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix
from skills_matrix.spreadsheets.mapped import slug
from skills_matrix.spreadsheets.mapping_file import read_mapping
from skills_matrix.spreadsheets.to_yaml import import_matrix

from .conftest import DATA, PROJECT
from .test_sheets import same

EXAMPLES = PROJECT / "docs" / "reference" / "mappings"
NAMES = ["skills-by-levels", "roles-by-skills", "relational"]


def imported(source, mapping):
    diagnostics = Diagnostics()
    read = read_mapping(mapping, diagnostics)
    assert read is not None, [str(d) for d in diagnostics]
    matrix, data = import_matrix(source, diagnostics, mapping=read)
    assert matrix is not None, [str(d) for d in diagnostics]
    return matrix, diagnostics


def as_workbook(folder, path):
    """The CSV files of *folder* as the sheets of one workbook, numbers typed as numbers."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for file in sorted(folder.glob("*.csv")):
        page = book.create_sheet(file.stem.replace("-", " "))
        with open(file, encoding="utf-8", newline="") as text:
            for row in csv.reader(text):
                page.append([int(v) if v.isdigit() else (v or None) for v in row])
    book.save(path)
    return path


def every_profile(matrix):
    """Profiles that hold each skill at each level in turn, and one with nothing."""
    yield Profile(skills={})
    for index, level in enumerate(matrix.levels):
        skills = {
            s.id: matrix.levels[(index + i) % len(matrix.levels)].id
            for i, s in enumerate(matrix.skills)
        }
        yield Profile(skills=skills)
        yield Profile(skills={s.id: level.id for s in matrix.skills})


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_worked_mapping_gives_the_matrix_written_by_hand(tmp_path, name, form):
    source = EXAMPLES / name / "sheets"
    if form == "xlsx":
        source = as_workbook(source, tmp_path / "book.xlsx")
    matrix, diagnostics = imported(source, EXAMPLES / name / "mapping.yaml")
    assert not diagnostics.warnings, [str(d) for d in diagnostics]
    by_hand = load_matrix(DATA / "mapped" / f"{name}.yaml")
    assert same(matrix) == same(by_hand)
    for profile in every_profile(by_hand):
        assert assess(matrix, profile).to_json() == assess(by_hand, profile).to_json()


def test_the_command_line_imports_through_a_mapping(tmp_path):
    example = EXAMPLES / "relational"
    target = tmp_path / "framework.yaml"
    out, err = io.StringIO(), io.StringIO()
    status = main(
        [
            "import",
            str(example / "sheets"),
            "--map",
            str(example / "mapping.yaml"),
            "--output",
            str(target),
        ],
        out,
        err,
    )
    assert status == 0, err.getvalue()
    profile = tmp_path / "me.yaml"
    profile.write_text("version: 2\nskills: {rag: proficient, monitoring: competent}\n")
    out = io.StringIO()
    assert main(["assess", str(profile), "--data", str(target), "--format", "json"], out) == 0
    answer = json.loads(out.getvalue())["answer"]
    # evals and serving are not met: no role fits yet (AI Engineer 2 of 4 weighted, 50%);
    # the closest is Senior AI Engineer (rag and monitoring: 3 of 5, 60%)
    assert answer["standing"] == []
    assert answer["target"] == "senior-ai-engineer"


def test_a_scale_written_top_first_is_warned_about(tmp_path):
    example = EXAMPLES / "skills-by-levels"
    text = (example / "mapping.yaml").read_text(encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(text.replace("    order: highest first", "    x-order: highest first"))
    matrix, diagnostics = imported(example / "sheets", mapping)
    found = [str(d) for d in diagnostics.warnings]
    assert len(found) == 1
    assert "Competencies.csv:D1: warning: the levels are read lowest first" in found[0]
    assert "'Expert', 'Advanced', 'Intermediate', 'Foundation'" in found[0]
    assert "order: highest first" in found[0]
    assert matrix.levels[0].id == "expert"  # as written: the warning is what tells


@pytest.mark.parametrize(
    ("titles", "warned"),
    [
        (["4", "3", "2", "1"], True),
        (["Level 3", "Level 2", "Level 1"], True),
        (["1", "2", "3"], False),
        (["Master", "Proficient", "Novice"], True),
        (["Novice", "Proficient", "Master"], False),
        (["Aware", "Working", "Practitioner", "Expert"], False),
        (["Alpha", "Beta"], False),
    ],
)
def test_the_scale_warning_reads_numbers_and_words(tmp_path, titles, warned):
    levels = "".join(f"  - {{id: l{i}, title: '{t}'}}\n" for i, t in enumerate(titles))
    path = tmp_path / "m.yaml"
    path.write_text(f"version: 2\nlevels:\n{levels}skills:\n  - {{id: a, title: A}}\n")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is not None
    assert any(d.code == "scale" for d in diagnostics.warnings) is warned


def test_ids_made_from_titles():
    assert slug("Data & ML") == "data-ml"
    assert slug("Résumé écrit") == "resume-ecrit"
    assert slug("数据") == ""


# Problems.


def problems(tmp_path, mapping_text, sheets=None, files=None):
    folder = tmp_path / "sheets"
    if sheets is None:
        shutil.copytree(EXAMPLES / "relational" / "sheets", folder)
    else:
        folder.mkdir()
        for name, text in sheets.items():
            (folder / name).write_text(text, encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(mapping_text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main(["import", str(folder), "--map", str(mapping)], out, err)
    assert "Traceback" not in err.getvalue()
    return status, err.getvalue().replace(str(tmp_path) + "/", "")


RELATIONAL = (EXAMPLES / "relational" / "mapping.yaml").read_text(encoding="utf-8")


def test_a_mapping_is_checked_like_a_data_file(tmp_path):
    status, err = problems(
        tmp_path, "mapping: 1\nseperator: '|'\nsheets:\n  - {name: a, holds: skils}\n"
    )
    assert status == 1
    assert (
        "mapping.yaml:2:1: error: The mapping has no key 'seperator' (did you mean 'separator'?)"
        in err
    )
    assert "mapping.yaml:4:22: error: 'skils' is not a kind: write" in err
    assert "(did you mean 'skills'?)" in err


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("name: role_skills", "name: role-skill"),
            "mapping.yaml:25:11: error: there is no sheet 'role-skill' in sheets (did you mean "
            "'role_skills'?)",
        ),
        (
            ("title: name, description: meaning", "title: label, description: meaning"),
            "mapping.yaml:10:32: error: the sheet 'levels' has no column 'label' in row 1; its "
            "columns are 'slug', 'name', 'meaning'",
        ),
        (
            ("columns: {role: role,", "columns: {role: role, track: ladder,"),
            "mapping.yaml:27:27: error: the sheet 'role_skills' holds expectations: it has no "
            "column 'track'; its columns may be role, skill, level, required, weight, note",
        ),
        (
            ("    holds: expectations\n", "    holds: expectations\n    order: highest first\n"),
            "error: the sheet 'role_skills' holds expectations: 'order' is said of a scale",
        ),
        (
            ("    holds: expectations\n", "    holds: expectations\n    grid: {across: levels}\n"),
            "error: the sheet 'role_skills' holds expectations: its grid cannot go across levels",
        ),
        (
            ("{role: role, skill: skill, level: level,", "{role: role, skill: skill,"),
            "error: the sheet 'role_skills' holds expectations: name the column of its level",
        ),
        (("mapping: 1", "mapping: 2"), "mapping.yaml:3:10: error: mapping 2 is not known"),
    ],
)
def test_a_mapping_that_does_not_fit_is_located(tmp_path, change, expected):
    assert change[0] in RELATIONAL
    status, err = problems(tmp_path, RELATIONAL.replace(*change))
    assert status == 1
    assert expected in err, err


def test_sheet_problems_are_at_their_cells(tmp_path):
    sheets = {
        "levels.csv": "slug,name\nlow,Low\nhigh,High\n",
        "skills.csv": "name,group\nPython,Engineering\n数据,Data\n" + "Very " * 20 + "long,Data\n",
        "role_skills.csv": "role,skill,level\ndev,python,hihg\ndev,pyton,low\n",
    }
    mapping = """mapping: 1
sheets:
  - {name: levels, holds: levels, columns: {id: slug, title: name}}
  - {name: skills, holds: skills, columns: {title: name, category: group}}
  - {name: role_skills, holds: expectations, columns: {role: role, skill: skill, level: level}}
"""
    status, err = problems(tmp_path, mapping, sheets)
    assert status == 1
    assert "sheets/skills.csv:A3: error: no id can be made from '数据'" in err
    assert "sheets/skills.csv:A4: error: the id made from this title is 104 characters long" in err
    assert "sheets/role_skills.csv:C2: error:" in err and "'hihg'" in err
    assert "sheets/role_skills.csv:B3: error:" in err and "'pyton'" in err


def test_what_a_mapping_leaves_out_is_said(tmp_path):
    sheets = {
        "levels.csv": "slug,name,colour\nlow,Low,red\nhigh,High,blue\n",
        "skills.csv": "name\nPython\n",
        "notes.csv": "anything\nat all\n",
    }
    mapping = """mapping: 1
sheets:
  - {name: levels, holds: levels, columns: {id: slug, title: name}}
  - {name: skills, holds: skills, columns: {title: name}}
"""
    status, err = problems(tmp_path, mapping, sheets)
    assert status == 0, err
    assert "sheets/levels.csv:C1: note: the mapping names no key for the column 'colour'" in err
    assert "sheets/notes.csv:A1: note: the sheet 'notes' is left out" in err


def test_references_by_title_and_declared_kinds(tmp_path):
    sheets = {
        "grid.csv": "Skill,Dev,Lead\nPython,low,HIGH\nSQL,,Low\n",
    }
    mapping = """mapping: 1
levels: [{id: low, title: Low}, {id: high, title: High}]
sheets:
  - {name: grid, holds: expectations, columns: {skill: Skill}, grid: {across: roles}}
"""
    status, err = problems(tmp_path, mapping, sheets)
    assert status == 0, err
    diagnostics = Diagnostics()
    read = read_mapping(tmp_path / "mapping.yaml", diagnostics)
    matrix, _ = import_matrix(tmp_path / "sheets", diagnostics, mapping=read)
    assert [s.id for s in matrix.skills] == ["python", "sql"]
    assert [r.id for r in matrix.roles] == ["dev", "lead"]
    lead = matrix.role_by_id["lead"].expects
    assert {k: v.level for k, v in lead.items()} == {"python": "high", "sql": "low"}
