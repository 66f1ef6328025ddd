"""``skills-matrix team`` on a large team against loading the same files: 1000 profiles of
1000 skills each. Whole processes, median of the runs; peak memory of each. Prints figures;
asserts nothing.

    python benchmarks/bench_team.py [--people 1000] [--skills 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import LEVELS, matrix_yaml  # noqa: E402

LOAD = (
    "import sys; from pathlib import Path; "
    "from skills_matrix.reading import load_matrix, load_profile; "
    "m = load_matrix(sys.argv[1]); "
    "[load_profile(p, m) for p in sorted(Path(sys.argv[2]).glob('*.yaml'))]"
)


def run(command: list[str]) -> tuple[float, float]:
    """Seconds, and the peak memory in MiB, of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--skills", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cli = shutil.which("skills-matrix") or str(Path(sys.executable).parent / "skills-matrix")
    rng = random.Random(3)  # noqa: S311 (test data)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp, "m.yaml")
        data.write_text(matrix_yaml(args.skills), encoding="utf-8")
        team = Path(tmp, "team")
        team.mkdir()
        for person in range(args.people):
            answers = [f"  skill-{s}: {rng.choice(LEVELS)}" for s in range(args.skills)]
            text = f"version: 1\nname: Person {person}\nskills:\n" + "\n".join(answers) + "\n"
            (team / f"p{person:05}.yaml").write_text(text, encoding="utf-8")
        loads, teams = [], []
        for _ in range(args.runs):
            loads.append(run([sys.executable, "-c", LOAD, str(data), str(team)]))
            teams.append(run([cli, "team", str(team), "--data", str(data), "--format", "json"]))
    load = statistics.median(s for s, _ in loads)
    assessed = statistics.median(s for s, _ in teams)
    print(f"# {platform.machine()}, Python {platform.python_version()}, runs={args.runs}")
    print("| people × skills | team | loading the files | ratio | peak memory: team | loading |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| {args.people} × {args.skills} | {assessed:.2f} s | {load:.2f} s | "
        f"{assessed / load:.2f}× | {max(m for _, m in teams):.0f} MiB | "
        f"{max(m for _, m in loads):.0f} MiB |"
    )


if __name__ == "__main__":
    main()
