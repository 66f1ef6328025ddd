"""The answer every surface leads with (format version 2, second edition): one test per rung
of the target rule, the standing, the gap order, the words shown, and the aim's errors, on
the ladder root (tests/roots/test-ladder: Engineer → Senior → Staff or Engineering Manager)."""

from __future__ import annotations

import io

import pytest

from skills_matrix.assessment import assess
from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.model import SelectionError
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix, load_profile

from .conftest import ROOTS

DATA = ROOTS / "test-ladder" / "_data"
SENIOR = {"planning": "practitioner", "testing": "working", "communication": "practitioner"}
SENIOR |= {"architecture": "working"}  # Senior fits; Staff and the manager do not
TOP = dict.fromkeys(["planning", "testing", "architecture", "communication", "coaching"], "expert")


@pytest.fixture(scope="module")
def matrix():
    return load_matrix(DATA / "skills-matrix.yaml")


def target(matrix, skills, **given):
    role = given.pop("role", None)
    return assess(matrix, Profile(skills, role=role), **given).answer.target


def test_rung_1_the_aim_comes_first(matrix):
    assert target(matrix, SENIOR, aim="engineer") == "engineer"  # even a role that fits
    # the command's aim beats the profile's, which beats the page's
    profile = Profile(SENIOR, aim="staff-engineer")
    assert assess(matrix, profile, aim="engineering-manager").answer.target == (
        "engineering-manager"
    )
    assert assess(matrix, profile, page_aim="engineer").answer.target == "staff-engineer"
    assert assess(matrix, Profile(SENIOR), page_aim="engineer").answer.aim == "engineer"


def test_rung_2_the_track_of_the_profiles_role(matrix):
    assert target(matrix, SENIOR, role="engineering-manager") == "engineering-manager"
    assert target(matrix, SENIOR, role="staff-engineer") == "staff-engineer"
    # a role on no track (none here: every role has one) or a track at its top falls through
    assert target(matrix, TOP | {"architecture": "practitioner"}, role="engineering-manager") == (
        "staff-engineer"
    )


def test_rung_3_the_highest_place_on_any_ladder(matrix):
    # both ladders stand at Senior (grade 2): a tie goes to the first track
    assert target(matrix, SENIOR) == "staff-engineer"


def test_rung_4_the_best_role_not_yet_fitting(matrix):
    # the manager track is at its top (grade 3, no next): the highest fit among the rest
    assert target(matrix, TOP | {"architecture": "practitioner"}) == "staff-engineer"
    # nothing fits, no ladder has a current role: the first rung is every ladder's next, so
    # rung 3 gives nothing and rung 4 picks the highest fit
    assert target(matrix, {"planning": "expert", "testing": "expert"}) == "engineer"


def test_rung_5_nothing_when_every_role_fits(matrix):
    result = assess(matrix, Profile(TOP))
    assert result.answer.target is None and result.answer.next_steps == ()
    assert result.answer.standing == ("staff-engineer", "engineering-manager")


def test_standing_is_the_highest_fitting_role_on_each_ladder(matrix):
    assert assess(matrix, Profile(SENIOR)).answer.standing == ("senior-engineer",)
    assert assess(matrix, Profile({})).answer.standing == ()


