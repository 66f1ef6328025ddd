"""The directives: the matrix table, a role's profile, the catalogue, the role comparison and
an assessment. Each notes the data files as dependencies and renders nothing from data that
has errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.logging import getLogger

from ..assessment import assess
from ..loader import hint
from ..model import Matrix
from ..table import SelectionError, build_comparison, build_grid
from . import render
from .config import WARNING_TYPE
from .data import get_store
from .domain import MatrixDomain
from .tables import deferred_table

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOGGER = getLogger(__name__)


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
    """Base: access to the build's matrix, and located warnings.

    Subclasses implement :meth:`render`; what it returns shows data text exactly as written
    (no smart quotes).
    """

    def run(self) -> list[nodes.Node]:
        result = self.render()
        for node in result:
            if isinstance(node, nodes.Element):
                node["support_smartquotes"] = False
                for table in node.findall(deferred_table):
                    self.state.document.set_id(table)  # an id like any table's, for links
        return result

    def render(self) -> list[nodes.Node]:
        raise NotImplementedError

    def warn(self, message: str, subtype: str) -> list[nodes.Node]:
        LOGGER.warning(message, type=WARNING_TYPE, subtype=subtype, location=self.get_location())
        return []

    scripted = False
    """Whether the page needs the self-assessment scripts."""

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
                    "data-missing",
                )
            else:
                self.warn(
                    f"{self.name}: the skills matrix data has errors, reported at their "
                    "lines; nothing is rendered here until they are fixed",
                    "unusable",
                )
        return store.matrix

    @property
    def domain(self) -> MatrixDomain:
        return self.env.get_domain("matrix")  # type: ignore[return-value]


class SkillsMatrix(MatrixDirective):
    """The skills-versus-responsibilities table."""

    option_spec: ClassVar = {
        "role": directives.unchanged_required,
        "category": id_list,
        "responsibilities": id_list,
        "caption": directives.unchanged,
        "class": directives.class_option,
        "name": directives.unchanged,
    }

    def render(self) -> list[nodes.Node]:
        matrix = self.matrix()
        if matrix is None:
            return []
        try:
            grid = build_grid(
                matrix,
                role=self.options.get("role"),
                categories=self.options.get("category"),
                responsibilities=self.options.get("responsibilities"),
            )
        except SelectionError as exc:
            return self.warn(f"{self.name}: {exc}", "option")
        caption = self.options.get("caption")
        if caption is None:
            caption = "Skills against responsibilities"
            if grid.role is not None:
                caption = f"Skills a {grid.role.title} is expected to have, by responsibility"
        result = render.grid_table(grid, caption or None)
        result[0]["classes"] += self.options.get("class", [])
        self.add_name(result[0])
        return result


class SkillsRole(MatrixDirective):
    """A role's summary, responsibilities and expected skills; the role's definition."""

    required_arguments = 1

    def render(self) -> list[nodes.Node]:
        matrix = self.matrix()
        if matrix is None:
            return []
        ident = self.arguments[0]
        role = matrix.role_by_id.get(ident)
        if role is None:
            return self.warn(
                f"{self.name}: the matrix has no role {ident!r}{hint(ident, matrix.role_by_id)}",
                "option",
            )
        anchor_node, result = render.role_profile(matrix, role)
        self.set_source_info(anchor_node)
        self.domain.note_object("role", role.id, role.title, anchor_node)
        return result


class SkillsCatalogue(MatrixDirective):
    """Definitions of the responsibilities, skills or levels: the link targets."""

    required_arguments = 1
    KINDS = ("responsibilities", "skills", "levels")

    def render(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in self.KINDS:
            return self.warn(
                f"{self.name}: {kind!r} is not something it lists; give one of "
                f"{', '.join(self.KINDS)}{hint(kind, self.KINDS)}",
                "option",
            )
        matrix = self.matrix()
        if matrix is None:
            return []
        return getattr(self, f"_{kind}")(matrix)

    def _define(
        self, objtype: str, ident: str, title: str, body: list[nodes.Node]
    ) -> nodes.definition_list_item:
        item = render.definition_item(title, ident, body)
        self.set_source_info(item)
        self.domain.note_object(objtype, ident, title, item[0])
        return item

    def _levels(self, matrix: Matrix) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["skills-matrix-levels"])
        for level in matrix.levels:
            dl += self._define(
                "level", level.id, level.title, [render.paragraph(level.description or "")]
            )
        return [dl]

    def _responsibilities(self, matrix: Matrix) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["skills-matrix-catalogue"])
        for resp in matrix.responsibilities:
            body: list[nodes.Node] = []
            if resp.description:
                body.append(render.paragraph(resp.description))
            supporters = [(s, s.supports[resp.id]) for s in matrix.skills if resp.id in s.supports]
            if supporters:
                para = render.paragraph("Supported by: ")
                for index, (skill, strength) in enumerate(supporters):
                    para += [
                        nodes.Text(", " if index else ""),
                        render.link("skill", skill.id, skill.title, optional=True),
                        nodes.Text(f" ({strength})"),
                    ]
                body.append(para)
            if resp.sources:
                sources = nodes.bullet_list()
                for source in resp.sources:
                    label = source.title or source.url
                    para = render.paragraph(nodes.reference(label, label, refuri=source.url))
                    if source.accessed:
                        para += nodes.Text(f" (cited {source.accessed})")
                    sources += nodes.list_item("", para)
                body += [render.paragraph("Sources:"), sources]
            dl += self._define("responsibility", resp.id, resp.title, body)
        return [dl]

    def _skills(self, matrix: Matrix) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for category, skills in matrix.skills_in_display_order():
            if category is not None:
                out.append(nodes.rubric(category.title, category.title))
                if category.description:
                    out.append(render.paragraph(category.description))
            dl = nodes.definition_list(classes=["skills-matrix-catalogue"])
            for skill in skills:
                body: list[nodes.Node] = []
                if skill.description:
                    body.append(render.paragraph(skill.description))
                if skill.examples:
                    body.append(render.paragraph("Examples: " + ", ".join(skill.examples)))
                if skill.supports:
                    para = render.paragraph("Supports: ")
                    for index, (rid, strength) in enumerate(skill.supports.items()):
                        title = matrix.responsibility_by_id[rid].title
                        para += [
                            nodes.Text(", " if index else ""),
                            render.link("responsibility", rid, title, optional=True),
                            nodes.Text(f" ({strength})"),
                        ]
                    body.append(para)
                dl += self._define("skill", skill.id, skill.title, body)
            out.append(dl)
        return out


class SkillsComparison(MatrixDirective):
    """Skills against roles, the expected level in each cell."""

    option_spec: ClassVar = {
        "roles": id_list,
        "caption": directives.unchanged,
        "name": directives.unchanged,
    }

    def render(self) -> list[nodes.Node]:
        matrix = self.matrix()
        if matrix is None:
            return []
        try:
            comparison = build_comparison(matrix, self.options.get("roles"))
        except SelectionError as exc:
            return self.warn(f"{self.name}: {exc}", "option")
        caption = self.options.get("caption", "Expected levels by role")
        result = render.comparison_table(matrix, comparison, caption or None)
        self.add_name(result[0])
        return result


class SkillsAssessment(MatrixDirective):
    """A profile assessed against the roles: fit, verdict, coverage and gaps."""

    required_arguments = 1
    option_spec: ClassVar = {
        "role": directives.unchanged_required,
        "threshold": fraction,
        "summary-only": directives.flag,
    }

    def render(self) -> list[nodes.Node]:
        matrix = self.matrix()
        if matrix is None:
            return []
        rel, path = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(rel)
        if not Path(path).is_file():
            return self.warn(f"{self.name}: the profile {rel} does not exist", "data-missing")
        role = self.options.get("role")
        if role is not None and role not in matrix.role_by_id:
            return self.warn(
                f"{self.name}: the matrix has no role {role!r}{hint(role, matrix.role_by_id)}",
                "option",
            )
        profile = get_store(self.env).profile(path)
        if profile is None:
            return []
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        result = assess(matrix, profile, threshold, role)
        return render.assessment_nodes(matrix, result, "summary-only" not in self.options)


class SkillsSelfAssessment(MatrixDirective):
    """A form in which a reader assesses themselves, live (HTML with JavaScript).

    What every builder gets is the paragraph saying what the form needs; in HTML the script
    hides it and builds the form from the published ``skills-matrix.json``.
    """

    option_spec: ClassVar = {"threshold": fraction}
    scripted = True

    def render(self) -> list[nodes.Node]:
        if self.matrix() is None:
            return []
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        box = nodes.container(classes=["sm-self-assessment"])
        box += render.paragraph(
            "This self-assessment runs in your browser and needs JavaScript. Without it, write "
            "a profile (a YAML file naming your level in each skill) and run ",
            nodes.literal("skills-matrix assess PROFILE", "skills-matrix assess PROFILE"),
            ".",
            classes=["sm-needs-js"],
        )
        box += render.paragraph(
            f"A role fits when at least {threshold:.0%} of the skills it expects are met. ",
            nodes.inline(str(threshold), str(threshold), classes=["sm-threshold-value"]),
            classes=["sm-threshold"],
        )
        return [box]


def setup_directives(app: Sphinx) -> None:
    app.add_directive("skills-matrix", SkillsMatrix)
    app.add_directive("skills-role", SkillsRole)
    app.add_directive("skills-catalogue", SkillsCatalogue)
    app.add_directive("skills-comparison", SkillsComparison)
    app.add_directive("skills-assessment", SkillsAssessment)
    app.add_directive("skills-self-assessment", SkillsSelfAssessment)
