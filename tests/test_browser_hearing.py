"""What a screen reader hears of the self-assessment, in Chromium: after an answer, the one
verdict line (announced only when it changes), not the whole results; each coverage figure
once, not again from its bar."""

from __future__ import annotations

import pytest

from .browsing import open_page

pytestmark = pytest.mark.site


def test_an_answer_announces_the_verdict_line_only(site, browser):
    _, base = site
    page, problems = open_page(browser, base + "assess-yourself.html")
    page.wait_for_selector(".sm-ready")
    live = page.evaluate(
        """() => [...document.querySelectorAll('.sm-self-assessment [aria-live], '
             + '.sm-self-assessment [role=status]')]
           .map((e) => [e.className, e.textContent.length])"""
    )
    # the verdict line and the import/export messages; nothing that holds the results
    assert sorted(name for name, _ in live) == ["sm-announce", "sm-status"], live
    page.select_option("#sm-skill-python", "expert")
    heard = page.text_content(".sm-announce")
    assert heard.startswith("Towards AI Engineer — ") and len(heard) < 120, heard
    summary = page.text_content(".sm-summary")
    assert summary.startswith(heard.rstrip("."))  # what a phone shows, said
    assert page.locator(".sm-announce").bounding_box()["width"] <= 1  # heard, not seen
    bars = page.evaluate(
        "[...document.querySelectorAll('.sm-coverage .sm-bar')]"
        ".map((b) => b.getAttribute('aria-hidden'))"
    )
    assert bars and set(bars) == {"true"}  # the line's text says the figure already
    assert problems == []
