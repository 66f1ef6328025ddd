"""Styles for HTML output, linked only from the pages that render matrix data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

CSS = Path(__file__).parent / "static" / "skills-matrix.css"


def _add_css(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if pagename in app.env.get_domain("matrix").pages:  # type: ignore[attr-defined]
        app.add_css_file(CSS.name)


def _copy_css(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        copy_asset_file(CSS, Path(app.builder.outdir, "_static"))


def setup_assets(app: Sphinx) -> None:
    app.connect("html-page-context", _add_css)
    app.connect("build-finished", _copy_css)
