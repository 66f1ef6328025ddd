"""Hostile text in every string field of the data is shown as text: escaped in HTML, safe in
LaTeX, inert in the exports; and the same commit builds byte-identical output twice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from .conftest import build_warnings

PAYLOADS = {
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "latex": r"\input{/etc/passwd} $x^2$ & % # _ { } ~ ^ \\",
    "template": "{{ config.__class__ }} {% raw %} ${HOME} |safe",
    "markdown": "**bold** [link](javascript:alert(1)) `code` <b>",
}
TEXT = " ".join(PAYLOADS.values())


def hostile_matrix() -> dict:
    return {
        "version": 1,
        "title": TEXT,
        "levels": [
            {"id": "low", "title": "Low " + TEXT, "description": TEXT},
            {"id": "high", "title": "High " + TEXT, "description": TEXT},
        ],
        "categories": [{"id": "cat", "title": "Cat " + TEXT, "description": TEXT}],
        "responsibilities": [
            {
                "id": "resp",
                "title": "Resp " + TEXT,
                "description": TEXT,
                "sources": [{"title": TEXT, "url": "https://example.org/?q=x'&y=');alert(1)//"}],
            }
        ],
        "skills": [
            {
                "id": "skill",
                "title": "Skill " + TEXT,
                "category": "cat",
                "description": TEXT,
                "examples": [TEXT],
                "supports": {"resp": "core"},
            }
        ],
        "roles": [
            {
                "id": "role",
                "title": "Role " + TEXT,
                "summary": TEXT,
                "responsibilities": ["resp"],
                "expects": {"skill": "high"},
            }
        ],
    }


PAGE = """\
# Hostile

```{skills-matrix}
```

```{skills-matrix}
:role: role
```

```{skills-comparison}
```

```{skills-catalogue} levels
```

```{skills-catalogue} responsibilities
```

```{skills-catalogue} skills
```

```{skills-role} role
```

