"""Golden cases (tests/data/golden.json), computed by hand, through the Python core and the
browser's JavaScript alike: assessments, percentages as shown, and profiles read and written."""

from __future__ import annotations

import json
import subprocess

import pytest

from skills_matrix.assessment import assess, percent
from skills_matrix.export import to_json
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix, load_profile

from .conftest import DATA, PROJECT, missing, need_node

GOLDEN = json.loads((DATA / "golden.json").read_text(encoding="utf-8"))
ASSESS_JS = PROJECT / "skills_matrix" / "ext" / "static" / "skills-assess.js"


@pytest.fixture(scope="module")
def matrices(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    loaded = {}
    for name, data in GOLDEN["matrices"].items():
        path = PROJECT / "tests" / data if isinstance(data, str) else folder / f"{name}.yaml"
        if not isinstance(data, str):
            path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
        loaded[name] = load_matrix(path)
        assert loaded[name] is not None, name
    return loaded


def golden_assessment(matrices, case):
    profile = Profile(case["profile"], role=case.get("role"))
    return assess(matrices[case["matrix"]], profile, case["threshold"], aim=case.get("aim"))


@pytest.mark.parametrize("case", GOLDEN["assessments"], ids=lambda c: c["name"])
def test_python_assessments(matrices, case):
    result = golden_assessment(matrices, case)
    assert result.to_json() == case["expected"]
    assert {r.role.id: percent(r.fit) for r in result.roles} == case["texts"]
    assert list(result.answer.standing) == case["standing"]
    assert result.answer.target == case["target"]
    assert [step.skill for step in result.answer.next_steps] == case["next_steps"]


@pytest.mark.parametrize(("share", "text"), GOLDEN["percentages"])
def test_python_percentages(share, text):
    assert percent(share) == text


@pytest.mark.parametrize("case", GOLDEN["profiles"], ids=lambda c: c["name"])
def test_python_profiles(matrices, tmp_path, case):
    path = tmp_path / "p.yaml"
    path.write_bytes(case["text"].encode("utf-8"))
    profile = load_profile(path, matrices["eighths"])
    assert {"name": profile.name, "skills": dict(profile.skills)} == case["expected"]


@pytest.fixture(scope="module")
def javascript(matrices):
    node = need_node()
    published = {name: to_json(matrix) for name, matrix in matrices.items()}
    done = subprocess.run(
        [node, str(PROJECT / "tests" / "js" / "golden.cjs"), str(ASSESS_JS)],
        input=json.dumps({"published": published, "golden": GOLDEN}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_javascript_assessments(javascript):
    for case, got in zip(GOLDEN["assessments"], javascript["assessments"], strict=True):
        assert got["result"] == case["expected"], case["name"]
        assert got["texts"] == case["texts"], case["name"]
        assert got["standing"] == case["standing"], case["name"]
        assert got["target"] == case["target"], case["name"]
        assert got["next_steps"] == case["next_steps"], case["name"]


def test_javascript_percentages(javascript):
    assert javascript["percentages"] == [text for _, text in GOLDEN["percentages"]]


def test_javascript_profiles(javascript):
    assert javascript["profiles"] == [case["expected"] for case in GOLDEN["profiles"]]


def test_profiles_the_browser_writes_are_read_back_alike(javascript, matrices, tmp_path):
    """A profile exported in the browser is read by the command line (and the browser) as
    the answers it was made from."""
    for case, text in zip(GOLDEN["profiles"], javascript["exported"], strict=True):
        path = tmp_path / "exported.yaml"
        path.write_text(text, encoding="utf-8")
        profile = load_profile(path, matrices["eighths"])
        assert {"name": profile.name, "skills": dict(profile.skills)} == case["expected"]


def test_vendored_yaml_library_is_the_pinned_release():
    """ext/static/vendor/js-yaml.min.js is byte for byte the release .ci/package.json pins."""
    pinned = json.loads((PROJECT / ".ci" / "package.json").read_text())["devDependencies"]
    installed = PROJECT / ".ci" / "node_modules" / "js-yaml"
    if not installed.exists():  # a plain pytest skips, saying why; CI fails
        missing("run 'npm ci --prefix .ci' (nox -s tests does) to check the vendored copy")
    meta = json.loads((installed / "package.json").read_text())
    assert meta["version"] == pinned["js-yaml"]
    vendor = ASSESS_JS.parent / "vendor"
    assert (vendor / "js-yaml.min.js").read_bytes() == (
        installed / "dist" / "js-yaml.min.js"
    ).read_bytes()
    assert (vendor / "js-yaml.LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()


def random_matrix(rng, version: int):
    """A valid matrix of *version*: for version 2, ladders with weights, required skills,
    thresholds, grades, tracks, and sometimes points (on levels, bands and roles)."""
    from skills_matrix.model import (
        Band,
        Expectation,
        Level,
        Matrix,
        Responsibility,
        Role,
        Skill,
        Track,
    )

    by_points = version > 1 and rng.random() < 0.4
    points = sorted(rng.choice([0, 0.5, 1, 2, 3, 5, 8]) for _ in range(5))
    levels = tuple(
        Level(f"l{i}", f"L{i}", points=points[i] if by_points else None)
        for i in range(rng.randint(2, 5))
    )
    bands: tuple = ()
    if by_points and rng.random() < 0.8:
        starts = sorted({0, *(rng.randint(1, 20) for _ in range(rng.randint(0, 4)))})
        bands = tuple(Band(f"{i}.{i % 3}", start) for i, start in enumerate(starts))
    low = 1 if version == 1 else 0
    resps = tuple(
        Responsibility(f"{rng.randint(0, 99)}r{i}", "R") for i in range(rng.randint(low, 4))
    )
    skills = tuple(
        Skill(
            f"{rng.choice(['', '1', 'constructor-'])}s{i}",
            "S",
            supports={
                r.id: rng.choice(["core", "supporting"])
                for r in rng.sample(resps, rng.randint(0, len(resps)))
            },
        )
        for i in range(rng.randint(1, 8))
    )
    tracks = tuple(Track(f"t{i}", "T") for i in range(rng.randint(0, 2) if version > 1 else 0))
    roles: list[Role] = []
    floors: dict[str, dict[str, int]] = {}  # role -> skill -> least level index it may expect
    for i in range(rng.randint(0, 5)):
        base = rng.choice(roles) if roles and version > 1 and rng.random() < 0.6 else None
        floor = dict(floors[base.id]) if base else {}
        expects = {}
        for skill in rng.sample(skills, rng.randint(0, len(skills))):
            index = rng.randint(floor.get(skill.id, 0), len(levels) - 1)
            floor[skill.id] = index
            if version == 1:
                expects[skill.id] = levels[index].id
                continue
            expects[skill.id] = Expectation(
                levels[index].id,
                required=rng.choice([None, None, True, False]),
                weight=rng.choice([None, None, 1, 2, 0.5, 2.5, 100]),
            )
        floors[f"role{i}"] = floor
        need = None
        if by_points and rng.random() < 0.6:
            least = matrix_points_needed(roles, base)
            need = (least or 0) + rng.choice([0, 0, 1, 2.5, 5, 10])
        grade = None
        if version > 1 and rng.random() < 0.7:
            grade = (base.grade or 0) + rng.randint(1, 3) if base else rng.randint(0, 5)
            if base and base.grade is None:
                grade = None
        roles.append(
            Role(
                f"role{i}",
                "Role",
                responsibilities=tuple(r.id for r in rng.sample(resps, rng.randint(0, len(resps)))),
                expects=expects,
                extends=base.id if base else None,
                grade=grade,
                track=rng.choice([None, *(t.id for t in tracks)]),
                threshold=rng.choice([None, None, 0.5, 1.0, rng.random() or 1.0])
                if version > 1
                else None,
                points=need,
            )
        )
    matrix = Matrix(
        levels=levels,
        responsibilities=resps,
        skills=skills,
        roles=tuple(roles),
        tracks=tracks,
        bands=bands,
        version=version,
    )
    answers = [level.id for level in levels] + ([None] if version > 1 else [])
    profile = {s.id: rng.choice(answers) for s in rng.sample(skills, rng.randint(0, len(skills)))}
    ids = [role.id for role in roles]
    context = {
        "role": rng.choice([None, None, *ids]) if version > 1 else None,
        "aim": rng.choice([None, None, None, *ids]),
    }
    return matrix, profile, context


def matrix_points_needed(roles, base):
    """The points *base* needs, its own or inherited (``None`` without a base or points)."""
    by_id = {role.id: role for role in roles}
    while base is not None:
        if base.points is not None:
            return base.points
        base = by_id.get(base.extends)
    return None


def run_assess_js(node: str, script: str, data: object) -> object:
    """*script* run by Node with skills-assess.js as its argument and *data* as JSON on its
    standard input; what it prints, read as JSON."""
    done = subprocess.run(
        [node, "-e", script, str(ASSESS_JS)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_javascript_assessment_equals_python_on_random_matrices():
    """The browser's assess() against the Python one on 400 random matrices and profiles,
    versions 1 and 2: the JSON objects, the percentages as shown, and the answer."""
    import random

    node = need_node()
    rng = random.Random(7)  # noqa: S311 (test data)
    cases, expected = [], []
    for index in range(400):
        matrix, profile, context = random_matrix(rng, 1 + index % 2)
        threshold = rng.choice([0.0, 0.5, 0.8, 1.0, rng.random()])
        result = assess(
            matrix, Profile(profile, role=context["role"]), threshold, aim=context["aim"]
        )
        cases.append(
            {"matrix": to_json(matrix), "profile": profile, "threshold": threshold, **context}
        )
        expected.append(
            {
                "json": result.to_json(),
                "texts": [percent(r.fit) for r in result.roles]
                + [percent(g.gain) for r in result.roles for g in r.gaps],
                "answer": result.answer.to_json(),
            }
        )
    script = (
        "const A = require(process.argv[1]);"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(cases.map(c => {"
        " const a = A.assess(c.matrix, c.profile, c.threshold, undefined,"
        "  {aim: c.aim, role: c.role});"
        " return {json: a.json,"
        "  texts: a.roles.map(r => A.percent(r.fit))"
        "   .concat(...a.roles.map(r => r.gaps.map(g => A.percent(g.gain)))),"
        "  answer: a.answer}; })));"
    )
    got = run_assess_js(node, script, cases)
    assert sum(1 for c in cases if c["matrix"]["source_version"] == 2) == 200
    assert sum(1 for c in cases if c["matrix"]["levels"][0]["points"] is not None) > 50
    assert sum(1 for c in cases if c["aim"]) > 50
    for index, (mine, theirs) in enumerate(zip(expected, got, strict=True)):
        assert theirs == mine, index


def test_reserved_words_are_ids_like_any_other(tmp_path):
    """Skill ids that name JavaScript's object methods ("constructor", "to-string",
    "value-of") are data: read from a profile and assessed in JavaScript as in Python."""
    node = need_node()
    ids = ["constructor", "to-string", "value-of", "has-own-property"]
    matrix_path = tmp_path / "m.yaml"
    matrix_path.write_text(
        json.dumps(
            {
                "version": 2,
                "levels": [{"id": "low", "title": "Low"}, {"id": "high", "title": "High"}],
                "skills": [{"id": i, "title": i} for i in ids],
                "roles": [{"id": "role", "title": "Role", "expects": dict.fromkeys(ids, "high")}],
            }
        ),
        encoding="utf-8",
    )
    matrix = load_matrix(matrix_path)
    text = "version: 2\nskills:\n  constructor: high\n  to-string: null\n  value-of: low\n"
    profile_path = tmp_path / "p.yaml"
    profile_path.write_text(text, encoding="utf-8")
    expected = assess(matrix, load_profile(profile_path, matrix)).to_json()
    script = (
        "const A = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const profile = A.parseProfile(input.text);"
        "console.log(JSON.stringify(A.assess(input.matrix, profile.skills, 0.8).json));"
    )
    got = run_assess_js(node, script, {"matrix": to_json(matrix), "text": text})
    got["profile"] = expected["profile"]  # the browser's answer carries no name
    assert got == expected
    # one level short first, then two (none yet, and not assessed), in the matrix's order
    assert [g["skill"] for g in got["roles"][0]["gaps"]] == [ids[2], ids[1], ids[3]]


def test_javascript_assessment_after_one_answer_equals_a_fresh_one():
    """The self-assessment reassesses after each answer from the previous result (only the
    roles that answer can move are recomputed): after every step of 150 random sequences of
    answers, that equals Python's assessment of the whole profile."""
    import random

    node = need_node()
    rng = random.Random(11)  # noqa: S311 (test data)
    cases, expected = [], []
    for index in range(150):
        matrix, _, _ = random_matrix(rng, 1 + index % 2)
        profile: dict = {}
        threshold = rng.choice([0.5, 0.8, 1.0])
        answers = [level.id for level in matrix.levels] + ([None] if matrix.version > 1 else [])
        steps, results = [], []
        for _ in range(6):
            skill = rng.choice(matrix.skills).id
            if skill in profile and rng.random() < 0.3:
                del profile[skill]
                steps.append([skill, "-"])
            else:
                profile[skill] = rng.choice(answers)
                steps.append([skill, profile[skill]])
            results.append(assess(matrix, Profile(dict(profile)), threshold).to_json())
        cases.append({"matrix": to_json(matrix), "threshold": threshold, "steps": steps})
        expected.append(results)
    script = (
        "const A = require(process.argv[1]);"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(cases.map(c => {"
        " const profile = {}; let last = null;"
        " return c.steps.map(([skill, level]) => {"
        "  if (level === '-') delete profile[skill]; else profile[skill] = level;"
        "  last = A.assess(c.matrix, profile, c.threshold,"
        "   last ? {result: last, changed: [skill]} : undefined);"
        "  return last.json; }); })));"
    )
    got = run_assess_js(node, script, cases)
    for index, (mine, theirs) in enumerate(zip(expected, got, strict=True)):
        assert theirs == mine, index
