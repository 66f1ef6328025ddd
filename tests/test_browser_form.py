"""The self-assessment as a reader meets it, in Chromium: the questions before the tools, no
verdict before an answer, the verdict in view while answering at every width; nothing lost or
dropped without a word (Clear has an undo; what an import or a link holds that the matrix does
not know is named); an export named after the person and the day."""

from __future__ import annotations

import datetime

import pytest

from skills_matrix.reading import load_matrix, load_profile

from .browsing import open_page
from .conftest import PROJECT

pytestmark = pytest.mark.site

DATA = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
WIDTHS = [390, 1024, 1280]


def form(browser, base, width, hash=""):
    page, problems = open_page(
        browser,
        base + "assess-yourself.html" + hash,
        viewport={"width": width, "height": 800},
    )
    page.wait_for_selector(".sm-ready")
    return page, problems


def said(page) -> str:
    return page.inner_text(".sm-status")


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_first_question_is_in_view_before_any_tool(site, browser, width):
    _, base = site
    page, problems = form(browser, base, width)
    first = page.locator(".sm-form select").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, box  # above the fold
    order = page.evaluate(
        """() => {
             const all = [...document.querySelectorAll('.sm-self-assessment select, '
                                                       + '.sm-self-assessment input')];
             return all.map((e) => e.id || e.className);
           }"""
    )
    assert order.index("sm-profile-name") > order.index(first.get_attribute("id")), order
    assert order.index("sm-import") > order.index(first.get_attribute("id")), order
    # no empty, unlabelled box: the link's field shows once there is a link
    assert not page.locator(".sm-share").is_visible()
    page.click("text=Import a profile, export or share your answers")
    assert page.locator("#sm-import").is_visible()
    assert problems == []


@pytest.mark.parametrize("width", WIDTHS)
def test_no_verdict_before_the_first_answer(site, browser, width):
    _, base = site
    page, problems = form(browser, base, width)
    results = page.inner_text(".sm-results")
    assert "No answers yet" in results
    assert "%" not in page.inner_text(".sm-answer")
    assert not page.locator(".sm-role").first.is_visible()
    assert not page.locator(".sm-ranking").is_visible()
    assert page.inner_text(".sm-summary").startswith("No answers yet")
    assert page.text_content(".sm-announce") == ""  # nothing to hear yet
    page.select_option("#sm-skill-python", "expert")
    assert page.locator(".sm-role").first.is_visible()
    assert page.inner_text(".sm-answer").startswith("Where you stand")
    assert problems == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_verdict_stays_in_view_while_answering_the_last_question(site, browser, width):
    _, base = site
    page, problems = form(browser, base, width)
    last = page.locator(".sm-form select").last
    last.scroll_into_view_if_needed()
    last.select_option("expert")
    summary = page.locator(".sm-summary")
    box = summary.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800, box
    text = summary.inner_text()
    assert text.startswith("Towards AI Engineer — "), text
    questions = page.locator(".sm-form select").count()
    assert questions > 20 and text.endswith(f"1 of {questions} skills answered"), text
    assert text.startswith(page.text_content(".sm-announce").rstrip("."))  # one verdict
    assert problems == []


def test_clear_can_be_undone_until_the_next_answer(site, browser):
    _, base = site
    page, problems = form(browser, base, 1280)
    page.select_option("#sm-skill-python", "expert")
    page.select_option("#sm-skill-llm-frameworks", "-")
    page.fill("#sm-profile-name", "Ada")
    page.select_option("#sm-aim", "ml-engineer")
    page.click("text=Clear answers")
    assert said(page) == "Cleared 2 answers and your name. Undo clear brings them back."
    assert page.input_value("#sm-skill-python") == ""
    assert page.input_value("#sm-profile-name") == ""
    assert page.input_value("#sm-aim") == "ai-engineer"  # the page's aim again
    page.click("text=Undo clear")
    assert said(page) == "Undone: 2 answers back."
    assert page.input_value("#sm-skill-python") == "expert"
    assert page.input_value("#sm-skill-llm-frameworks") == "-"
    assert page.input_value("#sm-profile-name") == "Ada"
    assert page.input_value("#sm-aim") == "ml-engineer"
    page.reload()
    page.wait_for_selector(".sm-ready")
    assert page.input_value("#sm-skill-python") == "expert"  # and saved again
    # an answer after Clear is new work: Undo would erase it, so it is gone
    page.click("text=Clear answers")
    page.select_option("#sm-skill-refactoring", "working")
    assert not page.locator(".sm-undo").is_visible()
    assert problems == []


