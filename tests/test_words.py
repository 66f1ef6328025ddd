"""The answer in words, built once: the terminal and the pages render the same sentences
(skills_matrix.wording.answer_sentences), and the browser's twin (skills-words.js) says
the same for the same result, on random matrices and on the site's and the template's."""

from __future__ import annotations

import json
import subprocess

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skills_matrix import locale
from skills_matrix.assessment import assess
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix
from skills_matrix.terminal import assessment_text
from skills_matrix.wording import Named, Voice, answer_sentences

from .conftest import PROJECT, need_node
from .strategies import assessments, matrices

STATIC = PROJECT / "skills_matrix" / "ext" / "static"
SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
TEMPLATE = PROJECT / "skills_matrix" / "template" / "docs" / "_data" / "skills-matrix.yaml"
SCRIPT = (
    "const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
    "globalThis.SkillsMatrixCatalog = given.catalog || undefined;"
    "const A = require(process.argv[1]); const W = require(process.argv[2]);"
    "console.log(JSON.stringify(given.cases.map((c) => {"
    " const result = A.assess(c.matrix, c.profile, c.threshold, undefined,"
    "  {aim: c.aim, role: c.role});"
    " return W.words(c.matrix, c.threshold).sentences(result)"
    "  .map((s) => Object.assign({}, s, {links: s.links.map((l) => l.url)})); })));"
)


REAL = st.sampled_from([load_matrix(SITE), load_matrix(TEMPLATE)])
"""The site's and the template's matrices: titles, descriptors, notes and links to say."""


def _said_alike(batch, language: str | None = None) -> None:
    """Python's sentences and the browser's for each drawn case, in *language*: the browser
    given that language's published catalog, as a page gives it."""
    node = need_node()
    cases, expected = [], []
    with locale.speaking(language) as spoken:
        for case in batch:
            result = case.assessment()
            expected.append([s.to_json() for s in answer_sentences(case.matrix, result)])
            cases.append(case.for_the_browser())
        catalog = (
            None
            if spoken.english
            else locale.browser_catalog(spoken, locale.script_messages(STATIC))
        )
    done = subprocess.run(
        [node, "-e", SCRIPT, str(STATIC / "skills-assess.js"), str(STATIC / "skills-words.js")],
        input=json.dumps({"catalog": catalog, "cases": cases}),
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(done.stdout)
    for index, (mine, theirs) in enumerate(zip(expected, got, strict=True)):
        assert theirs == mine, index


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(assessments(of=matrices | REAL), min_size=1, max_size=10))
def test_the_browser_says_the_answer_as_python_does(batch):
    _said_alike(batch)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(assessments(of=matrices | REAL), min_size=1, max_size=10))
def test_in_german_too(batch):
    """The same sentences in a shipped translation: the browser's words are the catalog's,
    its numbers the language's (a decimal comma, "75 %")."""
    _said_alike(batch, "de")


def test_a_translation_changes_the_words_not_the_answer():
    matrix = load_matrix(PROJECT / "tests" / "roots" / "test-points" / "_data")
    result = assess(matrix, Profile({"code": "m2", "systems": "m2"}, name="Kim"))
    english = answer_sentences(matrix, result)
    with locale.speaking("de"):
        german = answer_sentences(matrix, result)
    assert [s.kind for s in german] == [s.kind for s in english]
    assert german[0].text().startswith("Wo Sie stehen: ")
    assert [p for s in german for p in s.parts if isinstance(p, Named)] == [
        p for s in english for p in s.parts if isinstance(p, Named)
    ]
    said = " ".join(s.text() for s in german)
    assert "%" in said and " %" in said.replace("\xa0", " ") and "Punkte" in said


def test_the_drawn_answers_say_every_kind_of_sentence():
    """What the test above compares: every kind of sentence, words and links among them (the
    template's matrix has ladders and descriptors; the points root, points and bands)."""
    said = []
    template = load_matrix(TEMPLATE)
    points = load_matrix(PROJECT / "tests" / "roots" / "test-points" / "_data")
    for matrix in (template, points):
        for answers in ({}, {s.id: matrix.levels[-1].id for s in matrix.skills}):
            for aim in (None, *(r.id for r in matrix.roles)):
                result = assess(matrix, Profile(answers), aim=aim)
                said += [s.to_json() for s in answer_sentences(matrix, result)]
        result = assess(matrix, Profile({matrix.skills[0].id: matrix.levels[0].id}))
        said += [s.to_json() for s in answer_sentences(matrix, result)]
    kinds = {s["kind"] for s in said}
    assert kinds == {
        "standing", "ladder", "points", "towards", "aim-reached", "no-steps", "steps", "step",
    }  # fmt: skip
    assert any(s["words"] for s in said) and any(s["links"] for s in said)


def test_the_terminal_and_the_pages_say_the_same_sentences():
    """The terminal's answer is the sentences' words, a line each (ladders indented, steps
    numbered); a page's voice changes who is spoken of, nothing else."""
    matrix = load_matrix(PROJECT / "tests" / "roots" / "test-points" / "_data")
    profile = Profile({"code": "m2", "systems": "m2"}, name="Kim")
    result = assess(matrix, profile)
    sentences = answer_sentences(matrix, result)
    text = assessment_text(matrix, result, profile)
    for sentence in sentences:
        assert sentence.text() in text, sentence.text()
    spoken_of = answer_sentences(matrix, result, Voice("Kim"))
    by_kind = {s.kind: s.text() for s in spoken_of}
    assert by_kind["standing"].startswith("Where Kim stands: ")
    assert "the next role for Kim —" in by_kind["towards"]
    same = ("ladder", "points", "steps", "step")
    assert [s for s in spoken_of if s.kind in same] == [s for s in sentences if s.kind in same]
