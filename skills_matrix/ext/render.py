"""docutils nodes for the matrix: tables and definition lists built directly, never markup
that is parsed again, so every builder renders them and data text stays text."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..assessment import Assessment
from ..model import Category, Matrix, Role
from ..report import percent
from ..table import Comparison, Grid
from .domain import link
from .tables import Cell, Link, TableSpec

STRENGTH_MEANING = {
    "core": "the skill is central to the responsibility",
    "supporting": "the skill helps with it",
}


def text(value: str, classes: Sequence[str] = ()) -> nodes.inline:
    return nodes.inline(value, value, classes=list(classes))


def paragraph(*children: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    return nodes.paragraph(
        "",
        "",
        *(nodes.Text(c) if isinstance(c, str) else c for c in children),
        classes=list(classes),
    )


def _category_title(category: Category | None, groups: int) -> str | None:
    if category is None:
        return "Other skills" if groups > 1 else None
    return category.title


def grid_table(grid: Grid, caption: str | None) -> list[nodes.Node]:
    """The skills-versus-responsibilities table and its legend."""
    header: list[Cell] = ["Skill"]
    if grid.role is not None:
        header.append("Expected level")
    header += [Link("responsibility", c.id, c.title) for c in grid.columns]
    spec = TableSpec(header, caption=caption, classes=["skills-matrix", "longtable"])
    offset = 2 if grid.role is not None else 1
    for group in grid.groups:
        title = _category_title(group.category, len(grid.groups))
        if title:
            spec.group(title)
        for row in group.rows:
            cells: list[Cell] = [Link("skill", row.skill.id, row.skill.title)]
            if row.expected is not None:
                cells.append(Link("level", row.expected.id, row.expected.title))
            cells += list(row.cells)
            spec.row(cells, [()] * offset + [(f"sm-{c}",) if c else () for c in row.cells])
    legend = paragraph(
        nodes.strong("Reading the table:", "Reading the table:"),
        " ",
        "; ".join(f"“{s}”: {meaning}" for s, meaning in STRENGTH_MEANING.items()),
        "; an empty cell: the skill is not needed for it.",
        classes=["skills-matrix-legend"],
    )
    if grid.role is not None:
        legend += nodes.Text(
            f" “Expected level” is the least a {grid.role.title} is expected to have."
        )
    return [nodes.container("", spec.node(), legend, classes=["skills-matrix-wrapper"])]


def comparison_table(
    matrix: Matrix, comparison: Comparison, caption: str | None
) -> list[nodes.Node]:
    header: list[Cell] = [
        "Skill",
        *(Link("role", r.id, r.title) for r in comparison.roles),
    ]
    spec = TableSpec(
        header, caption=caption, classes=["skills-matrix", "skills-matrix-comparison", "longtable"]
    )
    for category, rows in comparison.groups:
        title = _category_title(category, len(comparison.groups))
        if title:
            spec.group(title)
        for row in rows:
            cells: list[Cell] = [Link("skill", row.skill.id, row.skill.title)]
            cells += [Link("level", lv.id, lv.title) if lv else None for lv in row.cells]
            classes = [()] + [
                (f"sm-level-{matrix.level_rank[lv.id]}",) if lv else () for lv in row.cells
            ]
            spec.row(cells, classes)
    legend = paragraph(
        "Each cell is the least level the role expects; an empty cell: the role "
        "does not expect the skill.",
        classes=["skills-matrix-legend"],
    )
    return [nodes.container("", spec.node(), legend, classes=["skills-matrix-wrapper"])]


def definition_item(term: str, ident: str, body: list[nodes.Node]) -> nodes.definition_list_item:
    item = nodes.definition_list_item()
    term_node = nodes.term("", "", text(term), nodes.Text(" "), nodes.literal(ident, ident))
    item += term_node
    item += nodes.definition("", *body)
    return item


def role_profile(matrix: Matrix, role: Role) -> tuple[nodes.container, list[nodes.Node]]:
    """The role's summary, responsibilities and expected skills with level descriptors.

    Returns the container that should carry the role's anchor, and the nodes.
    """
    box = nodes.container(classes=["skills-matrix-role"])
    if role.summary:
        box += paragraph(role.summary)
    box += nodes.rubric("Responsibilities", "Responsibilities")
    items = nodes.bullet_list()
    for rid in role.responsibilities:
        resp = matrix.responsibility_by_id[rid]
        para = paragraph(
            nodes.strong("", "", link("responsibility", rid, resp.title, optional=True))
        )
        if resp.description:
            para += nodes.Text(f" — {resp.description}")
        items += nodes.list_item("", para)
    box += items if role.responsibilities else paragraph("No responsibilities are listed.")
    header: list[Cell] = ["Skill", "Category", "Expected level", "What that level means"]
    spec = TableSpec(
        header, caption=f"Skills expected of a {role.title}", classes=["skills-matrix-expectations"]
    )
    for category, skills in matrix.skills_in_display_order():
        for skill in skills:
            if skill.id not in role.expects:
                continue
            level = matrix.level_by_id[role.expects[skill.id]]
            spec.row(
                [
                    Link("skill", skill.id, skill.title),
                    category.title if category else None,
                    Link("level", level.id, level.title),
                    level.description,
                ]
            )
    box += nodes.rubric("Expected skills", "Expected skills")
    box += spec.node() if role.expects else paragraph("No skills are expected.")
    return box, [box]


def assessment_nodes(matrix: Matrix, result: Assessment, details: bool) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    header: list[Cell] = ["Role", "Fit", "Verdict", "Expected skills met"]
    spec = TableSpec(
        header,
        caption=f"Assessment of {result.profile or 'the profile'}",
        classes=["skills-matrix-assessment"],
    )
    for fit in result.roles:
        verdict = "fits" if fit.fits else "does not fit"
        spec.row(
            [
                Link("role", fit.role.id, fit.role.title),
                percent(fit.fit),
                verdict,
                f"{fit.met} of {fit.expected}",
            ],
            [(), (), ("sm-fits" if fit.fits else "sm-does-not-fit",), ()],
        )
    out.append(spec.node())
    out.append(
        paragraph(
            f"A role fits when at least {percent(result.threshold)} of the skills "
            "it expects are met at the expected level or above.",
            classes=["skills-matrix-legend"],
        )
    )
    if not details:
        return out
    for fit in result.roles:
        out.append(nodes.rubric(fit.role.title, fit.role.title))
        coverage = nodes.bullet_list()
        for cov in fit.responsibilities:
            title = matrix.responsibility_by_id[cov.responsibility].title
            coverage += nodes.list_item(
                "",
                paragraph(
                    link("responsibility", cov.responsibility, title, optional=True),
                    f": {percent(cov.coverage)} of the expected skills that support it are met"
                    if cov.coverage is not None
                    else ": no expected skill supports it",
                ),
            )
        out += [paragraph("Coverage of each responsibility:"), coverage]
        if not fit.gaps:
            out.append(paragraph("No gaps: every expected skill is met."))
            continue
        gaps = TableSpec(
            ["Gap", "Expected", "The profile gives"],
            caption=f"Gaps for {fit.role.title}",
            classes=["skills-matrix-gaps"],
        )
        for gap in fit.gaps:
            skill = matrix.skill_by_id[gap.skill]
            expected = matrix.level_by_id[gap.expected]
            actual = matrix.level_by_id[gap.actual].title if gap.actual else "nothing"
            gaps.row(
                [
                    Link("skill", skill.id, skill.title),
                    Link("level", expected.id, expected.title),
                    actual,
                ]
            )
        out.append(gaps.node())
    return out
