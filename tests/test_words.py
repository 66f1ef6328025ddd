"""The answer in words, built once: the terminal and the pages render the same sentences
(skills_matrix.wording.answer_sentences), and the browser's twin (skills-words.js) says
the same for the same result, on random matrices and on the site's and the template's."""

from __future__ import annotations

import json
import random
import subprocess

from skills_matrix.assessment import assess
from skills_matrix.export import to_json
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix
from skills_matrix.terminal import assessment_text
from skills_matrix.wording import Voice, answer_sentences

from .conftest import PROJECT, need_node
from .test_golden import random_matrix

STATIC = PROJECT / "skills_matrix" / "ext" / "static"
SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
TEMPLATE = PROJECT / "skills_matrix" / "template" / "docs" / "_data" / "skills-matrix.yaml"
SCRIPT = (
    "const A = require(process.argv[1]); const W = require(process.argv[2]);"
    "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
    "console.log(JSON.stringify(cases.map((c) => {"
    " const result = A.assess(c.matrix, c.profile, c.threshold, undefined,"
    "  {aim: c.aim, role: c.role});"
    " return W.words(c.matrix, c.threshold).sentences(result)"
    "  .map((s) => Object.assign({}, s, {links: s.links.map((l) => l.url)})); })));"
)


def real_cases(rng, path, count):
    """Random answers to a real matrix: titles, descriptors, notes and links to say."""
    matrix = load_matrix(path)
    answers = [level.id for level in matrix.levels] + [None]
    for _ in range(count):
        chosen = rng.sample(matrix.skills, rng.randint(0, len(matrix.skills)))
        profile = {s.id: rng.choice(answers) for s in chosen}
        aim = rng.choice([None, *(r.id for r in matrix.roles)])
        yield matrix, profile, {"role": None, "aim": aim}


def test_the_browser_says_the_answer_as_python_does():
    node = need_node()
    rng = random.Random(13)  # noqa: S311 (test data)
    generated = [random_matrix(rng, 1 + index % 2) for index in range(300)]
    real = [*real_cases(rng, SITE, 40), *real_cases(rng, TEMPLATE, 40)]
    cases, expected = [], []
    for matrix, profile, context in generated + real:
        threshold = rng.choice([0.0, 0.5, 0.8, 1.0, rng.random()])
        profiled = Profile(profile, role=context["role"])
        result = assess(matrix, profiled, threshold, aim=context["aim"])
        expected.append([s.to_json() for s in answer_sentences(matrix, result)])
        cases.append(
            {"matrix": to_json(matrix), "profile": profile, "threshold": threshold, **context}
        )
    done = subprocess.run(
        [node, "-e", SCRIPT, str(STATIC / "skills-assess.js"), str(STATIC / "skills-words.js")],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(done.stdout)
    said = [s for case in expected for s in case]
    kinds = {s["kind"] for s in said}
    assert kinds == {
        "standing", "ladder", "points", "towards", "aim-reached", "no-steps", "steps", "step",
    }  # fmt: skip
    assert any(s["words"] for s in said) and any(s["links"] for s in said)
    for index, (mine, theirs) in enumerate(zip(expected, got, strict=True)):
        assert theirs == mine, index


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
