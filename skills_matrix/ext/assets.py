"""What HTML output gets besides pages: the stylesheet, linked only from the pages that render
matrix data, and the matrix itself as JSON with its JSON Schemas, at stable URLs at the root
of the site (``skills-matrix.json`` and the ``*.schema.json`` files)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.fileutil import copy_asset_file

from .. import locale
from ..export import json_text
from ..schemas import FOLDER as SCHEMA_FOLDER
from ..schemas import schemas
from .builders import is_epub
from .data import get_store

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

PACKAGE = Path(__file__).parent.parent
STATIC = PACKAGE / "ext" / "static"
CSS = STATIC / "skills-matrix.css"
BIDI_CSS = "skills-matrix-bidi.css"
RTL_CSS = "skills-matrix-rtl.css"
"""Web pages only (an EPUB says directions in its markup): text from the data in its own
direction, and the blocks from the right in a language written right to left."""
SCRIPTS = (
    "vendor/js-yaml.min.js",
    "skills-locale.js",
    "skills-assess.js",
    "skills-profile.js",
    "skills-words.js",
    "skills-answer.js",
    "skills-chart.js",
    "skills-progress.js",
    "skills-form-state.js",
    "skills-form-questions.js",
    "skills-form-results.js",
    "skills-form-tools.js",
    "skills-self-assessment.js",
)
"""The self-assessment's scripts, relative to the static folder, in loading order."""
TABLE_SCRIPT = STATIC / "skills-matrix-table.js"
MATRIX_JSON = "skills-matrix.json"
INDEX_PAGE = "matrix-index"
"""The matrix's index (Sphinx writes a domain's index as DOMAIN-INDEX)."""
CATALOG_SCRIPT = "skills-matrix-catalog.js"
"""The browser's part of the catalog of the project's language (:mod:`.locale`)."""


def _add_css(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    domain = app.env.get_domain("matrix")
    if pagename in domain.pages or pagename == INDEX_PAGE:  # type: ignore[attr-defined]
        app.add_css_file(CSS.name)
        if not is_epub(app.builder):
            app.add_css_file(BIDI_CSS)
            if locale.language(app.config.language).right_to_left:
                app.add_css_file(RTL_CSS)
        app.add_js_file(TABLE_SCRIPT.name, defer="defer")
    if pagename in domain.scripted:  # type: ignore[attr-defined]
        if not locale.language(app.config.language).english:
            app.add_js_file(CATALOG_SCRIPT, defer="defer")
        for script in SCRIPTS:
            app.add_js_file(script, defer="defer")


def _add_static_path(app: Sphinx) -> None:
    """The stylesheet and scripts go to ``_static`` with the theme's files, while the pages
    are written: so an EPUB packs them too (copied after the build, they missed it)."""
    if str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC))
    if is_epub(app.builder):  # a book needs no licence of a script it does not run
        app.config.epub_exclude_files += [
            "_static/vendor/js-yaml.LICENSE",
            f"_static/{BIDI_CSS}",
            f"_static/{RTL_CSS}",
        ]


def _write_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.builder.outdir)
    matrix = get_store(app.env).matrix
    if matrix is None:
        return
    for name in schemas():
        copy_asset_file(SCHEMA_FOLDER / name, outdir)
    text = json_text(matrix)
    target = outdir / MATRIX_JSON
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _add_static_path)
    app.connect("html-page-context", _add_css)
    app.connect("build-finished", _write_files)
