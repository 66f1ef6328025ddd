"""Imports that fail say where: ``book.xlsx:Skills!C14`` or ``tables/skills.csv:C14``, every
problem at once, in the words a YAML file's problems are given; nothing a sheet holds runs."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading import load_matrix
from skills_matrix.spreadsheets.to_yaml import import_matrix
from skills_matrix.spreadsheets.write import write_tables, write_workbook

MINIMAL = {
    "matrix": [["version", "title"], [2, "Tiny"]],
    "levels": [["id", "title", "points"], ["low", "Low", None], ["high", "High", None]],
    "skills": [["id", "title"], ["python", "Python"], ["sql", "SQL"]],
    "roles": [["id", "title"], ["dev", "Developer"]],
    "role expects": [["role", "skill", "level"], ["dev", "python", "high"]],
}


def workbook(path, sheets: dict[str, list[list]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        page = book.create_sheet(name)
        for row in rows:
            page.append(row)
    book.save(path)
    return path


def tables(folder, sheets: dict[str, list[list]]):
    folder.mkdir()
    for name, rows in sheets.items():
        lines = [",".join("" if v is None else str(v) for v in row) for row in rows]
        (folder / f"{name.replace(' ', '-')}.csv").write_text("\n".join(lines) + "\n")
    return folder


def problems(path) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["import", str(path)], out, err)
    assert status == 1, out.getvalue()
    assert out.getvalue() == ""
    assert "Traceback" not in err.getvalue()
    return err.getvalue().splitlines()


def with_changes(**changes) -> dict[str, list[list]]:
    return {**MINIMAL, **changes}


def test_a_good_workbook_imports(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(workbook(tmp_path / "b.xlsx", MINIMAL))], out, err) == 0
    assert "expects:\n  - " not in out.getvalue()
    assert "  expects:\n    python: high\n" in out.getvalue()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"skils": [["id"], ["x"]]},
            "b.xlsx:skils!A1: error: there is no sheet 'skils' in the format (did you mean "
            "'skills'?)",
        ),
        (
            {"skills": [["id", "titel"], ["python", "Python"]]},
            "b.xlsx:skills!B1: error: the sheet 'skills' has no column 'titel' (did you mean "
            "'title'?)",
        ),
        (
            {"role expects": [["skill", "level"], ["python", "high"]]},
            "b.xlsx:role expects!A1: error: the sheet 'role expects' has no column 'role'",
        ),
        (
            {"role expects": [["role", "skill", "level"], ["deb", "python", "high"]]},
            "b.xlsx:role expects!A2: error: this row belongs to the role 'deb', which no row of "
            "the sheet 'roles' gives (did you mean 'dev'?)",
        ),
        (
            {"role expects": [["role", "skill", "level"], [None, "python", "high"]]},
            "b.xlsx:role expects!A2: error: this row names no role",
        ),
        (
            {
                "role expects": [
                    ["role", "skill", "level"],
                    ["dev", "python", "high"],
                    ["dev", "python", "low"],
                ]
            },
            "b.xlsx:role expects!B3: error: the skill 'python' is given twice for this role "
            "(first at role expects!B2)",
        ),
        (
            {"role expects": [["role", "skill", "level"], ["dev", "python", "hihg"]]},
            "b.xlsx:role expects!C2: error: the role 'dev' expects 'python' at the level 'hihg', "
            "but no level has that id (did you mean 'high'?)",
        ),
        (
            {"skills": [["id", "title"], ["Python", "Python"]]},
            "b.xlsx:skills!A2: error: ",
        ),
        (
            {"skills": [["id", "title"], ["python", "Python"], ["python", "Again"]]},
            "b.xlsx:skills!A3: error: the skill id 'python' is used twice (first at "
            "b.xlsx:skills!A2)",
        ),
        (
            {"levels": [["id", "title", "points"], ["low", "Low", "lots"], ["high", "High", 2]]},
            "b.xlsx:levels!C2: error: ",
        ),
        (
            {"skills": [["id", "title", None], ["python", "Python", "stray"]]},
            "b.xlsx:skills!C2: error: this cell is in a column with no name",
        ),
        (
            {"matrix": [["version", "title"], [2, "Tiny"], [2, "Again"]]},
            "b.xlsx:matrix!A3: error: the sheet 'matrix' holds one row",
        ),
    ],
    ids=[
        "unknown sheet",
        "unknown column",
        "no owner column",
        "unknown owner",
        "no owner",
        "twice",
        "unknown level",
        "bad id",
        "duplicate id",
        "not a number",
        "unnamed column",
        "two matrix rows",
    ],
)
def test_each_problem_is_located_in_its_cell(tmp_path, changes, expected):
    found = problems(workbook(tmp_path / "b.xlsx", with_changes(**changes)))
    relative = [line.replace(f"{tmp_path}/", "") for line in found]
    assert any(line.startswith(expected) for line in relative), relative
    csv_found = problems(tables(tmp_path / "t", with_changes(**changes)))
    sheet = expected.split("!")[0].split(":", 1)[1]
    cell = re.match(r"[^!]*!([A-Z]+[0-9]+)", expected).group(1)
    where = f"t/{sheet.replace(' ', '-')}.csv:{cell}: error: "
    assert any(line.replace(f"{tmp_path}/", "").startswith(where) for line in csv_found), csv_found


def test_a_cells_problem_is_said_as_in_a_yaml_file(tmp_path):
    """The same wrong value, in a sheet and in YAML: the same message."""
    found = problems(
        workbook(
            tmp_path / "b.xlsx",
            with_changes(levels=[["id", "title", "points"], ["low", "Low", -1], ["high", "H", 2]]),
        )
    )
    (tmp_path / "m.yaml").write_text(
        "version: 2\nlevels:\n- {id: low, title: Low, points: -1}\n- {id: high, title: H, "
        "points: 2}\nskills:\n- {id: python, title: Python}\n"
    )
    diagnostics = Diagnostics()
    load_matrix(tmp_path / "m.yaml", diagnostics)
    yaml_message = next(d.message for d in diagnostics.errors if d.code == "range")
    assert any(line.endswith(f"levels!C2: error: {yaml_message}") for line in found), found


def test_every_problem_is_reported_at_once(tmp_path):
    """What is wrong with the sheets' shape and what is wrong with their values, together."""
    found = problems(
        workbook(
            tmp_path / "b.xlsx",
            with_changes(
                skills=[["id", "title", "colour"], ["python", "Python", "x"], ["SQL", "SQL"]],
                **{"role expects": [["role", "skill", "level"], ["deb", "python", "high"]]},
            ),
        )
    )
    cells = [line.split(": error: ")[0].rpartition(":")[2] for line in found]
    assert cells == ["role expects!A2", "skills!C1", "skills!A3"], found


