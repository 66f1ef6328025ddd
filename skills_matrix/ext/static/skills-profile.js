/* The self-assessment's answers in and out of the page: checked against the matrix (saying,
 * by name, what was left out), in a share link, in this browser's storage, and the name of an
 * exported profile. No DOM: works in browsers (window.SkillsMatrixProfile) and in Node.js
 * (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-locale.js"));
  else root.SkillsMatrixProfile = factory(root.SkillsMatrixLocale);
})(globalThis, function (L) {
  "use strict";
  const { _, format } = L;
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */
  const NONE_YET = "-"; // the select's value (and the share link's) for "assessed, none yet"
  const quoted = (text) => JSON.stringify(String(text).slice(0, 80));

  /** Old id -> id now, of *items* (the matrix's skills, levels or roles): what each
   * `replaces`. */
  function renames(items) {
    const out = new Map();
    for (const item of items) for (const old of item.replaces || []) out.set(old, item.id);
    return out;
  }

  /** Id -> note of what this matrix retired of a *kind* ("skill", "level", "role").
   * @param {Matrix} matrix
   */
  function retired(matrix, kind) {
    const out = new Map();
    for (const item of matrix.retired || []) if (item.kind === kind) out.set(item.id, item.note);
    return out;
  }

  /** The answers of *skills* (skill id -> level id or null) that this matrix knows, an old
   * id (a skill or level renamed since) read as its new one, and, in words, each rename read
   * and each answer left out: {answers, left, renamed}. An old id's answer never replaces
   * the answer given under its new id; of several old ids merged into one, the highest
   * answer is kept, whatever their order; a retired id is left out, and said.
   * @param {Matrix} matrix
   */
  function readAnswers(matrix, skills) {
    const skillIds = new Set(matrix.skills.map((skill) => skill.id));
    const rank = new Map(matrix.levels.map((level, index) => [level.id, index]));
    const newSkill = renames(matrix.skills);
    const newLevel = renames(matrix.levels);
    const retiredSkill = retired(matrix, "skill");
    const retiredLevel = retired(matrix, "level");
    const answers = Object.create(null);
    const left = [];
    const renamed = []; // skills, then levels
    const levelsRenamed = [];
    const byNew = new Map(); // skill id now -> [[id as given, level]]
    for (let [skill, level] of Object.entries(skills || {})) {
      if (!skillIds.has(skill) && retiredSkill.has(skill)) {
        left.push(format(_("the skill {skill} (retired from this matrix)"), { skill: quoted(skill) }));
        continue;
      }
      if (level !== null && !rank.has(level) && retiredLevel.has(level)) {
        left.push(format(_("{skill}: the level {level} (retired from this matrix)"), { skill: quoted(skill), level: quoted(level) }));
        continue;
      }
      if (level !== null && !rank.has(level) && newLevel.has(level)) {
        const now = newLevel.get(level);
        const said = format(_("{old} is now {new}"), { old: quoted(level), new: quoted(now) });
        if (!levelsRenamed.includes(said)) levelsRenamed.push(said);
        level = now;
      }
      const now = !skillIds.has(skill) && newSkill.has(skill) ? newSkill.get(skill) : skill;
      if (!byNew.has(now)) byNew.set(now, []);
      byNew.get(now).push([skill, level]);
    }
    for (const [skill, given] of byNew) {
      const direct = given.filter(([said]) => said === skill);
      const old = given.filter(([said]) => said !== skill);
      let level;
      if (direct.length) {
        for (const [said] of old) {
          left.push(format(_("{old} (renamed {new}, which has its own answer)"), { old: quoted(said), new: quoted(skill) }));
        }
        level = direct[0][1];
      } else if (old.length === 1) {
        renamed.push(format(_("{old} is now {new}"), { old: quoted(old[0][0]), new: quoted(skill) }));
        level = old[0][1];
      } else {
        const usable = old.filter(([, l]) => l === null || rank.has(l));
        const best = (usable.length ? usable : old).reduce((a, b) =>
          (b[1] === null ? -1 : rank.get(b[1]) ?? -1) > (a[1] === null ? -1 : rank.get(a[1]) ?? -1) ? b : a);
        const merged = _("{old} are merged into {new} (the highest answer kept)");
        renamed.push(format(merged, { old: old.map(([said]) => quoted(said)).join(", "), new: quoted(skill) }));
        level = best[1];
      }
      if (!skillIds.has(skill)) left.push(format(_("the skill {skill} (not in this matrix)"), { skill: quoted(skill) }));
      else if (level !== null && !rank.has(level)) {
        left.push(format(_("{skill}: the level {level} (not in this matrix)"), { skill: quoted(skill), level: quoted(level) }));
      } else answers[skill] = level;
    }
    return { answers, left, renamed: renamed.concat(levelsRenamed) };
  }

  /** A role id as this matrix knows it: an old one (a role renamed since) read as its new
   * one. {role, renamed}: renamed is the words, or "".
   * @param {Matrix} matrix
   */
  function readRole(matrix, role) {
    if (!matrix.roles.some((r) => r.id === role) && retired(matrix, "role").has(role)) {
      return { role: "", renamed: format(_("{old} is retired from this matrix"), { old: quoted(role) }) };
    }
    const now = renames(matrix.roles).get(role);
    if (now === undefined || matrix.roles.some((r) => r.id === role)) return { role, renamed: "" };
    return { role: now, renamed: format(_("{old} is now {new}"), { old: quoted(role), new: quoted(now) }) };
  }

  /** " Renamed since: …." for what readAnswers() and readRole() read as renamed. */
  function renamedSince(renamed) {
    return renamed.length ? " " + format(_("Renamed since: {renamed}."), { renamed: renamed.join("; ") }) : "";
  }

  /** "Left out: …." for what readAnswers() (or a link) could not use; "" when nothing was. */
  function leftOut(left) {
    if (!left.length) return "";
    const shown = left.slice(0, 10);
    const said = shown.join("; ");
    if (left.length === shown.length) return " " + format(_("Left out: {left}."), { left: said });
    return " " + format(_("Left out: {left} and {count} more."), { left: said, count: left.length - shown.length });
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
      return { skills: Object.create(null), aim: undefined, left: [_("the answers (the link is damaged)")] };
    }
    const skills = Object.create(null);
    for (const pair of text.split(",")) {
      if (pair === "") continue;
      const at = pair.indexOf(":");
      const skill = pair.slice(0, at);
      const level = pair.slice(at + 1);
      if (at <= 0 || level === "" || level.includes(":")) left.push(format(_("{pair} (not skill:level)"), { pair: quoted(pair) }));
      else skills[skill] = level === NONE_YET ? null : level;
    }
    const aimFound = /(?:^#|&)aim=([^&]*)/.exec(hash);
    let aim;
    try {
      aim = aimFound ? decodeURIComponent(aimFound[1]) : undefined;
    } catch (error) {
      left.push(_("the aim (the link is damaged)"));
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
   * has the shape it should: {answers, name, aim}; else null. With nothing under *key*, what
   * earlier versions of this script kept (keptBefore(*fingerprint*, *matrix*)), if anything. */
  function kept(key, fingerprint, matrix) {
    let text = null;
    try {
      text = globalThis.localStorage.getItem(key);
    } catch (error) {
      text = null;
    }
    if (text === null && fingerprint !== undefined) {
      const before = keptBefore(fingerprint, matrix);
      if (before) return before;
    }
    let saved = {};
    try {
      saved = JSON.parse(text || "{}");
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

  /** Where this browser keeps the answers for the matrix published at *url*: one place for
   * every edition of it (answers follow its renames), another for another matrix. */
  function storageKey(url) {
    return "skills-matrix:answers:" + url;
  }

  /** The answers kept by earlier versions of this script, under a fingerprint of one edition
   * of the matrix (*fingerprint*: this edition's): this edition's if kept, else the only
   * other edition's there is, if it proves to be this matrix's (belongs()); else null. Two
   * frameworks published on one origin share a browser's storage: another's answers are
   * never adopted.
   * @param {Matrix} matrix
   */
  function keptBefore(fingerprint, matrix) {
    let keys = [];
    try {
      keys = Object.keys(globalThis.localStorage).filter((k) => /^skills-matrix:answers:[0-9a-f]{8}$/.test(k));
    } catch (error) {
      return null;
    }
    const own = "skills-matrix:answers:" + fingerprint;
    if (keys.includes(own)) return kept(own);
    if (keys.length !== 1 || !matrix) return null;
    const other = kept(keys[0]);
    return other && belongs(matrix, other.answers) ? other : null;
  }

  /** Whether *answers* prove to be answers to *matrix* (any edition of it): there are some,
   * and every skill and level they name is one of its ids, now, renamed or retired.
   * @param {Matrix} matrix
   */
  function belongs(matrix, answers) {
    const known = (items, kind) => {
      const ids = new Set();
      for (const item of items) {
        ids.add(item.id);
        for (const old of item.replaces || []) ids.add(old);
      }
      for (const item of matrix.retired || []) if (item.kind === kind) ids.add(item.id);
      return ids;
    };
    const skills = known(matrix.skills, "skill");
    const levels = known(matrix.levels, "level");
    const given = Object.entries(answers || {});
    return given.length > 0 && given.every(([skill, level]) => skills.has(skill) && (level === null || levels.has(level)));
  }

  /** Why this browser did not keep what it was asked to: "full" (its storage for this site
   * is used up) or "refused" (private browsing, or storage turned off). */
  function refusal(error) {
    const full = error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
    return full ? "full" : "refused";
  }

  return {
    NONE_YET,
    belongs,
    fileName,
    isoDate,
    keep,
    kept,
    leftOut,
    linkHash,
    readAnswers,
    readLink,
    readRole,
    refusal,
    renamedSince,
    storageKey,
  };
});
