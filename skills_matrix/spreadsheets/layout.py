"""The matrix as spreadsheet tables, derived from the format's one declaration.

The matrix's own keys (``version``, ``title``, ``description``) are the one row of the sheet
``matrix``. Each listed kind is a sheet named as its key (``levels``, ``skills`` …): a row an
object, a column a key that holds one value, named as the key. What an object holds several of
is a sheet of its own, named by the kind and the key (``skill supports``, ``role expects``),
whose first columns name the object it belongs to (``skill``), then the map's key
(``responsibility``), then the value's keys (``strength``; an expectation's ``level``,
``required``, ``weight``, ``note``). Sheets and columns whose names start with ``x-`` are the
writer's own, as keys are in YAML.

:data:`SHEETS` is the layout; :func:`rows` lays a matrix out in it;
:func:`.reading.sheets.compose` reads it back.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterator
from typing import TypeGuard

from .. import format as fmt

Scalar = fmt.Text | fmt.Date | fmt.Number | fmt.Flag | fmt.OneOf | fmt.Const | fmt.Ref


@dc.dataclass(frozen=True)
class Column:
    name: str
    type: Scalar


@dc.dataclass(frozen=True)
class Sheet:
    """One table: whose rows it holds, and how a row becomes a value."""

    name: str
    parent: str | None
    """The sheet whose rows own this sheet's rows (``None`` for ``matrix``)."""
    key: str | None
    """The key of the owner the rows are the value of (``supports``)."""
    owners: tuple[Column, ...]
    """The columns that name the owning row of *parent* (``skill``; ``skill``, ``level``)."""
    map_key: Column | None = None
    """For a mapping (``supports``): the column of its keys."""
    kind: fmt.Kind | None = None
    """The kind of object a row is; ``None`` when a row is one value (*value*)."""
    value: Column | None = None
    short: str | None = None
    """For a mapping whose values may be one value or an object: the key that one value is
    (an expectation's ``level``): a row giving only it is written short."""

    @property
    def own(self) -> tuple[Column, ...]:
        """The columns of a row's own values."""
        if self.kind is None:
            return (self.value,) if self.value else ()
        return tuple(Column(f.key, f.type) for f in self.kind.fields if _is_scalar(f.type))

    @property
    def columns(self) -> tuple[Column, ...]:
        return (*self.owners, *((self.map_key,) if self.map_key else ()), *self.own)

    @property
    def file_name(self) -> str:
        """The sheet as a CSV file: ``skill-supports.csv``."""
        return self.name.replace(" ", "-") + ".csv"


def _is_scalar(typ: fmt.ValueType) -> TypeGuard[Scalar]:
    return isinstance(typ, Scalar)


def _layout() -> tuple[Sheet, ...]:
    matrix = fmt.KINDS["matrix"]
    sheets = [Sheet("matrix", None, None, (), kind=matrix)]
    sheets.extend(_children(matrix, "matrix", ()))
    names = [sheet.name for sheet in sheets]
    assert len(set(names)) == len(names), names
    for sheet in sheets:
        columns = [column.name for column in sheet.columns]
        assert len(set(columns)) == len(columns), (sheet.name, columns)
    return tuple(sheets)


def _children(kind: fmt.Kind, sheet_name: str, owners: tuple[Column, ...]) -> Iterator[Sheet]:
    """The sheets of what an object of *kind* (a row of *sheet_name*) holds several of."""
    for field in kind.fields:
        typ = field.type
        if _is_scalar(typ):
            continue
        name = field.key if kind.name == "matrix" else f"{kind.name} {field.key}"
        if isinstance(typ, fmt.ListOf) and isinstance(typ.item, fmt.Object):
            item = fmt.KINDS[typ.item.kind]
            yield Sheet(name, sheet_name, field.key, owners, kind=item)
            if "id" in item.keys:
                yield from _children(item, name, (*owners, Column(item.name, fmt.Ref(item.name))))
        elif isinstance(typ, fmt.ListOf) and _is_scalar(typ.item):
            yield Sheet(name, sheet_name, field.key, owners, value=Column(field.key, typ.item))
        elif isinstance(typ, fmt.IdMap):
            map_key = Column(typ.key.kind, typ.key)
            value = typ.value
            if isinstance(value, fmt.Either):
                scalar = next(o for o in value.options if _is_scalar(o))
                item = next(fmt.KINDS[o.kind] for o in value.options if isinstance(o, fmt.Object))
                short = next(f.key for f in item.fields if f.required and f.type == scalar)
                yield Sheet(name, sheet_name, field.key, owners, map_key, kind=item, short=short)
                yield from _children(item, name, (*owners, map_key))
            else:
                column = Column(value.name if isinstance(value, fmt.OneOf) else field.key, value)
                yield Sheet(name, sheet_name, field.key, owners, map_key, value=column)
        else:  # pragma: no cover - the format has no other form
            raise TypeError(f"{kind.name}.{field.key}: no sheet for {typ}")


