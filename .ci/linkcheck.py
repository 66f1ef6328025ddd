"""Run Sphinx's link check within a time budget, then write a short Markdown report.

Sphinx's linkcheck can wait without end: a server that answers 429 with a numeric
Retry-After, again and again, is retried after each wait however long the waits add up to.
So the run is bounded here: when the budget is spent the check is stopped, and the report is
written from the results Sphinx had already written to output.json, saying so.

    python .ci/linkcheck.py [--outdir _build/linkcheck] [--budget 1200] [SPHINX ARGS...]

The report becomes a GitHub issue's body, so whatever comes from outside (reason phrases,
redirect targets, addresses) stands in code spans: no linked server can post mentions, links
or images there. Each cell, and the whole body, is capped; a cut says so.

Exit status: 0 no broken link, 1 broken links (or no result at all), 2 Sphinx failed.
With GITHUB_OUTPUT set, writes ``broken=true|false``, ``complete=true|false`` (false when the
budget stopped the check) and ``report=PATH`` there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

EXPLAINED = {
    r"https://www\.linkedin\.com/": (
        "LinkedIn answers automated requests with HTTP 999, which Sphinx would count as "
        "working whether or not the page exists; the site shows the day each posting was "
        "cited instead"
    ),
}
ORDER = ["broken", "timeout", "redirected", "ignored", "working", "unchecked"]
MAX_CELL = 300
"""Characters of one cell, before it is cut."""
MAX_BODY = 60_000
"""Characters of the whole report; GitHub refuses issue bodies over 65,536."""


def read_results(path: Path) -> list[dict]:
    """The results in Sphinx's output.json (one JSON object a line), as far as written."""
    if not path.exists():
        return []
    results = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            results.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut short when the check was stopped
    return results


def _cell(text: object) -> str:
    """*text* as a table cell that shows it and does nothing else: one line, capped, in a
    code span (inside which GitHub links no mention, address or image), pipes escaped."""
    text = " ".join(str(text).split())
    if not text:
        return "—"
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL] + f"… ({len(text) - MAX_CELL} characters more, cut)"
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def _reason(result: dict) -> str:
    for pattern, reason in EXPLAINED.items():
        if re.match(pattern, result.get("uri", "")):
            return reason
    return result.get("info") or ""


def report_markdown(
    results: list[dict],
    *,
    stopped_after: float | None = None,
    unchecked: list[str] | None = None,
) -> str:
    counts = Counter(r.get("status", "unknown") for r in results)
    lines = ["# Link check", ""]
    summary = ", ".join(f"{counts[s]} {s}" for s in ORDER if counts[s])
    lines.append(f"{len(results)} links checked: {summary or 'none'}.")
    if stopped_after is not None:
        lines += [
            "",
            f"**The check was stopped after {stopped_after:.0f} s**, its time "
            "budget. Links still waiting (for example on a server that keeps "
            "answering 429 Too Many Requests) have no result below and were not "
            "checked this time.",
        ]
        if unchecked:
            hosts = sorted({_host(uri) for uri in unchecked})
            lines += [
                "",
                f"{len(unchecked)} links were not checked, on "
                + ", ".join(_cell(host) for host in hosts)
                + ".",
            ]
    for status, heading in (
        ("broken", "Broken"),
        ("timeout", "Timed out"),
        ("redirected", "Redirected"),
        ("ignored", "Ignored"),
    ):
        rows = [r for r in results if r.get("status") == status]
        if not rows:
            continue
        what = "Why" if status == "ignored" else "Details"
        lines += [
            "",
            f"## {heading} ({len(rows)})",
            "",
            f"| Link | Page | {what} |",
            "| --- | --- | --- |",
        ]
        for r in sorted(rows, key=lambda r: (r.get("filename", ""), r.get("lineno", 0))):
            where = f"{r.get('filename', '?')}:{r.get('lineno', '?')}"
            lines.append(f"| {_cell(r.get('uri'))} | {_cell(where)} | {_cell(_reason(r))} |")
    return _capped(lines)


