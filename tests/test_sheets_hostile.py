"""Hardening, round four: workbooks and CSV files made to hurt (built here, small), each
refused or read with a located error, never a traceback, within bounded time and memory."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import zipfile

import openpyxl

from skills_matrix.cli import main

from .conftest import PROJECT
from .test_sheets_errors import MINIMAL, problems, tables, with_changes, workbook

LIMIT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
from skills_matrix.cli import main
sys.exit(main(sys.argv[1:]))
"""


def bounded_import(path, seconds: float = 30):
    """``skills-matrix import PATH`` in a process of at most 1.5 GiB, given *seconds*."""
    done = subprocess.run(
        [sys.executable, "-c", LIMIT, "import", str(path)],
        capture_output=True,
        text=True,
        timeout=seconds,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stderr


def edited(path, **parts: callable):
    """The workbook at *path* with each named part's text passed through its function (a
    part mapped to ``None`` is left out)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            change = parts.get(name.replace("/", "_").replace(".", "_"), lambda d: d)
            if change is None:
                continue
            archive.writestr(name, change(data.decode()).encode())
    return path


def test_two_far_cells_are_refused_before_loading(tmp_path):
    path = workbook(tmp_path / "far.xlsx", MINIMAL)
    book = openpyxl.load_workbook(path)
    for page in book.worksheets[:3]:
        page.cell(1_048_576, 16_384, "far")
    book.save(path)
    assert path.stat().st_size < 40_000
    status, err = bounded_import(path, seconds=20)
    assert status == 1
    assert "far.xlsx:matrix!A1: error: the sheet 'matrix' spans 1,048,576 rows and 16,384" in err


def test_a_range_merged_over_a_whole_sheet_is_refused(tmp_path):
    path = workbook(tmp_path / "merged.xlsx", MINIMAL)
    merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    edited(
        path, xl_worksheets_sheet2_xml=lambda t: t.replace("</sheetData>", "</sheetData>" + merge)
    )
    status, err = bounded_import(path, seconds=20)
    assert status == 1
    assert "merged.xlsx:levels!A1: error: the sheet 'levels' spans 1,048,576 rows" in err


def test_an_error_merged_over_cells_is_refused_at_its_cell(tmp_path):
    path = workbook(
        tmp_path / "b.xlsx", with_changes(skills=[["id", "title"], ["python", "#REF!"]])
    )
    book = openpyxl.load_workbook(path)
    book["skills"].merge_cells("B2:C2")
    book.save(path)
    found = problems(path)
    assert any("b.xlsx:skills!B2: error: the cell holds the error #REF!" in line for line in found)


def test_a_duration_is_a_located_error(tmp_path):
    path = workbook(tmp_path / "b.xlsx", MINIMAL)
    book = openpyxl.load_workbook(path)
    page = book["role expects"]
    page["D1"], page["D2"] = "weight", 1.5
    page["D2"].number_format = "[h]:mm:ss"
    book.save(path)
    found = problems(path)
    assert found == [
        f"{path}:role expects!D2: error: the cell is formatted as a duration (1 day, 12:00:00); "
        "format it as a number or as text"
    ]


def test_sheets_keep_the_names_the_workbook_gives(tmp_path):
    path = workbook(tmp_path / "b.xlsx", {**MINIMAL, "other": [["id"]]})
    edited(path, xl_workbook_xml=lambda t: t.replace('name="other"', 'name="LEVELS"'))
    found = problems(path)
    assert any("the sheet 'LEVELS' is given twice (also as 'levels')" in line for line in found)
    assert not any("LEVELS1" in line for line in found)


def test_a_very_hidden_sheet_is_named(tmp_path):
    path = workbook(
        tmp_path / "b.xlsx",
        {**MINIMAL, "skill examples": [["skill", "examples"], ["python", "numpy"]]},
    )
    book = openpyxl.load_workbook(path)
    book["skill examples"].sheet_state = "veryHidden"
    book.save(path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path)], out, err) == 0, err.getvalue()
    assert (
        "b.xlsx:skill examples!A1: note: the sheet 'skill examples' is very hidden"
        in err.getvalue()
    )
    assert "numpy" in out.getvalue()


def test_a_workbook_without_styles_is_read(tmp_path):
    path = workbook(tmp_path / "b.xlsx", MINIMAL)
    edited(
        path,
        xl_styles_xml=None,
        xl_worksheets_sheet1_xml=lambda t: t.replace('<c r="A1" ', '<c r="A1" s="7" '),
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path)], out, err) == 0, err.getvalue()
    assert "title: Tiny" in out.getvalue()


def test_a_damaged_part_is_refused_in_one_line(tmp_path):
    path = workbook(tmp_path / "b.xlsx", MINIMAL)
    edited(path, xl_workbook_xml=lambda t: t.replace("<sheets>", "<sheets><sheet/"))
    found = problems(path)
    assert len(found) == 1 and found[0].startswith(f"{path}:1:1: error: the workbook cannot be")


def test_openpyxl_warnings_are_not_printed(tmp_path, capfd):
    path = workbook(tmp_path / "b.xlsx", MINIMAL)
    edited(
        path,
        xl_styles_xml=lambda t: t.replace("<fonts", '<extLst><ext uri="x"/></extLst><fonts', 1),
    )
    main(["import", str(path)], io.StringIO(), io.StringIO())
    assert "site-packages" not in capfd.readouterr().err


# CSV files.


def csv_problems(tmp_path, files: dict[str, bytes]) -> tuple[int, str]:
    folder = tmp_path / "t"
    tmp_path.mkdir(exist_ok=True)
    tables(folder, MINIMAL)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    status = main(["import", str(folder)], out, err)
    assert "Traceback" not in err.getvalue()
    return status, err.getvalue()


def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    text = "id,title\npython,Python\nsql,SQL\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        status, err = csv_problems(tmp_path / encoding, {"skills.csv": text.encode(encoding)})
        assert status == 0, err


def test_a_double_byte_order_mark_is_read(tmp_path):
    data = "\ufeff\ufeffid,title\npython,Python\nsql,SQL\n".encode()
    status, err = csv_problems(tmp_path, {"skills.csv": data})
    assert status == 0, err


def test_empty_csv_files_are_located_errors(tmp_path):
    for index, data in enumerate((b"", b"\xef\xbb\xbf", b"\r\n")):
        status, err = csv_problems(tmp_path / str(index), {"skill-examples.csv": data})
        assert status == 1
        assert "t/skill-examples.csv:1:1: error: the file is empty" in err, err


def test_rows_shorter_than_their_header(tmp_path):
    files = {
        "skill-examples.csv": b"skill,examples\npython\n",
        "skill-supports.csv": b"skill,responsibility,strength\npython\n",
        "role-expects.csv": b"role,skill,level\ndev,python\n",
    }
    status, err = csv_problems(tmp_path, files)
    assert status == 1
    assert "skill-supports.csv:B2: error: this row names no responsibility" in err
    assert "role-expects.csv:" in err


def test_the_hostile_helpers_bound_memory():
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    assert "RLIMIT_AS" in LIMIT and soft == resource.RLIM_INFINITY or soft > 0


def test_links_in_a_tables_folder_are_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n")
    folder = tables(tmp_path / "t", MINIMAL)
    (folder / "skill-examples.csv").symlink_to(secret)
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(folder)], out, err) == 0, err.getvalue()
    assert "t/skill-examples.csv:1:1: warning: left out: this is a link" in err.getvalue()
    assert "hunter2" not in err.getvalue() + out.getvalue()


def test_text_that_xml_cannot_hold_is_refused(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "version: 2\nlevels: [{id: a, title: A}, {id: b, title: B}]\n"
        'skills: [{id: x, title: "X\\uFFFE"}]\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["validate", str(path)], out, io.StringIO()) == 1
    assert "m.yaml:3:25: error: the title of the skill 'x' holds the control character U+FFFE" in (
        out.getvalue()
    )


def test_a_file_name_cannot_write_keys_into_the_import(tmp_path):
    folder = tables(tmp_path / "t\nversion: 1\u2028title: injected", MINIMAL)
    out = io.StringIO()
    assert main(["import", str(folder)], out, io.StringIO()) == 0
    head, *_ = out.getvalue().split("\n", 1)
    assert head.startswith("# Imported from t\\nversion: 1\\u2028title: injected")
    assert "title: injected" not in out.getvalue().split("\n", 1)[1]


def test_an_impossible_day_is_called_so(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("version: 2\ndate: 2026-02-29\nskills: {}\n")
    matrix = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
    err = io.StringIO()
    assert main(["assess", str(path), "--data", str(matrix)], io.StringIO(), err) == 1
    assert "2026-02-29, is no day of the calendar" in err.getvalue()


def test_a_workbook_over_the_size_limit_is_not_told_to_become_a_folder(tmp_path):
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK" + b"\0" * (10 * 2**20 + 1))
    found = problems(path)
    assert found == [f"{path}:1:1: error: the workbook is over 10 MiB; larger ones are refused"]
