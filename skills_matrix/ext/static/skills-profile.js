/* The self-assessment's answers in and out of the page: checked against the matrix (saying,
 * by name, what was left out), in a share link, in this browser's storage, and the name of an
 * exported profile. No DOM: works in browsers (window.SkillsMatrixProfile) and in Node.js
 * (require). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SkillsMatrixProfile = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const NONE_YET = "-"; // the select's value (and the share link's) for "assessed, none yet"
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const quoted = (text) => JSON.stringify(String(text).slice(0, 80));

  /** The answers of *skills* (skill id -> level id or null) that this matrix knows, and, in
   * words, each one it does not: {answers, left}. */
  function readAnswers(matrix, skills) {
    const skillIds = new Set(matrix.skills.map((skill) => skill.id));
    const levelIds = new Set(matrix.levels.map((level) => level.id));
    const answers = Object.create(null);
    const left = [];
    for (const [skill, level] of Object.entries(skills || {})) {
      if (!skillIds.has(skill)) left.push("the skill " + quoted(skill) + " (not in this matrix)");
      else if (level !== null && !levelIds.has(level)) {
        left.push(quoted(skill) + ": the level " + quoted(level) + " (not in this matrix)");
      } else answers[skill] = level;
    }
    return { answers, left };
  }

  /** "Left out: …." for what readAnswers() (or a link) could not use; "" when nothing was. */
  function leftOut(left) {
    if (!left.length) return "";
    const shown = left.slice(0, 10);
    const more = left.length > shown.length ? " and " + (left.length - shown.length) + " more" : "";
    return " Left out: " + shown.join("; ") + more + ".";
  }

  /** The answers and aim a share link's fragment carries: {skills, aim, left}, or null when
   * it carries no answers. An entry that is not "skill:level" is left out, and said. */
  function readLink(hash) {
    const found = /(?:^#|&)answers=([^&]*)/.exec(hash);
    if (!found) return null;
    const left = [];
    let text;
    try {
      text = decodeURIComponent(found[1]);
    } catch (error) {
      return { skills: Object.create(null), aim: undefined, left: ["the answers (the link is damaged)"] };
    }
    const skills = Object.create(null);
    for (const pair of text.split(",")) {
      if (pair === "") continue;
      const at = pair.indexOf(":");
      const skill = pair.slice(0, at);
      const level = pair.slice(at + 1);
      if (at <= 0 || level === "" || level.includes(":")) left.push(quoted(pair) + " (not skill:level)");
      else skills[skill] = level === NONE_YET ? null : level;
    }
    const aimFound = /(?:^#|&)aim=([^&]*)/.exec(hash);
    let aim;
    try {
      aim = aimFound ? decodeURIComponent(aimFound[1]) : undefined;
    } catch (error) {
      left.push("the aim (the link is damaged)");
    }
    return { skills, aim, left };
  }

  /** The fragment of a link to these answers and aim. */
  function linkHash(answers, aim) {
    const pairs = Object.entries(answers).map(([skill, level]) => skill + ":" + (level === null ? NONE_YET : level));
    return "answers=" + encodeURIComponent(pairs.join(",")) + (aim ? "&aim=" + encodeURIComponent(aim) : "");
  }

  /** A calendar date as the profile's `date` writes it: YYYY-MM-DD, in local time. */
  function isoDate(date) {
    const two = (n) => String(n).padStart(2, "0");
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  /** An exported profile's file name: "profile-ada-lovelace-2026-12-04.yaml". */
  function fileName(name, date) {
    const words = (name || "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "");
    return "profile-" + (words ? words + "-" : "") + date + ".yaml";
  }

  /** Keep *state* in this browser's storage under *key*; a browser that refuses (private
   * browsing) simply keeps nothing. */
  function keep(key, state) {
    try {
      globalThis.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      /* not kept */
    }
  }

  /** What this browser keeps under *key* (nothing, or unreadable JSON: no answers), if it
   * has the shape it should: {answers, name, aim}; else null. */
  function kept(key) {
    let saved = {};
    try {
      saved = JSON.parse(globalThis.localStorage.getItem(key) || "{}");
    } catch (error) {
      saved = {};
    }
    return savedAnswers(saved);
  }

  /** What this browser saved, if it has the shape it should: {answers, name, aim}; else null. */
  function savedAnswers(saved) {
    const fits =
      saved !== null &&
      typeof saved === "object" &&
      !Array.isArray(saved) &&
      (saved.answers === undefined ||
        (typeof saved.answers === "object" &&
          saved.answers !== null &&
          !Array.isArray(saved.answers) &&
          Object.values(saved.answers).every((v) => v === null || typeof v === "string")));
    if (!fits) return null;
    return {
      answers: saved.answers || {},
      name: typeof saved.name === "string" ? saved.name : "",
      aim: typeof saved.aim === "string" ? saved.aim : undefined,
    };
  }

  return { NONE_YET, fileName, isoDate, keep, kept, leftOut, linkHash, readAnswers, readLink };
});
