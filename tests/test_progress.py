"""``skills-matrix progress``: one person's dated assessments, checked against fits worked out
by hand on the example framework that ``init`` writes."""

from __future__ import annotations

import io
import json

import pytest

from skills_matrix.cli import main

from .conftest import PROJECT

DATA = PROJECT / "skills_matrix" / "template" / "docs" / "_data" / "skills-matrix.yaml"

# Senior Engineer expects planning and testing at practitioner (weight 1 each), code review at
# practitioner (weight 2) and mentoring at working (weight 1): a whole weight of 5.
JANUARY = {"planning": "working", "testing": "working", "code-review": "working"}
JUNE = {
    "planning": "practitioner",
    "testing": "practitioner",
    "code-review": "practitioner",
    "mentoring": "working",
}
SEPTEMBER = {**JUNE, "code-review": "working"}  # 3 of 5 met: 60%, below 80%


def profile(folder, file, date, skills, name="Ada"):
    body = {"version": 2, "name": name, "date": date, "skills": skills}
    if date is None:
        del body["date"]
    (folder / file).write_text(json.dumps(body), encoding="utf-8")
    return str(folder / file)


@pytest.fixture
def series(tmp_path):
    return [  # given out of order: the command orders them by date
        profile(tmp_path, "c.yaml", "2026-09-01", SEPTEMBER),
        profile(tmp_path, "a.yaml", "2026-01-15", JANUARY),
        profile(tmp_path, "b.yaml", "2026-06-30", JUNE),
    ]


def run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["progress", "--data", str(DATA), *argv], out, err)
    return status, out.getvalue(), err.getvalue()


def test_progress_as_json_matches_the_hand_computed_fits(series):
    status, out, err = run(*series, "--aim", "senior-engineer", "--format", "json")
    assert status == 0, err
    result = json.loads(out)
    assert result["name"] == "Ada"
    dates = [a["date"] for a in result["assessments"]]
    assert dates == ["2026-01-15", "2026-06-30", "2026-09-01"]
    senior = [a["fits"]["senior-engineer"] for a in result["assessments"]]
    assert senior == [0.0, 1.0, pytest.approx(0.6)]
    assert [a["fits"]["engineer"] for a in result["assessments"]] == [1.0, 1.0, 1.0]
    assert [a["standing"] for a in result["assessments"]] == [
        ["engineer"],
        ["senior-engineer"],
        ["engineer"],
    ]
    first, second = result["changes"]
    assert [c["skill"] for c in first["raised"]] == list(JUNE)
    assert first["raised"][-1] == {"skill": "mentoring", "before": None, "after": "working"}
    assert first["newly_fitting"] == ["senior-engineer"] and first["lowered"] == []
    assert second["lowered"] == [
        {"skill": "code-review", "before": "practitioner", "after": "working"}
    ]
    assert second["no_longer_fitting"] == ["senior-engineer"] and second["raised"] == []


def test_progress_as_text_is_a_short_table(series):
    status, out, _ = run(*series, "--aim", "senior-engineer")
    assert status == 0
    assert out.splitlines()[:6] == [
        "Progress of Ada: 3 assessments, 2026-01-15 to 2026-09-01",
        "",
        "Date        Stands as        Working towards  Fit",
        "2026-01-15  Engineer         Senior Engineer  0%",
        "2026-06-30  Senior Engineer  Senior Engineer  100%",
        "2026-09-01  Engineer         Senior Engineer  60%",
    ]
    assert (
        "  2026-06-30 → 2026-09-01: lowered Code review (Practitioner → Working); no longer "
        "fits Senior Engineer."
    ) in out


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda d: [
                profile(d, "a.yaml", "2026-01-15", JANUARY),
                profile(d, "b.yaml", None, JUNE),
            ],
            "b.yaml has no date",
        ),
        (
            lambda d: [
                profile(d, "a.yaml", "2026-01-15", JANUARY),
                profile(d, "b.yaml", "2026-06-30", JUNE, name="Bo"),
            ],
            "the profiles are of different people: 'Ada'",
        ),
        (
            lambda d: [
                profile(d, "a.yaml", "2026-01-15", JANUARY),
                profile(d, "b.yaml", "2026-01-15", JUNE),
            ],
            "are both dated 2026-01-15",
        ),
    ],
    ids=["no date", "two people", "one date twice"],
)
def test_profiles_that_are_no_progress_are_a_clear_error(tmp_path, make, expected):
    status, out, err = run(*make(tmp_path))
    assert status == 1 and out == ""
    assert err.startswith("skills-matrix: error: ") and expected in err, err


def test_a_folder_of_profiles_and_an_unknown_aim(series, tmp_path):
    status, out, _ = run(str(tmp_path), "--format", "json")
    assert status == 0 and len(json.loads(out)["assessments"]) == 3
    status, _, err = run(str(tmp_path), "--aim", "staff-engineer")
    assert status == 2 and "the matrix has no role 'staff-engineer'" in err
