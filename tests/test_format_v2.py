"""Format version 2: the spec's example, and one bad file per new rule (8–17) with its located
message in words a newcomer understands."""

from __future__ import annotations

import textwrap

import pytest

from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading import load_matrix, load_profile

from .conftest import ROOTS

LADDER = ROOTS / "test-ladder" / "_data" / "skills-matrix.yaml"

SPEC_EXAMPLE = """\
version: 2
title: Engineering competencies
description: >-
  Competencies for engineers, used in career conversations.
levels:
  - {id: working, title: Working}
  - {id: practitioner, title: Practitioner}
categories:
  - {id: delivery, title: Delivery}
tracks:
  - id: individual-contributor
    title: Individual contributor
responsibilities: []
skills:
  - id: planning
    title: Planning and organising
    category: delivery
    links:
      - title: Estimation guide
        url: https://example.org/estimation
        accessed: 2026-11-30
    levels:
      working: Plans and delivers own tasks.
      practitioner:
        description: Accurately plans and sizes tasks for the team.
        examples: [Breaks an epic into tasks, Re-plans after a slip]
  - {id: communication, title: Communication, category: delivery}
roles:
  - id: engineer
    title: Engineer
    track: individual-contributor
    grade: 2
    threshold: 0.75
    expects:
      planning: working
      communication:
        level: practitioner
        required: true
        weight: 2
        note: Leads technical discussions and documents decisions.
  - id: senior-engineer
    title: Senior Engineer
    track: individual-contributor
    grade: 3
    extends: engineer
    expects:
      planning: practitioner
"""


def load(tmp_path, text: str):
    path = tmp_path / "m.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    diagnostics = Diagnostics()
    return load_matrix(path, diagnostics), diagnostics


def test_the_spec_example_loads(tmp_path):
    matrix, diagnostics = load(tmp_path, SPEC_EXAMPLE)
    assert [str(d) for d in diagnostics] == []
    assert matrix.version == 2 and matrix.responsibilities == ()
    planning = matrix.skill_by_id["planning"]
    assert planning.levels["working"].description == "Plans and delivers own tasks."
    assert planning.levels["practitioner"].examples == (
        "Breaks an epic into tasks",
        "Re-plans after a slip",
    )
    assert planning.links[0].accessed == "2026-11-30"
    senior = matrix.expectations("senior-engineer")
    assert senior["planning"].level == "practitioner" and senior["planning"].own
    assert senior["communication"].inherited and senior["communication"].required
    assert senior["communication"].weight == 2
    assert senior["communication"].note.startswith("Leads technical discussions")


def test_the_ladder_root_is_valid_and_strict_clean():
    diagnostics = Diagnostics()
    assert load_matrix(LADDER, diagnostics) is not None
    assert list(diagnostics) == []


def test_a_role_keeps_or_raises_what_it_inherits(tmp_path):
    matrix, _ = load(tmp_path, LADDER.read_text(encoding="utf-8"))
    manager = matrix.expectations("engineering-manager")
    assert list(manager) == ["planning", "testing", "communication", "architecture", "coaching"]
    assert (manager["testing"].note, manager["testing"].source) == (
        "Sets the test strategy of their features.",
        "engineer",
    )
    assert manager["communication"].level == "expert" and manager["communication"].required
    assert manager["communication"].weight == 2  # inherited from senior, not restated
    assert [e.skill for e in manager.values() if e.own] == ["communication", "coaching"]
    assert matrix.responsibilities_of("engineering-manager") == ("deliver", "lead")
    assert [r.id for r in matrix.ladder("management")] == [
        "engineer",
        "senior-engineer",
        "engineering-manager",
    ]


