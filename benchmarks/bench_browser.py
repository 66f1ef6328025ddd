"""The self-assessment in Chromium at framework scale: a synthetic matrix of SKILLS skills and
ROLES roles, built with the extension and served on 127.0.0.1, opened in Debian's Chromium
(Playwright). Prints the time until the form is ready, and the median and worst time from
one answer to updated results (laid out), over ANSWERS answers. Prints figures; asserts
nothing.

    python benchmarks/bench_browser.py [--skills 1000] [--roles 50] [--answers 41]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from serving import serve  # noqa: E402
from synthetic import matrix_yaml  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
READY = """
window.__ready = null;
new MutationObserver((changes, observer) => {
  if (!document.querySelector(".sm-role")) return;
  window.__ready = performance.now();
  observer.disconnect();
}).observe(document, {subtree: true, childList: true});
"""
ANSWER = """([id, level]) => {
  const select = document.getElementById(id);
  const start = performance.now();
  select.value = level;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  document.body.offsetHeight;  // the results laid out
  return performance.now() - start;
}"""


def build(root: Path, skills: int, roles: int) -> Path:
    (root / "_data").mkdir(parents=True)
    (root / "_data" / "skills-matrix.yaml").write_text(
        matrix_yaml(skills, roles=roles), encoding="utf-8"
    )
    (root / "conf.py").write_text('extensions = ["myst_parser", "skills_matrix"]\n')
    (root / "index.md").write_text("# Assess yourself\n\n```{skills-self-assessment}\n```\n")
    out = root / "_build"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(root), str(out)],
        check=True,
        capture_output=True,
    )
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skills", type=int, default=1000)
    parser.add_argument("--roles", type=int, default=50)
    parser.add_argument("--answers", type=int, default=41)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = build(Path(tmp), args.skills, args.roles)
        with serve(out) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.add_init_script(READY)
            page.goto(base + "/index.html")
            page.wait_for_selector(".sm-role", timeout=120_000)
            ready = page.evaluate("window.__ready")
            levels = ["aware", "working", "practitioner", "expert"]
            times = [
                page.evaluate(ANSWER, [f"sm-skill-skill-{(i * 37) % args.skills}", levels[i % 4]])
                for i in range(args.answers)
            ]
            browser.close()
    print(f"# {args.skills} skills × {args.roles} roles, Chromium {CHROMIUM}")
    print(f"form ready: {ready:.0f} ms after navigation start")
    print(
        f"one answer to updated results: median {statistics.median(times):.1f} ms, "
        f"worst {max(times):.1f} ms ({len(times)} answers)"
    )


if __name__ == "__main__":
    main()
