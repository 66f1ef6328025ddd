/* The answer's words, without the DOM: the twin of skills_matrix/wording.py (verdict,
 * points_to_go, answer_sentences), saying the same sentences for the same result; the form
 * renders them (skills-answer.js). tests/test_golden.py compares the two on random
 * matrices. Works in browsers (window.SkillsMatrixWords, after skills-assess.js) and in
 * Node.js (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-assess.js"), require("./skills-locale.js"));
  else root.SkillsMatrixWords = factory(root.SkillsMatrixAssess, root.SkillsMatrixLocale);
})(globalThis, function (A, L) {
  "use strict";
  const { _, ngettext, format, parts } = L;
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */
  const percent = A.percent;
  const number = A.number;

  /** The words of the answers to *matrix* at *threshold* (the page's).
   * @param {Matrix} matrix
   */
  function words(matrix, threshold) {
    const levels = new Map(matrix.levels.map((level) => [level.id, level]));
    const skillsById = new Map(matrix.skills.map((skill) => [skill.id, skill]));
    const rolesById = new Map(matrix.roles.map((role) => [role.id, role]));
    const tracksById = new Map(matrix.tracks.map((track) => [track.id, track]));
    /** @typedef {{kind: string, id: string, title: string}} Named a role or skill, linked where shown */
    /** @typedef {string | Named} Part */
    /** @param {string} kind @param {string} id @returns {Named} */
    const named = (kind, id) => ({ kind: kind, id: id, title: (kind === "role" ? rolesById : skillsById).get(id).title });

    /** What a level of a skill looks like: the skill's own descriptor, else the level's. */
    const describe = (skill, level) => {
      const described = skillsById.get(skill).levels;
      return Object.hasOwn(described, level) ? described[level].description : levels.get(level).description || null;
    };

    /** Whether a role fits, and why not; its own threshold when it is not the page's. */
    function verdict(role) {
      if (role.fit === null) return _("no expectations to compare");
      const words = role.fits ? _("fits") : role.missing_required.length ? _("does not fit: a required skill is missing") : _("does not fit");
      const byPoints = role.points !== null && role.points !== undefined && !role.expected;
      const own = format(_("fits at {percent}"), { percent: percent(role.threshold) });
      return role.threshold !== threshold && !byPoints ? words + " (" + own + ")" : words;
    }

    const bandTitle = (id) => {
      const band = matrix.bands.find((b) => b.id === id);
      return band.title ? band.id + " (" + band.title + ")" : band.id;
    };
    const categoryTitle = (id) => {
      if (id === null) return _("Other skills");
      const found = matrix.categories.find((c) => c.id === id);
      return found ? found.title : id;
    };

    /** "7 more points to Senior Engineer", when the role needs more points than the total. */
    function pointsToGo(result, role) {
      if (!role.points || result.points === null || result.points.total >= role.points.need) return "";
      return format(_("{points} more points to {role}"), { points: number(role.points.need - result.points.total), role: role.title });
    }

    /** One line for the verdict towards the target: what a phone's summary shows and a screen
     * reader hears. */
    function verdictLine(result) {
      const target = result.target;
      if (!target) return _("Every role fits");
      return format(_("Towards {role} — {percent}, {verdict}"), { role: target.title, percent: percent(target.fit), verdict: verdict(target) });
    }

    function pointsWords(points) {
      let said = number(points.total);
      if (points.band !== null) {
        said = format(_("{total}, band {band}"), { total: said, band: bandTitle(points.band) });
        if (points.next_band !== null) {
          said = format(_("{said}; {points} more to {band}"), { said: said, points: number(points.to_next_band), band: bandTitle(points.next_band) });
        }
      }
      const by = points.by_category.map((c) => categoryTitle(c.id) + " " + number(c.total));
      return said + (by.length ? " (" + by.join(", ") + ")" : "") + ".";
    }

    /** The answer as sentences, said to the reader: where they stand (on each ladder, their
     * points), what they work towards and how far, the next three steps. Each sentence is
     * {kind, lead, parts, words, links}, a part text or {kind, id, title}. */
    function sentences(result) {
      const sentence = (kind, parts, lead, words, links) => ({
        kind: kind,
        lead: lead || null,
        parts: parts,
        words: words || null,
        links: links || [],
      });
      const lead = (heading) => format(_("{heading}: "), { heading: heading });
      const answer = result.answer;
      /** @type {Part[]} */
      const held = [];
      answer.standing.forEach((id, index) => {
        if (index) held.push(", ");
        held.push(named("role", id));
      });
      const standing = held.length ? held.concat(".") : [_("no role fits yet.")];
      const out = [sentence("standing", standing, lead(_("Where you stand")))];
      for (const position of result.tracks) {
        const template =
          position.current && position.next ? _("On the {ladder} ladder: {role} fits; next: {next}.")
          : position.current ? _("On the {ladder} ladder: {role} fits.")
          : position.next ? _("On the {ladder} ladder: no role fits yet; next: {next}.")
          : _("On the {ladder} ladder: no role fits yet.");
        const values = {
          ladder: tracksById.get(position.id).title,
          role: position.current ? named("role", position.current) : "",
          next: position.next ? named("role", position.next) : "",
        };
        out.push(sentence("ladder", parts(template, values)));
      }
      if (result.points) out.push(sentence("points", [pointsWords(result.points)], lead(_("Points"))));
      const towards = lead(_("Working towards"));
      const target = result.target;
      if (!target) {
        const none = matrix.roles.length ? _("nothing further; every role fits.") : _("nothing further; the matrix has no roles.");
        return out.concat(sentence("towards", [none], towards));
      }
      const toGo = pointsToGo(result, target);
      const template = toGo ? _("{role}, {why} — {percent}, {verdict}; {to_go}.") : _("{role}, {why} — {percent}, {verdict}.");
      const said = parts(template, {
        role: named("role", target.id),
        why: answer.aim === target.id ? _("your aim") : _("the next role for you"),
        percent: percent(target.fit),
        verdict: verdict(target),
        to_go: toGo,
      });
      out.push(sentence("towards", said, towards));
      if (answer.aim === target.id && target.fits) {
        out.push(sentence("aim-reached", [_("Aim reached: the role you aim at fits.")]));
      }
      if (!answer.next_steps.length) {
        return out.concat(sentence("no-steps", [_("No next steps: every skill the role expects is met.")]));
      }
      out.push(sentence("steps", parts(_("Next steps towards {role}:"), { role: named("role", target.id) })));
      const effective = rolesById.get(target.id).effective;
      for (const step of answer.next_steps) {
        const skill = skillsById.get(step.skill);
        let said;
        let described;
        if (step.to !== undefined) {
          said = parts(_("{skill}: raise to {level}, +{points} points"), {
            skill: named("skill", skill.id),
            level: levels.get(step.to).title,
            points: number(step.points),
          });
          described = describe(step.skill, step.to);
        } else {
          const template = step.required
            ? _("{skill}: reach {level} (required), {levels_up}, +{percent} of the fit")
            : _("{skill}: reach {level}, {levels_up}, +{percent} of the fit");
          said = parts(template, {
            skill: named("skill", skill.id),
            level: levels.get(step.expected).title,
            levels_up: format(ngettext("{count} level up", "{count} levels up", step.short), { count: step.short }),
            percent: percent(step.gain),
          });
          described = effective[step.skill].words;
        }
        out.push(sentence("step", said, null, described, skill.links));
      }
      return out;
    }

    return { describe, pointsToGo, sentences, verdict, verdictLine };
  }

  return { words };
});
