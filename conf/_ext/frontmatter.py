"""Page front matter put to use: publication date and tags shown under the title, and the
description as the page's meta description and OpenGraph description."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def _date(value: str) -> str | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    return dt.date(*map(int, match.groups())).strftime("%-d %B %Y")


def _tags(value: str) -> list[str]:
    return [t.strip(" '\"") for t in value.strip("[]").split(",") if t.strip(" '\"")]


def _description(meta: dict) -> str | None:
    description = meta.get("description")
    return " ".join(str(description).split()).strip('"') if description else None


def add_byline(app: Sphinx, doctree: nodes.document) -> None:
    meta = app.env.metadata.get(app.env.docname, {})
    if description := _description(meta):
        meta["og:description"] = description  # sphinxext-opengraph's per-page override
    published = _date(str(meta.get("published", "")))
    tags = _tags(str(meta.get("tags", "")))
    if not published and not tags:
        return
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None:
        return
    byline = nodes.paragraph(classes=["article-byline"])
    if published:
        iso = str(meta["published"])[:10]
        byline += nodes.Text("Published ")
        byline += nodes.inline(published, published, classes=["article-date"], date=iso)
    if tags:
        byline += nodes.Text(" · " if published else "")
        byline += nodes.Text("Tags: ")
        for index, tag in enumerate(tags):
            if index:
                byline += nodes.Text(", ")
            byline += nodes.inline(tag, tag, classes=["article-tag"])
    section = title.parent
    section.insert(section.index(title) + 1, byline)


def add_meta_description(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if description := _description(app.env.metadata.get(pagename, {})):
        context["metatags"] = context.get("metatags", "") + (
            f'\n    <meta name="description" content="{html.escape(description)}" />'
        )


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", add_byline)
    app.connect("html-page-context", add_meta_description)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
