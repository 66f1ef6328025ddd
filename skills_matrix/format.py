"""The data format, declared once.

Every kind of object, its keys, their types, which are required, the id and URL patterns, the
lengths and the level bounds are stated here and nowhere else: the reader checks files against
these declarations (:mod:`.reading`), the JSON Schemas are generated from them
(:mod:`.schemas`), and the model (:mod:`.model`), the export and the diff follow the same
field names. The contract is ``docs/reference/data-format.md``.

It is the one module of the package over 400 lines, on purpose: a declaration reads best
whole, every kind beside the kinds it refers to, in the order the contract gives them.
"""

from __future__ import annotations

import dataclasses as dc
from functools import cached_property
from typing import Any

VERSIONS = (1, 2)
"""The format versions this package reads; a key or form new in version 2 is an error in a
file that says ``version: 1``."""
LATEST = VERSIONS[-1]

WHITE_SPACE = r"\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""White space, spelled out (the inside of a character class): ``\\s`` means one thing in
Python and another in the JavaScript that JSON Schema tools use (U+FEFF, for one)."""
END = r"(?![\s\S])"
"""The end of the text, in Python and JavaScript alike (``$`` in Python also matches before
a last line break, so that ``"a\\n"`` would pass as an id)."""
ID_PATTERN = rf"^[a-z0-9]+(-[a-z0-9]+)*{END}"
NOT_IN_URIS = r'"<>{}\\^`|'
"""Characters a URI may not hold as they are (RFC 3986; epubcheck refuses them)."""
URL_PATTERN = (
    rf"^[Hh][Tt][Tt][Pp][Ss]?://"
    rf"([^{WHITE_SPACE}{NOT_IN_URIS}/?#\[\]@]*@)?"  # who, if anyone
    rf"(\[[0-9A-Fa-f:.]+\]|[^{WHITE_SPACE}{NOT_IN_URIS}/?#\[\]@]+)"  # the host
    rf"(:[0-9]*)?"  # the port
    rf"([/?#][^{WHITE_SPACE}{NOT_IN_URIS}]*)?{END}"
)
DATE_PATTERN = rf"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{END}"
CONTROL_CHARACTERS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]"
"""C0 other than tab and newline, DEL and C1, and the noncharacters U+FFFE and U+FFFF (no XML
may hold them: a workbook with one cannot be opened): never allowed in text."""
NOT_BLANK = rf"[^{WHITE_SPACE}]"
"""Text must hold something other than white space."""

MAX_ID_LENGTH = 64
MAX_TITLE_LENGTH = 300
MAX_TEXT_LENGTH = 5_000
MIN_LEVELS, MAX_LEVELS = 2, 10
MAX_ITEMS = 100
"""Most examples, sources, links or pieces of evidence one object lists: enough for any
framework, and a bound on what a file can expand into when its lists are shown (aliases
repeat a list without repeating its bytes)."""
MAX_RETIRED = 10_000
"""Most ids a matrix retires: every edition's, kept."""
MAX_GRADE = 100
MAX_WEIGHT = 100
MAX_LEVEL_POINTS = 10_000
MAX_ROLE_POINTS = 1_000_000
"""Also the bound of a band's points: a total a role may need, a band may start at."""
DEFAULT_WEIGHT = 1
STRENGTHS = ("core", "supporting")
ORIGINS = ("source", "synthesis")
"""Where a skill comes from: named by the framework's sources, or its authors' own reading."""
DEFAULT_THRESHOLD = 0.8
"""The share of a role's expected skills a profile must meet for the role to fit."""

RETIRABLE = ("level", "category", "track", "responsibility", "skill", "role")
"""The kinds whose ids a matrix may retire (and rename: ``replaces``)."""

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
class Number:
    """A number from *minimum* to *maximum*; above *minimum* only when it is *exclusive*."""

    minimum: float
    maximum: float
    exclusive_minimum: bool = False
    integer: bool = False

    @property
    def words(self) -> str:
        kind = "a whole number" if self.integer else "a number"
        low = f"above {self.minimum:,g}" if self.exclusive_minimum else f"from {self.minimum:,g}"
        high = f"{self.maximum:,.0f}" if float(self.maximum).is_integer() else f"{self.maximum:,g}"
        return f"{kind} {low} to {high}"


@dc.dataclass(frozen=True)
class Flag:
    """``true`` or ``false``."""


@dc.dataclass(frozen=True)
class Null:
    """``null``: said, and nothing."""


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
    item: Text | Ref | Object | Either
    min_items: int = 0
    max_items: int | None = None


@dc.dataclass(frozen=True)
class Either:
    """One of several forms, told apart by their shape (text, mapping, null…); form *i* is
    allowed from version ``since[i]``."""

    options: tuple
    since: tuple[int, ...]


