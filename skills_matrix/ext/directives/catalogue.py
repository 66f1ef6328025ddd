"""``skills-catalogue``: the definitions of the responsibilities, skills or levels, which
every link to them targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ...diagnostics import Code, hint
from ...grid import strength_word
from ...model import Matrix, Skill
from ...wording import band_title, number
from ..base import MatrixDirective
from ..domain import link
from ..locale import _
from ..nodes import definition_item, link_list, paragraph, text_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def origin_words(origin: str) -> str:
    if origin == "source":
        return _("Origin: named by the source.")
    return _("Origin: the framework authors' synthesis, not named by the source.")


class SkillsCatalogue(MatrixDirective):
    """Definitions of the responsibilities, skills or levels: the link targets."""

    required_arguments = 1
    KINDS = ("responsibilities", "skills", "levels")

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in self.KINDS:
            return self.warn(
                f"{self.name}: {kind!r} is not something it lists; give one of "
                f"{', '.join(self.KINDS)}{hint(kind, self.KINDS)}",
                Code.OPTION,
            )
        return getattr(self, f"_{kind}")(matrix)

    def _define(
        self, objtype: str, ident: str, title: str, body: list[nodes.Node]
    ) -> nodes.definition_list_item:
        item = definition_item(title, ident, body)
        self.set_source_info(item)
        term = item[0]  # the term the definition list item starts with
        assert isinstance(term, nodes.Element)
        self.domain.note_object(objtype, ident, title, term)
        return item

    def _levels(self, matrix: Matrix) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["skills-matrix-levels"])
        for level in matrix.levels:
            body: list[nodes.Node] = [paragraph(level.description or "")]
            if level.points is not None:
                points = _("Points: {points}.").format(points=number(level.points))
                body.append(paragraph(points))
            dl += self._define("level", level.id, level.title, body)
        if matrix.bands:
            bands = nodes.bullet_list(classes=["skills-matrix-bands"])
            for band in matrix.bands:
                bands += nodes.list_item(
                    "",
                    paragraph(
                        _("{band}: from {points} points").format(
                            band=band_title(band), points=number(band.points)
                        )
                    ),
                )
            return [dl, paragraph(_("The bands of the points total:")), bands]
        return [dl]

    def _responsibilities(self, matrix: Matrix) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        # sources every responsibility shares are one reading: cited once, above them all
        first = matrix.responsibilities[0].sources if matrix.responsibilities else ()
        shared = len(matrix.responsibilities) > 1 and all(
            first and resp.sources == first for resp in matrix.responsibilities
        )
        if shared:
            out += [
                paragraph(_("Sources of every responsibility below:")),
                link_list(first, _("(cited {date})")),
            ]
        dl = nodes.definition_list(classes=["skills-matrix-catalogue"])
        for resp in matrix.responsibilities:
            body: list[nodes.Node] = []
            if resp.description:
                body.append(paragraph(resp.description))
            supporters = [(s, s.supports[resp.id]) for s in matrix.skills if resp.id in s.supports]
            if supporters:
                para = paragraph(_("Supported by: "))
                for index, (skill, strength) in enumerate(supporters):
                    para += [
                        nodes.Text(", " if index else ""),
                        link("skill", skill.id, skill.title, optional=True),
                        nodes.Text(f" ({strength_word(strength)})"),
                    ]
                body.append(para)
            if resp.sources and not shared:
                body += [paragraph(_("Sources:")), link_list(resp.sources, _("(cited {date})"))]
            dl += self._define("responsibility", resp.id, resp.title, body)
        return [*out, dl]

    def _group(self, title: str, ident: str) -> nodes.Element:
        """A category's part of the catalogue: a section (listed in the page's contents)
        where the directive stands among sections, else a rubric, and its body after it."""
        if isinstance(self.state_machine.node, (nodes.section, nodes.document)):
            section = nodes.section(ids=[f"category-{ident}"])
            section += nodes.title(title, title)
            self.set_source_info(section)
            return section
        return nodes.container("", nodes.rubric(title, title), classes=["sm-category-group"])

    def _skills(self, matrix: Matrix) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        groups = matrix.skills_in_display_order()
        for category, skills in groups:
            group: nodes.Element | None = None
            if category is not None or len(groups) > 1:
                title = category.title if category else _("Other skills")
                group = self._group(title, category.id if category else "other-skills")
                out.append(group)
                if category is not None and category.description:
                    group += paragraph(category.description)
            dl = nodes.definition_list(classes=["skills-matrix-catalogue"])
            for skill in skills:
                body: list[nodes.Node] = []
                if skill.description:
                    body.append(paragraph(skill.description))
                if skill.origin:
                    body.append(paragraph(origin_words(skill.origin), classes=["sm-origin"]))
                if skill.examples:
                    body += [paragraph(_("Examples:")), text_list(skill.examples)]
                if skill.levels:
                    body += [paragraph(_("At each level:")), self._descriptors(matrix, skill)]
                if skill.supports:
                    para = paragraph(_("Supports: "))
                    for index, (rid, strength) in enumerate(skill.supports.items()):
                        title = matrix.responsibility_by_id[rid].title
                        para += [
                            nodes.Text(", " if index else ""),
                            link("responsibility", rid, title, optional=True),
                            nodes.Text(f" ({strength_word(strength)})"),
                        ]
                    body.append(para)
                if skill.links:
                    body += [
                        paragraph(_("To learn it:")),
                        link_list(skill.links, _("(read {date})")),
                    ]
                dl += self._define("skill", skill.id, skill.title, body)
            if group is None:
                out.append(dl)
            else:
                group += dl
        return out

    @staticmethod
    def _descriptors(matrix: Matrix, skill: Skill) -> nodes.bullet_list:
        """What the skill looks like at each level it describes, lowest first."""
        items = nodes.bullet_list(classes=["skills-matrix-descriptors"])
        for level in matrix.levels:
            descriptor = skill.levels.get(level.id)
            if descriptor is None:
                continue
            item = nodes.list_item(
                "",
                paragraph(
                    nodes.strong("", "", link("level", level.id, level.title, optional=True)),
                    ""
                    if level.points is None
                    else " " + _("({points} points)").format(points=number(level.points)),
                    f": {descriptor.description}",
                ),
            )
            if descriptor.examples:
                item += text_list(descriptor.examples)
            items += item
        return items


def setup_catalogue(app: Sphinx) -> None:
    app.add_directive("skills-catalogue", SkillsCatalogue)
