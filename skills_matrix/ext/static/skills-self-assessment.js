/* The self-assessment form: pick a level for each skill and see, live, how well the answers
 * fit each role. The questions come first; the answer (skills-answer.js) stays in view beside
 * them, or in one line below them on a narrow screen. Answers stay in this browser
 * (localStorage, keyed by where the matrix is published, so that they outlive its next
 * edition: ids it renames are read as the new ones, and said), can be exported as a profile
 * the command line reads, imported, shared as a link and cleared (with an undo); whatever an
 * import or a link holds that this matrix does not know is left out and named
 * (skills-profile.js). */
(function () {
  "use strict";
  const A = window.SkillsMatrixAssess;
  const P = window.SkillsMatrixProfile;
  const C = window.SkillsMatrixChart;
  const G = window.SkillsMatrixProgress;
  const { el, setText, writer } = window.SkillsMatrixAnswer;
  const percent = A.percent;
  const number = A.number;
  const NONE_YET = P.NONE_YET;
  const plural = (count, word) => count + " " + word + (count === 1 ? "" : "s");

  function init(box, matrix, text, url) {
    const storageKey = P.storageKey(url);
    const given = box.querySelector(".sm-threshold-value");
    const threshold = given ? parseFloat(given.textContent) : matrix.default_threshold;
    const aimGiven = box.querySelector(".sm-aim-value");
    const pageAim = aimGiven ? aimGiven.textContent : "";
    const words = writer(matrix, threshold);
    const skillsById = new Map(matrix.skills.map((skill) => [skill.id, skill]));
    const rolesById = new Map(matrix.roles.map((role) => [role.id, role]));
    let answers = Object.create(null); // skill id -> level id, or null: "none yet"
    let name = "";
    let aim = pageAim; // the role worked towards; "": the computed target

    const valueOf = (skill) => (!Object.hasOwn(answers, skill) ? "" : answers[skill] === null ? NONE_YET : answers[skill]);

    const form = el("form", { class: "sm-form", "aria-label": "Your level in each skill" });
    const counter = el("p", { class: "sm-count" });
    const chartBox = el("div", { class: "sm-chart-live" }); // drawChart() fills it
    chartBox.hidden = true;
    let chartKey = null;
    const keepLink = el("a", { href: "#sm-keep", class: "sm-keep-link", text: "Import a profile, export or share your answers" });
    form.append(el("div", { class: "sm-form-head" }, counter, keepLink));
    // one line of the results, in view at the foot of the screen while answering (hidden from
    // screen readers, which hear the verdict line below)
    const summary = el("p", { class: "sm-summary", "aria-hidden": "true" });
    // what a screen reader hears after an answer: the verdict line, and only when it changes
    // (not the whole results, some 1,800 characters)
    const announce = el("p", { class: "sm-announce", role: "status" });
    const results = el("section", {
      class: "sm-results",
      "aria-label": "How your answers fit each role",
    });
    const selects = new Map();

    const scale = el("details", { class: "sm-scale" }, el("summary", { text: "The levels" }));
    const list = el("dl");
    for (const level of matrix.levels) {
      list.append(el("dt", { text: level.title }), el("dd", { text: level.description || "" }));
    }
    scale.append(list);
    form.append(scale);

    /** One category's fieldset of skills, each select showing the current answer. */
    function fieldsetOf(group) {
      const fieldset = el("fieldset", { class: "sm-category" }, el("legend", { text: group.title }));
      for (const skill of group.skills.map((id) => skillsById.get(id))) {
        const id = "sm-skill-" + skill.id;
        const select = el("select", { id: id, name: skill.id, "aria-describedby": id + "-hint" });
        select.append(
          el("option", { value: "", text: "Not assessed" }),
          el("option", { value: NONE_YET, text: "None yet" }),
        );
        for (const level of matrix.levels) {
          const points = level.points === null || level.points === undefined ? "" : " (" + number(level.points) + " points)";
          select.append(el("option", { value: level.id, text: level.title + points }));
        }
        const hint = el("small", { id: id + "-hint", class: "sm-hint" });
        const changed = () => {
          if (valueOf(skill.id) === select.value) return;
          if (select.value === "") delete answers[skill.id];
          else answers[skill.id] = select.value === NONE_YET ? null : select.value;
          forgetCleared();
          update(skill.id);
        };
        // "input" too: a closed select changed with the arrow keys may fire only that
        select.addEventListener("input", changed);
        select.addEventListener("change", changed);
        selects.set(skill.id, { select, hint });
        select.value = valueOf(skill.id);
        hintOf(skill.id);
        const row = el("div", { class: "sm-skill" }, el("label", { for: id, text: skill.title }), select, hint);
        const described = matrix.levels.filter((level) => Object.hasOwn(skill.levels, level.id));
        if (described.length) {
          const scaleOfSkill = el("dl");
          for (const level of described) {
            scaleOfSkill.append(
              el("dt", { text: level.title }),
              el("dd", { text: skill.levels[level.id].description }),
            );
          }
          row.append(
            el("details", { class: "sm-skill-levels" }, el("summary", { text: "What each level looks like" }), scaleOfSkill),
          );
        }
        fieldset.append(row);
      }
      return fieldset;
    }

    // The first categories are written at once; the rest follow in small tasks, so that a
    // long framework's form is ready to use before all of it is written.
    const FIRST = 200;
    let written = 0;
    const later = [];
    for (const group of matrix.groups) {
      if (written < FIRST) form.append(fieldsetOf(group));
      else later.push(group);
      written += group.skills.length;
    }
    const placeholder = later.length ? el("p", { class: "sm-more", text: "More skills are loading…" }) : null;
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

    const message = el("p", { class: "sm-status", role: "status" });
    const status = (text) => (message.textContent = text);

    const nameInput = el("input", { id: "sm-profile-name", type: "text", autocomplete: "name" });
    nameInput.addEventListener("input", () => {
      name = nameInput.value;
      forgetCleared();
      save();
    });
    const fileInput = el("input", { id: "sm-import", type: "file", accept: ".yaml,.yml,text/yaml" });
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files && fileInput.files[0];
      if (!file) return;
      let profile;
      try {
        profile = A.parseProfile(await file.text());
      } catch (error) {
        status("Nothing was imported from " + file.name + ": " + error.message + ".");
        return;
      }
      forgetCleared();
      // a profile that names no aim keeps the page's own (as a link without one does)
      const left = apply(profile.skills, profile.name || "", profile.aim || pageAim);
      status("Imported " + plural(Object.keys(answers).length, "answer") + " from " + file.name + "." + left);
    });
    const exportButton = el("button", { type: "button", text: "Export profile (YAML)" });
    exportButton.addEventListener("click", () => {
      const today = P.isoDate(new Date());
      const blob = new Blob([A.profileYaml(name || null, answers, aim || null, today)], { type: "text/yaml" });
      const link = el("a", { href: URL.createObjectURL(blob), download: P.fileName(name, today) });
      document.body.append(link);
      link.click();
      link.remove();
    });
    const shareButton = el("button", { type: "button", text: "Copy a link to these answers" });
    const shareOutput = el("input", { type: "text", readonly: "", class: "sm-share", "aria-label": "Link to these answers", hidden: "" });
    shareButton.addEventListener("click", async () => {
      const url = new URL(window.location.href);
      url.hash = P.linkHash(answers, aim);
      shareOutput.value = url.toString();
      shareOutput.hidden = false;
      try {
        await navigator.clipboard.writeText(url.toString());
        status("Link copied.");
      } catch (error) {
        shareOutput.select();
        status("Copy the link below.");
      }
    });

    // Clear keeps what it cleared until the next change, so that Undo can bring it back
    let cleared = null;
    const clearButton = el("button", { type: "button", text: "Clear answers" });
    const undoButton = el("button", { type: "button", class: "sm-undo", text: "Undo clear", hidden: "" });
    function forgetCleared() {
      cleared = null;
      undoButton.hidden = true;
    }
    clearButton.addEventListener("click", () => {
      const count = Object.keys(answers).length;
      if (!count && !name) {
        status("There are no answers to clear.");
        return;
      }
      cleared = { answers: Object.assign(Object.create(null), answers), name, aim };
      endPreview();
      apply({}, "", pageAim);
      undoButton.hidden = false;
      status("Cleared " + plural(count, "answer") + (cleared.name ? " and your name" : "") + ". Undo clear brings them back.");
    });
    undoButton.addEventListener("click", () => {
      const back = cleared;
      forgetCleared();
      if (!back) return;
      apply(back.answers, back.name, back.aim);
      status("Undone: " + plural(Object.keys(answers).length, "answer") + " back.");
      clearButton.focus();
    });

    // dated snapshots, kept when asked, and the change since the last one before today
    const fitting = (given, aimOf) =>
      A.assess(matrix, given, threshold, undefined, { aim: aimOf || null, role: null }).roles.filter((r) => r.fits).map((r) => r.id);
    const progress = G.tracker(storageKey + ":snapshots", matrix, (given) => P.readAnswers(matrix, given).answers, fitting, P.refusal);
    const sinceLine = el("p", { class: "sm-since" });
    sinceLine.hidden = true;
    const snapshotButton = el("button", {
      type: "button",
      text: "Save today's answers",
      "aria-describedby": "sm-snapshot-words",
    });
    snapshotButton.addEventListener("click", () => {
      status(progress.save(answers, aim, P.isoDate(new Date())));
      if (last) showSince(last);
    });
    function showSince(result) {
      const said = progress.since(answers, result.roles.filter((r) => r.fits).map((r) => r.id), P.isoDate(new Date()));
      sinceLine.hidden = !said;
      setText(sinceLine, said);
    }

    const tools = el(
      "section",
      { class: "sm-tools", id: "sm-keep", "aria-labelledby": "sm-keep-heading" },
      el("h2", { id: "sm-keep-heading", text: "Keep, share or bring back your answers" }),
      el("p", { text: "Your answers stay in this browser. Export them as a profile the command line reads, import one, or copy a link." }),
      el("p", {
        id: "sm-snapshot-words",
        text: "Save today's answers keeps a dated copy of them here, beside the answers you keep changing: on a later day the page says what changed since.",
      }),
      el("label", { for: "sm-profile-name", text: "Your name (optional)" }),
      nameInput,
      el("label", { for: "sm-import", text: "Import a profile" }),
      fileInput,
      el("div", { class: "sm-buttons" }, exportButton, shareButton, snapshotButton, clearButton, undoButton),
      shareOutput,
      message,
    );

    let previewing = false; // answers from a shared link, shown but not saved until kept
    let preview = null; // the question that comes with them
    /** The link's answers are dealt with (kept, set aside or cleared): the question goes, and
     * so does the link from the address, so that a reload does not bring them back. */
    function endPreview() {
      previewing = false;
      if (preview) preview.remove();
      preview = null;
      if (window.location.hash) history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    function save() {
      if (!previewing) P.keep(storageKey, { name: name, answers: answers, aim: aim });
    }

    /** Show these answers, name and aim (an aim left undefined stays as it is); returns
     * what was left out (after what *earlier* says was), in words ("" when nothing was). */
    function apply(skills, newName, newAim, earlier) {
      const read = P.readAnswers(matrix, skills);
      answers = read.answers;
      name = newName;
      nameInput.value = name;
      let ignored = P.leftOut((earlier || []).concat(read.left));
      if (newAim !== undefined) {
        const role = P.readRole(matrix, newAim);
        if (role.renamed) read.renamed.push(role.renamed);
        newAim = role.role;
        if (newAim === "" || rolesById.has(newAim)) aim = newAim;
        else {
          ignored += " The aim " + JSON.stringify(newAim) + " names no role of this matrix; it was ignored.";
          aim = pageAim;
        }
        aimSelect.value = aim;
      }
      for (const [skill, { select }] of selects) select.value = valueOf(skill);
      update();
      return P.renamedSince(read.renamed) + ignored;
    }

    // the results: the answer, every role by fit in one line each, then each role's card
    const heading = el("h2", { text: "How your answers fit each role" });
    const aimSelect = el("select", { id: "sm-aim" });
    aimSelect.append(el("option", { value: "", text: "The next role for me (computed)" }));
    for (const role of matrix.roles) aimSelect.append(el("option", { value: role.id, text: role.title }));
    aimSelect.value = aim;
    aimSelect.addEventListener("change", () => {
      if (aim === aimSelect.value) return;
      aim = aimSelect.value;
      update();
    });
    const aimRow = el("p", { class: "sm-aim-choice" }, el("label", { for: "sm-aim", text: "Working towards: " }), aimSelect);
    let answerBlock = el("div");
    let answerSaid = null;
    const ranking = el("ol", { class: "sm-ranking", "aria-label": "Roles, closest fit first" });
    const ranks = matrix.roles.map(() => {
      const row = { link: el("a"), rest: el("span"), key: null };
      ranking.append(el("li", {}, row.link, row.rest));
      return row;
    });
    const cards = new Map(matrix.roles.map((def) => [def.id, words.card(def, () => last && last.points)]));
    const ranked = el("p", { class: "sm-ranked", text: "Every role, closest fit first:" });
    results.append(heading, announce, aimRow, answerBlock, sinceLine, ranked, ranking, ...[...cards.values()].map((entry) => entry.node));
    let last = null; // the latest result

    function hintOf(skill) {
      if (!selects.has(skill)) return; // its row is not written yet; it will show the answer
      const level = answers[skill];
      setText(selects.get(skill).hint, level ? words.describe(skill, level) : level === null ? "Assessed: none yet." : "");
    }

    /** Bring the page up to date with the answers; *changed* names the one skill that
     * changed, when only one did: only its hint, the cards whose results moved and the
     * lines of the ranking whose role or figures changed are written. */
    function update(changed) {
      if (changed === undefined) for (const skill of selects.keys()) hintOf(skill);
      else hintOf(changed);
      save();
      const answered = Object.keys(answers).length;
      setText(counter, answered + " of " + matrix.skills.length + " skills answered");
      // before any answer there is nothing to judge: the roles wait (and so does the verdict)
      results.classList.toggle("sm-unanswered", !answered);
      box.classList.toggle("sm-blank", !answered); // printed blank: the worksheet instead
      // one answer changed: the roles it cannot move keep their results
      const since = changed !== undefined && last ? { result: last, changed: [changed] } : undefined;
      const result = A.assess(matrix, answers, threshold, since, { aim: aim || null, role: null });
      last = result;
      const said = words.said(result, answered);
      if (said !== answerSaid) {
        const fresh = words.answer(result, answered);
        answerBlock.replaceWith(fresh);
        answerBlock = fresh;
        answerSaid = said;
      }
      drawChart(result);
      showSince(result);
      const verdictLine = words.verdictLine(result);
      setText(summary, (answered ? verdictLine : "No answers yet") + " · " + counter.textContent);
      setText(announce, answered ? verdictLine + "." : "");
      result.roles.forEach((role, index) => {
        const row = ranks[index];
        const key = role.id + "|" + percent(role.fit) + "|" + words.verdict(role);
        if (row.key !== key) {
          row.key = key;
          setText(row.link, role.title);
          row.link.setAttribute("href", "#sm-role-" + role.id);
          setText(row.rest, ": " + percent(role.fit) + ", " + words.verdict(role));
        }
        const entry = cards.get(role.id);
        if (entry.role === role) return; // a result kept from the last answer
        const text = words.shown(role, last && last.points);
        if (entry.text !== text) entry.fill(role);
        entry.role = role;
        entry.text = text;
      });
    }

    /** The answers against the role worked towards, drawn as the pages draw a profile;
     * redrawn only when what it shows changes. */
    function drawChart(result) {
      const target = result.answer.target;
      const key = JSON.stringify([target, name, target && Object.keys(answers).length ? answers : null]);
      if (key === chartKey) return;
      chartKey = key;
      const chart = target && Object.keys(answers).length ? C.personChart(matrix, target, answers, name) : null;
      chartBox.hidden = chart === null;
      chartBox.innerHTML = chart === null ? "" : C.svg(chart, "sm-chart-live"); // escaped by svg()
      if (chart !== null) chartBox.prepend(el("p", { class: "sm-chart-caption", text: chart.title }));
    }

    // a printout shows every role's gaps, opened or not
    window.addEventListener("beforeprint", () => results.querySelectorAll("details").forEach((d) => d.filled && d.filled()));
    box.querySelectorAll(".sm-needs-js").forEach((node) => (node.hidden = true));
    // the rule goes with the results; the aim is the "Working towards" choice now
    const rule = box.querySelector(".sm-threshold");
    if (rule) aimRow.after(rule);
    box.querySelectorAll(".sm-aim").forEach((node) => (node.hidden = true));
    form.append(chartBox, summary);
    const layout = el("div", { class: "sm-layout" }, form, results, tools);
    box.append(layout);
    box.classList.add("sm-ready");
    // the theme's article column scrolls sideways on its own, which would hold the sticky
    // results and summary to it; the form fits its column, so it need not
    const article = box.closest(".bd-article-container");
    if (article) article.classList.add("sm-holds-sticky");

    const stored = P.kept(storageKey, A.fingerprint(text), matrix);
    const link = P.readLink(window.location.hash);
    if (link !== null) {
      // a link's answers are shown, never kept without asking: not over saved work, and not
      // as a friend's own answers in their browser either
      const aimOf = link.aim === undefined ? pageAim : link.aim;
      const mine = stored && Object.keys(stored.answers).length ? stored : null;
      previewing = true;
      const ignored = apply(link.skills, "", aimOf, link.left);
      const keep = el("button", { type: "button", text: "Keep these answers" });
      const back = el("button", { type: "button", text: mine ? "Back to my saved answers" : "Start with no answers" });
      preview = el(
        "div",
        { class: "sm-preview", role: "group", "aria-label": "Answers from a link" },
        el("p", {
          text: mine
            ? "These are the answers from the link. Your saved answers are kept until you choose:"
            : "These are the answers from the link. Keep them as your own answers in this browser?",
        }),
        keep,
        back,
      );
      keep.addEventListener("click", () => {
        endPreview();
        save();
        status("The link's answers are now your saved answers.");
      });
      back.addEventListener("click", () => {
        endPreview();
        if (mine) apply(mine.answers, mine.name, mine.aim);
        else apply({}, "", pageAim);
        status(mine ? "Your saved answers are back." : "Nothing from the link is kept.");
      });
      layout.before(preview);
      const count = plural(Object.keys(answers).length, "answer");
      status(
        (mine
          ? "Showing the answers from the link; nothing is saved until you choose."
          : "Loaded " + count + " from the link; nothing is kept in this browser until you choose.") + ignored,
      );
    } else {
      const ignored = apply(stored ? stored.answers : {}, stored ? stored.name : "", stored ? stored.aim : pageAim);
      if (!stored) status("The answers saved in this browser could not be read; they were set aside.");
      else if (ignored) status("From the answers saved in this browser:" + ignored);
    }
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
        box.append(window.SkillsMatrixAnswer.el("p", { class: "sm-status", text: "The matrix could not be loaded: " + error })),
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
