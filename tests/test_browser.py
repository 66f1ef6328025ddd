"""The site in a real browser: headless Chromium driven by Playwright.

The self-assessment must compute what the command line computes; no page may log a console
error; axe-core must find no serious or critical accessibility violation, in light and dark
mode. The site, the server and the browser come from tests/browsing.py.
"""

from __future__ import annotations

import json

import pytest

from skills_matrix.assessment import percent
from skills_matrix.cli import main as cli
from skills_matrix.reading import load_matrix, load_profile

from .browsing import open_page, pages, serve, settled
from .conftest import PROJECT

pytestmark = pytest.mark.site

DATA = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
AUTHOR = PROJECT / "docs" / "_data" / "profiles" / "article-author.yaml"


def role_cards(page) -> dict:
    cards = {}
    for card in page.query_selector_all(".sm-role"):
        # the text in the page (a card out of view is not laid out, so it has no innerText)
        cards[card.get_attribute("data-role")] = card.text_content()
    return cards


def fill(page, skills: dict) -> None:
    for skill, level in skills.items():
        page.select_option(f"#sm-skill-{skill}", "-" if level is None else level)


def test_form_gives_what_the_command_line_gives(site, browser, capsys):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    matrix = load_matrix(DATA)
    profile = load_profile(AUTHOR, matrix)
    fill(page, profile.skills)
    # the page aims at AI Engineer (:aim: ai-engineer), as the command line's --aim does
    args = ["assess", str(AUTHOR), "--data", str(DATA), "--aim", "ai-engineer"]
    assert cli([*args, "--format", "json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    cards = role_cards(page)
    ranked = [link.get_attribute("href") for link in page.query_selector_all(".sm-ranking a")]
    assert ranked == [f"#sm-role-{role['id']}" for role in expected["roles"]]
    ranking = page.inner_text(".sm-ranking")
    for role in expected["roles"]:
        title = matrix.role_by_id[role["id"]].title
        assert f"{title}: {percent(role['fit'])}" in ranking
    # the cards stay where the matrix puts them: nothing moves under the reader
    order = [card.get_attribute("data-role") for card in page.query_selector_all(".sm-role")]
    assert order == [role.id for role in matrix.roles]
    for role in expected["roles"]:
        verdict = "fits" if role["fits"] else "does not fit"
        if role["missing_required"]:
            verdict += ": a required skill is missing"
        assert (
            f"{percent(role['fit'])} — {verdict} ({role['met']} of "
            f"{role['expected']} expected skills met)"
        ) in cards[role["id"]]
        for item in role["responsibilities"]:
            title = matrix.responsibility_by_id[item["id"]].title
            assert f"{title}: {percent(item['coverage'])}" in cards[role["id"]]
        gaps = len(role["gaps"])
        assert f"{gaps} gap{'' if gaps == 1 else 's'}" in cards[role["id"]]
    answer = page.inner_text(".sm-answer")
    standing = [matrix.role_by_id[r].title for r in expected["answer"]["standing"]]
    assert answer.startswith("Where you stand: " + (", ".join(standing) or "no role fits yet"))
    target = next(r for r in expected["roles"] if r["id"] == expected["answer"]["target"])
    assert f"Working towards: AI Engineer, your aim — {percent(target['fit'])}" in answer
    steps = [matrix.skill_by_id[s["skill"]].title for s in expected["answer"]["next_steps"]]
    shown = page.locator(".sm-next-steps > li").all_inner_texts()
    assert [line.split(":")[0] for line in shown] == steps
    assert page.input_value("#sm-aim") == "ai-engineer"
    # the command line's text says the same, in the same order
    assert cli(args) == 0
    text = capsys.readouterr().out
    assert text.index("Where you stand") < text.index("Working towards: AI Engineer")
    assert problems == []


def test_export_is_a_profile_the_command_line_reads(site, browser, tmp_path):
    _, base = site
    page, _ = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    page.set_input_files("#sm-import", str(AUTHOR))
    # the file is read asynchronously, and the import then sets the name from it: wait for it
    # (a busy machine once read it after the name below was typed)
    page.wait_for_function("document.querySelector('.sm-status')?.textContent.includes('Imp')")
    page.fill("#sm-profile-name", "Round trip")
    with page.expect_download() as download:
        page.click("text=Export profile (YAML)")
    exported = tmp_path / "profile.yaml"
    download.value.save_as(exported)
    matrix = load_matrix(DATA)
    again = load_profile(exported, matrix)
    assert again is not None and again.name == "Round trip"
    assert again.skills == load_profile(AUTHOR, matrix).skills


def test_not_assessed_and_none_yet_are_different_answers(site, browser, tmp_path):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    matrix = load_matrix(DATA)
    skill = matrix.skill_by_id["llm-frameworks"]
    fill(page, {"llm-frameworks": "working"})
    # the chosen level's descriptor for this skill, not the scale's general description
    assert page.inner_text("#sm-skill-llm-frameworks-hint") == skill.levels["working"].description
    assert page.locator(".sm-skill-levels").count() == len(matrix.skills)
    fill(page, {"llm-frameworks": None})
    assert page.inner_text("#sm-skill-llm-frameworks-hint") == "Assessed: none yet."
    assert page.locator('.sm-role[data-role="ai-engineer"] .sm-gaps').count() == 0  # unopened
    page.click('.sm-role[data-role="ai-engineer"] details summary')
    gaps = page.text_content('.sm-role[data-role="ai-engineer"] .sm-gaps')
    assert "LLM application frameworks: needs Practitioner, has none yet" in gaps
    assert "Prompt design: needs Practitioner, has not assessed" in gaps
    with page.expect_download() as download:
        page.click("text=Export profile (YAML)")
    exported = tmp_path / "profile.yaml"
    download.value.save_as(exported)
    assert "version: 2" in exported.read_text(encoding="utf-8")
    assert load_profile(exported, matrix).skills == {"llm-frameworks": None}
    assert problems == []


def test_reserved_words_as_skill_ids(browser, tmp_path):
    """Skills named like JavaScript's object methods work in the form like any other, and a
    saved state of the wrong shape is set aside with a notice instead of breaking the page."""
    from sphinx.cmd.build import build_main

    ids = ["constructor", "to-string", "value-of", "has-own-property"]
    source = tmp_path / "src"
    (source / "_data").mkdir(parents=True)
    (source / "conf.py").write_text('extensions = ["myst_parser", "skills_matrix"]\n')
    (source / "index.md").write_text("# Reserved\n\n```{skills-self-assessment}\n```\n")
    (source / "_data" / "skills-matrix.yaml").write_text(
        json.dumps(
            {
                "version": 2,
                "levels": [{"id": "low", "title": "Low"}, {"id": "high", "title": "High"}],
                "skills": [
                    {"id": i, "title": i.title(), "levels": {"high": f"{i} at its best"}}
                    for i in ids
                ],
                "roles": [{"id": "role", "title": "Role", "expects": dict.fromkeys(ids, "high")}],
            }
        )
    )
    out = tmp_path / "out"
    assert build_main(["-q", "-b", "html", str(source), str(out)]) == 0
    (out / "favicon.ico").write_bytes(b"")  # the default theme names none; Chromium asks
    with serve(out) as base:
        page, problems = open_page(browser, base + "index.html")
        page.wait_for_selector(".sm-ready")
        assert page.text_content('.sm-role[data-role="role"] .sm-fit').startswith("0%")
        fill(page, {"constructor": "high", "to-string": None, "value-of": "high"})
        assert page.inner_text("#sm-skill-constructor-hint") == "constructor at its best"
        assert page.text_content('.sm-role[data-role="role"] .sm-fit').startswith("50%")
        page.evaluate(
            "for (const k of Object.keys(localStorage)) localStorage.setItem(k, '[1, 2]')"
        )
        page.reload()
        page.wait_for_selector(".sm-ready")
        assert "could not be read; they were set aside" in page.inner_text(".sm-status")
        assert problems == []


def test_a_shared_link_never_replaces_saved_answers_without_asking(site, browser):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    fill(page, {"python": "expert"})
    assert page.inner_text(".sm-count") == f"1 of {len(load_matrix(DATA).skills)} skills answered"
    stored = page.evaluate("Object.assign({}, localStorage)")
    other = page.context.new_page()  # the same browser: the saved answers are there
    other.goto(base + "assess-yourself.html#answers=python:working,llm-frameworks:-")
    other.wait_for_selector(".sm-preview")
    assert other.input_value("#sm-skill-python") == "working"  # a preview of the link's
    assert other.evaluate("Object.assign({}, localStorage)") == stored
    other.click("text=Back to my saved answers")
    assert other.input_value("#sm-skill-python") == "expert"
    other.goto(base + "assess-yourself.html#answers=python:working")
    other.reload()
    other.wait_for_selector(".sm-preview")
    other.click("text=Keep these answers")
    [saved] = [
        json.loads(value)
        for key, value in other.evaluate("Object.entries(localStorage)")
        if key.startswith("skills-matrix:")
    ]
    assert saved["answers"] == {"python": "working"}
    assert other.locator(".sm-bar-line").count() >= 1  # where each role starts to fit
    assert problems == []


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_matrix_shows_every_row_and_keeps_its_header_in_view(site, browser, width):
    _, base = site
    page, problems = open_page(
        browser, base + "matrix/index.html", viewport={"width": width, "height": 800}
    )
    page.wait_for_selector(".skills-matrix-wrapper.sm-fits")
    sizes = page.evaluate(
        """() => { const t = document.querySelector('table.skills-matrix');
        const w = t.closest('.skills-matrix-wrapper');
        return {table: t.getBoundingClientRect().height, box: w.clientHeight,
                scrolls: w.scrollHeight > w.clientHeight + 1}; }"""
    )
    assert sizes["box"] >= sizes["table"] and not sizes["scrolls"]  # no box of its own
    page.evaluate("window.scrollBy(0, 1200)")
    page.wait_for_function("() => scrollY > 0")
    settled(page)
    header = page.evaluate("document.querySelector('.bd-header').getBoundingClientRect().bottom")
    top = page.evaluate(
        "document.querySelector('table.skills-matrix thead th').getBoundingClientRect().top"
    )
    assert abs(top - header) <= 1  # the header row stays just under the site's header
    assert problems == []


def test_on_a_phone_a_wide_table_scrolls_sideways_with_its_first_column(site, browser):
    _, base = site
    page, problems = open_page(
        browser, base + "matrix/index.html", viewport={"width": 390, "height": 800}
    )
    page.wait_for_load_state("load")  # the tables marked as fitting or not
    settled(page)
    moved = page.evaluate(
        """() => { const w = document.querySelector('.skills-matrix-wrapper');
        const box = w.querySelector('.pst-scrollable-table-container') || w;
        const scroller = box.scrollWidth > box.clientWidth ? box : w;
        const stub = w.querySelector('tbody th.stub');
        const before = stub.getBoundingClientRect().left;
        scroller.scrollLeft = 200;
        return {wide: scroller.scrollWidth > scroller.clientWidth,
                shifted: Math.abs(stub.getBoundingClientRect().left - before)}; }"""
    )
    assert moved["wide"] and moved["shifted"] <= 1
    assert problems == []


@pytest.mark.parametrize("width", [1024, 1280])
def test_an_in_page_link_lands_below_the_header(site, browser, width):
    _, base = site
    page, problems = open_page(
        browser, base + "roles/ai-engineer.html", viewport={"width": width, "height": 800}
    )
    page.wait_for_load_state("load")
    page.evaluate("location.hash = '#skills-by-responsibility'")  # as an in-page link does
    page.wait_for_function("() => scrollY > 0")
    settled(page)
    header = page.evaluate("document.querySelector('.bd-header').getBoundingClientRect().bottom")
    target = page.evaluate(
        "document.getElementById('skills-by-responsibility').getBoundingClientRect().top"
    )
    assert target >= header - 1, (target, header)
    assert problems == []


def test_answers_are_kept_and_shared(site, browser):
    _, base = site
    page, _ = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    fill(page, {"llm-frameworks": "expert", "python": "working"})
    page.reload()
    page.wait_for_selector(".sm-ready")
    assert page.input_value("#sm-skill-llm-frameworks") == "expert"
    page.click("text=Copy a link to these answers")
    link = page.input_value(".sm-share")
    assert "llm-frameworks%3Aexpert" in link or "llm-frameworks:expert" in link
    other, _ = open_page(browser, link)  # a new context: nothing in its storage
    other.wait_for_selector(".sm-ready")
    assert other.input_value("#sm-skill-python") == "working"
    # a friend's browser shows the link's answers, and keeps them only when asked to
    assert not [k for k in other.evaluate("Object.keys(localStorage)") if k.startswith("skills")]
    other.click("text=Keep these answers")
    assert [k for k in other.evaluate("Object.keys(localStorage)") if k.startswith("skills")]
    assert "#" not in other.url  # dealt with: a reload does not bring the link back
    # answers are keyed by a fingerprint of the matrix: none leak under another key
    keys = [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith("skills")]
    assert len(keys) == 1 and keys[0].startswith("skills-matrix:answers:")


def test_clear_then_reload_does_not_bring_a_links_answers_back(site, browser):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html#answers=python:expert")
    page.wait_for_selector(".sm-preview")
    page.click("text=Start with no answers")
    assert page.input_value("#sm-skill-python") == ""
    page.reload()
    page.wait_for_selector(".sm-ready")
    assert page.input_value("#sm-skill-python") == ""
    assert page.locator(".sm-preview").count() == 0
    page.goto(base + "assess-yourself.html#answers=python:expert")
    page.reload()
    page.wait_for_selector(".sm-preview")
    page.click("text=Import a profile, export or share your answers")
    page.click("text=Clear answers")
    page.reload()
    page.wait_for_selector(".sm-ready")
    assert page.input_value("#sm-skill-python") == ""
    assert problems == []


def test_operable_by_keyboard(site, browser):
    _, base = site
    page, _ = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    before = role_cards(page)
    page.focus("#sm-skill-llm-frameworks")
    for _ in range(5):  # past "None yet", down the scale to its top: Expert meets everything
        page.keyboard.press("ArrowDown")
    assert page.input_value("#sm-skill-llm-frameworks") == "expert"
    assert role_cards(page) != before


def test_without_javascript_the_page_says_what_it_needs(site, browser):
    _, base = site
    page, _ = open_page(browser, base + "assess-yourself.html", java_script_enabled=False)
    text = page.inner_text(".sm-self-assessment")
    assert "with JavaScript" in text and "skills-matrix assess PROFILE" in text
    assert page.locator(".sm-worksheet").is_visible()  # the form's place: a worksheet
    scripted, _ = open_page(browser, base + "assess-yourself.html")
    scripted.wait_for_selector(".sm-ready")
    assert not scripted.locator(".sm-worksheet").is_visible()


def test_no_console_errors_on_any_page(site, browser):
    _, base = site
    found = {}
    for name in pages(site):
        page, problems = open_page(browser, base + name)
        page.wait_for_load_state("networkidle")
        if problems:
            found[name] = problems
        page.context.close()
    assert found == {}


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_accessibility_violations(site, browser, mode):
    from axe_playwright_python.sync_playwright import Axe

    _, base = site
    axe = Axe()
    found = {}
    for name in pages(site):
        page, _ = open_page(browser, base + name, mode=mode)
        page.wait_for_load_state("networkidle")
        if name == "assess-yourself.html":
            page.wait_for_selector(".sm-ready")
        results = axe.run(page)
        serious = [
            v["id"]
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[name] = serious
        page.context.close()
    assert found == {}


def test_matrix_table_filters_by_category_and_role(site, browser):
    _, base = site
    page, problems = open_page(browser, base + "matrix/index.html")
    page.wait_for_selector(".sm-filters select")
    visible = "table.skills-matrix tbody tr:not([hidden])"
    everything = page.locator(visible).count()
    page.select_option(
        ".sm-filters label:has-text('Show category') select", label="Deployment and operations"
    )
    assert page.locator(visible).count() == 1 + 4  # the group row and its four skills
    page.select_option(".sm-filters label:has-text('Show category') select", "")
    matrix = load_matrix(DATA)
    page.select_option(
        ".sm-filters label:has-text('Show the skills of') select",
        label=matrix.role_by_id["ml-engineer"].title,
    )
    expected = len(matrix.role_by_id["ml-engineer"].expects)
    skills = page.locator(visible + ":not(.skills-matrix-group)").count()
    assert skills == expected < everything
    assert problems == []


def test_an_answer_rewrites_only_the_cards_it_changes(site, browser):
    """An answer touches the cards of the roles that expect its skill, and no other; no card
    is added, removed or moved."""
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    matrix = load_matrix(DATA)
    touched = {r.id for r in matrix.roles if "web-design" in matrix.expectations(r.id)}
    assert touched and touched != {r.id for r in matrix.roles}
    page.evaluate(
        """() => {
          window.__touched = new Set();
          window.__moved = 0;
          const results = document.querySelector(".sm-results");
          new MutationObserver((changes) => {
            for (const change of changes) {
              const node = change.target.nodeType === 1 ? change.target : change.target.parentNode;
              for (const moved of [...change.addedNodes, ...change.removedNodes]) {
                if (moved.classList && moved.classList.contains("sm-role")) window.__moved += 1;
              }
              const card = node.closest(".sm-role");
              if (card) window.__touched.add(card.dataset.role);
            }
          }).observe(results, {subtree: true, childList: true, characterData: true,
                               attributes: true});
        }"""
    )
    fill(page, {"web-design": "expert"})
    assert set(page.evaluate("[...window.__touched]")) == touched
    assert page.evaluate("window.__moved") == 0
    assert problems == []
