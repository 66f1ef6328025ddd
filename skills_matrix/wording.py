"""The words an assessment is shown in, the same in the terminal and on the pages: the
answer as sentences built once (:func:`answer_sentences`), which each surface renders (a
role a link on a page, its title in a terminal), and the fragments they are made of. The
browser's twin is ``skills-words.js``, tested to say the same on random matrices."""

from __future__ import annotations

import dataclasses as dc
import string

from .assessment import Assessment, Raise, RoleFit, percent
from .locale import _, decimal, ngettext
from .model import Band, Matrix, Source
from .point_totals import Points
from .profile import EditionChange
from .progress import Progress, Step


def number(value: float) -> str:
    """A points figure as people read it: whole numbers without a decimal point, others
    with at most two decimals."""
    if float(value).is_integer():
        return str(int(value))
    return decimal(f"{value:.2f}".rstrip("0").rstrip("."))


def band_title(band: Band) -> str:
    return f"{band.id} ({band.title})" if band.title else band.id


def levels_up(short: int) -> str:
    return ngettext("{count} level up", "{count} levels up", short).format(count=short)


def threshold_words(fit: RoleFit, default: float) -> str | None:
    """ "fits at 75%" when the role's own threshold is not *default* (and applies)."""
    if fit.threshold == default or fit.by_points:
        return None
    return _("fits at {percent}").format(percent=percent(fit.threshold))


def verdict(fit: RoleFit, default: float | None = None) -> str:
    """Whether the role fits, and why not; its own threshold when it is not *default*."""
    if fit.fit is None:
        return _("no expectations to compare")
    if fit.fits:
        words = _("fits")
    elif fit.missing_required:
        words = _("does not fit: a required skill is missing")
    else:
        words = _("does not fit")
    own = threshold_words(fit, default) if default is not None else None
    return f"{words} ({own})" if own else words


def points_to_go(result: Assessment, fit: RoleFit) -> str | None:
    """ "18 more points to Staff Engineer" when the role needs more points than the total."""
    if fit.need is None or result.points is None or result.points.total >= fit.need:
        return None
    to_go = number(fit.need - result.points.total)
    return _("{points} more points to {role}").format(points=to_go, role=fit.role.title)


def category_title(matrix: Matrix, category: str | None) -> str:
    """A category's title; an undeclared one's id; "Other skills" for none."""
    if category is None:
        return other_skills()
    found = matrix.category_by_id.get(category)
    return found.title if found else category


def other_skills() -> str:
    """The heading of skills in no category."""
    return _("Other skills")


def progress_columns() -> tuple[str, str, str, str]:
    return (_("Date"), _("Stands as"), _("Working towards"), _("Fit"))


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
                ", ".join(title[r] for r in answer.standing) or _("no role yet"),
                title[towards] if towards else _("every role fits"),
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
            f"{skill[c.skill]} ({level.get(c.before, none)} → {level.get(c.after, none)})"
            for c in items
        )

    none = _("none")
    said = []
    if step.raised:
        said.append(_("raised {changes}").format(changes=changes(step.raised)))
    if step.lowered:
        said.append(_("lowered {changes}").format(changes=changes(step.lowered)))
    if step.newly_fitting:
        roles = ", ".join(role[r] for r in step.newly_fitting)
        said.append(_("now fits {roles}").format(roles=roles))
    if step.no_longer_fitting:
        roles = ", ".join(role[r] for r in step.no_longer_fitting)
        said.append(_("no longer fits {roles}").format(roles=roles))
    if step.edition:
        changed = "; ".join(edition_words(c) for c in step.edition)
        said.append(_("read across editions: {changes}").format(changes=changed))
    if len(said) == 1 and step.edition:
        said.insert(0, _("no change"))
    return f"{step.since} → {step.until}: {'; '.join(said) or _('no change')}."


def edition_words(change: EditionChange) -> str:
    """What a profile was read through: "skill 'a', 'b' merged into 'c'"."""
    kind = {"skill": _("skill"), "level": _("level"), "role": _("role")}.get(change.kind)
    values = {
        "kind": kind or change.kind,
        "old": ", ".join(f"'{o}'" for o in change.old),
        "new": f"'{change.new}'",
    }
    if change.change == "retired":
        return _("{kind} {old} retired").format(**values)
    if change.change == "merged":
        return _("{kind} {old} merged into {new}").format(**values)
    return _("{kind} {old} renamed {new}").format(**values)


@dc.dataclass(frozen=True)
class Voice:
    """Whom an answer speaks of: the reader ("Where you stand"), or someone a page names
    (*subject*: "the article's author": "Where the article's author stands")."""

    subject: str | None = None

    @property
    def where_stands(self) -> str:
        if self.subject:
            return _("Where {subject} stands").format(subject=self.subject)
        return _("Where you stand")

    @property
    def aim(self) -> str:
        return _("{subject}'s aim").format(subject=self.subject) if self.subject else _("your aim")

    @property
    def next_role(self) -> str:
        if self.subject:
            return _("the next role for {subject}").format(subject=self.subject)
        return _("the next role for you")

    @property
    def aim_reached(self) -> str:
        if self.subject:
            return _("Aim reached: the role {subject} aims at fits.").format(subject=self.subject)
        return _("Aim reached: the role you aim at fits.")


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