def test_gaps_fewest_levels_short_first_at_equal_gain():
    from skills_matrix.model import Level, Matrix, Role, Skill

    matrix = Matrix(
        levels=tuple(Level(f"l{i}", f"L{i}") for i in range(4)),
        responsibilities=(),
        skills=(Skill("far", "Far"), Skill("near", "Near"), Skill("none", "None")),
        roles=(Role("r", "R", expects={"far": "l3", "near": "l3", "none": "l3"}),),
        version=2,
    )
    result = assess(matrix, Profile({"far": "l0", "near": "l2", "none": None}))
    gaps = result.every["r"].gaps
    assert [(g.skill, g.short) for g in gaps] == [("near", 1), ("far", 3), ("none", 4)]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def profile_file(tmp_path, text: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_words_aim_reached_and_no_next_steps(tmp_path):
    path = profile_file(
        tmp_path,
        "version: 2\naim: engineering-manager\nskills:\n"
        + "".join(f"  {skill}: expert\n" for skill in TOP if skill != "architecture")
        + "  architecture: practitioner\n",
    )
    code, out, _ = run("assess", path, "--data", str(DATA))
    assert code == 0
    assert "Working towards: Engineering Manager, your aim" in out
    assert "Aim reached: the role you aim at fits." in out
    assert "No next steps: every skill the role expects is met." in out
    code, out, _ = run("assess", path, "--data", str(DATA), "--aim", "staff-engineer")
    assert "Aim reached" not in out and "No next steps" not in out
    assert "Next steps towards Staff Engineer:" in out
    assert "Architecture: reach Expert, 1 level up" in out


def test_words_a_roles_own_threshold_beside_its_verdict(tmp_path):
    path = profile_file(tmp_path, "version: 2\nskills:\n  planning: practitioner\n")
    _, out, _ = run("assess", path, "--data", str(DATA))
    assert "Staff Engineer (staff-engineer): 20% — does not fit: a required skill is " in out
    assert "missing (fits at 90%)" in out
    assert (
        "Senior Engineer (senior-engineer): 20% — does not fit: a required skill is "
        "missing\n" in out
    )  # the default threshold is not repeated


def test_words_every_role_fits(tmp_path):
    path = profile_file(
        tmp_path, "version: 2\nskills:\n" + "".join(f"  {s}: expert\n" for s in TOP)
    )
    _, out, _ = run("assess", path, "--data", str(DATA))
    assert "Where you stand: Staff Engineer, Engineering Manager." in out
    assert "Working towards: nothing further; every role fits." in out


def test_an_unknown_aim_on_the_command_line_is_a_usage_error(tmp_path):
    path = profile_file(tmp_path, "version: 2\nskills: {}\n")
    code, out, err = run("assess", path, "--data", str(DATA), "--aim", "staff-enginer")
    assert code == 2 and out == ""
    assert "no role 'staff-enginer' (did you mean 'staff-engineer'?)" in err
    with pytest.raises(SelectionError):
        assess(load_matrix(DATA / "skills-matrix.yaml"), Profile({}), aim="nobody")


def test_an_unknown_aim_in_a_profile_is_a_located_error(tmp_path, matrix):
    path = profile_file(tmp_path, "version: 2\naim: staf-engineer\nskills: {}\n")
    diagnostics = Diagnostics()
    assert load_profile(path, matrix, diagnostics) is None
    [error] = diagnostics.errors
    assert (error.line, error.column, error.code) == (2, 6, "reference")
    assert "the aim 'staf-engineer' names no role" in error.message
    assert "did you mean 'staff-engineer'?" in error.message
    code, _, err = run("assess", path, "--data", str(DATA))
    assert code == 1 and f"{path}:2:6: error:" in err


def test_an_aim_needs_a_version_2_profile(tmp_path, matrix):
    path = profile_file(tmp_path, "version: 1\naim: engineer\nskills: {}\n")
    diagnostics = Diagnostics()
    assert load_profile(path, matrix, diagnostics) is None
    assert "new in version 2" in diagnostics.errors[0].message


def test_the_json_answer(tmp_path):
    import json

    path = profile_file(tmp_path, "version: 2\nrole: engineer\nskills:\n  planning: working\n")
    code, out, _ = run("assess", path, "--data", str(DATA), "--format", "json")
    answer = json.loads(out)["answer"]
    assert answer["standing"] == [] and answer["aim"] is None
    # Engineer's track (ic) has no role that fits: its next is the ladder's first
    assert answer["target"] == "engineer"
    assert answer["next_steps"][0] == {
        "skill": "communication",
        "expected": "working",
        "actual": None,
        "assessed": False,
        "required": True,
        "gain": 1 / 3,
        "short": 2,
    }
    assert [step["skill"] for step in answer["next_steps"]] == ["communication", "testing"]
