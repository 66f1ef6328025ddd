"""The matrix as JSON (normalized, whole), as a CSV or Markdown grid, and as sheets.

:data:`EXPORTERS` is the one registry the command line's ``--format`` choices come from: a
new format is one function added there.
"""

from __future__ import annotations

import csv
import dataclasses as dc
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

from . import format as fmt
from .grid import build_grid, strength_word
from .locale import _
from .model import Matrix
from .plain import plain
from .spreadsheets.cells import csv_cell
from .spreadsheets.write import write_tables, write_workbook


def to_json(matrix: Matrix) -> dict:
    """The whole matrix in the latest version of the format, every key present (``null``,
    ``[]`` or ``{}``; each expectation as an object), and what is derived from it, so that
    no consumer derives it again: each role's ``effective`` expectations (marked
    ``inherited`` or ``own``, with the role they come from and what they mean in ``words``),
    ``effective_responsibilities`` and ``effective_points`` (the total it needs, if any),
    each track's ``ladder``, the ``source_version`` the data was written in, the display
    ``groups`` (skills by category, in display order)
    and the ``default_threshold``."""
    out = plain(matrix)
    out["version"] = fmt.LATEST
    out["source_version"] = matrix.version
    order = {skill.id: index for index, skill in enumerate(matrix.skills)}
    for role in out["roles"]:
        effective = sorted(matrix.expectations(role["id"]).values(), key=lambda e: order[e.skill])
        role["effective"] = {
            e.skill: dc.asdict(e) | {"words": matrix.expected_words(e)} for e in effective
        }
        role["effective_responsibilities"] = list(matrix.responsibilities_of(role["id"]))
        role["effective_points"] = matrix.points_needed(role["id"])
    for track in out["tracks"]:
        track["ladder"] = [role.id for role in matrix.ladder(track["id"])]
    out["groups"] = [
        {
            "category": category.id if category else None,
            "title": category.title if category else _("Other skills"),
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
    writer.writerow(["skill", "category", *(csv_cell(c.id) for c in grid.columns)])
    for group in grid.groups:
        for row in group.rows:
            cells = [row.skill.id, row.skill.category or "", *(c or "" for c in row.cells)]
            writer.writerow([csv_cell(cell) for cell in cells])
    return out.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as the characters it holds, safe inside a table cell."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(matrix: Matrix) -> str:
    """The grid as a Markdown (GFM) table: skill titles against responsibility titles, its
    words in the language spoken (the CSV and the sheets are data: ids and the format's keys)."""
    grid = build_grid(matrix)
    header = [_("Skill"), _("Category"), *(markdown_text(c.title) for c in grid.columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for group in grid.groups:
        category = markdown_text(group.category.title) if group.category else ""
        for row in group.rows:
            said = [strength_word(c) if c else "" for c in row.cells]
            cells = [markdown_text(row.skill.title), category, *said]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@dc.dataclass(frozen=True, slots=True)
class Exporter:
    """A format: *text* gives the matrix as text (to print or write to a file); *to_path*
    writes it to a path (a workbook, a folder) and returns what it could not hold, in words."""

    text: Callable[[Matrix], str] | None = None
    to_path: Callable[[Matrix, Path], list[str]] | None = None


EXPORTERS: dict[str, Exporter] = {
    "json": Exporter(text=json_text),
    "csv": Exporter(text=to_csv),
    "markdown": Exporter(text=to_markdown),
    "xlsx": Exporter(to_path=write_workbook),
    "tables": Exporter(to_path=write_tables),
}
"""Format name -> how the matrix is written in it: the command line's ``--format`` choices."""
