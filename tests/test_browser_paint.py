"""What stands between a page and its first paint on a phone: only styles. Scripts wait for
the page and still run in their order; the icon fonts hold the site's icons and no others.
(Lighthouse measures the result: benchmarks/bench_lighthouse.py.)"""

from __future__ import annotations

import sys
from html.parser import HTMLParser

import pytest

from .browsing import open_page, pages
from .conftest import PROJECT

sys.path.insert(0, str(PROJECT / "conf" / "_ext"))
from icon_fonts import FONTS, THEME_CSS, icon_codepoints, names_used  # noqa: E402

pytestmark = pytest.mark.site


class HeadScripts(HTMLParser):
    """The ``<script>`` tags of a page's head: attributes, and the text of inline ones."""

    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._in_head = self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self._in_head = True
        elif tag == "script" and self._in_head:
            self.scripts.append((dict(attrs), ""))
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and self.scripts:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def head_scripts(path) -> list[tuple[dict, str]]:
    parser = HeadScripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.scripts


def test_no_script_in_a_head_holds_up_the_first_paint(site):
    out, _ = site
    checked = 0
    for name in pages(site):
        if name == "search.html":
            continue  # the theme's search page runs its search scripts at once
        for attrs, text in head_scripts(out / name):
            if "src" in attrs:
                waits = {"defer", "async"} & attrs.keys() or attrs.get("type") == "module"
                assert waits, (name, attrs)
            elif "DOCUMENTATION_OPTIONS" in text:  # set by a deferred script: deferred too
                assert attrs.get("type") == "module", (name, text)
        checked += 1
        assert "searchindex.js" not in (out / name).read_text(encoding="utf-8"), name
    assert checked > 20


def test_deferred_scripts_still_run_in_their_order(site, browser):
    """Each page's inline settings land after the script that defines them, with no error;
    search and the theme's colour switch still work."""
    out, base = site
    for name in ("index.html", "matrix/index.html", "roles/ai-engineer.html"):
        page, problems = open_page(browser, base + name)
        page.wait_for_load_state("load")
        assert page.evaluate("DOCUMENTATION_OPTIONS.pagename") == name.removesuffix(".html")
        assert problems == [], (name, problems)
        page.context.close()
    page, problems = open_page(browser, base + "search.html?q=evangelism")
    page.wait_for_selector("#search-results li", timeout=15_000)
    assert problems == []
    page.context.close()


def test_the_icon_fonts_hold_the_sites_icons_and_no_more(site):
    out, _ = site
    icons = icon_codepoints((out / "_static" / THEME_CSS).read_text(encoding="utf-8"))
    used = {icons[name] for name in names_used(out) if name in icons}
    assert {icons["fa-magnifying-glass"], icons["fa-github"], icons["fa-bars"]} <= used
    from fontTools.ttLib import TTFont

    held: set[int] = set()
    for font in (out / "_static" / FONTS).glob("*.woff2"):
        assert font.stat().st_size < 8_000, font.name  # the theme's are 19 to 115 KB
        held |= set(TTFont(str(font)).getBestCmap())
    assert used <= held
    assert held <= used


def test_the_icons_are_drawn(site, browser):
    """The search button's magnifying glass and the footer's GitHub mark are drawn in their
    fonts (each glyph wider than nothing, its font loaded and none failed)."""
    _, base = site
    page, problems = open_page(browser, base + "index.html")
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    state = page.evaluate(
        """() => ({
          faces: [...document.fonts].filter((f) => f.family.includes("Font Awesome"))
                   .map((f) => f.status),
          widths: [".search-button i.fa-magnifying-glass", "footer i.fa-github"]
                   .map((s) => document.querySelector(s).getBoundingClientRect().width),
        })"""
    )
    assert "loaded" in state["faces"] and "error" not in state["faces"], state
    assert all(width > 8 for width in state["widths"]), state
    assert problems == []


def test_icon_classes_are_read_from_the_themes_css():
    css = '.fa-a{--fa:"\\f001"}.fa-magnifying-glass,.fa-search{--fa:"\\f002"}.x{color:red}'
    assert icon_codepoints(css) == {
        "fa-a": 0xF001,
        "fa-magnifying-glass": 0xF002,
        "fa-search": 0xF002,
    }


def test_a_rebuild_serves_the_same_cut_fonts_from_its_cache(tmp_path):
    """Sphinx copies the theme's whole fonts again on every build; a rebuild with the same
    icons puts back the cut it kept beside the doctrees. (Built as a reader builds it, in a
    process of its own.)"""
    import subprocess

    out, doctrees = tmp_path / "html", tmp_path / "doctrees"
    build = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(PROJECT / "conf")]
    build += [str(PROJECT / "docs"), str(out), "-d", str(doctrees)]
    subprocess.run(build, check=True, capture_output=True)
    fonts = {font.name: font.read_bytes() for font in (out / "_static" / FONTS).glob("*.woff2")}
    kept = sorted(path.name for path in (doctrees / "icon-fonts").iterdir())
    assert len(kept) == len(fonts) and all(len(data) < 8_000 for data in fonts.values())
    subprocess.run(build, check=True, capture_output=True)
    again = {font.name: font.read_bytes() for font in (out / "_static" / FONTS).glob("*.woff2")}
    assert again == fonts
    assert sorted(path.name for path in (doctrees / "icon-fonts").iterdir()) == kept
