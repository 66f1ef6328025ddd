"""Plain scalars as YAML 1.2's core schema reads them, as editors and the JSON Schema tools
do: ``yes``, ``no``, ``on``, ``off`` are text; only ``true`` and ``false`` are booleans;
``017`` is seventeen; a date is text."""

from __future__ import annotations

import math
import re

CORE = "tag:yaml.org,2002:"
# The plain scalars that are not text.
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)

_NOT_TEXT_STARTS = frozenset("~nNtTfF0123456789+-.")
"""The first characters of every core scalar that is not text (and the empty one)."""


def resolve(value: str) -> str:
    """The tag of a plain scalar, by YAML 1.2's core schema."""
    if value and value[0] not in _NOT_TEXT_STARTS:
        return CORE + "str"  # most scalars are words: no pattern can match them
    for tag, pattern in (("null", _NULL), ("bool", _BOOL), ("int", _INT), ("float", _FLOAT)):
        if pattern.fullmatch(value):
            return CORE + tag
    return CORE + "str"


MAX_INT_DIGITS = 4_000
"""Longest decimal integer read (Python itself refuses beyond 4,300 digits): far past every
bound of the format, so a longer one can only be a range error."""


class NumberTooLong(ValueError):
    """A decimal integer of more than :data:`MAX_INT_DIGITS` digits."""

    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def construct(tag: str, value: str) -> object:
    """The value of a scalar of a core *tag*; ``ValueError`` when it is not one."""
    if tag in ("str", "timestamp"):
        return value
    if tag == "null":
        if not _NULL.fullmatch(value):
            raise ValueError(value)
        return None
    if tag == "bool":
        if not _BOOL.fullmatch(value):
            raise ValueError(value)
        return value.lower() == "true"
    if tag == "int":
        if not _INT.fullmatch(value):
            raise ValueError(value)
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        digits = len(value.lstrip("+-"))
        if digits > MAX_INT_DIGITS:
            raise NumberTooLong(digits)
        return int(value, 10)
    if not _FLOAT.fullmatch(value) and not _INT.fullmatch(value):
        raise ValueError(value)
    lowered = value.lower()
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(value)
