"""Input well inside the documented limits that once crashed or crawled: each case is a
located error (or a quick answer), never a traceback (hardening, round three)."""

from __future__ import annotations

import io

import pytest

from skills_matrix.cli import main

from .conftest import ROOTS

LADDER = (ROOTS / "test-ladder" / "_data" / "skills-matrix.yaml").read_text(encoding="utf-8")


def validate(tmp_path, text: str) -> tuple[int, str]:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", str(path)], out, err)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        ("grade: 2\n", "grade: " + "9" * 401 + "\n", ":73:12: error:", "about 401 digits"),
        ("version: 2\n", "version: 0x" + "f" * 4000 + "\n", ":3:10: error:", "about 4817 digits"),
        ("weight: 2}", "weight: 0x" + "f" * 4000 + "}", ":81:52: error:", "about 4817 digits"),
        ("weight: 2}", "weight: -" + "1" * 5000 + "}", ":81:52: error:", "of 5000 digits is far"),
        ("threshold: 0.9", "threshold: 1e400", ":86:16: error:", "not a number (inf)"),
    ],
    ids=["grade", "version", "weight", "negative", "float"],
)
def test_big_numbers_are_range_errors_where_they_stand(tmp_path, old, new, where, words):
    assert old in LADDER
    code, said = validate(tmp_path, LADDER.replace(old, new, 1))
    assert code == 1
    assert where in said and words in said, said
    assert "Traceback" not in said


def chain(count: int, loop: bool = False) -> str:
    """A matrix of *count* roles, each extending the one before (the first the last, when
    *loop*), each with its own points, every hundredth with a responsibility of its own."""
    lines = [
        "version: 2",
        "levels:",
        "  - {id: low, title: Low, points: 1}",
        "  - {id: high, title: High, points: 2}",
        "responsibilities:",
        *(f"  - {{id: r{i}, title: R}}" for i in range(0, count, 100)),
        "skills:",
        "  - {id: s, title: S, supports: {r0: core}}",
        "roles:",
        "  - {id: role0, title: R, responsibilities: [r0], expects: {s: low}, points: 0"
        + (f", extends: role{count - 1}}}" if loop else "}"),
    ]
    lines += [
        f"  - {{id: role{i}, title: R, extends: role{i - 1}, points: {i}"
        + (f", responsibilities: [r{i}]" if i % 100 == 0 else "")
        + (f", grade: {i}" if i <= 100 else "")
        + "}"
        for i in range(1, count)
    ]
    return "\n".join(lines) + "\n"


def test_a_ladder_of_3000_roles_is_read_and_assessed_without_recursion(tmp_path):
    import json

    from skills_matrix.assessment import assess
    from skills_matrix.export import to_json
    from skills_matrix.profile import Profile
    from skills_matrix.reading import load_matrix

    path = tmp_path / "m.yaml"
    path.write_text(chain(3000), encoding="utf-8")
    matrix = load_matrix(path)
    assert matrix is not None
    assert len(matrix.responsibilities_of("role2999")) == 30
    assert matrix.points_needed("role2999") == 2999
    result = assess(matrix, Profile({"s": "high"}))
    assert result.answer.standing == ("role2",)  # 2 points: role0 to role2 fit
    # every role expects s, met: all fit 100%; the highest grade (100) leads those that do not
    assert result.answer.target == "role100"
    assert len(json.dumps(to_json(matrix))) > 0


def test_a_loop_of_3000_roles_is_reported_once_at_its_first_role(tmp_path):
    code, said = validate(tmp_path, chain(3000, loop=True))
    assert code == 1
    errors = [line for line in said.splitlines() if ": error:" in line]
    assert len(errors) == 1 and "extend each other in a loop" in errors[0], errors
    assert "'role0' → 'role2999' → 'role2998'" in errors[0]


def test_a_thousand_misspelled_references_get_a_few_hints_and_stay_quick(tmp_path):
    """'Did you mean' compares a word with every choice: after the first 50 hints of a run
    there are no more, so 1,000 misspellings against 1,000 skills cost no 1,000,000
    comparisons. The first hints are there."""
    from skills_matrix.diagnostics import Diagnostics
    from skills_matrix.reading import load_matrix

    skills = "\n".join(f"  - {{id: skill-{i:04d}, title: S}}" for i in range(1000))
    expects = ", ".join(f"skil-{i:04d}: low" for i in range(1000))
    text = (
        "version: 2\nlevels:\n  - {id: low, title: Low}\n  - {id: high, title: High}\n"
        f"skills:\n{skills}\nroles:\n  - {{id: r, title: R, expects: {{{expects}}}}}\n"
    )
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_matrix(path, diagnostics) is None
    errors = diagnostics.errors
    assert len(errors) == 1000
    hinted = [e for e in errors if "did you mean" in e.message]
    assert len(hinted) == Diagnostics.MAX_HINTS
    assert "did you mean 'skill-0000'?" in errors[0].message


