"""The package's message catalogs: the template holds every message the Python and the
browser's scripts say, each shipped language translates all of them with the same
placeholders, and the compiled catalogs are the sources' (``nox -s catalogs`` keeps them so)."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from skills_matrix import locale

from .conftest import PROJECT

LOCALE = PROJECT / "skills_matrix" / "locale"
LANGUAGES = [code for code in locale.shipped() if code != locale.ENGLISH]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _key(value):
    """A message's id or string; a plural's as a tuple."""
    return value if isinstance(value, str) else tuple(value)


def _ids(catalog) -> set:
    return {_key(m.id) for m in catalog if m.id}


def _read(path: Path):
    with path.open("rb") as file:
        return read_po(file) if path.suffix in {".po", ".pot"} else read_mo(file)


def test_the_template_holds_every_message_said():
    config = configparser.ConfigParser()
    config.read(LOCALE / "babel.cfg", encoding="utf-8")
    sections = (section.split(":", 1) for section in config.sections())  # [METHOD: PATTERN]
    method_map = [(pattern.strip(), method.strip()) for method, pattern in sections]
    said = {
        _key(message)
        for _file, _line, message, _comments, _context in extract_from_dir(
            PROJECT, method_map, keywords=locale.KEYWORDS
        )
    }
    assert said == _ids(_read(LOCALE / "skills_matrix.pot")), "run nox -s catalogs"


def test_a_language_is_shipped_besides_english():
    assert "de" in LANGUAGES


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(code):
    po = _read(LOCALE / code / "LC_MESSAGES" / "skills_matrix.po")
    assert _ids(po) == _ids(_read(LOCALE / "skills_matrix.pot")), "run nox -s catalogs"
    for message in po:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(strings) and not message.fuzzy, message.id
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for said in strings:
            given = set(PLACEHOLDER.findall(said))
            # a translation may leave out a placeholder ({a_role}: "an AI Engineer" is
            # English grammar; {role} is the title alone), never invent one
            assert given <= wanted | {"role"}, (message.id, said)
            assert given or not wanted, (message.id, said)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalog_is_the_source(code):
    folder = LOCALE / code / "LC_MESSAGES"
    po, mo = _read(folder / "skills_matrix.po"), _read(folder / "skills_matrix.mo")
    compiled = {_key(m.id): _key(m.string) for m in mo if m.id}
    assert {_key(m.id): _key(m.string) for m in po if m.id} == compiled, "run nox -s catalogs"
    assert po.plural_expr == mo.plural_expr


def test_the_browser_gets_the_forms_of_each_count():
    scripts = locale.script_messages(locale.FOLDER.parent / "ext" / "static")
    german = locale.browser_catalog(locale.language("de"), scripts)
    assert german["decimal"] == "," and german["percent"] == "{0}\xa0%"
    assert german["plural"][:3] == [1, 0, 1]
    assert german["messages"]["{count} gap"] == ["{count} Lücke", "{count} Lücken"]
    assert "Jede Rolle passt" in german["messages"].values()
    english = locale.browser_catalog(locale.language("en"), ["Every role fits"])
    assert english["messages"] == {}
