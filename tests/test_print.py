"""Printed from Chromium, as a reader prints a page: no text is printed over other text (the
footer over the last table rows and legend was)."""

from __future__ import annotations

import re
import subprocess

import pytest

from .browsing import open_page
from .conftest import need_program

pytestmark = pytest.mark.site

PAGES = [
    "roles/full-stack-engineer.html",
    "roles/ai-engineer.html",
    "assess-yourself.html",
    "am-i-an-ai-engineer.html",
]
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words_by_page(pdf) -> list[list[tuple[float, float, float, float, str]]]:
    done = subprocess.run(
        [need_program("pdftotext", "reads the printed pages"), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        [(*map(float, m.groups()[:4]), m.group(5)) for m in WORD.finditer(page)]
        for page in done.stdout.split("<page ")[1:]
    ]


def overlapping(words) -> list[tuple[str, str]]:
    out = []
    for i, (x0, y0, x1, y1, a) in enumerate(words):
        for u0, v0, u1, v1, b in words[i + 1 :]:
            width, height = min(x1, u1) - max(x0, u0), min(y1, v1) - max(y0, v0)
            if width > 1 and height > 0.4 * min(y1 - y0, v1 - v0):
                out.append((a, b))
    return out


@pytest.mark.parametrize("name", PAGES)
def test_no_text_is_printed_over_text(site, browser, tmp_path, name):
    _, base = site
    page, problems = open_page(browser, base + name)
    if name.startswith("assess"):
        page.wait_for_selector(".sm-ready")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = words_by_page(pdf)
    assert len(pages) >= 1 and any("Copyright" in w[4] for w in pages[-1])
    found = {n + 1: overlapping(words) for n, words in enumerate(pages)}
    assert {n: pairs[:5] for n, pairs in found.items() if pairs} == {}
    assert problems == []


def printed_text(page, tmp_path) -> str:
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    done = subprocess.run(
        [need_program("pdftotext", "reads the printed pages"), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(done.stdout.split())


def test_a_blank_self_assessment_prints_the_worksheet(site, browser, tmp_path):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    blank = printed_text(page, tmp_path)
    assert "Tick your level in each skill" in blank
    assert "skills answered" not in blank  # not the form
    page.locator(".sm-form select").first.select_option(index=3)
    answered = printed_text(page, tmp_path)
    assert "skills answered" in answered and "Tick your level in each skill" not in answered
    # what the closed "What each level looks like" holds is printed
    hidden = page.locator(".sm-skill-levels").first.evaluate(
        "(d) => [...d.children].filter((c) => c.tagName !== 'SUMMARY').map((c) => c.innerText)"
        ".join(' ')"
    )
    assert " ".join(hidden.split())[:60] in answered
    assert problems == []


def test_a_printed_chart_keeps_its_caption_and_legible_words(site, browser, tmp_path):
    """A chart cannot split across pages: printed, its caption goes with it and it is drawn
    small enough to share a page, its words still print-sized (the author's chart left half
    a page blank, its caption alone at the foot)."""
    _, base = site
    page, problems = open_page(browser, base + "am-i-an-ai-engineer.html")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = [" ".join(w[4] for w in words) for words in words_by_page(pdf)]
    caption = next(n for n, said in enumerate(pages) if "author against AI Engineer" in said)
    assert "implementations" in pages[caption]  # the chart's second label, on the same page
    labels = [w for w in words_by_page(pdf)[caption] if w[4] == "implementations"]
    assert labels and all(y1 - y0 >= 6 for _, y0, _, y1, _ in labels)  # points high
    assert problems == []
