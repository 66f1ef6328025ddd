"""``skills-matrix validate`` against a bare ``yaml.safe_load`` of the same file.

Each is a whole Python process; runs alternate and the median is kept. Prints figures;
asserts nothing.

    python benchmarks/bench_validate.py [--sizes 1000 5000] [--runs 7]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import matrix_yaml  # noqa: E402

SAFE_LOAD = "import sys, yaml; yaml.safe_load(open(sys.argv[1], encoding='utf-8'))"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cli = shutil.which("skills-matrix") or str(Path(sys.executable).parent / "skills-matrix")
    print(
        f"# {platform.machine()}, Python {platform.python_version()}, runs={args.runs}, "
        "median seconds of a whole process"
    )
    print("| skills | validate | yaml.safe_load | ratio |")
    print("| --- | --- | --- | --- |")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp, "matrix.yaml")
            data.write_text(matrix_yaml(size), encoding="utf-8")
            validate, load = [], []
            for _ in range(args.runs):
                validate.append(timed([cli, "validate", str(data)]))
                load.append(timed([sys.executable, "-c", SAFE_LOAD, str(data)]))
            v, s = statistics.median(validate), statistics.median(load)
            print(f"| {size} | {v:.3f} | {s:.3f} | {v / s:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
