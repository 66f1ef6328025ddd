"""The JSON Schemas are generated from the format, and they agree with the command line: on
the project's data, on the cases that once split them, and on hundreds of generated documents.
The only differences allowed are the rules a schema cannot express (``NOT_IN_SCHEMA``)."""

from __future__ import annotations

import datetime
import json
import math

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from skills_matrix import format as fmt
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading import load_matrix, load_profile
from skills_matrix.reading.source import parse_yaml
from skills_matrix.schemas import FOLDER, schema_text, schemas

from .conftest import PROJECT
from .test_loader import RULES, VALID

CODES_NOT_IN_SCHEMA = {
    *("reference", "duplicate-id", "duplicate-key", "limit", "tag", "syntax"),
    *("cycle", "grade", "lowered-level", "points", "rename", "retired"),
}
"""Diagnostic codes of the rules listed in ``schemas.NOT_IN_SCHEMA``."""


def validator(name: str) -> jsonschema.protocols.Validator:
    document = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(
        document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


MATRIX_SCHEMA = validator("skills-matrix.schema.json")
PART_SCHEMA = validator("skills-matrix-part.schema.json")
PROFILE_SCHEMA = validator("profile.schema.json")


def read(text: str) -> object:
    """The document as this project's YAML reader composes it (YAML 1.2's core schema)."""
    return parse_yaml(text, "f.yaml", Diagnostics())


def test_shipped_schemas_are_the_generated_ones():
    generated = schemas()
    assert sorted(p.name for p in FOLDER.glob("*.json")) == sorted(generated)
    for name, schema in generated.items():
        assert (FOLDER / name).read_text(encoding="utf-8") == schema_text(schema), (
            f"{name} is stale: run python -m skills_matrix.schemas"
        )


@pytest.mark.parametrize(
    "path",
    [
        PROJECT / "docs" / "_data" / "skills-matrix.yaml",
        PROJECT / "tests" / "roots" / "test-basic" / "_data" / "skills-matrix.yaml",
    ],
)
def test_valid_matrices_pass(path):
    assert list(MATRIX_SCHEMA.iter_errors(read(path.read_text(encoding="utf-8")))) == []


def test_profiles_pass():
    data = PROJECT / "docs" / "_data"
    for path in [*data.glob("profiles/*.yaml"), *data.glob("team-example/*.yaml")]:
        assert list(PROFILE_SCHEMA.iter_errors(read(path.read_text(encoding="utf-8")))) == []


def test_a_part_of_a_folder_needs_only_its_part():
    part = read("skills:\n  - {id: a, title: A}\n")
    assert list(PART_SCHEMA.iter_errors(part)) == []
    assert list(MATRIX_SCHEMA.iter_errors(part))  # a whole matrix needs its levels and more


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [(r[1], r[2], r[5]) for r in RULES if r[5] not in CODES_NOT_IN_SCHEMA],
    ids=[r[0] for r in RULES if r[5] not in CODES_NOT_IN_SCHEMA],
)
def test_schema_rejects_what_it_can_see(old, new, code):
    assert list(MATRIX_SCHEMA.iter_errors(read(VALID.replace(old, new, 1)))), code


def loader_codes(tmp_path, text: str, kind: str = "matrix") -> set[str]:
    """The codes of the errors the command line finds in *text*."""
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    if kind == "matrix":
        load_matrix(path, diagnostics)
    else:
        matrix_path = tmp_path / "matrix.yaml"
        matrix_path.write_text(VALID, encoding="utf-8")
        load_profile(path, load_matrix(matrix_path), diagnostics)
    return {d.code for d in diagnostics.errors}