SHEETS: tuple[Sheet, ...] = _layout()
SHEET_BY_NAME = {sheet.name: sheet for sheet in SHEETS}


# A matrix laid out.


@dc.dataclass
class LaidOut:
    """A matrix laid out in :data:`SHEETS`: each sheet's header and rows."""

    columns: dict[str, list[str]]
    """Sheet name -> its header: its columns, then the writer's own keys (``x-``…) that its
    objects give, in the order first given."""
    rows: dict[str, list[tuple]]
    """Sheet name -> its rows (values in the order of its header; ``None`` for none)."""
    dropped: list[str]
    """What no cell can hold (an ``x-`` key whose value is a list or a mapping), in words."""


CELL_VALUES = (str, int, float, bool)


def rows(data: dict) -> LaidOut:
    """A matrix's plain values (:func:`.export.plain`) laid out in every sheet of
    :data:`SHEETS`, in the latest version of the format."""
    data = {**data, "version": fmt.LATEST}
    laying = _Laying()
    laying.add(SHEET_BY_NAME["matrix"], (), data, "the matrix")
    laying.lay_out("matrix", data, ())
    return laying.done()


class _Laying:
    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[tuple, dict]]] = {sheet.name: [] for sheet in SHEETS}
        self.own: dict[str, dict[str, None]] = {sheet.name: {} for sheet in SHEETS}
        self.dropped: list[str] = []

    def add(self, sheet: Sheet, prefix: tuple, item: dict, what: str) -> None:
        values = (*prefix, *(item.get(c.name) for c in sheet.own))
        extra = {}
        for key, value in item.items():
            if not key.startswith(fmt.EXTENSION_PREFIX) or value is None:
                continue
            if isinstance(value, CELL_VALUES):
                extra[key] = value
                self.own[sheet.name].setdefault(key)
            else:
                form = "a list" if isinstance(value, list) else "a mapping"
                self.dropped.append(f"{what}: {key} ({form}; a cell holds one value)")
        self.rows[sheet.name].append((values, extra))

    def lay_out(self, sheet_name: str, obj: dict, owner: tuple) -> None:
        for sheet in SHEETS:
            if sheet.parent != sheet_name:
                continue
            held = obj.get(sheet.key)
            if not held:
                continue
            entries = held.items() if sheet.map_key else ((None, item) for item in held)
            for key, item in entries:
                prefix = (*owner, key) if sheet.map_key else owner
                if sheet.kind is None:
                    self.rows[sheet.name].append(((*prefix, item), {}))
                    continue
                if not isinstance(item, dict):
                    item = {sheet.short: item}
                named = (
                    item.get("id", key) if "id" in item or key else len(self.rows[sheet.name]) + 1
                )
                self.add(sheet, prefix, item, f"{sheet.name} {named!s}")
                if sheet.map_key:
                    self.lay_out(sheet.name, item, prefix)
                elif "id" in sheet.kind.keys:
                    self.lay_out(sheet.name, item, (*owner, item["id"]))

    def done(self) -> LaidOut:
        columns = {
            sheet.name: [c.name for c in sheet.columns] + list(self.own[sheet.name])
            for sheet in SHEETS
        }
        rows = {
            name: [(*values, *(extra.get(k) for k in self.own[name])) for values, extra in given]
            for name, given in self.rows.items()
        }
        return LaidOut(columns, rows, self.dropped)
