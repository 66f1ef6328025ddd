"""The assessment of format version 2 against answers computed by hand on the ladder root
(tests/roots/test-ladder): weights, required skills, own expectations, ladders, tracks."""

from __future__ import annotations

import dataclasses as dc

import pytest

from skills_matrix.assessment import assess
from skills_matrix.model import Expectation
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix, load_profile

from .conftest import ROOTS

DATA = ROOTS / "test-ladder" / "_data"


@pytest.fixture(scope="module")
def matrix():
    return load_matrix(DATA / "skills-matrix.yaml")


def fits(result) -> dict[str, bool]:
    return {r.role.id: r.fits for r in result.roles}


def by_id(result):
    return {r.role.id: r for r in result.roles}


def test_ada_in_full(matrix):
    result = assess(matrix, load_profile(DATA / "profiles" / "ada.yaml", matrix))
    roles = by_id(result)
    engineer, senior = roles["engineer"], roles["senior-engineer"]
    assert (engineer.fit, engineer.own_fit, engineer.fits) == (1.0, None, True)
    # senior: planning 1 + testing 1 met, communication (weight 2) and architecture not: 2/5
    assert (senior.fit, senior.own_fit, senior.fits) == (0.4, 0.25, False)
    assert senior.missing_required == ("communication",)
    assert [(g.skill, g.required, g.gain, g.actual, g.assessed) for g in senior.gaps] == [
        ("communication", True, 0.4, "working", True),
        ("architecture", False, 0.2, None, True),  # null: assessed, none yet
    ]
    manager = roles["engineering-manager"]
    coaching = next(g for g in manager.gaps if g.skill == "coaching")
    assert (coaching.assessed, coaching.actual) == (False, None)  # absent: not assessed
    # both required: coaching (3 of 8) adds more than communication (2 of 8), then architecture
    assert [(g.skill, g.gain) for g in manager.gaps] == [
        ("coaching", 0.375),
        ("communication", 0.25),
        ("architecture", 0.125),
    ]
    assert [(t.track, t.current, t.next) for t in result.tracks] == [
        ("ic", "engineer", "senior-engineer"),
        ("management", "engineer", "senior-engineer"),
    ]
    assert result.answer.standing == ("engineer",)
    assert result.target.role.id == "senior-engineer"  # Ada's role is on the ic track
    assert [g.skill for g in result.answer.next_steps] == ["communication", "architecture"]


def test_meeting_the_base_but_not_the_own_expectations_does_not_fit(matrix):
    bo = load_profile(DATA / "profiles" / "bo.yaml", matrix)
    senior = by_id(assess(matrix, bo))["senior-engineer"]
    # planning 1 + testing 1 + communication 2 of 5: 0.8 overall, but own 3 of 4 = 0.75
    assert (senior.fit, senior.own_fit, senior.fits) == (0.8, 0.75, False)
    assert senior.missing_required == ()


def test_a_required_gap_blocks_a_fit(matrix):
    profile = Profile(
        {"planning": "practitioner", "testing": "working", "architecture": "working"}
        | {"communication": "aware"}
    )
    result = assess(matrix, profile, threshold=0.5)
    engineer, senior = by_id(result)["engineer"], by_id(result)["senior-engineer"]
    assert engineer.fit == pytest.approx(2 / 3) and not engineer.fits  # required inherited
    assert senior.fit == 0.6 and senior.own_fit == 0.5
    assert senior.missing_required == ("communication",) and not senior.fits


def test_weights_change_fit_and_gain(matrix):
    ada = load_profile(DATA / "profiles" / "ada.yaml", matrix)
    senior = matrix.role_by_id["senior-engineer"]
    unweighted = dc.replace(
        senior,
        expects={**senior.expects, "communication": Expectation("practitioner", weight=1)},
    )
    equal = dc.replace(matrix, roles=(matrix.roles[0], unweighted, *matrix.roles[2:]))
    weighted_fit = by_id(assess(matrix, ada))["senior-engineer"]
    equal_fit = by_id(assess(equal, ada))["senior-engineer"]
    assert (weighted_fit.fit, equal_fit.fit) == (0.4, 0.5)
    assert [g.gain for g in weighted_fit.gaps] == [0.4, 0.2]
    assert [g.gain for g in equal_fit.gaps] == [0.25, 0.25]


def test_a_role_threshold_and_the_top_of_a_ladder(matrix):
    everything = Profile(
        {
            "planning": "expert",
            "testing": "expert",
            "architecture": "practitioner",
            "communication": "expert",
            "coaching": "expert",
        }
    )
    result = assess(matrix, everything)
    staff = by_id(result)["staff-engineer"]
    # architecture at expert is missing: 4 of 5 = 0.8, under the staff role's own 0.9
    assert (staff.threshold, staff.fit, staff.fits) == (0.9, 0.8, False)
    assert [(t.track, t.current, t.next) for t in result.tracks] == [
        ("ic", "senior-engineer", "staff-engineer"),
        ("management", "engineering-manager", None),
    ]
    best = dc.replace(everything, skills={**everything.skills, "architecture": "expert"})
    top = assess(matrix, best)
    assert [(t.current, t.next) for t in top.tracks] == [
        ("staff-engineer", None),
        ("engineering-manager", None),
    ]
    assert top.target is None and top.answer.next_steps == ()


def test_json_has_every_key_of_the_spec(matrix):
    ada = load_profile(DATA / "profiles" / "ada.yaml", matrix)
    document = assess(matrix, ada).to_json()
    assert list(document) == ["profile", "threshold", "roles", "tracks", "answer", "points"]
    assert list(document["roles"][0]) == [
        *("id", "title", "track", "grade", "threshold", "fit", "own_fit", "fits", "met"),
        *("expected", "missing_required", "gaps", "responsibilities", "points"),
    ]
    assert list(document["answer"]) == ["standing", "target", "aim", "next_steps"]
    assert document["points"] is None and document["roles"][0]["points"] is None
    senior = next(r for r in document["roles"] if r["id"] == "senior-engineer")
    assert senior["gaps"][0] == {
        "skill": "communication",
        "expected": "practitioner",
        "actual": "working",
        "assessed": True,
        "required": True,
        "gain": 0.4,
        "short": 1,
    }
    assert document["tracks"][0] == {"id": "ic", "current": "engineer", "next": "senior-engineer"}


def test_version_1_data_keeps_the_version_1_answer():
    from .test_assessment import BASIC

    matrix = load_matrix(BASIC)
    document = assess(matrix, Profile({"sql": "lead"})).to_json()
    assert list(document) == ["profile", "threshold", "roles"]
    assert list(document["roles"][0]) == [
        *("id", "title", "fit", "fits", "met", "expected", "gaps", "responsibilities"),
    ]


def test_the_text_report_shows_the_profiles_evidence_date_and_role():
    import io

    from skills_matrix.cli import main

    out, err = io.StringIO(), io.StringIO()
    profile = str(DATA / "profiles" / "ada.yaml")
    assert main(["assess", profile, "--data", str(DATA / "skills-matrix.yaml")], out, err) == 0
    text = out.getvalue()
    assert "Assessed on 2026-11-30; current role: Engineer." in text
    assert '  - Planning: Planned the Q3 migration, "on time" & in budget' in text
    assert "  - Planning: Migration plan <https://example.org/plan>" in text
