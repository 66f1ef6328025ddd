"""Incremental and parallel builds of a site whose data is used by some pages only.

Counts the documents each rebuild re-reads (a no-op rebuild must read none, a data edit
exactly the pages that use the data), and times ``-j 2`` against a serial build. Prints
figures; asserts nothing.

    python benchmarks/bench_incremental.py [--skills 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sphinx.application import Sphinx

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import matrix_yaml  # noqa: E402

USERS = [f"matrix{i}" for i in range(4)]
OTHERS = [f"prose{i}" for i in range(8)]
OPTIONS = ["", ":role: role-0", ":category: cat-1", ":responsibilities: resp-1, resp-2"]


def make_site(root: Path, skills: int) -> Path:
    (root / "_data").mkdir(parents=True)
    (root / "_data" / "skills-matrix.yaml").write_text(matrix_yaml(skills), encoding="utf-8")
    (root / "conf.py").write_text(
        'extensions = ["myst_parser", "skills_matrix"]\nexclude_patterns = ["_build", "_data"]\n'
    )
    (root / "index.md").write_text(
        "# Site\n\n```{toctree}\n" + "\n".join(USERS + OTHERS) + "\n```\n"
    )
    for name, option in zip(USERS, OPTIONS, strict=True):
        (root / f"{name}.md").write_text(f"# {name}\n\n```{{skills-matrix}}\n{option}\n```\n")
    for name in OTHERS:
        (root / f"{name}.md").write_text(f"# {name}\n\n" + "Prose without data. " * 200 + "\n")
    return root


def build(src: Path, out: Path, parallel: int = 1, fresh: bool = False) -> tuple[float, list]:
    read: list[str] = []
    start = time.perf_counter()
    app = Sphinx(
        src,
        src,
        out,
        out / ".doctrees",
        "html",
        status=io.StringIO(),
        warning=io.StringIO(),
        freshenv=fresh,
        parallel=parallel,
    )
    app.connect("env-before-read-docs", lambda app, env, docs: read.extend(docs))
    app.build(force_all=fresh)
    return time.perf_counter() - start, sorted(read)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skills", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = make_site(Path(tmp, "site"), args.skills)
        out = Path(tmp, "out")
        seconds, read = build(src, out, fresh=True)
        print(f"first build: {len(read)} documents read, {seconds:.2f} s")
        seconds, read = build(src, out)
        print(f"no-op rebuild: {len(read)} documents read {read}, {seconds:.2f} s")
        data = src / "_data" / "skills-matrix.yaml"
        data.write_text(
            data.read_text().replace("title: Skill number 1\n", "title: Skill number one\n")
        )
        seconds, read = build(src, out)
        print(
            f"data edit: {len(read)} documents read {read}, {seconds:.2f} s "
            f"(the pages that use the data: {sorted(USERS)})"
        )
        serial, parallel = [], []
        for run in range(args.runs):
            serial.append(build(src, Path(tmp, f"s{run}"), fresh=True)[0])
            parallel.append(build(src, Path(tmp, f"p{run}"), parallel=2, fresh=True)[0])
        s, p = statistics.median(serial), statistics.median(parallel)
        print(
            f"full build, serial: {s:.2f} s; -j 2: {p:.2f} s ({p / s:.2f}×), median of {args.runs}"
        )


if __name__ == "__main__":
    main()
