"""Reading and validating matrix and profile files: the one loader the site and CLI share.

Every rule of the data format is checked here, and every problem becomes a located
:class:`~.diagnostics.Diagnostic`; a :class:`~.model.Matrix` is returned only when the data
has no errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .diagnostics import Diagnostics
from .model import STRENGTHS, Category, Level, Matrix, Profile, Responsibility, Role, Skill, Source
from .yamlsource import REFUSED, Mark, YamlMap, YamlSeq, read_yaml

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
URL_PATTERN = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
MIN_LEVELS, MAX_LEVELS = 2, 10

# Keys of each object of the format: name -> required?
_FIELDS: dict[str, dict[str, bool]] = {
    "matrix": {
        "version": False,
        "title": False,
        "levels": False,
        "categories": False,
        "responsibilities": False,
        "skills": False,
        "roles": False,
    },
    "level": {"id": True, "title": True, "description": False},
    "category": {"id": True, "title": True, "description": False},
    "responsibility": {"id": True, "title": True, "description": False, "sources": False},
    "source": {"title": False, "url": True, "accessed": False},
    "skill": {
        "id": True,
        "title": True,
        "category": False,
        "description": False,
        "examples": False,
        "supports": False,
    },
    "role": {
        "id": True,
        "title": True,
        "summary": False,
        "responsibilities": False,
        "expects": False,
    },
    "profile": {"version": True, "name": False, "skills": False},
}
_KINDS = ("levels", "categories", "responsibilities", "skills", "roles")
_SINGULAR = {
    "levels": "level",
    "categories": "category",
    "responsibilities": "responsibility",
    "skills": "skill",
    "roles": "role",
}


def hint(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" suffix for a misspelled *word*, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text {value!r}"


class _File:
    """Checks one file's objects, reporting at their positions."""

    def __init__(self, name: str, diagnostics: Diagnostics) -> None:
        self.name = name
        self.diagnostics = diagnostics

    def error(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.error(self.name, mark[0], mark[1], code, message)

    def warning(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.warning(self.name, mark[0], mark[1], code, message)

    def mapping(self, value: object, mark: Mark, what: str) -> YamlMap | None:
        if isinstance(value, YamlMap) or value is REFUSED:
            return value or None
        self.error(
            mark, "type", f"{what} should be a mapping of keys to values, not {_describe(value)}"
        )
        return None

    def sequence(self, value: object, mark: Mark, what: str) -> YamlSeq | None:
        if isinstance(value, YamlSeq) or value is REFUSED:
            return value if value is not REFUSED else None
        self.error(mark, "type", f"{what} should be a list, not {_describe(value)}")
        return None

    def items(self, obj: YamlMap, key: str, what: str) -> Iterator[tuple[object, Mark]]:
        """The items of the list under *key* with their positions (none when absent)."""
        if key not in obj:
            return iter(())
        items = self.sequence(obj[key], obj.value_marks[key], f"the {key} of {what}")
        return zip(items or (), items.item_marks if items else (), strict=True)

    def keys(self, obj: YamlMap, kind: str, what: str) -> bool:
        """Report unknown and missing keys; ``False`` when a required key is missing."""
        fields = _FIELDS[kind]
        for key in obj:
            if key not in fields and not key.startswith("x-"):
                self.error(
                    obj.key_marks[key],
                    "unknown-key",
                    f"{what} has no key {key!r}{hint(key, fields)}; allowed keys are "
                    f"{', '.join(fields)} (or keys starting with 'x-' for your own notes)",
                )
        complete = True
        misspelled = {
            hint(key, fields) for key in obj if key not in fields and not key.startswith("x-")
        }
        for key, required in fields.items():
            if required and key not in obj and f" (did you mean {key!r}?)" in misspelled:
                complete = False  # the misspelling is reported, with this key as the hint
            elif required and key not in obj:
                self.error(obj.mark, "missing-key", f"{what} needs a {key!r} key")
                complete = False
        return complete

    def text(self, obj: YamlMap, key: str, what: str) -> str | None:
        value = obj.get(key)
        if value is None and key not in obj:
            return None
        if isinstance(value, str) and value.strip():
            return value
        if value is REFUSED:
            return None
        self.error(
            obj.value_marks[key],
            "type",
            f"the {key} of {what} should be non-empty text, not {_describe(value)}"
            + (" (put it in quotes)" if isinstance(value, (int, float, bool)) else ""),
        )
        return None

    def ident(self, obj: YamlMap, what: str) -> str | None:
        value = obj.get("id")
        if "id" not in obj:
            return None
        mark = obj.value_marks["id"]
        if isinstance(value, str) and ID_PATTERN.fullmatch(value):
            return value
        if value is REFUSED:
            return None
        self.error(
            mark,
            "id",
            f"{_describe(value)} is not a valid id for {what}: an id is "
            "lowercase letters and digits, words joined by single hyphens "
            "(like 'think-end-to-end')",
        )
        return None

    def date(self, obj: YamlMap, key: str, what: str) -> str | None:
        """An ISO date, ``YYYY-MM-DD``; returned as that text."""
        value = obj.get(key)
        if key not in obj or value is REFUSED:
            return None
        text = str(value) if isinstance(value, str) else ""
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            self.error(
                obj.value_marks[key],
                "type",
                f"the {key} date of {what} should be written YYYY-MM-DD, not {_describe(value)}",
            )
            return None
        return text

    def url(self, obj: YamlMap, what: str) -> str | None:
        value = self.text(obj, "url", what)
        if value is None:
            return None
        if URL_PATTERN.fullmatch(value.strip()) and value == value.strip():
            return value
        scheme = value.split(":", 1)[0] if ":" in value else ""
        reason = (
            f"the scheme {scheme + ':'!r} is not allowed"
            if scheme and "/" not in scheme
            else "it is not an absolute address"
        )
        self.error(
            obj.value_marks["url"],
            "url",
            f"{value!r} is not a usable link: {reason}; links must start with http:// or https://",
        )
        return None


class _Record:
    """An object read from a file, with where it and its parts stand."""

    __slots__ = ("file", "obj", "id", "fields")

    def __init__(self, file: _File, obj: YamlMap, ident: str, fields: dict) -> None:
        self.file, self.obj, self.id, self.fields = file, obj, ident, fields


def matrix_files(path: Path) -> list[Path]:
    """The files of a matrix at *path*: the file itself, or a folder's ``*.yaml``."""
    if path.is_dir():
        return sorted(p for p in path.glob("*.yaml") if p.is_file())
    return [path]


def load_matrix(
    path: Path | str, diagnostics: Diagnostics | None = None, display: str | None = None
) -> Matrix | None:
    """Read and validate the matrix at *path* (a file, or a folder of ``*.yaml``).

    Returns ``None`` when there are errors; every problem is added to *diagnostics*, named
    by *display* (the path, by default) rather than *path* when given.
    """
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    path = Path(path)
    name = display or str(path)
    files = matrix_files(path)
    if not files:
        diagnostics.error(name, 1, 1, "file", "the folder holds no *.yaml files")
        return None
    before = len(diagnostics.errors)
    builder = _MatrixBuilder(diagnostics)
    names = [name if f == path else f"{name}/{f.name}" for f in files]
    for file, file_name in zip(files, names, strict=True):
        builder.read(file, file_name)
    matrix = builder.finish(name, tuple(names))
    return matrix if len(diagnostics.errors) == before else None


class _MatrixBuilder:
    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.records: dict[str, list[_Record]] = {kind: [] for kind in _KINDS}
        self.seen: dict[str, dict[str, tuple[str, Mark]]] = {kind: {} for kind in _KINDS}
        self.singletons: dict[str, tuple[str, Mark, object]] = {}
        self.declared_levels = False
        self.unreadable = False
        self.broken: dict[str, set[str]] = {kind: set() for kind in _KINDS}
        """Ids of entries too incomplete to use (already reported): references to them pass."""
        self.attempted: dict[str, int] = dict.fromkeys(_KINDS, 0)
        """Entries given of each kind, valid or not."""

    def read(self, path: Path, name: str) -> None:
        file = _File(name, self.diagnostics)
        raw = read_yaml(path, self.diagnostics, name)
        if raw is None:
            self.unreadable = True
            return
        top = file.mapping(raw, (1, 1), "A matrix file")
        if top is None:
            self.unreadable = True
            return
        file.keys(top, "matrix", "A matrix file")
        for key in ("version", "title", "levels"):
            if key in top:
                if key in self.singletons:
                    other, mark, _ = self.singletons[key]
                    file.error(
                        top.key_marks[key],
                        "duplicate-key",
                        f"{key!r} is already given in {other} (line {mark[0]}); give it "
                        "in one file of the folder only",
                    )
                else:
                    self.singletons[key] = (file.name, top.key_marks[key], top[key])
        if "version" in top and top["version"] != 1:
            file.error(
                top.value_marks["version"],
                "version",
                f"version {top['version']!r} is not known: the only format version is 1",
            )
        if "title" in top:
            file.text(top, "title", "the matrix")
        for kind in _KINDS:
            if kind in top:
                items = file.sequence(top[kind], top.value_marks[kind], f"{kind!r}")
                if items is not None:
                    self._read_items(file, kind, items)
                    if kind == "levels":
                        self._check_level_count(file, top, items)

    def _check_level_count(self, file: _File, top: YamlMap, items: YamlSeq) -> None:
        self.declared_levels = True
        if not MIN_LEVELS <= len(items) <= MAX_LEVELS:
            file.error(
                top.key_marks["levels"],
                "levels",
                f"the scale has {len(items)} level(s); it needs {MIN_LEVELS} to "
                f"{MAX_LEVELS}, lowest first",
            )

    def _read_items(self, file: _File, kind: str, items: YamlSeq) -> None:
        singular = _SINGULAR[kind]
        reader = getattr(self, f"_fields_{singular}")
        self.attempted[kind] += len(items)
        for index, (item, mark) in enumerate(zip(items, items.item_marks, strict=True)):
            what = f"{singular} {index + 1} of {kind!r}"
            obj = file.mapping(item, mark, f"Each entry of {kind!r}")
            if obj is None:
                continue
            ident = file.ident(obj, what)
            if ident:
                what = f"the {singular} {ident!r}"
            complete = file.keys(obj, singular, what.capitalize())
            fields = reader(file, obj, what)
            if ident is None:
                continue
            if not complete:
                self.broken[kind].add(ident)
                continue
            seen = self.seen[kind]
            if ident in seen:
                other, first = seen[ident]
                file.error(
                    obj.value_marks["id"],
                    "duplicate-id",
                    f"the {singular} id {ident!r} is used twice (first at {other}:"
                    f"{first[0]}); ids must be unique among {kind}",
                )
                continue
            seen[ident] = (file.name, obj.value_marks["id"])
            self.records[kind].append(_Record(file, obj, ident, fields))

    # One reader per object kind: check value types, return the plain fields.

    def _fields_level(self, file: _File, obj: YamlMap, what: str) -> dict:
        return {
            "title": file.text(obj, "title", what),
            "description": file.text(obj, "description", what),
        }

    _fields_category = _fields_level

    def _fields_responsibility(self, file: _File, obj: YamlMap, what: str) -> dict:
        sources: list[Source] = []
        for item, mark in file.items(obj, "sources", what):
            source = file.mapping(item, mark, f"each source of {what}")
            if source is None:
                continue
            swhat = f"a source of {what}"
            file.keys(source, "source", swhat.capitalize())
            url = file.url(source, swhat)
            accessed = file.date(source, "accessed", swhat)
            if url:
                sources.append(Source(url, file.text(source, "title", swhat), accessed))
        return {
            "title": file.text(obj, "title", what),
            "description": file.text(obj, "description", what),
            "sources": tuple(sources),
        }

    def _fields_skill(self, file: _File, obj: YamlMap, what: str) -> dict:
        examples: list[str] = []
        for item, mark in file.items(obj, "examples", what):
            if isinstance(item, str) and item.strip():
                examples.append(item)
            else:
                file.error(
                    mark, "type", f"each example of {what} should be text, not {_describe(item)}"
                )
        supports = self._id_map(file, obj, "supports", what)
        category = obj.get("category")
        if "category" in obj and not (isinstance(category, str) and category):
            file.error(
                obj.value_marks["category"],
                "type",
                f"the category of {what} should be a category id, not {_describe(category)}",
            )
            category = None
        return {
            "title": file.text(obj, "title", what),
            "description": file.text(obj, "description", what),
            "category": category,
            "examples": tuple(examples),
            "supports": supports,
        }

    def _fields_role(self, file: _File, obj: YamlMap, what: str) -> dict:
        resps: list[tuple[str, Mark]] = []
        for item, mark in file.items(obj, "responsibilities", what):
            if isinstance(item, str):
                resps.append((item, mark))
            else:
                file.error(
                    mark,
                    "type",
                    f"each responsibility of {what} should be a responsibility id, "
                    f"not {_describe(item)}",
                )
        return {
            "title": file.text(obj, "title", what),
            "summary": file.text(obj, "summary", what),
            "responsibilities": resps,
            "expects": self._id_map(file, obj, "expects", what),
        }

    @staticmethod
    def _id_map(file: _File, obj: YamlMap, key: str, what: str) -> list[tuple]:
        """``(key, key mark, value, value mark)`` for a map keyed by ids, in file order."""
        if key not in obj:
            return []
        mapping = file.mapping(obj[key], obj.value_marks[key], f"the {key} of {what}")
        if mapping is None:
            return []
        return [(k, mapping.key_marks[k], v, mapping.value_marks[k]) for k, v in mapping.items()]

    def finish(self, name: str, files: tuple[str, ...]) -> Matrix | None:
        """Check what spans files (required parts, references) and build the matrix."""
        missing = [k for k in ("version", "levels") if k not in self.singletons]
        missing += [k for k in ("responsibilities", "skills") if not self.attempted[k]]
        first = files[0] if len(files) == 1 else name
        for key in missing if not self.unreadable else ():
            what = "at least one entry" if key in ("responsibilities", "skills") else "it"
            self.diagnostics.error(
                first, 1, 1, "missing-key", f"the matrix has no {key!r}; the format requires {what}"
            )
        levels = tuple(
            Level(r.id, r.fields["title"], r.fields["description"]) for r in self.records["levels"]
        )
        level_ids = [level.id for level in levels]
        categories = tuple(
            Category(r.id, r.fields["title"], r.fields["description"])
            for r in self.records["categories"]
        )
        resp_ids = [r.id for r in self.records["responsibilities"]]
        skill_ids = [r.id for r in self.records["skills"]]
        category_ids = [c.id for c in categories]

        def resolve(
            rec: _Record, ident: object, mark: Mark, kind: str, known: list[str], what: str
        ) -> bool:
            if isinstance(ident, str) and ident in known:
                return True
            if ident is REFUSED or (isinstance(ident, str) and ident in self.broken[kind]):
                return False  # already reported where it stands
            if not known and kind == "levels" and not self.declared_levels:
                return False  # the missing scale is reported once, above
            shown = repr(ident) if isinstance(ident, str) else _describe(ident)
            suggestion = hint(ident, known) if isinstance(ident, str) else ""
            singular = _SINGULAR[kind]
            rec.file.error(
                mark, "reference", f"{what} {shown}, but no {singular} has that id{suggestion}"
            )
            return False

        skills: list[Skill] = []
        for rec in self.records["skills"]:
            f = rec.fields
            supports = {}
            for key, kmark, strength, vmark in f["supports"]:
                if not resolve(
                    rec,
                    key,
                    kmark,
                    "responsibilities",
                    resp_ids,
                    f"the skill {rec.id!r} supports the responsibility",
                ):
                    continue
                if strength is REFUSED:
                    continue
                if strength not in STRENGTHS:
                    shown = repr(strength) if isinstance(strength, str) else _describe(strength)
                    rec.file.error(
                        vmark,
                        "strength",
                        f"{shown} is not a strength: write 'core' or 'supporting'"
                        + (hint(strength, STRENGTHS) if isinstance(strength, str) else ""),
                    )
                    continue
                supports[key] = strength
            category = f["category"]
            if category is not None and category not in category_ids:
                mark = rec.obj.value_marks["category"]
                if categories:
                    rec.file.error(
                        mark,
                        "reference",
                        f"the skill {rec.id!r} is in the category {category!r}, "
                        f"which is not defined{hint(category, category_ids)}",
                    )
                    category = None
                else:
                    rec.file.warning(
                        mark,
                        "undeclared-category",
                        f"the category {category!r} is not declared; add a "
                        "'categories' list to give it a title and an order",
                    )
            skills.append(
                Skill(rec.id, f["title"], category, f["description"], f["examples"], supports)
            )
        roles: list[Role] = []
        for rec in self.records["roles"]:
            f = rec.fields
            resps = [
                r
                for r, mark in f["responsibilities"]
                if resolve(
                    rec,
                    r,
                    mark,
                    "responsibilities",
                    resp_ids,
                    f"the role {rec.id!r} lists the responsibility",
                )
            ]
            expects = {}
            for key, kmark, level, vmark in f["expects"]:
                ok = resolve(
                    rec, key, kmark, "skills", skill_ids, f"the role {rec.id!r} expects the skill"
                )
                if (
                    resolve(
                        rec,
                        level,
                        vmark,
                        "levels",
                        level_ids,
                        f"the role {rec.id!r} expects {key!r} at the level",
                    )
                    and ok
                ):
                    expects[key] = level
            roles.append(Role(rec.id, f["title"], f["summary"], tuple(resps), expects))
        responsibilities = tuple(
            Responsibility(r.id, r.fields["title"], r.fields["description"], r.fields["sources"])
            for r in self.records["responsibilities"]
        )
        matrix = Matrix(
            levels=levels,
            responsibilities=responsibilities,
            skills=tuple(skills),
            categories=categories,
            roles=tuple(roles),
            title=self._title(),
            version=1,
            files=files,
        )
        self._warn_suspicious(matrix)
        return matrix

    def _title(self) -> str | None:
        title = self.singletons.get("title", (None, None, None))[2]
        return title if isinstance(title, str) else None

    def _warn_suspicious(self, matrix: Matrix) -> None:
        """Allowed but probably unintended: report as warnings."""
        supported: set[str] = set()
        for rec, skill in zip(self.records["skills"], matrix.skills, strict=True):
            supported.update(skill.supports)
            if not skill.supports and not rec.fields["supports"]:
                rec.file.warning(
                    rec.obj.value_marks["id"],
                    "unused",
                    f"the skill {skill.id!r} supports no responsibility",
                )
        for rec in self.records["responsibilities"]:
            if rec.id not in supported:
                rec.file.warning(
                    rec.obj.value_marks["id"],
                    "unused",
                    f"no skill supports the responsibility {rec.id!r}",
                )
        for rec, role in zip(self.records["roles"], matrix.roles, strict=True):
            mine = set(role.responsibilities)
            marks = {k: km for k, km, _, _ in rec.fields["expects"]}
            for skill_id in role.expects:
                skill = matrix.skill_by_id[skill_id]
                if mine and not mine.intersection(skill.supports):
                    rec.file.warning(
                        marks[skill_id],
                        "unused",
                        f"the role {role.id!r} expects the skill {skill_id!r}, "
                        "which supports none of the role's responsibilities",
                    )


def load_profile(
    path: Path | str,
    matrix: Matrix,
    diagnostics: Diagnostics | None = None,
    display: str | None = None,
) -> Profile | None:
    """Read and validate a self-assessment profile against *matrix*."""
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    before = len(diagnostics.errors)
    file = _File(display or str(path), diagnostics)
    raw = read_yaml(Path(path), diagnostics, file.name)
    top = file.mapping(raw, (1, 1), "A profile") if raw is not None else None
    if top is None:
        return None
    file.keys(top, "profile", "A profile")
    if "version" in top and top["version"] != 1:
        file.error(
            top.value_marks["version"],
            "version",
            f"version {top['version']!r} is not known: the only format version is 1",
        )
    name = file.text(top, "name", "the profile")
    skills: dict[str, str] = {}
    level_ids = [level.id for level in matrix.levels]
    for key, kmark, level, vmark in _MatrixBuilder._id_map(file, top, "skills", "the profile"):
        if key not in matrix.skill_by_id:
            file.error(
                kmark,
                "reference",
                f"the skill {key!r} is not defined in the matrix{hint(key, matrix.skill_by_id)}",
            )
        elif not (isinstance(level, str) and level in matrix.level_rank):
            shown = repr(level) if isinstance(level, str) else _describe(level)
            file.error(
                vmark,
                "reference",
                f"{shown} is not a level of the matrix; levels are "
                f"{', '.join(level_ids)}"
                + (hint(level, level_ids) if isinstance(level, str) else ""),
            )
        else:
            skills[key] = level
    if len(diagnostics.errors) != before:
        return None
    return Profile(skills=skills, name=name, file=file.name)
