"""Hypothesis strategies for valid matrices of format version 2, every kind and key used:
tracks and ladders (``extends``, rising grades, levels never lowered), descriptors with
examples, links, expectations as objects, points with bands. Text is drawn from the
characters spreadsheets and YAML make hard: formulas, quotes, numbers, line breaks. The one
generator of random matrices the tests use: as files hold them (:func:`v2_matrices`), read
(:data:`matrices`), and with someone to assess (:func:`assessments`); a failure shrinks to
the smallest matrix that shows it."""

from __future__ import annotations

import json
from typing import NamedTuple

from hypothesis import strategies as st

from skills_matrix import format as fmt
from skills_matrix.assessment import Assessment, assess
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.export import to_json
from skills_matrix.model import Matrix
from skills_matrix.profile import Profile
from skills_matrix.reading.assembly import matrix_from_data
from skills_matrix.reading.source import parse_yaml

ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
awkward = st.sampled_from(
    [
        "=1+1",
        "+x",
        "-y",
        "@sum",
        "'quoted",
        "0o17",
        "08",
        "1.50",
        "true",
        "null",
        "~",
        "a: b",
        "# not a comment",
        "line\nbreak",
        "Zoë «ü»",
        "x" * 40,
        "  padded ",
        "tab\there",
    ]
)
titles = st.one_of(
    awkward,
    st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cc", "Cs", "Zl", "Zp"),
            exclude_characters="\ufeff",
        ),
        min_size=1,
        max_size=20,
    ).filter(lambda t: t.strip()),
)
dates = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
urls = st.sampled_from(["https://example.org/a", "http://example.com/b?q=1#c", "https://x.io"])


def maybe(draw, strategy):
    return draw(strategy) if draw(st.booleans()) else None


def renamed(draw, objects: list[dict], taken: set[str]) -> None:
    """Now and then, an old id an object ``replaces`` (never one in use, never twice)."""
    for obj in objects:
        if draw(st.integers(0, 3)) == 0:
            old = f"old-{obj['id']}"
            if old not in taken:
                taken.add(old)
                obj["replaces"] = [old]


def _drop_none(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if v is not None and v != [] and v != {}}


@st.composite
def sources(draw):
    return _drop_none(
        {"title": maybe(draw, titles), "url": draw(urls), "accessed": maybe(draw, dates)}
    )


