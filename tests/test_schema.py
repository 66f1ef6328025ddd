"""The shipped JSON Schemas agree with the loader on valid data and on the mistakes a schema
can see (the loader stays the authority: it also checks references and duplicate keys)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from .conftest import PROJECT
from .test_loader import RULES, VALID

SCHEMAS = resources.files("skills_matrix") / "schema"


class Yaml12Loader(yaml.SafeLoader):
    """As editors' YAML 1.2 language servers read it: a date is text, not a timestamp."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str):
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 (a SafeLoader subclass)


def schema(name: str) -> jsonschema.protocols.Validator:
    document = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


@pytest.mark.parametrize(
    "path",
    [
        PROJECT / "docs" / "_data" / "skills-matrix.yaml",
        PROJECT / "tests" / "roots" / "test-basic" / "_data" / "skills-matrix.yaml",
    ],
)
def test_valid_matrices_pass(path):
    assert (
        list(
            schema("skills-matrix.schema.json").iter_errors(load(path.read_text(encoding="utf-8")))
        )
        == []
    )


def test_profiles_pass():
    for path in (PROJECT / "docs" / "_data" / "profiles").glob("*.yaml"):
        data = load(path.read_text(encoding="utf-8"))
        assert list(schema("profile.schema.json").iter_errors(data)) == []


SCHEMA_VISIBLE = {
    "id",
    "unknown-key",
    "missing-key",
    "url",
    "version",
    "type",
    "strength",
    "levels",
}


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [(r[1], r[2], r[5]) for r in RULES if r[5] in SCHEMA_VISIBLE],
    ids=[r[0] for r in RULES if r[5] in SCHEMA_VISIBLE],
)
def test_schema_rejects_what_it_can_see(old, new, code):
    data = load(VALID.replace(old, new, 1))
    assert list(schema("skills-matrix.schema.json").iter_errors(data)), code


def test_project_data_points_editors_at_the_schema():
    first = (PROJECT / "docs" / "_data" / "skills-matrix.yaml").read_text().splitlines()[0]
    assert first == (
        "# yaml-language-server: $schema=../../skills_matrix/schema/skills-matrix.schema.json"
    )
