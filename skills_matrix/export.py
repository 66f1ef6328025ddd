"""The matrix as JSON (normalized, whole) and as a CSV or Markdown grid.

:data:`EXPORTERS` is the registry the command line's ``--format`` choices come from: a new
format is one function added there.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable

from . import format as fmt
from .model import OTHER_SKILLS, Matrix
from .table import build_grid


def _plain(typ: fmt.ValueType, value: object) -> object:
    if isinstance(typ, fmt.ListOf):
        return [_plain(typ.item, item) for item in value]
    if isinstance(typ, fmt.Object):
        return _object(fmt.KINDS[typ.kind], value)
    if isinstance(typ, fmt.IdMap):
        return dict(value)
    return value


def _object(kind: fmt.Kind, obj: object) -> dict:
    return {f.key: _plain(f.type, getattr(obj, f.key)) for f in kind.fields}


def to_json(matrix: Matrix) -> dict:
    """The whole matrix, every key of the format present (``null``, ``[]`` or ``{}``), and
    what is derived from it, so that no consumer derives it again: the display ``groups``
    (skills by category, in display order) and the ``default_threshold``."""
    out = _object(fmt.KINDS["matrix"], matrix)
    out["groups"] = [
        {
            "category": category.id if category else None,
            "title": category.title if category else OTHER_SKILLS,
            "skills": [skill.id for skill in skills],
        }
        for category, skills in matrix.skills_in_display_order()
    ]
    out["default_threshold"] = fmt.DEFAULT_THRESHOLD
    return out


def json_text(matrix: Matrix) -> str:
    return json.dumps(to_json(matrix), ensure_ascii=False, indent=1) + "\n"


def to_csv(matrix: Matrix) -> str:
    """One header row (``skill``, ``category``, responsibility ids), then a row a skill."""
    grid = build_grid(matrix)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["skill", "category", *(c.id for c in grid.columns)])
    for group in grid.groups:
        for row in group.rows:
            writer.writerow(
                [row.skill.id, row.skill.category or "", *(cell or "" for cell in row.cells)]
            )
    return out.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as the characters it holds, safe inside a table cell."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(matrix: Matrix) -> str:
    """The grid as a Markdown (GFM) table: skill titles against responsibility titles."""
    grid = build_grid(matrix)
    header = ["Skill", "Category", *(markdown_text(c.title) for c in grid.columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for group in grid.groups:
        category = markdown_text(group.category.title) if group.category else ""
        for row in group.rows:
            cells = [markdown_text(row.skill.title), category, *(c or "" for c in row.cells)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


EXPORTERS: dict[str, Callable[[Matrix], str]] = {
    "json": json_text,
    "csv": to_csv,
    "markdown": to_markdown,
}
"""Format name -> the function that writes the matrix in it."""
