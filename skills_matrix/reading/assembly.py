"""A matrix assembled from its files: entries gathered, ids checked, references resolved.

A matrix is one file or a folder of them (lists concatenate in file-name order). Each file is
read by :class:`.fields.FileReader`; here the rules that span files are checked (required
parts, unique ids, references), and the model is built by keyword, only from data without
errors.
"""

from __future__ import annotations

from pathlib import Path

from .. import format as fmt
from .. import model
from ..diagnostics import Diagnostics, where
from ..model import Matrix
from .fields import INVALID, FileReader, Record
from .files import folder_files
from .rules.ladder import check_ladders
from .rules.lint import lint
from .rules.points import check_points
from .rules.renames import check_renames, check_retired
from .source import REFUSED, Mark, YamlMap, YamlSeq

MATRIX = fmt.KINDS["matrix"]

CLASSES: dict[str, type] = {
    "level": model.Level,
    "band": model.Band,
    "category": model.Category,
    "track": model.Track,
    "responsibility": model.Responsibility,
    "source": model.Source,
    "skill": model.Skill,
    "descriptor": model.Descriptor,
    "role": model.Role,
    "expectation": model.Expectation,
    "retirement": model.Retirement,
}
"""The class of each kind of object of the format."""


def matrix_files(
    path: Path, diagnostics: Diagnostics | None = None, display: str | None = None
) -> list[Path]:
    """The files of a matrix at *path*: the file itself, or a folder's ``*.yaml`` regular
    files (what else is there is left out, with a warning in *diagnostics* when given)."""
    if path.is_dir():
        return folder_files(path, diagnostics, display)
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
    files = matrix_files(path, diagnostics, name)
    if not files:
        diagnostics.error(name, 1, 1, "file", "the folder holds no *.yaml files")
        return None
    before = len(diagnostics.errors)
    names = [name if f == path else f"{name}/{f.name}" for f in files]
    readers = [FileReader(file_name, diagnostics) for file_name in names]
    raws = [reader.read(file) for reader, file in zip(readers, files, strict=True)]
    return _assemble(readers, raws, name, diagnostics, before)


def matrix_from_data(raw: object, name: str, diagnostics: Diagnostics) -> Matrix | None:
    """Validate a matrix already composed into values with their places (a spreadsheet's
    rows, say: :mod:`..spreadsheets`), exactly as a file holding it is validated."""
    before = len(diagnostics.errors)
    return _assemble([FileReader(name, diagnostics)], [raw], name, diagnostics, before)


def _assemble(
    readers: list[FileReader],
    raws: list[object],
    name: str,
    diagnostics: Diagnostics,
    errors_before: int,
) -> Matrix | None:
    """The matrix of *raws* (one value a file), or ``None`` when any error was found since
    *errors_before*."""
    assembly = _Assembly(diagnostics)
    said = _version(raws)
    assembly.version = said or fmt.LATEST
    assembly.required_version = said or fmt.VERSIONS[0]  # no version: the strictest parts
    for reader, raw in zip(readers, raws, strict=True):
        reader.version = assembly.version
        assembly.read(reader, raw)
    return assembly.finish(name, tuple(reader.name for reader in readers), errors_before)


def extensions(obj: YamlMap) -> dict[str, object]:
    """The writer's own keys of *obj* (``x-``…) with their plain values."""
    return {
        key: _plain(value)
        for key, value in obj.items()
        if key.startswith(fmt.EXTENSION_PREFIX) and value is not REFUSED
    }


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not REFUSED}
    if isinstance(value, list):
        return [_plain(v) for v in value if v is not REFUSED]
    return value


def _version(raws: list[object]) -> int | None:
    """The version the files say (one of them says it), or ``None`` when none says one that
    is known (reported where it stands)."""
    for raw in raws:
        version = raw.get("version") if isinstance(raw, dict) else None
        if version in fmt.VERSIONS and not isinstance(version, bool):
            return int(version)
    return None


