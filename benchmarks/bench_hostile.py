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
import zipfile
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


def measured(action) -> tuple[float, float, object]:
    """Seconds, peak memory (MiB, as tracemalloc counts it) and the result of *action*."""
    tracemalloc.start()
    seconds, result = timed(action)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, result


def sphinx_build(src: Path, out: Path, builder: str) -> tuple[float, float]:
    """Seconds and peak resident memory (MiB) of a build in a process of its own."""
    code = (
        "import resource, sys, time; from sphinx.cmd.build import build_main; "
        "t = time.perf_counter(); build_main(sys.argv[1:]); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "-q", "-b", builder, str(src), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, peak = done.stdout.split()[-2:]
    return float(seconds), float(peak)


def project(folder: Path, data: dict | str, page: str) -> Path:
    (folder / "_data").mkdir(parents=True)
    text = data if isinstance(data, str) else json.dumps(data)
    (folder / "_data" / "skills-matrix.yaml").write_text(text)
    (folder / "conf.py").write_text('extensions = ["skills_matrix"]\n')
    (folder / "index.rst").write_text("W\n=\n\n" + page)
    return folder


def ladder(count: int) -> dict:
    """*count* roles, each extending the one before."""
    roles = [{"id": "role0", "title": "R", "expects": {"s": "a"}}]
    roles += [{"id": f"role{i}", "title": "R", "extends": f"role{i - 1}"} for i in range(1, count)]
    return {
        "version": 2,
        "levels": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
        "skills": [{"id": "s", "title": "S"}],
        "roles": roles,
    }


def misspelled(count: int) -> dict:
    """*count* skills, and one role expecting each under a misspelled id."""
    return {
        "version": 2,
        "levels": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
        "skills": [{"id": f"skill-{i:05d}", "title": "S"} for i in range(count)],
        "roles": [
            {"id": "r", "title": "R", "expects": {f"skil-{i:05d}": "a" for i in range(count)}}
        ],
    }


def aliased_examples(skills: int, items: int) -> str:
    """*skills* skills sharing one aliased list of *items* examples (24 KB at 105 x 9,000)."""
    words = ", ".join(f"e{i}" for i in range(items))
    lines = [
        "version: 2",
        "levels: [{id: a, title: A}, {id: b, title: B}]",
        "responsibilities: [{id: r, title: R}]",
        "skills:",
        f"  - {{id: s0, title: S, supports: {{r: core}}, examples: &e [{words}]}}",
    ]
    lines += [
        f"  - {{id: s{i}, title: S, supports: {{r: core}}, examples: *e}}" for i in range(1, skills)
    ]
    return "\n".join(lines) + "\n"


def hardening_round_three(tmp: Path) -> None:
    """Items 2, 3, 8 and 9 of round three, at the sizes the issue found them."""
    rows = []
    for count in (1_200, 3_000):
        path = tmp / f"ladder-{count}.yaml"
        path.write_text(json.dumps(ladder(count)))
        seconds, peak, matrix = measured(lambda p=path: load_matrix(p, Diagnostics()))
        rows.append((f"a ladder of {count:,} roles, validated", "read", seconds, peak))
        looped = ladder(count)
        looped["roles"][0]["extends"] = f"role{count - 1}"
        path.write_text(json.dumps(looped))
        seconds, peak, _ = measured(lambda p=path: load_matrix(p, Diagnostics()))
        rows.append((f"a loop of {count:,} roles, validated", "1 cycle error", seconds, peak))
    for count in (1_000, 4_000):
        path = tmp / f"misspelled-{count}.yaml"
        path.write_text(json.dumps(misspelled(count)))
        diagnostics = Diagnostics()
        seconds, peak, _ = measured(lambda p=path, d=diagnostics: load_matrix(p, d))
        what = f"{count:,} misspelled references to {count:,} skills"
        rows.append((what, f"{len(diagnostics.errors):,} errors", seconds, peak))
    for skills, items in ((105, 9_000), (105, 100)):
        text = aliased_examples(skills, items)
        path = tmp / f"aliased-{items}.yaml"
        path.write_text(text)
        diagnostics = Diagnostics()
        seconds, peak, matrix = measured(lambda p=path, d=diagnostics: load_matrix(p, d))
        size = f"{len(text) // 1024} KB"
        what = f"{skills} skills sharing an aliased list of {items:,} examples ({size})"
        answer = f"{diagnostics.errors[0].code} error" if matrix is None else "read"
        rows.append((what + ", validated", answer, seconds, peak))
        if matrix is not None:
            src = project(tmp / f"catalogue-{items}", text, ".. skills-catalogue:: skills\n")
            seconds, peak = sphinx_build(src, tmp / f"catalogue-{items}-out", "html")
            rows.append((what + ", catalogue page (html)", "built", seconds, peak))
    levels = [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]
    for what, skill in (
        ("100 skills, each a 5,000-character word", lambda i: {"description": "x" * 5_000}),
        ("300 skills titled with 300 characters", lambda i: {"title": "y" * 300}),
    ):
        count = 100 if "100" in what else 300
        data = {
            "version": 2,
            "levels": levels,
            "responsibilities": [{"id": "r", "title": "R"}],
            "skills": [
                {"id": f"s{i}", "title": "S", "supports": {"r": "core"}} | skill(i)
                for i in range(count)
            ],
        }
        page = ".. skills-catalogue:: skills\n\n.. skills-matrix::\n"
        src = project(tmp / what.replace(" ", "-").replace(",", ""), data, page)
        seconds, peak = sphinx_build(src, tmp / (src.name + "-out"), "text")
        rows.append((what + ", text builder", "built", seconds, peak))
    for what, answer, seconds, peak in rows:
        print(f"| {what} | {answer} | {seconds:.2f} | {peak:.0f} MiB |")


def bomb(path: Path, sheets: int, merged: bool = False) -> Path:
    """A small workbook in the package's layout whose first *sheets* sheets each hold a cell
    at the far corner (or, *merged*, whose second merges the whole sheet)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (
        ("matrix", [["version"], [2]]),
        ("levels", [["id", "title"], ["a", "A"], ["b", "B"]]),
        ("skills", [["id", "title"], ["s", "S"]]),
    ):
        page = book.create_sheet(name)
        for row in rows:
            page.append(row)
    for page in book.worksheets[:sheets]:
        page.cell(1_048_576, 16_384, "far")
    book.save(path)
    if merged:
        with zipfile.ZipFile(path) as archive:
            parts = {i.filename: archive.read(i) for i in archive.infolist()}
        merge = b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
        sheet = "xl/worksheets/sheet2.xml"
        parts[sheet] = parts[sheet].replace(b"</sheetData>", b"</sheetData>" + merge)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    return path


def hardening_round_four(tmp: Path) -> None:
    """Item 1 of round four: workbooks of a few KB that claim a whole sheet, imported by the
    command line in a process of its own (its time and peak resident memory)."""
    code = (
        "import resource, sys, time; from skills_matrix.cli import main; "
        "t = time.perf_counter(); status = main(sys.argv[1:]); "
        "print(status, time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    for what, sheets, merged in (
        ("a far cell on 1 sheet", 1, False),
        ("a far cell on each of 3 sheets", 3, False),
        ("a range merged over a whole sheet", 0, True),
    ):
        path = bomb(tmp / f"bomb-{sheets}-{merged}.xlsx", sheets, merged)
        done = subprocess.run(
            [sys.executable, "-c", code, "import", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        status, seconds, peak = done.stdout.split()[-3:]
        answer = "refused: a located limit error" if status == "1" else f"exit {status}"
        size = f"{path.stat().st_size // 1024} KB"
        print(f"| {what} ({size}) | {answer} | {float(seconds):.2f} | {float(peak):.0f} MiB |")


if __name__ == "__main__":
    main()
    with tempfile.TemporaryDirectory() as tmp:
        hardening_round_three(Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        hardening_round_four(Path(tmp))
