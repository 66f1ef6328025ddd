/* The self-assessment's questions: a select for each skill, by category, with what each level
 * looks like, the answer's descriptor below it, and how many are answered. A long framework's
 * form is written in small tasks, so that it is ready to use before all of it is written.
 * (window.SkillsMatrixQuestions, after skills-answer.js.) */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./skills-assess.js"), require("./skills-answer.js"), require("./skills-profile.js"), require("./skills-locale.js"));
  } else root.SkillsMatrixQuestions = factory(root.SkillsMatrixAssess, root.SkillsMatrixAnswer, root.SkillsMatrixProfile, root.SkillsMatrixLocale);
})(globalThis, function (A, H, P, L) {
  "use strict";
  const { _, format } = L;
  const { el, setText } = H;
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */
  /** @typedef {ReturnType<import("./skills-form-state.js")["formState"]>} State */

  /** The categories written at once; the rest follow, this many skills a task. */
  const FIRST = 200;

  /**
   * The form for *matrix*, showing *state*; *answered(skill)* follows each answer changed.
   * @param {Matrix} matrix
   * @param {State} state
   * @param {ReturnType<typeof H.writer>} words
   * @param {(skill: string) => void} answered
   */
  function questions(matrix, state, words, answered) {
    const skillsById = new Map(matrix.skills.map((skill) => [skill.id, skill]));
    const form = el("form", { class: "sm-form", "aria-label": _("Your level in each skill") });
    const counter = el("p", { class: "sm-count" });
    const keepLink = el("a", { href: "#sm-keep", class: "sm-keep-link", text: _("Import a profile, export or share your answers") });
    form.append(el("div", { class: "sm-form-head" }, counter, keepLink));
    /** @type {Map<string, {select: HTMLSelectElement, hint: HTMLElement}>} */
    const selects = new Map();

    const scale = el("details", { class: "sm-scale" }, el("summary", { text: _("The levels") }));
    const list = el("dl");
    for (const level of matrix.levels) {
      list.append(el("dt", { text: level.title }), el("dd", { text: level.description || "" }));
    }
    scale.append(list);
    form.append(scale);

    /** @param {string} skill */
    function hint(skill) {
      if (!selects.has(skill)) return; // its row is not written yet; it will show the answer
      const level = state.answers[skill];
      setText(selects.get(skill).hint, level ? words.describe(skill, level) : level === null ? _("Assessed: none yet.") : "");
    }

    /** One category's fieldset of skills, each select showing the current answer.
     * @param {import("../../schema/skills-matrix").Group} group */
    function fieldsetOf(group) {
      const fieldset = el("fieldset", { class: "sm-category" }, el("legend", { text: group.title }));
      for (const skill of group.skills.map((id) => skillsById.get(id))) {
        const id = "sm-skill-" + skill.id;
        const select = /** @type {HTMLSelectElement} */ (el("select", { id: id, name: skill.id, "aria-describedby": id + "-hint" }));
        select.append(el("option", { value: "", text: _("Not assessed") }), el("option", { value: P.NONE_YET, text: _("None yet") }));
        for (const level of matrix.levels) {
          const points = level.points === null || level.points === undefined ? "" : " " + format(_("({points} points)"), { points: A.number(level.points) });
          select.append(el("option", { value: level.id, text: level.title + points }));
        }
        const hintNode = el("small", { id: id + "-hint", class: "sm-hint" });
        const changed = () => {
          if (state.choose(skill.id, select.value)) answered(skill.id);
        };
        // "input" too: a closed select changed with the arrow keys may fire only that
        select.addEventListener("input", changed);
        select.addEventListener("change", changed);
        selects.set(skill.id, { select, hint: hintNode });
        select.value = state.valueOf(skill.id);
        hint(skill.id);
        const row = el("div", { class: "sm-skill" }, el("label", { for: id, text: skill.title }), select, hintNode);
        const described = matrix.levels.filter((level) => Object.hasOwn(skill.levels, level.id));
        if (described.length) {
          const scaleOfSkill = el("dl");
          for (const level of described) {
            scaleOfSkill.append(el("dt", { text: level.title }), el("dd", { text: skill.levels[level.id].description }));
          }
          row.append(el("details", { class: "sm-skill-levels" }, el("summary", { text: _("What each level looks like") }), scaleOfSkill));
        }
        fieldset.append(row);
      }
      return fieldset;
    }

    let written = 0;
    const later = [];
    for (const group of matrix.groups) {
      if (written < FIRST) form.append(fieldsetOf(group));
      else later.push(group);
      written += group.skills.length;
    }
    const placeholder = later.length ? el("p", { class: "sm-more", text: _("More skills are loading…") }) : null;
    if (placeholder) form.append(placeholder);
    (function writeLater() {
      if (!later.length) return;
      setTimeout(() => {
        let budget = FIRST;
        while (later.length && budget > 0) {
          const group = later.shift();
          placeholder.before(fieldsetOf(group));
          budget -= group.skills.length;
        }
        if (later.length) writeLater();
        else placeholder.remove();
      }, 0);
    })();

    return {
      form,
      counter,
      keepLink,
      hint,
      /** Every select and hint shown as the state has them (after a change of all answers). */
      show() {
        for (const [skill, { select }] of selects) {
          select.value = state.valueOf(skill);
          hint(skill);
        }
      },
      /** "3 of 21 skills answered" */
      count() {
        setText(counter, format(_("{count} of {total} skills answered"), { count: state.count(), total: matrix.skills.length }));
      },
    };
  }

  return { FIRST, questions };
});
