"""The TypeScript declarations of the published matrix (schema/skills-matrix.d.ts), which the
browser's scripts are type-checked against in lint: generated from the format, and declaring
every key the JSON has, with the type each value has."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings

from skills_matrix.export import to_json
from skills_matrix.reading import load_matrix
from skills_matrix.typings import FILE, declarations

from .conftest import PROJECT
from .strategies import v2_matrices

SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
TEMPLATE = PROJECT / "skills_matrix" / "template" / "docs" / "_data" / "skills-matrix.yaml"
INTERFACE = re.compile(r"^export interface (\w+) \{\n(.*?)^\}", re.M | re.S)
KEY = re.compile(r"^  (\w+): (.+);$", re.M)


def declared() -> dict[str, dict[str, str]]:
    """Interface -> key -> its type, as the shipped file declares them."""
    text = FILE.read_text(encoding="utf-8")
    return {name: dict(KEY.findall(body)) for name, body in INTERFACE.findall(text)}


def typed(value: object, typ: str, interfaces: dict) -> list[str]:
    """What of *value* does not have the type *typ*, as paths."""
    options = [option.strip() for option in typ.split(" | ")]
    if value is None:
        return [] if "null" in options else [f"null is not {typ}"]
    typ = " | ".join(option for option in options if option != "null")
    if typ.startswith("Record<string, "):
        return [
            f"{key}.{wrong}"
            for key, item in value.items()
            for wrong in typed(item, typ.removeprefix("Record<string, ")[:-1], interfaces)
        ]
    if typ.endswith("[]"):
        item = typ[:-2].strip("()")
        return [
            f"{n}.{wrong}"
            for n, each in enumerate(value)
            for wrong in typed(each, item, interfaces)
        ]
    if typ in interfaces:
        return [
            f"{key}: {wrong}" if key in interfaces[typ] else f"{key}: not declared in {typ}"
            for key, item in value.items()
            for wrong in (
                typed(item, interfaces[typ][key], interfaces) if key in interfaces[typ] else [""]
            )
        ] + [
            f"{key}: declared in {typ}, not published"
            for key in interfaces[typ].keys() - value.keys()
        ]
    kinds = {"string": str, "number": (int, float), "boolean": bool}
    if typ in kinds:
        fits = isinstance(value, kinds[typ]) and (typ == "boolean" or not isinstance(value, bool))
        return [] if fits else [f"{value!r} is not {typ}"]
    if all(re.fullmatch(r'"[^"]*"|\d+', option) for option in typ.split(" | ")):
        return (
            []
            if f'"{value}"' in typ.split(" | ") or str(value) in typ.split(" | ")
            else [f"{value!r} is not {typ}"]
        )
    raise AssertionError(f"a type the test does not read: {typ}")


def test_the_shipped_declarations_are_the_generated_ones():
    assert FILE.read_text(encoding="utf-8") == declarations(), (
        "run: python -m skills_matrix.typings"
    )


@pytest.mark.parametrize("path", [SITE, TEMPLATE], ids=["site", "template"])
def test_the_published_matrix_has_the_declared_keys_and_types(path):
    assert typed(to_json(load_matrix(path)), "Matrix", declared()) == []


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(v2_matrices())
def test_generated_matrices_have_the_declared_keys_and_types(tmp_path, document):
    path = tmp_path / "m.yaml"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert typed(to_json(load_matrix(path)), "Matrix", declared()) == []


def test_the_check_finds_a_key_not_declared():
    published = to_json(load_matrix(TEMPLATE))
    published["roles"][0]["effective_total"] = 1
    published["skills"][0]["title"] = None
    wrong = typed(published, "Matrix", declared())
    assert any("effective_total: not declared in Role" in w for w in wrong), wrong
    assert any("title: null is not string" in w for w in wrong), wrong
