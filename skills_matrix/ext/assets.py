"""What HTML output gets besides pages: the stylesheet, linked only from the pages that render
matrix data, and the matrix itself as JSON with its JSON Schemas, at stable URLs at the root
of the site (``skills-matrix.json``, ``skills-matrix.schema.json``, ``profile.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.fileutil import copy_asset_file

from ..export import to_json
from .data import get_store

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

PACKAGE = Path(__file__).parent.parent
CSS = PACKAGE / "ext" / "static" / "skills-matrix.css"
SCHEMAS = (
    PACKAGE / "schema" / "skills-matrix.schema.json",
    PACKAGE / "schema" / "profile.schema.json",
)
MATRIX_JSON = "skills-matrix.json"


def _add_css(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if pagename in app.env.get_domain("matrix").pages:  # type: ignore[attr-defined]
        app.add_css_file(CSS.name)


def _write_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.builder.outdir)
    copy_asset_file(CSS, outdir / "_static")
    matrix = get_store(app.env).matrix
    if matrix is None:
        return
    for schema in SCHEMAS:
        copy_asset_file(schema, outdir)
    text = json.dumps(to_json(matrix), ensure_ascii=False, indent=1) + "\n"
    target = outdir / MATRIX_JSON
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup_assets(app: Sphinx) -> None:
    app.connect("html-page-context", _add_css)
    app.connect("build-finished", _write_files)
