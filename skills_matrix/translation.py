"""A matrix's own words in another language: every title and text the format declares
(:data:`.format.TITLE`, :data:`.format.TEXT`: titles, descriptions, summaries, notes,
descriptors, examples, links' titles) passed through a translation, ids, levels and numbers
untouched. The Sphinx extension translates a project's matrix with the project's message
catalog for it (the gettext route, :func:`messages` extracting what to translate)."""

from __future__ import annotations

import dataclasses as dc
import io
from collections.abc import Callable
from pathlib import Path

from . import format as fmt
from .model import Matrix

Translate = Callable[[str], str]


def translated(matrix: Matrix, translate: Translate) -> Matrix:
    """*matrix* with each of its texts as *translate* gives it."""
    out = _object(fmt.KINDS["matrix"], matrix, translate)
    assert isinstance(out, Matrix)
    return out


def messages(matrix: Matrix) -> list[str]:
    """Every text of *matrix* to translate, once each, in the order the file gives them."""
    found: dict[str, None] = {}

    def note(text: str) -> str:
        found[text] = None
        return text

    _object(fmt.KINDS["matrix"], matrix, note)
    return list(found)


def _is_text(typ: fmt.ValueType) -> bool:
    return typ is fmt.TITLE or typ is fmt.TEXT


def _value(typ: fmt.ValueType, value: object, translate: Translate) -> object:
    if value is None:
        return None
    if _is_text(typ):
        return translate(value) if isinstance(value, str) and value.strip() else value
    if isinstance(typ, fmt.ListOf) and isinstance(value, (tuple, list)):
        return type(value)(_value(typ.item, item, translate) for item in value)
    if isinstance(typ, fmt.Object):
        return _object(fmt.KINDS[typ.kind], value, translate)
    if isinstance(typ, fmt.IdMap) and isinstance(value, dict):
        return {key: _value(typ.value, item, translate) for key, item in value.items()}
    if isinstance(typ, fmt.Either):
        return _either(typ, value, translate)
    return value


def _either(typ: fmt.Either, value: object, translate: Translate) -> object:
    if dc.is_dataclass(value):
        option = next(o for o in typ.options if isinstance(o, fmt.Object))
        return _object(fmt.KINDS[option.kind], value, translate)
    if isinstance(value, str) and any(_is_text(o) for o in typ.options):
        return _value(fmt.TEXT, value, translate)
    return value


def _object(kind: fmt.Kind, obj: object, translate: Translate) -> object:
    changes = {}
    for field in kind.fields:
        if not hasattr(obj, field.key):
            continue
        before = getattr(obj, field.key)
        after = _value(field.type, before, translate)
        if after != before:
            changes[field.key] = after
    return dc.replace(obj, **changes) if changes else obj  # type: ignore[type-var]


def read_catalog(path: Path) -> dict[str, str]:
    """The translations a message catalog (``.po``) gives: each message with a translation
    that is not marked fuzzy (the way gettext compiles one)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        catalog = read_po(file, abort_invalid=False)
    return {
        m.id: m.string
        for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string
        if not m.fuzzy
    }


def template(matrix: Matrix, where: str) -> bytes:
    """The message catalog template (``.pot``) of *matrix*'s texts, each found in *where*."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    title = matrix.title or "the skills matrix"
    catalog = Catalog(
        project=title,
        header_comment=f"# The texts of {title}, to translate (written by skills-matrix).",
        fuzzy=False,
    )
    for text in messages(matrix):
        # the file alone: the model keeps no lines (Babel writes "#: FILE")
        catalog.add(text, locations=[(where, None)])  # type: ignore[list-item]
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, sort_output=False)
    return out.getvalue()
