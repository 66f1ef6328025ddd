"""One bad file per rule of the data format, each with its expected located message."""

from __future__ import annotations

import textwrap

import pytest

from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading import load_matrix, load_profile

VALID = """\
version: 1
levels:
  - {id: low, title: Low}
  - {id: high, title: High}
categories:
  - {id: cat, title: Cat}
responsibilities:
  - id: resp-one
    title: One
    sources:
      - {title: Posting, url: "https://example.org/job"}
  - {id: resp-two, title: Two}
skills:
  - id: skill-a
    title: A
    category: cat
    supports: {resp-one: core, resp-two: supporting}
roles:
  - id: role-x
    title: X
    responsibilities: [resp-one]
    expects: {skill-a: high}
"""


def load(tmp_path, text: str, name: str = "m.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    return matrix, diagnostics


def located(diagnostics, severity="error"):
    return [(d.line, d.column, d.code) for d in diagnostics if d.severity == severity]


def test_valid_matrix_loads(tmp_path):
    matrix, diagnostics = load(tmp_path, VALID)
    assert list(diagnostics) == []
    assert [s.id for s in matrix.skills] == ["skill-a"]
    assert matrix.skills[0].supports == {"resp-one": "core", "resp-two": "supporting"}
    assert matrix.responsibilities[0].sources[0].url == "https://example.org/job"
    dated = load(tmp_path, VALID.replace('job"}', 'job", accessed: 2024-07-02}'))[0]
    assert dated.responsibilities[0].sources[0].accessed == "2024-07-02"
    assert {s: e.level for s, e in matrix.roles[0].expects.items()} == {"skill-a": "high"}


RULES = [
    # (what changes, old text, new text, line, column, code, words in the message)
    ("bad id", "id: skill-a", "id: Skill_A", 14, 9, "id", "not a valid id"),
    ("double hyphen id", "id: resp-two", "id: resp--two", 12, 10, "id", "single hyphens"),
    ("duplicate id", "id: resp-two", "id: resp-one", 12, 10, "duplicate-id", "used twice"),
    (
        "unknown supports key",
        "resp-two: supporting",
        "resp-three: supporting",
        17,
        32,
        "reference",
        "did you mean 'resp-two'",
    ),
    (
        "bad strength",
        "resp-one: core",
        "resp-one: strong",
        17,
        26,
        "strength",
        "'core' or 'supporting'",
    ),
    (
        "unknown category",
        "category: cat",
        "category: cats",
        16,
        15,
        "reference",
        "did you mean 'cat'",
    ),
    (
        "unknown role responsibility",
        "[resp-one]",
        "[resp-on]",
        21,
        24,
        "reference",
        "did you mean 'resp-one'",
    ),
    (
        "unknown expected skill",
        "{skill-a: high}",
        "{skill-b: high}",
        22,
        15,
        "reference",
        "no skill has that id",
    ),
    (
        "unknown expected level",
        "{skill-a: high}",
        "{skill-a: higher}",
        22,
        24,
        "reference",
        "did you mean 'high'",
    ),
    (
        "unknown key",
        "    title: A\n",
        "    titel: A\n",
        15,
        5,
        "unknown-key",
        "did you mean 'title'",
    ),
    (
        "x- key is fine but title missing",
        "    title: A\n",
        "    x-title: A\n",
        14,
        5,
        "missing-key",
        "needs a 'title'",
    ),
    (
        "duplicate key",
        "    category: cat\n",
        "    category: cat\n    category: cat\n",
        17,
        5,
        "duplicate-key",
        "given twice",
    ),
    (
        "javascript url",
        "https://example.org/job",
        "javascript:alert(1)",
        11,
        31,
        "url",
        "'javascript:' is not allowed",
    ),
    ("data url", "https://example.org/job", "data:text/html,x", 11, 31, "url", "scheme"),
    ("file url", "https://example.org/job", "file:///etc/passwd", 11, 31, "url", "scheme"),
    ("relative url", "https://example.org/job", "/job", 11, 31, "url", "absolute"),
    (
        "python tag",
        "title: Two}",
        "title: !!python/object:os.system Two}",
        12,
        27,
        "tag",
        "not allowed",
    ),
    ("version", "version: 1", "version: 3", 1, 10, "version", "format versions are 1 and 2"),
    (
        "bad date",
        'url: "https://example.org/job"}',
        'url: "https://example.org/job", accessed: 2 July}',
        11,
        68,
        "type",
        "YYYY-MM-DD",
    ),
    (
        "title not text",
        "{id: high, title: High}",
        "{id: high, title: 12}",
        4,
        23,
        "type",
        "put it in quotes",
    ),
    ("one level", "  - {id: high, title: High}\n", "", 2, 1, "levels", "2 to 10"),
    ("syntax", "title: X\n", "title: [X\n", 21, 21, "syntax", "not valid YAML"),
    ("tab", "    title: X\n", "\ttitle: X\n", 20, 1, "syntax", "tab"),
    (
        "not a mapping",
        "  - {id: resp-two, title: Two}",
        "  - resp-two",
        12,
        5,
        "type",
        "should be a mapping",
    ),
    ("list expected", "[resp-one]", "resp-one", 21, 23, "type", "should be a list"),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "code", "words"),
    [r[1:] for r in RULES],
    ids=[r[0] for r in RULES],
)
def test_each_rule_is_a_located_error(tmp_path, old, new, line, column, code, words):
    assert old in VALID
    matrix, diagnostics = load(tmp_path, VALID.replace(old, new, 1))
    assert matrix is None
    errors = [d for d in diagnostics if d.severity == "error"]
    assert (line, column, code) in located(diagnostics), [str(d) for d in errors]
    message = next(d.message for d in errors if (d.line, d.column, d.code) == (line, column, code))
    assert words in message
    assert all(d.path.endswith("m.yaml") for d in diagnostics)
    # A broken definition also leaves the references to it unresolved: that is the second.
    expected = (
        2 if code in ("id", "duplicate-id", "levels") or words == "should be a mapping" else 1
    )
    assert len(errors) == expected, "; ".join(map(str, errors))


