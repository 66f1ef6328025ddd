"""Bad data never crashes the build: located, typed, suppressible warnings and no half-table."""

from __future__ import annotations

import re

import pytest
from docutils import nodes


def warnings(app) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in app.warning.getvalue().splitlines()]


@pytest.mark.sphinx("html", testroot="bad-data")
def test_problems_are_located_at_the_data_file(app):
    app.build()
    data = app.srcdir / "_data" / "skills-matrix.yaml"
    found = warnings(app)
    expected = [
        f"{data}:11: WARNING: the skill 'code' supports the responsibility 'biuld', but no "
        "responsibility has that id (did you mean 'build'?) (column 16) "
        "[skills_matrix.reference]",
        f"{data}:12: WARNING: the skill id 'code' is used twice (first at {data}:9); ids must "
        "be unique among skills (column 9) [skills_matrix.duplicate-id]",
        f"{data}:17: WARNING: the role 'dev' expects 'code' at the level 'expert', but no "
        "level has that id (column 21) [skills_matrix.reference]",
    ]
    for line in expected:
        assert line in found, "\n".join(found)
    assert any(
        line.startswith(
            f"{app.srcdir / 'index.md'}:3: WARNING: skills-matrix: the "
            "skills matrix data has errors"
        )
        and "[skills_matrix.unusable]" in line
        for line in found
    )


@pytest.mark.sphinx("html", testroot="bad-data")
def test_no_half_table(app):
    app.build()
    from .test_ext_render import resolved

    doctree = resolved(app, "index")
    assert not list(doctree.findall(nodes.table))
    assert "<table" not in (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx(
    "html",
    testroot="bad-data",
    confoverrides={"suppress_warnings": ["skills_matrix.reference", "skills_matrix.unused"]},
)
def test_subtypes_can_be_suppressed(app):
    app.build()
    found = "\n".join(warnings(app))
    assert "skills_matrix.reference" not in found
    assert "skills_matrix.duplicate-id" in found


@pytest.mark.sphinx("html", testroot="bad-data", warningiserror=True)
def test_warnings_fail_a_strict_build(app):
    from sphinx.errors import SphinxError

    try:
        app.build()
    except SphinxError:  # Sphinx < 8.1 stops at the first warning
        return
    assert app.statuscode == 1


@pytest.mark.sphinx(
    "html", testroot="basic", confoverrides={"skills_matrix_data": "_data/nope.yaml"}
)
def test_missing_data_file_warns_where_it_is_used(app):
    app.build()
    found = warnings(app)
    assert any(
        line.startswith(f"{app.srcdir / 'index.rst'}:4: WARNING: skills-matrix: the data file")
        and "does not exist" in line
        for line in found
    )


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"skills_matrix_threshold": 2})
def test_bad_config_value_warns_and_falls_back(app):
    app.build()
    found = "\n".join(warnings(app))
    assert "skills_matrix_threshold = 2 is not valid: it should be a number from 0 to 1" in found
    assert "[skills_matrix.config]" in found
    assert app.config.skills_matrix_threshold == 0.8


@pytest.mark.sphinx("html", testroot="basic")
def test_unknown_ids_in_options_and_roles(app):
    (app.srcdir / "plain.md").write_text(
        "# Plain\n\n```{skills-matrix}\n:role: analyts\n```\n\n"
        "```{skills-catalogue} skill\n```\n\n{matrix:skill}`nope`\n",
        encoding="utf-8",
    )
    app.build()
    found = "\n".join(warnings(app))
    assert (
        "plain.md:3: WARNING: skills-matrix: the matrix has no role 'analyts' (did you mean "
        "'analyst'?) [skills_matrix.option]" in found
    )
    assert "plain.md:7: WARNING: skills-catalogue: 'skill' is not something it lists" in found
    assert re.search(r"plain.md:10: WARNING: .*nope", found)


@pytest.mark.sphinx("html", testroot="basic")
def test_definition_given_twice(app):
    (app.srcdir / "plain.md").write_text(
        "# Plain\n\n```{skills-catalogue} levels\n```\n", encoding="utf-8"
    )
    app.build()
    found = "\n".join(warnings(app))
    assert "the level 'novice' is already defined in" in found
    assert "[skills_matrix.duplicate]" in found


def test_every_subtype_is_documented():
    from skills_matrix.diagnostics import Code

    from .conftest import PROJECT

    page = (PROJECT / "docs" / "reference" / "extension.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", page, re.MULTILINE))
    assert documented == {code.value for code in Code}


@pytest.mark.sphinx("html", testroot="basic")
def test_every_subtype_can_be_suppressed(app):
    from skills_matrix.diagnostics import Code
    from skills_matrix.ext.warnings import warn

    for code in Code:
        app.config.suppress_warnings = [f"skills_matrix.{code.value}"]
        warn(code, f"probe {code.value} hidden", ("index", 1))
        app.config.suppress_warnings = []
        warn(code, f"probe {code.value} shown", ("index", 1))
    found = "\n".join(warnings(app))
    for code in Code:
        assert f"probe {code.value} hidden" not in found
        assert f"probe {code.value} shown [skills_matrix.{code.value}]" in found
