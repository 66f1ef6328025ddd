"""Plain YAML, read safely, with the line and column of every value.

Nothing from a file is ever executed: the text is turned into parser events and composed
here, so that tags other than YAML's core ones are refused, a key given twice is reported,
and size, nesting and alias expansion are bounded (no alias bomb, no deep-recursion crash).

Scalars are resolved as YAML 1.2's core schema does, as editors and the JSON Schema tools
read them: ``yes``, ``no``, ``on``, ``off`` are text; only ``true`` and ``false`` are booleans;
``017`` is seventeen; a date is text.
"""

from __future__ import annotations

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ..diagnostics import Diagnostics, quoted
from .scalars import CORE, NumberTooLong, construct, resolve

try:
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_BYTES = 10 * 1024 * 1024
"""Largest file read; a matrix of 5000 skills is well under 2 MB."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists; the format needs five levels."""
MAX_NODES = 1_000_000
"""Most values in one file, counting what every alias repeats (alias bombs stop here)."""

Mark = tuple[int, int]
"""1-based line and column."""

_KIND_NAMES: dict[type, str] = {dict: "a mapping", list: "a list"}
_SCALAR_TAGS = {CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class _Refused:
    """A value refused (a tag that is not plain YAML); already reported, so others skip it."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED = _Refused()


class YamlMap(dict):
    """A mapping that remembers where it, each key and each value stand."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class YamlSeq(list):
    """A list that remembers where it and each item stand."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


class _Stop(Exception):
    """Reading cannot go on; the reason is already a diagnostic."""


def parse_yaml(text: str, name: str, diagnostics: Diagnostics) -> object:
    """Compose YAML text into dicts, lists and scalars, with positions kept.

    Returns ``None`` when the text cannot be used; every problem is in *diagnostics*.
    """
    composer = _Composer(name, diagnostics)
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            composer.feed(event)
    except _Stop:
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "it cannot be parsed"
        if mark and text[mark.index : mark.index + 1] == "\t":
            problem += " (a tab: YAML indents with spaces, never tabs)"
        diagnostics.error(name, line, column, "syntax", f"this is not valid YAML: {problem}")
        return None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        diagnostics.error(
            name,
            line,
            column,
            "encoding",
            f"the character U+{_codepoint(exc.character):04X} is not allowed in YAML text "
            "(is this a binary file?)",
        )
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml errors without a mark
        diagnostics.error(name, 1, 1, "syntax", f"this is not valid YAML: {exc}")
        return None
    if composer.documents == 0:
        diagnostics.error(name, 1, 1, "empty", "the file is empty; it should hold a mapping")
        return None
    return composer.root


def _codepoint(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag


class _Composer:
    """Builds values from parser events with an explicit stack (no recursion)."""

    def __init__(self, name: str, diagnostics: Diagnostics) -> None:
        self.name = name
        self.diagnostics = diagnostics
        self.documents = 0
        self.root: object = None
        self.nodes = 0
        self.chars = 0
        """Characters of text read so far, counting what every alias repeats."""
        self.anchors: dict[str, tuple[object, int, int]] = {}
        """Anchor -> (value, values in it, characters in it)."""
        # Each frame: [container, pending key (maps), its mark, anchor, nodes and chars at start]
        self.stack: list[list] = []

    def error(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.error(self.name, mark[0], mark[1], code, message)

    def feed(self, event: yaml.Event) -> None:
        start = event.start_mark  # the parser marks every event
        mark = (start.line + 1, start.column + 1) if start else (0, 0)
        if isinstance(event, ScalarEvent):
            self.nodes += 1
            self.chars += len(event.value)
            self._check_size(mark)
            if self._expects_key():
                self._add(event.value, mark, is_key=True)
            else:
                value = self._scalar(event, mark)
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1, len(event.value))
                self._add(value, mark)
        elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            self.nodes += 1
            self._check_size(mark)
            is_map = isinstance(event, MappingStartEvent)
            self._check_collection_tag(event.tag, "map" if is_map else "seq", mark)
            if len(self.stack) >= MAX_DEPTH:
                self.error(
                    mark,
                    "limit",
                    f"the data is nested more than {MAX_DEPTH} levels deep; the format needs "
                    "far fewer, so this file is refused",
                )
                raise _Stop
            container = YamlMap(mark) if is_map else YamlSeq(mark)
            self.stack.append([container, None, None, event.anchor, self.nodes, self.chars])
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            container, _, _, anchor, start, chars = self.stack.pop()
            if anchor:
                self.anchors[anchor] = (container, self.nodes - start + 1, self.chars - chars)
            self._add(container, container.mark)
        elif isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                self.error(
                    mark,
                    "syntax",
                    f"the alias *{event.anchor} refers to no anchor &{event.anchor} "
                    "defined before it",
                )
                value = None
            else:
                value, size, chars = self.anchors[event.anchor]
                self.nodes += size
                self.chars += chars
                self._check_size(mark)
            if self._expects_key():
                self.error(mark, "syntax", "a key must be plain text, not an alias")
                self._add(None, mark, is_key=True)
            else:
                self._add(value, mark)
        elif isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.error(
                    mark,
                    "syntax",
                    "a second YAML document starts here; a data file holds exactly one",
                )
                raise _Stop

    def _expects_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1][0], YamlMap)
            and (self.stack[-1][2] is None)
        )

    def _add(self, value: object, mark: Mark, is_key: bool = False) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, YamlSeq):
            container.append(value)
            container.item_marks.append(mark)
        elif is_key:
            frame[1], frame[2] = value, mark
        elif frame[2] is None:  # a mapping or list used as a key
            kind = _KIND_NAMES.get(type(value).__mro__[1], "a value")
            self.error(mark, "syntax", f"a key must be plain text, not {kind}")
            frame[1], frame[2] = None, mark
        else:
            key, key_mark = frame[1], frame[2]
            frame[1] = frame[2] = None
            if key is None:
                return
            if key in container:
                first = container.key_marks[key]
                self.error(
                    key_mark,
                    "duplicate-key",
                    f"the key {quoted(key)} is given twice in this mapping (first on line "
                    f"{first[0]}); YAML keeps only one, so remove or rename one of them",
                )
                return
            container[key] = value
            container.key_marks[key] = key_mark
            container.value_marks[key] = mark

    def _scalar(self, event: ScalarEvent, mark: Mark) -> object:
        tag = event.tag
        if tag is None or tag == "!":
            tag = resolve(event.value) if event.implicit[0] else CORE + "str"
        if tag not in _SCALAR_TAGS:
            self.error(
                mark,
                "tag",
                f"the tag {_tag_name(event.tag or tag)} is not allowed: only plain YAML is read "
                "(text, numbers, true/false, null, lists and mappings)",
            )
            return REFUSED
        try:
            return construct(tag[len(CORE) :], event.value)
        except NumberTooLong as exc:
            self.error(
                mark,
                "range",
                f"a number of {exc.digits} digits is far beyond any number the format allows",
            )
            return REFUSED
        except ValueError:
            self.error(mark, "syntax", f"{quoted(event.value)} is not a valid {tag[len(CORE) :]}")
            return REFUSED

    def _check_collection_tag(self, tag: str | None, kind: str, mark: Mark) -> None:
        if tag not in (None, "!", CORE + kind):
            self.error(
                mark,
                "tag",
                f"the tag {_tag_name(tag)} is not allowed: only plain YAML is read "
                "(text, numbers, true/false, null, lists and mappings)",
            )

    def _check_size(self, mark: Mark) -> None:
        if self.chars > MAX_BYTES:
            self.error(
                mark,
                "limit",
                f"the file expands to more than {MAX_BYTES // 2**20} MiB of text (aliases "
                "counted as often as they repeat); it is refused as too large",
            )
            raise _Stop
        if self.nodes > MAX_NODES:
            self.error(
                mark,
                "limit",
                f"the file expands to more than {MAX_NODES:,} values (aliases counted as "
                "often as they repeat); it is refused as too large",
            )
            raise _Stop
