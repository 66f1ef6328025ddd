"""The real site, built through ``conf/`` as ``sphinx-build -nW --keep-going -c conf docs``."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from skills_matrix.assessment import assess
from skills_matrix.ext.directives.catalogue import origin_words
from skills_matrix.reading import load_matrix, load_profile

from .conftest import PROJECT

pytestmark = pytest.mark.site

SEED = PROJECT / "tests" / "data" / "article-source.md"
"""The article exactly as received (shared/seed), encoding damage included."""
DATA = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
ROLE_PAGES = {
    "ai-engineer": "roles/ai-engineer.html",
    "ai-implementation-engineer": "roles/ai-implementation-engineer.html",
    "generative-ai-engineer": "roles/generative-ai-engineer.html",
    "ml-engineer": "roles/ml-engineer.html",
    "full-stack-engineer": "roles/full-stack-engineer.html",
}


@pytest.fixture(scope="module")
def site(strict_site):
    return strict_site.code, strict_site.warnings, strict_site.html


def page(site, name: str) -> str:
    return (site[2] / name).read_text(encoding="utf-8")


class _Text(HTMLParser):
    """The text of the page's article element, and its links, headings and list items.

    A table cell's end tag may be left out (the grid's are): the next cell, or the row's end,
    closes it, as HTML says."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cell: str | None = None
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.links: list[str] = []
        self.stack: list[list[str]] = []
        self.blocks: dict[str, list[str]] = {"h1": [], "h2": [], "li": []}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("td", "th", "tr") and self.cell:
            self.handle_endtag(self.cell)
            self.handle_data(" ")
        if tag in ("td", "th"):
            self.cell = tag
        if tag == "article" and "bd-article" in (attrs.get("class") or ""):
            self.depth = 1
        elif self.depth:
            self.depth += tag not in ("br", "img", "hr", "meta", "input")
            if tag == "a" and attrs.get("href"):
                self.links.append(attrs["href"])
            classes = (attrs.get("class") or "").split()
            if self.skip or (tag == "a" and "headerlink" in classes) or "sm-label" in classes:
                self.skip += 1
            if tag in self.blocks:
                self.stack.append([tag])

    def handle_endtag(self, tag):
        if tag == "tr" and self.cell:
            self.handle_endtag(self.cell)
        if tag in ("td", "th"):
            self.cell = None
        if self.depth:
            self.depth -= 1
            if self.skip:
                self.skip -= 1
                return
            if self.stack and self.stack[-1][0] == tag:
                kind, *text = self.stack.pop()
                self.blocks[kind].append(" ".join("".join(text).split()))

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)
            for entry in self.stack:
                entry.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).replace("¶", " ").split())


def read(site, name: str) -> _Text:
    parser = _Text()
    parser.feed(page(site, name))
    return parser


def seed_article():
    """The source's front matter and body, with its encoding damage repaired."""
    raw = SEED.read_text(encoding="utf-8")
    repaired = re.sub(
        r"[\u00c0-\u00ff][\u0080-\u02ff\u2000-\u22ff]{1,3}", lambda m: _repair(m.group(0)), raw
    )
    _, front, body = repaired.split("---\n", 2)
    return front, body


def _repair(text: str) -> str:
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def plain(markdown: str) -> str:
    rendered = MarkdownIt("commonmark").render(markdown)
    rendered = re.sub(r"</?(p|h\d|li|ol|ul|blockquote)\b[^>]*>", " ", rendered)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


def test_strict_build_is_warning_free(site):
    code, warnings, _ = site
    assert warnings == "" and code == 0


def test_article_repairs_the_encoding_damage():
    _, body = seed_article()
    assert "ðŸ" not in body and "\U0001f642" in body


def test_article_every_sentence_as_written(site):
    _, body = seed_article()
    text = read(site, "article.html").text
    sentences = re.split(r"(?<=[.!?])\s+", plain(body))
    assert len(sentences) > 30
    missing = [s for s in sentences if s not in text]
    assert missing == []


def test_article_headings_list_items_and_links(site):
    front, body = seed_article()
    parsed = read(site, "article.html")
    assert parsed.blocks["h1"][0] == "What is an AI Engineer anyway?"
    for heading in re.findall(r"^## (.+)$", body, re.M):
        assert heading.strip() in parsed.blocks["h2"]
    tokens = MarkdownIt("commonmark").parse(body)
    items = [
        plain(t.content)
        for t in tokens
        if t.type == "inline" and tokens[tokens.index(t) - 2].type == "list_item_open"
    ]
    assert len(items) == 11
    for item in items:
        assert item in parsed.blocks["li"], item
    links = re.findall(r"\]\((https?://[^)]+)\)", body) + re.findall(
        r"^\d\. (https://\S+)", body, re.M
    )
    assert len(links) == 5
    for link in links:
        assert link in parsed.links


def test_article_responsibilities_link_to_their_definitions(site):
    links = read(site, "article.html").links
    matrix = load_matrix(DATA)
    for resp in matrix.responsibilities:
        assert f"matrix/responsibilities.html#responsibility-{resp.id}" in links


def test_article_front_matter_is_used(site):
    text = page(site, "article.html")
    assert 'Published <span class="article-date">2 July 2024</span>' in text
    assert '<span class="article-tag">AI</span>, <span class="article-tag">LLM</span>' in text
    assert (
        '<meta name="description" content="Exploring the role of an AI Engineer: '
        'responsibilities, industry adoption, and self-reflection." />'
    ) in text


