"""The matrix of a build: loaded and validated once, shared by every directive.

The data is loaded before documents are read (so parallel readers, forked afterwards, share
it), its problems are reported once at their file and line, and each directive notes the data
files as dependencies, so editing them re-reads exactly the pages that use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import locale
from ..diagnostics import Diagnostics
from ..model import Matrix
from ..profile import Profile
from ..reading import load_matrix, load_profile, matrix_files
from ..translation import read_catalog, translated
from .warnings import report

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class MatrixStore:
    """The loaded matrix of this build; never pickled with the environment."""

    def __init__(self) -> None:
        self._empty()

    def _empty(self) -> None:
        self.loaded = False
        self.matrix: Matrix | None = None
        self.written: Matrix | None = None
        """The matrix as the data gives it, before its translation (if any)."""
        self.path: Path | None = None
        self.files: list[Path] = []
        self.profiles: dict[str, Profile | None] = {}

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self._empty()

    def load(self, env: BuildEnvironment) -> None:
        self.loaded = True
        self.path = Path(env.srcdir, env.config.skills_matrix_data)
        self.matrix = self.written = None
        self.files = []
        self.profiles = {}
        if not self.path.exists():
            return  # each directive that needs the data says so, where it stands
        self.files = [self.path, *matrix_files(self.path)] if self.path.is_dir() else [self.path]
        diagnostics = Diagnostics()
        self.matrix = self.written = load_matrix(self.path, diagnostics)
        for diagnostic in diagnostics.sorted():
            report(diagnostic)
        catalog = data_catalog(env)
        if self.matrix is not None and catalog is not None:
            said = read_catalog(catalog)
            self.matrix = translated(self.matrix, lambda text: said.get(text, text))
            self.files.append(catalog)  # a translation edited re-reads the pages too

    def profile(self, path: str) -> Profile | None:
        """The profile at *path*, read and checked once per build; problems reported once."""
        if self.matrix is None:
            return None
        if path not in self.profiles:
            diagnostics = Diagnostics()
            self.profiles[path] = load_profile(path, self.matrix, diagnostics)
            for diagnostic in diagnostics.sorted():
                report(diagnostic)
        return self.profiles[path]


DATA_CATALOG = "skills-matrix"
"""The message catalog of the matrix's own texts, in a project's ``locale_dirs``."""


def data_catalog(env: BuildEnvironment) -> Path | None:
    """The project's translation of its matrix into its ``language``, the gettext way:
    ``LOCALE_DIR/LANGUAGE/LC_MESSAGES/skills-matrix.po`` (``sphinx-build -b gettext``
    writes its template, ``skills-matrix.pot``); none for English."""
    language = env.config.language
    if locale.language(language).code == locale.ENGLISH:
        return None
    codes = dict.fromkeys([language, language.replace("-", "_").split("_")[0]])
    for folder in env.config.locale_dirs:
        for code in codes:
            path = Path(env.srcdir, folder, code, "LC_MESSAGES", f"{DATA_CATALOG}.po")
            if path.is_file():
                return path
    return None


def get_store(env: BuildEnvironment) -> MatrixStore:
    store = getattr(env, "skills_matrix_store", None)
    if store is None:
        store = env.skills_matrix_store = MatrixStore()  # type: ignore[attr-defined]
    if not store.loaded:
        store.load(env)
    return store


def _load_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    store = getattr(env, "skills_matrix_store", None) or MatrixStore()
    env.skills_matrix_store = store  # type: ignore[attr-defined]
    store.loaded = False
    if docnames:
        store.load(env)


def setup_data(app: Sphinx) -> None:
    app.connect("env-before-read-docs", _load_before_reading)
