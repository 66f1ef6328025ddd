"""The JSON Schemas of the format, generated from its declarations in :mod:`.format`.

They are shipped in ``skills_matrix/schema/`` and published with the site, for editors that
check files as they are typed. A test fails when the shipped files differ from what this
module generates; ``python -m skills_matrix.schemas`` writes them anew.

A schema accepts exactly what the command line accepts, apart from the rules it cannot
express: :data:`NOT_IN_SCHEMA`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import format as fmt

FOLDER = Path(__file__).parent / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

NOT_IN_SCHEMA = (
    "references resolve: a supports key, category, responsibility, expected skill or level, "
    "or profile entry names something the matrix declares",
    "ids are unique within their kind",
    "a mapping does not give the same key twice (YAML tools keep the last one silently)",
    "a date is a day that exists (2026-02-30 has the right shape, but is refused)",
    "in a folder, version, title and levels stand in one file only, and the required parts "
    "and list sizes hold for the files together",
    "the file's size (counting what aliases repeat) and nesting depth stay within limits, "
    "and no tag other than YAML's own is used",
)
"""What the command line checks and a JSON Schema cannot; the data-format page lists them."""


def _text(typ: fmt.Text) -> dict:
    schema: dict = {"type": "string", "maxLength": typ.max_length}
    schema["pattern"] = typ.pattern or fmt.NOT_BLANK
    schema["not"] = {"pattern": fmt.CONTROL_CHARACTERS}
    if typ.pattern_words:
        schema["description"] = typ.pattern_words[:1].upper() + typ.pattern_words[1:] + "."
    return schema


def _value(typ: fmt.ValueType) -> dict:
    if isinstance(typ, fmt.Text):
        return {"$ref": "#/$defs/id"} if typ is fmt.ID else _text(typ)
    if isinstance(typ, fmt.Ref):
        return {"$ref": "#/$defs/id"}
    if isinstance(typ, fmt.Date):
        return {"type": "string", "pattern": fmt.DATE_PATTERN, "format": "date"}
    if isinstance(typ, fmt.OneOf):
        return {"enum": list(typ.values)}
    if isinstance(typ, fmt.Const):
        return {"const": typ.values[0]} if len(typ.values) == 1 else {"enum": list(typ.values)}
    if isinstance(typ, fmt.Object):
        return {"$ref": f"#/$defs/{typ.kind}"}
    if isinstance(typ, fmt.ListOf):
        schema: dict = {"type": "array", "items": _value(typ.item)}
        if typ.min_items:
            schema["minItems"] = typ.min_items
        if typ.max_items is not None:
            schema["maxItems"] = typ.max_items
        return schema
    return {
        "type": "object",
        "propertyNames": {"$ref": "#/$defs/id"},
        "additionalProperties": _value(typ.value),
    }


def _object(kind: fmt.Kind, *, whole: bool = True) -> dict:
    properties = {}
    for field in kind.fields:
        schema = _value(field.type)
        if not whole and isinstance(field.type, fmt.ListOf):
            schema.pop("minItems", None)
            schema.pop("maxItems", None)
        if field.doc:
            schema = {**schema, "description": field.doc}
        properties[field.key] = schema
    schema = {"type": "object", "description": kind.doc, "properties": properties}
    if whole and kind.required:
        schema["required"] = list(kind.required)
    schema["patternProperties"] = {f"^{fmt.EXTENSION_PREFIX}": {}}
    schema["additionalProperties"] = False
    return schema


def _document(title: str, top: dict, kinds: list[str]) -> dict:
    defs = {"id": _text(fmt.ID)}
    defs |= {name: _object(fmt.KINDS[name]) for name in kinds}
    return {"$schema": DRAFT, "title": title, **top, "$defs": defs}


def _used_kinds(kind: fmt.Kind) -> list[str]:
    """The kinds an object of *kind* holds, directly or not, in the format's order."""
    found: set[str] = set()

    def visit(typ: fmt.ValueType) -> None:
        if isinstance(typ, fmt.ListOf):
            visit(typ.item)
        elif isinstance(typ, fmt.Object) and typ.kind not in found:
            found.add(typ.kind)
            for field in fmt.KINDS[typ.kind].fields:
                visit(field.type)

    for field in kind.fields:
        visit(field.type)
    return [name for name in fmt.KINDS if name in found]


def schemas() -> dict[str, dict]:
    """File name -> schema, for every schema the project ships."""
    versions = ", ".join(map(str, fmt.VERSIONS))
    matrix, profile = fmt.KINDS["matrix"], fmt.KINDS["profile"]
    kinds = _used_kinds(matrix)
    return {
        "skills-matrix.schema.json": _document(
            f"Skills matrix, data format version {versions}", _object(matrix), kinds
        ),
        "skills-matrix-part.schema.json": _document(
            f"One file of a skills matrix kept as a folder, data format version {versions}",
            _object(matrix, whole=False),
            kinds,
        ),
        "profile.schema.json": _document(
            f"Skills matrix profile, data format version {versions}",
            _object(profile),
            _used_kinds(profile),
        ),
    }


def schema_text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schemas into ``skills_matrix/schema/`` (or the folder given)."""
    folder = Path(argv[0]) if argv else FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (folder / name).write_text(schema_text(schema), encoding="utf-8")
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
