/* The answer's words, without the DOM: the twin of skills_matrix/wording.py (verdict,
 * points_to_go, answer_sentences), saying the same sentences for the same result; the form
 * renders them (skills-answer.js). tests/test_golden.py compares the two on random
 * matrices. Works in browsers (window.SkillsMatrixWords, after skills-assess.js) and in
 * Node.js (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-assess.js"));
  else root.SkillsMatrixWords = factory(root.SkillsMatrixAssess);
})(globalThis, function (A) {
  "use strict";
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
      if (role.fit === null) return "no expectations to compare";
      const words = role.fits ? "fits" : role.missing_required.length ? "does not fit: a required skill is missing" : "does not fit";
      const byPoints = role.points !== null && role.points !== undefined && !role.expected;
      return role.threshold !== threshold && !byPoints ? words + " (fits at " + percent(role.threshold) + ")" : words;
    }

    const bandTitle = (id) => {
      const band = matrix.bands.find((b) => b.id === id);
      return band.title ? band.id + " (" + band.title + ")" : band.id;
    };
    const categoryTitle = (id) => {
      if (id === null) return "Other skills";
      const found = matrix.categories.find((c) => c.id === id);
      return found ? found.title : id;
    };

    /** "7 more points to Senior Engineer", when the role needs more points than the total. */
    function pointsToGo(result, role) {
      if (!role.points || result.points === null || result.points.total >= role.points.need) return "";
      return number(role.points.need - result.points.total) + " more points to " + role.title;
    }

    /** One line for the verdict towards the target: what a phone's summary shows and a screen
     * reader hears. */
    function verdictLine(result) {
      const target = result.target;
      return target ? "Towards " + target.title + " — " + percent(target.fit) + ", " + verdict(target) : "Every role fits";
    }

    function pointsWords(points) {
      let said = number(points.total);
      if (points.band !== null) {
        said += ", band " + bandTitle(points.band);
        if (points.next_band !== null) said += "; " + number(points.to_next_band) + " more to " + bandTitle(points.next_band);
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
      const answer = result.answer;
      /** @type {Part[]} */
      const held = [];
      answer.standing.forEach((id, index) => {
        if (index) held.push(", ");
        held.push(named("role", id));
      });
      const out = [sentence("standing", (held.length ? held : ["no role fits yet"]).concat("."), "Where you stand: ")];
      for (const position of result.tracks) {
        /** @type {Part[]} */
        const parts = ["On the " + tracksById.get(position.id).title + " ladder: "];
        if (position.current) parts.push(named("role", position.current), " fits");
        else parts.push("no role fits yet");
        if (position.next) parts.push("; next: ", named("role", position.next));
        out.push(sentence("ladder", parts.concat(".")));
      }
      if (result.points) out.push(sentence("points", [pointsWords(result.points)], "Points: "));
      const target = result.target;
      if (!target) {
        const every = matrix.roles.length ? "every role fits" : "the matrix has no roles";
        return out.concat(sentence("towards", ["nothing further; " + every + "."], "Working towards: "));
      }
      const why = answer.aim === target.id ? "your aim" : "the next role for you";
      const toGo = pointsToGo(result, target);
      const said = ", " + why + " — " + percent(target.fit) + ", " + verdict(target) + (toGo ? "; " + toGo : "") + ".";
      out.push(sentence("towards", [named("role", target.id), said], "Working towards: "));
      if (answer.aim === target.id && target.fits) {
        out.push(sentence("aim-reached", ["Aim reached: the role you aim at fits."]));
      }
      if (!answer.next_steps.length) {
        return out.concat(sentence("no-steps", ["No next steps: every skill the role expects is met."]));
      }
      out.push(sentence("steps", ["Next steps towards ", named("role", target.id), ":"]));
      const effective = rolesById.get(target.id).effective;
      for (const step of answer.next_steps) {
        const skill = skillsById.get(step.skill);
        let said;
        let described;
        if (step.to !== undefined) {
          said = ": raise to " + levels.get(step.to).title + ", +" + number(step.points) + " points";
          described = describe(step.skill, step.to);
        } else {
          said =
            ": reach " + levels.get(step.expected).title + (step.required ? " (required)" : "") + ", " +
            step.short + (step.short === 1 ? " level up" : " levels up") + ", +" + percent(step.gain) + " of the fit";
          described = effective[step.skill].words;
        }
        out.push(sentence("step", [named("skill", skill.id), said], null, described, skill.links));
      }
      return out;
    }

    return { describe, pointsToGo, sentences, verdict, verdictLine };
  }

  return { words };
});
