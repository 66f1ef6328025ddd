"""``skills-progress``: one person's dated profiles over time, as ``skills-matrix progress``
shows them: an assessment a row (its date, the roles held, the role worked towards and its
fit), then what changed between consecutive ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...diagnostics import Code
from ...model import Matrix
from ...progress import Progress, ProgressError, progress
from ...reading.teams import team_files
from ...wording import progress_columns, progress_rows, step_words
from ..base import MatrixDirective, fraction
from ..data import get_store
from ..locale import _
from ..nodes import paragraph
from ..table_nodes import TableSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def progress_nodes(matrix: Matrix, result: Progress) -> list[nodes.Node]:
    who = result.name or _("one person")
    spec = TableSpec(
        list(progress_columns()),
        caption=_("Progress of {who}").format(who=who),
        classes=["skills-matrix-progress"],
        cards=True,
    )
    for row in progress_rows(matrix, result):
        spec.row(list(row))
    out: list[nodes.Node] = [spec.node()]
    if result.steps:
        changes = nodes.bullet_list(classes=["skills-matrix-progress-changes"])
        for step in result.steps:
            changes += nodes.list_item("", paragraph(step_words(matrix, step)))
        out += [paragraph(_("What changed:")), changes]
    return out


class SkillsProgress(MatrixDirective):
    """Dated profiles of one person (files, or folders of them) over time."""

    required_arguments = 1
    optional_arguments = 100
    option_spec: ClassVar = {"aim": directives.unchanged_required, "threshold": fraction}

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        paths = []
        for argument in self.arguments:
            rel, path = self.env.relfn2path(argument)
            if not Path(path).exists():
                return self.warn(f"{self.name}: {rel} does not exist", Code.DATA_MISSING)
            self.env.note_dependency(rel)
            paths.append(Path(path))
        aim = self.role_option(matrix, "aim")
        if aim is not None and aim not in matrix.role_by_id:
            return self.warn(f"{self.name}: the matrix has no role {aim!r}", Code.OPTION)
        store = get_store(self.env)
        read = []
        for file in team_files(paths):
            self.env.note_dependency(str(file))
            read.append(store.profile(str(file)))
        profiles = [p for p in read if p is not None]
        if not profiles or len(profiles) < len(read):
            return []  # each problem is reported where it stands
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        try:
            result = progress(matrix, profiles, threshold, aim)
        except ProgressError as exc:
            return self.warn(f"{self.name}: {exc}", Code.UNUSABLE)
        return progress_nodes(matrix, result)


def setup_progress(app: Sphinx) -> None:
    app.add_directive("skills-progress", SkillsProgress)
