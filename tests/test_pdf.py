"""The site as a PDF, built as ``nox -s pdf`` builds it (LaTeX, then ``make`` in the output):
it builds, every character prints (the article's 🙂 included), and no level name is
hyphenated in the tables. This is the one PDF build CI makes."""

from __future__ import annotations

import re
import subprocess

import pytest

from skills_matrix.reading import load_matrix

from .conftest import PROJECT, need_program

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    from sphinx.cmd.build import build_main

    need_program("lualatex", "to build the PDF (.ci/run installs TeX Live)")
    need_program("latexmk", "to build the PDF")
    need_program("pdftotext", "to read the PDF (poppler-utils)")
    out = tmp_path_factory.mktemp("pdf")
    args = ["-q", "-b", "latex", "-nW", "--keep-going", "-c", str(PROJECT / "conf")]
    assert build_main([*args, str(PROJECT / "docs"), str(out)]) == 0
    done = subprocess.run(
        ["make", "-C", str(out), "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = subprocess.run(
        ["pdftotext", str(out / "ai-engineer.pdf"), "-"], capture_output=True, text=True
    ).stdout
    return out, text


def test_every_character_prints(pdf):
    out, text = pdf
    log = (out / "ai-engineer.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    assert "search LinkedIn 🙂" in text
    assert "undefined references" not in log


def test_no_level_name_is_hyphenated(pdf):
    _, text = pdf
    for level in load_matrix(PROJECT / "docs" / "_data" / "skills-matrix.yaml").levels:
        assert level.title in text
        for cut in range(2, len(level.title) - 1):
            head = level.title[:cut]
            assert not re.search(rf"\b{re.escape(head)}-\n", text), f"{level.title} hyphenated"
