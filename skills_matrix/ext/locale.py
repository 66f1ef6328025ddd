"""The extension's words in the project's ``language``: the package's catalogs
(:mod:`skills_matrix.locale`) registered with Sphinx, as Sphinx's own extensions do; the
core spoken in the same language while a build runs; and, for the browser, the part of the
catalog its scripts say, written as ``_static/skills-matrix-catalog.js``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .. import locale
from .assets import CATALOG_SCRIPT, STATIC

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation(locale.DOMAIN)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _(singular, plural, count)  # type: ignore[call-arg]


def language(app: Sphinx) -> locale.Language:
    return locale.language(app.config.language)


def _speak(app: Sphinx) -> None:
    """The core speaks the project's language while the build runs (and its parallel
    processes, forked from it), and the browser gets its part of the catalog."""
    spoken = language(app)
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


def setup_locale(app: Sphinx) -> None:
    app.add_message_catalog(locale.DOMAIN, str(locale.FOLDER))
    app.connect("builder-inited", _speak, priority=400)
    app.connect("build-finished", _done)
