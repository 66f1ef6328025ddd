"""The role pages' claims, read against the matrix data and so against each other.

A role page says things the data also says: "prompt design at *expert*", "training is not
expected", "deeper into delivery" than a neighbour, which skills "count twice". Such a
sentence is checked here wherever its words follow one of the patterns below; a comparison
whose topic is not in ``TOPICS`` fails (say what it means before using it), and every
"From ..." bullet must make at least one claim that is checked. Two pages that contradict
each other cannot both agree with the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from skills_matrix.assessment import assess
from skills_matrix.model import Matrix
from skills_matrix.profile import Profile
from skills_matrix.reading import load_matrix

from .conftest import PROJECT

DOCS = PROJECT / "docs"
REF = re.compile(r"\{matrix:(skill|role|responsibility)\}`([^`]+)`")
TOKEN = re.compile(r"⟦(skill|role|responsibility):([^⟧]+)⟧")

# What a comparison's words stand for: skills (compared by the sum of the levels expected),
# a category's skills, or a responsibility (held or not).
TOPICS: dict[str, tuple[str, str | frozenset[str]]] = {
    "delivery": ("category", "delivery"),
    "delivery skills": ("category", "delivery"),
    "deployment": ("category", "delivery"),
    "using the models": ("category", "ai"),
    "demos": ("skills", frozenset({"ai-prototyping", "ai-demonstration"})),
    "front-end work": ("skills", frozenset({"web-design", "production-javascript"})),
    "evangelizing": ("responsibility", "evangelize-ai"),
    "evangelizing ai": ("responsibility", "evangelize-ai"),
    "following the field": ("responsibility", "never-stop-learning"),
    "end-to-end engineering": ("responsibility", "think-end-to-end"),
    "training models": ("skills", frozenset({"model-training"})),
}
MORE = {"deeper into": ">", "less deep into": "<", "lighter on": "<", "fewer": "<"}
MARKER = re.compile(
    r"⟦skill:([^⟧]+)⟧|at \*(\w+)\*|from \*(\w+)\* to \*(\w+)\*|is not expected"
    r"|counts? twice|weighs twice|Required:|\badds\b|:|rather than"
)
"""What a clause says of the skills it names: a level, a raise, not expected, counting twice,
required, added; a colon or "rather than" ends what came before."""


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return load_matrix(DOCS / "_data" / "skills-matrix.yaml")


def role_pages() -> list[Path]:
    return sorted(p for p in (DOCS / "roles").glob("*.md") if p.name != "index.md")


def sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def tokens(text: str) -> str:
    """The text on one line, each ``{matrix:kind}`id``` as ``⟦kind:id⟧``."""
    return " ".join(REF.sub(lambda m: f"⟦{m[1]}:{m[2]}⟧", text).split())


@dataclass
class Reader:
    """Checks one page's clauses against the data, collecting what does not hold."""

    matrix: Matrix
    page_role: str
    wrong: list[str] = field(default_factory=list)
    twice: set[str] = field(default_factory=set)
    required: set[str] = field(default_factory=set)
    checked: int = 0

    def level(self, role: str, skill: str) -> str | None:
        effective = self.matrix.expectations(role).get(skill)
        return effective.level if effective else None

    def known(self, topic: str) -> bool:
        if topic not in TOPICS:
            self.wrong.append(f"a comparison of {topic!r}, which TOPICS does not define")
        return topic in TOPICS

    def depth(self, role: str, topic: str) -> int:
        """How much of *topic* the role expects: 0 for none."""
        if not self.known(topic):
            return 0
        kind, value = TOPICS[topic]
        if kind == "responsibility":
            return int(value in self.matrix.role_by_id[role].responsibilities)
        skills = (
            value if kind == "skills" else {s.id for s in self.matrix.skills if s.category == value}
        )
        rank = self.matrix.level_rank
        return sum(
            rank[e.level] + 1 for s, e in self.matrix.expectations(role).items() if s in skills
        )

    def claim(self, holds: bool, said: str) -> None:
        self.checked += 1
        if not holds:
            self.wrong.append(said)

    def clause(self, text: str, subject: str, other: str | None) -> None:
        """Check one clause: *subject* is the role it speaks of, *other* the one it compares."""
        pending: list[str] = []  # skills named since the last marker, for the next to judge
        after: str | None = None  # what the skills named from now on are said to be
        for m in MARKER.finditer(text):
            if m[1]:
                if after == "twice":
                    self.twice.add(m[1])
                elif after == "required":
                    self.required.add(m[1])
                elif after == "adds":
                    self.claim(
                        self.level(subject, m[1]) is not None
                        and other is not None
                        and self.level(other, m[1]) is None,
                        f"{subject} adds {m[1]} to {other}",
                    )
                else:
                    pending.append(m[1])
                continue
            if m[2]:
                for skill in pending:
                    self.claim(self.level(subject, skill) == m[2], f"{subject}: {skill} at {m[2]}")
            elif m[3]:
                for skill in pending:
                    self.claim(
                        other is not None
                        and self.level(other, skill) == m[3]
                        and self.level(subject, skill) == m[4],
                        f"{skill}: {other} {m[3]}, {subject} {m[4]}",
                    )
            elif m[0] == "is not expected":
                for skill in pending:
                    self.claim(self.level(subject, skill) is None, f"{subject} expects no {skill}")
            elif "twice" in m[0]:
                after = "twice"
                self.checked += 1
            elif m[0] == "Required:":
                after = "required"
                self.checked += 1
            elif m[0] == "adds":
                after = "adds"
            pending = []
        self.topics(text, subject, other)

    def topics(self, text: str, subject: str, other: str | None) -> None:
        plain = TOKEN.sub("", text)
        for m in re.finditer(r"no skill of ([A-Za-z ]+?) is expected", plain):
            category = next(c.id for c in self.matrix.categories if c.title.lower() == m[1].lower())
            held = {self.matrix.skill_by_id[s].category for s in self.matrix.expectations(subject)}
            self.claim(category not in held, f"{subject} expects no skill of {m[1]}")
        topic = r"([a-z][a-z\- ]*?)(?=,|;|\.|:|\)| and | or | is | are | rather than |$)"
        for m in re.finditer(rf"\b(deeper into|less deep into|lighter on|fewer) {topic}", plain):
            if other is None:
                self.wrong.append(f"{m[0]!r} compares with no role")
                continue
            if not self.known(m[2]):
                continue
            ours, theirs = self.depth(subject, m[2]), self.depth(other, m[2])
            self.claim(
                ours > theirs if MORE[m[1]] == ">" else ours < theirs,
                f"{subject} {m[0]} than {other}",
            )
        for m in re.finditer(rf"\b(?:no|drops the|nor) {topic}((?: or [a-z\- ]+)*)", plain):
            if m[1].startswith("skill of"):
                continue
            for name in [m[1], *filter(None, m[2].split(" or "))]:
                self.claim(self.depth(subject, name.strip()) == 0, f"{subject}: no {name.strip()}")
        for m in re.finditer(
            r"(?:^|[:;] )([a-z][a-z\- ]*(?: and [a-z\- ]+)*) are not expected", plain
        ):
            for name in m[1].split(" and "):
                self.claim(self.depth(subject, name.strip()) == 0, f"{subject}: no {name.strip()}")
        for m in re.finditer(rf"\bthe same {topic}", plain):
            if other is not None:
                both = self.depth(subject, m[1]) > 0 and self.depth(other, m[1]) > 0
                self.claim(both, f"{subject} and {other}: the same {m[1]}")


def clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r";|(?<=\.)\s", text) if c.strip()]


def bullets(text: str) -> list[str]:
    return [tokens(b) for b in re.split(r"^- ", text, flags=re.M)[1:]]


def read_page(matrix: Matrix, path: Path) -> Reader:
    text = path.read_text(encoding="utf-8")
    role = re.search(r"^```\{skills-role\} (\S+)$", text, re.M)
    assert role, f"{path.name} shows no role"
    reader = Reader(matrix, role[1])
    parts = sections(text)
    for name in ("What the role is", "Why some skills are required or weigh more"):
        for clause in clauses(tokens(parts.get(name, ""))):
            reader.clause(clause, reader.page_role, None)
    for bullet in bullets(parts["How it differs from its neighbours"]):
        head = re.match(r"From (?:an?|the) ⟦role:([^⟧]+)⟧: ", bullet) or re.match(
            r"From [^:]+: ", bullet
        )
        assert head, f"{path.name}: a difference that names no neighbour: {bullet[:60]}"
        before = reader.checked
        neighbour = head.groups()[0] if head.groups() else None
        for clause in clauses(bullet[head.end() :]):
            leading = re.match(r"(?:an?|the) ⟦role:([^⟧]+)⟧", clause)
            if leading:
                reader.clause(clause, leading[1], reader.page_role)
            elif clause.startswith("that role"):
                reader.clause(clause, neighbour or "", reader.page_role)
            else:
                reader.clause(clause, reader.page_role, neighbour)
        if reader.checked == before:
            reader.wrong.append(f"no claim checked in: {bullet[:70]}")
    return reader


