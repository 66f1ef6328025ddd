"""Every builder renders the generated tables; LaTeX gets a longtable and safe text."""

from __future__ import annotations

import pytest

from .conftest import build_warnings

BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "man", "epub"]


def output_text(app) -> str:
    files = [
        p
        for p in app.outdir.rglob("*")
        if p.suffix in {".html", ".xhtml", ".tex", ".txt", ".1", ".2"} and p.is_file()
    ]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_renders_the_tables(make_app, rootdir, tmp_path, builder):
    import shutil

    srcdir = tmp_path / "basic"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    warnings = build_warnings(app)
    if builder == "epub":  # epub's own checks of the project metadata
        warnings = "\n".join(
            w for w in warnings.splitlines() if "epub_" not in w and "conf value" not in w
        )
    assert warnings.strip() == "", warnings
    text = output_text(app)
    for expected in ("SQL", "Orchestration", "supporting", "Ship pipelines", "Engineering"):
        assert expected in text, f"{builder}: {expected!r} missing"
    # the labels a phone shows in a table laid out as cards are HTML's alone
    labelled = "Expected level: " in text
    assert labelled == (builder in ("html", "dirhtml", "singlehtml", "epub")), builder
    # HTML leaves out the body cells' end tags; XHTML (EPUB) is XML, every page well formed
    if builder in ("html", "dirhtml", "singlehtml"):
        assert "<td><strong>core</strong><td>" in text
    if builder == "epub":
        from xml.etree import ElementTree

        pages = list(app.outdir.rglob("*.xhtml"))
        assert pages
        for page in pages:
            ElementTree.parse(page)  # noqa: S314 (pages this test just wrote)


def test_latex_is_a_longtable_with_safe_text(make_app, rootdir, tmp_path):
    import shutil

    srcdir = tmp_path / "basic"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app("latex", srcdir=srcdir)
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{longtable}" in tex
    assert r"Regression \$\textbackslash{}LaTeX\$ \{\{ jinja \}\} 100\%\_\#" in tex
    assert r"Statistics \& \textless{}Modelling\textgreater{}" in tex
