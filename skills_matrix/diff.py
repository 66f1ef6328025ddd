"""What changed between two versions of a matrix, for review."""

from __future__ import annotations

import dataclasses as dc
import json
from collections.abc import Callable, Sequence
from typing import Any

from . import format as fmt
from .export import markdown_text
from .model import Expectation, Matrix
from .profile import Member


@dc.dataclass(frozen=True, slots=True)
class Change:
    kind: str
    """``level``, ``category``, ``responsibility``, ``skill`` or ``role``."""
    change: str
    """``added``, ``removed``, ``renamed``, ``merged``, ``retired`` or ``changed``."""
    id: str
    old_id: str | None = None
    details: tuple[str, ...] = ()
    old_ids: tuple[str, ...] = ()
    """Of a merge: every old id that became *id*."""


def _show(value: object) -> str:
    return "nothing" if value in (None, "", (), {}) else repr(value)


def _identity(kind: fmt.Kind, obj: object) -> str:
    """What names an object in a list: its id, or its first required key (a source's url)."""
    return getattr(obj, "id" if "id" in kind.keys else kind.required[0])


def _words(value: object) -> str:
    """A map's value as a reviewer reads it: a level id, or its keys that are said."""
    if not dc.is_dataclass(value) or isinstance(value, type):
        return str(value)
    said = {k: v for k, v in dc.asdict(value).items() if v not in (None, (), {})}
    if set(said) == {"level"}:
        return said["level"]
    return ", ".join(
        f"{k} {v!r}" if isinstance(v, str) and k != "level" else f"{k} {v}" for k, v in said.items()
    )


Renames = dict[str, dict[str, str]]
"""Kind -> old id -> id now: what the new edition renamed (or merged) of the old one."""


def _now(value: fmt.Value, renames: Renames) -> fmt.Value:
    """A map's value with the level it names read as the new edition names it."""
    if isinstance(value, str):
        return renames["level"].get(value, value)
    if isinstance(value, Expectation):
        return dc.replace(value, level=renames["level"].get(value.level, value.level))
    return value


def _field_changes(field: fmt.Field, old: fmt.Value, new: fmt.Value, renames: Renames) -> list[str]:
    typ = field.type
    if isinstance(typ, fmt.Ref):
        old = renames[typ.kind].get(old, old)
        return [] if old == new else [f"{field.key}: {_show(old)} → {_show(new)}"]
    if isinstance(typ, fmt.IdMap):
        ref = renames[typ.key.kind]
        grouped: dict[str, list[str]] = {}
        for key in old:
            grouped.setdefault(ref.get(key, key), []).append(key)
        return _map_changes(
            field.key,
            {k: _words(_now(old[keys[0]], renames)) for k, keys in grouped.items()},
            {k: _words(v) for k, v in new.items()},
            {k: keys for k, keys in grouped.items() if keys != [k]},
            {k: [_words(_now(old[o], renames)) for o in keys] for k, keys in grouped.items()},
        )
    if isinstance(typ, fmt.ListOf) and isinstance(typ.item, (fmt.Ref, fmt.Object)):
        if isinstance(typ.item, fmt.Ref):
            ref = renames[typ.item.kind]
            name, old_ids, new_ids = typ.item.kind, [ref.get(i, i) for i in old], list(new)
        else:
            kind = fmt.KINDS[typ.item.kind]
            name = kind.name
            old_ids = [_identity(kind, o) for o in old]
            new_ids = [_identity(kind, n) for n in new]
        return [f"{name} added: {i}" for i in new_ids if i not in old_ids] + [
            f"{name} removed: {i}" for i in old_ids if i not in new_ids
        ]
    if isinstance(typ, fmt.ListOf):
        return [f"{field.key}: {_show(list(old))} → {_show(list(new))}"]
    return [f"{field.key}: {_show(old)} → {_show(new)}"]


