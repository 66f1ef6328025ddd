"""Profiles in and out of the self-assessment, in Chromium: a file that cannot be read changes
nothing and says where it is wrong; an exported profile goes through the command line and
back in unchanged, whatever its name holds."""

from __future__ import annotations

import pytest

from skills_matrix.reading import load_matrix, load_profile

from .browsing import open_page
from .conftest import PROJECT

pytestmark = pytest.mark.site

DATA = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
AWKWARD_NAME = 'Ada "the" O\'Neil #1: lead'


def state(page) -> tuple:
    answers = page.evaluate(
        "[...document.querySelectorAll('.sm-form select')].map((s) => [s.id, s.value])"
    )
    stored = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    return answers, page.input_value("#sm-profile-name"), stored


def test_a_file_that_cannot_be_read_changes_nothing(site, browser, tmp_path):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    page.select_option("#sm-skill-python", "expert")
    page.fill("#sm-profile-name", "Before")
    before = state(page)
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 2\nskills:\n  python: [working\n", encoding="utf-8")
    page.set_input_files("#sm-import", str(broken))
    page.wait_for_function(
        "document.querySelector('.sm-status')?.textContent.includes('Nothing was imported')"
    )
    said = page.inner_text(".sm-status")
    assert "broken.yaml" in said and "not valid YAML" in said, said
    assert "line 4, column 1" in said, said  # where js-yaml stopped: the end of the file
    assert state(page) == before
    not_a_profile = tmp_path / "list.yaml"
    not_a_profile.write_text("- python\n", encoding="utf-8")
    page.set_input_files("#sm-import", str(not_a_profile))
    page.wait_for_function("document.querySelector('.sm-status')?.textContent.includes('list')")
    assert "does not hold a mapping" in page.inner_text(".sm-status")
    assert state(page) == before
    assert problems == []


def test_export_command_line_import_round_trip_an_awkward_name(site, browser, tmp_path):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    page.select_option("#sm-skill-python", "working")
    page.select_option("#sm-skill-llm-frameworks", "-")  # assessed: none yet
    page.fill("#sm-profile-name", AWKWARD_NAME)
    with page.expect_download() as download:
        page.click("text=Export profile (YAML)")
    exported = tmp_path / "profile.yaml"
    download.value.save_as(exported)
    profile = load_profile(exported, load_matrix(DATA))
    assert profile is not None and profile.name == AWKWARD_NAME
    assert profile.skills == {"python": "working", "llm-frameworks": None}

    fresh, _ = open_page(browser, base + "assess-yourself.html")  # nothing saved there
    fresh.wait_for_selector(".sm-ready")
    fresh.set_input_files("#sm-import", str(exported))
    fresh.wait_for_function("document.querySelector('.sm-status')?.textContent.includes('Imp')")
    assert fresh.input_value("#sm-profile-name") == AWKWARD_NAME
    assert fresh.input_value("#sm-skill-python") == "working"
    assert fresh.input_value("#sm-skill-llm-frameworks") == "-"
    assert problems == []


def aim_of(page) -> str:
    return page.input_value("#sm-aim")


def test_a_chosen_aim_survives_reload_export_import_and_a_link(site, browser, tmp_path):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    assert aim_of(page) == "ai-engineer"  # the page's :aim:
    page.select_option("#sm-skill-python", "expert")
    page.select_option("#sm-aim", "ml-engineer")
    assert "Working towards: Machine Learning Engineer, your aim" in page.inner_text(".sm-answer")
    page.reload()
    page.wait_for_selector(".sm-ready")
    assert aim_of(page) == "ml-engineer"  # kept with the answers
    assert "Working towards: Machine Learning Engineer, your aim" in page.inner_text(".sm-answer")

    with page.expect_download() as download:
        page.click("text=Export profile (YAML)")
    exported = tmp_path / "profile.yaml"
    download.value.save_as(exported)
    profile = load_profile(exported, load_matrix(DATA))
    assert profile is not None and profile.aim == "ml-engineer"  # the profile's aim

    fresh, _ = open_page(browser, base + "assess-yourself.html")
    fresh.wait_for_selector(".sm-ready")
    assert aim_of(fresh) == "ai-engineer"
    fresh.set_input_files("#sm-import", str(exported))
    fresh.wait_for_function("document.querySelector('.sm-status')?.textContent.includes('Imp')")
    assert aim_of(fresh) == "ml-engineer"

    page.click("text=Copy a link to these answers")
    link = page.input_value(".sm-share")
    assert "aim=ml-engineer" in link
    shared, _ = open_page(browser, link)
    shared.wait_for_selector(".sm-ready")
    assert aim_of(shared) == "ml-engineer"
    assert shared.input_value("#sm-skill-python") == "expert"
    assert problems == []


def test_a_profile_without_an_aim_keeps_the_pages_aim(site, browser, tmp_path):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    assert aim_of(page) == "ai-engineer"  # the page's :aim:
    profile = tmp_path / "no-aim.yaml"
    profile.write_text("version: 2\nname: Bo\nskills: {python: expert}\n", encoding="utf-8")
    page.set_input_files("#sm-import", str(profile))
    page.wait_for_function("document.querySelector('.sm-status')?.textContent.includes('Imp')")
    assert aim_of(page) == "ai-engineer"
    assert page.input_value("#sm-skill-python") == "expert"
    assert problems == []


def test_an_unknown_aim_in_a_link_or_saved_state_is_ignored_and_said(site, browser):
    _, base = site
    page, problems = open_page(
        browser, base + "assess-yourself.html#answers=python:expert&aim=nobody"
    )
    page.wait_for_selector(".sm-ready")
    assert aim_of(page) == "ai-engineer"
    said = page.inner_text(".sm-status")
    assert '"nobody" names no role of this matrix; it was ignored' in said, said
    page.click("text=Keep these answers")  # a link's answers are kept only when asked to
    key = page.evaluate(
        "Object.keys(localStorage).find((k) => k.startsWith('skills-matrix:answers:'))"
    )
    page.evaluate(
        "([key]) => localStorage.setItem(key, JSON.stringify({answers: {}, aim: 'gone'}))", [key]
    )
    page.goto(base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    assert aim_of(page) == "ai-engineer"
    assert '"gone" names no role' in page.inner_text(".sm-status")
    assert problems == []