def _patch_cell(path, cell: str, xml: str) -> None:
    """Replace the cell *cell* of the first sheet with *xml* in the saved workbook."""
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = content.decode()
                text, count = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', xml, text)
                assert count == 1, text
                content = text.encode()
            target.writestr(item, content)
    path.write_bytes(out.getvalue())


def test_formulas_are_read_as_their_saved_values_or_refused(tmp_path):
    sheets = with_changes(levels=[["id", "title", "points"], ["low", "Low", 1], ["high", "H", 2]])
    book = workbook(tmp_path / "saved.xlsx", sheets)
    _patch_cell(book, "C3", '<c r="C3"><f>C2+1</f><v>2</v></c>')
    out = io.StringIO()
    assert main(["import", str(book)], out) == 0
    assert "points: 2" in out.getvalue()
    book = workbook(tmp_path / "unsaved.xlsx", sheets)
    _patch_cell(book, "C3", '<c r="C3"><f>C2+1</f></c>')
    found = problems(book)
    assert any(
        "unsaved.xlsx:levels!C3: error: the cell holds the formula =C2+1 with no value saved"
        in line
        for line in found
    ), found
    book = workbook(tmp_path / "broken.xlsx", sheets)
    _patch_cell(book, "C3", '<c r="C3" t="e"><f>#REF!+1</f><v>#REF!</v></c>')
    found = problems(book)
    assert any("broken.xlsx:levels!C3: error: the cell holds the error #REF!" in x for x in found)


def test_merged_cells_give_their_value_to_each_cell(tmp_path):
    rows = [["role", "skill", "level"], ["dev", "python", "high"], [None, "sql", "low"]]
    book = openpyxl.load_workbook(
        workbook(tmp_path / "b.xlsx", with_changes(**{"role expects": rows}))
    )
    book["role expects"].merge_cells("A2:A3")
    book.save(tmp_path / "b.xlsx")
    out = io.StringIO()
    assert main(["import", str(tmp_path / "b.xlsx")], out) == 0
    assert "    python: high\n    sql: low\n" in out.getvalue()


