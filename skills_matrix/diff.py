"""What changed between two versions of a matrix, for review."""

from __future__ import annotations

import dataclasses as dc
import json
from collections.abc import Callable, Sequence

from . import format as fmt
from .export import markdown_text
from .model import Matrix, Member


@dc.dataclass(frozen=True, slots=True)
class Change:
    kind: str
    """``level``, ``category``, ``responsibility``, ``skill`` or ``role``."""
    change: str
    """``added``, ``removed``, ``renamed`` or ``changed``."""
    id: str
    old_id: str | None = None
    details: tuple[str, ...] = ()


def _show(value: object) -> str:
    return "nothing" if value in (None, "", (), {}) else repr(value)


def _identity(kind: fmt.Kind, obj: object) -> str:
    """What names an object in a list: its id, or its first required key (a source's url)."""
    return getattr(obj, "id" if "id" in kind.keys else kind.required[0])


def _words(value: object) -> str:
    """A map's value as a reviewer reads it: a level id, or its keys that are said."""
    if not dc.is_dataclass(value):
        return str(value)
    said = {k: v for k, v in dc.asdict(value).items() if v not in (None, (), {})}
    if set(said) == {"level"}:
        return said["level"]
    return ", ".join(
        f"{k} {v!r}" if isinstance(v, str) and k != "level" else f"{k} {v}" for k, v in said.items()
    )


def _field_changes(field: fmt.Field, old: object, new: object) -> list[str]:
    typ = field.type
    if isinstance(typ, fmt.IdMap):
        return _map_changes(
            field.key,
            {k: _words(v) for k, v in old.items()},
            {k: _words(v) for k, v in new.items()},
        )
    if isinstance(typ, fmt.ListOf) and isinstance(typ.item, (fmt.Ref, fmt.Object)):
        if isinstance(typ.item, fmt.Ref):
            name, old_ids, new_ids = typ.item.kind, list(old), list(new)
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


def _details(kind: fmt.Kind, old: object, new: object, old_m: Matrix, new_m: Matrix) -> list[str]:
    """Every field of the format that differs, in the format's order."""
    out = []
    for field in kind.fields:
        before, after = getattr(old, field.key), getattr(new, field.key)
        if field.key not in ("id", "replaces") and before != after:
            out += _field_changes(field, before, after)
    if kind.name == "level" and old_m.level_rank[old.id] != new_m.level_rank[new.id]:
        out.append(
            f"position on the scale: {old_m.level_rank[old.id] + 1} → "
            f"{new_m.level_rank[new.id] + 1}"
        )
    return out


def _map_changes(name: str, old: dict, new: dict) -> list[str]:
    out = []
    for key, value in new.items():
        if key not in old:
            out.append(f"{name} {key}: added ({value})")
        elif old[key] != value:
            out.append(f"{name} {key}: {old[key]} → {value}")
    out += [f"{name} {key}: removed (was {value})" for key, value in old.items() if key not in new]
    return out


def diff(old: Matrix, new: Matrix, members: Sequence[Member] = ()) -> list[Change]:
    """Changes by kind (levels, categories, responsibilities, skills, roles), in new order.

    An id that disappears while a new one says it ``replaces`` it is a rename; so is, failing
    that, one that disappears while another with the same title appears. A level or skill
    removed outright names the answers of *members* (profiles of the old matrix) it affects.
    """
    changes: list[Change] = []
    for kind_spec in fmt.LISTED_KINDS:
        kind = kind_spec.name
        old_items = {item.id: item for item in getattr(old, kind_spec.plural)}
        new_items = {item.id: item for item in getattr(new, kind_spec.plural)}
        removed = [i for i in old_items if i not in new_items]
        added = [i for i in new_items if i not in old_items]
        renamed: dict[str, str] = {}
        for new_id in added:
            declared = [o for o in getattr(new_items[new_id], "replaces", ()) if o in removed]
            if declared:
                renamed[new_id] = declared[0]
        for new_id in added:
            if new_id in renamed:
                continue
            title = (new_items[new_id].title or "").casefold()
            match = next(
                (
                    o
                    for o in removed
                    if title
                    and o not in renamed.values()
                    and (old_items[o].title or "").casefold() == title
                ),
                None,
            )
            if match:
                renamed[new_id] = match
        for item_id, item in new_items.items():
            if item_id in renamed:
                before = old_items[renamed[item_id]]
                changes.append(
                    Change(
                        kind,
                        "renamed",
                        item_id,
                        renamed[item_id],
                        tuple(_details(kind_spec, before, item, old, new)),
                    )
                )
            elif item_id not in old_items:
                changes.append(Change(kind, "added", item_id, details=(item.title,)))
            else:
                details = _details(kind_spec, old_items[item_id], item, old, new)
                if details:
                    changes.append(Change(kind, "changed", item_id, details=tuple(details)))
        changes += [
            Change(kind, "removed", i, details=(old_items[i].title, *_answers(kind, i, members)))
            for i in removed
            if i not in renamed.values()
        ]
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
        if change.old_id:
            head = f"- **renamed** `{change.old_id}` → `{change.id}`"
        if change.change in ("added", "removed"):
            lines.append(f"{head}: {markdown_text(change.details[0])}")
            lines += [f"  - {markdown_text(d)}" for d in change.details[1:]]
            continue
        lines.append(head)
        lines += [f"  - {markdown_text(d)}" for d in change.details]
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change], old_name: str, new_name: str) -> str:
    document = {"changes": [dc.asdict(c) | {"details": list(c.details)} for c in changes]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[list[Change], str, str], str]] = {
    "markdown": to_markdown,
    "json": to_json,
}
"""Format name -> the function that writes the changes (and the two versions' names) in it."""
