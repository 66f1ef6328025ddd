"""A profile's points total, for frameworks whose levels carry points (format version 2,
second edition: "Points: frameworks where levels add up")."""

from __future__ import annotations

import dataclasses as dc

from .model import Band, Matrix
from .profile import Profile


@dc.dataclass(frozen=True, slots=True)
class Points:
    """A profile's points total, for a matrix whose levels carry points."""

    total: float
    by_category: tuple[tuple[str | None, float], ...]
    """(category id, total) in the categories' order; ``None``: skills without a category."""
    band: Band | None
    next_band: Band | None

    @property
    def to_next_band(self) -> float | None:
        return None if self.next_band is None else self.next_band.points - self.total

    def to_json(self) -> dict:
        return {
            "total": self.total,
            "band": self.band.id if self.band else None,
            "next_band": self.next_band.id if self.next_band else None,
            "to_next_band": self.to_next_band,
            "by_category": [{"id": cid, "total": total} for cid, total in self.by_category],
        }


def total_of(matrix: Matrix, profile: Profile) -> float:
    """The points of the profile's levels, summed in the matrix's skill order (as the browser
    sums them, so that both give the same float)."""
    points = {level.id: level.points or 0.0 for level in matrix.levels}
    held = (profile.skills.get(skill.id) for skill in matrix.skills)
    return sum(points[level] for level in held if level is not None)


def points_of(matrix: Matrix, profile: Profile, total: float) -> Points:
    levels = {level.id: level.points or 0.0 for level in matrix.levels}
    sums: dict[str | None, float] = {}
    for category, skills in matrix.skills_in_display_order():
        held = (profile.skills.get(skill.id) for skill in skills)
        sums[category.id if category else None] = sum(levels[h] for h in held if h is not None)
    by_category: tuple[tuple[str | None, float], ...]
    by_category = tuple((c.id, sums.get(c.id, 0)) for c in matrix.categories)
    by_category += tuple((cid, t) for cid, t in sums.items() if cid not in matrix.category_by_id)
    reached = [index for index, band in enumerate(matrix.bands) if band.points <= total]
    band = matrix.bands[reached[-1]] if reached else None
    following = (
        matrix.bands[reached[-1] + 1] if reached and reached[-1] + 1 < len(matrix.bands) else None
    )
    return Points(total, by_category, band, following)
