"""Values and types in the words of a message: what a value the reader got is, what a type
wants, and whether the value has that shape at all."""

from __future__ import annotations

import math

from .. import format as fmt
from ..diagnostics import quoted

LONGEST_SHOWN_BITS = 100
"""Longer integers are described by their size: printing them whole costs time (and Python
refuses beyond 4,300 digits)."""


def describe(value: object) -> str:
    """A value as a person reads it in a message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int) and value.bit_length() > LONGEST_SHOWN_BITS:
        digits = int((value.bit_length() - 1) * math.log10(2)) + 1  # at most one too few
        return f"a number of about {digits} digits"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text {quoted(str(value))}"


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def fits_shape(typ: fmt.ValueType, value: object) -> bool:
    """Whether *value* has the shape of *typ* (text, mapping, null…), right or wrong within."""
    if isinstance(typ, (fmt.Text, fmt.Ref, fmt.Date, fmt.OneOf)):
        return isinstance(value, str)
    if isinstance(typ, (fmt.Object, fmt.IdMap)):
        return isinstance(value, dict)
    if isinstance(typ, fmt.Null):
        return value is None
    return False


def shape_words(typ: fmt.ValueType) -> str:
    if isinstance(typ, fmt.Ref):
        return f"{article(typ.kind)} {typ.kind} id"
    if isinstance(typ, (fmt.Object, fmt.IdMap)):
        return "a mapping"
    if isinstance(typ, fmt.Null):
        return "null"
    return "text"
