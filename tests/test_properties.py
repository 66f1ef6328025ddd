"""Property-based tests: whatever the input, only success or located errors; no crash,
no hang, no injection; the assessment keeps its definitions' invariants."""

from __future__ import annotations

import csv
import io
import json
import re
import string
from html import unescape

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from skills_matrix.assessment import assess
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.export import markdown_text, to_csv, to_markdown
from skills_matrix.grid import build_grid
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix
from skills_matrix.reading.source import parse_yaml

from .test_loader import VALID

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_located(diagnostics, text: str) -> None:
    # YAML breaks lines at \r, \x85, \u2028 and \u2029 too, as str.splitlines() does
    lines = len(text.splitlines()) + 2
    for d in diagnostics:
        assert 1 <= d.line <= lines and d.column >= 1, str(d)
        assert d.message and d.severity in ("error", "warning")


@SETTINGS
@given(st.text())
@example("?\x850")  # NEL is a YAML line break: errors may stand on a "line" \n does not make
def test_any_text_parses_or_gives_located_errors(text):
    diagnostics = Diagnostics()
    value = parse_yaml(text, "f.yaml", diagnostics)
    assert_located(diagnostics, text)
    assert value is None or not diagnostics.errors or isinstance(value, (dict, list))


@st.composite
def mutations(draw):
    lines = VALID.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "char"]))
        index = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "insert":
            lines.insert(
                index,
                draw(
                    st.sampled_from(
                        [
                            "  - {id: x, title: X}\n",
                            "x-note: 1\n",
                            "bogus: [1\n",
                            "\t- a\n",
                            "- *a\n",
                            "  supports: {resp-one: weak}\n",
                            "---\n",
                            "  url: javascript:x\n",
                        ]
                    )
                ),
            )
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            char = draw(st.sampled_from(list(":-{}[]#&*!|>'\"%@`\t ") + ["é", "\x00"]))
            lines[index] = line[:at] + char + line[at:]
    return "".join(lines)


