"""The site's pages agree with each other, with the article and with the matrix: the
article's words stay text, a responsibility written for the AI Engineer reads for every role
that shares it, the role the article's responsibilities describe expects every skill at their
core, the shared sources are cited once, each role page says what is the site's reading, and
the navigation names pages as they name themselves."""

from __future__ import annotations

import re

import pytest

from skills_matrix.reading import load_matrix

from .conftest import PROJECT

pytestmark = pytest.mark.site

DATA = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
ROLES = ["ai-engineer", "ai-implementation-engineer", "generative-ai-engineer", "ml-engineer",
         "full-stack-engineer"]  # fmt: skip


def html(site, name: str) -> str:
    out, _ = site
    return (out / name).read_text(encoding="utf-8")


def words(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def test_the_articles_responsibility_names_are_text_not_code(site):
    article = html(site, "article.html")
    named = re.findall(r"<strong>(.*?)</strong>", article, re.S)
    links = [n for n in named if "responsibility-" in n]
    assert len(links) == 5
    for markup in links:
        assert "<code" not in markup and 'class="pre"' not in markup, markup


def test_a_responsibility_reads_for_every_role_that_shares_it(site):
    matrix = load_matrix(DATA)
    for role in ROLES:
        if role == "ai-engineer":
            continue
        text = words(html(site, f"roles/{role}.html"))
        assert "An AI Engineer is" not in text, role
        for rid in matrix.responsibilities_of(role):
            assert matrix.responsibility_by_id[rid].title in text, (role, rid)


def test_the_ai_engineer_expects_every_skill_core_to_its_responsibilities():
    """The article's five responsibilities are the AI Engineer's: a skill at the core of one
    of them that the role does not expect would contradict the page."""
    matrix = load_matrix(DATA)
    expected = set(matrix.expectations("ai-engineer"))
    own = set(matrix.responsibilities_of("ai-engineer"))
    core = {
        skill.id
        for skill in matrix.skills
        for rid, how in skill.supports.items()
        if rid in own and how == "core"
    }
    assert core - expected == set()


def test_a_role_defined_as_not_training_models_does_not_expect_it():
    matrix = load_matrix(DATA)
    page = (PROJECT / "docs" / "roles" / "generative-ai-engineer.md").read_text()
    assert "is not expected" in page and "model-training" in page
    assert "model-training" not in matrix.expectations("generative-ai-engineer")
    assert "adapt" not in matrix.role_by_id["generative-ai-engineer"].summary


def test_the_responsibilities_sources_are_cited_once(site):
    page = html(site, "matrix/responsibilities.html")
    matrix = load_matrix(DATA)
    urls = {source.url for r in matrix.responsibilities for source in r.sources}
    assert len(urls) == 3
    for url in urls:
        assert page.count(f'href="{url}"') == 1, url
    assert "Sources of every responsibility below" in page


def test_each_role_page_says_what_is_the_sites_reading(site):
    for role in ROLES:
        text = words(html(site, f"roles/{role}.html"))
        assert "This site's reading" in text, role
    # the pages agree about which roles the article names
    ai = words(html(site, "roles/ai-engineer.html"))
    assert "or not at all (Machine Learning Engineer, Full-stack Software Engineer)" in ai
    for neighbour in ("ml-engineer", "full-stack-engineer"):
        text = words(html(site, f"roles/{neighbour}.html"))
        assert "The article does not name this role" in text, neighbour


def test_the_navigation_names_pages_as_they_name_themselves(site):
    index = html(site, "index.html")
    nav = re.search(r'<ul class="bd-navbar-elements navbar-nav">(.*?)</ul>', index, re.S)
    assert nav, "no header navigation"
    links = r'<a class="nav-link[^"]*" href="([^"]+)"[^>]*>(.*?)</a>'
    entries = {href: words(label) for href, label in re.findall(links, nav.group(1), re.S)}
    assert "your-team.html" in entries  # the team page is a page of its own, not a reference
    assert entries["reference/index.html"] == "Reference"
    assert re.search(r"<h1>Reference", html(site, "reference/index.html"))
    # the two pages that answer the question say how they differ, each linking to the other
    assess = words(html(site, "assess-yourself.html"))
    assert "your own answer" in assess and "article author's answer" in assess
    assert 'href="assess-yourself.html"' in html(site, "am-i-an-ai-engineer.html")
    assert 'href="am-i-an-ai-engineer.html"' in html(site, "assess-yourself.html")
