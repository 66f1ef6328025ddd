/* The self-assessment's results, kept up to date with the answers: the role worked towards
 * (a choice), the answer in words, the change since the last saved answers, every role by fit
 * and each role's card; the answers drawn against the target's expectations; one line of the
 * results in view at the foot of the screen, and the verdict a screen reader hears.
 * (window.SkillsMatrixResults, after skills-answer.js and skills-chart.js.) */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(
      require("./skills-assess.js"), require("./skills-answer.js"), require("./skills-chart.js"), require("./skills-profile.js"), require("./skills-locale.js"));
  } else {
    root.SkillsMatrixResults = factory(
      root.SkillsMatrixAssess, root.SkillsMatrixAnswer, root.SkillsMatrixChart, root.SkillsMatrixProfile, root.SkillsMatrixLocale);
  }
})(globalThis, function (A, H, C, P, L) {
  "use strict";
  const { _, format } = L;
  const { el, setText } = H;
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */
  /** @typedef {ReturnType<import("./skills-form-state.js")["formState"]>} State */

  /**
   * The results of *state*'s answers to *matrix*, each role judged at *threshold*;
   * *progress* is the snapshots' tracker (skills-progress.js); *aimed()* follows a change of
   * the role worked towards.
   * @param {Matrix} matrix
   * @param {State} state
   * @param {number} threshold
   * @param {ReturnType<typeof H.writer>} words
   * @param {{since(answers: object, fitting: string[], today: string): string}} progress
   * @param {() => void} aimed
   */
  function results(matrix, state, threshold, words, progress, aimed) {
    const node = el("section", { class: "sm-results", "aria-label": _("How your answers fit each role") });
    // what a screen reader hears after an answer: the verdict line, and only when it changes
    // (not the whole results, some 1,800 characters)
    const announce = el("p", { class: "sm-announce", role: "status" });
    // one line of the results, in view at the foot of the screen while answering (hidden from
    // screen readers, which hear the verdict line)
    const summary = el("p", { class: "sm-summary", "aria-hidden": "true" });
    const chartBox = el("div", { class: "sm-chart-live" }); // drawChart() fills it
    chartBox.hidden = true;
    let chartKey = null;
    const sinceLine = el("p", { class: "sm-since" });
    sinceLine.hidden = true;

    const aimSelect = /** @type {HTMLSelectElement} */ (el("select", { id: "sm-aim" }));
    aimSelect.append(el("option", { value: "", text: _("The next role for me (computed)") }));
    for (const role of matrix.roles) aimSelect.append(el("option", { value: role.id, text: role.title }));
    aimSelect.value = state.aim;
    aimSelect.addEventListener("change", () => {
      if (state.aimAt(aimSelect.value)) aimed();
    });
    const aimRow = el("p", { class: "sm-aim-choice" }, el("label", { for: "sm-aim", text: format(_("{heading}: "), { heading: _("Working towards") }) }), aimSelect);
    let answerBlock = el("div");
    let answerSaid = null;
    const ranking = el("ol", { class: "sm-ranking", "aria-label": _("Roles, closest fit first") });
    const ranks = matrix.roles.map(() => {
      const row = { link: el("a"), rest: el("span"), key: null };
      ranking.append(el("li", {}, row.link, row.rest));
      return row;
    });
    let last = null; // the latest result
    const cards = new Map(matrix.roles.map((def) => [def.id, words.card(def, () => last && last.points)]));
    const ranked = el("p", { class: "sm-ranked", text: _("Every role, closest fit first:") });
    node.append(
      el("h2", { text: _("How your answers fit each role") }),
      announce,
      aimRow,
      answerBlock,
      sinceLine,
      ranked,
      ranking,
      ...[...cards.values()].map((entry) => entry.node),
    );

    /** The change since the last snapshot before today, if there is one. */
    function showSince() {
      if (!last) return;
      const said = progress.since(state.answers, last.roles.filter((r) => r.fits).map((r) => r.id), P.isoDate(new Date()));
      sinceLine.hidden = !said;
      setText(sinceLine, said);
    }

    /** The answers against the role worked towards, drawn as the pages draw a profile;
     * redrawn only when what it shows changes. */
    function drawChart(result) {
      const target = result.answer.target;
      const answered = state.count() > 0;
      const key = JSON.stringify([target, state.name, target && answered ? state.answers : null]);
      if (key === chartKey) return;
      chartKey = key;
      const chart = target && answered ? C.personChart(matrix, target, state.answers, state.name) : null;
      chartBox.hidden = chart === null;
      chartBox.innerHTML = chart === null ? "" : C.svg(chart, "sm-chart-live"); // escaped by svg()
      if (chart !== null) chartBox.prepend(el("p", { class: "sm-chart-caption", text: chart.title }));
    }

    /** Bring the results up to date with the answers; *changed* names the one skill that
     * changed, when only one did: only the cards whose results moved and the lines of the
     * ranking whose role or figures changed are written. *counted* is the form's count.
     * @param {string | undefined} changed
     * @param {string} counted */
    function update(changed, counted) {
      aimSelect.value = state.aim;
      const answered = state.count();
      // before any answer there is nothing to judge: the roles wait (and so does the verdict)
      node.classList.toggle("sm-unanswered", !answered);
      // one answer changed: the roles it cannot move keep their results
      const since = changed !== undefined && last ? { result: last, changed: [changed] } : undefined;
      const result = A.assess(matrix, state.answers, threshold, since, { aim: state.aim || null, role: null });
      last = result;
      const said = words.said(result, answered);
      if (said !== answerSaid) {
        const fresh = words.answer(result, answered);
        answerBlock.replaceWith(fresh);
        answerBlock = fresh;
        answerSaid = said;
      }
      drawChart(result);
      showSince();
      const verdictLine = words.verdictLine(result);
      setText(summary, (answered ? verdictLine : _("No answers yet")) + " · " + counted);
      setText(announce, answered ? verdictLine + "." : "");
      result.roles.forEach((role, index) => {
        const row = ranks[index];
        const key = role.id + "|" + A.percent(role.fit) + "|" + words.verdict(role);
        if (row.key !== key) {
          row.key = key;
          setText(row.link, role.title);
          row.link.setAttribute("href", "#sm-role-" + role.id);
          setText(row.rest, ": " + A.percent(role.fit) + ", " + words.verdict(role));
        }
        const entry = cards.get(role.id);
        if (entry.role === role) return; // a result kept from the last answer
        const text = words.shown(role, last && last.points);
        if (entry.text !== text) entry.fill(role);
        entry.role = role;
        entry.text = text;
      });
    }

    // a printout shows every role's gaps, opened or not
    window.addEventListener("beforeprint", () => node.querySelectorAll("details").forEach((d) => d.filled && d.filled()));

    return { node, aimRow, chartBox, summary, update, showSince };
  }

  return { results };
});