def assert_agree(tmp_path, text: str, kind: str = "matrix") -> bool:
    """The schema and the command line judge *text* alike; returns whether both accept."""
    codes = loader_codes(tmp_path, text, kind)
    data = read(text)
    schema = MATRIX_SCHEMA if kind == "matrix" else PROFILE_SCHEMA
    problems = [e.message for e in schema.iter_errors(data)]
    if problems:
        assert codes, f"the schema refuses what the command line accepts: {problems}\n{text}"
    else:
        assert codes <= CODES_NOT_IN_SCHEMA, f"only the command line refuses: {codes}\n{text}"
    return not problems and not codes


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("{}\n", False),
        ("null\n", False),
        (VALID.replace("levels:\n", "levels:\n  - {}\n"), False),
        (VALID.replace("title: X\n", "title: yes\n"), True),
        (VALID.replace("title: X\n", "title: on\n"), True),
        (VALID.replace("title: X\n", "title: '   '\n"), False),
        (VALID.replace("title: X\n", "title: true\n"), False),
        (VALID.replace("title: X\n", "title: 017\n"), False),
        (VALID.replace("title: X\n", 'title: "A\\u0007B"\n'), False),
        (VALID.replace("title: X\n", f"title: {'x' * 301}\n"), False),
        (VALID.replace("{skill-a: high}", "{skill-a: high, x-note: high}"), False),
        (VALID.replace("version: 1", "version: 1.0"), True),
        (VALID.replace("version: 1", "version: '1'"), False),
        (VALID.replace("accessed", "accessed") + "x-ours: {anything: [1]}\n", True),
        (
            VALID.replace("categories:\n  - {id: cat, title: Cat}\n", "").replace(
                "category: cat", "category: Bad_Id"
            ),
            False,
        ),
        (VALID.replace("{id: cat, title: Cat}", '{id: "cat\\n", title: Cat}'), False),
        (VALID.replace('"https://example.org/job"', '"https://example.org/job\\n"'), False),
        (VALID.replace("title: X\n", 'title: "\\ufeff"\n'), False),
        (VALID.replace('"https://example.org/job"', '"https://exa\\ufeffmple.org/job"'), False),
        (VALID.replace("title: X\n", 'title: "\\u00a0"\n'), False),
    ],
    ids=[
        "empty mapping",
        "null document",
        "an empty entry",
        "yes is text",
        "on is text",
        "blank title",
        "boolean title",
        "number title",
        "control character",
        "over-long title",
        "x- key in an id-keyed map is an id that must resolve",
        "version 1.0",
        "version as text",
        "x- key at the top",
        "an undeclared category is still an id (found by the generated documents)",
        "an id with a last line break",
        "a URL with a last line break",
        "a title of a byte-order mark only (white space to JavaScript, not to Python's \\s)",
        "a byte-order mark inside a URL",
        "a non-breaking space alone is blank",
    ],
)
def test_cases_that_once_split_schema_and_loader(tmp_path, text, accepted):
    assert assert_agree(tmp_path, text) is accepted


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("version: 1\nskills: {skill-a: low}\n", True),
        ("{}\n", False),
        ("version: 1\nname: yes\n", True),
        ("version: 1\nname: ' '\n", False),
        ("version: 1\nskills: {x-note: low}\n", False),
    ],
)
def test_profile_cases(tmp_path, text, accepted):
    assert assert_agree(tmp_path, text, "profile") is accepted


# Generated documents: every kind, key and type of the format, mostly right, with one mistake
# in about twenty values, of the kinds people make.

IDS = ["a", "b", "c", "low", "high", "x-ray"]
BAD_IDS = ["Bad_Id", "a--b", "08", "", "x" * 65, "a\n"]
TITLES = ["A title", "yes", "no", "on", "off", "Kim #1", "é", "a\nb", "a\ufeffb"]
BAD_TEXT = ["", " ", "\u0007", "x" * 301, "true", "null", "~", "017", "1.5", 3, True, None]
BAD_TEXT += ["\ufeff", "\u00a0\u2028", "\u3000"]  # white space to every tool
BAD_URLS = ["ftp://x", "javascript:x", "/a", "https://example.org/a\n", "https://[x"]
BAD_URLS += ['https://example.org/"', "https://example.org/\ufeff", "https://x.org/{a}"]
PLAIN = {"yes", "no", "on", "off", "true", "null", "~", "017", "1.5", *IDS, "08"}


def scalar(value: object) -> str:
    if isinstance(value, str) and value in PLAIN:
        return value  # plain: resolved by YAML 1.2's core schema
    return json.dumps(value, ensure_ascii=False)


