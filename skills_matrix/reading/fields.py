"""Typed access to one file's objects, checked against the format's declarations.

:class:`FileReader` reads any kind of object of :mod:`..format` the same way: unknown keys,
missing required keys, and every value's type, pattern and length, each problem reported at
its position. References are checked later, when every file is read (:mod:`.assembly`).
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import format as fmt
from ..diagnostics import Diagnostics, hint, quoted
from .files import read_yaml
from .shapes import LONGEST_SHOWN_BITS, article, describe, fits_shape, shape_words
from .source import REFUSED, Mark, YamlMap, YamlSeq

INVALID = object()
"""A value that broke a rule; already reported."""


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dc.dataclass(eq=False)
class Record:
    """An object read from a file: its checked values, and where it and its parts stand."""

    kind: fmt.Kind
    file: FileReader
    obj: YamlMap
    values: dict[str, Any]
    """Key -> checked value, for the keys given with a usable value (of the type format
    declares for the key: checked when read, so typed ``Any`` here)."""
    complete: bool
    """Whether every required key is given."""

    @property
    def id(self) -> str | None:
        value = self.values.get("id")
        return value if isinstance(value, str) else None

    def key_mark(self, key: str) -> Mark:
        return self.obj.key_marks[key]

    def value_mark(self, key: str) -> Mark:
        return self.obj.value_marks[key]


class FileReader:
    """Checks one file's objects, reporting at their positions, by the rules of *version*
    (keys and forms new in a later version are errors)."""

    def __init__(
        self,
        name: str,
        diagnostics: Diagnostics,
        version: int = fmt.LATEST,
        kinds: dict[str, fmt.Kind] = fmt.KINDS,
    ) -> None:
        self.name = name
        self.diagnostics = diagnostics
        self.version = version
        self.kinds = kinds
        """The kinds an :class:`~.format.Object` names (the format's; a mapping's own)."""

    def newer(self, since: int, mark: Mark, what: str) -> bool:
        """Whether *what* is new in a later version than the file's (reported)."""
        if since <= self.version:
            return False
        self.error(
            mark,
            "version",
            f"{what} is new in version {since} of the format, and this file says version: "
            f"{self.version}; write 'version: {since}' to use it",
        )
        return True

    def error(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.at(self.name, mark, "error", code, message)

    def warning(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.at(self.name, mark, "warning", code, message)

    def note(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.at(self.name, mark, "note", code, message)

    def read(self, path: Path) -> object:
        """The YAML value of the file at *path*; :data:`REFUSED` when it cannot be read."""
        before = len(self.diagnostics.errors)
        value = read_yaml(path, self.diagnostics, self.name)
        return REFUSED if value is None and len(self.diagnostics.errors) > before else value

    def mapping(
        self, value: object, mark: Mark, what: str, *, whole_file: bool = False
    ) -> YamlMap | None:
        """*value* as a mapping, or ``None`` (reported). A *whole_file* that is text is not
        quoted: a file that is not data (a link to a secret, say) may hold anything."""
        if isinstance(value, YamlMap):
            return value
        if value is not REFUSED:
            said = describe(value)
            if whole_file and isinstance(value, str):
                said = f"text ({len(value):,} characters)"
            self.error(mark, "type", f"{what} should be a mapping of keys to values, not {said}")
        return None

    def sequence(self, value: object, mark: Mark, what: str) -> YamlSeq | None:
        if isinstance(value, YamlSeq):
            return value
        if value is not REFUSED:
            self.error(mark, "type", f"{what} should be a list, not {describe(value)}")
        return None

    def record(
        self, kind: fmt.Kind, value: object, mark: Mark, what: str, *, required: bool = True
    ) -> Record | None:
        """Read an object of *kind*; ``None`` when it is not even a mapping.

        *required*: report missing required keys (a matrix file checks them across a folder).
        """
        whole_file = kind.name in ("matrix", "profile", "mapping")
        obj = self.mapping(value, mark, what[:1].upper() + what[1:], whole_file=whole_file)
        if obj is None:
            return None
        values: dict[str, object] = {}
        if "id" in kind.keys and "id" in obj:
            ident = self.value(obj, kind.field("id"), what)
            if ident is not INVALID:
                values["id"] = ident
                what = f"the {kind.name} {ident!r}"
        complete = self._keys(obj, kind, what[:1].upper() + what[1:], required)
        for field in kind.fields:
            if field.key in obj and field.key != "id":
                if self.newer(field.since, obj.key_marks[field.key], f"the key {field.key!r}"):
                    continue
                value = self.value(obj, field, what)
                if value is not INVALID:
                    values[field.key] = value
        return Record(kind, self, obj, values, complete)

    def _keys(self, obj: YamlMap, kind: fmt.Kind, what: str, required: bool) -> bool:
        """Report unknown and missing keys; ``False`` when a required key is missing."""
        unknown = [k for k in obj if k not in kind.keys and not k.startswith(fmt.EXTENSION_PREFIX)]
        for key in unknown:
            self.error(
                obj.key_marks[key],
                "unknown-key",
                f"{what} has no key {quoted(key)}{hint(key, kind.keys)}; allowed keys are "
                f"{', '.join(kind.keys)} (or keys starting with {fmt.EXTENSION_PREFIX!r} for "
                "your own notes)",
            )
        misspelled = {hint(key, kind.keys) for key in unknown}
        complete = True
        for key in kind.required if required else ():
            if key in obj:
                continue
            complete = False
            if f" (did you mean {key!r}?)" not in misspelled:  # else reported with the hint
                self.error(obj.mark, "missing-key", f"{what} needs {article(key)} {key!r} key")
        return complete

    def value(self, obj: YamlMap, field: fmt.Field, what: str) -> object:
        """The checked value of *field* in *obj*, or :data:`INVALID` (reported)."""
        value, mark = obj[field.key], obj.value_marks[field.key]
        if value is REFUSED:
            return INVALID
        if what == "the matrix" and isinstance(field.type, fmt.ListOf):
            # the top-level lists: "skill 1 of 'skills'", their sizes counted over the files
            return self._list(field.type, value, mark, repr(field.key), bounded=False)
        return self._check(field.type, value, mark, f"the {field.key} of {what}", field.key)

    def _check(self, typ: fmt.ValueType, value: object, mark: Mark, what: str, key: str) -> object:
        if isinstance(typ, fmt.Text):
            return self.text(typ, value, mark, what)
        if isinstance(typ, fmt.Ref):
            return self.text(fmt.ID, value, mark, what, reference=typ.kind)
        if isinstance(typ, fmt.Date):
            return self._date(value, mark, what)
        if isinstance(typ, fmt.Const):
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and value in typ.values
            ):
                return value
            known = " and ".join(map(str, typ.values))
            long = isinstance(value, int) and value.bit_length() > LONGEST_SHOWN_BITS
            said = f"({describe(value)})" if long else repr(value)
            self.error(mark, key, f"{key} {said} is not known: the format {key}s are {known}")
            return INVALID
        if isinstance(typ, fmt.OneOf):
            if isinstance(value, str) and value in typ.values:
                return value
            shown = repr(value) if isinstance(value, str) else describe(value)
            words = " or ".join(repr(v) for v in typ.values)
            suggestion = hint(value, typ.values) if isinstance(value, str) else ""
            self.error(mark, typ.name, f"{shown} is not a {typ.name}: write {words}{suggestion}")
            return INVALID
        if isinstance(typ, fmt.Object):
            return self.record(self.kinds[typ.kind], value, mark, what) or INVALID
        if isinstance(typ, fmt.ListOf):
            return self._list(typ, value, mark, what)
        if isinstance(typ, fmt.Number):
            return self._number(typ, value, mark, what)
        if isinstance(typ, fmt.Flag):
            if isinstance(value, bool):
                return value
            self.error(mark, "type", f"{what} should be true or false, not {describe(value)}")
            return INVALID
        if isinstance(typ, fmt.Null):
            return None if value is None else INVALID
        if isinstance(typ, fmt.Either):
            return self._either(typ, value, mark, what, key)
        return self._id_map(typ, value, mark, what)

    def _number(self, typ: fmt.Number, value: fmt.Value, mark: Mark, what: str) -> object:
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        fraction = isinstance(value, float) and not value.is_integer()  # no float() of a big int
        if number and not (typ.integer and fraction):
            low_ok = value > typ.minimum if typ.exclusive_minimum else value >= typ.minimum
            if low_ok and value <= typ.maximum:
                return int(value) if typ.integer else value
            code = "range"
        else:
            code = "type"
        self.error(mark, code, f"{what} should be {typ.words}, not {describe(value)}")
        return INVALID

    def _either(self, typ: fmt.Either, value: object, mark: Mark, what: str, key: str) -> object:
        for option, since in zip(typ.options, typ.since, strict=True):
            if fits_shape(option, value):
                if self.newer(since, mark, f"{what} written as {shape_words(option)}"):
                    return INVALID
                return self._check(option, value, mark, what, key)
        allowed = [
            shape_words(o)
            for o, since in zip(typ.options, typ.since, strict=True)
            if since <= self.version
        ]
        self.error(mark, "type", f"{what} should be {' or '.join(allowed)}, not {describe(value)}")
        return INVALID

    def text(
        self,
        typ: fmt.Text,
        value: object,
        mark: Mark,
        what: str,
        reference: str | None = None,
    ) -> object:
        if not isinstance(value, str) or not _regex(fmt.NOT_BLANK).search(value):
            if reference:
                expected = f"{article(reference)} {reference} id"
            else:
                expected = "an id" if typ.code == "id" else "non-empty text"
            self.error(
                mark,
                "type",
                f"{what} should be {expected}, not {describe(value)}"
                + (" (put it in quotes)" if isinstance(value, (int, float, bool)) else ""),
            )
            return INVALID
        control = _regex(fmt.CONTROL_CHARACTERS).search(value)
        if control:
            self.error(
                mark,
                "control-character",
                f"{what} holds the control character U+{ord(control.group()):04X} at "
                f"character {control.start() + 1}; text may not hold control characters",
            )
            return INVALID
        if len(value) > typ.max_length:
            self.error(
                mark,
                "length",
                f"{what} is {len(value):,} characters long; at most {typ.max_length:,} are allowed",
            )
            return INVALID
        if typ.pattern and not _regex(typ.pattern).search(value):  # a reference is an id too
            self._pattern_error(typ, value, mark, what)
            return INVALID
        if typ.code == "url":
            try:  # what a pattern cannot see: an address in brackets, a port in range
                urlsplit(value).port  # noqa: B018
            except ValueError:
                self.error(
                    mark,
                    "url",
                    f"{quoted(value)} is not a usable link: its host in brackets is not an IPv6 "
                    "address, or its port is not a number from 0 to 65535",
                )
                return INVALID
        return value

    def _pattern_error(self, typ: fmt.Text, value: str, mark: Mark, what: str) -> None:
        if typ.code == "url":
            scheme = value.split(":", 1)[0] if ":" in value else ""
            odd = _regex(f"[{fmt.WHITE_SPACE}{fmt.NOT_IN_URIS}]").search(value)
            if scheme.lower() in ("http", "https") and value[len(scheme) :].startswith("://"):
                reason = (
                    f"it holds {odd.group()!r}, which a link may not hold as it is (write "
                    f"it as %{ord(odd.group()):02X})"
                    if odd
                    else "its host is not usable (brackets are for IPv6 addresses only)"
                )
            elif scheme and "/" not in scheme:
                reason = f"the scheme {scheme + ':'!r} is not allowed; {typ.pattern_words}"
            else:
                reason = f"it is not an absolute address; {typ.pattern_words}"
            message = f"{quoted(value)} is not a usable link: {reason}"
        else:
            owner = what.removeprefix(f"the {typ.code} of ")
            message = (
                f"{describe(value)} is not a valid {typ.code} for {owner}: {typ.pattern_words}"
            )
        self.error(mark, typ.code, message)

    def _date(self, value: object, mark: Mark, what: str) -> object:
        text = value if isinstance(value, str) else ""
        try:
            if not _regex(fmt.DATE_PATTERN).search(text):
                raise ValueError(text)
            dt.date.fromisoformat(text)
        except ValueError:
            if _regex(fmt.DATE_PATTERN).search(text):
                self.error(mark, "type", f"{what}, {text}, is no day of the calendar")
            else:
                said = describe(value)
                self.error(mark, "type", f"{what} should be a date written YYYY-MM-DD, not {said}")
            return INVALID
        return text

    def _list(
        self, typ: fmt.ListOf, value: object, mark: Mark, what: str, *, bounded: bool = True
    ) -> object:
        """The checked items. *bounded*: refuse more than the list's ``max_items`` here (the
        matrix's own lists are counted over all its files, by the assembly)."""
        items = self.sequence(value, mark, what)
        if items is None:
            return INVALID
        if bounded and typ.max_items is not None and len(items) > typ.max_items:
            self.error(
                mark,
                "limit",
                f"{what} lists {len(items):,} items; at most {typ.max_items:,} are allowed",
            )
            return INVALID
        out = []
        singular = typ.item.kind if isinstance(typ.item, fmt.Object) else "item"
        for index, (item, item_mark) in enumerate(zip(items, items.item_marks, strict=True)):
            checked = self._check(
                typ.item, item, item_mark, f"{singular} {index + 1} of {what}", "item"
            )
            out.append((checked, item_mark))
        return out

    def _id_map(self, typ: fmt.IdMap, value: object, mark: Mark, what: str) -> object:
        """``[(key, key mark, checked value, value mark)]`` in file order."""
        mapping = self.mapping(value, mark, what)
        if mapping is None:
            return INVALID
        out = []
        for key, item in mapping.items():
            item_mark = mapping.value_marks[key]
            checked = (
                INVALID
                if item is REFUSED
                else self._check(typ.value, item, item_mark, f"{quoted(key)} in {what}", "value")
            )
            out.append((key, mapping.key_marks[key], checked, item_mark))
        return out