@pytest.mark.parametrize(
    ("encode", "works"),
    [
        (lambda t: t.encode("utf-8-sig"), True),
        (lambda t: t.encode("utf-16"), True),
        (lambda t: t.replace(",", ";").encode("utf-8"), True),
        (lambda t: t.encode("cp1252"), False),
    ],
    ids=["utf-8 with a BOM", "utf-16", "semicolons", "cp1252"],
)
def test_csv_encodings_are_read_or_refused_clearly(tmp_path, encode, works):
    folder = tables(tmp_path / "t", with_changes(skills=[["id", "title"], ["python", "Pythön"]]))
    text = (folder / "skills.csv").read_text()
    (folder / "skills.csv").write_bytes(encode(text))
    out, err = io.StringIO(), io.StringIO()
    status = main(["import", str(folder)], out, err)
    if works:
        assert status == 0, err.getvalue()
        assert "title: Pythön" in out.getvalue()
    else:
        assert status == 1
        assert err.getvalue().startswith(f"{folder}/skills.csv:2:12: error: the byte 0xf6 is not")
        assert "save it as 'CSV UTF-8'" in err.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "this is an old .xls workbook"),
        (b"id,title\n", "this is not an .xlsx workbook"),
    ],
    ids=["xls", "not a zip"],
)
def test_files_that_are_not_workbooks_are_refused(tmp_path, content, expected):
    (tmp_path / "b.xlsx").write_bytes(content)
    found = problems(tmp_path / "b.xlsx")
    assert found == [f"{tmp_path}/b.xlsx:1:1: error: {expected}" + found[0].split(expected)[1]]


def test_a_workbook_that_unpacks_too_far_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/big.bin", "w") as big:
            for _ in range(210):
                big.write(bytes(2**20))
    found = problems(path)
    assert len(found) == 1 and "unpacks to more than 200 MiB" in found[0]


FORMULA = '=HYPERLINK("https://example.org/x","click")'


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    sheets = with_changes(skills=[["id", "title"], ["python", FORMULA], ["sql", "'quoted"]])
    diagnostics = Diagnostics()
    matrix, _ = import_matrix(workbook(tmp_path / "in.xlsx", sheets), diagnostics)
    # openpyxl itself writes '=…' as a formula: the import refuses it as unsaved
    assert matrix is None
    tables(tmp_path / "t", sheets)
    quoted = FORMULA.replace('"', '""')
    (tmp_path / "t" / "skills.csv").write_text(f"id,title\npython,\"'{quoted}\"\nsql,''quoted\n")
    matrix, _ = import_matrix(tmp_path / "t", diagnostics := Diagnostics())
    assert matrix is not None, [str(d) for d in diagnostics]
    assert [s.title for s in matrix.skills] == [FORMULA, "'quoted"]
    write_workbook(matrix, tmp_path / "out.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx")["skills"]["B2"]
    assert (cell.value, cell.data_type) == (FORMULA, "s")
    write_tables(matrix, tmp_path / "out")
    text = (tmp_path / "out" / "skills.csv").read_text()
    assert "python,\"'=HYPERLINK(" in text and "sql,''quoted" in text


def test_unknown_sheets_lead_somewhere_once(tmp_path):
    found = problems(
        tables(
            tmp_path / "t",
            with_changes(**{"role skills": [["role", "skill"]], "competencies": [["a"]]}),
        )
    )
    unknown = [line for line in found if "there is no sheet" in line]
    assert len(unknown) == 2
    assert sum("export --format tables --output FOLDER" in line for line in unknown) == 1
    assert sum("import --map MAPPING.yaml" in line for line in unknown) == 1
    assert not any("did you mean" in line for line in unknown)  # no wrong kind suggested


def test_rows_under_a_wrong_header_are_not_reported_again(tmp_path):
    sheets = with_changes(
        skills=[["slug", "title"], ["python", "Python"], ["sql", "SQL"]],
        **{"skill examples": [["skill", "examples"], *[["python", f"e{i}"] for i in range(5)]]},
    )
    found = problems(tables(tmp_path / "t", sheets))
    assert [line for line in found if "skills.csv" in line and "no column 'id'" in line]
    assert not [line for line in found if "skill-examples.csv" in line]
    assert all("/skills.csv:A1: " in line for line in found), found  # nothing further


def test_a_sheet_without_the_sheet_its_rows_belong_to_is_one_error(tmp_path):
    sheets = {k: v for k, v in MINIMAL.items() if k != "roles"}
    found = problems(tables(tmp_path / "t", sheets))
    said = [line for line in found if "role-expects.csv" in line]
    assert said == [
        f"{tmp_path}/t/role-expects.csv:A1: error: the sheet 'role expects' gives what rows of "
        "the sheet 'roles' hold, and there is no sheet 'roles'"
    ]
