"""The matrix as the format's plain values (dicts, lists, text, numbers), key by key as
:mod:`.format` declares them: what JSON export writes and the sheets lay out."""

from __future__ import annotations

import dataclasses as dc

from . import format as fmt
from .model import Matrix


def _plain(typ: fmt.ValueType, value: fmt.Value) -> object:
    if isinstance(typ, fmt.ListOf):
        return [_plain(typ.item, item) for item in value]
    if isinstance(typ, fmt.Object):
        return _object(fmt.KINDS[typ.kind], value)
    if isinstance(typ, fmt.IdMap):
        return {key: _plain(typ.value, item) for key, item in value.items()}
    if isinstance(typ, fmt.Either) and dc.is_dataclass(value):
        option = next(o for o in typ.options if isinstance(o, fmt.Object))
        return _object(fmt.KINDS[option.kind], value)
    return value


def _object(kind: fmt.Kind, obj: object) -> dict:
    """An object's keys, then the writer's own (``x-``…) as given."""
    out = {f.key: _plain(f.type, getattr(obj, f.key)) for f in kind.fields}
    return {**out, **getattr(obj, "extensions", {})}


def plain(matrix: Matrix) -> dict:
    """The matrix as the format's plain values: every key present (``None``, ``[]`` or
    ``{}`` where nothing is said), each expectation and descriptor an object."""
    return _object(fmt.KINDS["matrix"], matrix)
