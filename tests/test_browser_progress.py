"""In Chromium: answers saved on an earlier day, and the change since, in the words of
``skills-matrix progress``; "Save today's answers" keeps one snapshot a day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from skills_matrix.profile import Profile
from skills_matrix.progress import progress
from skills_matrix.reading import load_matrix
from skills_matrix.wording import step_words

from .browsing import open_page
from .conftest import PROJECT

pytestmark = pytest.mark.site

KEY = "skills-matrix:answers:/skills-matrix.json:snapshots"
BEFORE = {"python": "working", "prompt-engineering": "practitioner"}
NOW = {"python": "practitioner"}


def test_the_change_since_the_last_saved_answers(site, browser):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    assert page.locator(".sm-since").is_hidden()
    snapshot = [{"date": "2026-01-15", "answers": BEFORE, "aim": ""}]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(snapshot)])
    page.reload()
    page.wait_for_selector(".sm-ready")
    for skill, level in NOW.items():
        page.select_option(f"#sm-skill-{skill}", level)
    today = page.evaluate("SkillsMatrixProfile.isoDate(new Date())")
    said = page.inner_text(".sm-since")
    matrix = load_matrix(PROJECT / "docs" / "_data" / "skills-matrix.yaml")
    aim = page.input_value("#sm-aim") or None
    answers = {**NOW}  # what the page holds: the answers given since it was cleared
    profiles = [Profile(BEFORE, date="2026-01-15"), Profile(answers, date=today)]
    (step,) = progress(matrix, profiles, aim=aim).steps
    assert said == "Since your saved answers: " + step_words(matrix, step)
    assert f"2026-01-15 → {today}: raised Python (Working → Practitioner); lowered Prompt" in said
    save = page.get_by_role("button", name="Save today's answers")
    words = page.inner_text("#" + save.get_attribute("aria-describedby"))
    assert "keeps a dated copy" in words and "what changed since" in words
    save.click()
    kept = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert [s["date"] for s in kept] == ["2026-01-15", today]
    assert kept[-1]["answers"] == NOW
    page.get_by_role("button", name="Save today's answers").click()  # again today: replaced
    assert len(json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))) == 2
    assert "replaced" in page.inner_text(".sm-status")
    assert problems == []
    assert dt.date.fromisoformat(today)  # the page's own date, as a profile writes it
