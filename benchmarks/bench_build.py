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


def build(project: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-E",
            "-q",
            *extra,
            str(project),
            str(project / "_build"),
        ],
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"# {platform.processor() or platform.machine()}, {platform.python_version()}, "
        f"runs={args.runs}, median seconds of a full html build"
    )
    print("| skills × responsibilities | generated | by hand | ratio |")
    print("| --- | --- | --- | --- |")
    medians = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            generated, by_hand, _ = write_projects(Path(tmp), size)
            times: dict[str, list[float]] = {"generated": [], "by hand": []}
            for _ in range(args.runs):
                times["generated"].append(build(generated))
                times["by hand"].append(build(by_hand))
            gen, hand = (statistics.median(times[k]) for k in ("generated", "by hand"))
            medians[size] = gen
            print(f"| {size} × 20 | {gen:.2f} | {hand:.2f} | {gen / hand:.2f}× |", flush=True)
    if 1000 in medians and 5000 in medians:
        print(
            f"\ngrowth of the generated build from 1000 to 5000 skills: "
            f"{medians[5000] / medians[1000]:.2f}×"
        )


if __name__ == "__main__":
    main()
