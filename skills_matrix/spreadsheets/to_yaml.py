"""Sheets read back into a matrix file (``skills-matrix import``): the tables read, a team's
own shape mapped, composed into the values a YAML file would hold, checked as a YAML file is,
and written as YAML text."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import format as fmt
from ..diagnostics import Diagnostics, printable
from ..model import Matrix
from ..reading.assembly import matrix_from_data
from ..reading.scalars import CORE, resolve
from .compose import compose
from .mapped import apply_mapping
from .mapping_file import Mapping
from .read import read_tables


def import_matrix(
    path: Path,
    diagnostics: Diagnostics,
    display: str | None = None,
    mapping: Mapping | None = None,
) -> tuple[Matrix | None, dict | None]:
    """The matrix the workbook or CSV folder at *path* holds, checked, and its values as a
    YAML file holds them; ``(None, None)`` when anything is wrong (in *diagnostics*). A
    *mapping* says how sheets in a team's own shape hold it."""
    name = display or str(path)
    tables = read_tables(path, diagnostics, name)
    if tables is not None and mapping is not None:
        tables = apply_mapping(mapping, tables, name, diagnostics)
    if tables is None:
        return None, None
    before = len(diagnostics.errors)
    tree = compose(tables, name, diagnostics)
    if tree is None:
        return None, None
    shaped = len(diagnostics.errors) == before
    matrix = matrix_from_data(tree, name, diagnostics)  # what the rows say, checked all the same
    return (matrix, _plain(tree)) if matrix is not None and shaped else (None, None)


def _plain(value: fmt.Value) -> fmt.Value:
    """Plain dicts and lists, without empty lists and mappings (nothing said)."""
    if isinstance(value, dict):
        items = ((k, _plain(v)) for k, v in value.items())
        return {k: v for k, v in items if v != [] and v != {}}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


class _Dumper(yaml.SafeDumper):
    """Writes text that a YAML 1.2 reader could take for a number, true/false or null quoted
    (PyYAML's own rules are YAML 1.1's), and text of several lines as a block."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if resolve(text) != CORE + "str" or text != text.strip() or not text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def yaml_text(data: dict, source: str) -> str:
    """*data* as the text of a matrix file, saying where it comes from."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    name = re.sub(
        r"[\n\r\x0b\x0c\x85\u2028\u2029]", lambda m: repr(m.group())[1:-1], Path(source).name
    )
    return f"# Imported from {printable(name)} by skills-matrix import.\n{body}"
