"""A mapping: how a team's own workbook or CSV files hold a matrix, declared once.

A framework kept in its own spreadsheet shape (a sheet of skills with a column per level, a
grid of roles against skills, CSV files with slugs and ``|``-separated lists) is imported by a
small YAML file that says which sheet holds what and which column is which key; no code.
It is checked like a data file, by :class:`.reading.fields.FileReader` with :data:`KINDS`,
and :mod:`..schemas` writes its JSON Schema from the same declaration.
:func:`.reading.mapped.apply_mapping` reads sheets through it. The page that documents it is
``docs/reference/publish.md`` ("My sheet looks different").
"""

from __future__ import annotations

from .. import format as fmt

VERSIONS = (1,)
SEPARATOR = fmt.Text(8)
HEADER = fmt.Text(fmt.MAX_TITLE_LENGTH)
"""A column's header, as the sheet writes it (matched ignoring case and spacing)."""
ORDERS = ("lowest first", "highest first")

LISTS = ("levels", "categories", "tracks", "responsibilities", "skills", "roles")
"""What a row of a sheet may be: an object of one of the format's lists…"""
RELATIONS = ("expectations", "supports", "descriptors")
"""…or a relation between two of them: what a role expects of a skill, which responsibility a
skill supports, what a skill looks like at a level."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "levels": ("id", "title", "description", "points", "replaces"),
    "categories": ("id", "title", "description", "replaces"),
    "tracks": ("id", "title", "description", "replaces"),
    "responsibilities": ("id", "title", "description", "replaces"),
    "skills": (
        "id",
        "title",
        "category",
        "description",
        "examples",
        "origin",
        "supports",
        "replaces",
    ),
    "roles": (
        "id",
        "title",
        "summary",
        "track",
        "grade",
        "threshold",
        "extends",
        "points",
        "responsibilities",
        "replaces",
    ),
    "expectations": ("role", "skill", "level", "required", "weight", "note"),
    "supports": ("skill", "responsibility", "strength"),
    "descriptors": ("skill", "level", "description"),
}
"""The keys a sheet's columns may be, by what its rows are."""

REQUIRED: dict[str, tuple[str, ...]] = {
    **{kind: ("title",) for kind in LISTS},
    "expectations": ("role", "skill", "level"),
    "supports": ("skill", "responsibility"),
    "descriptors": ("skill", "level", "description"),
}
"""The columns a sheet must name; a grid names one of them by its headers and holds another
in its cells (:data:`GRIDS`)."""

GRIDS: dict[tuple[str, str], tuple[str, str]] = {
    ("expectations", "roles"): ("role", "level"),
    ("expectations", "skills"): ("skill", "level"),
    ("descriptors", "levels"): ("level", "description"),
}
"""(rows are, across) -> (the key the headers give, the key the cells give)."""

REFERENCES: dict[str, str] = {
    "category": "categories",
    "track": "tracks",
    "extends": "roles",
    "responsibilities": "responsibilities",
    "supports": "responsibilities",
    "role": "roles",
    "skill": "skills",
    "level": "levels",
    "responsibility": "responsibilities",
}
"""Columns whose cells name an object of a list (by its id or its title)."""

LIST_COLUMNS = ("examples", "replaces", "responsibilities", "supports")
"""Columns whose cells hold several items, split by the mapping's ``separator``."""

KINDS: dict[str, fmt.Kind] = {
    "mapping": fmt.Kind(
        "mapping",
        (
            fmt.Field("mapping", fmt.Const(VERSIONS), True, "The mapping format's version: 1."),
            fmt.Field(
                "separator",
                SEPARATOR,
                doc="What stands between the items of a list in one cell ('|', ';'); without "
                "it, such a cell holds one item.",
            ),
            fmt.Field("matrix", fmt.Object("matrix-keys"), doc="The matrix's own keys."),
            fmt.Field(
                "levels",
                fmt.ListOf(fmt.Object("level"), fmt.MIN_LEVELS, fmt.MAX_LEVELS),
                doc="The proficiency scale, lowest first, when no sheet holds it.",
            ),
            fmt.Field(
                "sheets",
                fmt.ListOf(fmt.Object("sheet"), 1),
                True,
                "Which sheet (or CSV file) holds what; a sheet may be named twice, for two "
                "things it holds.",
            ),
        ),
        "How a team's own workbook or CSV files hold a skills matrix.",
    ),
    "matrix-keys": fmt.Kind(
        "matrix-keys",
        (
            fmt.Field("title", fmt.TITLE),
            fmt.Field("description", fmt.TEXT),
        ),
        "The matrix's title and description.",
    ),
    "level": fmt.KINDS["level"],
    "sheet": fmt.Kind(
        "sheet",
        (
            fmt.Field(
                "name",
                HEADER,
                True,
                "The sheet's name, or the CSV file's name without '.csv' (any case).",
            ),
            fmt.Field("holds", fmt.OneOf(LISTS + RELATIONS, "kind"), True, "What a row is."),
            fmt.Field(
                "header",
                fmt.Number(1, 1000, integer=True),
                doc="The row that names the columns (default 1); rows above it are left out.",
            ),
            fmt.Field("columns", fmt.Object("columns"), doc="Key -> the header of its column."),
            fmt.Field(
                "grid",
                fmt.Object("grid"),
                doc="The other columns each name a role, skill or level; the cells hold what "
                "the row says of it.",
            ),
            fmt.Field(
                "order",
                fmt.OneOf(ORDERS, "order"),
                doc="Of a sheet of levels, or a grid across levels: 'highest first' when the "
                "scale is written from the top (default 'lowest first').",
            ),
            fmt.Field(
                "values",
                fmt.ListOf(fmt.Object("value"), max_items=fmt.MAX_ITEMS),
                doc="Cell texts that stand for a level ('3' for expert), beyond levels' ids "
                "and titles.",
            ),
        ),
        "One sheet (or CSV file) and what it holds.",
    ),
    "columns": fmt.Kind(
        "columns",
        tuple(
            fmt.Field(key, HEADER)
            for key in dict.fromkeys(k for keys in COLUMNS.values() for k in keys)
        ),
        "Which column holds which key: the key, then the column's header.",
    ),
    "grid": fmt.Kind(
        "grid",
        (
            fmt.Field("across", fmt.OneOf(("roles", "skills", "levels"), "grid"), True),
            fmt.Field(
                "columns",
                fmt.ListOf(HEADER, 1),
                doc="The headers of the grid's columns, in order (default: every column the "
                "sheet's columns do not name).",
            ),
        ),
        "A grid: its columns each name a role, skill or level.",
    ),
    "value": fmt.Kind(
        "value",
        (
            fmt.Field("cell", HEADER, True, "The cell's text."),
            fmt.Field("level", fmt.Ref("level"), True, "The level it stands for."),
        ),
        "What a cell's text means.",
    ),
}

NOT_IN_SCHEMA = (
    "a sheet names only the columns its kind of row has, and those it needs",
    "a grid goes across roles or skills in a sheet of expectations, across levels in a sheet "
    "of descriptors",
    "order is given only for levels; values only in a sheet of expectations",
    "every sheet and column named is in the workbook or folder",
)
"""What the command line checks of a mapping and its JSON Schema cannot say."""