@pytest.mark.parametrize("page", role_pages(), ids=lambda p: p.stem)
def test_a_role_page_says_what_the_data_says(matrix, page):
    reader = read_page(matrix, page)
    assert reader.checked >= 4, f"{page.name}: only {reader.checked} claims were checked"
    assert reader.wrong == [], f"{page.name}: {reader.wrong}"
    expected = matrix.expectations(reader.page_role)
    assert reader.twice == {s for s, e in expected.items() if e.weight == 2}
    assert reader.required == {s for s, e in expected.items() if e.required}


def test_every_role_has_a_page_that_reads_as_its_own(matrix):
    shown = {read_page(matrix, page).page_role for page in role_pages()}
    assert shown == set(matrix.role_by_id)


def test_a_claim_the_data_contradicts_is_caught(matrix, tmp_path):
    """The reader is no yes-man: the old wordings that contradicted the data fail."""
    page = tmp_path / "page.md"
    page.write_text(
        "# X\n\n## What the role is\n\nTraining ({matrix:skill}`model-training`) is not "
        "expected. The skills this definition names count twice: {matrix:skill}`python`.\n\n"
        "## How it differs from its neighbours\n\n"
        "- From the {matrix:role}`ai-engineer`: no skill of AI and LLM engineering is expected.\n"
        "- From the {matrix:role}`generative-ai-engineer`: it goes deeper into the models.\n"
        "- From the {matrix:role}`full-stack-engineer`: {matrix:skill}`python` at *expert*.\n\n"
        "```{skills-role} ml-engineer\n```\n",
        encoding="utf-8",
    )
    reader = read_page(matrix, page)
    *said, unchecked = reader.wrong
    assert said == [
        "ml-engineer expects no model-training",
        "ml-engineer expects no skill of AI and LLM engineering",
        "a comparison of 'the models', which TOPICS does not define",
    ]
    assert unchecked.startswith("no claim checked in: From the ⟦role:generative-ai-engineer⟧")
    assert reader.twice == {"python"}  # and ML Engineer weighs other skills twice


def test_a_caption_naming_a_role_shows_only_that_role_s_skills(matrix):
    titles = {role.title: role.id for role in matrix.roles}
    for page in DOCS.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```\{skills-matrix\}\n(.*?)```", text, re.S):
            caption = re.search(r"^:caption: (.+)$", block, re.M)
            if not caption or ":role:" in block:
                continue
            for title, role in titles.items():
                if f"{title} skills" in caption[1]:
                    missing = set(matrix.skill_by_id) - set(matrix.expectations(role))
                    assert not missing, f"{page.name}: {caption[1]!r} shows {sorted(missing)}"


BACKEND = {  # a working backend engineer, as she would answer the form
    "backend-development": "practitioner",
    "data-and-sql": "practitioner",
    "api-integration": "practitioner",
    "maintainable-design": "practitioner",
    "python": "practitioner",
    "cloud-deployment": "practitioner",
    "ci-cd-pipelines": "practitioner",
    "production-operations": "practitioner",
    "refactoring": "practitioner",
    "full-stack-development": "working",
    "problem-decomposition": "working",
    "following-ai-news": "working",
    "llm-evaluation": "aware",
}


def test_a_backend_engineer_records_her_strengths_and_is_nearest_to_product_roles(matrix):
    """She can say what she does best, and the roles that build products rank above the one
    that trains models, whose defining skills she lacks."""
    assert {"backend-development", "data-and-sql"} <= set(matrix.skill_by_id)
    for skill in ("backend-development", "data-and-sql"):
        assert matrix.skill_by_id[skill].origin == "synthesis"  # the article names neither
    result = assess(matrix, Profile(BACKEND))
    ranked = [fit.role.id for fit in result.roles]
    assert ranked[0] == "full-stack-engineer"
    assert ranked.index("ai-implementation-engineer") < ranked.index("ml-engineer")
    assert result.every["generative-ai-engineer"].fit < result.every["ml-engineer"].fit