def _host(uri: str) -> str:
    """The host of *uri*, or ``?`` when it has none that can be read."""
    try:
        return urlsplit(uri).hostname or "?"
    except ValueError:  # "https://[x": not a usable address, yet it must not stop the report
        return "?"


def _capped(lines: list[str]) -> str:
    """The report, cut at a line to stay under :data:`MAX_BODY`, saying so when cut."""
    out, size = [], 0
    for index, line in enumerate(lines):
        if size + len(line) + 1 > MAX_BODY - 300:
            left = len(lines) - index
            out += [
                "",
                f"*The report was cut here: {left} more lines would pass GitHub's limit for "
                "an issue. The whole report is in the run's artifact.*",
            ]
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out) + "\n"


def all_links(doctrees: Path) -> list[str]:
    """Every external link of the documents (read before the check began), in order."""
    import pickle  # noqa: PLC0415 (only for the doctrees Sphinx itself just wrote)

    from docutils import nodes  # noqa: PLC0415

    found: dict[str, None] = {}
    for path in sorted(doctrees.glob("**/*.doctree")):
        doctree = pickle.loads(path.read_bytes())  # noqa: S301 (this run's own doctrees)
        for node in doctree.findall(nodes.reference):
            uri = node.get("refuri", "")
            if uri.startswith(("http://", "https://")):
                found[uri.split("#", 1)[0]] = None
    return list(found)


SPHINX = """\
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
from sphinx.cmd.build import main
sys.exit(main(sys.argv[1:]))
"""
"""sphinx-build, stopped by SIGINT even when started with SIGINT ignored: a command a shell
runs in the background without job control (``cmd &`` in a script) ignores SIGINT, and so
would Sphinx, which then never closed output.json and was killed with the results in its
buffer. (Python takes over SIGINT at start only when it is not ignored.)"""


def run_sphinx(args: list[str], budget: float) -> tuple[int | None, float | None]:
    """Run sphinx-build; return its exit status, or None and the budget when stopped."""
    process = subprocess.Popen([sys.executable, "-c", SPHINX, *args], start_new_session=True)
    try:
        return process.wait(timeout=budget), None
    except subprocess.TimeoutExpired:
        # SIGINT lets Sphinx close output.json with every result so far; SIGKILL if it won't.
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        return None, budget


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outdir", default="_build/linkcheck")
    parser.add_argument(
        "--budget",
        type=float,
        default=float(os.environ.get("LINKCHECK_BUDGET", 1200)),
        help="seconds before the check is stopped",
    )
    parser.add_argument("--confdir", default="conf")
    parser.add_argument("--srcdir", default="docs")
    args, sphinx_args = parser.parse_known_args(argv)
    outdir = Path(args.outdir)
    status, stopped = run_sphinx(
        ["-b", "linkcheck", "-q", "-c", args.confdir, args.srcdir, str(outdir), *sphinx_args],
        args.budget,
    )
    results = read_results(outdir / "output.json")
    unchecked = None
    if stopped is not None:
        checked = {r.get("uri", "").split("#", 1)[0] for r in results}
        unchecked = [uri for uri in all_links(outdir / ".doctrees") if uri not in checked]
    report = outdir / "report.md"
    outdir.mkdir(parents=True, exist_ok=True)
    try:
        text = report_markdown(results, stopped_after=stopped, unchecked=unchecked)
        broken = any(r.get("status") == "broken" for r in results) or not results
    except Exception as exc:  # noqa: BLE001 (whatever went wrong, the check must report)
        text = (
            "# Link check\n\nThe report could not be written from the results "
            f"({type(exc).__name__}); see the run's log. Counted as broken, so that this is "
            "looked at.\n"
        )
        broken = True
    report.write_text(text, encoding="utf-8")
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
            out.write(f"broken={'true' if broken else 'false'}\n")
            out.write(f"complete={'false' if stopped is not None else 'true'}\n")
            out.write(f"report={report}\n")
    print(f"link check report: {report}")
    if status not in (None, 0, 1):  # 1 is Sphinx's "broken links"
        return 2
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
