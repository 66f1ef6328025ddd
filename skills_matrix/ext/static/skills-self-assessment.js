/* The self-assessment form: pick a level for each skill and see, live, how well the answers
 * fit each role. The questions come first; the answer (skills-answer.js) stays in view beside
 * them, or in one line below them on a narrow screen. Answers stay in this browser
 * (localStorage, keyed by where the matrix is published, so that they outlive its next
 * edition: ids it renames are read as the new ones, and said), can be exported as a profile
 * the command line reads, imported, shared as a link and cleared (with an undo); whatever an
 * import or a link holds that this matrix does not know is left out and named
 * (skills-profile.js). */
// @ts-check
(function () {
  "use strict";
  const A = window.SkillsMatrixAssess;
  const L = window.SkillsMatrixLocale;
  const P = window.SkillsMatrixProfile;
  const G = window.SkillsMatrixProgress;
  const H = window.SkillsMatrixAnswer;
  const S = window.SkillsMatrixFormState;
  const Q = window.SkillsMatrixQuestions;
  const R = window.SkillsMatrixResults;
  const T = window.SkillsMatrixTools;

  /** The form in *box*, for *matrix* (published at *url* as *text*). */
  function init(box, matrix, text, url) {
    const storageKey = P.storageKey(url);
    const given = box.querySelector(".sm-threshold-value");
    const threshold = given ? parseFloat(given.textContent) : matrix.default_threshold;
    const aimGiven = box.querySelector(".sm-aim-value");
    const state = S.formState(matrix, aimGiven ? aimGiven.textContent : "", storageKey);
    const words = H.writer(matrix, threshold);

    // dated snapshots, kept when asked, and the change since the last one before today
    const fitting = (given, aimOf) =>
      A.assess(matrix, given, threshold, undefined, { aim: aimOf || null, role: null }).roles.filter((r) => r.fits).map((r) => r.id);
    const progress = G.tracker(storageKey + ":snapshots", matrix, (given) => P.readAnswers(matrix, given).answers, fitting, P.refusal);

    const form = Q.questions(matrix, state, words, (skill) => update(skill));
    const results = R.results(matrix, state, threshold, words, progress, () => update());
    let preview = null; // the question that comes with a link's answers
    const tools = T.tools(state, progress, {
      replaced: () => update(),
      cleared: endPreview,
      saved: results.showSince,
    });

    /** Bring the page up to date with the answers; *changed* names the one skill that
     * changed, when only one did (else every select and hint is shown anew). */
    function update(changed) {
      if (changed === undefined) form.show();
      else form.hint(changed);
      tools.show();
      form.count();
      box.classList.toggle("sm-blank", !state.count()); // printed blank: the worksheet instead
      results.update(changed, form.counter.textContent);
    }

    /** The link's answers are dealt with (kept, set aside or cleared): the question goes, and
     * so does the link from the address, so that a reload does not bring them back. */
    function endPreview() {
      if (preview) preview.remove();
      preview = null;
      if (window.location.hash) history.replaceState(null, "", window.location.pathname + window.location.search);
    }

    box.querySelectorAll(".sm-needs-js").forEach((node) => (node.hidden = true));
    // the rule goes with the results; the aim is the "Working towards" choice now
    const rule = box.querySelector(".sm-threshold");
    if (rule) results.aimRow.after(rule);
    box.querySelectorAll(".sm-aim").forEach((node) => (node.hidden = true));
    form.form.append(results.chartBox, results.summary);
    const layout = H.el("div", { class: "sm-layout" }, form.form, results.node, tools.node);
    box.append(layout);
    box.classList.add("sm-ready");
    // the theme's article column scrolls sideways on its own, which would hold the sticky
    // results and summary to it; the form fits its column, so it need not
    const article = box.closest(".bd-article-container");
    if (article) article.classList.add("sm-holds-sticky");

    const opened = state.open(P.kept(storageKey, A.fingerprint(text), matrix), P.readLink(window.location.hash));
    update();
    if (opened.question) {
      const keep = H.el("button", { type: "button", text: opened.question.keep });
      const back = H.el("button", { type: "button", text: opened.question.back });
      preview = H.el(
        "div",
        { class: "sm-preview", role: "group", "aria-label": L._("Answers from a link") },
        H.el("p", { text: opened.question.text }),
        keep,
        back,
      );
      keep.addEventListener("click", () => {
        endPreview();
        tools.status(state.keepLink());
      });
      back.addEventListener("click", () => {
        endPreview();
        const said = state.leaveLink();
        update();
        tools.status(said);
      });
      layout.before(preview);
    }
    if (opened.said) tools.status(opened.said);
  }

  async function start() {
    const boxes = document.querySelectorAll(".sm-self-assessment");
    if (!boxes.length) return;
    const root = document.documentElement.dataset.content_root || "";
    try {
      const url = new URL(root + "skills-matrix.json", window.location.href);
      const response = await fetch(url);
      const text = await response.text();
      const matrix = JSON.parse(text);
      boxes.forEach((box) => init(box, matrix, text, url.pathname));
      returnToPlace();
    } catch (error) {
      boxes.forEach((box) =>
        box.append(H.el("p", { class: "sm-status", text: L.format(L._("The matrix could not be loaded: {error}"), { error: String(error) }) })),
      );
    }
  }

  /** A reload returns the reader to the question they were at, where it stood on the screen:
   * the browser's own restoring comes before the script has built the form (and the form's
   * categories are laid out only once seen), so the place is kept here, for this tab. */
  const PLACE = "skills-matrix:place:" + window.location.pathname;
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  window.addEventListener("pagehide", () => {
    const form = document.querySelector(".sm-self-assessment .sm-form");
    let place = { y: Math.round(window.scrollY) };
    if (form) {
      const box = form.getBoundingClientRect();
      const at = document.elementFromPoint(box.left + box.width / 2, window.innerHeight / 2);
      const select = at && at.closest(".sm-skill") && at.closest(".sm-skill").querySelector("select");
      if (select) place = { id: select.id, top: select.getBoundingClientRect().top, y: place.y };
    }
    try {
      sessionStorage.setItem(PLACE, JSON.stringify(place));
    } catch (error) {
      /* not kept */
    }
  });
  function returnToPlace() {
    let place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(PLACE) || "null");
    } catch (error) {
      place = null;
    }
    if (!place || typeof place !== "object" || window.location.hash) return;
    const select = typeof place.id === "string" ? document.getElementById(place.id) : null;
    if (select && typeof place.top === "number") {
      select.scrollIntoView({ block: "start" });
      window.scrollBy(0, select.getBoundingClientRect().top - place.top);
    } else if (typeof place.y === "number") window.scrollTo(0, place.y);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
