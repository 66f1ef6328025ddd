"""A team assessed together (spec: "A team, assessed together"), against hand-computed
answers on the ladder root's profiles and on small made-up teams."""

from __future__ import annotations

import io
import json

import pytest

from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.profile import Member, Profile
from skills_matrix.reading import load_matrix, load_team
from skills_matrix.team import assess_team

from .conftest import ROOTS

DATA = ROOTS / "test-ladder" / "_data"


@pytest.fixture(scope="module")
def matrix():
    return load_matrix(DATA / "skills-matrix.yaml")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def test_the_ladder_team_by_hand():
    code, out, err = run(
        "team",
        str(DATA / "profiles"),
        "--data",
        str(DATA / "skills-matrix.yaml"),
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    team = json.loads(out)
    assert team["members"] == ["Ada", "Bo"]
    roles = {r["id"]: r for r in team["roles"]}
    assert roles["engineer"]["fitting"] == ["Ada", "Bo"]
    assert roles["engineer"]["best"] == {"member": "Ada", "fit": 1.0}  # a tie: member order
    assert roles["senior-engineer"] == {
        "id": "senior-engineer",
        "title": "Senior Engineer",
        "fitting": [],
        "best": {"member": "Bo", "fit": 0.8},
    }
    assert roles["engineering-manager"]["best"] == {"member": "Ada", "fit": 0.25}  # tie again
    skills = {s["id"]: s for s in team["skills"]}
    # needed: the lowest level any role expects (communication: working, for the Engineer)
    assert skills["communication"] == {
        "id": "communication",
        "title": "Communication",
        "needed": "working",
        "covered_by": ["Ada", "Bo"],
        "at_risk": False,
    }
    assert skills["architecture"]["covered_by"] == []  # Ada's null covers nothing
    assert [s for s in skills if skills[s]["at_risk"]] == ["architecture", "coaching"]
    # deliver: planning, testing, architecture, communication; 3 covered. lead: 1 of 2
    assert team["responsibilities"] == [
        {"id": "deliver", "coverage": 0.75},
        {"id": "lead", "coverage": 0.5},
    ]


def test_a_role_without_expectations_names_no_best(tmp_path):
    data = tmp_path / "m.yaml"
    data.write_text(
        json.dumps(
            {
                "version": 2,
                "levels": [{"id": "low", "title": "Low"}, {"id": "high", "title": "High"}],
                "skills": [{"id": "s", "title": "S"}],
                "roles": [
                    {"id": "empty", "title": "Empty"},
                    {"id": "r", "title": "R", "expects": {"s": "high"}},
                ],
            }
        )
    )
    matrix = load_matrix(data)
    team = assess_team(
        matrix, [Member("A", Profile({"s": "low"})), Member("B", Profile({"s": "high"}))]
    )
    empty, role = team.roles
    assert (empty.best, empty.fitting) == (None, ())
    assert role.best == ("B", 1.0) and role.fitting == ("B",)
    assert team.skills[0].covered_by == ("B",) and team.skills[0].at_risk
    assert team.responsibilities == ()


def test_members_without_names_are_named_by_their_files(tmp_path, matrix):
    (tmp_path / "zoe.yaml").write_text("version: 2\nskills: {planning: working}\n")
    (tmp_path / "amir.yaml").write_text("version: 2\nskills: {}\n")
    members = load_team([tmp_path], matrix)
    assert [m.name for m in members] == ["amir", "zoe"]  # name order in a folder


def test_two_members_with_one_name_is_an_error_naming_both_files(tmp_path, matrix):
    (tmp_path / "a.yaml").write_text("version: 2\nname: Sam\nskills: {}\n")
    (tmp_path / "b.yaml").write_text("version: 2\nname: Sam\nskills: {}\n")
    diagnostics = Diagnostics()
    assert load_team([tmp_path], matrix, diagnostics) is None
    [error] = diagnostics.errors
    assert error.code == "duplicate-member" and error.path.endswith("b.yaml")
    assert "a.yaml" in error.message and "'Sam'" in error.message


def test_every_bad_profile_is_located_at_once_and_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_text("version: 2\nskills: {plannig: working}\n")
    (tmp_path / "b.yaml").write_text("version: 2\nskills: {planning: workin}\n")
    code, _, err = run("team", str(tmp_path), "--data", str(DATA / "skills-matrix.yaml"))
    assert code == 1
    assert "a.yaml:2:10: error: the skill 'plannig' is not defined" in err
    assert "b.yaml:2:20: error: 'workin' is not a level" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("team", str(empty), "--data", str(DATA / "skills-matrix.yaml"))
    assert code == 1 and "no profiles: the folder holds no *.yaml files" in err


def test_the_text_report_leads_with_what_a_manager_acts_on():
    code, out, _ = run("team", str(DATA / "profiles"), "--data", str(DATA / "skills-matrix.yaml"))
    assert code == 0
    assert (
        out.index("Skills at risk (2)")
        < out.index("Roles nobody fits")
        < out.index("Best candidate")
    )
    assert "  - Coaching (at Practitioner or above, required): nobody" in out
    assert "  - Senior Engineer: Bo, 80%" in out


def test_each_member_stands_where_their_own_assessment_puts_them(matrix):
    """The team view names each member's standing and target from the one answer that
    ``assess`` gives (Ada: Engineer, towards Senior; Bo likewise, his own fit short)."""
    from skills_matrix.assessment import assess

    members = load_team([str(DATA / "profiles")], matrix)
    result = assess_team(matrix, members)
    for (name, answer), member in zip(result.answers, members, strict=True):
        assert name == member.name
        assert answer == assess(matrix, member.profile).answer
    code, out, _ = run("team", str(DATA / "profiles"), "--data", str(DATA))
    assert code == 0
    assert "  - Ada: Engineer; towards Senior Engineer\n" in out
    assert "  - Bo: Engineer; towards Senior Engineer\n" in out


def test_skills_at_risk_are_ranked_and_cut_to_what_matters():
    """The site's example team: most skills rest on one person or nobody; the report names
    the few that matter most (required first, then nobody, then the most roles) and says how
    many more there are."""
    from skills_matrix.reading import load_matrix
    from skills_matrix.team import SHOWN_RISKS

    from .conftest import PROJECT

    data = PROJECT / "docs" / "_data"
    matrix = load_matrix(data / "skills-matrix.yaml")
    result = assess_team(matrix, load_team([str(data / "team-example")], matrix))
    risks = result.risks
    assert len(risks) > SHOWN_RISKS
    keys = [(not r.required, len(r.covered_by), -r.roles) for r in risks]
    assert keys == sorted(keys)
    assert {r.skill for r in risks} == {s.skill for s in result.skills if s.at_risk}
    code, out, _ = run(
        "team", str(data / "team-example"), "--data", str(data / "skills-matrix.yaml")
    )
    listed = out.split("Skills at risk", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    assert len(listed) == SHOWN_RISKS + 1
    assert listed[-1] == f"  and {len(risks) - SHOWN_RISKS} more (--format json lists every one)"
    assert listed[0].startswith(f"  - {risks[0].title} (")
    code, out, _ = run(
        "team",
        str(data / "team-example"),
        "--data",
        str(data / "skills-matrix.yaml"),
        "--format",
        "json",
    )
    assert json.loads(out)["risks"] == [r.skill for r in risks]
