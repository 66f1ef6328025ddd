"""The grids every renderer shares: order, grouping and the narrowing options."""

from __future__ import annotations

import pytest

from skills_matrix.grid import build_comparison, build_grid
from skills_matrix.model import SelectionError
from skills_matrix.reading import load_matrix

from .test_assessment import BASIC


@pytest.fixture(scope="module")
def matrix():
    return load_matrix(BASIC)


def rows(grid):
    return [
        (g.category.id if g.category else None, [r.skill.id for r in g.rows]) for g in grid.groups
    ]


def test_default_grid_follows_the_spec(matrix):
    grid = build_grid(matrix)
    assert [c.id for c in grid.columns] == ["ship-pipelines", "explain-results"]
    # categories in declared order, file order inside, uncategorised last
    assert rows(grid) == [
        ("eng", ["sql", "orchestration"]),
        ("stats", ["regression"]),
        (None, ["writing"]),
    ]
    assert grid.rows[0].cells == ("core", "supporting")
    assert grid.rows[1].cells == ("supporting", None)


def test_role_keeps_its_responsibilities_and_expected_skills(matrix):
    grid = build_grid(matrix, role="analyst")
    assert [c.id for c in grid.columns] == ["explain-results"]
    assert rows(grid) == [("eng", ["sql"]), ("stats", ["regression"]), (None, ["writing"])]
    assert [r.expected.id for r in grid.rows] == ["competent", "competent", "novice"]


def test_category_and_responsibilities(matrix):
    assert rows(build_grid(matrix, categories=["stats"])) == [("stats", ["regression"])]
    grid = build_grid(matrix, responsibilities=["ship-pipelines"])
    assert [c.id for c in grid.columns] == ["ship-pipelines"]
    assert rows(grid) == [("eng", ["sql", "orchestration"])]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"role": "analyts"}, "no role 'analyts' (did you mean 'analyst'?)"),
        ({"categories": ["eng", "stat"]}, "no category 'stat'"),
        ({"responsibilities": ["ship"]}, "no responsibility 'ship'"),
    ],
)
def test_unknown_selection(matrix, options, words):
    with pytest.raises(
        SelectionError, match=words.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")
    ):
        build_grid(matrix, **options)


def test_comparison(matrix):
    comparison = build_comparison(matrix)
    assert [r.id for r in comparison.roles] == ["analyst", "data-engineer"]
    table = {
        row.skill.id: [lv.id if lv else None for lv in row.cells]
        for _, group in comparison.groups
        for row in group
    }
    assert table == {
        "sql": ["competent", "lead"],
        "orchestration": [None, "competent"],
        "regression": ["competent", None],
        "writing": ["novice", None],
    }
