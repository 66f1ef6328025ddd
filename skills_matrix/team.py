"""A team, assessed together, as the data format defines it ("A team, assessed together"):
who fits each role, who covers each skill, which skills rest on one person, and how much of
each responsibility the team covers."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence

from .assessment import Answer, assess
from .format import DEFAULT_THRESHOLD
from .model import Matrix
from .profile import Member

SHOWN_RISKS = 8
"""How many skills at risk a report names before saying how many more there are."""


@dc.dataclass(frozen=True, slots=True)
class RoleCover:
    role: str
    title: str
    fitting: tuple[str, ...]
    best: tuple[str, float] | None
    """The member with the highest fit, and the fit; ``None`` for a role without expectations."""


@dc.dataclass(frozen=True, slots=True)
class SkillCover:
    skill: str
    title: str
    needed: str
    """The lowest level at which any role expects the skill."""
    covered_by: tuple[str, ...]
    required: bool = False
    """Whether a role requires it (a must-have)."""
    roles: int = 0
    """How many roles expect it."""

    @property
    def at_risk(self) -> bool:
        """One person away from nobody."""
        return len(self.covered_by) <= 1


@dc.dataclass(frozen=True, slots=True)
class TeamAssessment:
    members: tuple[str, ...]
    roles: tuple[RoleCover, ...]
    skills: tuple[SkillCover, ...]
    responsibilities: tuple[tuple[str, float | None], ...]
    answers: tuple[tuple[str, Answer], ...] = ()
    """Each member's answer (where they stand, what they work towards), as ``assess`` gives it."""

    @property
    def risks(self) -> tuple[SkillCover, ...]:
        """The skills at risk, what matters first: a skill some role requires before one
        that is only expected, one nobody covers before one a single person does, then the
        skills more roles expect; the matrix's order on a tie."""
        at_risk = [s for s in self.skills if s.at_risk]
        return tuple(sorted(at_risk, key=lambda s: (not s.required, len(s.covered_by), -s.roles)))

    def to_json(self) -> dict:
        """The ``team --format json`` object."""
        return {
            "members": list(self.members),
            "risks": [s.skill for s in self.risks],
            "roles": [
                {
                    "id": r.role,
                    "title": r.title,
                    "fitting": list(r.fitting),
                    "best": {"member": r.best[0], "fit": r.best[1]} if r.best else None,
                }
                for r in self.roles
            ],
            "skills": [
                {
                    "id": s.skill,
                    "title": s.title,
                    "needed": s.needed,
                    "covered_by": list(s.covered_by),
                    "at_risk": s.at_risk,
                }
                for s in self.skills
            ],
            "responsibilities": [
                {"id": rid, "coverage": share} for rid, share in self.responsibilities
            ],
        }


def assess_team(
    matrix: Matrix, members: Sequence[Member], threshold: float = DEFAULT_THRESHOLD
) -> TeamAssessment:
    rank = matrix.level_rank
    needed: dict[str, str] = {}
    required: set[str] = set()
    expecting: dict[str, int] = {}
    for role in matrix.roles:
        for skill_id, e in matrix.expectations(role.id).items():
            if skill_id not in needed or rank[e.level] < rank[needed[skill_id]]:
                needed[skill_id] = e.level
            expecting[skill_id] = expecting.get(skill_id, 0) + 1
            if e.required:
                required.add(skill_id)
    assessed = [assess(matrix, m.profile, threshold) for m in members]
    results = [a.every for a in assessed]
    roles = []
    for role in matrix.roles:
        fits = [(m.name, result[role.id]) for m, result in zip(members, results, strict=True)]
        best = None
        for name, fit in fits:
            if fit.fit is not None and (best is None or fit.fit > best[1]):
                best = (name, fit.fit)
        roles.append(RoleCover(role.id, role.title, tuple(n for n, f in fits if f.fits), best))
    skills = []
    for skill in matrix.skills:
        if skill.id not in needed:
            continue
        covered = tuple(
            m.name
            for m in members
            if (level := m.profile.skills.get(skill.id)) is not None
            and rank[level] >= rank[needed[skill.id]]
        )
        skills.append(
            SkillCover(
                skill.id,
                skill.title,
                needed[skill.id],
                covered,
                skill.id in required,
                expecting[skill.id],
            )
        )
    coverage = []
    for resp in matrix.responsibilities:
        supporting = [s for s in skills if resp.id in matrix.skill_by_id[s.skill].supports]
        share = sum(1 for s in supporting if s.covered_by) / len(supporting) if supporting else None
        coverage.append((resp.id, share))
    return TeamAssessment(
        tuple(m.name for m in members),
        tuple(roles),
        tuple(skills),
        tuple(coverage),
        tuple((m.name, a.answer) for m, a in zip(members, assessed, strict=True)),
    )
