"""The self-assessment's state (skills-form-state.js) without a page: answers, name and aim
kept at once; a link's answers shown but not kept until chosen; clear and undo; imports read
through renames. The cases are in tests/js/form-state.test.cjs, run by Node's test runner."""

from __future__ import annotations

import json
import subprocess

from skills_matrix import locale
from skills_matrix.export import to_json
from skills_matrix.reading import load_matrix

from .conftest import PROJECT, need_node

MATRIX = """\
version: 2
levels:
  - {id: working, title: Working}
  - {id: expert, title: Expert}
responsibilities:
  - {id: build, title: Build}
skills:
  - {id: python, title: Python, replaces: [old-python], supports: {build: core}}
  - {id: sql, title: SQL, supports: {build: supporting}}
  - {id: cloud, title: Cloud, supports: {build: supporting}}
  - {id: prompting, title: Prompting, supports: {build: core}}
roles:
  - {id: engineer, title: Engineer, expects: {python: working}}
  - {id: lead, title: Lead, replaces: [old-lead], expects: {python: expert, sql: working}}
"""


def test_the_form_state_in_node(tmp_path):
    node = need_node()
    source = tmp_path / "matrix.yaml"
    source.write_text(MATRIX, encoding="utf-8")
    published = tmp_path / "matrix.json"
    published.write_text(json.dumps(to_json(load_matrix(source))), encoding="utf-8")
    german = tmp_path / "catalog.json"
    messages = locale.script_messages(PROJECT / "skills_matrix" / "ext" / "static")
    catalog = locale.browser_catalog(locale.language("de"), messages)
    german.write_text(json.dumps(catalog), encoding="utf-8")
    done = subprocess.run(
        [
            node,
            str(PROJECT / "tests" / "js" / "form-state.test.cjs"),
            str(PROJECT / "skills_matrix" / "ext" / "static"),
            str(published),
            str(german),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# fail 0" in done.stdout and "# pass 8" in done.stdout, done.stdout
