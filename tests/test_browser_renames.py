"""In Chromium: answers saved in the browser outlive the matrix's next edition. A site rebuilt
with a skill, a level and a role renamed (``replaces``) shows the saved answers under the new
ids and says what was renamed; a share link with old ids does the same."""

from __future__ import annotations

import pytest
from sphinx.cmd.build import build_main

from skills_matrix.scaffold import new_project

from .browsing import open_page, serve

pytestmark = pytest.mark.site

RENAMES = [
    ("  - id: mentoring\n", "  - id: coaching\n    replaces: [mentoring]\n"),
    ("      mentoring:\n", "      coaching:\n"),
    (
        "  - {id: practitioner, title: Practitioner,",
        "  - {id: proficient, replaces: [practitioner], title: Practitioner,",
    ),
    ("      practitioner:\n", "      proficient:\n"),
    ("planning: practitioner", "planning: proficient"),
    ("{level: practitioner,", "{level: proficient,"),
    ("  - id: senior-engineer\n", "  - id: senior\n    replaces: [senior-engineer]\n"),
]


def build(project, out) -> None:
    assert build_main(["-q", "-E", "-b", "html", str(project / "docs"), str(out)]) == 0


def published_later(out) -> None:
    """Date every file of the rebuilt site a minute on, as the next edition's would be: the
    server's Last-Modified has a resolution of a second, and two builds within one second
    would let the browser keep the first edition's pages (304 Not Modified) on reload."""
    import os

    for path in out.rglob("*"):
        if path.is_file():
            stamp = path.stat().st_mtime + 60
            os.utime(path, (stamp, stamp))


def selected(page) -> dict:
    return dict(
        page.evaluate(
            "[...document.querySelectorAll('.sm-form select')].map((s) => [s.id, s.value])"
        )
    )


def test_saved_answers_and_links_outlive_a_rename(browser, tmp_path):
    project, out = tmp_path / "project", tmp_path / "site"
    new_project(project)
    build(project, out)
    with serve(out) as base:
        page, problems = open_page(browser, base + "assess.html")
        page.wait_for_selector(".sm-ready")
        page.select_option("#sm-skill-mentoring", "working")
        page.select_option("#sm-skill-planning", "practitioner")
        page.select_option("#sm-aim", "senior-engineer")
        data = project / "docs" / "_data" / "skills-matrix.yaml"
        text = data.read_text()
        for old, new in RENAMES:
            assert old in text, old
            text = text.replace(old, new)
        data.write_text(text)
        build(project, out)  # the next edition, at the same address
        published_later(out)
        page.reload()
        page.wait_for_selector(".sm-ready")
        answers = selected(page)
        assert "sm-skill-mentoring" not in answers
        assert answers["sm-skill-coaching"] == "working"
        assert answers["sm-skill-planning"] == "proficient"
        assert page.input_value("#sm-aim") == "senior"
        said = page.inner_text(".sm-status")
        assert said.startswith("From the answers saved in this browser: Renamed since: "), said
        for rename in (
            ("mentoring", "coaching"),
            ("practitioner", "proficient"),
            (
                "senior-engineer",
                "senior",
            ),
        ):
            assert '"{}" is now "{}"'.format(*rename) in said, said
        page.reload()  # saved again under the new ids: nothing more to say
        page.wait_for_selector(".sm-ready")
        assert selected(page) == answers
        assert "Renamed" not in page.inner_text(".sm-status")
        linked, link_problems = open_page(
            browser, base + "assess.html#answers=mentoring:practitioner&aim=senior-engineer"
        )
        linked.wait_for_selector(".sm-ready")
        assert selected(linked)["sm-skill-coaching"] == "proficient"
        assert linked.input_value("#sm-aim") == "senior"
        said = linked.inner_text(".sm-status")
        assert "Renamed since: " in said and '"mentoring" is now "coaching"' in said, said
        assert problems == link_problems == []
