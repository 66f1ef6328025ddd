"""The data format, declared once.

Every kind of object, its keys, their types, which are required, the id and URL patterns, the
lengths and the level bounds are stated here and nowhere else: the reader checks files against
these declarations (:mod:`.reading`), the JSON Schemas are generated from them
(:mod:`.schema`), and the model (:mod:`.model`), the export and the diff follow the same
field names. The contract is ``docs/reference/data-format.md``.
"""

from __future__ import annotations

import dataclasses as dc

VERSIONS = (1,)
"""The format versions this package reads."""

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
CONTROL_CHARACTERS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
"""C0 other than tab and newline, DEL and C1: never allowed in text."""
NOT_BLANK = r"\S"
"""Text must hold something other than white space."""

MAX_ID_LENGTH = 64
MAX_TITLE_LENGTH = 300
MAX_TEXT_LENGTH = 5_000
MIN_LEVELS, MAX_LEVELS = 2, 10
STRENGTHS = ("core", "supporting")
DEFAULT_THRESHOLD = 0.8
"""The share of a role's expected skills a profile must meet for the role to fit."""

EXTENSION_PREFIX = "x-"
"""Keys starting with it, in the format's own objects, are the writer's own: kept, ignored."""


# Value types. Each says what a value must be; the reader checks it, the schema states it.


@dc.dataclass(frozen=True)
class Text:
    """Non-blank text of at most *max_length* characters, with no control characters."""

    max_length: int = MAX_TEXT_LENGTH
    pattern: str | None = None
    """A regular expression the text must match, with *pattern_words* saying what it is."""
    pattern_words: str = ""
    code: str = "type"
    """The kind of problem a text that does not match is."""


@dc.dataclass(frozen=True)
class Date:
    """A calendar date written ``YYYY-MM-DD``, kept as that text."""


@dc.dataclass(frozen=True)
class OneOf:
    """One of a few fixed words, called *name*."""

    values: tuple[str, ...]
    name: str


@dc.dataclass(frozen=True)
class Const:
    """Exactly one of *values*: the format version."""

    values: tuple[int, ...]


@dc.dataclass(frozen=True)
class Ref:
    """The id of a *kind* object declared in the matrix.

    *phrase* says, in a message, what the object that holds it does with it: "the role 'x'
    *expects* the skill 'y'" (``{key}`` stands for the map key it is the value of).
    """

    kind: str
    phrase: str = "names"


@dc.dataclass(frozen=True)
class Object:
    """A nested object of a kind declared in :data:`KINDS`."""

    kind: str


@dc.dataclass(frozen=True)
class ListOf:
    item: Text | Ref | Object
    min_items: int = 0
    max_items: int | None = None


@dc.dataclass(frozen=True)
class IdMap:
    """A mapping whose keys are ids of *key* objects; every key must resolve."""

    key: Ref
    value: OneOf | Ref


ValueType = Text | Date | OneOf | Const | Ref | Object | ListOf | IdMap

ID = Text(
    MAX_ID_LENGTH,
    ID_PATTERN,
    "an id is lowercase letters and digits, words joined by single hyphens "
    "(like 'think-end-to-end')",
    "id",
)
TITLE = Text(MAX_TITLE_LENGTH)
TEXT = Text(MAX_TEXT_LENGTH)
URL = Text(MAX_TEXT_LENGTH, URL_PATTERN, "links must start with http:// or https://", "url")


@dc.dataclass(frozen=True)
class Field:
    key: str
    type: ValueType
    required: bool = False
    doc: str = ""


@dc.dataclass(frozen=True)
class Kind:
    """A kind of object in the format, and the list key it is given under (if any)."""

    name: str
    fields: tuple[Field, ...]
    doc: str
    plural: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {kind.name: kind for kind in kinds}


KINDS: dict[str, Kind] = _kinds(
    Kind(
        "matrix",
        (
            Field("version", Const(VERSIONS), True, "The format version."),
            Field("title", TITLE),
            Field(
                "levels",
                ListOf(Object("level"), MIN_LEVELS, MAX_LEVELS),
                True,
                "The proficiency scale, lowest first.",
            ),
            Field("categories", ListOf(Object("category")), doc="Skill groups, in display order."),
            Field("responsibilities", ListOf(Object("responsibility"), 1), True),
            Field("skills", ListOf(Object("skill"), 1), True),
            Field("roles", ListOf(Object("role"))),
        ),
        "A skills matrix file.",
    ),
    Kind(
        "level",
        (Field("id", ID, True), Field("title", TITLE, True), Field("description", TEXT)),
        "One step of the proficiency scale.",
        "levels",
    ),
    Kind(
        "category",
        (Field("id", ID, True), Field("title", TITLE, True), Field("description", TEXT)),
        "A group of skills.",
        "categories",
    ),
    Kind(
        "responsibility",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("description", TEXT),
            Field("sources", ListOf(Object("source")), doc="Evidence for the responsibility."),
        ),
        "What a role is responsible for (a column of the table).",
        "responsibilities",
    ),
    Kind(
        "source",
        (
            Field("title", TITLE),
            Field("url", URL, True),
            Field("accessed", Date(), doc="When the source was read (YYYY-MM-DD)."),
        ),
        "Where something is written or shown.",
    ),
    Kind(
        "skill",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("category", Ref("category", "is in"), doc="The id of a declared category."),
            Field("description", TEXT),
            Field("examples", ListOf(TITLE)),
            Field(
                "supports",
                IdMap(Ref("responsibility", "supports"), OneOf(STRENGTHS, "strength")),
                doc="Responsibility id -> strength (core or supporting).",
            ),
        ),
        "A skill (a row of the table).",
        "skills",
    ),
    Kind(
        "role",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("summary", TEXT),
            Field("responsibilities", ListOf(Ref("responsibility", "lists"))),
            Field(
                "expects",
                IdMap(Ref("skill", "expects"), Ref("level", "expects {key!r} at")),
                doc="Skill id -> the least level expected.",
            ),
        ),
        "A role: its responsibilities and the skills it expects.",
        "roles",
    ),
    Kind(
        "profile",
        (
            Field("version", Const(VERSIONS), True, "The format version."),
            Field("name", TITLE),
            Field(
                "skills",
                IdMap(Ref("skill"), Ref("level")),
                doc="Skill id -> the level id the person has.",
            ),
        ),
        "What one person says of their own skills.",
    ),
)

LISTED_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS.values() if k.plural)
"""The kinds given as lists at the top of a matrix, in the format's order."""

SINGLETON_KEYS = ("version", "title")
"""Top-level keys besides lists; in a folder they, and ``levels``, stand in one file only."""


def kind_by_plural(plural: str) -> Kind:
    return next(k for k in LISTED_KINDS if k.plural == plural)
