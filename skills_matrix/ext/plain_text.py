"""Plain-text output at the cost of its length: Sphinx's text writer wraps a word longer than
a line in time that grows with the square of its length or worse (a 5,000-character word in
a description took seconds, a hundred of them over a minute). In the text builder's copy of
a page, every word the extension wrote that is longer than :data:`PIECE` characters is cut
into pieces of that length, one after the other, as the writer would cut it across lines
anyway. Other builders, and text the extension did not write, are left as they are."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PIECE = 60
"""The longest word the text writer is given: shorter than a line, so it never cuts it."""

_LONG_WORD = re.compile(rf"[^\s]{{{PIECE + 1},}}")


def _cut(match: re.Match[str]) -> str:
    word = match.group()
    return " ".join(word[i : i + PIECE] for i in range(0, len(word), PIECE))


def _ours(node: nodes.Element) -> bool:
    classes: list[str] = node.get("classes", [])
    return any(c.startswith(("skills-matrix", "sm-")) for c in classes)


def cut_long_words(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "text":
        return
    for element in doctree.findall(nodes.Element):
        if not _ours(element):
            continue
        for text in list(element.findall(nodes.Text)):
            if _LONG_WORD.search(text):
                text.parent.replace(text, nodes.Text(_LONG_WORD.sub(_cut, text)))


def setup_plain_text(app: Sphinx) -> None:
    app.connect("doctree-resolved", cut_long_words)