V2_RULES = [
    # (what, old text, new text, line, column, code, words)
    (
        "extends cycle",
        "    track: individual-contributor\n    grade: 2\n",
        "    track: individual-contributor\n    grade: 2\n    extends: senior-engineer\n",
        33,
        14,
        "cycle",
        "'engineer' → 'senior-engineer' → 'engineer' extend each other in a loop",
    ),
    (
        "lowered inherited level",
        "      planning: practitioner\n",
        "      communication: working\n",
        47,
        22,
        "lowered-level",
        "lower than 'practitioner', which it inherits from 'engineer'",
    ),
    (
        "unknown track",
        "    track: individual-contributor\n    grade: 3",
        "    track: manager\n    grade: 3",
        43,
        12,
        "reference",
        "no track has that id",
    ),
    (
        "unknown base role",
        "extends: engineer",
        "extends: enginer",
        45,
        14,
        "reference",
        "did you mean 'engineer'",
    ),
    (
        "grade not above the base's",
        "    grade: 3",
        "    grade: 2",
        44,
        12,
        "grade",
        "not above the grade 2 of 'engineer'",
    ),
    (
        "descriptor for an unknown level",
        "      working: Plans and delivers own tasks.",
        "      expert: Plans and delivers own tasks.",
        23,
        7,
        "reference",
        "no level has that id",
    ),
    (
        "descriptor without a description",
        "        description: Accurately plans and sizes tasks for the team.\n",
        "",
        25,
        9,
        "missing-key",
        "needs a 'description' key",
    ),
    ("weight out of range", "weight: 2", "weight: 0", 39, 17, "range", "above 0 to 100"),
    ("weight not a number", "weight: 2", "weight: heavy", 39, 17, "type", "a number above 0"),
    ("threshold out of range", "threshold: 0.75", "threshold: 1.5", 33, 16, "range", "to 1"),
    ("grade not whole", "    grade: 3", "    grade: 2.5", 44, 12, "type", "a whole number"),
    ("required not a flag", "required: true", "required: yes", 38, 19, "type", "true or false"),
    (
        "an empty descriptor",
        "working: Plans and delivers own tasks.",
        "working: ''",
        23,
        16,
        "type",
        "non-empty text",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "code", "words"),
    [r[1:] for r in V2_RULES],
    ids=[r[0] for r in V2_RULES],
)
def test_each_version_2_rule_is_a_located_error(tmp_path, old, new, line, column, code, words):
    assert old in SPEC_EXAMPLE
    matrix, diagnostics = load(tmp_path, SPEC_EXAMPLE.replace(old, new, 1))
    assert matrix is None
    errors = [(d.line, d.column, d.code) for d in diagnostics.errors]
    assert (line, column, code) in errors, [str(d) for d in diagnostics]
    message = next(d.message for d in diagnostics.errors if (d.line, d.column) == (line, column))
    assert words in message, message


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("tracks", "tracks: [{id: ic, title: IC}]\n"),
        ("description", "description: A framework.\n"),
    ],
)
def test_a_version_2_key_in_a_version_1_file_says_it_needs_version_2(tmp_path, key, text):
    from .test_loader import VALID

    matrix, diagnostics = load(tmp_path, VALID + text)
    assert matrix is None
    [error] = diagnostics.errors
    assert (error.line, error.column, error.code) == (VALID.count("\n") + 1, 1, "version")
    assert f"the key {key!r} is new in version 2" in error.message
    assert "write 'version: 2'" in error.message


def test_a_version_2_form_in_a_version_1_file_says_it_needs_version_2(tmp_path):
    from .test_loader import VALID

    text = VALID.replace("expects: {skill-a: high}", "expects: {skill-a: {level: high}}")
    matrix, diagnostics = load(tmp_path, text)
    [error] = diagnostics.errors
    assert error.code == "version" and "written as a mapping" in error.message
    assert "new in version 2" in error.message


def test_responsibilities_are_optional_in_version_2_only(tmp_path):
    from .test_loader import VALID

    without = VALID.replace("responsibilities:\n", "x-responsibilities:\n", 1).replace(
        "    responsibilities: [resp-one]\n", ""
    )
    without = without.replace("    supports: {resp-one: core, resp-two: supporting}\n", "")
    v1, diagnostics = load(tmp_path, without)
    assert v1 is None and "'responsibilities'" in diagnostics.errors[0].message
    v2, diagnostics = load(tmp_path, without.replace("version: 1", "version: 2"))
    assert v2 is not None, [str(d) for d in diagnostics]
    assert diagnostics.warnings == []  # no "supports no responsibility" without any declared


def test_every_error_at_once(tmp_path):
    text = (
        SPEC_EXAMPLE.replace("weight: 2", "weight: 0")
        .replace("    grade: 3", "    grade: 1")
        .replace("track: individual-contributor\n    grade: 1", "track: nope\n    grade: 1")
    )
    _, diagnostics = load(tmp_path, text)
    assert {d.code for d in diagnostics.errors} == {"range", "grade", "reference"}


