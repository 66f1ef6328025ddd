"""Renames (``replaces``): a new edition of a matrix keeps every profile's answers and every
fit; an old id is read as the new one with a note, never an error; diff names renames."""

from __future__ import annotations

import io
import json
import random
import subprocess

import pytest
from sphinx.cmd.build import build_main

from skills_matrix.assessment import assess
from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.diff import diff
from skills_matrix.export import to_json
from skills_matrix.plain import plain
from skills_matrix.reading import load_matrix, load_profile
from skills_matrix.scaffold import new_project

from .conftest import PROJECT, need_node

PROFILE_JS = PROJECT / "skills_matrix" / "ext" / "static" / "skills-profile.js"

SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
RENAMED = ("levels", "categories", "tracks", "responsibilities", "skills", "roles")


def said(value):
    """Plain values without what says nothing (``None``, empty lists and mappings)."""
    if isinstance(value, dict):
        return {k: said(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [said(v) for v in value]
    return value


def now(ident: str) -> str:
    return f"{ident}-now"


def next_edition(data: dict) -> dict:
    """*data* with every id of every kind that can be renamed renamed, and every reference
    to it following; each object ``replaces`` its old id."""
    data = json.loads(json.dumps(data))
    for plural in RENAMED:
        for item in data.get(plural, []):
            item["replaces"] = [item["id"]]
            item["id"] = now(item["id"])
    for skill in data["skills"]:
        if "category" in skill:
            skill["category"] = now(skill["category"])
        skill["supports"] = {now(k): v for k, v in skill.get("supports", {}).items()}
        skill["levels"] = {now(k): v for k, v in skill.get("levels", {}).items()}
    for role in data.get("roles", []):
        for key in ("track", "extends"):
            if key in role:
                role[key] = now(role[key])
        role["responsibilities"] = [now(r) for r in role.get("responsibilities", [])]
        role["expects"] = {
            now(skill): now(e) if isinstance(e, str) else {**e, "level": now(e["level"])}
            for skill, e in role.get("expects", {}).items()
        }
    return said(data)


def write(path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions")
    first = load_matrix(SITE)
    data = said(plain(first))
    write(folder / "old.yaml", data)
    write(folder / "new.yaml", next_edition(data))
    diagnostics = Diagnostics()
    second = load_matrix(folder / "new.yaml", diagnostics)
    assert second is not None, [str(d) for d in diagnostics]
    return folder, first, second


def profiles(matrix, count: int):
    """Profiles of *matrix*'s ids, drawn at random (seeded), with an aim and a role."""
    draw = random.Random(20261205)  # noqa: S311 - test data, not secrets
    levels = [level.id for level in matrix.levels] + [None]
    roles = [role.id for role in matrix.roles]
    for _ in range(count):
        skills = {s.id: draw.choice(levels) for s in matrix.skills if draw.random() < 0.7}
        yield {
            "version": 2,
            "role": draw.choice(roles),
            "aim": draw.choice(roles),
            "skills": skills,
        }


def test_a_renamed_edition_keeps_every_fit_of_every_profile(editions):
    folder, first, second = editions
    for index, profile in enumerate(profiles(first, 60)):
        path = folder / f"p{index}.yaml"
        write(path, profile)
        old = load_profile(path, first)
        diagnostics = Diagnostics()
        new = load_profile(path, second, diagnostics)
        assert new is not None and not diagnostics.errors, [str(d) for d in diagnostics]
        assert len(diagnostics.notes) == len(profile["skills"]) + 2 + sum(
            1 for level in profile["skills"].values() if level is not None
        )
        assert new.skills == {now(k): v and now(v) for k, v in old.skills.items()}
        assert (new.role, new.aim) == (now(old.role), now(old.aim))
        before, after = assess(first, old), assess(second, new)
        fits = {now(r.role.id): (r.fit, r.fits) for r in before.roles}
        assert {r.role.id: (r.fit, r.fits) for r in after.roles} == fits
        assert after.to_json()["answer"] == _renamed(before.to_json()["answer"])


def _renamed(answer: dict) -> dict:
    """The answer with the next edition's ids."""
    return {
        "standing": [{**s, "role": now(s["role"])} for s in answer["standing"]]
        if answer["standing"] and isinstance(answer["standing"][0], dict)
        else [now(r) for r in answer["standing"]],
        "target": answer["target"] and now(answer["target"]),
        "aim": answer["aim"] and now(answer["aim"]),
        "next_steps": [
            {
                **step,
                "skill": now(step["skill"]),
                "expected": now(step["expected"]),
                "actual": step["actual"] and now(step["actual"]),
            }
            for step in answer["next_steps"]
        ],
    }


def test_diff_names_every_rename(editions):
    _, first, second = editions
    changes = diff(first, second)
    renames = [(c.kind, c.old_id, c.id) for c in changes if c.change == "renamed"]
    expected = [
        (kind, item.id, now(item.id))
        for plural, kind in [(p, p.rstrip("s")) for p in RENAMED]
        for item in getattr(first, plural)
    ]
    assert sorted(renames) == sorted(
        (k.replace("categorie", "category").replace("responsibilitie", "responsibility"), o, n)
        for k, o, n in expected
    )
    assert not [c for c in changes if c.change in ("added", "removed")]


def test_export_carries_replaces(editions):
    _, _, second = editions
    exported = to_json(second)
    assert exported["skills"][0]["replaces"] == [second.skills[0].id.removesuffix("-now")]


def test_an_old_id_is_a_note_on_the_command_line(editions, tmp_path):
    folder, first, _ = editions
    skill, level = first.skills[0].id, first.levels[-1].id
    write(tmp_path / "p.yaml", {"version": 2, "aim": first.roles[0].id, "skills": {skill: level}})
    out, err = io.StringIO(), io.StringIO()
    argv = ["assess", str(tmp_path / "p.yaml"), "--data", str(folder / "new.yaml")]
    assert main(argv, out, err) == 0
    notes = err.getvalue().splitlines()
    assert notes[0].startswith(f"{tmp_path}/p.yaml:")
    assert f": note: the role '{first.roles[0].id}' is read as '{now(first.roles[0].id)}'" in (
        err.getvalue()
    )
    assert f"the skill '{skill}' is read as '{now(skill)}', its new id in the matrix" in notes[-2]


def test_an_answer_under_the_new_id_wins(editions, tmp_path):
    folder, first, second = editions
    skill = first.skills[0].id
    low, high = first.levels[0].id, first.levels[-1].id
    write(tmp_path / "p.yaml", {"version": 2, "skills": {skill: high, now(skill): now(low)}})
    diagnostics = Diagnostics()
    profile = load_profile(tmp_path / "p.yaml", second, diagnostics)
    assert profile.skills == {now(skill): now(low)}
    assert any("is left out" in d.message for d in diagnostics.notes)


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        (
            lambda d: d["skills"][1].update(replaces=[d["skills"][0]["id"]]),
            "rename",
            "is the id of another skill in this matrix",
        ),
        (
            lambda d: (
                d["skills"][1].update(replaces=["gone"]) or d["skills"][2].update(replaces=["gone"])
            ),
            "rename",
            "which the skill",
        ),
        (lambda d: d["levels"][0].update(replaces=["Not An Id"]), "id", "is not a valid id"),
    ],
    ids=["still used", "replaced twice", "not an id"],
)
def test_broken_renames_are_located_errors(tmp_path, change, code, message):
    data = said(plain(load_matrix(SITE)))
    change(data)
    (tmp_path / "m.yaml").write_text(json.dumps(data, indent=1), encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(tmp_path / "m.yaml", diagnostics) is None
    (found,) = diagnostics.errors
    assert found.code == code and message in found.message, str(found)
    line = (tmp_path / "m.yaml").read_text().splitlines()[found.line - 1]
    assert "gone" in line or "Not An Id" in line or data["skills"][0]["id"] in line


def test_a_removed_level_names_the_answers_it_affects(tmp_path):
    data = said(plain(load_matrix(SITE)))
    write(tmp_path / "old.yaml", data)
    gone = data["levels"][-1]["id"]
    data["levels"].pop()
    for skill in data["skills"]:
        skill.get("levels", {}).pop(gone, None)
    for role in data["roles"]:
        for key, e in list(role.get("expects", {}).items()):
            if (e if isinstance(e, str) else e["level"]) == gone:
                role["expects"][key] = data["levels"][-1]["id"]
    write(tmp_path / "new.yaml", data)
    skill = data["skills"][0]["id"]
    write(tmp_path / "ada.yaml", {"version": 2, "name": "Ada", "skills": {skill: gone}})
    out = io.StringIO()
    argv = ["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")]
    assert main([*argv, "--profiles", str(tmp_path / "ada.yaml")], out) == 0
    assert f"- **removed** `{gone}`" in out.getvalue()
    assert f"answers it leaves without a meaning: Ada ({skill})" in out.getvalue()


def test_a_site_keeps_building_clean_with_an_old_id_in_a_profile(tmp_path):
    project = tmp_path / "p"
    new_project(project)
    data_path = project / "docs" / "_data" / "skills-matrix.yaml"
    text = data_path.read_text()
    text = text.replace("  - id: mentoring\n", "  - id: coaching\n    replaces: [mentoring]\n")
    data_path.write_text(text.replace("      mentoring:\n", "      coaching:\n"))
    data_path.write_text(
        data_path.read_text().replace(
            "  - id: senior-engineer\n", "  - id: senior\n    replaces: [senior-engineer]\n"
        )
    )
    # a skill retired since the history's profile answered it: a note, not a warning
    with open(data_path, "a", encoding="utf-8") as file:
        file.write("retired:\n  - {kind: skill, id: pair-programming, note: part of coaching}\n")
    history = next((project / "docs" / "_data" / "history").glob("*.yaml"))
    history.write_text(history.read_text() + "  pair-programming: working\n")
    assess_page = project / "docs" / "assess.md"  # pages that name the old id keep working
    assess_page.write_text(
        assess_page.read_text().replace(
            "```{skills-progress} _data/history _data/profiles/ada.yaml\n",
            "```{skills-progress} _data/history _data/profiles/ada.yaml\n:aim: senior-engineer\n",
        )
    )
    out = tmp_path / "out"
    assert build_main(["-nW", "--keep-going", "-q", str(project / "docs"), str(out)]) == 0
    assert "Senior Engineer" in (out / "assess.html").read_text()
    team = io.StringIO()
    profiles = str(project / "docs" / "_data" / "profiles")
    assert main(["team", "--data", str(data_path), profiles], team, io.StringIO()) == 0
    assert "Mentoring (at Working or above): Bo" in team.getvalue()  # Bo's answer, kept


def test_the_browser_reads_old_ids_as_the_command_line_does():
    """skills-profile.js: an old skill or level read as the new one, said; an old id's
    answer never replaces the one under its new id, whichever comes first."""
    node = need_node()
    matrix = {
        "skills": [{"id": "llm-frameworks", "replaces": ["llm-framework"]}, {"id": "python"}],
        "levels": [{"id": "low"}, {"id": "proficient", "replaces": ["practitioner"]}],
        "roles": [{"id": "senior", "replaces": ["senior-engineer"]}],
    }
    script = (
        "const P = require(process.argv[1]);"
        "const m = JSON.parse(process.argv[2]);"
        "const out = [{'llm-framework': 'practitioner', python: 'low', gone: 'low'},"
        " {'llm-framework': 'low', 'llm-frameworks': 'proficient'},"
        " {'llm-frameworks': 'proficient', 'llm-framework': 'low'}]"
        ".map((skills) => P.readAnswers(m, skills));"
        "out.push(P.readRole(m, 'senior-engineer'));"
        "process.stdout.write(JSON.stringify(out));"
    )
    done = subprocess.run(
        [node, "-e", script, str(PROFILE_JS), json.dumps(matrix)],
        capture_output=True,
        text=True,
        check=True,
    )
    first, second, third, role = json.loads(done.stdout)
    assert first["answers"] == {"llm-frameworks": "proficient", "python": "low"}
    assert first["renamed"] == [
        '"llm-framework" is now "llm-frameworks"',
        '"practitioner" is now "proficient"',
    ]
    assert first["left"] == ['the skill "gone" (not in this matrix)']
    for both in (second, third):
        assert both["answers"] == {"llm-frameworks": "proficient"}
        assert both["left"] == [
            '"llm-framework" (renamed "llm-frameworks", which has its own answer)'
        ]
    assert role == {"role": "senior", "renamed": '"senior-engineer" is now "senior"'}


def test_an_old_role_on_the_command_line_is_read_as_the_new_one(editions, tmp_path):
    folder, first, _ = editions
    write(tmp_path / "p.yaml", {"version": 2, "skills": {}})
    old = first.roles[0].id
    out, err = io.StringIO(), io.StringIO()
    argv = ["assess", str(tmp_path / "p.yaml"), "--data", str(folder / "new.yaml"), "--aim", old]
    assert main([*argv, "--format", "json"], out, err) == 0
    assert json.loads(out.getvalue())["answer"]["aim"] == now(old)
    assert f"note: the role '{old}' is read as '{now(old)}'" in err.getvalue()