def emit(value: object) -> str:
    """Flow-style YAML, keys always text."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {emit(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(emit(v) for v in value) + "]"
    return scalar(value)


def mostly(good: st.SearchStrategy, bad: st.SearchStrategy) -> st.SearchStrategy:
    """*good*, and *bad* about once in a hundred values: most documents hold one mistake or
    none, so that both what is accepted and what only the command line refuses are reached."""
    return st.integers(0, 99).flatmap(lambda n: bad if n == 50 else good)


def values(typ: fmt.ValueType, depth: int, version: int) -> st.SearchStrategy:
    bad_text = st.sampled_from(BAD_TEXT)
    if isinstance(typ, fmt.Ref) or typ is fmt.ID:
        return mostly(st.sampled_from(IDS), st.sampled_from(BAD_IDS) | bad_text)
    if typ is fmt.URL:
        return mostly(st.just("https://example.org/a"), st.sampled_from(BAD_URLS))
    if isinstance(typ, fmt.Text):
        return mostly(st.sampled_from(TITLES), bad_text)
    if isinstance(typ, fmt.Date):
        return mostly(st.just("2026-11-30"), st.sampled_from(["2026-02-30", "30/11/2026", 2026]))
    if isinstance(typ, fmt.Const):
        return mostly(st.just(version), st.sampled_from([3, 1.0, "1", True]))
    if isinstance(typ, fmt.Number):
        good = st.integers(1, int(typ.maximum)) if typ.integer else st.sampled_from([0.5, 1])
        return mostly(good, st.sampled_from([0, -1, 101, 1.5, "1", True]))
    if isinstance(typ, fmt.Flag):
        return mostly(st.booleans(), st.sampled_from(["yes", 1, None]))
    if isinstance(typ, fmt.Null):
        return st.none()
    if isinstance(typ, fmt.Either):
        return st.one_of(*(values(option, depth, version) for option in typ.options))
    if isinstance(typ, fmt.OneOf):
        return mostly(st.sampled_from(typ.values), st.sampled_from(["strong", 1, None]))
    if isinstance(typ, fmt.Object):
        return mostly(objects(fmt.KINDS[typ.kind], depth + 1, version), bad_text)
    if isinstance(typ, fmt.ListOf):
        low = typ.min_items
        high = min(typ.max_items or 4, 4) if depth < 2 else max(low, 1)
        unique = {}
        if isinstance(typ.item, fmt.Object) and "id" in fmt.KINDS[typ.item.kind].keys:
            unique["unique_by"] = lambda entry: (
                repr(entry.get("id")) if isinstance(entry, dict) else entry
            )
        items = st.lists(
            values(typ.item, depth, version), min_size=low, max_size=max(low, high), **unique
        )
        return mostly(items, st.lists(values(typ.item, depth, version), max_size=low) | bad_text)
    keys = mostly(st.sampled_from(IDS), st.sampled_from(["x-note", *BAD_IDS]))
    return mostly(st.dictionaries(keys, values(typ.value, depth, version), max_size=3), bad_text)


def objects(kind: fmt.Kind, depth: int, version: int) -> st.SearchStrategy:
    """Objects of *kind* as a file of *version* holds them: now and then with a key of a
    later version."""

    @st.composite
    def draw_object(draw):
        out = {}
        for field in kind.fields:
            if field.since > version and draw(st.integers(0, 99)) != 50:
                continue
            present = st.integers(0, 99).map(lambda n: n != 50) if field.required else st.booleans()
            if draw(present):
                out[field.key] = draw(values(field.type, depth, version))
        if draw(st.integers(0, 99)) == 50:
            out[draw(st.sampled_from(["x-note", "titel", "other"]))] = "note"
        return out

    return draw_object()


@settings(
    max_examples=max(500, settings().max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.sampled_from(fmt.VERSIONS).flatmap(lambda v: objects(fmt.KINDS["matrix"], 0, v)))
def test_schema_and_loader_agree_on_generated_documents(tmp_path, document):
    assert_agree(tmp_path, emit(document) + "\n")


# The YAML reading itself: as a YAML 1.2 library reads it (editors use one).

RUAMEL_EXTENSIONS = {"0b11", "1_000"}
"""ruamel.yaml reads binary numbers and underscores, which YAML 1.2's core schema does not."""


@pytest.mark.parametrize(
    "scalar_text",
    ["yes", "no", "on", "off", "y", "n", "Yes", "true", "True", "TRUE", "tRue", "null", "Null"]
    + ["~", "", "08", "017", "0o17", "0x1F", "+12", "-3", "1.5", "1e3", ".5", "1.", "1:20"]
    + [".inf", "-.Inf", ".nan", "0b11", "1_000", "2026-11-30"],
)
def test_scalars_read_as_yaml_1_2_reads_them(scalar_text):
    token = scalar_text
    ours = read(f"k: {token}\n")["k"]
    theirs = YAML(typ="safe", pure=True).load(f"k: {token}\n")["k"]
    if token in RUAMEL_EXTENSIONS:
        assert ours == token
    elif isinstance(theirs, datetime.date):
        assert ours == str(theirs)  # a date is text to JSON Schema tools
    elif isinstance(theirs, float) and math.isnan(theirs):
        assert math.isnan(ours)
    else:
        assert (type(ours), ours) == (type(theirs), theirs)


def test_project_data_points_editors_at_the_schema():
    first = (PROJECT / "docs" / "_data" / "skills-matrix.yaml").read_text().splitlines()[0]
    assert first == (
        "# yaml-language-server: $schema=../../skills_matrix/schema/skills-matrix.schema.json"
    )


def test_the_data_format_page_lists_what_no_schema_checks():
    from skills_matrix.schemas import NOT_IN_SCHEMA

    page = (PROJECT / "docs" / "reference" / "data-format.md").read_text(encoding="utf-8")
    for rule in NOT_IN_SCHEMA:
        assert f"- {rule}" in page
