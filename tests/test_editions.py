"""A framework's next edition merges, renames and retires: diff says so and nothing false, an
old profile is assessed against the new edition with notes and exit 0 (the command line, the
browser and Sphinx alike), a merge keeps the highest answer whatever the order, and progress
across the editions names each change for what it is."""

from __future__ import annotations

import io
import json
import subprocess

import pytest

from skills_matrix.cli import main
from skills_matrix.diagnostics import Diagnostics
from skills_matrix.diff import diff
from skills_matrix.export import to_json
from skills_matrix.progress import progress
from skills_matrix.reading import load_matrix, load_profile
from skills_matrix.wording import edition_words

from .conftest import PROJECT, need_node

FIRST = """\
version: 2
levels:
  - {id: working, title: Working}
  - {id: practitioner, title: Practitioner}
  - {id: expert, title: Expert}
categories: [{id: ai, title: AI}]
tracks: [{id: ic, title: Individual contributor}]
skills:
  - {id: prompting, title: Prompting, category: ai}
  - {id: prompt-design, title: Prompt design, category: ai}
  - {id: llm-framework, title: LLM frameworks, category: ai}
  - {id: fine-tuning-by-hand, title: Fine-tuning by hand}
  - {id: python, title: Python}
roles:
  - id: engineer
    title: Engineer
    track: ic
    grade: 1
    expects: {prompting: working, llm-framework: working, python: practitioner,
              fine-tuning-by-hand: working}
  - {id: senior, title: Senior, track: ic, grade: 2, extends: engineer,
     expects: {prompt-design: practitioner}}
  - {id: researcher, title: Researcher, expects: {fine-tuning-by-hand: expert}}
"""

SECOND = """\
version: 2
levels:
  - {id: working, title: Working}
  - {id: proficient, title: Proficient, replaces: [practitioner]}
  - {id: expert, title: Expert}
categories: [{id: ai, title: AI}]
tracks: [{id: ic, title: Individual contributor}]
skills:
  - {id: prompt-engineering, title: Prompt engineering, category: ai,
     replaces: [prompting, prompt-design]}
  - {id: llm-frameworks, title: LLM frameworks, category: ai, replaces: [llm-framework]}
  - {id: python, title: Python}
roles:
  - id: software-engineer
    title: Engineer
    track: ic
    grade: 1
    replaces: [engineer]
    expects: {prompt-engineering: working, llm-frameworks: working, python: proficient}
  - {id: senior, title: Senior, track: ic, grade: 2, extends: software-engineer,
     expects: {prompt-engineering: proficient}}
retired:
  - {kind: skill, id: fine-tuning-by-hand, note: the platform tunes models now}
  - {kind: role, id: researcher}
"""

OLD_PROFILE = """\
version: 2
name: Ada
role: engineer
aim: researcher
date: 2026-01-10
skills:
  prompting: expert
  prompt-design: working
  llm-framework: practitioner
  fine-tuning-by-hand: expert
  python: practitioner
"""

NEW_PROFILE = """\
version: 2
name: Ada
date: 2026-06-10
skills: {prompt-engineering: expert, llm-frameworks: proficient, python: expert}
"""


