"""The words an assessment is shown in, the same in the terminal and on the pages: the
answer as sentences built once (:func:`answer_sentences`), which each surface renders (a
role a link on a page, its title in a terminal), and the fragments they are made of. The
browser's twin is ``skills-words.js``, tested to say the same on random matrices."""

from __future__ import annotations

import dataclasses as dc

from .assessment import Assessment, Raise, RoleFit, percent
from .model import OTHER_SKILLS, Band, Matrix, Source
from .point_totals import Points
from .progress import Progress, Step


def number(value: float) -> str:
    """A points figure as people read it: whole numbers without a decimal point, others
    with at most two decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def band_title(band: Band) -> str:
    return f"{band.id} ({band.title})" if band.title else band.id


def levels_up(short: int) -> str:
    return f"{short} level{'' if short == 1 else 's'} up"


def threshold_words(fit: RoleFit, default: float) -> str | None:
    """ "fits at 75%" when the role's own threshold is not *default* (and applies)."""
    if fit.threshold == default or fit.by_points:
        return None
    return f"fits at {percent(fit.threshold)}"


def verdict(fit: RoleFit, default: float | None = None) -> str:
    """Whether the role fits, and why not; its own threshold when it is not *default*."""
    if fit.fit is None:
        return "no expectations to compare"
    if fit.fits:
        words = "fits"
    elif fit.missing_required:
        words = "does not fit: a required skill is missing"
    else:
        words = "does not fit"
    own = threshold_words(fit, default) if default is not None else None
    return f"{words} ({own})" if own else words


def points_to_go(result: Assessment, fit: RoleFit) -> str | None:
    """ "18 more points to Staff Engineer" when the role needs more points than the total."""
    if fit.need is None or result.points is None or result.points.total >= fit.need:
        return None
    return f"{number(fit.need - result.points.total)} more points to {fit.role.title}"


def category_title(matrix: Matrix, category: str | None) -> str:
    """A category's title; an undeclared one's id; "Other skills" for none."""
    if category is None:
        return OTHER_SKILLS
    found = matrix.category_by_id.get(category)
    return found.title if found else category


PROGRESS_COLUMNS = ("Date", "Stands as", "Working towards", "Fit")


def progress_rows(matrix: Matrix, progress: Progress) -> list[tuple[str, str, str, str]]:
    """A row an assessment of a progress: its date, the roles held, the role worked towards
    and the fit of that role."""
    title = {role.id: role.title for role in matrix.roles}
    rows = []
    for snapshot in progress.snapshots:
        answer = snapshot.assessment.answer
        towards = snapshot.towards
        fit = snapshot.assessment.every[towards].fit if towards else None
        rows.append(
            (
                snapshot.date,
                ", ".join(title[r] for r in answer.standing) or "no role yet",
                title[towards] if towards else "every role fits",
                percent(fit) if fit is not None else "–",
            )
        )
    return rows


def step_words(matrix: Matrix, step: Step) -> str:
    """What changed between two assessments, in one sentence."""
    skill = {s.id: s.title for s in matrix.skills}
    level = {lv.id: lv.title for lv in matrix.levels}
    role = {r.id: r.title for r in matrix.roles}

    def changes(items) -> str:
        return ", ".join(
            f"{skill[c.skill]} ({level.get(c.before, 'none')} → {level.get(c.after, 'none')})"
            for c in items
        )

    parts = []
    if step.raised:
        parts.append("raised " + changes(step.raised))
    if step.lowered:
        parts.append("lowered " + changes(step.lowered))
    if step.newly_fitting:
        parts.append("now fits " + ", ".join(role[r] for r in step.newly_fitting))
    if step.no_longer_fitting:
        parts.append("no longer fits " + ", ".join(role[r] for r in step.no_longer_fitting))
    said = "; ".join(parts) or "no change"
    if step.edition:
        said += "; read across editions: " + "; ".join(c.words() for c in step.edition)
    return f"{step.since} → {step.until}: {said}."


@dc.dataclass(frozen=True)
class Voice:
    """Whom an answer speaks of: the reader ("Where you stand"), or someone a page names
    (*subject*: "the article's author": "Where the article's author stands")."""

    subject: str | None = None

    @property
    def where_stands(self) -> str:
        return f"Where {self.subject} stands" if self.subject else "Where you stand"

    @property
    def aim(self) -> str:
        return f"{self.subject}'s aim" if self.subject else "your aim"

    @property
    def next_role(self) -> str:
        return f"the next role for {self.subject}" if self.subject else "the next role for you"

    @property
    def aim_reached(self) -> str:
        if self.subject:
            return f"Aim reached: the role {self.subject} aims at fits."
        return "Aim reached: the role you aim at fits."