def test_what_is_not_a_file_in_a_folder_is_named_not_skipped_silently(tmp_path):
    """A folder, a link to nothing or a pipe named *.yaml in a matrix or team folder is
    left out with a warning naming it; validate --strict fails on it."""
    import os

    from .conftest import ROOTS

    ladder = ROOTS / "test-ladder" / "_data"
    for folder in (tmp_path / "matrix", tmp_path / "team"):
        folder.mkdir()
        (folder / "b.yaml").mkdir()
        (folder / "c.yaml").symlink_to(tmp_path / "nowhere")
        os.mkfifo(folder / "d.yaml")
    (tmp_path / "matrix" / "a.yaml").write_text(
        (ladder / "skills-matrix.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "team" / "ada.yaml").write_text(
        (ladder / "profiles" / "ada.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(tmp_path / "matrix")], out, err) == 0
    said = out.getvalue()
    for name, kind in (("b", "a folder"), ("c", "a link to nothing"), ("d", "a pipe")):
        assert f"matrix/{name}.yaml:1:1: warning: left out: this is {kind}" in said, said
    assert main(["validate", "--strict", str(tmp_path / "matrix")], out, err) == 1
    out, err = io.StringIO(), io.StringIO()
    args = ["team", str(tmp_path / "team"), "--data", str(tmp_path / "matrix")]
    assert main(args, out, err) == 0
    assert "team/d.yaml:1:1: warning: left out: this is a pipe" in err.getvalue()
    assert "Team of 1: Ada" in out.getvalue()


def test_messages_never_echo_a_file_whole(tmp_path):
    """A link to a secret read as a matrix says what it is, not what it holds; any other
    value a message quotes is cut after 80 characters."""
    secret = tmp_path / "credentials"
    secret.write_text("https://someone:ghp_" + "s3cret" * 10 + "@github.com\n", encoding="utf-8")
    (tmp_path / "m.yaml").symlink_to(secret)
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(tmp_path / "m.yaml")], out, err) == 1
    said = out.getvalue()
    assert "should be a mapping of keys to values, not text (" in said, said
    assert "ghp_" not in said
    long_key = "k" * 1000  # YAML keeps simple keys under 1,024 characters
    code, said = validate(
        tmp_path, LADDER.replace("title: Engineering", f"{long_key}: 1\ntitle: E", 1)
    )
    assert code == 1 and "k" * 81 not in said and "(1,000 characters)" in said, said


def test_control_characters_in_file_names_reach_no_terminal_and_no_page(tmp_path):
    """A profile without a name is named after its file: escape sequences in that name, or
    in any path a message prints, are written as escapes; look-alike names are one name."""
    from .conftest import ROOTS

    ladder = ROOTS / "test-ladder" / "_data"
    team = tmp_path / "team"
    team.mkdir()
    profile = "version: 2\nskills:\n  planning: working\n"
    (team / "bo\x1b[31mRED\x07.yaml").write_text(profile, encoding="utf-8")
    (team / "Jos\u00e9.yaml").write_text(profile, encoding="utf-8")  # NFC
    out, err = io.StringIO(), io.StringIO()
    args = ["team", str(team), "--data", str(ladder / "skills-matrix.yaml")]
    assert main(args, out, err) == 0, err.getvalue()
    said = out.getvalue()
    assert "\x1b" not in said and "\x07" not in said
    assert "bo\\x1b[31mRED\\x07" in said
    (team / "Jose\u0301.yaml").write_text(profile, encoding="utf-8")  # NFD: the same name
    out, err = io.StringIO(), io.StringIO()
    assert main(args, out, err) == 1
    assert "the member 'José' is named in" in err.getvalue()
    broken = tmp_path / "\x1b]2;owned\x07\x1b[2J.yaml"
    broken.write_text("version: [\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(broken)], out, err) == 1
    shown = out.getvalue() + err.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown and "\\x1b]2;owned\\x07" in shown


def test_bidi_controls_are_neutralised_in_terminal_output(tmp_path):
    from .conftest import ROOTS

    ladder = ROOTS / "test-ladder" / "_data"
    path = tmp_path / "p.yaml"
    path.write_text('version: 2\nname: "Ada \\u202eevil"\nskills: {}\n', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["assess", str(path), "--data", str(ladder)], out, err) == 0
    assert "\u202e" not in out.getvalue() and "Ada \\u202eevil" in out.getvalue()
    zero_width = tmp_path / "team"
    zero_width.mkdir()
    (zero_width / "a.yaml").write_text("version: 2\nname: Ada\nskills: {}\n", encoding="utf-8")
    (zero_width / "b.yaml").write_text(
        'version: 2\nname: "Ada\\u200b"\nskills: {}\n', encoding="utf-8"
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["team", str(zero_width), "--data", str(ladder)], out, err) == 1
    assert "two members of a team need two names" in err.getvalue()


@pytest.mark.parametrize("builder", ["html", "text", "man", "latex"])
def test_a_file_name_with_control_characters_reaches_no_page(make_app, rootdir, tmp_path, builder):
    import shutil

    from .conftest import build_warnings
    from .test_ext_builders import output_text

    srcdir = tmp_path / "ladder"
    shutil.copytree(rootdir / "test-ladder", srcdir)
    (srcdir / "_data" / "profiles" / "bo\x1b[31mRED\x07.yaml").write_text(
        "version: 2\nskills:\n  planning: working\n", encoding="utf-8"
    )
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert build_warnings(app).strip() == "", build_warnings(app)
    text = output_text(app)
    assert "\x1b" not in text and "\x07" not in text
    assert "RED" in text


def test_the_text_builder_gets_no_word_longer_than_a_line(make_app, tmp_path):
    """Sphinx's text writer wraps a long word in time that grows faster than its length (100
    descriptions of one 5,000-character word: over a minute): the text builder's copy of the
    extension's text has its long words cut into line-sized pieces; HTML keeps them whole, and
    text the extension did not write is left alone."""
    import json

    from skills_matrix.ext.plain_text import PIECE

    word = "x" * 5_000
    data = {
        "version": 2,
        "levels": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
        "responsibilities": [{"id": "r", "title": "R"}],
        "skills": [
            {"id": f"s{i}", "title": "y" * 300, "description": word, "supports": {"r": "core"}}
            for i in range(3)
        ],
    }
    src = tmp_path / "src"
    (src / "_data").mkdir(parents=True)
    (src / "_data" / "skills-matrix.yaml").write_text(json.dumps(data), encoding="utf-8")
    (src / "conf.py").write_text('extensions = ["skills_matrix"]\n', encoding="utf-8")
    own = "z" * (PIECE + 5)  # under a line: the writer keeps it whole
    (src / "index.rst").write_text(
        f"W\n=\n\n{own}\n\n.. skills-catalogue:: skills\n\n.. skills-matrix::\n",
        encoding="utf-8",
    )
    app = make_app("text", srcdir=src)
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    words = text.split()
    assert own in words  # not the extension's
    assert max(len(w) for w in words if own not in w) <= PIECE
    assert text.count("x") == 3 * len(word)  # every character kept
    html = make_app("html", srcdir=src, freshenv=True)
    html.build()
    assert word in (html.outdir / "index.html").read_text(encoding="utf-8")


def test_an_aliased_list_cannot_expand_past_the_list_bound(tmp_path):
    """105 skills sharing one aliased 9,000-item list of examples is 66 KB of YAML that
    once rendered for minutes: each list holds at most 100 items, an error where it stands."""
    import sys

    sys.path.insert(0, str(ROOTS.parent.parent / "benchmarks"))
    try:
        from bench_hostile import aliased_examples
    finally:
        sys.path.pop(0)
    code, said = validate(tmp_path, aliased_examples(105, 9_000))
    assert code == 1
    errors = [line for line in said.splitlines() if ": error:" in line]
    assert len(errors) == 105  # each skill's list, where it stands (the alias, after one)
    assert ":5:" in errors[0] and "lists 9,000 items; at most 100 are allowed" in errors[0]
    assert ":6:" in errors[1] and "the skill 's1'" in errors[1]
    assert validate(tmp_path, aliased_examples(105, 100))[0] == 0
