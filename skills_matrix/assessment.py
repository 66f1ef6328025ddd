"""Self-assessment: how well a profile fits each role, as the data format defines it."""

from __future__ import annotations

import dataclasses as dc
import math

from .format import DEFAULT_THRESHOLD
from .model import Matrix, Profile, Role

__all__ = ["DEFAULT_THRESHOLD", "Assessment", "assess", "percent"]


def percent(share: float | None) -> str:
    """A share as people read it: a whole percentage, half rounded up (``n/a`` for none).

    The one rounding rule of the project; the browser's twin is ``percent`` in
    ``skills-assess.js``.
    """
    return "n/a" if share is None else f"{math.floor(100 * share + 0.5)}%"


@dc.dataclass(frozen=True, slots=True)
class Gap:
    skill: str
    expected: str
    actual: str | None


@dc.dataclass(frozen=True, slots=True)
class Coverage:
    responsibility: str
    coverage: float | None
    """Share of the expected skills supporting it that are met; ``None`` when none do."""


@dc.dataclass(frozen=True, slots=True)
class RoleFit:
    role: Role
    fit: float | None
    fits: bool
    met: int
    expected: int
    gaps: tuple[Gap, ...]
    responsibilities: tuple[Coverage, ...]


@dc.dataclass(frozen=True, slots=True)
class Assessment:
    profile: str | None
    threshold: float
    roles: tuple[RoleFit, ...]

    def to_json(self) -> dict:
        """The ``assess --format json`` object."""
        return {
            "profile": self.profile,
            "threshold": self.threshold,
            "roles": [
                {
                    "id": r.role.id,
                    "title": r.role.title,
                    "fit": r.fit,
                    "fits": r.fits,
                    "met": r.met,
                    "expected": r.expected,
                    "gaps": [dc.asdict(g) for g in r.gaps],
                    "responsibilities": [
                        {"id": c.responsibility, "coverage": c.coverage} for c in r.responsibilities
                    ],
                }
                for r in self.roles
            ],
        }


def assess_role(matrix: Matrix, role: Role, profile: Profile, threshold: float) -> RoleFit:
    rank = matrix.level_rank
    met_ids = {
        skill
        for skill, level in role.expects.items()
        if skill in profile.skills and rank[profile.skills[skill]] >= rank[level]
    }
    expected = len(role.expects)
    fit = len(met_ids) / expected if expected else None
    gaps = tuple(
        Gap(skill.id, role.expects[skill.id], profile.skills.get(skill.id))
        for skill in matrix.skills  # in the matrix's order, so every implementation agrees
        if skill.id in role.expects and skill.id not in met_ids
    )
    coverage = []
    for resp in role.responsibilities:
        supporting = [s for s in role.expects if resp in matrix.skill_by_id[s].supports]
        share = sum(s in met_ids for s in supporting) / len(supporting) if supporting else None
        coverage.append(Coverage(resp, share))
    return RoleFit(
        role=role,
        fit=fit,
        fits=fit is not None and fit >= threshold,
        met=len(met_ids),
        expected=expected,
        gaps=gaps,
        responsibilities=tuple(coverage),
    )


def assess(
    matrix: Matrix,
    profile: Profile,
    threshold: float = DEFAULT_THRESHOLD,
    role: str | None = None,
) -> Assessment:
    """Every role (or only *role*), ordered by fit, highest first, fit ``None`` last, then id.

    Raises :class:`~.model.SelectionError` when *role* is not a role of the matrix.
    """
    roles = list(matrix.roles) if role is None else matrix.pick("roles", [role])
    fits = [assess_role(matrix, r, profile, threshold) for r in roles]
    fits.sort(key=lambda f: (f.fit is None, -(f.fit or 0.0), f.role.id))
    return Assessment(profile.name, threshold, tuple(fits))