def parts(template: str, **values: str | Named) -> tuple[Part, ...]:
    """A translated *template* as a sentence's parts: its text, and each ``{name}`` replaced
    by *values*' (a role or skill stays :class:`Named`, to link); text beside text joined.
    The browser's twin is ``parts`` in ``skills-locale.js``."""
    out: list[Part] = []

    def add(part: Part) -> None:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part != "":
            out.append(part)

    for text, field, _spec, _conversion in string.Formatter().parse(template):
        add(text)
        if field is not None:
            add(values[field])
    return tuple(out)


def _named(matrix: Matrix, kind: str, ident: str) -> Named:
    found = matrix.role_by_id[ident] if kind == "role" else matrix.skill_by_id[ident]
    return Named(kind, ident, found.title)


def _lead(heading: str) -> str:
    """A sentence's lead: "Where you stand: "."""
    return _("{heading}: ").format(heading=heading)


def _ladder(matrix: Matrix, title: str, current: str | None, following: str | None) -> Sentence:
    role = _named(matrix, "role", current) if current else ""
    then = _named(matrix, "role", following) if following else ""
    if current and following:
        template = _("On the {ladder} ladder: {role} fits; next: {next}.")
    elif current:
        template = _("On the {ladder} ladder: {role} fits.")
    elif following:
        template = _("On the {ladder} ladder: no role fits yet; next: {next}.")
    else:
        template = _("On the {ladder} ladder: no role fits yet.")
    return Sentence("ladder", parts(template, ladder=title, role=role, next=then))


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
    standing = (*held, ".") if held else (_("no role fits yet."),)
    out = [Sentence("standing", standing, _lead(voice.where_stands))]
    for position in result.tracks:
        track = matrix.track_by_id[position.track]
        out.append(_ladder(matrix, track.title, position.current, position.next))
    if result.points is not None:
        out.append(Sentence("points", (_points_words(matrix, result.points),), _lead(_("Points"))))
    towards = _lead(_("Working towards"))
    target = result.target
    if target is None:
        if result.every:
            return [*out, Sentence("towards", (_("nothing further; every role fits."),), towards)]
        none = _("nothing further; the matrix has no roles.")
        return [*out, Sentence("towards", (none,), towards)]
    to_go = points_to_go(result, target)
    template = (
        _("{role}, {why} — {percent}, {verdict}; {to_go}.")
        if to_go
        else _("{role}, {why} — {percent}, {verdict}.")
    )
    said = parts(
        template,
        role=_named(matrix, "role", target.role.id),
        why=voice.aim if answer.aim == target.role.id else voice.next_role,
        percent=percent(target.fit),
        verdict=verdict(target, result.threshold),
        to_go=to_go or "",
    )
    out.append(Sentence("towards", said, towards))
    if result.aim_reached:
        out.append(Sentence("aim-reached", (voice.aim_reached,)))
    if not answer.next_steps:
        out.append(
            Sentence("no-steps", (_("No next steps: every skill the role expects is met."),))
        )
        return out
    role = _named(matrix, "role", target.role.id)
    out.append(Sentence("steps", parts(_("Next steps towards {role}:"), role=role)))
    expectations = matrix.expectations(target.role.id)
    for step in answer.next_steps:
        skill = matrix.skill_by_id[step.skill]
        named = Named("skill", skill.id, skill.title)
        if isinstance(step, Raise):
            said = parts(
                _("{skill}: raise to {level}, +{points} points"),
                skill=named,
                level=matrix.level_by_id[step.to].title,
                points=number(step.points),
            )
            words = matrix.expected_words_at(skill.id, step.to)
        else:
            template = (
                _("{skill}: reach {level} (required), {levels_up}, +{percent} of the fit")
                if step.required
                else _("{skill}: reach {level}, {levels_up}, +{percent} of the fit")
            )
            said = parts(
                template,
                skill=named,
                level=matrix.level_by_id[step.expected].title,
                levels_up=levels_up(step.short),
                percent=percent(step.gain),
            )
            words = matrix.expected_words(expectations[step.skill])
        out.append(Sentence("step", said, words=words or None, links=tuple(skill.links)))
    return out


def _points_words(matrix: Matrix, points: Points) -> str:
    """A profile's points: its total, its band and how far the next, by category."""
    said = number(points.total)
    if points.band is not None:
        said = _("{total}, band {band}").format(total=said, band=band_title(points.band))
        if points.next_band is not None:
            to_next = number(points.next_band.points - points.total)
            band = band_title(points.next_band)
            said = _("{said}; {points} more to {band}").format(said=said, points=to_next, band=band)
    by = [f"{category_title(matrix, cid)} {number(t)}" for cid, t in points.by_category]
    return said + (" (" + ", ".join(by) + ")" if by else "") + "."
