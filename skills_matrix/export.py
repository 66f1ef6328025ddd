"""The matrix as JSON (normalized, whole) and as a CSV or Markdown grid."""

from __future__ import annotations

import csv
import io
import re

from .model import Matrix
from .table import build_grid

EXPORT_FORMATS = ("json", "csv", "markdown")


def to_json(matrix: Matrix) -> dict:
    """The whole matrix, every optional key present (``null``, ``[]`` or ``{}``)."""
    return {
        "version": matrix.version,
        "title": matrix.title,
        "levels": [
            {"id": lv.id, "title": lv.title, "description": lv.description} for lv in matrix.levels
        ],
        "categories": [
            {"id": c.id, "title": c.title, "description": c.description} for c in matrix.categories
        ],
        "responsibilities": [
            {
                "id": r.id,
                "title": r.title,
                "description": r.description,
                "sources": [
                    {"title": s.title, "url": s.url, "accessed": s.accessed} for s in r.sources
                ],
            }
            for r in matrix.responsibilities
        ],
        "skills": [
            {
                "id": s.id,
                "title": s.title,
                "category": s.category,
                "description": s.description,
                "examples": list(s.examples),
                "supports": dict(s.supports),
            }
            for s in matrix.skills
        ],
        "roles": [
            {
                "id": r.id,
                "title": r.title,
                "summary": r.summary,
                "responsibilities": list(r.responsibilities),
                "expects": dict(r.expects),
            }
            for r in matrix.roles
        ],
    }


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