@dc.dataclass(frozen=True)
class IdMap:
    """A mapping whose keys are ids of *key* objects; every key must resolve."""

    key: Ref
    value: OneOf | Ref | Either


ValueType = (
    Text | Date | Number | Flag | Null | OneOf | Const | Ref | Object | ListOf | IdMap | Either
)
Value = Any
"""A value of one of these types (text, a number, a list, a mapping, a model's object): checked
against its declaration when it is read, so the type checker takes it as it comes."""

ID = Text(
    MAX_ID_LENGTH,
    ID_PATTERN,
    "an id is lowercase letters and digits, words joined by single hyphens "
    "(like 'think-end-to-end')",
    "id",
)
TITLE = Text(MAX_TITLE_LENGTH)
TEXT = Text(MAX_TEXT_LENGTH)
BAND_ID = Text(MAX_ID_LENGTH)
"""A band's id is any short text ("4.2", "Staff"): bands are named as their frameworks do."""
URL = Text(MAX_TEXT_LENGTH, URL_PATTERN, "links must start with http:// or https://", "url")


@dc.dataclass(frozen=True)
class Field:
    key: str
    type: ValueType
    required: bool = False
    doc: str = ""
    since: int = 1
    """The version the key is new in."""
    optional_since: int | None = None
    """For a required key: the version from which it may be left out."""

    def required_in(self, version: int) -> bool:
        return self.required and (self.optional_since is None or version < self.optional_since)


@dc.dataclass(frozen=True)
class Kind:
    """A kind of object in the format, and the list key it is given under (if any)."""

    name: str
    fields: tuple[Field, ...]
    doc: str
    plural: str | None = None

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def list_key(self) -> str:
        """The top-level key a listed kind is given under (``skills``)."""
        if self.plural is None:
            raise ValueError(f"a {self.name} is not listed at the top of a matrix")
        return self.plural

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @cached_property
    def required(self) -> tuple[str, ...]:
        """The keys required in every version."""
        return tuple(f.key for f in self.fields if f.required and f.optional_since is None)


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {kind.name: kind for kind in kinds}


REPLACES = Field(
    "replaces",
    ListOf(ID, max_items=MAX_ITEMS),
    doc="The ids it had in earlier editions: profiles, aims and saved answers that name one "
    "are read as this one.",
    since=2,
)
"""Renames: what a skill, level, role, responsibility, category or track was called before."""


