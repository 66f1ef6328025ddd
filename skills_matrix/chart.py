"""Charts of levels: a person against the role they work towards, or two roles against each
other, for each skill the level held or expected. A radar for five skills or more, bars
otherwise, as SVG text with ``role="img"``, a title and a text equivalent; built from the
same numbers as the words beside it. Colours come from the page's stylesheet (classes), so
that light, dark and print each colour it their way."""

from __future__ import annotations

import dataclasses as dc
import math
import xml.etree.ElementTree as ET

from .assessment import Assessment
from .model import Matrix, Profile

RADAR_FROM = 5
"""Fewest skills a radar is drawn for; bars below (three spokes make a poor shape)."""
LABEL_CHARACTERS = 26
"""Longest skill title a label shows whole; longer ones end in "…" (the text equivalent
holds every title whole)."""
SVG = "http://www.w3.org/2000/svg"


@dc.dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[int | None, ...]
    """For each skill, the rank of the level (0: the lowest); ``None``: none."""
    verb: str
    """What the series does with a level, in the text equivalent: "holds", "expects"."""


@dc.dataclass(frozen=True, slots=True)
class Chart:
    title: str
    skills: tuple[str, ...]
    """Skill titles, one an axis, in display order."""
    levels: tuple[str, ...]
    """Level titles, lowest first."""
    series: tuple[Series, ...]

    @property
    def shape(self) -> str:
        return "radar" if len(self.skills) >= RADAR_FROM else "bars"

    def level_title(self, rank: int | None) -> str:
        return "none" if rank is None else self.levels[rank]

    def words(self) -> list[str]:
        """The text equivalent: for each skill, what each series holds or expects."""
        out = []
        for index, skill in enumerate(self.skills):
            said = [f"{s.name} {s.verb} {self.level_title(s.values[index])}" for s in self.series]
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

    who = result.profile or "You"
    return Chart(
        f"{who} against {target.role.title}",
        tuple(skill.title for skill in skills),
        tuple(level.title for level in matrix.levels),
        (
            Series(target.role.title, tuple(rank[expected[s.id].level] for s in skills), "expects"),
            Series(who, tuple(held(s.id) for s in skills), "hold" if who == "You" else "holds"),
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
            "expects",
        )
        for role in roles
    )
    title = " and ".join(matrix.role_by_id[role].title for role in roles)
    return Chart(
        f"{title}: levels expected",
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


def svg(chart: Chart, ident: str) -> str:
    """The chart as SVG text; *ident* makes its title's and description's ids unique."""
    width, height = (760, 440) if chart.shape == "radar" else (640, 70 + 28 * len(chart.skills))
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG,
            "viewBox": f"0 0 {width} {height}",
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "class": f"sm-chart sm-chart-{chart.shape}",
        },
    )
    ET.SubElement(root, "title", {"id": f"{ident}-title"}).text = chart.title
    ET.SubElement(root, "desc", {"id": f"{ident}-desc"}).text = " ".join(chart.words())
    (_radar if chart.shape == "radar" else _bars)(root, chart, width, height)
    _legend(root, chart)
    return ET.tostring(root, encoding="unicode")


def _legend(root: ET.Element, chart: Chart) -> None:
    group = ET.SubElement(root, "g", {"class": "sm-chart-legend", "aria-hidden": "true"})
    for index, series in enumerate(chart.series):
        y = 14 + 18 * index
        ET.SubElement(
            group,
            "rect",
            {
                "x": "8",
                "y": str(y - 9),
                "width": "10",
                "height": "10",
                "class": f"sm-series-{index}",
            },
        )
        ET.SubElement(group, "text", {"x": "24", "y": str(y)}).text = series.name


def _radar(root: ET.Element, chart: Chart, width: int, height: int) -> None:
    cx, cy, radius = width / 2, height / 2 + 12, 140
    steps = len(chart.levels)
    count = len(chart.skills)

    def point(axis: int, rank: int | None) -> tuple[float, float]:
        share = 0.0 if rank is None else (rank + 1) / steps
        angle = -math.pi / 2 + 2 * math.pi * axis / count
        return cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)

    grid = ET.SubElement(root, "g", {"class": "sm-chart-grid", "aria-hidden": "true"})
    for rank in range(steps):
        corners = " ".join(
            f"{_number(x)},{_number(y)}" for x, y in (point(a, rank) for a in range(count))
        )
        ET.SubElement(grid, "polygon", {"points": corners})
        x, y = point(0, rank)
        ET.SubElement(
            grid, "text", {"x": _number(x + 4), "y": _number(y - 3), "class": "sm-chart-level"}
        ).text = chart.levels[rank]
    for axis, title in enumerate(chart.skills):
        x, y = point(axis, steps - 1)
        ET.SubElement(
            grid, "line", {"x1": _number(cx), "y1": _number(cy), "x2": _number(x), "y2": _number(y)}
        )
        lx, ly = cx + (x - cx) * 1.1, cy + (y - cy) * 1.1
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        text = ET.SubElement(
            grid, "text", {"x": _number(lx), "y": _number(ly + 4), "text-anchor": anchor}
        )
        text.text = _label(title)
    for index, series in enumerate(chart.series):
        corners = " ".join(
            f"{_number(x)},{_number(y)}"
            for x, y in (point(a, r) for a, r in enumerate(series.values))
        )
        ET.SubElement(
            root,
            "polygon",
            {"points": corners, "class": f"sm-series-{index}", "aria-hidden": "true"},
        )


def _bars(root: ET.Element, chart: Chart, width: int, height: int) -> None:
    left, right, top = 220, width - 20, 56
    steps = len(chart.levels)
    span = right - left
    grid = ET.SubElement(root, "g", {"class": "sm-chart-grid", "aria-hidden": "true"})
    for rank, level in enumerate(chart.levels):
        x = left + span * (rank + 1) / steps
        ET.SubElement(
            grid,
            "line",
            {"x1": _number(x), "y1": str(top - 6), "x2": _number(x), "y2": str(height - 8)},
        )
        ET.SubElement(
            grid,
            "text",
            {"x": _number(x), "y": str(top - 10), "text-anchor": "end", "class": "sm-chart-level"},
        ).text = level
    bar = 9
    for row, title in enumerate(chart.skills):
        y = top + 28 * row
        ET.SubElement(
            grid, "text", {"x": str(left - 8), "y": str(y + 13), "text-anchor": "end"}
        ).text = _label(title)
        for index, series in enumerate(chart.series):
            rank = series.values[row]
            length = 0 if rank is None else span * (rank + 1) / steps
            ET.SubElement(
                root,
                "rect",
                {
                    "x": str(left),
                    "y": str(y + 2 + (bar + 2) * index),
                    "width": _number(max(length, 1.5)),
                    "height": str(bar),
                    "class": f"sm-series-{index}",
                    "aria-hidden": "true",
                },
            )
