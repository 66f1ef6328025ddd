"""Golden cases (tests/data/golden.json), computed by hand, through the Python core and the
browser's JavaScript alike: assessments, percentages as shown, and profiles read and written."""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skills_matrix.assessment import assess, percent
from skills_matrix.export import to_json
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix, load_profile

from . import strategies
from .conftest import DATA, PROJECT, missing, need_node
from .strategies import assessments

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


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(assessments(), min_size=1, max_size=10))
def test_javascript_assessment_equals_python_on_drawn_matrices(batch):
    """The browser's assess() against the Python one on drawn matrices and answers: the JSON
    objects, the percentages as shown, and the answer."""
    node = need_node()
    cases, expected = [], []
    for case in batch:
        result = case.assessment()
        cases.append(case.for_the_browser())
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


def test_ids_that_look_like_numbers_keep_the_matrix_order(tmp_path):
    """A JavaScript object lists keys that look like numbers first: the browser still reads a
    role's expectations in the matrix's order (required skills missing, next steps)."""
    node = need_node()
    ids = ["b", "2024", "a", "4"]
    path = tmp_path / "m.yaml"
    levels = [{"id": "low", "title": "Low"}, {"id": "high", "title": "High"}]
    expects = {i: {"level": "high", "required": True} for i in ids}
    roles = [{"id": "role", "title": "Role", "expects": expects}]
    skills = [{"id": i, "title": i} for i in ids]
    document = {"version": 2, "levels": levels, "skills": skills, "roles": roles}
    path.write_text(json.dumps(document), encoding="utf-8")
    matrix = load_matrix(path)
    expected = assess(matrix, Profile({"a": "low"})).to_json()
    script = (
        "const A = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(A.assess(input, {a: 'low'}, 0.8).json));"
    )
    got = run_assess_js(node, script, to_json(matrix))
    assert expected["roles"][0]["missing_required"] == ids
    assert got == expected


@st.composite
def answered_in_turn(draw) -> tuple:
    """A matrix, a threshold and up to six answers given one after another, each a level, none
    yet (``None``) or taken back (``"-"``)."""
    matrix = draw(strategies.matrices)
    choices = [level.id for level in matrix.levels] + [None, "-"]
    steps = draw(
        st.lists(
            st.tuples(st.sampled_from([s.id for s in matrix.skills]), st.sampled_from(choices)),
            min_size=1,
            max_size=6,
        )
    )
    return matrix, draw(st.sampled_from([0.5, 0.8, 1.0])), steps


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(answered_in_turn(), min_size=1, max_size=8))
def test_javascript_assessment_after_one_answer_equals_a_fresh_one(batch):
    """The self-assessment reassesses after each answer from the previous result (only the
    roles that answer can move are recomputed): after every answer given in turn, that
    equals Python's assessment of the whole profile."""
    node = need_node()
    cases, expected = [], []
    for matrix, threshold, steps in batch:
        profile: dict = {}
        results = []
        for skill, level in steps:
            if level == "-":
                profile.pop(skill, None)
            else:
                profile[skill] = level
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
