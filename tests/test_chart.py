"""Charts of levels: their numbers are the assessment's, the browser draws the same SVG as the
pages, HTML shows the SVG and every other output a table of the same numbers."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sphinx.cmd.build import build_main

from skills_matrix.assessment import assess
from skills_matrix.chart import BAR, LEGEND_ROW, ROW, person_chart, roles_chart, svg
from skills_matrix.export import to_json
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix
from skills_matrix.scaffold import new_project

from .conftest import PROJECT, need_node
from .strategies import answers_to, matrices, titles

SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
TEMPLATE = PROJECT / "skills_matrix" / "template" / "docs" / "_data" / "skills-matrix.yaml"
CHART_JS = PROJECT / "skills_matrix" / "ext" / "static" / "skills-chart.js"
NS = {"svg": "http://www.w3.org/2000/svg"}


REAL = st.sampled_from([load_matrix(SITE), load_matrix(TEMPLATE)])
NAMES = st.sampled_from([None, "Person", 'Zoë <&> "O\'Neil"']) | titles


@st.composite
def charted(draw) -> tuple:
    """A matrix (the site's, the template's or a drawn one), someone's answers to it, their
    assessment and their chart against the role they work towards."""
    matrix = draw(REAL | matrices)
    aim = draw(st.sampled_from([None, *(r.id for r in matrix.roles)]))
    profile = Profile(draw(answers_to(matrix)), name=draw(NAMES), aim=aim)
    result = assess(matrix, profile)
    chart = person_chart(matrix, result, profile)
    assume(chart is not None)
    return matrix, profile, result, chart


DRAWN = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


@DRAWN
@given(charted())
def test_the_chart_keeps_its_text_size_and_grows_with_its_skills(case):
    """No viewBox: its units are the page's pixels, so a phone does not shrink the text;
    the width is the column's and the height a row a skill."""
    *_, chart = case
    drawn = ET.fromstring(svg(chart, "c"))  # noqa: S314 - the SVG this package writes
    assert drawn.get("viewBox") is None and drawn.get("width") == "100%"
    top = LEGEND_ROW * len(chart.series) + 26
    assert int(drawn.get("height")) == top + ROW * len(chart.skills)


@DRAWN
@given(charted())
def test_the_numbers_are_the_assessments(case):
    matrix, profile, result, chart = case
    published = to_json(matrix)
    target = next(r for r in published["roles"] if r["id"] == result.answer.target)
    expected = target["effective"]
    drawn = ET.fromstring(svg(chart, "c"))  # noqa: S314 - the SVG this package writes
    words = drawn.find("svg:desc", NS).text
    for skill in (s for s in matrix.skills if s.id in expected):
        level = matrix.level_by_id[expected[skill.id]["level"]].title
        held = profile.skills.get(skill.id)
        held_title = matrix.level_by_id[held].title if held else "none"
        person = chart.series[1]
        holds = person.says.format(name=person.name, level=held_title)
        assert f"{skill.title}: {target['title']} expects {level}; {holds}." in words
    assert drawn.get("role") == "img"
    assert drawn.find("svg:title", NS).text == chart.title
    # each bar's length is its level's share of the width; a level not held, a stub
    bars = [r for r in drawn.iter(f"{{{NS['svg']}}}rect") if r.get("height") == str(BAR)]
    steps = len(matrix.levels)
    for index, skill in enumerate(chart.skills):
        for series in (0, 1):
            rank = chart.series[series].values[index]
            width = bars[2 * index + series].get("width")
            if rank is None:
                assert width == "2", skill
            else:
                assert float(width.rstrip("%")) == pytest.approx(100 * (rank + 1) / steps, abs=0.01)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(charted(), min_size=1, max_size=10))
def test_the_browser_draws_the_same_svg(cases):
    node = need_node()
    inputs = [
        {
            "matrix": to_json(matrix),
            "target": result.answer.target,
            "answers": dict(profile.skills),
            "who": profile.name,
        }
        for matrix, profile, result, _ in cases
    ]
    script = (
        "const C = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map((c) => "
        "C.svg(C.personChart(c.matrix, c.target, c.answers, c.who), 'c'))));"
    )
    done = subprocess.run(
        [node, "-e", script, str(CHART_JS)],
        input=json.dumps(inputs),
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(done.stdout)
    ours = [svg(chart, "c") for *_, chart in cases]
    for index, (mine, browser) in enumerate(zip(ours, theirs, strict=True)):
        assert browser == mine, index


def test_two_roles_are_drawn_against_each_other():
    matrix = load_matrix(TEMPLATE)
    chart = roles_chart(matrix, ["engineer", "senior-engineer"])
    assert [s.name for s in chart.series] == ["Engineer", "Senior Engineer"]
    assert chart.series[0].values == (1, 1, 1, None)  # Engineer does not expect mentoring
    assert "Mentoring: Engineer expects none; Senior Engineer expects Working." in chart.words()


@pytest.mark.parametrize("builder", ["html", "text", "epub"])
def test_html_shows_the_svg_and_other_outputs_a_table(tmp_path, builder):
    project = tmp_path / "p"
    new_project(project)
    out = tmp_path / builder
    assert build_main(["-q", "-b", builder, str(project / "docs"), str(out)]) == 0
    if builder == "text":
        roles = (out / "roles.txt").read_text()
        assert "<svg" not in roles and "Engineer and Senior Engineer: levels expected" in roles
        return
    page = (out / ("roles.html" if builder == "html" else "roles.xhtml")).read_text()
    if builder == "html":
        assert page.count("<svg") == 1 and "sm-chart-table" not in page
        assessed = (out / "assess.html").read_text()
        assert assessed.count('<svg xmlns="http://www.w3.org/2000/svg"') == 1
    else:
        assert "<svg" not in page and "sm-chart-table" in page


def test_labels_are_cut_by_characters_not_inside_a_surrogate_pair():
    import dataclasses as dc

    node = need_node()
    base = load_matrix(TEMPLATE)
    skills = tuple(dc.replace(s, title=f"{i} " + "🧠🛠️" * 30) for i, s in enumerate(base.skills))
    matrix = dc.replace(base, skills=skills)
    profile = Profile({s.id: base.levels[0].id for s in skills}, name="Zoë 🧑‍💻")
    result = assess(matrix, profile)
    chart = person_chart(matrix, result, profile)
    script = (
        "const C = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify("
        "C.svg(C.personChart(input.m, input.target, input.answers, input.who), 'c')));"
    )
    done = subprocess.run(
        [node, "-e", script, str(CHART_JS)],
        input=json.dumps(
            {
                "m": to_json(matrix),
                "target": result.answer.target,
                "answers": dict(profile.skills),
                "who": profile.name,
            }
        ),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == svg(chart, "c")
    assert "\ufffd" not in done.stdout
