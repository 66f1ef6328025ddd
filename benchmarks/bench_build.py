"""Full build of a generated matrix page against the same table written by hand in MyST.

Each build is a whole ``sphinx-build -E`` process; runs alternate and the median is kept.
Prints figures; asserts nothing.

    python benchmarks/bench_build.py [--sizes 100 1000 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_projects  # noqa: E402

WRAPPER = (
    "import resource, sys; from sphinx.cmd.build import main; code = main(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def build(project: Path) -> tuple[float, int, float]:
    """Seconds and peak memory (KiB) of a whole ``sphinx-build -E`` process, and the seconds
    spent on the documents (reading to writing; Python and Sphinx starting up left out)."""
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            WRAPPER,
            "-b",
            "html",
            "-E",
            "-q",
            str(project),
            str(project / "_build"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = done.stderr.strip().splitlines()
    pages = float(next(line.split()[1] for line in lines if line.startswith("phase-timer")))
    return time.perf_counter() - start, int(lines[-1]), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"# {platform.processor() or platform.machine()}, {platform.python_version()}, "
        f"runs={args.runs}, median seconds of a full html build"
    )
    print(
        "| skills × responsibilities | whole process: generated | by hand | ratio "
        "| documents only: generated | by hand | ratio | peak memory: generated | by hand |"
    )
    print("| --- " * 9 + "|")
    medians = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            generated, by_hand, _ = write_projects(Path(tmp), size)
            runs: dict[str, list[tuple[float, int, float]]] = {"generated": [], "by hand": []}
            for _ in range(args.runs):
                for name, project in (("generated", generated), ("by hand", by_hand)):
                    runs[name].append(build(project))
            whole = {k: statistics.median(r[0] for r in v) for k, v in runs.items()}
            pages = {k: statistics.median(r[2] for r in v) for k, v in runs.items()}
            memory = {k: max(r[1] for r in v) / 1024 for k, v in runs.items()}
            medians[size] = whole["generated"]
            print(
                f"| {size} × 20 | {whole['generated']:.2f} s | {whole['by hand']:.2f} s "
                f"| {whole['generated'] / whole['by hand']:.2f}× | {pages['generated']:.2f} s "
                f"| {pages['by hand']:.2f} s | {pages['generated'] / pages['by hand']:.2f}× "
                f"| {memory['generated']:.0f} MiB | {memory['by hand']:.0f} MiB |",
                flush=True,
            )
    if 1000 in medians and 5000 in medians:
        print(
            f"\ngrowth of the generated build from 1000 to 5000 skills: "
            f"{medians[5000] / medians[1000]:.2f}×"
        )


if __name__ == "__main__":
    main()
