"""The package's words in the reader's language.

One gettext catalog a language, ``<language>/LC_MESSAGES/skills_matrix.po`` beside this
file, compiled to ``.mo`` (``nox -s catalogs`` extracts, updates and compiles them). The core
and the command line read them through :func:`_` and :func:`ngettext` in the language
:func:`speaking` sets; the Sphinx extension registers the same catalogs with Sphinx and
publishes their browser's part (:func:`browser_catalog`). Numbers follow the language's
signs (Babel's CLDR data): the decimal sign and where the percent sign goes.
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import functools
import gettext
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path

DOMAIN = "skills_matrix"
FOLDER = Path(__file__).parent
ENGLISH = "en"
PLURAL_TABLE = 200
"""The browser learns a language's plural forms as the form of each count below this; a
larger count has the form of ``100 + count % 100`` (gettext's rules look no further)."""


@dc.dataclass(frozen=True)
class Language:
    """A language's translations and number signs."""

    code: str
    translations: gettext.NullTranslations
    decimal: str = "."
    percent: str = "{0}%"
    """Where a whole percentage goes, ``{0}``, and the sign around it."""
    right_to_left: bool = False

    @property
    def english(self) -> bool:
        """Whether it writes as English does: no catalog to publish, no stylesheet to add."""
        written = (self.decimal, self.percent, self.right_to_left) == (".", "{0}%", False)
        return written and not self.translated

    @property
    def translated(self) -> bool:
        return isinstance(self.translations, gettext.GNUTranslations)


_ENGLISH = Language(ENGLISH, gettext.NullTranslations())
_current: ContextVar[Language] = ContextVar("skills_matrix_language", default=_ENGLISH)


def shipped() -> list[str]:
    """The languages the package has a catalog for, English (the source) first."""
    found = sorted(p.parent.parent.name for p in FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [ENGLISH, *found]


@functools.cache
def language(code: str | None) -> Language:
    """*code*'s words (English where the package has no catalog for it) and number signs;
    English for none."""
    if not code or code.split("_")[0].split("-")[0].lower() in ("en", "c", "posix"):
        return _ENGLISH
    translations = gettext.translation(DOMAIN, FOLDER, [code], fallback=True)
    return Language(code, translations, *_written(code))


def _written(code: str) -> tuple[str, str, bool]:
    """How *code* writes (CLDR's, through Babel): its decimal sign and percent pattern in
    Latin digits, and whether it is written right to left; English's when Babel does not
    know it."""
    from babel import Locale, UnknownLocaleError, numbers

    try:
        found = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return ".", "{0}%", False
    decimal = numbers.get_decimal_symbol(found, numbering_system="latn")
    shaped = numbers.format_percent(0.75, locale=found, numbering_system="latn")
    rtl = found.character_order == "right-to-left"
    return decimal, shaped.replace("75", "{0}"), rtl


def current() -> Language:
    return _current.get()


@contextlib.contextmanager
def speaking(code: str | None) -> Iterator[Language]:
    """The package speaks *code* inside the block."""
    token = _current.set(language(code))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def use(code: str | None) -> None:
    """The package speaks *code* from now on in this context (the command line's run, a
    Sphinx build); :func:`speaking` is the scoped form."""
    _current.set(language(code))


def _(message: str) -> str:
    return _current.get().translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.get().translations.ngettext(singular, plural, count)


def from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the usual locale variables ask for, as gettext reads them (the first
    of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` set)."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            first = value.split(":")[0]
            return first.split(".")[0].split("@")[0] or None
    return None


def decimal(text: str) -> str:
    """A number written with ``.`` in the language's decimal sign."""
    sign = _current.get().decimal
    return text if sign == "." else text.replace(".", sign)


def percentage(whole: int) -> str:
    return _current.get().percent.format(whole)


def browser_catalog(lang: Language, messages: list[str | tuple[str, ...]]) -> dict:
    """What the browser's scripts need to speak *lang*: the translations of *messages* (a
    plural a pair; its forms a list), the plural form of each count below
    :data:`PLURAL_TABLE`, and the number signs."""
    words: dict[str, str | list[str]] = {}
    t = lang.translations
    for message in messages:
        if isinstance(message, tuple):
            forms = _forms(lang, *message)
            if forms != list(message):
                words[message[0]] = forms
        elif (said := t.gettext(message)) != message:
            words[message] = said
    return {
        "language": lang.code,
        "decimal": lang.decimal,
        "percent": lang.percent,
        "plural": [_form(lang, n) for n in range(PLURAL_TABLE)],
        "messages": words,
    }


def _form(lang: Language, count: int) -> int:
    plural = getattr(lang.translations, "plural", None)
    return int(plural(count)) if plural else int(count != 1)


def _forms(lang: Language, singular: str, plural: str) -> list[str]:
    """Each plural form of the message, in the order of the language's plural indices,
    asked of the catalog with a count of each form."""
    example: dict[int, int] = {}
    for count in range(PLURAL_TABLE):
        example.setdefault(_form(lang, count), count)
    return [lang.translations.ngettext(singular, plural, example[i]) for i in sorted(example)]


KEYWORDS = {"_": None, "ngettext": (1, 2)}
"""The functions whose messages are extracted, in Python and in the browser's scripts."""


@functools.cache
def script_messages(folder: Path) -> list[str | tuple[str, ...]]:
    """The messages the browser's scripts in *folder* say, in order (a plural a pair): what
    :func:`browser_catalog` publishes of a catalog."""
    from babel.messages.extract import extract_from_file

    found: dict[str | tuple[str, ...], None] = {}
    for script in sorted(folder.glob("*.js")):
        for _line, message, _comments, _context in extract_from_file(
            "javascript", script, keywords=KEYWORDS
        ):
            found[message] = None
    return list(found)
