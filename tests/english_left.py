"""What is left of the package's English in a text in another language: the words of its
messages (skills_matrix.pot) that their translation does not use too, found in the text once
everything the data says (titles, descriptions, names, links) is taken out of it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).parent.parent / "skills_matrix" / "locale"
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
PLACEHOLDER = re.compile(r"\{\w*\}")


def _words(texts: Iterable[str]) -> set[str]:
    return {w.casefold() for text in texts for w in WORD.findall(PLACEHOLDER.sub(" ", text))}


def _texts(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


@cache
def package_english(language: str) -> frozenset[str]:
    """The English words of the package's messages that *language*'s translations lack."""
    with (LOCALE / "skills_matrix.pot").open("rb") as file:
        english = _words(t for m in read_po(file) for t in _texts(m.id))
    with (LOCALE / language / "LC_MESSAGES" / "skills_matrix.po").open("rb") as file:
        translated = _words(t for m in read_po(file) if m.id for t in _texts(m.string))
    return frozenset(english - translated)


def data_texts(value) -> list[str]:
    """Every text in *value* (published JSON, a profile), longest first."""
    found: set[str] = set()

    def walk(item) -> None:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                walk(key)
                walk(inner)
        elif isinstance(item, (list, tuple)):
            for inner in item:
                walk(inner)

    walk(value)
    return sorted(found, key=len, reverse=True)


def english_left(text: str, data: Iterable[str], language: str = "de") -> set[str]:
    """The package's English words in *text* once every text of *data* is taken out (and,
    where a builder wrapped it in a table's cell, every word of it)."""
    data = list(data)
    for said in data:
        if len(said) > 1:
            text = text.replace(said, " ")
    return (_words([text]) & package_english(language)) - _words(data)
