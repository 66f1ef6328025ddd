"""Safe, located YAML reading: every hostile input gets a located error, in bounded time."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from skills_matrix.diagnostics import Diagnostics
from skills_matrix.reading.files import parse_yaml_bytes, read_yaml
from skills_matrix.reading.source import MAX_BYTES, parse_yaml


def parse(text: str | bytes):
    diagnostics = Diagnostics()
    if isinstance(text, bytes):
        value = parse_yaml_bytes(text, "f.yaml", diagnostics)
    else:
        value = parse_yaml(text, "f.yaml", diagnostics)
    return value, [(d.line, d.column, d.code) for d in diagnostics], diagnostics


def test_values_and_positions():
    value, problems, _ = parse("a: 1\nb:\n  - x\n  - 'y'\nc: {d: 2024-07-02}\n")
    assert problems == []
    assert value == {"a": 1, "b": ["x", "y"], "c": {"d": "2024-07-02"}}
    assert value.key_marks["b"] == (2, 1)
    assert value["b"].item_marks == [(3, 5), (4, 5)]
    assert value.value_marks["c"] == (5, 4)


def test_keys_are_their_text():
    value, problems, _ = parse("on: 1\n2: 3\nnull: x\n")
    assert problems == []
    assert list(value) == ["on", "2", "null"]


def test_duplicate_key_names_both_lines():
    value, problems, diagnostics = parse("a: 1\nb: 2\na: 3\n")
    assert problems == [(3, 1, "duplicate-key")]
    assert "first on line 1" in diagnostics[0].message
    assert value["a"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [echo hacked]\n",
        "a: !!python/name:os.system\n",
        "a: !custom x\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x}\n",
        "a: !!omap [{x: 1}]\n",
        "a: !!pairs [{x: 1}]\n",
        "a: !<tag:example.com,2000:app/foo> x\n",
    ],
)
def test_tags_that_are_not_core_yaml_are_refused(text):
    _, problems, diagnostics = parse(text)
    assert problems == [(1, 4, "tag")]
    assert "not allowed" in diagnostics[0].message


def test_core_tags_are_allowed():
    value, problems, _ = parse("a: !!str 12\nb: !!int '3'\nc: !!map {x: 1}\n")
    assert problems == []
    assert value == {"a": "12", "b": 3, "c": {"x": 1}}


def test_alias_bomb_stops_with_located_error():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 9):
        prev, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    value, problems, diagnostics = parse("\n".join(lines) + "\n")
    assert value is None
    assert problems[0][2] == "limit"
    assert problems[0][0] in range(6, 10)
    assert "aliases" in diagnostics[0].message


def test_aliases_within_bounds_are_fine():
    value, problems, _ = parse("a: &x [1, 2]\nb: *x\n")
    assert problems == [] and value["b"] == [1, 2]


def test_undefined_and_recursive_alias():
    _, problems, _ = parse("a: *nope\n")
    assert problems == [(1, 4, "syntax")]
    _, problems, _ = parse("a: &x [*x]\n")
    assert problems == [(1, 8, "syntax")]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000 + "]" * 5000,
        "a:\n" + "".join(" " * (2 * i) + f"k{i}:\n" for i in range(1, 200)) + "  " * 200 + "x: 1\n",
    ],
)
def test_deep_nesting_is_bounded(text):
    value, problems, _ = parse(text)
    assert value is None
    assert problems[-1][2] in ("limit", "syntax")


def test_invalid_utf8_located():
    _, problems, diagnostics = parse(b"a: 1\nb: caf\xe9\n")
    assert problems == [(2, 7, "encoding")]
    assert "0xe9" in diagnostics[0].message


def test_bom_and_crlf_are_read():
    value, problems, _ = parse(b"\xef\xbb\xbfa: 1\r\nb: [x, y]\r\n")
    assert problems == [] and value == {"a": 1, "b": ["x", "y"]}
    assert value["b"].mark == (2, 4)


def test_utf16_refused():
    _, problems, _ = parse("a: 1\n".encode("utf-16"))
    assert problems == [(1, 1, "encoding")]


def test_binary_garbage():
    _, problems, _ = parse(bytes(range(256)) * 4)
    assert len(problems) == 1 and problems[0][2] in ("encoding", "syntax")


def test_control_character():
    _, problems, diagnostics = parse("a: b\x00c\n")
    assert problems == [(1, 5, "encoding")]
    assert "U+0000" in diagnostics[0].message


def test_tab_indentation_hint():
    _, problems, diagnostics = parse("a:\n\tb: 1\n")
    assert problems[0][:2] == (2, 1)
    assert "tab" in diagnostics[0].message


def test_second_document_refused():
    _, problems, _ = parse("a: 1\n---\nb: 2\n")
    assert problems == [(2, 1, "syntax")]


def test_empty_file():
    _, problems, _ = parse("# only a comment\n")
    assert problems == [(1, 1, "empty")]


def test_collection_as_key():
    _, problems, _ = parse("? [a, b]\n: 1\n")
    assert problems == [(1, 3, "syntax")]


def test_file_over_the_limit(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    diagnostics = Diagnostics()
    assert read_yaml(big, diagnostics) is None
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(1, 1, "limit")]


def test_missing_file(tmp_path):
    diagnostics = Diagnostics()
    assert read_yaml(tmp_path / "nope.yaml", diagnostics) is None
    assert diagnostics[0].code == "file"


@pytest.mark.parametrize("special", ["device", "pipe", "socket", "folder"])
def test_only_regular_files_are_read(tmp_path, special):
    """A device, a pipe or a socket says it holds 0 bytes; reading /dev/zero never ends and a
    pipe blocks. Each is refused before anything is read, at once."""
    import os
    import socket

    if special == "device":
        path = Path("/dev/zero")
    elif special == "pipe":
        path = tmp_path / "fifo.yaml"
        os.mkfifo(path)
    elif special == "socket":
        path = tmp_path / "s.yaml"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path = tmp_path
    diagnostics = Diagnostics()
    assert read_yaml(path, diagnostics) is None
    [error] = diagnostics
    assert (error.code, error.line, error.column) == ("file", 1, 1)
    assert "only regular files are read" in error.message
    kind = {"device": "a device", "pipe": "a pipe", "socket": "a socket", "folder": "a folder"}
    assert kind[special] in error.message


def test_an_alias_counts_as_the_text_it_repeats():
    """One 1 MB string repeated by 600 aliases is a 600 MB document: refused as it is read,
    not after it has been built (its memory stays bounded: nothing is copied)."""
    text = "a: &a " + "x" * 1_000_000 + "\nb: [" + ", ".join(["*a"] * 600) + "]\n"
    diagnostics = Diagnostics()
    assert parse_yaml(text, "f.yaml", diagnostics) is None
    [error] = diagnostics
    assert (error.code, error.line) == ("limit", 2)
    assert "more than 10 MiB of text" in error.message


def test_validate_refuses_a_device_at_once():
    from skills_matrix.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", "/dev/zero"], out, err) == 1
    assert "/dev/zero:1:1: error: this is a device, not a file" in out.getvalue()
