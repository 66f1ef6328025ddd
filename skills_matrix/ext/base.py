"""The base of every directive: the build's matrix, noted as a dependency, and located
warnings; option converters the directives share."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Code
from ..model import Matrix, SelectionError
from .data import get_store
from .domain import MatrixDomain
from .table_nodes import deferred_table
from .warnings import note, warn


def id_list(argument: str | None) -> list[str]:
    """Option value: ids separated by commas or spaces."""
    ids = [part for part in (argument or "").replace(",", " ").split() if part]
    if not ids:
        raise ValueError("give at least one id")
    return ids


def fraction(argument: str | None) -> float:
    value = float(argument or "")
    if not 0 <= value <= 1:
        raise ValueError("give a number from 0 to 1")
    return value


class MatrixDirective(SphinxDirective):
    """Renders matrix data; subclasses implement :meth:`render`, given the matrix.

    Nothing is rendered from data with errors (each is reported at its line once); a
    :class:`~skills_matrix.model.SelectionError` raised by :meth:`render` (an option naming
    something the matrix lacks) becomes a warning at the directive.
    """

    scripted = False
    """Whether the page needs the self-assessment scripts."""

    def run(self) -> list[nodes.Node]:
        matrix = self.matrix()
        if matrix is None:
            return []
        try:
            result = self.render(matrix)
        except SelectionError as exc:
            return self.warn(f"{self.name}: {exc}", Code.OPTION)
        for node in result:
            if isinstance(node, nodes.Element):
                node["support_smartquotes"] = False  # data text shows exactly as written
                for table in node.findall(deferred_table):
                    self.state.document.set_id(table)  # an id like any table's, for links
        return result

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        raise NotImplementedError

    def warn(self, message: str, code: Code) -> list[nodes.Node]:
        warn(code, message, self.get_location())
        return []

    def role_option(self, matrix: Matrix, option: str | int) -> str | None:
        """The role an option (or, given a number, an argument) names: its new id when the
        matrix has renamed it (a note in the build's log, not a warning)."""
        if isinstance(option, int):
            given = self.arguments[option] if option < len(self.arguments) else None
        else:
            given = self.options.get(option)
        new = matrix.renamed("roles").get(given) if given is not None else None
        if new is None:
            return given
        note(
            Code.RENAME,
            f"{self.name}: the role {given!r} is read as {new!r}, its new id",
            self.get_location(),
        )
        return new

    def matrix(self) -> Matrix | None:
        """The build's matrix, with its files noted as dependencies of this document."""
        store = get_store(self.env)
        self.domain.note_page(self.scripted)
        for file in store.files:
            self.env.note_dependency(file)
        if store.matrix is None:
            if not store.files:
                self.warn(
                    f"{self.name}: the data file {store.path} does not exist (set "
                    "skills_matrix_data in conf.py)",
                    Code.DATA_MISSING,
                )
            else:
                self.warn(
                    f"{self.name}: the skills matrix data has errors, reported at their "
                    "lines; nothing is rendered here until they are fixed",
                    Code.UNUSABLE,
                )
        return store.matrix

    @property
    def domain(self) -> MatrixDomain:
        return self.env.get_domain("matrix")  # type: ignore[return-value]