class _Assembly:
    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.records: dict[str, list[Record]] = {k.name: [] for k in fmt.LISTED_KINDS}
        """The usable entries of each kind (complete, with a unique id), in reading order."""
        self.ids: dict[str, dict[str, tuple[str, Mark]]] = {k.name: {} for k in fmt.LISTED_KINDS}
        self.broken: dict[str, set[str]] = {k.name: set() for k in fmt.LISTED_KINDS}
        """Ids of entries too incomplete to use (already reported): references to them pass."""
        self.singletons: dict[str, tuple[str, Mark, object]] = {}
        self.extensions: dict[str, object] = {}
        """The writer's own top-level keys, of every file."""
        self.retired: list[Record] = []
        """What the files say was retired (``retired``), in reading order."""
        self.lists: dict[str, list[tuple[FileReader, Mark, int | None]]] = {}
        """Top-level list key -> (file, key mark, entries or None when not a list) per file."""
        self.unreadable = False
        self.version = fmt.LATEST
        self.required_version = fmt.LATEST

    def read(self, file: FileReader, raw: object) -> None:
        top = file.record(MATRIX, raw, (1, 1), "the matrix", required=False)
        if top is None:
            self.unreadable = True
            return
        for key in (*fmt.SINGLETON_KEYS, "levels"):
            if key not in top.obj:
                continue
            if key in self.singletons:
                other, mark, _ = self.singletons[key]
                file.error(
                    top.key_mark(key),
                    "duplicate-key",
                    f"{key!r} is already given in {other} (line {mark[0]}); give it "
                    "in one file of the folder only",
                )
            else:
                self.singletons[key] = (file.name, top.key_mark(key), top.values.get(key))
        for kind in fmt.LISTED_KINDS:
            if kind.list_key not in top.obj:
                continue
            key = kind.list_key
            entries = top.values.get(key)
            given = len(top.obj[key]) if isinstance(top.obj[key], YamlSeq) else None
            self.lists.setdefault(key, []).append((file, top.key_mark(key), given))
            for record, _ in entries if entries is not INVALID and entries else ():
                if record is not INVALID:
                    self._register(kind, record)
        self.extensions.update(extensions(top.obj))
        if "retired" in top.obj:
            entries = top.values.get("retired")
            given = len(top.obj["retired"]) if isinstance(top.obj["retired"], YamlSeq) else None
            self.lists.setdefault("retired", []).append((file, top.key_mark("retired"), given))
            for record, _ in entries if entries is not INVALID and entries else ():
                if record is not INVALID and record.complete:
                    self.retired.append(record)

    def _register(self, kind: fmt.Kind, record: Record) -> None:
        ident = record.id
        if ident is None:
            return
        if not record.complete:
            self.broken[kind.name].add(ident)
            return
        ids = self.ids[kind.name]
        if ident in ids:
            other, first = ids[ident]
            record.file.error(
                record.value_mark("id"),
                "duplicate-id",
                f"the {kind.name} id {ident!r} is used twice (first at {where(other, first)}); "
                f"ids must be unique among {kind.list_key}",
            )
            return
        ids[ident] = (record.file.name, record.value_mark("id"))
        self.records[kind.name].append(record)

    def _check_required(self, first: str) -> None:
        if self.unreadable:
            return  # what could not be read may hold what seems missing
        for key in fmt.SINGLETON_KEYS:
            if MATRIX.field(key).required_in(self.required_version) and key not in self.singletons:
                self.diagnostics.error(
                    first, 1, 1, "missing-key", f"the matrix has no {key!r}; the format requires it"
                )
        for field in MATRIX.fields:
            if not isinstance(field.type, fmt.ListOf):
                continue
            given = self.lists.get(field.key, [])
            low, high = field.type.min_items, field.type.max_items
            if any(count is None for _, _, count in given):
                continue  # not a list: reported where it stands
            total = sum(count or 0 for _, _, count in given)
            required = field.required_in(self.required_version)
            if not required:
                low = 0
            if not given and required:
                self.diagnostics.error(
                    first,
                    1,
                    1,
                    "missing-key",
                    f"the matrix has no {field.key!r}; the format requires at least "
                    f"{low} {'entry' if low == 1 else 'entries'}",
                )
            elif given and (total < low or (high is not None and total > high)):
                file, mark, _ = given[0]
                code = "levels" if field.key == "levels" else "missing-key"
                bounds = f"{low} to {high}" if high is not None else f"at least {low}"
                file.error(
                    mark,
                    code,
                    f"the {field.key} list has {total} entr{'y' if total == 1 else 'ies'}; it "
                    f"needs {bounds}" + (", lowest first" if field.key == "levels" else ""),
                )

    def finish(self, name: str, files: tuple[str, ...], errors_before: int) -> Matrix | None:
        """Check what spans files and build the matrix; ``None`` when anything is wrong."""
        self._check_required(files[0] if len(files) == 1 else name)
        built = {
            kind.list_key: tuple(self._build(record) for record in self.records[kind.name])
            for kind in fmt.LISTED_KINDS
        }
        check_ladders(self.records["role"], built["roles"], built["levels"])
        given = self.lists.get("bands")
        check_points(
            self.records["level"],
            self.records["band"],
            self.records["role"],
            (given[0][0], given[0][1]) if given else None,
        )
        check_renames(self.records)
        check_retired(self.records, self.retired)
        if len(self.diagnostics.errors) != errors_before:
            return None
        texts = {
            key: value if isinstance(value, str) else None
            for key, (_, _, value) in self.singletons.items()
        }
        matrix = Matrix(
            **built,
            retired=tuple(self._build(record) for record in self.retired),
            title=texts.get("title"),
            description=texts.get("description"),
            version=self.version,
            files=files,
            extensions=self.extensions,
        )
        lint(matrix, self.records)
        return matrix

    def _build(self, record: Record, owner: Record | None = None, key: str | None = None):
        """The model object of *record*, its references resolved (each failure reported);
        ``None`` when a required value is unusable (reported where it stands). *owner* is
        the listed object it stands in (named in messages), *key* the map key it is the
        value of."""
        owner = owner or record
        values = {}
        for field in record.kind.fields:
            if field.key in record.values:
                mark = record.value_mark(field.key)
                value = self._resolved(owner, field.type, record.values[field.key], mark, key)
                if value is not INVALID:
                    values[field.key] = value
        if any(k not in values for k in record.kind.required):
            return None
        own = extensions(record.obj)
        if own:
            values["extensions"] = own
        return CLASSES[record.kind.name](**values)

    def _resolved(
        self, owner: Record, typ: fmt.ValueType, value: fmt.Value, mark: Mark, key: str | None
    ) -> object:
        """*value*, checked by the reader, with its references resolved."""
        if isinstance(value, Record):
            return self._build(value, owner, key) or INVALID
        if isinstance(typ, fmt.Either):
            if value is None:
                return None
            text = next(o for o in typ.options if isinstance(o, (fmt.Ref, fmt.Text)))
            return self._resolved(owner, text, value, mark, key)
        if isinstance(typ, fmt.Ref):
            if typ.kind == "category" and not self.ids["category"]:
                owner.file.warning(
                    mark,
                    "undeclared-category",
                    f"the category {value!r} is not declared; add a 'categories' list to "
                    "give it a title and an order",
                )
                return value
            return value if self._resolve(owner, typ, value, mark, key) else INVALID
        if isinstance(typ, fmt.ListOf):
            items = (
                self._resolved(owner, typ.item, v, m, key) for v, m in value if v is not INVALID
            )
            return tuple(item for item in items if item is not INVALID)
        if isinstance(typ, fmt.IdMap):
            resolved = {}
            for item_key, key_mark, item, item_mark in value:
                ok = self._resolve(owner, typ.key, item_key, key_mark)
                if item is INVALID:
                    continue
                item = self._resolved(owner, typ.value, item, item_mark, item_key)
                if ok and item is not INVALID:
                    resolved[item_key] = item
            return resolved
        return value

    def _resolve(
        self, record: Record, ref: fmt.Ref, ident: str, mark: Mark, key: str | None = None
    ) -> bool:
        """Whether *ident* names a usable object of *ref*'s kind; an error where it stands
        when it names none."""
        known = self.ids[ref.kind]
        if ident in known:
            return True
        if ident in self.broken[ref.kind]:
            return False  # its definition is reported where it stands
        if ref.kind == "level" and "levels" not in self.singletons:
            return False  # the missing scale is reported once
        renamed = {
            old: other.id
            for other in self.records[ref.kind]
            for old, _ in other.values.get("replaces", ())
            if isinstance(old, str)
        }
        phrase = ref.phrase.format(key=key)
        said = f"the {record.kind.name} {record.id!r} {phrase} the {ref.kind} {ident!r}"
        if ident in renamed:
            message = (
                f"{said}, its id in an earlier edition: the {ref.kind} {renamed[ident]!r} "
                f"replaces it; write {renamed[ident]!r}"
            )
        else:
            message = f"{said}, but no {ref.kind} has that id{self.diagnostics.hint(ident, known)}"
        record.file.error(mark, "reference", message)
        return False
