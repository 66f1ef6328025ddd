"""Shared by the browser tests: the real site built once per run and served on 127.0.0.1,
and headless Debian Chromium driven by Playwright. Without Chromium the tests skip, with the
reason; in CI (CI=true) they fail instead."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading

import pytest

from .conftest import missing

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need_browser():
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "Playwright for Python is not installed"
    if reason is None and not os.path.exists(CHROMIUM):
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if reason:
        missing(reason)


@pytest.fixture(scope="session")
def site(strict_site):
    """The project's site (built once a run, strictly), served on 127.0.0.1."""
    _need_browser()
    assert strict_site.code == 0, strict_site.warnings
    with serve(strict_site.html) as base:
        yield strict_site.html, base


@contextlib.contextmanager
def serve(folder):
    """A static server for *folder* on 127.0.0.1; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")  # closed before later modules run other programs
def browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser, url, mode="light", **options):
    context = browser.new_context(color_scheme=mode, accept_downloads=True, **options)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(url)
    return page, problems


def settled(page) -> None:
    """Wait until the browser has drawn two frames since now: what a scroll, a resize or a
    script changed is laid out and painted (a condition, not a fixed wait)."""
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


def pages(site) -> list[str]:
    out, _ = site
    return sorted(
        str(p.relative_to(out))
        for p in out.rglob("*.html")
        if "_static" not in p.parts and p.name != "404.html"
    )
