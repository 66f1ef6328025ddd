"""The writer's own keys (``x-``) survive the sheets round trip, as workbook and as CSV; what
no cell can hold is said, never dropped silently; ``x-`` sheets and columns are the writer's
own in any case."""

from __future__ import annotations

import io

import openpyxl
import pytest

from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading import load_matrix
from skills_matrix.spreadsheets.to_yaml import import_matrix
from skills_matrix.spreadsheets.write import write_tables, write_workbook

from .test_sheets import round_trip, same

OWN = """\
version: 2
title: Own keys
x-owner: Platform team
x-edition: 3
levels:
  - {id: low, title: Low, x-colour: green}
  - {id: high, title: High, x-colour: red, x-strict: true}
responsibilities:
  - {id: ship, title: Ship, sources: [{url: "https://example.org", x-checked: 2026-12-01}]}
skills:
  - id: python
    title: Python
    x-owner: Ada
    supports: {ship: core}
    levels:
      high: {description: Writes packages, x-reviewed: false}
roles:
  - id: dev
    title: Developer
    x-headcount: 4
    expects:
      python: {level: high, x-why: the stack is Python, weight: 1.5}
retired:
  - {kind: skill, id: perl, x-ticket: PLAT-42}
"""


@pytest.mark.parametrize("writer", [write_workbook, write_tables], ids=["xlsx", "tables"])
def test_own_keys_survive_the_round_trip(tmp_path, writer):
    path = tmp_path / "m.yaml"
    path.write_text(OWN, encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    assert matrix is not None, [str(d) for d in diagnostics]
    assert matrix.extensions == {"x-owner": "Platform team", "x-edition": 3}
    assert matrix.roles[0].expects["python"].extensions == {"x-why": "the stack is Python"}
    round_trip(matrix, tmp_path, writer)  # same(imported) == same(matrix), both ways
    exported = same(matrix)
    assert exported["skills"][0]["levels"]["high"]["x-reviewed"] is False
    assert exported["retired"][0]["x-ticket"] == "PLAT-42"
    assert exported["responsibilities"][0]["sources"][0]["x-checked"] == "2026-12-01"


def test_what_no_cell_can_hold_is_said(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        OWN.replace("x-owner: Ada", "x-owner: {name: Ada, since: 2024}")
        .replace("x-headcount: 4", "x-history: [3, 4]")
        .replace("x-owner: Platform team", "x-owner: '42'"),
        encoding="utf-8",
    )
    for form, target in (("xlsx", "m.xlsx"), ("tables", "tables")):
        out, err = io.StringIO(), io.StringIO()
        argv = ["export", str(path), "--format", form, "--output", str(tmp_path / target)]
        assert main(argv, out, err) == 0, err.getvalue()
        said = err.getvalue()
        assert (
            "warning: left out: skills python: x-owner (a mapping; a cell holds one value)" in said
        )
        assert "warning: left out: roles dev: x-history (a list; a cell holds one value)" in said
        number = "matrix: x-owner '42' is text a CSV cell gives back as int"
        assert (number in said) is (form == "tables")


def test_own_sheets_and_columns_in_any_case_are_left_to_the_writer(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(OWN, encoding="utf-8")
    matrix = load_matrix(path)
    book_path = tmp_path / "m.xlsx"
    write_workbook(matrix, book_path)
    book = openpyxl.load_workbook(book_path)
    book.create_sheet("X-Notes").append(["anything", "at all"])
    skills = book["skills"]
    skills.cell(1, skills.max_column + 1, "X-Reviewer")
    skills.cell(2, skills.max_column, "Bo")
    book.save(book_path)
    diagnostics = Diagnostics()
    imported, data = import_matrix(book_path, diagnostics)
    assert imported is not None, [str(d) for d in diagnostics]
    assert data["skills"][0]["x-Reviewer"] == "Bo"