@st.composite
def v2_matrices(draw) -> dict:
    """A valid version 2 matrix, as the plain values a YAML file holds."""
    level_ids = draw(st.lists(ids, min_size=fmt.MIN_LEVELS, max_size=5, unique=True))
    with_points = draw(st.booleans())
    points = sorted(
        draw(st.lists(st.integers(0, 50), min_size=len(level_ids), max_size=len(level_ids)))
    )
    levels = [
        _drop_none(
            {
                "id": level,
                "title": draw(titles),
                "description": maybe(draw, titles),
                "points": points[n] if with_points else None,
            }
        )
        for n, level in enumerate(level_ids)
    ]
    categories = [
        {"id": c, "title": draw(titles)} for c in draw(st.lists(ids, max_size=3, unique=True))
    ]
    tracks = [
        _drop_none({"id": t, "title": draw(titles), "description": maybe(draw, titles)})
        for t in draw(st.lists(ids, max_size=2, unique=True))
    ]
    resp_ids = draw(st.lists(ids, max_size=4, unique=True))
    responsibilities = [
        _drop_none(
            {
                "id": r,
                "title": draw(titles),
                "description": maybe(draw, titles),
                "sources": draw(st.lists(sources(), max_size=2)),
            }
        )
        for r in resp_ids
    ]
    skill_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    skills = []
    for skill in skill_ids:
        described = draw(st.lists(st.sampled_from(level_ids), unique=True, max_size=3))
        skills.append(
            _drop_none(
                {
                    "id": skill,
                    "title": draw(titles),
                    "category": draw(st.sampled_from([c["id"] for c in categories]))
                    if categories and draw(st.booleans())
                    else None,
                    "description": maybe(draw, titles),
                    "examples": draw(st.lists(titles, max_size=2)),
                    "supports": {
                        r: draw(st.sampled_from(fmt.STRENGTHS))
                        for r in draw(st.lists(st.sampled_from(resp_ids), unique=True))
                    }
                    if resp_ids
                    else None,
                    "links": draw(st.lists(sources(), max_size=2)),
                    "origin": maybe(draw, st.sampled_from(fmt.ORIGINS)),
                    "levels": {
                        level: draw(titles)
                        if draw(st.booleans())
                        else _drop_none(
                            {
                                "description": draw(titles),
                                "examples": draw(st.lists(titles, max_size=2)),
                            }
                        )
                        for level in described
                    },
                }
            )
        )
    roles = []
    rank = {level: n for n, level in enumerate(level_ids)}
    for n in range(draw(st.integers(0, 4))):
        base = roles[-1] if roles and draw(st.booleans()) else None
        inherited = {}
        chain = base
        while chain is not None:
            for skill, said in chain.get("expects", {}).items():
                level = said if isinstance(said, str) else said["level"]
                inherited.setdefault(skill, level)
            chain = next((r for r in roles if r["id"] == chain.get("extends")), None)
        expects = {}
        for skill in draw(st.lists(st.sampled_from(skill_ids), unique=True, max_size=4)):
            floor = rank.get(inherited.get(skill), 0)
            level = draw(st.sampled_from(level_ids[floor:]))
            if draw(st.booleans()):
                expects[skill] = level
            else:
                expects[skill] = _drop_none(
                    {
                        "level": level,
                        "required": maybe(draw, st.booleans()),
                        "weight": maybe(draw, st.sampled_from([0.5, 1, 2, 3.25])),
                        "note": maybe(draw, titles),
                    }
                )
        track = base.get("track") if base else None
        if base is None and tracks and draw(st.booleans()):
            track = draw(st.sampled_from([t["id"] for t in tracks]))
        grade = (base.get("grade", 0) + 1) if base and "grade" in base else None
        if base is None and track and draw(st.booleans()):
            grade = draw(st.integers(0, 5))
        needs = None
        if with_points and draw(st.booleans()):
            floor, chain = 0, base
            while chain is not None and "points" not in chain:
                chain = next((r for r in roles if r["id"] == chain.get("extends")), None)
            floor = chain["points"] if chain is not None else 0
            needs = floor + draw(st.integers(0, 40))
        roles.append(
            _drop_none(
                {
                    "id": f"role-{n}",
                    "title": draw(titles),
                    "summary": maybe(draw, titles),
                    "track": track,
                    "grade": grade,
                    "threshold": maybe(draw, st.sampled_from([0.5, 0.75, 1])),
                    "extends": base["id"] if base else None,
                    "points": needs,
                    "responsibilities": draw(st.lists(st.sampled_from(resp_ids), unique=True))
                    if resp_ids
                    else None,
                    "expects": expects,
                }
            )
        )
    bands = None
    if with_points and draw(st.booleans()):
        starts = [0, *sorted(draw(st.sets(st.integers(1, 200), max_size=3)))]
        bands = [
            _drop_none({"id": draw(titles), "points": start, "title": maybe(draw, titles)})
            for start in starts
        ]
        if len({b["id"] for b in bands}) != len(bands):
            bands = None
    for objects in (levels, categories, tracks, responsibilities, skills, roles):
        renamed(draw, objects, {o["id"] for o in objects})
    return _drop_none(
        {
            "version": 2,
            "title": maybe(draw, titles),
            "description": maybe(draw, titles),
            "levels": levels,
            "categories": categories,
            "tracks": tracks,
            "responsibilities": responsibilities,
            "skills": skills,
            "roles": roles,
            "bands": bands,
        }
    )


# The matrices as the package reads them, with someone to assess: for the tests that run the
# same cases through Python and the browser's scripts (in batches: one Node process a batch).


def read_matrix(document: dict) -> Matrix:
    """The model of a valid *document*, read as a file holding it is read."""
    diagnostics = Diagnostics()
    raw = parse_yaml(json.dumps(document, ensure_ascii=False), "drawn.yaml", diagnostics)
    matrix = matrix_from_data(raw, "drawn.yaml", diagnostics)
    assert matrix is not None, [str(d) for d in diagnostics]
    return matrix


matrices = v2_matrices().map(read_matrix)
"""Valid matrices, read."""


@st.composite
def answers_to(draw, matrix: Matrix) -> dict[str, str | None]:
    """Answers to some of *matrix*'s skills: a level, or ``None`` (none yet)."""
    levels = [level.id for level in matrix.levels]
    chosen = draw(st.lists(st.sampled_from([s.id for s in matrix.skills]), unique=True))
    return {skill: draw(st.sampled_from([*levels, None])) for skill in chosen}


@st.composite
def assessments(draw, of: st.SearchStrategy[Matrix] = matrices) -> Assessed:
    """A matrix, someone's answers to it, the role they hold and aim at (or none), and a
    threshold."""
    matrix = draw(of)
    roles = [role.id for role in matrix.roles]
    return Assessed(
        matrix,
        draw(answers_to(matrix)),
        draw(st.sampled_from([None, *roles])),
        draw(st.sampled_from([None, *roles])),
        draw(st.sampled_from([0.0, 0.5, 0.8, 1.0]) | st.floats(0, 1)),
    )


class Assessed(NamedTuple):
    matrix: Matrix
    answers: dict[str, str | None]
    role: str | None
    aim: str | None
    threshold: float

    def assessment(self) -> Assessment:
        """What Python makes of it."""
        profile = Profile(self.answers, role=self.role)
        return assess(self.matrix, profile, self.threshold, aim=self.aim)

    def for_the_browser(self) -> dict:
        """The case as the browser's scripts are given it: the published matrix, the answers,
        the threshold, the role and the aim."""
        return {
            "matrix": to_json(self.matrix),
            "profile": self.answers,
            "threshold": self.threshold,
            "role": self.role,
            "aim": self.aim,
        }
