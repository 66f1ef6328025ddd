"""The extension in another language: a project whose ``language`` is German gets every word
the extension writes in German, in every builder and in the form, its numbers written the
German way, and its matrix's own texts as its catalog translates them."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from skills_matrix.export import to_json
from skills_matrix.reading import load_matrix

from .browsing import open_page, serve
from .conftest import ROOTS, build_warnings
from .english_left import data_texts, english_left

LADDER = ROOTS / "test-ladder" / "_data"
BUILDERS = ("html", "epub", "text", "latex", "man")


class _Text(HTMLParser):
    """The text of a page's main part as a reader meets it: no markup, no scripts, and none
    of the theme's own words around it (its "next page", its footer). The part is the
    ``<div role="main">``: divs always close (a compact table's cells need not)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.divs = 0  # open inside the main part; 0: outside it
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "div" and (self.divs or found.get("role") == "main"):
            self.divs += 1
        if not self.divs:
            return
        self.skipping += tag in ("script", "style")
        if "headerlink" not in (found.get("class") or ""):  # Sphinx's "Link to this table"
            self.parts += [found[key] or "" for key in ("aria-label", "title") if key in found]

    def handle_endtag(self, tag):
        if self.divs:
            self.divs -= tag == "div"
            self.skipping -= tag in ("script", "style")

    def handle_data(self, data):
        if self.divs and not self.skipping:
            self.parts.append(data)


def _read(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".xhtml"):
        parser = _Text()
        parser.feed(text)
        return "\n".join(parser.parts)
    if path.suffix == ".tex":  # the document's body, its commands and their ids out
        body = text[text.index(r"\begin{document}") : text.index(r"\end{document}")]
        return re.sub(r"\\[A-Za-z@]+\*?|\{[a-z0-9:.-]+\}", " ", body)
    if path.suffix == ".1":  # roff: its requests and font changes out
        return re.sub(r"^\..*$|\\f[BIRP]|\\%<[^>]*>", " ", text, flags=re.MULTILINE)
    return text


@pytest.fixture
def german(make_app, tmp_path):
    """Build the German root with a builder: (the app, the text of every page it wrote)."""

    def build(builder: str, **overrides):
        srcdir = tmp_path / "languages"
        shutil.copytree(ROOTS / "test-languages", srcdir)
        shutil.copytree(LADDER, srcdir / "_data")
        app = make_app(builder, srcdir=srcdir, confoverrides=overrides)
        app.build()
        out = Path(app.outdir)
        wanted = {".html", ".xhtml", ".txt", ".tex", ".1"}
        # the project's pages and the extension's index (search.html and the like are Sphinx's)
        ours = {p.stem for p in srcdir.glob("*.md")} | {"matrix-index", "kompetenzen"}
        pages = {p: _read(p) for p in out.rglob("*") if p.suffix in wanted and p.stem in ours}
        return app, pages

    return build


def _data(root: Path) -> list[str]:
    """What the pages may say of the data's own: the matrix, the profiles, the headings."""
    profiles = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in root.rglob("*.yaml")]
    headings = [line.lstrip("# ") for p in root.glob("*.md") for line in p.read_text().splitlines()]
    return data_texts([to_json(load_matrix(root / "_data")), profiles, headings])


@pytest.mark.parametrize("builder", BUILDERS)
def test_no_english_word_of_the_package_is_left(german, builder):
    app, pages = german(builder)
    assert not build_warnings(app)
    data = _data(Path(app.srcdir))
    assert pages
    for path, text in pages.items():
        left = english_left(text, data)
        assert not left, (path.name, left)
    said = "\n".join(pages.values())
    for german_word in ("Wo Sie stehen", "Fähigkeit", "Gefährdete Fähigkeiten", "Auf Papier"):
        assert german_word in said, german_word
    # the matrix's own texts through the root's catalog, a fuzzy translation left out
    assert "Planung" in said and "Plant und liefert" in said and "Testen" not in said


def _labels(page) -> str:
    """What a screen reader hears besides the text: the form's labels and descriptions."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.sm-self-assessment [aria-label], .sm-bar')]
        .map((node) => node.getAttribute('aria-label') || '').join('\\n')"""
    )


def test_the_check_finds_the_english_of_an_english_build(german):
    """What the test above relies on: the same pages in English are full of the words it
    looks for, in the part of the page it reads."""
    app, pages = german("html", language="en")
    data = _data(Path(app.srcdir))
    left = {path.name: english_left(text, data) for path, text in pages.items()}
    assert {"fits", "expected", "covered"} <= left["team.html"] | left["rollen.html"]
    assert len(left["selbst.html"]) > 20


@pytest.mark.site  # the browser's tests run with the site's
def test_the_form_speaks_german(german, browser):
    app, _ = german("html")
    (Path(app.outdir) / "favicon.ico").write_bytes(b"")  # what a browser asks of every site
    with serve(app.outdir) as base:
        page, problems = open_page(
            browser, base + "selbst.html", viewport={"width": 1280, "height": 800}
        )
        page.wait_for_selector(".sm-ready")
        assert page.evaluate("() => window.SkillsMatrixCatalog.language") == "de"
        page.select_option("#sm-skill-planning", "practitioner")
        page.select_option("#sm-skill-testing", "-")
        page.wait_for_selector(".sm-next-steps")
        page.click("text=Antworten löschen")
        said = page.inner_text(".sm-status")
        assert said == "2 Antworten gelöscht. „Löschen rückgängig“ bringt sie zurück."
        page.click("text=Löschen rückgängig")
        page.wait_for_selector(".sm-next-steps")
        text = page.inner_text(".sm-self-assessment") + "\n" + _labels(page)
        data = _data(Path(app.srcdir))
        assert not english_left(text, data), english_left(text, data)
        for words in ("Wo Sie stehen: ", "Nächste Schritte auf dem Weg zu ", " %", "Ihre Stufe"):
            assert words in text.replace("\xa0", " "), words
        assert page.inner_text("label[for=sm-skill-planning]") == "Planung"  # the data's
        assert not problems
