"""Lighthouse on the site's own pages, served compressed as a CDN serves them.

Builds the site (``sphinx-build -c conf docs``), serves it on 127.0.0.1 with gzip for text, and
runs Lighthouse (pinned in ``.ci/package.json``; ``npm ci --prefix .ci`` installs it) against
Debian's Chromium (``CHROME_PATH``) with its default mobile preset: a slow phone on a slow
network, simulated. Each page is measured RUNS times; the median performance score is printed
with that run's figures. Prints figures; asserts nothing.

    python benchmarks/bench_lighthouse.py [--runs 3] [--pages index article ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from serving import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".ci" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = ["index", "article", "matrix/index", "roles/ai-engineer", "assess-yourself"]


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=performance,accessibility",
         "--chrome-flags=--headless=new --no-sandbox"],
        check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
    )  # fmt: skip
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "FCP": audits["first-contentful-paint"]["numericValue"],
        "LCP": audits["largest-contentful-paint"]["numericValue"],
        "TBT": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
    }


def report(base: str, pages: list[str], runs: int, tmp: Path) -> None:
    """Print a line per page: the median performance score of *runs*, with that run's figures."""
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"# Lighthouse {version}, mobile preset, {CHROMIUM}, gzip, median of {runs}")
    print("| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS |")
    print("|---|---|---|---|---|---|---|")
    for page in pages:
        results = [lighthouse(f"{base}/{page}.html", tmp / "report.json") for _ in range(runs)]
        results.sort(key=lambda run: run["performance"])
        mid = results[len(results) // 2]
        cls = max(run["CLS"] for run in results)
        print(
            f"| {page} | {mid['performance']} (min {results[0]['performance']}) "
            f"| {min(run['accessibility'] for run in results)} | {mid['FCP']:.0f} "
            f"| {mid['LCP']:.0f} | {mid['TBT']:.0f} | {cls:.3f} (worst) |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", default=PAGES)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run 'npm ci --prefix .ci' (nox -s bench does)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "html"
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-c", str(ROOT / "conf"), str(ROOT / "docs"),
             str(out)],
            check=True, capture_output=True,
        )  # fmt: skip
        with serve(out, compress=True) as base:
            report(base, args.pages, args.runs, Path(tmp))


if __name__ == "__main__":
    main()
