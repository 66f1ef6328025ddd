"""Frameworks that level by points (format version 2, second edition): the points root
(tests/roots/test-points) computed by hand, each rule's located error (18-20), the schema
agreeing where it can, and the root built clean on every builder."""

from __future__ import annotations

import io
import json

import pytest

from skills_matrix.assessment import assess
from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix, load_profile

from .conftest import ROOTS, build_warnings
from .test_ext_builders import output_text

DATA = ROOTS / "test-points" / "_data"


@pytest.fixture(scope="module")
def matrix():
    return load_matrix(DATA / "skills-matrix.yaml")


def test_kims_total_band_and_categories(matrix):
    kim = load_profile(DATA / "profiles" / "kim.yaml", matrix)
    result = assess(matrix, kim)
    # code m3 (6) + systems m2 (3) + mentoring m1 (1) + delivery m2 (3)
    assert result.points.to_json() == {
        "total": 13,
        "band": "2.1",
        "next_band": "2.2",
        "to_next_band": 7,
        "by_category": [
            {"id": "building", "total": 9},
            {"id": "people", "total": 1},
            {"id": None, "total": 3},  # delivery has no category
        ],
    }
    roles = result.every
    # by points alone: the threshold does not apply; fit = min(1, total / need)
    assert (roles["engineer-1"].fit, roles["engineer-1"].fits) == (1.0, True)  # needs 0
    assert (roles["engineer-2"].fit, roles["engineer-2"].fits) == (1.0, True)  # 13 >= 10
    assert (roles["senior-engineer"].fit, roles["senior-engineer"].fits) == (0.65, False)
    # inherits Senior's 20 and adds its own 30; expects systems at m4: a gap, not a raise
    assert roles["staff-engineer"].need == 30 and roles["staff-engineer"].fit == 0.0
    assert result.answer.standing == ("engineer-2",)
    assert result.answer.target == "senior-engineer"  # both tracks at Engineer II: the first
    assert [s.to_json() for s in result.answer.next_steps] == [
        {"skill": "code", "from": "m3", "to": "m4", "points": 6},
        {"skill": "systems", "from": "m2", "to": "m3", "points": 3},
        {"skill": "delivery", "from": "m2", "to": "m3", "points": 3},  # ties: matrix order
    ]


def test_titles_per_track_come_from_the_total(matrix):
    """The same total reads as a title on each track: a Staff-level total with Staff's
    skill is Staff on one track; the manager track waits on its required skill."""
    strong = Profile({"code": "m4", "systems": "m4", "mentoring": "m1", "delivery": "m3"})
    result = assess(matrix, strong)
    assert result.points.total == 31 and result.points.band.id == "3.1"
    assert result.points.next_band is None and result.points.to_next_band is None
    assert [(t.track, t.current, t.next) for t in result.tracks] == [
        ("ic", "staff-engineer", None),
        ("management", "engineer-2", "engineering-manager"),
    ]
    assert result.answer.target == "engineering-manager"
    with_mentoring = Profile({**strong.skills, "mentoring": "m2"})
    assert assess(matrix, with_mentoring).answer.standing == (
        "staff-engineer",
        "engineering-manager",
    )


def test_a_role_with_points_and_expectations_needs_both(matrix):
    enough_points = Profile({"code": "m4", "systems": "m3", "mentoring": "m4", "delivery": "m2"})
    result = assess(matrix, enough_points)  # 12 + 6 + 12 + 3 = 33, systems short of m4
    assert result.points.total == 33
    assert not result.every["staff-engineer"].fits
    assert result.every["engineering-manager"].fits


def test_the_command_line_leads_with_points_and_what_the_target_needs():
    out, err = io.StringIO(), io.StringIO()
    args = ["assess", str(DATA / "profiles" / "kim.yaml"), "--data", str(DATA)]
    assert main([*args, "--aim", "staff-engineer"], out, err) == 0, err.getvalue()
    text = out.getvalue()
    assert "Points: 13, band 2.1 (Engineer II); 7 more to 2.2" in text
    assert "(Building 9, People 1, Other skills 3)." in text  # the points by category
    assert "17 more points to Staff Engineer" in text
    assert text.index("Where you stand") < text.index("Points:") < text.index("Working towards")
    out = io.StringIO()
    assert main([*args, "--format", "json"], out, err) == 0
    document = json.loads(out.getvalue())
    assert document["points"]["total"] == 13
    roles = {r["id"]: r for r in document["roles"]}
    assert roles["staff-engineer"]["points"] == {"need": 30}


def test_export_carries_level_points_bands_and_role_points(matrix):
    from skills_matrix.export import to_json

    published = to_json(matrix)
    assert [lv["points"] for lv in published["levels"]] == [1, 3, 6, 12]
    assert published["bands"][2] == {"id": "2.1", "points": 10, "title": "Engineer II"}
    roles = {r["id"]: r for r in published["roles"]}
    assert roles["staff-engineer"]["points"] == 30
    assert roles["engineering-manager"]["effective_points"] == 20


BASE = """\
version: 2
levels:
  - {id: low, title: Low, points: 1}
  - {id: high, title: High, points: 5}
bands:
  - {id: "1", points: 0}
  - {id: "2", points: 5}
skills:
  - {id: code, title: Code}
roles:
  - {id: junior, title: Junior, points: 2}
  - {id: senior, title: Senior, extends: junior, points: 4}
"""

