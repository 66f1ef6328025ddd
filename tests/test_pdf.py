"""The site as a PDF, built as ``nox -s pdf`` builds it (LaTeX, then ``make`` in the output):
it builds, every character prints (the article's 🙂 included), and no level name is
hyphenated in the tables. This is the one PDF build CI makes."""

from __future__ import annotations

import re
import subprocess

import pytest

from skills_matrix.reading import load_matrix
from skills_matrix.wording import number

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


TABLES = re.compile(r"\\begin\{(longtable|tabulary|tabular)\}.*?\\end\{\1\}", re.S)
OVERFULL = re.compile(
    r"Overfull \\hbox \(([\d.]+)pt too wide\) in (?:paragraph|alignment) at lines (\d+)--(\d+)"
)


def test_tables_fit_the_page(pdf):
    """No box in a table is more than 20 pt wider than its room (there were 44 before the
    columns wrapped)."""
    out, _ = pdf
    tex = (out / "ai-engineer.tex").read_text(encoding="utf-8")
    spans = [
        (tex.count("\n", 0, m.start()) + 1, tex.count("\n", 0, m.end()) + 1)
        for m in TABLES.finditer(tex)
    ]
    assert spans
    log = (out / "ai-engineer.log").read_text(encoding="utf-8", errors="replace")
    wide = [
        (float(width), int(first))
        for width, first, _ in OVERFULL.findall(log)
        if any(start <= int(first) <= end for start, end in spans)
    ]
    assert [w for w in wide if w[0] > 20] == []


def test_no_blank_pages(pdf):
    _, text = pdf
    pages = text.split("\f")[:-1]  # pdftotext ends each page with a form feed
    assert len(pages) > 10
    blank = [number for number, page in enumerate(pages, 1) if not page.strip()]
    assert blank == []


def test_the_book_has_a_worksheet_not_a_dead_end(pdf):
    _, text = pdf
    flat = " ".join(text.split())
    assert "Your level in each skill" in flat and "What each role takes to fit" in flat
    assert "use the worksheet above" in flat
    assert "\u2610" in text  # the boxes to tick print
    # the AI Engineer's row: its whole weight and what it needs, computed from the data
    matrix = load_matrix(PROJECT / "docs" / "_data" / "skills-matrix.yaml")
    expected = matrix.expectations("ai-engineer").values()
    whole = sum(e.weight for e in expected)
    assert f"{len(expected)} {number(whole)} {number(0.8 * whole)} (80%)" in flat


def test_the_home_pages_cards_read_as_a_list(pdf):
    _, text = pdf
    flat = " ".join(text.split())
    assert "The article: The original text: five responsibilities" in flat
    assert "Your team: A team assessed together" in flat


def test_the_forms_script_values_stay_in_html(pdf):
    """The threshold and aim the form's script reads are hidden by its stylesheet, which a
    book does not have."""
    _, text = pdf
    flat = " ".join(text.split())
    assert "every skill it requires is met. The answers are weighed" in flat
    assert "AI Engineerai-engineer" not in flat
