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
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".ci" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = ["index", "article", "matrix/index", "roles/ai-engineer", "assess-yourself"]
COMPRESSED = {"text/html", "text/css", "text/javascript", "application/javascript",
              "application/json", "image/svg+xml"}  # fmt: skip


class Compressing(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzip-compressed when the client accepts it."""

    def log_message(self, *_):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        squeeze = ctype.split(";")[0] in COMPRESSED and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        body = gzip.compress(body, 6) if squeeze else body
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if squeeze:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


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
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Compressing, directory=str(out))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        version = subprocess.run(
            [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
        print(f"# Lighthouse {version}, mobile preset, {CHROMIUM}, gzip, median of {args.runs}")
        print("| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS |")
        print("|---|---|---|---|---|---|---|")
        for page in args.pages:
            runs = [
                lighthouse(f"{base}/{page}.html", Path(tmp) / "report.json")
                for _ in range(args.runs)
            ]
            runs.sort(key=lambda run: run["performance"])
            mid = runs[len(runs) // 2]
            cls = max(run["CLS"] for run in runs)
            print(
                f"| {page} | {mid['performance']} (min {runs[0]['performance']}) "
                f"| {min(run['accessibility'] for run in runs)} | {mid['FCP']:.0f} "
                f"| {mid['LCP']:.0f} | {mid['TBT']:.0f} | {cls:.3f} (worst) |"
            )
            sys.stdout.flush()
        server.shutdown()


if __name__ == "__main__":
    main()