@pytest.mark.parametrize(("role_id", "name"), ROLE_PAGES.items())
def test_each_role_page_renders_its_data(site, role_id, name):
    matrix = load_matrix(DATA)
    role = matrix.role_by_id[role_id]
    parsed = read(site, name)
    assert f'id="role-{role_id}"' in page(site, name)
    assert role.summary.split()[0] in parsed.text
    for skill_id, expectation in matrix.expectations(role_id).items():
        skill, level = matrix.skill_by_id[skill_id], matrix.level_by_id[expectation.level]
        assert re.search(
            re.escape(skill.title) + r" .{0,80}" + re.escape(level.title), parsed.text
        ), (skill.title, level.title)
    for resp_id in role.responsibilities:
        assert matrix.responsibility_by_id[resp_id].title in parsed.blocks["li"][0] + " ".join(
            parsed.blocks["li"]
        )
    assert "How it differs from its neighbours" in parsed.text
    assert "Evidence" in parsed.text


def test_full_matrix_page_has_every_skill_and_responsibility(site):
    matrix = load_matrix(DATA)
    text = read(site, "matrix/index.html").text
    for item in (*matrix.skills, *matrix.responsibilities, *matrix.categories):
        assert item.title in text


def test_every_skill_says_whether_the_article_names_it(site):
    import json

    matrix = load_matrix(DATA)
    assert {s.origin for s in matrix.skills} == {"source", "synthesis"}
    published = json.loads(page(site, "skills-matrix.json"))
    assert {s["id"]: s["origin"] for s in published["skills"]} == {
        s.id: s.origin for s in matrix.skills
    }
    text = read(site, "matrix/skills.html").text
    for skill in matrix.skills:
        entry = text[text.index(skill.title) :]
        said = {o: entry.find(origin_words(o)) % len(entry) for o in ("source", "synthesis")}
        assert min(said, key=said.get) == skill.origin, skill.id


def test_landing_page_cards(site):
    text = page(site, "index.html")
    for target in (
        "article.html",
        "roles/index.html",
        "matrix/index.html",
        "am-i-an-ai-engineer.html",
        "reference/index.html",
    ):
        assert f'href="{target}"' in text
    assert text.count("sd-card ") >= 5


def test_the_articles_question_is_answered_by_the_matrix(site):
    matrix = load_matrix(DATA)
    profile = load_profile(PROJECT / "docs" / "_data" / "profiles" / "article-author.yaml", matrix)
    [fit] = assess(matrix, profile, role="ai-engineer").roles
    from skills_matrix.assessment import percent
    from skills_matrix.wording import verdict

    text = read(site, "am-i-an-ai-engineer.html").text
    assert f"AI Engineer {percent(fit.fit)} {verdict(fit)} {fit.met} of {fit.expected}" in text
    assert "yes" in text
    # the article's words as the evidence of each level
    assert "I've deployed things on AWS, Azure, OpenShift." in text
    # the author's answer, said of the author; the reader's own is one link away, first
    assert "Where the article's author stands:" in text and "Where you stand" not in text
    assert "your aim" not in text and "the next role for you" not in text
    assert text.index("this page answers for the article's author") < text.index(
        "Where the article's"
    )


def test_theme_features(site):
    text = page(site, "roles/ai-engineer.html")
    assert "edit/main/docs/roles/ai-engineer.md" in text  # edit-this-page
    assert "<title>AI Engineer &#8212; What is an AI Engineer?</title>" in text
    assert (site[2] / "searchindex.js").is_file()
    index = (site[2] / "searchindex.js").read_text(encoding="utf-8")
    assert "evangel" in index


def test_no_sidebar_offers_an_empty_section_navigation(site):
    html = site[2]
    empty = []
    for path in sorted(html.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found = re.search(r'aria-label="Section Navigation"(.*?)</nav>', text, re.S)
        if found and "<a " not in found.group(1):
            empty.append(str(path.relative_to(html)))
    assert empty == []


def test_the_projects_matrix_validates_strictly():
    from skills_matrix.cli import main

    assert main(["validate", str(DATA), "--strict"]) == 0


def test_the_site_as_an_epub_passes_epubcheck(tmp_path):
    """The book is built strictly and epubcheck (Debian's) finds no error: the matrix's
    stylesheet and scripts are packed with the pages that use them."""
    import subprocess
    from pathlib import Path

    from sphinx.cmd.build import build_main

    from .conftest import need_program

    java = need_program("java", "to run epubcheck (apt-get install epubcheck)")
    jar = Path("/usr/share/java/epubcheck.jar")
    if not jar.exists():
        need_program("epubcheck", "to check the EPUB (apt-get install epubcheck)")
    out = tmp_path / "epub"
    args = ["-b", "epub", "-nW", "--keep-going", "-q", "-c", str(PROJECT / "conf")]
    args += [str(PROJECT / "docs"), str(out), "-d", str(tmp_path / "doctrees")]
    assert build_main(args) == 0
    [book] = out.glob("*.epub")
    done = subprocess.run([java, "-jar", str(jar), str(book)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 fatals / 0 errors" in done.stdout + done.stderr
    # the book has no form: its worksheet shows even where a reader runs scripts, and it says
    # nothing of answers computed as you go or kept in a browser
    page = (out / "assess-yourself.xhtml").read_text(encoding="utf-8")
    assert re.search(r'class="[^"]*sm-self-assessment[^"]*sm-book', page)
    assert "computed as you answer" not in page and "kept in this browser" not in page
    assert "Tick your level in each skill" in page
