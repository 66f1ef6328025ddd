"""The assessment, against the format's definitions, on a matrix written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from skills_matrix.assessment import assess
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix

BASIC = Path(__file__).parent / "roots" / "test-basic" / "_data" / "skills-matrix.yaml"


@pytest.fixture(scope="module")
def matrix():
    return load_matrix(BASIC)


def test_spec_definitions_by_hand(matrix):
    # analyst expects sql>=competent, regression>=competent, writing>=novice.
    profile = Profile({"sql": "lead", "regression": "novice"}, name="Sam")
    result = assess(matrix, profile).to_json()
    assert result["profile"] == "Sam" and result["threshold"] == 0.8
    roles = {r["id"]: r for r in result["roles"]}
    analyst = roles["analyst"]
    assert (analyst["met"], analyst["expected"]) == (1, 3)
    assert analyst["fit"] == pytest.approx(1 / 3)
    assert analyst["fits"] is False
    # gaps in the order of the matrix's skills: writing is listed before regression
    assert analyst["gaps"] == [
        {"skill": "writing", "expected": "novice", "actual": None},
        {"skill": "regression", "expected": "competent", "actual": "novice"},
    ]
    # explain-results is supported by sql, regression and writing: 1 of 3 met.
    assert analyst["responsibilities"] == [
        {"id": "explain-results", "coverage": pytest.approx(1 / 3)}
    ]
    engineer = roles["data-engineer"]
    # sql lead >= lead is met; orchestration missing.
    assert (engineer["met"], engineer["fit"], engineer["fits"]) == (1, 0.5, False)
    # ship-pipelines is supported by sql (core) and orchestration (supporting).
    assert engineer["responsibilities"] == [{"id": "ship-pipelines", "coverage": 0.5}]


def test_order_by_fit_then_id(matrix):
    profile = Profile({"sql": "lead", "orchestration": "lead", "regression": "lead"})
    ids = [r["id"] for r in assess(matrix, profile).to_json()["roles"]]
    assert ids == ["data-engineer", "analyst"]  # 1.0, then 2/3


def test_ties_ordered_by_id(matrix):
    ids = [r["id"] for r in assess(matrix, Profile({})).to_json()["roles"]]
    assert ids == ["analyst", "data-engineer"]


def test_threshold_is_inclusive(matrix):
    profile = Profile({"sql": "lead"})
    result = assess(matrix, profile, threshold=0.5, role="data-engineer")
    assert [(r.fit, r.fits) for r in result.roles] == [(0.5, True)]


def test_role_without_expectations_has_null_fit_and_comes_last(matrix):
    import dataclasses as dc

    from skills_matrix.model import Role

    empty = Role("a-empty", "Empty", responsibilities=("ship-pipelines",))
    bigger = dc.replace(matrix, roles=(*matrix.roles, empty))
    result = assess(bigger, Profile({})).to_json()
    assert result["roles"][-1]["id"] == "a-empty"
    assert result["roles"][-1]["fit"] is None and result["roles"][-1]["fits"] is False
    assert result["roles"][-1]["responsibilities"] == [{"id": "ship-pipelines", "coverage": None}]
