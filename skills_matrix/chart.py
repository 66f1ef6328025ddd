"""Charts of levels: a person against the role they work towards, or two roles against each
other, for each skill the level held or expected. Bars, one row a skill (its title above a
bar a series), as SVG text with ``role="img"``, a title and a text equivalent; built from the
same numbers as the words beside it. The SVG has no viewBox: its units are CSS pixels and its
widths percentages, so its text keeps its size at every width, a phone's too, and only the
bars stretch. Colours come from the page's stylesheet (classes), so that light, dark and
print each colour it their way."""

from __future__ import annotations

import dataclasses as dc
import xml.etree.ElementTree as ET

from .assessment import Assessment
from .locale import _
from .model import Matrix
from .profile import Profile

LABEL_CHARACTERS = 44
"""Longest skill title a label shows whole; longer ones end in "…" (the text equivalent
holds every title whole). 44 characters of 13 px text fit a 360 px phone's column."""
LEGEND_ROW = 18
"""Pixels a series takes in the legend."""
ROW = 40
"""Pixels a skill takes: its title, then a bar a series."""
BAR = 8
SVG = "http://www.w3.org/2000/svg"


@dc.dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[int | None, ...]
    """For each skill, the rank of the level (0: the lowest); ``None``: none."""
    says: str
    """What the series does with a level, in the text equivalent: "{name} holds {level}"."""


@dc.dataclass(frozen=True, slots=True)
class Chart:
    title: str
    skills: tuple[str, ...]
    """Skill titles, one an axis, in display order."""
    levels: tuple[str, ...]
    """Level titles, lowest first."""
    series: tuple[Series, ...]

    def level_title(self, rank: int | None) -> str:
        return _("none") if rank is None else self.levels[rank]

    def words(self) -> list[str]:
        """The text equivalent: for each skill, what each series holds or expects."""
        out = []
        for index, skill in enumerate(self.skills):
            said = [
                s.says.format(name=s.name, level=self.level_title(s.values[index]))
                for s in self.series
            ]
            out.append(f"{skill}: {'; '.join(said)}.")
        return out


def person_chart(matrix: Matrix, result: Assessment, profile: Profile) -> Chart | None:
    """The person against the role they work towards; ``None`` when there is none, or it
    expects no skill."""
    target = result.target
    if target is None:
        return None
    expected = matrix.expectations(target.role.id)
    order = [skill for _, skills in matrix.skills_in_display_order() for skill in skills]
    skills = [skill for skill in order if skill.id in expected]
    if not skills:
        return None
    rank = matrix.level_rank

    def held(skill_id: str) -> int | None:
        level = profile.skills.get(skill_id)
        return None if level is None else rank[level]

    who = result.profile or _("You")
    expects = _("{name} expects {level}")
    holds = _("{name} holds {level}") if result.profile else _("You hold {level}")
    return Chart(
        _("{who} against {role}").format(who=who, role=target.role.title),
        tuple(skill.title for skill in skills),
        tuple(level.title for level in matrix.levels),
        (
            Series(target.role.title, tuple(rank[expected[s.id].level] for s in skills), expects),
            Series(who, tuple(held(s.id) for s in skills), holds),
        ),
    )


def roles_chart(matrix: Matrix, roles: list[str]) -> Chart | None:
    """Roles against each other: every skill one of them expects."""
    expected = {role: matrix.expectations(role) for role in roles}
    order = [skill for _, skills in matrix.skills_in_display_order() for skill in skills]
    skills = [skill for skill in order if any(skill.id in e for e in expected.values())]
    if not skills:
        return None
    rank = matrix.level_rank
    series = tuple(
        Series(
            matrix.role_by_id[role].title,
            tuple(
                rank[expected[role][s.id].level] if s.id in expected[role] else None for s in skills
            ),
            _("{name} expects {level}"),
        )
        for role in roles
    )
    title = _(" and ").join(matrix.role_by_id[role].title for role in roles)
    return Chart(
        _("{roles}: levels expected").format(roles=title),
        tuple(s.title for s in skills),
        tuple(level.title for level in matrix.levels),
        series,
    )


def _label(title: str) -> str:
    return title if len(title) <= LABEL_CHARACTERS else title[: LABEL_CHARACTERS - 1] + "…"


def _number(value: float) -> str:
    """A coordinate: two decimals (no value the geometry gives falls half-way between two,
    so that JavaScript's rounding agrees), trailing zeros dropped."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _percent(share: float) -> str:
    return _number(100 * share) + "%"


def svg(chart: Chart, ident: str) -> str:
    """The chart as SVG text; *ident* makes its title's and description's ids unique."""
    top = LEGEND_ROW * len(chart.series) + 26
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG,
            "width": "100%",
            "height": str(top + ROW * len(chart.skills)),
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "class": "sm-chart",
        },
    )
    ET.SubElement(root, "title", {"id": f"{ident}-title"}).text = chart.title
    ET.SubElement(root, "desc", {"id": f"{ident}-desc"}).text = " ".join(chart.words())
    _legend(root, chart)
    _bars(root, chart, top)
    return ET.tostring(root, encoding="unicode")


def _legend(root: ET.Element, chart: Chart) -> None:
    group = ET.SubElement(root, "g", {"class": "sm-chart-legend", "aria-hidden": "true"})
    for index, series in enumerate(chart.series):
        y = 14 + LEGEND_ROW * index
        ET.SubElement(
            group,
            "rect",
            {
                "x": "0",
                "y": str(y - 10),
                "width": "12",
                "height": "12",
                "class": f"sm-series-{index}",
            },
        )
        ET.SubElement(group, "text", {"x": "18", "y": str(y)}).text = series.name


def _bars(root: ET.Element, chart: Chart, top: int) -> None:
    """A row a skill from *top* down; the levels' titles above, each at the end of its share
    of the width, and a mark of each level across every row's bars."""
    steps = len(chart.levels)
    grid = ET.SubElement(root, "g", {"class": "sm-chart-grid", "aria-hidden": "true"})
    for step, level in enumerate(chart.levels):
        ET.SubElement(
            grid,
            "text",
            {
                "x": _percent((step + 1) / steps),
                "y": str(top - 8),
                "text-anchor": "end",
                "class": "sm-chart-level",
            },
        ).text = level
    bars = top + 18  # below the title of the row
    depth = (BAR + 2) * len(chart.series) - 2
    for row, title in enumerate(chart.skills):
        y = top + ROW * row
        ET.SubElement(grid, "text", {"x": "0", "y": str(y + 13)}).text = _label(title)
        for step in range(steps):
            x = _percent((step + 1) / steps)
            ET.SubElement(
                grid,
                "line",
                {
                    "x1": x,
                    "y1": str(bars + ROW * row - 2),
                    "x2": x,
                    "y2": str(bars + ROW * row + depth + 2),
                },
            )
    for row in range(len(chart.skills)):
        for index, series in enumerate(chart.series):
            rank = series.values[row]
            ET.SubElement(
                root,
                "rect",
                {
                    "x": "0",
                    "y": str(bars + ROW * row + (BAR + 2) * index),
                    "width": "2" if rank is None else _percent((rank + 1) / steps),
                    "height": str(BAR),
                    "class": f"sm-series-{index}",
                    "aria-hidden": "true",
                },
            )