```{skills-assessment} _data/me.yaml
```
"""


@pytest.fixture
def hostile_project(tmp_path):
    src = tmp_path / "hostile"
    (src / "_data").mkdir(parents=True)
    (src / "_data" / "skills-matrix.yaml").write_text(
        yaml.safe_dump(hostile_matrix(), allow_unicode=True), encoding="utf-8"
    )
    (src / "_data" / "me.yaml").write_text(
        yaml.safe_dump({"version": 1, "name": TEXT, "skills": {"skill": "low"}}), encoding="utf-8"
    )
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "skills_matrix"]\nexclude_patterns = ["_build", "_data"]\n'
    )
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    return src


def test_html_shows_hostile_text_as_text(make_app, hostile_project):
    app = make_app("html", srcdir=hostile_project)
    app.build()
    assert build_warnings(app) == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    assert 'href="javascript:' not in html
    assert html.count("&lt;script&gt;alert(") >= 10
    assert "{{ config.__class__ }} {% raw %} ${HOME} |safe" in html
    assert "**bold** [link](javascript:alert(1))" in html
    published = json.loads((app.outdir / "skills-matrix.json").read_text(encoding="utf-8"))
    assert published["title"] == TEXT


def test_latex_escapes_hostile_text(make_app, hostile_project):
    app = make_app("latex", srcdir=hostile_project)
    app.build()
    assert build_warnings(app) == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\input{/etc/passwd}" not in tex
    assert r"\textbackslash{}input\{/etc/passwd\} \$x\textasciicircum{}2\$ \& \% \# \_" in tex


def test_text_builder_keeps_hostile_text(make_app, hostile_project):
    app = make_app("text", srcdir=hostile_project)
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" in text  # text output shows the characters


def test_two_builds_of_one_commit_are_byte_identical(make_app, rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1719878400")
    outputs = []
    for name in ("one", "two"):
        src = tmp_path / name
        shutil.copytree(rootdir / "test-basic", src)
        app = make_app("html", srcdir=src)
        app.build()
        outputs.append(app.outdir)
    files = sorted(
        p.relative_to(outputs[0])
        for p in outputs[0].rglob("*")
        if p.is_file() and ".doctrees" not in p.parts
    )
    assert len(files) > 10
    for rel in files:
        assert (outputs[0] / rel).read_bytes() == (outputs[1] / rel).read_bytes(), rel


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tx"])
def test_csv_cells_are_never_formulas(formula):
    """The loader refuses such categories (a category is an id), but the export does not rely
    on it: a cell a spreadsheet would run is written as text."""
    import csv
    import io

    from skills_matrix.export import to_csv
    from skills_matrix.model import Level, Matrix, Responsibility, Skill

    matrix = Matrix(
        levels=(Level("low", "Low"), Level("high", "High")),
        responsibilities=(Responsibility("r", "R"),),
        skills=(Skill("s", "S", category=formula, supports={"r": "core"}),),
    )
    [_, row] = list(csv.reader(io.StringIO(to_csv(matrix))))
    assert row[1] == "'" + formula


def test_man_page_text_never_becomes_a_roff_request(make_app, tmp_path):
    """Text from data that starts a line with '.' or "'" is shown, not run, by groff: a
    '.so FILE' in a title, a description or a table cell never includes the file."""
    from .conftest import need_program

    groff = need_program("groff", "to read the built man page as man(1) does")
    secret = tmp_path / "secret.txt"
    secret.write_text("ROFF-INCLUDED-THE-FILE\n", encoding="utf-8")
    request = f".so {secret}"
    data = hostile_matrix()
    data["levels"][1]["title"] = request
    data["skills"][0]["title"] = request
    data["skills"][0]["description"] = f"first line\n{request}\n'br"
    data["responsibilities"][0]["title"] = f"'so {secret}"
    data["roles"][0]["summary"] = f"{request}\n.sy touch {tmp_path / 'ran'}"
    src = tmp_path / "src"
    (src / "_data").mkdir(parents=True)
    (src / "_data" / "skills-matrix.yaml").write_text(json.dumps(data), encoding="utf-8")
    (src / "conf.py").write_text('extensions = ["myst_parser", "skills_matrix"]\n')
    (src / "index.md").write_text(PAGE.replace("_data/me.yaml", "_data/none.yaml"))
    (src / "_data" / "none.yaml").write_text('{"version": 1, "skills": {}}')
    app = make_app("man", srcdir=src)
    app.build()
    [page] = app.outdir.glob("*.1")
    done = subprocess.run(
        [groff, "-t", "-man", "-Tutf8", str(page)], capture_output=True, text=True, check=True
    )
    shown = re.sub(".\x08", "", done.stdout)  # drop the overstrikes of bold and underline
    assert "ROFF-INCLUDED-THE-FILE" not in shown
    assert shown.count("secret.txt") >= 4  # the requests shown as text, where they stand
    assert not (tmp_path / "ran").exists()


def test_control_characters_are_refused_where_they_stand(tmp_path):
    """ESC, BEL and DEL never reach an output (an EPUB's XHTML, a terminal): the loader
    refuses them, naming the character and where it stands."""
    from skills_matrix.diagnostics import Diagnostics
    from skills_matrix.reading import load_matrix, load_profile

    from .test_loader import VALID

    path = tmp_path / "m.yaml"
    path.write_text(VALID.replace("title: X", 'title: "X\\e[31mred\\a\\x7f"'), encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    [error] = diagnostics.errors
    assert (error.line, error.code) == (20, "control-character")
    assert "U+001B at character 2" in error.message
    path.write_text(VALID, encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text('version: 1\nname: "Kim\\e]0;title\\a"\n', encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_profile(profile, load_matrix(path), diagnostics) is None
    assert [(d.line, d.code) for d in diagnostics.errors] == [(2, "control-character")]


def test_text_is_capped_so_no_builder_meets_a_64k_word(make_app, tmp_path):
    """A 64,000-character word took the text builder 88 s (200,000: killed after 12 min).
    Text is capped (5,000 characters, titles 300): the longest words allowed build at once."""
    import time

    from skills_matrix.diagnostics import Diagnostics
    from skills_matrix.reading import load_matrix

    data = hostile_matrix()
    data["skills"][0]["description"] = "x" * 64_000
    path = tmp_path / "m.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    assert [d.code for d in diagnostics.errors] == ["length"]
    assert "64,000 characters long; at most 5,000" in diagnostics.errors[0].message
    longest = "y" * 300
    for kind in ("levels", "responsibilities", "skills", "roles"):
        for item in data[kind]:
            item["title"] = longest
    data["skills"][0]["description"] = "x" * 5_000
    src = tmp_path / "src"
    (src / "_data").mkdir(parents=True)
    (src / "_data" / "skills-matrix.yaml").write_text(json.dumps(data), encoding="utf-8")
    (src / "conf.py").write_text('extensions = ["skills_matrix"]\n')
    (src / "index.rst").write_text(
        "Long\n====\n\n.. skills-catalogue:: skills\n\n.. skills-matrix::\n"
    )
    app = make_app("text", srcdir=src)
    start = time.monotonic()
    app.build()
    assert time.monotonic() - start < 120  # a generous bound; the figure is seconds
    assert "x" * 5_000 in re.sub(r"\s", "", (app.outdir / "index.txt").read_text(encoding="utf-8"))