def test_every_error_of_a_file_in_one_run(tmp_path):
    text = (
        VALID.replace("id: skill-a", "id: SkillA")
        .replace("title: Two}", "titel: Two}")
        .replace("https://example.org/job", "ftp://example.org")
    )
    matrix, diagnostics = load(tmp_path, text)
    assert matrix is None
    assert {d.code for d in diagnostics.errors} >= {"id", "unknown-key", "url", "reference"}
    assert len({d.line for d in diagnostics.errors}) >= 4


def test_missing_required_parts(tmp_path):
    matrix, diagnostics = load(tmp_path, "title: nothing else\n")
    assert matrix is None
    messages = " ".join(d.message for d in diagnostics)
    for key in ("version", "levels", "responsibilities", "skills"):
        assert repr(key) in messages


def test_top_level_must_be_mapping(tmp_path):
    _, diagnostics = load(tmp_path, "- a\n- b\n")
    assert located(diagnostics) == [(1, 1, "type")]


def test_skill_supporting_nothing_is_a_warning(tmp_path):
    text = VALID.replace("roles:\n", "  - {id: skill-lonely, title: Lonely}\nroles:\n")
    matrix, diagnostics = load(tmp_path, text)
    assert matrix is not None
    assert located(diagnostics, "warning") == [(18, 10, "unused")]
    assert "'skill-lonely' supports no responsibility" in diagnostics[0].message


def test_unused_responsibility_and_role_expectation(tmp_path):
    text = VALID.replace(
        "supports: {resp-one: core, resp-two: supporting}", "supports: {resp-one: core}"
    )
    text = text.replace("responsibilities: [resp-one]", "responsibilities: [resp-two]")
    matrix, diagnostics = load(tmp_path, text)
    assert matrix is not None  # warnings do not make data unusable
    assert located(diagnostics, "warning") == [(12, 10, "unused"), (22, 15, "unused")]


def test_folder_is_merged_in_name_order(tmp_path):
    folder = tmp_path / "matrix"
    folder.mkdir()
    head, _, rest = VALID.partition("skills:\n")
    (folder / "a-base.yaml").write_text(head, encoding="utf-8")
    (folder / "b-skills.yaml").write_text(
        "skills:\n"
        + rest.replace("roles:", "  - {id: skill-b, title: B, supports: {resp-one: core}}\nroles:"),
        encoding="utf-8",
    )
    (folder / "c-more.yaml").write_text(
        "skills:\n  - {id: skill-c, title: C, supports: {resp-two: core}}\n", encoding="utf-8"
    )
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "ignored.yaml").write_text("version: 7\n", encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(folder, diagnostics)
    assert list(diagnostics) == []
    assert [s.id for s in matrix.skills] == ["skill-a", "skill-b", "skill-c"]
    assert len(matrix.files) == 3


def test_folder_singletons_in_one_file_only(tmp_path):
    folder = tmp_path / "matrix"
    folder.mkdir()
    (folder / "a.yaml").write_text(VALID, encoding="utf-8")
    (folder / "b.yaml").write_text("version: 1\n", encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(folder, diagnostics) is None
    [error] = diagnostics.errors
    assert (error.path.endswith("b.yaml"), error.line, error.code) == (True, 1, "duplicate-key")
    assert "a.yaml" in error.message


def test_empty_folder(tmp_path):
    diagnostics = Diagnostics()
    assert load_matrix(tmp_path, diagnostics) is None
    assert diagnostics[0].code == "file"


def test_undeclared_category_without_categories_is_a_warning(tmp_path):
    text = VALID.replace("categories:\n  - {id: cat, title: Cat}\n", "")
    matrix, diagnostics = load(tmp_path, text)
    assert matrix is not None
    assert [d.code for d in diagnostics] == ["undeclared-category"]
    assert matrix.skills_in_display_order()[0][0].id == "cat"


class TestProfile:
    def matrix(self, tmp_path):
        matrix, _ = load(tmp_path, VALID)
        return matrix

    def test_valid(self, tmp_path):
        path = tmp_path / "p.yaml"
        path.write_text("version: 1\nname: Me\nskills: {skill-a: low}\n", encoding="utf-8")
        profile = load_profile(path, self.matrix(tmp_path))
        assert profile.name == "Me" and profile.skills == {"skill-a": "low"}

    @pytest.mark.parametrize(
        ("text", "where", "words"),
        [
            (
                "version: 1\nskills: {skill-b: low}\n",
                (2, 10, "reference"),
                "did you mean 'skill-a'",
            ),
            ("version: 1\nskills: {skill-a: lo}\n", (2, 19, "reference"), "did you mean 'low'"),
            ("version: 1\nskils: {}\n", (2, 1, "unknown-key"), "did you mean 'skills'"),
            ("skills: {}\n", (1, 1, "missing-key"), "'version'"),
            (
                "version: 1\nskills: {skill-a: low, skill-a: high}\n",
                (2, 24, "duplicate-key"),
                "twice",
            ),
        ],
    )
    def test_errors(self, tmp_path, text, where, words):
        path = tmp_path / "p.yaml"
        path.write_text(text, encoding="utf-8")
        diagnostics = Diagnostics()
        assert load_profile(path, self.matrix(tmp_path), diagnostics) is None
        assert where in located(diagnostics), [str(d) for d in diagnostics]
        assert any(words in d.message for d in diagnostics)
