"""The site's link-check settings and report, against an HTTP server on 127.0.0.1 that the
test starts: no network beyond this machine."""

from __future__ import annotations

import http.server
import importlib.util
import json
import runpy
import signal
import threading
import time
from collections import Counter

import pytest

from .conftest import PROJECT

pytestmark = pytest.mark.site  # the site's hosting, not the extension

spec = importlib.util.spec_from_file_location("linkcheck_ci", PROJECT / ".ci" / "linkcheck.py")
linkcheck = importlib.util.module_from_spec(spec)
spec.loader.exec_module(linkcheck)


class Handler(http.server.BaseHTTPRequestHandler):
    hits: Counter = Counter()
    asked: dict[str, list[float]] = {}
    """When each path was asked for (monotonic clock)."""
    answered: dict[str, float] = {}
    """When each path was last answered in full."""

    def log_message(self, *args):  # keep test output clean
        pass

    def _answer(self, body: bool) -> None:
        path = self.path
        Handler.hits[path] += 1
        Handler.asked.setdefault(path, []).append(time.monotonic())
        if path == "/ok":
            self._send(200, body=body)
        elif path == "/missing":
            self._send(404, body=body)
        elif path == "/redirect":
            self._send(302, {"Location": "/ok"}, body=body)
        elif path == "/rate-limited-once":
            if Handler.hits[path] == 1:
                self._send(429, {"Retry-After": "1"}, body=body)
            else:
                self._send(200, body=body)
        elif path == "/always-429":
            self._send(429, {"Retry-After": "2"}, body=body)
        elif path == "/slow":
            time.sleep(2.5)
            self._send(200, body=body)
        elif path.startswith(("/jobs/", "/nine-nine-nine")):
            self._send(999, body=body)  # what LinkedIn answers automated requests
        else:
            self._send(500, body=body)

    def _send(self, code: int, headers: dict | None = None, body: bool = True) -> None:
        try:
            self.send_response(code)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if body:
                self.wfile.write(b"ok")
            self.wfile.flush()
            Handler.answered[self.path] = time.monotonic()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_HEAD(self):  # noqa: N802
        self._answer(body=False)

    def do_GET(self):  # noqa: N802
        self._answer(body=True)


