/* The assessment of the skills-matrix data format, exactly as `skills-matrix assess` computes
 * it (skills_matrix/assessment.py), on the matrix the site publishes (skills-matrix.json);
 * the tests run the same golden cases through both. Profiles are read and written with
 * js-yaml (vendored, YAML 1.2 core schema, as the command line reads them). Works in browsers
 * (window.SkillsMatrixAssess, after vendor/js-yaml.min.js and skills-locale.js) and in Node.js (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    // @ts-ignore: the vendored js-yaml is minified, without declarations (scripts.d.ts has them)
    module.exports = factory(require("./vendor/js-yaml.min.js"), require("./skills-locale.js"));
  } else {
    root.SkillsMatrixAssess = factory(root.jsyaml, root.SkillsMatrixLocale);
  }
})(globalThis, /** @param {typeof jsyaml} yaml @param {typeof SkillsMatrixLocale} L */ function (yaml, L) {
  "use strict";
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */

  const byId = (items) => new Map(items.map((item) => [item.id, item]));

  /** Sums in order, as Python's sum() does, so that both give the same float. */
  function share(entries, met) {
    if (!entries.length) return null;
    let total = 0;
    let got = 0;
    for (const e of entries) {
      total += e.weight;
      if (met.has(e.skill)) got += e.weight;
    }
    return got / total;
  }

  /** What assess() needs of a matrix that no answer changes, worked out once per matrix. */
  const prepared = new WeakMap();
  /** @param {Matrix} matrix */
  function prepare(matrix) {
    if (prepared.has(matrix)) return prepared.get(matrix);
    const skills = byId(matrix.skills);
    const roles = byId(matrix.roles);
    // skill id -> the roles whose results depend on its answer: the roles that expect it.
    // (A role extending another expects all the other does, so a change to the base's
    // results comes with a skill the extending role expects too.)
    const expecting = new Map();
    const plans = new Map();
    for (const role of matrix.roles) {
      // in the matrix's order, as Python gives it (not the object's: a JavaScript object
      // lists keys that look like numbers, a skill "4" say, before all others)
      const expected = matrix.skills.filter((s) => Object.hasOwn(role.effective, s.id)).map((s) => role.effective[s.id]);
      let total = 0;
      for (const e of expected) total += e.weight;
      plans.set(role.id, {
        need: role.effective_points === undefined ? null : role.effective_points,
        expected: expected,
        own: expected.filter((e) => e.own),
        total: total,
        supporting: role.effective_responsibilities.map((id) => [
          id,
          expected.filter((e) => Object.hasOwn(skills.get(e.skill).supports, id)),
        ]),
      });
      for (const e of expected) {
        if (!expecting.has(e.skill)) expecting.set(e.skill, new Set());
        expecting.get(e.skill).add(role.id);
      }
    }
    const facts = {
      byPoints: matrix.levels.length > 0 && matrix.levels[0].points !== null && matrix.levels[0].points !== undefined,
      rank: new Map(matrix.levels.map((level, index) => [level.id, index])),
      order: new Map(matrix.skills.map((skill, index) => [skill.id, index])),
      roles: roles,
      plans: plans,
      /** The roles whose results an answer to any of *changed* can move. */
      affected(changed) {
        const out = new Set();
        for (const skill of changed) for (const id of expecting.get(skill) || []) out.add(id);
        return out;
      },
    };
    prepared.set(matrix, facts);
    return facts;
  }

  /** A profile's points total: the points of its level in each skill, summed in the
   * matrix's skill order (as Python sums them).
   * @param {Matrix} matrix
   */
  function pointsTotal(matrix, profile, skills) {
    const points = new Map(matrix.levels.map((level) => [level.id, level.points]));
    let total = 0;
    for (const skill of skills) {
      if (Object.hasOwn(profile, skill.id) && profile[skill.id] !== null) total += points.get(profile[skill.id]);
    }
    return total;
  }

  /** The points object of `assess --format json`: total, band, next band, per category.
   * @param {Matrix} matrix
   */
  function pointsOf(matrix, profile, total) {
    const byCategory = [];
    for (const group of matrix.groups) {
      const skills = group.skills.map((id) => ({ id: id }));
      byCategory.push({ id: group.category, total: pointsTotal(matrix, profile, skills) });
    }
    const declared = new Set(matrix.categories.map((c) => c.id));
    const sums = new Map(byCategory.map((entry) => [entry.id, entry.total]));
    const ordered = matrix.categories.map((c) => ({ id: c.id, total: sums.has(c.id) ? sums.get(c.id) : 0 }));
    for (const entry of byCategory) if (!declared.has(entry.id)) ordered.push(entry);
    let reached = -1;
    matrix.bands.forEach((band, index) => {
      if (band.points <= total) reached = index;
    });
    const band = reached >= 0 ? matrix.bands[reached] : null;
    const next = reached >= 0 && reached + 1 < matrix.bands.length ? matrix.bands[reached + 1] : null;
    return {
      total: total,
      band: band ? band.id : null,
      next_band: next ? next.id : null,
      to_next_band: next ? next.points - total : null,
      by_category: ordered,
    };
  }

  /** Every one-level raise of a skill: the most points first, then the matrix's order.
   * @param {Matrix} matrix
   */
  function raises(matrix, profile, rank) {
    const out = [];
    for (const skill of matrix.skills) {
      const held = Object.hasOwn(profile, skill.id) ? profile[skill.id] : null;
      const up = held === null ? 0 : rank.get(held) + 1;
      if (up < matrix.levels.length) {
        const from = held === null ? 0 : matrix.levels[rank.get(held)].points;
        out.push({ skill: skill.id, from: held, to: matrix.levels[up].id, points: matrix.levels[up].points - from });
      }
    }
    return out.sort((a, b) => b.points - a.points); // a stable sort keeps the matrix's order
  }

  /**
   * matrix: the published skills-matrix.json (each role's effective expectations resolved);
   * profile: {skill id: level id, or null for "assessed, none yet"}; a skill it does not name
   * is not assessed. Returns what `skills-matrix assess --format json` prints (less the
   * profile's name) as `json`, and the answer: the standing, the role to work towards
   * (`target`, its result) and the next steps.
   * since: optionally {result, changed}: the result for a profile that differs from this one
   * only in the answers to the skills *changed*, at the same threshold and aim; the roles
   * those answers cannot move keep their results from it (unless the matrix levels by
   * points, where every answer moves the total).
   * context: optionally {aim, role}: the role worked towards, and the person's current role.
   * @param {Matrix} matrix
   */
  function assess(matrix, profile, threshold, since, context) {
    const { rank, order, roles, plans, byPoints } = prepare(matrix);
    const aim = context && context.aim ? context.aim : null;
    const current = context && context.role ? context.role : null;
    const total = byPoints ? pointsTotal(matrix, profile, matrix.skills) : null;
    const done = new Map();
    if (since && since.result && !byPoints) {
      const moved = prepare(matrix).affected(since.changed);
      for (const role of since.result.roles) if (!moved.has(role.id)) done.set(role.id, role);
    }
    const isMet = (e) => Object.hasOwn(profile, e.skill) && profile[e.skill] !== null && rank.get(profile[e.skill]) >= rank.get(e.level);

    function assessRole(role) {
      if (done.has(role.id)) return done.get(role.id);
      const plan = plans.get(role.id);
      const expected = plan.expected;
      const need = byPoints ? plan.need : null;
      const met = new Set(expected.filter(isMet).map((e) => e.skill));
      const t = role.threshold !== null ? role.threshold : threshold;
      let fit = share(expected, met);
      const ownFit = role.extends ? share(plan.own, met) : null;
      const missing = expected.filter((e) => e.required && !met.has(e.skill)).map((e) => e.skill);
      let fits;
      if (need !== null && !expected.length) {
        fit = need === 0 ? 1 : Math.min(1, total / need);
        fits = true;
      } else {
        fits = fit !== null && fit >= t && !missing.length;
      }
      if (need !== null) fits = fits && total >= need;
      if (fits && role.extends) {
        fits = assessRole(roles.get(role.extends)).fits && (ownFit === null || ownFit >= t);
      }
      const sum = plan.total;
      const gaps = expected
        .filter((e) => !met.has(e.skill))
        .map((e) => {
          const actual = Object.hasOwn(profile, e.skill) ? profile[e.skill] : null;
          return {
            skill: e.skill,
            expected: e.level,
            actual: actual,
            assessed: Object.hasOwn(profile, e.skill),
            required: e.required,
            gain: e.weight / sum,
            short: rank.get(e.level) + 1 - (actual === null ? 0 : rank.get(actual) + 1),
          };
        })
        .sort(
          (a, b) =>
            b.required - a.required ||
            b.gain - a.gain ||
            a.short - b.short ||
            order.get(a.skill) - order.get(b.skill),
        );
      const result = {
        id: role.id,
        title: role.title,
        track: role.track,
        grade: role.grade,
        threshold: t,
        fit: fit,
        own_fit: ownFit,
        fits: fits,
        met: met.size,
        expected: expected.length,
        missing_required: missing,
        gaps: gaps,
        responsibilities: plan.supporting.map(([id, supporting]) => ({
          id: id,
          coverage: share(supporting, met),
        })),
        points: need === null ? null : { need: need },
      };
      done.set(role.id, result);
      return result;
    }

    const every = matrix.roles.map(assessRole);
    const sorted = every.slice().sort(
      (a, b) =>
        Number(a.fit === null) - Number(b.fit === null) ||
        (b.fit || 0) - (a.fit || 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const tracks = matrix.tracks.map((track) => {
      const ladder = track.ladder.map((id) => roles.get(id));
      let last = -1;
      ladder.forEach((role, index) => {
        if (done.get(role.id).fits) last = index;
      });
      if (last < 0) return { id: track.id, current: null, next: ladder.length ? ladder[0].id : null };
      const current = ladder[last];
      let after = ladder.slice(last + 1);
      if (current.grade !== null) after = after.filter((r) => r.grade !== null && r.grade > current.grade);
      return { id: track.id, current: current.id, next: after.length ? after[0].id : null };
    });

    // the answer: where the person stands, what they work towards, the next three steps
    const fitting = every.filter((r) => r.fits);
    const below = new Set(); // every role a fitting role builds on, each reached once
    for (const r of fitting) {
      let base = roles.get(r.id).extends;
      while (base !== null && base !== undefined && !below.has(base)) {
        below.add(base);
        base = roles.get(base).extends;
      }
    }
    const standing = fitting.filter((r) => !below.has(r.id)).map((r) => r.id);
    const gradeOf = (id) => {
      const grade = roles.get(id).grade;
      return grade === null || grade === undefined ? -Infinity : grade;
    };
    let target = null;
    if (aim !== null) target = aim;
    if (target === null && current !== null && roles.has(current) && roles.get(current).track) {
      const position = tracks.find((p) => p.id === roles.get(current).track);
      if (position && position.next) target = position.next;
    }
    if (target === null) {
      let highest = null;
      for (const p of tracks) {
        if (p.current !== null && (highest === null || gradeOf(p.current) > gradeOf(highest.current))) highest = p;
      }
      if (highest && highest.next) target = highest.next;
    }
    if (target === null) {
      let best = null;
      for (const r of every) {
        if (r.fits || r.fit === null) continue;
        if (best === null || r.fit > best.fit || (r.fit === best.fit && gradeOf(r.id) > gradeOf(best.id))) best = r;
      }
      target = best ? best.id : null;
    }
    const aimed = target === null ? null : done.get(target);
    let nextSteps = [];
    if (aimed) {
      nextSteps = aimed.points !== null && !aimed.expected ? raises(matrix, profile, rank).slice(0, 3) : aimed.gaps.slice(0, 3);
    }
    const answer = { standing: standing, target: target, aim: aim, next_steps: nextSteps };
    const points = byPoints ? pointsOf(matrix, profile, total) : null;
    const json =
      matrix.source_version === 1
        ? {
            profile: null,
            threshold: threshold,
            roles: sorted.map((r) => ({
              id: r.id,
              title: r.title,
              fit: r.fit,
              fits: r.fits,
              met: r.met,
              expected: r.expected,
              gaps: r.gaps.map((g) => ({ skill: g.skill, expected: g.expected, actual: g.actual })),
              responsibilities: r.responsibilities,
            })),
          }
        : { profile: null, threshold: threshold, roles: sorted, tracks: tracks, answer: answer, points: points };
    return {
      json: json,
      answer: answer,
      points: points,
      target: aimed,
      nextSteps: nextSteps,
      roles: sorted,
      tracks: tracks,
    };
  }

  /** A short, stable fingerprint of a text (FNV-1a, 32 bits, hexadecimal). */
  function fingerprint(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
  }

  /** A share as people read it: a whole percentage, half rounded up (as percent() in Python). */
  function percent(share) {
    return share === null ? L._("n/a") : L.percentage(wholePercent(share));
  }

  /** A share as a whole percentage, a number (a bar's width). @param {number} share */
  const wholePercent = (share) => Math.floor(100 * share + 0.5);

  const isMapping = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  /** A profile file as {name, skills, aim}: skill id -> level id, or null for "none yet" (a
   * level given with evidence counts as that level); throws an Error saying what is wrong. */
  function parseProfile(text) {
    let data;
    try {
      // js-yaml 4's load builds only plain data (no functions, no classes); the core schema
      // reads scalars as YAML 1.2 and the command line do
      data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      const where = error.mark
        ? " " + L.format(L._("(line {line}, column {column})"), { line: error.mark.line + 1, column: error.mark.column + 1 })
        : "";
      throw new Error(L.format(L._("it is not valid YAML: {reason}"), { reason: error.reason }) + where);
    }
    if (!isMapping(data)) throw new Error(L._("it does not hold a mapping of keys to values"));
    if (!Object.hasOwn(data, "version")) throw new Error(L._("it has no 'version' key, so it is not a profile"));
    const skills = Object.hasOwn(data, "skills") && data.skills !== null ? data.skills : {};
    if (!isMapping(skills)) throw new Error(L._("its 'skills' is not a mapping of skill ids to levels"));
    const name = typeof data.name === "string" ? data.name : null;
    const aim = typeof data.aim === "string" ? data.aim : null;
    const levels = Object.create(null); // skill ids like "constructor" are data, not methods
    for (const [skill, value] of Object.entries(skills)) {
      if (typeof value === "string" || value === null) levels[skill] = value;
      else if (isMapping(value) && typeof value.level === "string") levels[skill] = value.level;
    }
    return { name: name, skills: levels, aim: aim };
  }

  /** The profile file the command line reads: version 2 when an answer is "none yet", or
   * when it names an aim (the role worked towards) or a date (YYYY-MM-DD). */
  function profileYaml(name, skills, aim, date) {
    const profile = { version: Object.values(skills).includes(null) || aim || date ? 2 : 1 };
    if (name) profile.name = name;
    if (date) profile.date = date;
    if (aim) profile.aim = aim;
    profile.skills = skills;
    return yaml.dump(profile, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
  }

  /** A points figure as people read it (as number() in Python's wording.py). */
  function number(value) {
    if (Number.isInteger(value)) return String(value);
    return L.decimal(value.toFixed(2).replace(/0+$/, "").replace(/\.$/, ""));
  }

  return { assess, fingerprint, number, parseProfile, percent, profileYaml, wholePercent };
});
