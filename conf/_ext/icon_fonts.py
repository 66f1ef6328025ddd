"""The theme's icon fonts, cut to the icons the site shows.

pydata-sphinx-theme draws its icons (search, colour theme, menu, the GitHub link; sphinx-design's
card icons too) with Font Awesome's web fonts: 225 KB that a phone fetches beside the page's
styles, before its first paint, for a dozen glyphs. After each HTML build, every one of those
fonts in the output is written anew from the theme's copy with only the glyphs of the icon
classes (``fa-*``) that the pages and their scripts name. The files keep their names and the
theme's CSS is untouched; a font the theme's CSS cannot be read for is left whole, with a
warning (``icons.fonts``) rather than a site without icons. Sphinx copies the theme's fonts
again on every build; each cut is kept beside the doctrees, so a rebuild with the same icons
copies it instead of cutting again.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

FONTS = Path("vendor", "fontawesome", "webfonts")
THEME_CSS = Path("styles", "pydata-sphinx-theme.css")
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"\\([0-9a-f]+)')
ICON_NAME = re.compile(r"\bfa-[a-z0-9-]+")
HTML_BUILDERS = {"html", "dirhtml", "singlehtml"}


def icon_codepoints(css: str) -> dict[str, int]:
    """Each icon class of Font Awesome's CSS (``.fa-house{--fa:"\\f015"}``) and its character."""
    return {
        name.lstrip("."): int(code, 16)
        for names, code in ICON_RULE.findall(css)
        for name in names.rstrip(",").split(",")
    }


def names_used(outdir: Path) -> set[str]:
    """The ``fa-*`` names written in the built pages and in their scripts."""
    files = [*outdir.rglob("*.html"), *(outdir / "_static").rglob("*.js")]
    return {name for path in files for name in ICON_NAME.findall(path.read_text("utf-8", "ignore"))}


def cut(source: Path, destination: Path, codepoints: set[int]) -> None:
    """Write ``source`` to ``destination`` (WOFF2) with only the glyphs of ``codepoints``."""
    from fontTools import subset  # the site's dependency, not the extension's tests'

    options = subset.Options()
    options.flavor = "woff2"
    options.ignore_missing_unicodes = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(destination), options)


def theme_font(app: Sphinx, name: str) -> Path | None:
    for directory in app.builder.theme.get_theme_dirs():
        if (path := Path(directory, "static", FONTS, name)).is_file():
            return path
    return None


def cut_icon_fonts(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.name not in HTML_BUILDERS:
        return
    static = Path(app.outdir) / "_static"
    if not (static / THEME_CSS).is_file() or not (static / FONTS).is_dir():
        return  # not pydata-sphinx-theme
    icons = icon_codepoints((static / THEME_CSS).read_text(encoding="utf-8"))
    codepoints = {icons[name] for name in names_used(Path(app.outdir)) if name in icons}
    if not codepoints:
        logger.warning(
            "no icon of the site found in %s: the icon fonts are left whole",
            THEME_CSS,
            type="icons",
            subtype="fonts",
        )
        return
    cache = Path(app.doctreedir) / "icon-fonts"
    cache.mkdir(parents=True, exist_ok=True)
    for font in sorted((static / FONTS).glob("*.woff2")):
        if source := theme_font(app, font.name):
            key = hashlib.sha256(source.read_bytes())
            key.update(" ".join(map(str, sorted(codepoints))).encode())
            cut_font = cache / f"{key.hexdigest()[:16]}-{font.name}"
            if not cut_font.is_file():  # written whole or not at all
                cut(source, cut_font.with_suffix(".part"), codepoints)
                cut_font.with_suffix(".part").replace(cut_font)
            shutil.copyfile(cut_font, font)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", cut_icon_fonts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