@pytest.fixture
def editions(tmp_path):
    (tmp_path / "first.yaml").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.yaml").write_text(SECOND, encoding="utf-8")
    (tmp_path / "old.yaml").write_text(OLD_PROFILE, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(NEW_PROFILE, encoding="utf-8")
    diagnostics = Diagnostics()
    first = load_matrix(tmp_path / "first.yaml", diagnostics)
    second = load_matrix(tmp_path / "second.yaml", diagnostics)
    assert first and second and not diagnostics, [str(d) for d in diagnostics]
    return tmp_path, first, second


def test_diff_follows_renames_merges_and_retirements(editions):
    _, first, second = editions
    changes = {(c.kind, c.id): c for c in diff(first, second)}
    assert {c.change for c in changes.values()} <= {"renamed", "merged", "retired", "changed"}
    merged = changes["skill", "prompt-engineering"]
    assert merged.change == "merged" and merged.old_ids == ("prompting", "prompt-design")
    assert changes["skill", "llm-frameworks"].change == "renamed"
    assert changes["skill", "llm-frameworks"].details == ()
    assert changes["skill", "fine-tuning-by-hand"].change == "retired"
    assert "why: the platform tunes models now" in changes["skill", "fine-tuning-by-hand"].details
    assert changes["role", "researcher"].change == "retired"
    assert changes["level", "proficient"].old_id == "practitioner"
    engineer = changes["role", "software-engineer"]
    assert engineer.change == "renamed" and engineer.old_id == "engineer"
    assert "expects prompt-engineering: renamed from prompting" in engineer.details
    assert "expects llm-frameworks: renamed from llm-framework" in engineer.details
    assert not [d for d in engineer.details if d.startswith("expects python")]  # level renamed
    senior = changes["role", "senior"]
    assert not [d for d in senior.details if "extends" in d]  # changed only by a rename
    assert senior.details == ("expects prompt-engineering: renamed from prompt-design",)


def test_diff_as_json_carries_every_old_id(editions):
    folder, _, _ = editions
    out = io.StringIO()
    argv = ["diff", str(folder / "first.yaml"), str(folder / "second.yaml"), "--format", "json"]
    assert main(argv, out, io.StringIO()) == 0
    changes = json.loads(out.getvalue())["changes"]
    merged = next(c for c in changes if c["change"] == "merged")
    assert merged["old_ids"] == ["prompting", "prompt-design"]
    assert [c["id"] for c in changes if c["change"] == "retired"] == [
        "fine-tuning-by-hand",
        "researcher",
    ]
    out = io.StringIO()
    assert main(argv[:3], out, io.StringIO()) == 0
    assert "- **merged** `prompting`, `prompt-design` → `prompt-engineering`" in out.getvalue()
    assert "- **retired** `fine-tuning-by-hand`: Fine-tuning by hand" in out.getvalue()


def test_an_old_profile_is_assessed_against_the_new_edition(editions):
    folder, _, _ = editions
    out, err = io.StringIO(), io.StringIO()
    argv = ["assess", str(folder / "old.yaml"), "--data", str(folder / "second.yaml")]
    assert main([*argv, "--format", "json"], out, err) == 0, err.getvalue()
    said = err.getvalue()
    assert "error" not in said
    assert (
        "old.yaml:4:6: note: the role 'researcher' is retired from the matrix; the aim is " in said
    )
    assert "'prompting', 'prompt-design' are merged into 'prompt-engineering': the highest" in said
    assert "'expert' (for 'prompting'), is kept" in said
    assert "the skill 'fine-tuning-by-hand' is retired from the matrix (the platform tunes" in said
    result = json.loads(out.getvalue())
    edition = {(c["kind"], c["change"], tuple(c["old"]), c["new"]) for c in result["edition"]}
    assert edition == {
        ("role", "renamed", ("engineer",), "software-engineer"),
        ("role", "retired", ("researcher",), None),
        ("skill", "merged", ("prompting", "prompt-design"), "prompt-engineering"),
        ("skill", "renamed", ("llm-framework",), "llm-frameworks"),
        ("level", "renamed", ("practitioner",), "proficient"),
        ("skill", "retired", ("fine-tuning-by-hand",), None),
    }
    assert result["answer"]["aim"] is None  # the retired aim is left out, not an error


@pytest.mark.parametrize("order", ["as written", "reversed"])
def test_a_merge_keeps_the_highest_answer_in_any_order(editions, order):
    folder, _, second = editions
    lines = OLD_PROFILE.splitlines()
    start = lines.index("skills:") + 1
    answers = lines[start:]
    if order == "reversed":
        answers.reverse()
    path = folder / "p.yaml"
    path.write_text("\n".join(lines[:start] + answers) + "\n", encoding="utf-8")
    profile = load_profile(path, second)
    assert profile.skills == {
        "prompt-engineering": "expert",
        "llm-frameworks": "proficient",
        "python": "proficient",
    }


def test_progress_across_editions_names_each_change(editions):
    folder, _, second = editions
    profiles = [load_profile(folder / name, second) for name in ("old.yaml", "new.yaml")]
    step = progress(second, profiles).steps[0]
    assert [c.skill for c in step.raised] == ["python"]
    assert step.lowered == ()  # the retired skill's answer is neither lowered nor lost
    said = {edition_words(c) for c in step.edition}
    assert "skill 'prompting', 'prompt-design' merged into 'prompt-engineering'" in said
    assert "skill 'fine-tuning-by-hand' retired" in said
    assert "skill 'llm-framework' renamed 'llm-frameworks'" in said
    out = io.StringIO()
    argv = ["progress", str(folder / "old.yaml"), str(folder / "new.yaml")]
    assert main([*argv, "--data", str(folder / "second.yaml")], out, io.StringIO()) == 0
    assert "read across editions: " in out.getvalue()
    assert "skill 'fine-tuning-by-hand' retired" in out.getvalue()
    out = io.StringIO()
    assert main([*argv, "--data", str(folder / "second.yaml"), "--format", "json"], out) == 0
    edition = json.loads(out.getvalue())["changes"][0]["edition"]
    assert {"kind": "skill", "change": "retired", "old": ["fine-tuning-by-hand"], "new": None} in (
        edition
    )


def test_the_browser_reads_an_old_profile_as_the_command_line_does(editions):
    folder, _, second = editions
    node = need_node()
    script = PROJECT / "skills_matrix" / "ext" / "static" / "skills-profile.js"
    skills = dict(load_yaml_skills(OLD_PROFILE))
    both = [skills, dict(reversed(list(skills.items())))]
    code = (
        "const P = require(process.argv[1]);"
        "const m = JSON.parse(process.argv[2]);"
        "const out = JSON.parse(process.argv[3]).map((s) => P.readAnswers(m, s));"
        "out.push(P.readRole(m, 'researcher'));"
        "process.stdout.write(JSON.stringify(out));"
    )
    done = subprocess.run(
        [node, "-e", code, str(script), json.dumps(to_json(second)), json.dumps(both)],
        capture_output=True,
        text=True,
        check=True,
    )
    *reads, role = json.loads(done.stdout)
    python = load_profile(folder / "old.yaml", second).skills
    for read in reads:
        assert read["answers"] == dict(python)
        assert 'the skill "fine-tuning-by-hand" (retired from this matrix)' in read["left"]
        assert (
            '"prompting", "prompt-design" are merged into "prompt-engineering" (the highest '
            "answer kept)"
            in read["renamed"]
            or '"prompt-design", "prompting" are merged into "prompt-engineering" (the highest '
            "answer kept)"
            in read["renamed"]
        )
    assert role == {"role": "", "renamed": '"researcher" is retired from this matrix'}


def load_yaml_skills(text: str):
    import yaml

    return yaml.safe_load(text)["skills"].items()


@pytest.mark.parametrize(
    ("retired", "message"),
    [
        ("{kind: skill, id: python}", "the skill 'python' cannot be retired: it is the id of"),
        ("{kind: skill, id: prompting}", "the skill 'prompt-engineering' replaces it"),
        ("{kind: skil, id: x}", "'skil' is not a kind"),
    ],
)
def test_a_retirement_that_breaks_a_rule_is_a_located_error(tmp_path, retired, message):
    path = tmp_path / "m.yaml"
    path.write_text(SECOND + f"  - {retired}\n", encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    found = [str(d) for d in diagnostics.errors]
    assert (
        len(found) == 1
        and message in found[0]
        and f"m.yaml:{SECOND.count(chr(10)) + 1}:" in (found[0])
    )


def test_version_1_cannot_retire(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(FIRST.replace("version: 2", "version: 1") + "retired: []\n")
    diagnostics = Diagnostics()
    load_matrix(path, diagnostics)
    assert any("'retired' is new in version 2" in str(d) for d in diagnostics.errors)


def test_an_old_id_in_extends_is_said_to_be_renamed(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(SECOND.replace("extends: software-engineer", "extends: engineer"))
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    (found,) = [str(d) for d in diagnostics.errors]
    assert "the role 'senior' extends the role 'engineer', its id in an earlier edition: the " in (
        found
    )
    assert "role 'software-engineer' replaces it; write 'software-engineer'" in found
    assert "did you mean" not in found