def _details(
    kind: fmt.Kind, old: Any, new: Any, old_m: Matrix, new_m: Matrix, renames: Renames
) -> list[str]:
    """Every field of the format that differs, in the format's order, references read
    through the new edition's renames."""
    out = []
    for field in kind.fields:
        before, after = getattr(old, field.key), getattr(new, field.key)
        if field.key not in ("id", "replaces") and before != after:
            out += _field_changes(field, before, after, renames)
    if kind.name == "level" and old_m.level_rank[old.id] != new_m.level_rank[new.id]:
        out.append(
            f"position on the scale: {old_m.level_rank[old.id] + 1} → "
            f"{new_m.level_rank[new.id] + 1}"
        )
    return out


def _map_changes(
    name: str,
    old: dict,
    new: dict,
    was: dict[str, list[str]] | None = None,
    values: dict[str, list[str]] | None = None,
) -> list[str]:
    """What changed in a map; *was*: the old keys a key now stands for (renamed or merged),
    *values*: each old key's value, for a merge."""
    was, values = was or {}, values or {}
    out = []
    for key, value in new.items():
        if key not in old:
            out.append(f"{name} {key}: added ({value})")
            continue
        if key in was and len(was[key]) > 1:
            merged = ", ".join(f"{o} ({v})" for o, v in zip(was[key], values[key], strict=True))
            out.append(f"{name} {key}: merged from {merged}, now {value}")
        elif key in was:
            changed = f", {old[key]} → {value}" if old[key] != value else ""
            out.append(f"{name} {key}: renamed from {was[key][0]}{changed}")
        elif old[key] != value:
            out.append(f"{name} {key}: {old[key]} → {value}")
    out += [f"{name} {key}: removed (was {value})" for key, value in old.items() if key not in new]
    return out


def diff(old: Matrix, new: Matrix, members: Sequence[Member] = ()) -> list[Change]:
    """Changes by kind (levels, categories, responsibilities, skills, roles), in new order.

    An id that disappears while a new one says it ``replaces`` it is a rename (several such
    ids, a merge); so is, failing that, one that disappears while another with the same title
    appears. An id the new edition lists as ``retired`` is retired, not removed. References
    are compared as the new edition names them: a role's expectation of a renamed skill is
    renamed, an ``extends`` changed only by a rename is no change. A level or skill removed
    outright names the answers of *members* (profiles of the old matrix) it affects.
    """
    renames = _renames(old, new)
    changes: list[Change] = []
    for kind_spec in fmt.LISTED_KINDS:
        kind = kind_spec.name
        old_items = {item.id: item for item in getattr(old, kind_spec.list_key)}
        new_items = {item.id: item for item in getattr(new, kind_spec.list_key)}
        became: dict[str, list[str]] = {}
        for old_id, new_id in renames[kind].items():
            became.setdefault(new_id, []).append(old_id)
        retired = new.retired_ids(kind)
        for item_id, item in new_items.items():
            olds = became.get(item_id, [])
            if len(olds) > 1:
                details = [f"merged from {', '.join(olds)}"]
                for o in olds:
                    details += [
                        f"{o}: {d}"
                        for d in _details(kind_spec, old_items[o], item, old, new, renames)
                    ]
                changes.append(
                    Change(kind, "merged", item_id, olds[0], tuple(details), tuple(olds))
                )
            elif olds:
                before = old_items[olds[0]]
                details = _details(kind_spec, before, item, old, new, renames)
                changes.append(Change(kind, "renamed", item_id, olds[0], tuple(details)))
            elif item_id not in old_items:
                changes.append(Change(kind, "added", item_id, details=(item.title,)))
            else:
                details = _details(kind_spec, old_items[item_id], item, old, new, renames)
                if details:
                    changes.append(Change(kind, "changed", item_id, details=tuple(details)))
        for i in old_items:
            if i in new_items or i in renames[kind]:
                continue
            title = old_items[i].title
            if i in retired:
                note = (f"why: {retired[i]}",) if retired[i] else ()
                changes.append(Change(kind, "retired", i, details=(title, *note)))
            else:
                answers = _answers(kind, i, members)
                changes.append(Change(kind, "removed", i, details=(title, *answers)))
    if old.title != new.title:
        changes.insert(
            0,
            Change(
                "matrix",
                "changed",
                "title",
                details=(f"title: {_show(old.title)} → {_show(new.title)}",),
            ),
        )
    return changes


