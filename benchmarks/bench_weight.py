"""Page weight: the generated matrix page against the same table typed by hand in MyST.

Both projects are built once (``sphinx-build -b html``, the default theme); the figures are
the bytes of each ``index.html`` as written and gzip-compressed, and what the generated page
adds. Two shapes: ten categories and three roles, and two categories and fifty roles (the
role filter's options grow with roles × rows). Prints figures; asserts nothing.

    python benchmarks/bench_weight.py [--sizes 100 1000]
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_projects  # noqa: E402

SHAPES = [(10, 3), (2, 50)]
"""(categories, roles) of the matrices measured."""


def page_bytes(project: Path) -> tuple[int, int]:
    out = project / "_build"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-q", str(project), str(out)],
        check=True,
        capture_output=True,
    )
    page = (out / "index.html").read_bytes()
    return len(page), len(gzip.compress(page, 9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    print(
        "| skills × responsibilities | categories, roles | generated | by hand | ratio "
        "| gzip: generated | by hand | ratio |"
    )
    print("| --- " * 8 + "|")
    for size in args.sizes:
        for categories, roles in SHAPES:
            with tempfile.TemporaryDirectory() as tmp:
                generated, by_hand, _ = write_projects(Path(tmp), size, categories, roles)
                (raw, packed) = page_bytes(generated)
                (hand_raw, hand_packed) = page_bytes(by_hand)
            print(
                f"| {size} × 20 | {categories}, {roles} | {raw / 1024:.0f} KiB "
                f"| {hand_raw / 1024:.0f} KiB | {raw / hand_raw:.2f}× | {packed / 1024:.0f} KiB "
                f"| {hand_packed / 1024:.0f} KiB | {packed / hand_packed:.2f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()