@pytest.fixture
def server():
    Handler.hits, Handler.asked, Handler.answered = Counter(), {}, {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def site_settings() -> dict:
    """The linkcheck_* settings of the real site's conf.py."""
    conf = runpy.run_path(str(PROJECT / "conf" / "conf.py"))
    return {k: v for k, v in conf.items() if k.startswith("linkcheck_")}


def project(tmp_path, base: str, paths: list[str], **overrides) -> tuple:
    src = tmp_path / "src"
    src.mkdir()
    settings = site_settings() | overrides
    settings["linkcheck_ignore"] = [*settings["linkcheck_ignore"], base + "/jobs/"]
    (src / "conf.py").write_text("".join(f"{k} = {v!r}\n" for k, v in settings.items()))
    (src / "index.rst").write_text(
        "Links\n=====\n\n" + "".join(f"* `{path} <{base}{path}>`_\n" for path in paths)
    )
    return src, tmp_path / "out"


def statuses(out) -> dict:
    return {
        r["uri"].split(":", 2)[2].split("/", 1)[1]: r
        for r in linkcheck.read_results(out / "output.json")
    }


def test_site_settings_for_this_content():
    settings = site_settings()
    assert settings["linkcheck_report_timeouts_as_broken"] is True
    assert settings["linkcheck_retries"] >= 2
    assert any("linkedin" in pattern for pattern in settings["linkcheck_ignore"])


def test_statuses_written_to_output_json(server, tmp_path):
    paths = [
        "/ok",
        "/missing",
        "/redirect",
        "/rate-limited-once",
        "/slow",
        "/jobs/1",
        "/nine-nine-nine",
    ]
    src, out = project(tmp_path, server, paths, linkcheck_timeout=1, linkcheck_retries=2)
    code = linkcheck.main(
        ["--outdir", str(out), "--confdir", str(src), "--srcdir", str(src), "--budget", "60"]
    )
    found = statuses(out)
    assert found["ok"]["status"] == "working"
    assert found["missing"]["status"] == "broken" and found["missing"]["code"] == 0
    assert "404" in found["missing"]["info"]
    assert (found["redirect"]["status"], found["redirect"]["code"]) == ("redirected", 302)
    assert found["rate-limited-once"]["status"] == "working"
    assert Handler.hits["/rate-limited-once"] >= 2  # waited as asked, then checked again
    assert found["slow"]["status"] == "broken" and "timed out" in found["slow"]["info"]
    assert Handler.hits["/slow"] == 2  # a timeout is retried, as configured
    assert found["jobs/1"]["status"] == "ignored"
    assert Handler.hits["/jobs/1"] == 0
    # Why LinkedIn-like links are ignored: Sphinx counts HTTP 999 as working.
    assert found["nine-nine-nine"]["status"] == "working"
    assert code == 1
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "7 links checked: 2 broken, 1 redirected, 1 ignored, 3 working." in report
    assert "## Broken (2)" in report and "## Ignored (1)" in report


def test_endless_rate_limit_is_bounded_and_still_reported(server, tmp_path, monkeypatch):
    src, out = project(tmp_path, server, ["/ok", "/always-429"])
    outputs = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    budget = 6

    def spent() -> bool:
        """The budget's moment, by events rather than by the clock (a busy machine may take
        longer than the budget just to start Sphinx): /always-429 asked again a second after
        /ok was answered, so Sphinx has taken /ok's result in. Not "/ok asked": Sphinx's
        queue takes /always-429 first, and when its 429 comes back before a worker takes /ok,
        /ok waits out the same Retry-After (one host) and is asked together with the next
        /always-429, its result not yet taken in."""
        ok = Handler.answered.get("/ok")
        return ok is not None and any(t >= ok + 1 for t in Handler.asked.get("/always-429", []))

    class Budgeted(linkcheck.subprocess.Popen):
        def wait(self, timeout=None):
            if timeout != budget:
                return super().wait(timeout)
            deadline = time.monotonic() + 120
            while not spent() and time.monotonic() < deadline:
                if self.poll() is not None:
                    return self.returncode
                time.sleep(0.05)
            raise linkcheck.subprocess.TimeoutExpired(self.args, timeout)

    monkeypatch.setattr(linkcheck.subprocess, "Popen", Budgeted)
    # started as a script's background command is: with SIGINT ignored, which Sphinx inherits
    ignored = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        code = linkcheck.main(
            ["--outdir", str(out), "--confdir", str(src), "--srcdir", str(src), "--budget", "6"]
        )
    finally:
        signal.signal(signal.SIGINT, ignored)
    assert Handler.hits["/always-429"] >= 2  # Sphinx kept obeying Retry-After
    found = statuses(out)
    assert found["ok"]["status"] == "working" and "always-429" not in found
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "**The check was stopped after 6 s**" in report
    assert "1 links were not checked, on `127.0.0.1`." in report
    assert code == 0
    # a stopped check is not complete: the workflow then keeps the issue open
    assert "complete=false" in outputs.read_text().splitlines()


def test_report_explains_linkedin_and_escapes_cells():
    results = [
        {
            "filename": "a.md",
            "lineno": 3,
            "status": "ignored",
            "code": 0,
            "info": "",
            "uri": "https://www.linkedin.com/jobs/view/1",
        },
        {
            "filename": "b.md",
            "lineno": 9,
            "status": "broken",
            "code": 0,
            "info": "404 | Not Found",
            "uri": "https://example.org/x",
        },
    ]
    report = linkcheck.report_markdown(results)
    assert "HTTP 999" in report
    assert "| `https://example.org/x` | `b.md:9` | `404 \\| Not Found` |" in report


def test_text_from_linked_servers_is_inert_in_the_issue():
    """A reason phrase or a redirect target comes from the linked server: whoever holds it
    (or buys an expired domain) must not post mentions, links or images in our issue."""
    hostile = "@maintainer see [here](https://evil.example) ![x](https://evil.example/t.png) `a``b`"
    results = [
        {"filename": "a.md", "lineno": 1, "status": "broken", "info": hostile, "uri": "https://x"},
        {"filename": "b.md", "lineno": 2, "status": "redirected", "info": "x" * 5000, "uri": "u"},
    ]
    report = linkcheck.report_markdown(results)
    row = next(line for line in report.splitlines() if line.startswith("| `https://x`"))
    cell = row.split(" | ")[2].rstrip(" |")
    # one code span, fenced longer than any run of backticks inside it
    assert cell == f"``` {hostile} ```"  # padded: it ends with a backtick
    long = next(line for line in report.splitlines() if line.startswith("| `u`"))
    assert "(4700 characters more, cut)" in long and len(long) < 400


def test_the_whole_report_stays_under_githubs_limit():
    results = [
        {
            "filename": "a.md",
            "lineno": n,
            "status": "broken",
            "info": "y" * 250,
            "uri": f"https://x/{n}",
        }
        for n in range(2000)
    ]
    report = linkcheck.report_markdown(results)
    assert len(report) < 65_536
    assert "The report was cut here" in report and "run's artifact" in report


def test_read_results_survives_a_cut_line(tmp_path):
    path = tmp_path / "output.json"
    path.write_text(json.dumps({"uri": "u", "status": "working"}) + '\n{"uri": "v", "sta')
    assert linkcheck.read_results(path) == [{"uri": "u", "status": "working"}]


def test_an_unreadable_address_left_unchecked_still_reports(tmp_path, monkeypatch):
    """A stopped check with 'https://[x' among the unchecked links wrote neither the report
    nor GITHUB_OUTPUT (urlsplit raised): the host is now '?'; and should building the report
    fail anyway, a short report still says so, counted as broken."""
    report = linkcheck.report_markdown([], stopped_after=5, unchecked=["https://[x"])
    assert "1 links were not checked, on `?`." in report

    def fails(*args, **kwargs):
        raise RuntimeError("boom")

    out = tmp_path / "out"
    outputs = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    monkeypatch.setattr(linkcheck, "run_sphinx", lambda args, budget: (0, None))
    monkeypatch.setattr(linkcheck, "report_markdown", fails)
    assert linkcheck.main(["--outdir", str(out)]) == 1
    assert "could not be written from the results (RuntimeError)" in (out / "report.md").read_text(
        encoding="utf-8"
    )
    assert "broken=true" in outputs.read_text().splitlines()


@pytest.mark.parametrize(
    "url",
    [
        "https://[x",
        'https://example.org/"',
        "https://example.org/<a>",
        "https://example.org/{x}",
        "https://example.org/a\\b",
        "https://example.org/`",
        "https://[::1x]/",
        "https://example.org:99999/",
    ],
)
def test_links_a_check_cannot_read_are_refused_when_validating(tmp_path, url):
    from skills_matrix.diagnostics import Diagnostics
    from skills_matrix.reading import load_matrix

    path = tmp_path / "m.yaml"
    path.write_text(
        json.dumps(
            {
                "version": 2,
                "levels": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                "skills": [{"id": "s", "title": "S", "links": [{"url": url}]}],
            }
        ),
        encoding="utf-8",
    )
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    assert [d.code for d in diagnostics.errors] == ["url"]
    assert "is not a usable link" in diagnostics.errors[0].message
