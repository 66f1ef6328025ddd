"""docutils nodes the directives share: text, paragraphs and definitions built directly, never
markup that is parsed again, so every builder renders them and data text stays text."""

from __future__ import annotations

import string
from collections.abc import Sequence

from docutils import nodes

from ..model import Source


def text(value: str, classes: Sequence[str] = ()) -> nodes.inline:
    return nodes.inline(value, value, classes=list(classes))


def paragraph(*children: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    return nodes.paragraph(
        "",
        "",
        *(nodes.Text(c) if isinstance(c, str) else c for c in children),
        classes=list(classes),
    )


def filled(template: str, **values: str | nodes.Node) -> list[nodes.Node]:
    """A translated *template* as text nodes, each ``{name}`` replaced by *values*' (a link
    stays a node)."""
    out: list[nodes.Node] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            out.append(nodes.Text(literal))
        if field is not None:
            value = values[field]
            out.append(nodes.Text(value) if isinstance(value, str) else value)
    return out


def a_or_an(title: str) -> str:
    """*title* with its indefinite article: "an AI Engineer", "a Full-stack Engineer"."""
    word = title.split()[0] if title.split() else title
    if len(word) > 1 and word.isupper():
        vowel_sound = word[0] in "AEFHILMNORSX"  # letters said with a vowel first: "an ML …"
    else:
        vowel_sound = word[:1].lower() in "aeiou"
    return f"{'an' if vowel_sound else 'a'} {title}"


def legend(*children: nodes.Node | str) -> nodes.paragraph:
    """The paragraph under a table that says how to read it."""
    return paragraph(*children, classes=["skills-matrix-legend"])


def definition_item(term: str, ident: str, body: list[nodes.Node]) -> nodes.definition_list_item:
    item = nodes.definition_list_item()
    # the id is what profiles and links are written with: shown, but quieter than the title
    item += nodes.term(
        "", "", text(term), nodes.Text(" "), nodes.literal(ident, ident, classes=["sm-id"])
    )
    item += nodes.definition("", *body)
    return item


def text_list(items: Sequence[str]) -> nodes.bullet_list:
    """Short texts as a list, one an item."""
    out = nodes.bullet_list()
    for item in items:
        out += nodes.list_item("", paragraph(item))
    return out


def link_list(sources: Sequence[Source], dated: str) -> nodes.bullet_list:
    """Links, each shown by its title (or address), with the day it was read or cited
    (*dated*, a template of ``{date}``: "(read {date})")."""
    out = nodes.bullet_list()
    for source in sources:
        label = source.title or source.url
        para = paragraph(nodes.reference(label, label, refuri=source.url))
        if source.accessed:
            para += nodes.Text(" " + dated.format(date=source.accessed))
        out += nodes.list_item("", para)
    return out
