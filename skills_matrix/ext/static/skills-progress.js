/* Progress in the browser: dated snapshots of the answers, kept when the reader asks ("Save
 * today's answers"), and what changed since the last one, in the words `skills-matrix
 * progress` uses (skills_matrix/wording.py step_words; tests/test_progress.py compares
 * them). No DOM: works in browsers (window.SkillsMatrixProgress) and in Node.js (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-locale.js"));
  else root.SkillsMatrixProgress = factory(root.SkillsMatrixLocale);
})(globalThis, function (L) {
  "use strict";
  const { _, format } = L;
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */
  const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const RECENT = 30; // snapshots kept day by day
  const MOST = 60; // snapshots kept at all: the recent ones, then the last of each month

  /** *kept* (oldest first) thinned to what is worth keeping: the last RECENT as they are,
   * before them the last of each month, MOST in all (the oldest go first). */
  function thinned(kept) {
    const recent = kept.slice(-RECENT);
    const older = kept.slice(0, -RECENT);
    const monthly = older.filter((s, i) => i === older.length - 1 || older[i + 1].date.slice(0, 7) !== s.date.slice(0, 7));
    return monthly.concat(recent).slice(-MOST);
  }

  /** The snapshots kept under *key* (oldest first), each {date, answers, aim}; what does not
   * have that shape is left out. */
  function snapshots(key) {
    let saved = [];
    try {
      saved = JSON.parse(globalThis.localStorage.getItem(key) || "[]");
    } catch (error) {
      saved = [];
    }
    if (!Array.isArray(saved)) return [];
    return saved
      .filter(
        (s) =>
          s !== null &&
          typeof s === "object" &&
          typeof s.date === "string" &&
          DATE.test(s.date) &&
          s.answers !== null &&
          typeof s.answers === "object" &&
          !Array.isArray(s.answers),
      )
      .map((s) => ({ date: s.date, answers: s.answers, aim: typeof s.aim === "string" ? s.aim : "" }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Keep a snapshot of *answers* dated *date* under *key*, in place of one of the same
   * date, the older ones thinned (thinned()); returns whether it replaced one, or, when the
   * browser keeps nothing, why: "full" or "refused" (after dropping the oldest snapshots
   * one by one while the store is full, down to this one alone). */
  function saveSnapshot(key, date, answers, aim, refusal) {
    const kept = snapshots(key);
    const replaced = kept.some((s) => s.date === date);
    let next = kept.filter((s) => s.date !== date).concat([{ date, answers: Object.assign({}, answers), aim: aim || "" }]);
    next.sort((a, b) => (a.date < b.date ? -1 : 1));
    next = thinned(next);
    for (;;) {
      try {
        globalThis.localStorage.setItem(key, JSON.stringify(next));
        return replaced;
      } catch (error) {
        const why = refusal ? refusal(error) : "refused";
        if (why !== "full" || next.length <= 1) return why;
        next = next.slice(1); // the store is full: the oldest snapshot goes
      }
    }
  }

  /** What changed from *before* (answers and the ids of the roles that fit) to *after*:
   * {since, until, raised, lowered, newly_fitting, no_longer_fitting}, as progress.py's Step.
   * @param {Matrix} matrix
   */
  function step(matrix, before, after) {
    const rank = new Map(matrix.levels.map((level, index) => [level.id, index]));
    const held = (answers, skill) => (answers[skill] === undefined || answers[skill] === null ? -1 : rank.get(answers[skill]));
    const raised = [];
    const lowered = [];
    for (const skill of matrix.skills) {
      const old = held(before.answers, skill.id);
      const now = held(after.answers, skill.id);
      if (old === now) continue;
      const change = { skill: skill.id, before: before.answers[skill.id] ?? null, after: after.answers[skill.id] ?? null };
      (now > old ? raised : lowered).push(change);
    }
    const order = matrix.roles.map((role) => role.id);
    return {
      since: before.date,
      until: after.date,
      raised,
      lowered,
      newly_fitting: order.filter((r) => after.fitting.includes(r) && !before.fitting.includes(r)),
      no_longer_fitting: order.filter((r) => before.fitting.includes(r) && !after.fitting.includes(r)),
    };
  }

  /** The change in one sentence, as wording.step_words writes it.
   * @param {Matrix} matrix
   */
  function stepWords(matrix, change) {
    const skill = new Map(matrix.skills.map((s) => [s.id, s.title]));
    const level = new Map(matrix.levels.map((l) => [l.id, l.title]));
    const role = new Map(matrix.roles.map((r) => [r.id, r.title]));
    const none = _("none");
    const levelOf = (id) => (id !== null && level.has(id) ? level.get(id) : none);
    const changes = (items) => items.map((c) => skill.get(c.skill) + " (" + levelOf(c.before) + " → " + levelOf(c.after) + ")").join(", ");
    const parts = [];
    const roles = (ids) => ids.map((r) => role.get(r)).join(", ");
    if (change.raised.length) parts.push(format(_("raised {changes}"), { changes: changes(change.raised) }));
    if (change.lowered.length) parts.push(format(_("lowered {changes}"), { changes: changes(change.lowered) }));
    if (change.newly_fitting.length) parts.push(format(_("now fits {roles}"), { roles: roles(change.newly_fitting) }));
    if (change.no_longer_fitting.length) parts.push(format(_("no longer fits {roles}"), { roles: roles(change.no_longer_fitting) }));
    return change.since + " → " + change.until + ": " + (parts.join("; ") || _("no change")) + ".";
  }

  /** The snapshots of the answers kept under *key*, and the change since the last one before
   * *today*: {save(answers, aim, today) -> words said, since(answers, fitting, today) -> the
   * words, or "" with no snapshot before today}. *readAnswers* reads kept answers through
   * any renames; *fitting(answers, aim)* gives the ids of the roles that answers fit.
   * @param {Matrix} matrix
   */
  function tracker(key, matrix, readAnswers, fitting, refusal) {
    const fittingOf = new Map(); // a snapshot's date -> the roles its answers fit
    return {
      save(answers, aim, today) {
        const replaced = saveSnapshot(key, today, answers, aim, refusal);
        fittingOf.clear();
        if (replaced === "full") {
          return _("This browser's storage for this site is full: today's answers are not saved. Export them as a file to keep them.");
        }
        if (replaced === "refused") return _("This browser keeps nothing here (private browsing, or storage turned off).");
        return replaced
          ? _("Today's saved answers are replaced by these.")
          : _("Today's answers are saved: from tomorrow the page shows what changed since.");
      },
      since(answers, now, today) {
        const base = snapshots(key)
          .filter((s) => s.date < today)
          .pop();
        if (!base) return "";
        const before = readAnswers(base.answers);
        if (!fittingOf.has(base.date)) fittingOf.set(base.date, fitting(before, base.aim));
        const change = step(matrix, { date: base.date, answers: before, fitting: fittingOf.get(base.date) }, { date: today, answers, fitting: now });
        return format(_("Since your saved answers: {change}"), { change: stepWords(matrix, change) });
      },
    };
  }

  return { MOST, RECENT, saveSnapshot, snapshots, step, stepWords, thinned, tracker };
});