YOU = Voice()


@dc.dataclass(frozen=True, slots=True)
class Named:
    """A role or skill a sentence names: a link on a page, its title elsewhere."""

    kind: str
    id: str
    title: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "id": self.id, "title": self.title}


Part = str | Named


@dc.dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the answer: its *lead* (shown strong: "Where you stand: "), its parts,
    and for a next step what the level looks like and where to learn it."""

    kind: str
    """``standing``, ``ladder``, ``points``, ``towards``, ``aim-reached``, ``no-steps``,
    ``steps`` (the list's heading) or ``step``."""
    parts: tuple[Part, ...]
    lead: str | None = None
    words: str | None = None
    links: tuple[Source, ...] = ()

    def text(self) -> str:
        """The sentence in plain words, each role or skill by its title."""
        said = "".join(p if isinstance(p, str) else p.title for p in self.parts)
        return (self.lead or "") + said

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "lead": self.lead,
            "parts": [p if isinstance(p, str) else p.to_json() for p in self.parts],
            "words": self.words,
            "links": [link.url for link in self.links],
        }


def _named(matrix: Matrix, kind: str, ident: str) -> Named:
    found = matrix.role_by_id[ident] if kind == "role" else matrix.skill_by_id[ident]
    return Named(kind, ident, found.title)


def answer_sentences(
    matrix: Matrix, result: Assessment, voice: Voice | None = None
) -> list[Sentence]:
    """What a reader acts on, in this order: where they stand (and on each ladder, and their
    points), what they work towards and how far, and the next three steps; said to the
    reader, or of someone (*voice*)."""
    voice = voice or YOU
    answer = result.answer
    held: list[Part] = []
    for index, ident in enumerate(answer.standing):
        held += [", "] if index else []
        held.append(_named(matrix, "role", ident))
    out = [Sentence("standing", (*(held or ["no role fits yet"]), "."), f"{voice.where_stands}: ")]
    for position in result.tracks:
        track = matrix.track_by_id[position.track]
        parts: list[Part] = [f"On the {track.title} ladder: "]
        if position.current:
            parts += [_named(matrix, "role", position.current), " fits"]
        else:
            parts.append("no role fits yet")
        if position.next:
            parts += ["; next: ", _named(matrix, "role", position.next)]
        out.append(Sentence("ladder", (*parts, ".")))
    if result.points is not None:
        out.append(Sentence("points", (_points_words(matrix, result.points),), "Points: "))
    target = result.target
    if target is None:
        every = "every role fits" if result.every else "the matrix has no roles"
        return [*out, Sentence("towards", (f"nothing further; {every}.",), "Working towards: ")]
    why = voice.aim if answer.aim == target.role.id else voice.next_role
    to_go = points_to_go(result, target)
    said = f", {why} — {percent(target.fit)}, {verdict(target, result.threshold)}"
    said += f"; {to_go}." if to_go else "."
    out.append(
        Sentence("towards", (_named(matrix, "role", target.role.id), said), "Working towards: ")
    )
    if result.aim_reached:
        out.append(Sentence("aim-reached", (voice.aim_reached,)))
    if not answer.next_steps:
        out.append(Sentence("no-steps", ("No next steps: every skill the role expects is met.",)))
        return out
    out.append(
        Sentence("steps", ("Next steps towards ", _named(matrix, "role", target.role.id), ":"))
    )
    expectations = matrix.expectations(target.role.id)
    for step in answer.next_steps:
        skill = matrix.skill_by_id[step.skill]
        if isinstance(step, Raise):
            said = f": raise to {matrix.level_by_id[step.to].title}, +{number(step.points)} points"
            words = matrix.expected_words_at(skill.id, step.to)
        else:
            required = " (required)" if step.required else ""
            said = (
                f": reach {matrix.level_by_id[step.expected].title}{required}, "
                f"{levels_up(step.short)}, +{percent(step.gain)} of the fit"
            )
            words = matrix.expected_words(expectations[step.skill])
        named = Named("skill", skill.id, skill.title)
        out.append(Sentence("step", (named, said), words=words or None, links=tuple(skill.links)))
    return out


def _points_words(matrix: Matrix, points: Points) -> str:
    """A profile's points: its total, its band and how far the next, by category."""
    said = number(points.total)
    if points.band is not None:
        said += f", band {band_title(points.band)}"
        if points.next_band is not None:
            to_next = points.next_band.points - points.total
            said += f"; {number(to_next)} more to {band_title(points.next_band)}"
    by = [f"{category_title(matrix, cid)} {number(t)}" for cid, t in points.by_category]
    return said + (" (" + ", ".join(by) + ")" if by else "") + "."