class TestProfileV2:
    def matrix(self):
        return load_matrix(LADDER)

    def test_evidence_null_role_and_date(self):
        profile = load_profile(LADDER.parent / "profiles" / "ada.yaml", self.matrix())
        assert profile.skills["architecture"] is None and "coaching" not in profile.skills
        assert profile.role == "engineer" and profile.date == "2026-11-30"
        quote, link = profile.evidence["planning"]
        assert quote == 'Planned the Q3 migration, "on time" & in budget'
        assert link.url == "https://example.org/plan"

    @pytest.mark.parametrize(
        ("text", "where", "words"),
        [
            ("version: 1\nskills: {planning: null}\n", (2, 20), "new in version 2"),
            (
                "version: 2\nrole: staff-enginer\nskills: {}\n",
                (2, 7),
                "did you mean 'staff-engineer'",
            ),
            (
                "version: 2\nskills:\n  planning: {level: working, evidence: [{url: 'ftp://x'}]}\n",
                (3, 47),
                "links must start with http",
            ),
            ("version: 2\nskills:\n  planning: {evidence: []}\n", (3, 13), "needs a 'level'"),
            ("version: 2\ndate: 30/11/2026\n", (2, 7), "YYYY-MM-DD"),
        ],
    )
    def test_errors(self, tmp_path, text, where, words):
        path = tmp_path / "p.yaml"
        path.write_text(text, encoding="utf-8")
        diagnostics = Diagnostics()
        assert load_profile(path, self.matrix(), diagnostics) is None
        found = {(d.line, d.column): d.message for d in diagnostics.errors}
        assert where in found, [str(d) for d in diagnostics]
        assert words in found[where]


def test_the_data_format_pages_version_2_examples_are_valid(tmp_path):
    """The worked ladder and the profile on docs/reference/data-format.md load cleanly."""
    import re

    from .conftest import PROJECT

    page = (PROJECT / "docs" / "reference" / "data-format.md").read_text(encoding="utf-8")
    section = page[page.index("## Version 2") :]
    matrix_text, profile_text = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[:2]
    matrix, diagnostics = load(tmp_path, matrix_text)
    assert matrix is not None and list(diagnostics) == [], [str(d) for d in diagnostics]
    assert [r.id for r in matrix.ladder("management")] == [
        "engineer",
        "senior-engineer",
        "engineering-manager",
    ]
    path = tmp_path / "p.yaml"
    path.write_text(profile_text, encoding="utf-8")
    diagnostics = Diagnostics()
    profile = load_profile(path, matrix, diagnostics)
    assert profile is not None, [str(d) for d in diagnostics]
    assert profile.skills["communication"] is None and profile.evidence["coaching"]


class TestOrigin:
    """A skill's ``origin``, this project's compatible extension: named by the framework's
    sources, or its authors' synthesis."""

    def with_origin(self, value: str) -> str:
        old = "    title: Planning and organising\n"
        return SPEC_EXAMPLE.replace(old, old + f"    origin: {value}\n", 1)

    def test_read_and_exported(self, tmp_path):
        from skills_matrix.export import to_json

        matrix, diagnostics = load(tmp_path, self.with_origin("synthesis"))
        assert not diagnostics.errors, [str(d) for d in diagnostics]
        assert [s.origin for s in matrix.skills] == ["synthesis", None]
        assert [s["origin"] for s in to_json(matrix)["skills"]] == ["synthesis", None]

    def test_another_word_is_a_located_error(self, tmp_path):
        matrix, diagnostics = load(tmp_path, self.with_origin("article"))
        assert matrix is None
        [error] = diagnostics.errors
        assert (error.line, error.column, error.code) == (17, 13, "origin")
        assert "'source'" in error.message and "'synthesis'" in error.message, error.message

    def test_needs_version_2(self, tmp_path):
        from .test_loader import VALID

        assert "  - id: skill-a\n" in VALID
        text = VALID.replace("  - id: skill-a\n", "  - id: skill-a\n    origin: source\n", 1)
        matrix, diagnostics = load(tmp_path, text)
        [error] = diagnostics.errors
        assert error.code == "version" and "the key 'origin' is new in version 2" in error.message
