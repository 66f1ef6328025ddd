"""What changed between two versions of a matrix, for review."""

from __future__ import annotations

import dataclasses as dc

from .export import markdown_text
from .model import Matrix

DIFF_FORMATS = ("markdown", "json")
_KINDS = (
    ("levels", "level"),
    ("categories", "category"),
    ("responsibilities", "responsibility"),
    ("skills", "skill"),
    ("roles", "role"),
)
_TEXT_FIELDS = ("title", "description", "summary", "category")


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


def _details(kind: str, old: object, new: object, old_m: Matrix, new_m: Matrix) -> list[str]:
    out = []
    for name in _TEXT_FIELDS:
        if hasattr(old, name) and getattr(old, name) != getattr(new, name):
            out.append(f"{name}: {_show(getattr(old, name))} → {_show(getattr(new, name))}")
    if kind == "skill":
        if old.examples != new.examples:
            out.append(f"examples: {_show(list(old.examples))} → {_show(list(new.examples))}")
        out += _map_changes("supports", old.supports, new.supports)
    elif kind == "role":
        for resp in new.responsibilities:
            if resp not in old.responsibilities:
                out.append(f"responsibility added: {resp}")
        for resp in old.responsibilities:
            if resp not in new.responsibilities:
                out.append(f"responsibility removed: {resp}")
        out += _map_changes("expects", old.expects, new.expects)
    elif kind == "responsibility":
        old_urls = [s.url for s in old.sources]
        new_urls = [s.url for s in new.sources]
        out += [f"source added: {u}" for u in new_urls if u not in old_urls]
        out += [f"source removed: {u}" for u in old_urls if u not in new_urls]
    elif kind == "level" and old_m.level_rank[old.id] != new_m.level_rank[new.id]:
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


def diff(old: Matrix, new: Matrix) -> list[Change]:
    """Changes by kind (levels, categories, responsibilities, skills, roles), in new order.

    An id that disappears while another with the same title appears is a rename.
    """
    changes: list[Change] = []
    for plural, kind in _KINDS:
        old_items = {item.id: item for item in getattr(old, plural)}
        new_items = {item.id: item for item in getattr(new, plural)}
        removed = [i for i in old_items if i not in new_items]
        added = [i for i in new_items if i not in old_items]
        renamed: dict[str, str] = {}
        for new_id in added:
            title = new_items[new_id].title.casefold()
            match = next(
                (
                    o
                    for o in removed
                    if o not in renamed.values() and old_items[o].title.casefold() == title
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
                        tuple(_details(kind, before, item, old, new)),
                    )
                )
            elif item_id not in old_items:
                changes.append(Change(kind, "added", item_id, details=(item.title,)))
            else:
                details = _details(kind, old_items[item_id], item, old, new)
                if details:
                    changes.append(Change(kind, "changed", item_id, details=tuple(details)))
        changes += [
            Change(kind, "removed", i, details=(old_items[i].title,))
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
            continue
        lines.append(head)
        lines += [f"  - {markdown_text(d)}" for d in change.details]
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change]) -> dict:
    return {"changes": [dc.asdict(c) | {"details": list(c.details)} for c in changes]}