def _renames(old: Matrix, new: Matrix) -> Renames:
    """Of every kind: each id of *old* gone from *new* -> the id that stands for it now: the
    one that says it ``replaces`` it, else one new with the same title (retired ids aside)."""
    out: Renames = {}
    for kind_spec in fmt.LISTED_KINDS:
        kind = kind_spec.name
        old_items = {item.id: item for item in getattr(old, kind_spec.list_key)}
        new_items = {item.id: item for item in getattr(new, kind_spec.list_key)}
        removed = [i for i in old_items if i not in new_items]
        added = [i for i in new_items if i not in old_items]
        renamed: dict[str, str] = {}
        for new_id in added:
            for o in getattr(new_items[new_id], "replaces", ()):
                if o in removed and o not in renamed:
                    renamed[o] = new_id
        retired = new.retired_ids(kind)
        for new_id in added:
            if new_id in renamed.values():
                continue
            title = (new_items[new_id].title or "").casefold()
            match = next(
                (
                    o
                    for o in removed
                    if title
                    and o not in renamed
                    and o not in retired
                    and (old_items[o].title or "").casefold() == title
                ),
                None,
            )
            if match:
                renamed[match] = new_id
        out[kind] = renamed
    return out


def _answers(kind: str, ident: str, members: Sequence[Member]) -> tuple[str, ...]:
    """The answers that a level or skill removed outright leaves without a meaning."""
    if kind == "level":
        said = [
            f"{m.name} ({skill})"
            for m in members
            for skill, level in m.profile.skills.items()
            if level == ident
        ]
    elif kind == "skill":
        said = [
            f"{m.name} ({m.profile.skills[ident] or 'none yet'})"
            for m in members
            if ident in m.profile.skills
        ]
    else:
        return ()
    return (f"answers it leaves without a meaning: {', '.join(said)}",) if said else ()


def to_markdown(changes: list[Change], old_name: str, new_name: str) -> str:
    lines = [f"### Skills matrix: `{old_name}` → `{new_name}`", ""]
    if not changes:
        lines.append("No changes to the matrix.")
        return "\n".join(lines) + "\n"
    counts: dict[str, int] = {}
    for change in changes:
        counts[change.change] = counts.get(change.change, 0) + 1
    lines.append(", ".join(f"{n} {what}" for what, n in counts.items()) + ".")
    current = None
    for change in changes:
        if change.kind != current:
            current = change.kind
            lines += ["", f"#### {change.kind.capitalize()}", ""]
        head = f"- **{change.change}** `{change.id}`"
        if change.change == "merged":
            olds = ", ".join(f"`{o}`" for o in change.old_ids)
            head = f"- **merged** {olds} → `{change.id}`"
        elif change.old_id:
            head = f"- **renamed** `{change.old_id}` → `{change.id}`"
        if change.change in ("added", "removed", "retired"):
            lines.append(f"{head}: {markdown_text(change.details[0])}")
            lines += [f"  - {markdown_text(d)}" for d in change.details[1:]]
            continue
        lines.append(head)
        lines += [f"  - {markdown_text(d)}" for d in change.details]
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change], old_name: str, new_name: str) -> str:
    document = {
        "changes": [
            dc.asdict(c) | {"details": list(c.details), "old_ids": list(c.old_ids)} for c in changes
        ]
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[list[Change], str, str], str]] = {
    "markdown": to_markdown,
    "json": to_json,
}
"""Format name -> the function that writes the changes (and the two versions' names) in it."""
