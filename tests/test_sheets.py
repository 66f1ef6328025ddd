"""Sheets round trips: a matrix exported as a workbook or as CSV tables and imported back is the
same matrix (``export --format json`` equal), and the YAML import writes reads back the same."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings

from skills_matrix import format as fmt
from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.export import to_json
from skills_matrix.reading import load_matrix
from skills_matrix.spreadsheets.cells import INSTALL
from skills_matrix.spreadsheets.layout import SHEETS
from skills_matrix.spreadsheets.to_yaml import import_matrix, yaml_text
from skills_matrix.spreadsheets.write import write_tables, write_workbook

from .conftest import PROJECT, ROOTS
from .strategies import v2_matrices

SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
MATRICES = [SITE, *sorted(ROOTS.glob("test-*/_data/skills-matrix.yaml"))]


def same(matrix) -> dict:
    """The matrix as ``export --format json`` gives it, but for the version it was written in."""
    out = to_json(matrix)
    out.pop("source_version")
    return out


def round_trip(matrix, tmp_path, writer):
    target = tmp_path / ("m.xlsx" if writer is write_workbook else "tables")
    writer(matrix, target)
    diagnostics = Diagnostics()
    imported, data = import_matrix(target, diagnostics)
    assert imported is not None, [str(d) for d in diagnostics]
    assert same(imported) == same(matrix)
    written = tmp_path / "imported.yaml"
    written.write_text(yaml_text(data, str(target)), encoding="utf-8")
    diagnostics = Diagnostics()
    again = load_matrix(written, diagnostics)
    assert again is not None, [str(d) for d in diagnostics]
    assert same(again) == same(matrix)
    return target


@pytest.mark.parametrize("writer", [write_workbook, write_tables], ids=["xlsx", "tables"])
@pytest.mark.parametrize("path", MATRICES, ids=lambda p: p.parent.parent.name)
def test_round_trip_keeps_the_matrix(tmp_path, path, writer):
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    if matrix is None:  # the bad-data root: nothing to export
        assert path.parent.parent.name == "test-bad-data"
        return
    round_trip(matrix, tmp_path, writer)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=v2_matrices())
def test_round_trip_keeps_any_v2_matrix(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("m") / "m.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    assert matrix is not None, [str(d) for d in diagnostics]
    for writer in (write_tables, write_workbook):
        round_trip(matrix, tmp_path_factory.mktemp("out"), writer)


def test_the_layout_covers_every_key_of_the_matrix():
    """Every key a matrix can hold, at any depth, has a column or a sheet."""
    covered = {(s.kind.name if s.kind else None, c.name) for s in SHEETS for c in s.own}
    held = {(s.parent, s.key) for s in SHEETS}
    seen = set()

    def visit(kind: fmt.Kind, sheet: str) -> None:
        for field in kind.fields:
            if (kind.name, field.key) in covered:
                continue
            child = next(s for s in SHEETS if (s.parent, s.key) == (sheet, field.key))
            assert (sheet, field.key) in held
            seen.add(child.name)
            if child.kind is not None:
                visit(child.kind, child.name)

    visit(fmt.KINDS["matrix"], "matrix")
    assert seen == {s.name for s in SHEETS} - {"matrix"}


def test_the_command_line_exports_and_imports(tmp_path):
    book, tables, back = tmp_path / "m.xlsx", tmp_path / "tables", tmp_path / "m.yaml"
    for fmt_name, target in (("xlsx", book), ("tables", tables)):
        assert main(["export", str(SITE), "--format", fmt_name, "--output", str(target)]) == 0
    assert sorted(p.name for p in tables.iterdir()) == sorted(s.file_name for s in SHEETS)
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(book), "--output", str(back)], out, err) == 0, err.getvalue()
    assert out.getvalue() == err.getvalue() == ""
    text = back.read_text(encoding="utf-8")
    assert text.startswith("# Imported from m.xlsx by skills-matrix import.\nversion: 2\n")
    out = io.StringIO()
    assert main(["import", str(tables)], out) == 0
    assert out.getvalue().split("\n", 1)[1] == text.split("\n", 1)[1]
    exported = [io.StringIO(), io.StringIO()]
    assert main(["export", str(SITE)], exported[0]) == 0
    assert main(["export", str(back)], exported[1]) == 0
    first, second = (json.loads(e.getvalue()) for e in exported)
    assert first == second


def test_nothing_is_overwritten(tmp_path):
    book = tmp_path / "m.xlsx"
    book.write_bytes(b"mine")
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "skills.csv").write_text("mine")
    (tmp_path / "m.yaml").write_text("mine")
    for argv in (
        ["export", str(SITE), "--format", "xlsx", "--output", str(book)],
        ["export", str(SITE), "--format", "tables", "--output", str(tmp_path / "tables")],
        ["export", str(SITE), "--format", "csv", "--output", str(tmp_path / "m.yaml")],
    ):
        err = io.StringIO()
        assert main(argv, io.StringIO(), err) == 2
        assert "nothing is overwritten" in err.getvalue()
    assert book.read_bytes() == b"mine"
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["skills.csv"]
    assert (tmp_path / "m.yaml").read_text() == "mine"
    main(["export", str(SITE), "--format", "tables", "--output", str(tmp_path / "t")])
    err = io.StringIO()
    argv = ["import", str(tmp_path / "t"), "--output", str(tmp_path / "m.yaml")]
    assert main(argv, io.StringIO(), err) == 2
    assert (tmp_path / "m.yaml").read_text() == "mine"


def test_sheets_need_an_output_and_say_how_to_get_openpyxl(tmp_path, monkeypatch):
    err = io.StringIO()
    assert main(["export", str(SITE), "--format", "xlsx"], io.StringIO(), err) == 2
    assert "give --output PATH" in err.getvalue()
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    err = io.StringIO()
    argv = ["export", str(SITE), "--format", "xlsx", "--output", str(tmp_path / "m.xlsx")]
    assert main(argv, io.StringIO(), err) == 2
    assert "needs openpyxl: " + INSTALL in err.getvalue()
    assert not (tmp_path / "m.xlsx").exists()
    main(["export", str(SITE), "--format", "tables", "--output", str(tmp_path / "t")])
    assert main(["import", str(tmp_path / "t")], io.StringIO()) == 0  # CSV needs no openpyxl


def test_the_command_lines_page_lists_the_layout():
    page = (PROJECT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z ]+)` \| (.*) \|$", page, re.MULTILINE)
    assert listed == [(s.name, ", ".join(f"`{c.name}`" for c in s.columns)) for s in SHEETS]