def test_an_import_names_what_it_left_out(site, browser, tmp_path):
    _, base = site
    page, problems = form(browser, base, 1280)
    profile = tmp_path / "old.yaml"
    profile.write_text(
        "version: 2\nskills:\n  llm-framework: expert\n  python: guru\n  refactoring: working\n",
        encoding="utf-8",
    )
    page.set_input_files("#sm-import", str(profile))
    page.wait_for_function("document.querySelector('.sm-status')?.textContent.includes('Imp')")
    assert said(page) == (
        'Imported 1 answer from old.yaml. Left out: the skill "llm-framework" (not in this '
        'matrix); "python": the level "guru" (not in this matrix).'
    )
    assert page.input_value("#sm-skill-refactoring") == "working"
    assert page.input_value("#sm-skill-python") == ""
    assert problems == []


def test_a_link_names_what_it_left_out(site, browser):
    _, base = site
    link = "#answers=" + "%2C".join(
        ["python%3Aexpert", "llm-framework%3Aexpert", "bogus", "refactoring%3A"]
    )
    page, problems = form(browser, base, 390, link)
    assert said(page) == (
        "Loaded 1 answer from the link; nothing is kept in this browser until you choose. "
        'Left out: "bogus" (not skill:level); "refactoring:" (not '
        'skill:level); the skill "llm-framework" (not in this matrix).'
    )
    assert page.input_value("#sm-skill-python") == "expert"
    assert problems == []


def test_an_export_is_named_after_the_person_and_the_day(site, browser, tmp_path):
    _, base = site
    page, problems = form(browser, base, 1280)
    page.select_option("#sm-skill-python", "working")
    page.fill("#sm-profile-name", "Zoë O'Neil")
    today = page.evaluate(
        "(() => { const d = new Date();"
        " return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()"
    )
    day = datetime.date(*today).isoformat()
    with page.expect_download() as download:
        page.click("text=Export profile (YAML)")
    assert download.value.suggested_filename == f"profile-zoe-o-neil-{day}.yaml"
    exported = tmp_path / "exported.yaml"
    download.value.save_as(exported)
    profile = load_profile(exported, load_matrix(DATA))
    assert profile is not None and profile.date == day and profile.name == "Zoë O'Neil"
    page.fill("#sm-profile-name", "")
    with page.expect_download() as download:
        page.click("text=Export profile (YAML)")
    assert download.value.suggested_filename == f"profile-{day}.yaml"
    assert problems == []


@pytest.mark.parametrize("width", [390, 1280])
def test_level_descriptions_take_the_whole_width_and_links_stand_apart(site, browser, width):
    _, base = site
    page, problems = form(browser, base, width)
    page.locator(".sm-form select").first.select_option(index=1)
    levels = page.locator(".sm-skill-levels").first
    levels.locator("summary").click()
    row = page.locator(".sm-skill").first.bounding_box()
    box = levels.bounding_box()
    assert box["width"] >= 0.95 * row["width"], (box, row)
    matrix = load_matrix(DATA)
    shown = page.locator(".sm-next-steps > li")
    for index in range(shown.count()):
        step = shown.nth(index)
        title = step.inner_text().split(":")[0]
        skill = next(s for s in matrix.skills if s.title == title)
        links = step.locator(".sm-links > li")
        assert links.count() == len(skill.links)
        for n, link in enumerate(skill.links):
            assert links.nth(n).inner_text().startswith(link.title or link.url)
    assert problems == []


@pytest.mark.parametrize("width", [390, 1280])
def test_every_choice_is_as_tall_as_the_others(site, browser, width):
    _, base = site
    page, problems = form(browser, base, width)
    heights = page.eval_on_selector_all(
        ".sm-form .sm-skill > select", "(all) => all.map((s) => s.getBoundingClientRect().height)"
    )
    assert len(heights) > 10 and max(heights) - min(heights) < 1, sorted(set(heights))
    assert problems == []


def test_a_reload_returns_to_where_the_reader_was(site, browser):
    _, base = site
    page, problems = form(browser, base, 1280)
    question = page.locator(".sm-form select").nth(15)
    question.select_option(index=2)
    question.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    ident = question.get_attribute("id")
    before = question.evaluate("(el) => el.getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 500
    page.reload()
    page.wait_for_selector(".sm-ready")
    # the same question, where it stood on the screen
    page.wait_for_function(
        f"Math.abs(document.getElementById('{ident}').getBoundingClientRect().top - {before}) < 40"
    )
    assert problems == []