@SETTINGS
@given(mutations())
def test_mutated_matrix_loads_or_gives_located_errors(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("m") / "m.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    assert_located(diagnostics, text)
    assert (matrix is None) == bool(diagnostics.errors)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "version",
                    "levels",
                    "skills",
                    "responsibilities",
                    "roles",
                    "id",
                    "title",
                    "supports",
                    "expects",
                    "category",
                    "categories",
                    "url",
                    "sources",
                    "x-a",
                    "other",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@SETTINGS
@given(json_like)
def test_any_structure_loads_or_gives_located_errors(tmp_path_factory, data):
    text = yaml.safe_dump(data, allow_unicode=True)
    path = tmp_path_factory.mktemp("s") / "m.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    assert_located(diagnostics, text)
    assert (matrix is None) == bool(diagnostics.errors)


ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
# Printable text, less the control characters the format refuses (\r, \v, \f: rule 14).
titles = st.text(
    alphabet=string.printable.translate({ord(c): None for c in "\r\x0b\x0c"}) + "<>&\"'{}%$\\éü",
    min_size=1,
    max_size=20,
).filter(lambda t: t.strip())


def yaml12(data) -> str:
    """*data* as YAML any YAML 1.2 reader reads alike: JSON (PyYAML writes ``08`` unquoted,
    text to YAML 1.1 but the number 8 to YAML 1.2)."""
    return json.dumps(data, ensure_ascii=False, indent=1)


@st.composite
def matrices(draw):
    level_ids = draw(st.lists(ids, min_size=2, max_size=5, unique=True))
    resp_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    skill_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    data = {
        "version": 1,
        "levels": [{"id": i, "title": draw(titles)} for i in level_ids],
        "responsibilities": [{"id": i, "title": draw(titles)} for i in resp_ids],
        "skills": [
            {
                "id": i,
                "title": draw(titles),
                "supports": {
                    r: draw(st.sampled_from(["core", "supporting"]))
                    for r in draw(st.lists(st.sampled_from(resp_ids), unique=True))
                },
            }
            for i in skill_ids
        ],
        "roles": [
            {
                "id": f"role-{n}",
                "title": draw(titles),
                "responsibilities": draw(st.lists(st.sampled_from(resp_ids), unique=True)),
                "expects": {
                    s: draw(st.sampled_from(level_ids))
                    for s in draw(st.lists(st.sampled_from(skill_ids), unique=True))
                },
            }
            for n in range(draw(st.integers(0, 3)))
        ],
    }
    profile = {
        s: draw(st.sampled_from(level_ids))
        for s in draw(st.lists(st.sampled_from(skill_ids), unique=True))
    }
    return data, profile


@SETTINGS
@given(matrices(), st.floats(0, 1))
def test_render_export_and_assess_any_valid_matrix(tmp_path_factory, drawn, threshold):
    data, skills = drawn
    path = tmp_path_factory.mktemp("v") / "m.yaml"
    path.write_text(yaml12(data), encoding="utf-8")
    diagnostics = Diagnostics()
    matrix = load_matrix(path, diagnostics)
    assert matrix is not None, [str(d) for d in diagnostics]
    grid = build_grid(matrix)
    assert len(grid.rows) == len(data["skills"])
    rows = list(csv.reader(io.StringIO(to_csv(matrix))))
    assert len(rows) == 1 + len(data["skills"])
    markdown = to_markdown(matrix)
    assert "<" not in markdown.replace("&lt;", "")
    assert markdown.count("\n") == 2 + len(data["skills"])
    result = assess(matrix, Profile(skills), threshold)
    fits = [r.fit for r in result.roles]
    known = [f for f in fits if f is not None]
    assert known == sorted(known, reverse=True)
    assert all(f is not None for f in fits[: len(known)])
    rank = matrix.level_rank
    for role_fit in result.roles:
        role = role_fit.role
        assert role_fit.expected == len(role.expects)
        assert role_fit.met + len(role_fit.gaps) == role_fit.expected
        for gap in role_fit.gaps:
            assert gap.actual is None or rank[gap.actual] < rank[gap.expected]
        if role_fit.fit is not None:
            assert 0 <= role_fit.fit <= 1
            assert role_fit.fits == (role_fit.fit >= threshold)
        for cov in role_fit.responsibilities:
            assert cov.coverage is None or 0 <= cov.coverage <= 1


@given(st.text())
def test_markdown_text_is_inert(text):
    escaped = markdown_text(text)
    assume(text.strip())
    assert "<" not in escaped and "|" not in escaped.replace("\\|", "")
    assert "\n" not in escaped


@SETTINGS
@given(matrices())
def test_rendered_table_is_complete_and_inert(tmp_path_factory, drawn):
    """The table nodes the directive builds, written by docutils' HTML writer."""
    from docutils import nodes
    from docutils.core import publish_from_doctree
    from docutils.utils import new_document
    from docutils.writers.html5_polyglot import Writer as Html5Writer

    from skills_matrix.ext.directives.matrix_table import grid_table
    from skills_matrix.ext.table_nodes import _Builder, deferred_table

    data, _ = drawn
    path = tmp_path_factory.mktemp("r") / "m.yaml"
    path.write_text(yaml12(data), encoding="utf-8")
    matrix = load_matrix(path)
    grid = build_grid(matrix)
    bar, wrapper = grid_table(grid, "Caption <b>", matrix)
    spec = next(wrapper.findall(deferred_table))["spec"]
    table = _Builder(spec, lambda link: nodes.Text(link.title), "html").build()
    width = len(grid.columns) + 1
    rows = list(table.findall(nodes.row))
    assert all(len(row) == width for row in rows)
    assert len(rows) == 1 + len(grid.rows) + sum(1 for g in grid.groups if g.category)
    # each filter option keeps exactly the body rows of its category or its role's skills
    body = [row[0].astext() for row in rows[1:]]
    options = {f.label: f.options for f in (bar[0]["filters"] if bar else ())}
    assert len(options.get("Show the skills of", ())) == len(matrix.roles)
    by_role = options.get("Show the skills of", ())
    for role, (words, kept) in zip(matrix.roles, by_role, strict=True):
        assert words == role.title
        expected = matrix.expectations(role.id)
        titles = [r.skill.title for r in grid.rows if r.skill.id in expected]
        assert sorted(body[i] for i in kept) == sorted(titles)
    assert ("Show the skills of" in options) == bool(matrix.roles)
    titled = [g for g in grid.groups if g.category]
    assert ("Show category" in options) == (len(titled) > 1)
    by_group = options.get("Show category", ())
    for group, (words, kept) in zip(titled if by_group else (), by_group, strict=True):
        assert words == group.category.title
        assert [body[i] for i in kept] == [r.skill.title for r in group.rows]
    document = new_document("<test>")
    document += table
    html = publish_from_doctree(document, writer=Html5Writer()).decode()
    assert "<b>" not in html and "<script" not in html  # markup from data stays text
    shown = unescape(re.sub(r"<[^>]+>", "", html))
    for skill in matrix.skills:
        assert skill.title in shown


@given(st.sets(st.integers(0, 300)))
def test_filter_rows_as_steps_expand_to_the_same_rows(rows):
    from skills_matrix.ext.filters import _steps

    written = _steps(tuple(sorted(rows)))
    expanded, row = set(), 0
    for step in written.split():  # as skills-matrix-table.js reads them
        size, _, times = step.partition("x")
        for _ in range(int(times or 1)):
            row += int(size)
            expanded.add(row)
    assert expanded == rows
    assert len(written) <= len(" ".join(map(str, sorted(rows))))
