"""Golden cases (tests/data/golden.json), computed by hand, through the Python core and the
browser's JavaScript alike: assessments, percentages as shown, and profiles read and written."""

from __future__ import annotations

import json
import subprocess

import pytest

from skills_matrix.assessment import assess, percent
from skills_matrix.export import to_json
from skills_matrix.model import Profile
from skills_matrix.reading import load_matrix, load_profile

from .conftest import DATA, PROJECT, need_node

GOLDEN = json.loads((DATA / "golden.json").read_text(encoding="utf-8"))
ASSESS_JS = PROJECT / "skills_matrix" / "ext" / "static" / "skills-assess.js"


@pytest.fixture(scope="module")
def matrices(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    loaded = {}
    for name, data in GOLDEN["matrices"].items():
        path = folder / f"{name}.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
        loaded[name] = load_matrix(path)
        assert loaded[name] is not None, name
    return loaded


@pytest.mark.parametrize("case", GOLDEN["assessments"], ids=lambda c: c["name"])
def test_python_assessments(matrices, case):
    result = assess(matrices[case["matrix"]], Profile(case["profile"]), case["threshold"])
    assert result.to_json() == case["expected"]
    assert {r.role.id: percent(r.fit) for r in result.roles} == case["texts"]


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
    if not installed.exists():
        need_node()
        pytest.fail("run 'npm ci --prefix .ci' (nox -s tests does) to check the vendored copy")
    meta = json.loads((installed / "package.json").read_text())
    assert meta["version"] == pinned["js-yaml"]
    vendor = ASSESS_JS.parent / "vendor"
    assert (vendor / "js-yaml.min.js").read_bytes() == (
        installed / "dist" / "js-yaml.min.js"
    ).read_bytes()
    assert (vendor / "js-yaml.LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()
