"""The directives' output: MyST and reST alike, snapshots of doctree and HTML, escaping."""

from __future__ import annotations

import re

import pytest
from docutils import nodes

from .conftest import build_warnings

pytestmark = pytest.mark.sphinx("html", testroot="basic")


def tables(doctree):
    return list(doctree.findall(nodes.table))


def resolved(app, docname):
    """The doctree as a builder writes it: generated tables are built at this point."""
    import inspect

    get = app.env.get_and_resolve_doctree
    extra = {"tags": app.tags} if "tags" in inspect.signature(get).parameters else {}
    return get(docname, app.builder, **extra)


def test_myst_and_rest_render_the_same_table(app):
    app.build()
    assert build_warnings(app) == ""
    rest = tables(resolved(app, "index"))[0]
    myst = tables(resolved(app, "myst"))[0]
    assert rest.pformat() == myst.pformat()


def test_default_table_doctree_snapshot(app, snapshot):
    app.build()
    text = tables(resolved(app, "myst"))[0].pformat()
    # docutils < 0.21 writes booleans as True/False, later ones as 1/0
    text = text.replace('="True"', '="1"').replace('="False"', '="0"')
    snapshot("basic-table.doctree.xml", text)


def test_default_table_html_snapshot(app, snapshot):
    app.build()
    html = (app.outdir / "myst.html").read_text(encoding="utf-8")
    table = re.search(r'<div class="skills-matrix-wrapper.*?</div>', html, re.S).group(0)
    snapshot("basic-table.html", table + "\n")


def test_table_reads_without_colour(app):
    app.build()
    table = tables(resolved(app, "myst"))[0]
    cells = [entry.astext() for entry in table.findall(nodes.entry)]
    assert "core" in cells and "supporting" in cells
    header = [e.astext() for e in table.findall(nodes.thead)][0]
    assert "Ship pipelines" in header and 'Explain "results"' in header
    html = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert '<th class="stub"' in html  # row headers are header cells for screen readers
    assert "<caption>" in html and "skills-matrix-legend" in html


def test_headers_link_to_definitions(app):
    app.build()
    html = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert 'href="definitions.html#responsibility-ship-pipelines"' in html
    assert 'href="definitions.html#skill-sql"' in html
    assert 'href="definitions.html#role-analyst"' in html
    assert 'href="definitions.html#level-lead"' in html


def test_data_text_is_escaped(app):
    app.build()
    html = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "Writing &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Statistics &amp; &lt;Modelling&gt;" in html
    assert "{{ jinja }} 100%_#" in html
    assert "Explain &quot;results&quot;" in html  # no smart quotes: the data's own characters
    assert "“results”" not in html


def test_options_narrow_the_table(app):
    app.build()
    doctree = resolved(app, "myst")
    default, category, responsibilities = tables(doctree)[:3]
    assert category.next_node(nodes.title).astext() == "Engineering only"
    assert "Regression" not in category.astext() and "SQL" in category.astext()
    assert "Ship pipelines" not in responsibilities.astext()
    role = tables(resolved(app, "index"))[1]
    assert "Expected level" in role.astext() and "Competent" in role.astext()


def test_catalogue_role_comparison_and_assessment(app):
    app.build()
    html = (app.outdir / "definitions.html").read_text(encoding="utf-8")
    for anchor in ("skill-sql", "responsibility-ship-pipelines", "level-lead", "role-analyst"):
        assert f'id="{anchor}"' in html
    assert 'href="https://example.org/charter?a=1&amp;b=2"' in html
    # examples as a list, one an item (format version 2's catalogue), not joined by commas
    assert re.search(
        r"<p>Examples:</p>\s*<ul[^>]*>\s*<li><p>Postgres</p></li>\s*<li><p>BigQuery", html
    )
    assert "Teaches it." in html  # level descriptors on role pages
    page = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert "Expected levels by role" in page
    assert "Assessment of Sam" in page
    # each cell of a table a phone shows as cards names its column (shown only then)
    assert re.search(
        r'Analyst</a></p><td><span class="sm-label">Fit: </span>33%'
        r'<td class="sm-does-not-fit"><span class="sm-label">Verdict: </span>does not fit',
        page,
    )


def test_roles_show_titles_and_index_lists_definitions(app):
    app.build()
    page = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert re.search(r'href="definitions.html#skill-sql"[^>]*><span[^>]*>SQL</span>', page)
    index = (app.outdir / "matrix-index.html").read_text(encoding="utf-8")
    assert "Ship pipelines" in index and "Analyst" in index


def test_stylesheet_only_on_pages_with_matrix_data(app):
    app.build()
    assert "skills-matrix.css" in (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert "skills-matrix.css" not in (app.outdir / "plain.html").read_text(encoding="utf-8")
    assert (app.outdir / "_static" / "skills-matrix.css").is_file()


def test_html_publishes_the_matrix_and_its_schemas(app):
    import json

    app.build()
    data = json.loads((app.outdir / "skills-matrix.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["skills"]] == ["sql", "writing", "regression", "orchestration"]
    for name in ("skills-matrix.schema.json", "profile.schema.json"):
        assert json.loads((app.outdir / name).read_text(encoding="utf-8"))["$schema"]


def test_search_index_entries_land_on_their_definitions(app):
    """Every object in searchindex.js points at an id its page has (Sphinx rebuilds an
    anchor of the form <type>-<name> from the display name, which would not exist)."""
    import json

    app.build()
    text = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docnames, objtypes = index["docnames"], index["objtypes"]
    checked = 0
    for prefix, entries in index["objects"].items():
        for doc, typeindex, _prio, anchor, name in entries:
            if not objtypes[str(typeindex)].startswith("matrix:"):
                continue
            assert anchor not in ("", "-"), (prefix, name)
            page = (app.outdir / f"{docnames[doc]}.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in page, (name, anchor)
            checked += 1
    assert checked >= 10