KINDS: dict[str, Kind] = _kinds(
    Kind(
        "matrix",
        (
            Field("version", Const(VERSIONS), True, "The format version."),
            Field("title", TITLE),
            Field("description", TEXT, doc="What the framework is for.", since=2),
            Field(
                "levels",
                ListOf(Object("level"), MIN_LEVELS, MAX_LEVELS),
                True,
                "The proficiency scale, lowest first.",
            ),
            Field("categories", ListOf(Object("category")), doc="Skill groups, in display order."),
            Field(
                "tracks",
                ListOf(Object("track")),
                doc="Ladders or job families, in display order.",
                since=2,
            ),
            Field(
                "responsibilities",
                ListOf(Object("responsibility"), 1),
                True,
                "What roles are responsible for; at least one in version 1.",
                optional_since=2,
            ),
            Field("skills", ListOf(Object("skill"), 1), True),
            Field("roles", ListOf(Object("role"))),
            Field(
                "bands",
                ListOf(Object("band")),
                doc="Named steps of a points total, lowest first (needs level points).",
                since=2,
            ),
            Field(
                "retired",
                ListOf(Object("retirement"), max_items=MAX_RETIRED),
                doc="Ids of earlier editions dropped on purpose: a profile that names one is "
                "assessed without it, with a note.",
                since=2,
            ),
        ),
        "A skills matrix file.",
    ),
    Kind(
        "retirement",
        (
            Field("kind", OneOf(RETIRABLE, "kind"), True, "What it was: skill, level, role…"),
            Field("id", ID, True, "Its id in the earlier edition."),
            Field("note", TEXT, doc="Why, or where its answers went."),
        ),
        "An id an earlier edition had, dropped on purpose.",
    ),
    Kind(
        "level",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("description", TEXT),
            Field(
                "points",
                Number(0, MAX_LEVEL_POINTS),
                doc="What holding a skill at this level adds to a person's total; given for "
                "every level or none, never decreasing.",
                since=2,
            ),
            REPLACES,
        ),
        "One step of the proficiency scale.",
        "levels",
    ),
    Kind(
        "band",
        (
            Field("id", BAND_ID, True),
            Field("points", Number(0, MAX_ROLE_POINTS), True, "The total the band starts at."),
            Field("title", TITLE),
        ),
        "A named step of the points total, such as a level '4.2'.",
        "bands",
    ),
    Kind(
        "category",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("description", TEXT),
            REPLACES,
        ),
        "A group of skills.",
        "categories",
    ),
    Kind(
        "track",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("description", TEXT),
            REPLACES,
        ),
        "A ladder of roles, or a job family.",
        "tracks",
    ),
    Kind(
        "responsibility",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("description", TEXT),
            Field(
                "sources",
                ListOf(Object("source"), max_items=MAX_ITEMS),
                doc="Evidence for the responsibility.",
            ),
            REPLACES,
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
            Field("examples", ListOf(TITLE, max_items=MAX_ITEMS)),
            Field(
                "supports",
                IdMap(Ref("responsibility", "supports"), OneOf(STRENGTHS, "strength")),
                doc="Responsibility id -> strength (core or supporting).",
            ),
            Field(
                "links",
                ListOf(Object("source"), max_items=MAX_ITEMS),
                doc="Where to learn it.",
                since=2,
            ),
            Field(
                "origin",
                OneOf(ORIGINS, "origin"),
                doc="'source' when the framework's sources name the skill, 'synthesis' when "
                "its authors inferred it.",
                since=2,
            ),
            Field(
                "levels",
                IdMap(Ref("level", "describes"), Either((TEXT, Object("descriptor")), (2, 2))),
                doc="Level id -> what the skill looks like at that level.",
                since=2,
            ),
            REPLACES,
        ),
        "A skill (a row of the table).",
        "skills",
    ),
    Kind(
        "descriptor",
        (
            Field("description", TEXT, True),
            Field("examples", ListOf(TITLE, max_items=MAX_ITEMS)),
        ),
        "What a skill looks like at one level.",
    ),
    Kind(
        "role",
        (
            Field("id", ID, True),
            Field("title", TITLE, True),
            Field("summary", TEXT),
            Field("track", Ref("track", "is on"), doc="The track the role is on.", since=2),
            Field(
                "grade",
                Number(0, MAX_GRADE, integer=True),
                doc="Its position on its ladder; higher is more senior.",
                since=2,
            ),
            Field(
                "threshold",
                Number(0, 1, exclusive_minimum=True),
                doc="The fit this role needs (default: the one given, else 0.8).",
                since=2,
            ),
            Field("extends", Ref("role", "extends"), doc="The role it builds on.", since=2),
            Field(
                "points",
                Number(0, MAX_ROLE_POINTS),
                doc="The least points total the role needs (default: its base's; never fewer).",
                since=2,
            ),
            Field("responsibilities", ListOf(Ref("responsibility", "lists"))),
            Field(
                "expects",
                IdMap(
                    Ref("skill", "expects"),
                    Either((Ref("level", "expects {key!r} at"), Object("expectation")), (1, 2)),
                ),
                doc="Skill id -> the least level expected, or an expectation.",
            ),
            REPLACES,
        ),
        "A role: its responsibilities and the skills it expects.",
        "roles",
    ),
    Kind(
        "expectation",
        (
            Field("level", Ref("level", "expects {key!r} at"), True),
            Field("required", Flag(), doc="A must-have (default false)."),
            Field(
                "weight",
                Number(0, MAX_WEIGHT, exclusive_minimum=True),
                doc="How much it counts (default 1).",
            ),
            Field("note", TEXT, doc="What this role expects, in words."),
        ),
        "What a role expects of one skill.",
    ),
    Kind(
        "profile",
        (
            Field("version", Const(VERSIONS), True, "The format version."),
            Field("name", TITLE),
            Field("role", Ref("role"), doc="The person's current role.", since=2),
            Field("aim", Ref("role"), doc="The role the person works towards.", since=2),
            Field("date", Date(), doc="When the assessment was made.", since=2),
            Field(
                "skills",
                IdMap(
                    Ref("skill"),
                    Either((Ref("level"), Null(), Object("assessed-skill")), (1, 2, 2)),
                ),
                doc="Skill id -> the level the person has, null (none yet), or with evidence.",
            ),
        ),
        "What one person says of their own skills.",
    ),
    Kind(
        "assessed-skill",
        (
            Field("level", Ref("level"), True),
            Field(
                "evidence",
                ListOf(Either((TEXT, Object("source")), (2, 2)), max_items=MAX_ITEMS),
                doc="What shows it: text, or a link as {title, url}.",
            ),
        ),
        "A level a person has, with evidence.",
    ),
)

LISTED_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS.values() if k.plural)
"""The kinds given as lists at the top of a matrix, in the format's order."""

SINGLETON_KEYS = ("version", "title", "description")
"""Top-level keys besides lists; in a folder they, and ``levels``, stand in one file only."""


def kind_by_plural(plural: str) -> Kind:
    return next(k for k in LISTED_KINDS if k.plural == plural)
