"""Hostile input, measured: what each costs before it is refused (or built). Prints figures;
asserts nothing (the tests assert only generous bounds).

    python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading import load_matrix
from skills_matrix.reading.files import read_yaml
from skills_matrix.reading.source import parse_yaml


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    print(f"# {platform.machine()}, Python {platform.python_version()}")
    print("| input | answer | seconds | peak memory |")
    print("| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        fifo = Path(tmp, "fifo.yaml")
        os.mkfifo(fifo)
        for name, path in (("/dev/zero", Path("/dev/zero")), ("a pipe", fifo)):
            diagnostics = Diagnostics()
            seconds, _ = timed(lambda p=path, d=diagnostics: read_yaml(p, d))
            print(f"| {name} | {diagnostics[0].message} | {seconds:.4f} | — |")
        text = "a: &a " + "x" * 1_000_000 + "\nb: [" + ", ".join(["*a"] * 600) + "]\n"
        diagnostics = Diagnostics()
        tracemalloc.start()
        seconds, _ = timed(lambda: parse_yaml(text, "f.yaml", diagnostics))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"| 1 MB repeated by 600 aliases | {diagnostics[0].message[:60]}… | "
            f"{seconds:.4f} | {peak / 2**20:.1f} MiB |"
        )
        data = {
            "version": 2,
            "levels": [{"id": "a", "title": "y" * 300}, {"id": "b", "title": "y" * 300}],
            "responsibilities": [{"id": "r", "title": "y" * 300}],
            "skills": [
                {"id": "s", "title": "y" * 300, "description": "x" * 64_000, "supports": {}}
            ],
        }
        path = Path(tmp, "m.yaml")
        path.write_text(json.dumps(data))
        diagnostics = Diagnostics()
        seconds, _ = timed(lambda: load_matrix(path, diagnostics))
        print(f"| a 64,000-character word | {diagnostics[0].code} error | {seconds:.4f} | — |")
        data["skills"][0]["description"] = "x" * 5_000
        src = Path(tmp, "src")
        (src / "_data").mkdir(parents=True)
        (src / "_data" / "skills-matrix.yaml").write_text(json.dumps(data))
        (src / "conf.py").write_text('extensions = ["skills_matrix"]\n')
        (src / "index.rst").write_text(
            "W\n=\n\n.. skills-catalogue:: skills\n\n.. skills-matrix::\n"
        )
        command = [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "text",
            str(src),
            str(Path(tmp, "o")),
        ]
        seconds, _ = timed(lambda: subprocess.run(command, check=True, capture_output=True))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"| the longest words allowed, text builder | built | {seconds:.2f} | {peak:.0f} MiB |"
        )


if __name__ == "__main__":
    main()
