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
from .spreadsheets import mapping

FOLDER = Path(__file__).parent / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

NOT_IN_SCHEMA = (
    "references resolve: a supports key, category, track, extended role, responsibility, "
    "expected or described skill or level, or profile entry names something the matrix "
    "declares",
    "ids are unique within their kind",
    "an old id a rename gives (replaces) is no current id of its kind, and is replaced once",
    "an id retired (retired) is no current id of its kind nor an old id a rename gives, and "
    "is retired once",
    "roles do not extend each other in a loop, a role's grade is above the grade of the role "
    "it extends, and no role expects less of a skill than the role it extends",
    "points add up (rules 18 to 20): they never decrease up the scale, bands rise strictly, "
    "and a role needs no fewer points than the role it extends; in a file of a folder, also "
    "that bands start at 0 and that bands and roles' points come only with level points "
    "(the whole file's schema checks those, and that every level gives points or none does)",
    "a mapping does not give the same key twice (YAML tools keep the last one silently)",
    "a date is a day that exists (2026-02-30 has the right shape, but is refused)",
    "a link's host in brackets is an IPv6 address, and its port is at most 65535",
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


class _Version:
    """The schema of the format as one version has it (of *kinds*: the format's, or a
    mapping's)."""

    def __init__(self, version: int, kinds: dict[str, fmt.Kind] = fmt.KINDS) -> None:
        self.version = version
        self.kinds = kinds

    def ref(self, kind: str) -> dict:
        return {"$ref": f"#/$defs/v{self.version}-{kind}"}

    def value(self, typ: fmt.ValueType) -> dict:
        if isinstance(typ, fmt.Text):
            return {"$ref": "#/$defs/id"} if typ is fmt.ID else _text(typ)
        if isinstance(typ, fmt.Ref):
            return {"$ref": "#/$defs/id"}
        if isinstance(typ, fmt.Date):
            return {"type": "string", "pattern": fmt.DATE_PATTERN, "format": "date"}
        if isinstance(typ, fmt.OneOf):
            return {"enum": list(typ.values)}
        if isinstance(typ, fmt.Const):
            return {"const": typ.values[0] if len(typ.values) == 1 else self.version}
        if isinstance(typ, fmt.Number):
            low = "exclusiveMinimum" if typ.exclusive_minimum else "minimum"
            kind = "integer" if typ.integer else "number"
            return {"type": kind, low: typ.minimum, "maximum": typ.maximum}
        if isinstance(typ, fmt.Flag):
            return {"type": "boolean"}
        if isinstance(typ, fmt.Null):
            return {"type": "null"}
        if isinstance(typ, fmt.Object):
            return self.ref(typ.kind)
        if isinstance(typ, fmt.Either):
            options = [
                self.value(option)
                for option, since in zip(typ.options, typ.since, strict=True)
                if since <= self.version
            ]
            return options[0] if len(options) == 1 else {"anyOf": options}
        if isinstance(typ, fmt.ListOf):
            schema: dict = {"type": "array", "items": self.value(typ.item)}
            if typ.min_items:
                schema["minItems"] = typ.min_items
            if typ.max_items is not None:
                schema["maxItems"] = typ.max_items
            return schema
        return {
            "type": "object",
            "propertyNames": {"$ref": "#/$defs/id"},
            "additionalProperties": self.value(typ.value),
        }

    def object(self, kind: fmt.Kind, *, whole: bool = True) -> dict:
        properties = {}
        for field in kind.fields:
            if field.since > self.version:
                continue
            schema = self.value(field.type)
            if isinstance(field.type, fmt.ListOf) and kind.name == "matrix":
                if not whole:  # a folder's part: the sizes hold for the files together
                    schema.pop("minItems", None)
                    schema.pop("maxItems", None)
                elif not field.required_in(self.version):
                    schema.pop("minItems", None)
            if field.doc:
                schema = {**schema, "description": field.doc}
            properties[field.key] = schema
        schema = {"type": "object", "description": kind.doc, "properties": properties}
        required = [f.key for f in kind.fields if f.required_in(self.version)]
        if whole and required:
            schema["required"] = required
        schema["patternProperties"] = {f"^{fmt.EXTENSION_PREFIX}": {}}
        schema["additionalProperties"] = False
        if kind.name == "matrix" and "bands" in properties:
            _points_rules(schema, whole)
        return schema

    def defs(self, top: fmt.Kind, whole: bool) -> dict:
        kinds = _used_kinds(top, self.version, self.kinds)
        defs = {f"v{self.version}-{top.name}": self.object(top, whole=whole)}
        defs |= {f"v{self.version}-{name}": self.object(self.kinds[name]) for name in kinds}
        return defs


def _points_rules(schema: dict, whole: bool) -> None:
    """The rules of points (18 to 20) that a schema can state: every level gives points or
    none does; in a whole file, the first band starts at 0, and bands or a role's points come
    only with level points."""
    properties = schema["properties"]
    every_level = {"items": {"required": ["points"]}}
    properties["levels"]["anyOf"] = [every_level, {"items": {"not": {"required": ["points"]}}}]
    if not whole:
        return  # a folder's bands and roles may stand in other files than its levels
    properties["bands"]["prefixItems"] = [{"properties": {"points": {"const": 0}}}]
    level_points = {"required": ["levels"], "properties": {"levels": every_level}}
    schema["allOf"] = [
        {
            "if": {"required": ["bands"], "properties": {"bands": {"minItems": 1}}},
            "then": level_points,
        },
        {
            "if": {
                "required": ["roles"],
                "properties": {"roles": {"contains": {"required": ["points"]}}},
            },
            "then": level_points,
        },
    ]


def _used_kinds(
    kind: fmt.Kind, version: int = fmt.LATEST, kinds: dict[str, fmt.Kind] = fmt.KINDS
) -> list[str]:
    """The kinds an object of *kind* holds in *version*, directly or not, in format order."""
    found: set[str] = set()

    def visit(typ: fmt.ValueType, since: int = 1) -> None:
        if since > version:
            return
        if isinstance(typ, fmt.ListOf):
            visit(typ.item)
        elif isinstance(typ, fmt.Either):
            for option, option_since in zip(typ.options, typ.since, strict=True):
                visit(option, option_since)
        elif isinstance(typ, fmt.IdMap):
            visit(typ.value)
        elif isinstance(typ, fmt.Object) and typ.kind not in found:
            found.add(typ.kind)
            for field in kinds[typ.kind].fields:
                visit(field.type, field.since)

    for field in kind.fields:
        visit(field.type, field.since)
    return [name for name in kinds if name in found]


def _document(title: str, top: fmt.Kind, *, whole: bool = True) -> dict:
    """A schema for each version, chosen by the document's ``version``."""
    defs: dict = {"id": _text(fmt.ID)}
    for version in fmt.VERSIONS:
        defs |= _Version(version).defs(top, whole)
    *earlier, last = fmt.VERSIONS
    choice: dict = {"$ref": f"#/$defs/v{last}-{top.name}"}
    for version in reversed(earlier):
        choice = {
            "if": {"properties": {"version": {"const": version}}, "required": ["version"]},
            "then": {"$ref": f"#/$defs/v{version}-{top.name}"},
            "else": choice,
        }
    return {"$schema": DRAFT, "title": title, "type": "object", **choice, "$defs": defs}


def _mapping_document() -> dict:
    """The mapping's schema: its one version, with the format's levels as the latest has them."""
    version = _Version(fmt.LATEST, mapping.KINDS)
    top = mapping.KINDS["mapping"]
    return {
        "$schema": DRAFT,
        "title": "Skills matrix mapping: how a team's own sheets hold a matrix",
        "$ref": f"#/$defs/v{fmt.LATEST}-mapping",
        "$defs": {"id": _text(fmt.ID), **version.defs(top, True)},
    }


def schemas() -> dict[str, dict]:
    """File name -> schema, for every schema the project ships."""
    versions = " and ".join(map(str, fmt.VERSIONS))
    matrix, profile = fmt.KINDS["matrix"], fmt.KINDS["profile"]
    return {
        "skills-matrix.schema.json": _document(
            f"Skills matrix, data format versions {versions}", matrix
        ),
        "skills-matrix-part.schema.json": _document(
            f"One file of a skills matrix kept as a folder, data format versions {versions}",
            matrix,
            whole=False,
        ),
        "profile.schema.json": _document(
            f"Skills matrix profile, data format versions {versions}", profile
        ),
        "mapping.schema.json": _mapping_document(),
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
