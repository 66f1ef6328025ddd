"""The landing page's cards in a book: a list, each item the linked title and its text.

sphinx-design lays cards out with HTML and CSS; LaTeX, text and man pages get their parts one
after the other, the link's page title among them (the PDF's home page read as a jumble). For
every builder that is not HTML, each grid of cards becomes a bullet list, once references
are resolved.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform


def _card_item(card: nodes.Element) -> nodes.list_item:
    title = next((n for n in card.findall(nodes.Element) if "sd-card-title" in n["classes"]), None)
    words = title.astext().strip() if title is not None else ""
    link = next(
        (n for n in card.findall(nodes.reference) if "sd-stretched-link" in n["classes"]), None
    )
    head: nodes.Node = nodes.Text(words)
    if link is not None:
        link = link.deepcopy()
        link.children = []
        link["classes"] = []
        link += nodes.Text(words)
        head = link
    para = nodes.paragraph("", "", nodes.strong("", "", head))
    for text in card.findall(nodes.paragraph):
        if "sd-card-text" in text["classes"]:
            para += [nodes.Text(": "), *text.deepcopy().children]
    return nodes.list_item("", para)


class CardsAsList(SphinxPostTransform):
    default_priority = 20  # after references are resolved (10)
    builders = ("latex", "text", "man", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for grid in list(self.document.findall(nodes.container)):
            if "sd-container-fluid" not in grid["classes"]:
                continue
            cards = [n for n in grid.findall(nodes.container) if "sd-card" in n["classes"]]
            if not cards:
                continue
            items = nodes.bullet_list()
            items.extend(_card_item(card) for card in cards)
            grid.replace_self(items)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(CardsAsList)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