BROKEN = [
    # (what, old, new, line, column, words)
    (
        "a level without points",
        "high, title: High, points: 5}",
        "high, title: High}",
        4,
        10,
        "gives no points, but the level 'low' does",
    ),
    (
        "points that decrease",
        "points: 5}\nbands",
        "points: 0.5}\nbands",
        4,
        37,
        "fewer than the 1 of 'low' below it",
    ),
    ("bands not starting at 0", '"1", points: 0}', '"1", points: 1}', 6, 23, "starts at 0"),
    ("bands not rising", '"2", points: 5}', '"2", points: 0}', 7, 23, "not above the 0 of '1'"),
    (
        "a role needing fewer points than its base",
        "junior, points: 4}",
        "junior, points: 1}",
        12,
        58,
        "fewer than the 2 of 'junior'",
    ),
    (
        "points out of range",
        "Junior, points: 2}",
        "Junior, points: 2000000}",
        11,
        41,
        "from 0 to 1,000,000",
    ),
    ("a duplicate band id", '"2", points: 5}', '"1", points: 5}', 7, 10, "used twice"),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "words"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_each_points_rule_is_a_located_error(tmp_path, old, new, line, column, words):
    assert old in BASE
    path = tmp_path / "m.yaml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    found = [(d.line, d.column, d.message) for d in diagnostics.errors]
    assert any(d[:2] == (line, column) and words in d[2] for d in found), found


def test_bands_and_role_points_need_level_points(tmp_path):
    text = BASE.replace(", points: 1}", "}", 1).replace(", points: 5}", "}", 1)
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    messages = {(d.line, d.column): d.message for d in diagnostics.errors}
    assert "levels give no points" in messages[(5, 1)]  # the bands key
    assert "needs 2 points, but the levels give no points" in messages[(11, 41)]
    assert "needs 4 points" in messages[(12, 58)]


def test_a_version_1_file_refuses_points(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(BASE.replace("version: 2", "version: 1"), encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    assert any("new in version 2" in d.message for d in diagnostics.errors)


SCHEMA_CASES = [
    # (what, old, new, whether the whole file's schema refuses it)
    ("a level without points", "high, title: High, points: 5}", "high, title: High}", True),
    ("bands not starting at 0", '"1", points: 0}', '"1", points: 1}', True),
    ("points that decrease", "points: 5}\nbands", "points: 0.5}\nbands", False),
    ("bands not rising", '"2", points: 5}', '"2", points: 0}', False),
    ("a role needing fewer points", "junior, points: 4}", "junior, points: 1}", False),
]


@pytest.mark.parametrize(
    ("old", "new", "refused"), [c[1:] for c in SCHEMA_CASES], ids=[c[0] for c in SCHEMA_CASES]
)
def test_the_schema_refuses_the_points_rules_it_can_state(tmp_path, old, new, refused):
    """Where a schema can state a rule, it refuses what the command line refuses; the rest
    are listed on the data-format page (schemas.NOT_IN_SCHEMA)."""
    from .test_schema import assert_agree

    text = BASE.replace(old, new, 1)
    assert not assert_agree(tmp_path, text)  # the command line refuses it
    assert bool(list(matrix_schema().iter_errors(yaml_data(text)))) == refused


def test_the_schema_wants_level_points_for_bands_and_role_points(tmp_path):
    from .test_schema import assert_agree

    no_level_points = BASE.replace(", points: 1}", "}", 1).replace(", points: 5}", "}", 1)
    for text in (
        no_level_points,  # bands and roles' points
        no_level_points.replace('  - {id: "1", points: 0}\n  - {id: "2", points: 5}\n', ""),
        no_level_points.replace(", points: 2}", "}").replace(", points: 4}", "}"),
    ):
        assert list(matrix_schema().iter_errors(yaml_data(text))), text
        assert not assert_agree(tmp_path, text)
    plain = no_level_points.replace(", points: 2}", "}").replace(", points: 4}", "}")
    plain = plain.replace('bands:\n  - {id: "1", points: 0}\n  - {id: "2", points: 5}\n', "")
    assert assert_agree(tmp_path, plain.replace("skills:", "bands: []\nskills:"))
    assert assert_agree(tmp_path, plain)  # no points anywhere, empty bands: fine


def matrix_schema():
    import jsonschema

    from skills_matrix.schemas import FOLDER

    schema = json.loads((FOLDER / "skills-matrix.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def yaml_data(text: str):
    import yaml

    return yaml.safe_load(text)


def test_the_schema_accepts_the_points_root_and_refuses_points_out_of_range():
    import jsonschema
    import yaml

    from skills_matrix.schemas import FOLDER

    schema = json.loads((FOLDER / "skills-matrix.schema.json").read_text(encoding="utf-8"))
    document = yaml.safe_load((DATA / "skills-matrix.yaml").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    document["levels"][0]["points"] = 10_001
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document))


@pytest.fixture
def points_app(built_root):
    return lambda builder: built_root("points", builder)


@pytest.mark.parametrize("builder", ["html", "latex", "text", "epub", "man"])
def test_every_builder_renders_the_points_root_clean(points_app, builder):
    app = points_app(builder)
    warnings = build_warnings(app)
    if builder == "epub":  # epub's own checks of the project metadata
        warnings = "\n".join(
            w for w in warnings.splitlines() if "epub_" not in w and "conf value" not in w
        )
    assert warnings.strip() == "", warnings
    text = " ".join(output_text(app).split())
    for expected in (
        "Points needed",  # a row of the ladder and the comparison
        "Needs 30 points in total.",  # the Staff role's page
        "(12 points)",  # a level's points where a role expects it
        "Points: 12.",  # the level catalogue
        "3.1 (Staff): from 30 points",  # the bands
        "7 more to 2.2",
        "17 more points to Staff Engineer",
        "raise to Milestone 4, +6 points",
    ):
        assert expected in text, f"{builder}: {expected!r} missing"
