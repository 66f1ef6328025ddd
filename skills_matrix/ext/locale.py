"""The extension's words in the project's ``language``: the package's catalogs
(:mod:`skills_matrix.locale`) registered with Sphinx, as Sphinx's own extensions do; the
core spoken in the same language while a build runs; for the browser, the part of the
catalog its scripts say, written as ``_static/skills-matrix-catalog.js``; and for the
project's translators, the matrix's own texts as ``skills-matrix.pot`` beside the pages'
templates when the gettext builder runs (:mod:`.data` reads their translation)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .. import locale
from ..translation import template
from .assets import CATALOG_SCRIPT, STATIC
from .data import DATA_CATALOG, get_store

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation(locale.DOMAIN)


def _speak(app: Sphinx) -> None:
    """The core speaks the project's language while the build runs (and its parallel
    processes, forked from it), and the browser gets its part of the catalog."""
    spoken = locale.language(app.config.language)
    locale.use(spoken.code)
    if spoken.english or app.builder.format != "html":
        return
    folder = Path(app.doctreedir) / "skills-matrix-catalog"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = locale.browser_catalog(spoken, locale.script_messages(STATIC))
    text = "globalThis.SkillsMatrixCatalog = " + json.dumps(catalog, ensure_ascii=False) + ";\n"
    target = folder / CATALOG_SCRIPT
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    app.config.html_static_path.append(str(folder))


def _done(app: Sphinx, exception: Exception | None) -> None:
    locale.use(None)
    if exception is None and app.builder.name == "gettext":
        _write_template(app)


def _write_template(app: Sphinx) -> None:
    """Beside the pages' templates, the matrix's: ``skills-matrix.pot``, its texts as the
    data gives them, for the project's translators (:data:`.data.DATA_CATALOG`)."""
    store = get_store(app.env)  # read once a build, its problems reported already
    matrix, path = store.written, store.path
    if matrix is None or path is None:
        return
    where = path.relative_to(app.srcdir).as_posix()
    text = template(matrix, where)
    target = Path(app.outdir, f"{DATA_CATALOG}.pot")
    dated = re.compile(rb'^"POT-Creation-Date: .*$', re.MULTILINE)
    if not target.exists() or dated.sub(b"", target.read_bytes()) != dated.sub(b"", text):
        target.write_bytes(text)


def setup_locale(app: Sphinx) -> None:
    app.add_message_catalog(locale.DOMAIN, str(locale.FOLDER))
    app.connect("builder-inited", _speak, priority=400)
    app.connect("build-finished", _done)
