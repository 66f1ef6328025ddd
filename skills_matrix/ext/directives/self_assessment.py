"""``skills-self-assessment``: a form in which a reader assesses themselves, live.

Every builder gets a worksheet to assess oneself on paper and the paragraph saying what the
form needs; in HTML the scripts hide them and build the form from the published
``skills-matrix.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ...assessment import percent
from ...model import Matrix
from ..base import MatrixDirective, fraction
from ..builders import is_epub
from ..locale import _
from ..nodes import filled, paragraph
from .worksheet import worksheet

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class SkillsSelfAssessment(MatrixDirective):
    """A form in which a reader assesses themselves, live (HTML with JavaScript)."""

    option_spec: ClassVar = {"threshold": fraction, "aim": directives.unchanged_required}
    scripted = True

    def render(self, matrix: Matrix) -> list[nodes.Node]:
        threshold = self.options.get("threshold", self.config.skills_matrix_threshold)
        box = nodes.container(classes=["sm-self-assessment"])
        rule = (
            _(
                "A role fits when at least {percent} of the skills it expects are met, "
                "counting each by its weight, and every skill it requires is met."
            )
            if matrix.version > 1
            else _("A role fits when at least {percent} of the skills it expects are met.")
        )
        box += paragraph(
            rule.format(percent=percent(threshold)) + " ",
            nodes.inline(str(threshold), str(threshold), classes=["sm-threshold-value"]),
            classes=["sm-threshold"],
        )
        aim = self.role_option(matrix, "aim")
        if aim is not None:
            [role] = matrix.pick("roles", [aim])  # an unknown role is a warning
            title = nodes.inline(role.title, role.title)
            said = _("The answers are weighed towards {role}; you can choose another role.")
            box += paragraph(
                *filled(said, role=title),
                nodes.inline(role.id, role.id, classes=["sm-aim-value"]),
                classes=["sm-aim"],
            )
        box += worksheet(matrix, threshold)  # not shown where the script runs
        # last, so that nothing moves when the script hides it
        command = _("skills-matrix assess PROFILE")  # PROFILE: a file the reader names
        said = _(
            "In a web browser with JavaScript this is a form that works all of this out as "
            "you answer. Here, use the worksheet above, or write a profile (a YAML file naming "
            "your level in each skill) and run {command}."
        )
        box += paragraph(
            *filled(said, command=nodes.literal(command, command)), classes=["sm-needs-js"]
        )
        return [box]


SCRIPT_VALUES = {"sm-threshold-value", "sm-aim-value"}
"""The classes of the values the form's script reads from the page, hidden by its stylesheet."""


def drop_script_values(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Other builders than HTML have no stylesheet to hide the values the form's script reads
    from the page: drop them there. A book in HTML (EPUB) has no form, even in a reader that
    runs scripts: its worksheet is marked to stay (``sm-book``)."""
    if is_epub(app.builder):
        for box in doctree.findall(nodes.container):
            if "sm-self-assessment" in box["classes"]:
                box["classes"].append("sm-book")
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(nodes.inline)):
        if SCRIPT_VALUES & set(node["classes"]):
            node.parent.remove(node)


def setup_self_assessment(app: Sphinx) -> None:
    app.add_directive("skills-self-assessment", SkillsSelfAssessment)
    app.connect("doctree-resolved", drop_script_values)
