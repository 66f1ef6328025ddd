"""docutils nodes the directives share: text, paragraphs and definitions built directly, never
markup that is parsed again, so every builder renders them and data text stays text."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..model import OTHER_SKILLS, Category


def text(value: str, classes: Sequence[str] = ()) -> nodes.inline:
    return nodes.inline(value, value, classes=list(classes))


def paragraph(*children: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    return nodes.paragraph(
        "",
        "",
        *(nodes.Text(c) if isinstance(c, str) else c for c in children),
        classes=list(classes),
    )


def legend(*children: nodes.Node | str) -> nodes.paragraph:
    """The paragraph under a table that says how to read it."""
    return paragraph(*children, classes=["skills-matrix-legend"])


def group_title(category: Category | None, groups: int) -> str | None:
    """The title of a group row: none for a lone group of skills without a category."""
    if category is None:
        return OTHER_SKILLS if groups > 1 else None
    return category.title


def definition_item(term: str, ident: str, body: list[nodes.Node]) -> nodes.definition_list_item:
    item = nodes.definition_list_item()
    item += nodes.term("", "", text(term), nodes.Text(" "), nodes.literal(ident, ident))
    item += nodes.definition("", *body)
    return item
