/* The assessment of the skills-matrix data format, exactly as `skills-matrix assess` computes
 * it (skills_matrix/assessment.py), on the matrix the site publishes (skills-matrix.json);
 * the tests run the same golden cases through both. Profiles are read and written with
 * js-yaml (vendored, YAML 1.2 core schema, as the command line reads them). Works in browsers
 * (window.SkillsMatrixAssess, after vendor/js-yaml.min.js) and in Node.js (require). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./vendor/js-yaml.min.js"));
  } else {
    root.SkillsMatrixAssess = factory(root.jsyaml);
  }
})(typeof self !== "undefined" ? self : this, function (yaml) {
  "use strict";
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

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
      const expected = Object.values(role.effective);
      let total = 0;
      for (const e of expected) total += e.weight;
      plans.set(role.id, {
        expected: expected,
        own: expected.filter((e) => e.own),
        total: total,
        supporting: role.effective_responsibilities.map((id) => [
          id,
          expected.filter((e) => has(skills.get(e.skill).supports, id)),
        ]),
      });
      for (const e of expected) {
        if (!expecting.has(e.skill)) expecting.set(e.skill, new Set());
        expecting.get(e.skill).add(role.id);
      }
    }
    const facts = {
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

  /**
   * matrix: the published skills-matrix.json (each role's effective expectations resolved);
   * profile: {skill id: level id, or null for "assessed, none yet"}; a skill it does not name
   * is not assessed. Returns what `skills-matrix assess --format json` prints (less the
   * profile's name), plus the closest role, the role to work towards and the next steps.
   * since: optionally {result, changed}: the result for a profile that differs from this one
   * only in the answers to the skills *changed*, at the same threshold; the roles those
   * answers cannot move keep their results from it.
   */
  function assess(matrix, profile, threshold, since) {
    const { rank, order, roles, plans } = prepare(matrix);
    const done = new Map();
    if (since && since.result) {
      const moved = prepare(matrix).affected(since.changed);
      for (const role of since.result.roles) if (!moved.has(role.id)) done.set(role.id, role);
    }
    const isMet = (e) => has(profile, e.skill) && profile[e.skill] !== null && rank.get(profile[e.skill]) >= rank.get(e.level);

    function assessRole(role) {
      if (done.has(role.id)) return done.get(role.id);
      const plan = plans.get(role.id);
      const expected = plan.expected;
      const met = new Set(expected.filter(isMet).map((e) => e.skill));
      const t = role.threshold !== null ? role.threshold : threshold;
      const fit = share(expected, met);
      const ownFit = role.extends ? share(plan.own, met) : null;
      const missing = expected.filter((e) => e.required && !met.has(e.skill)).map((e) => e.skill);
      let fits = fit !== null && fit >= t && !missing.length;
      if (fits && role.extends) {
        fits = assessRole(roles.get(role.extends)).fits && (ownFit === null || ownFit >= t);
      }
      const total = plan.total;
      const gaps = expected
        .filter((e) => !met.has(e.skill))
        .map((e) => ({
          skill: e.skill,
          expected: e.level,
          actual: has(profile, e.skill) ? profile[e.skill] : null,
          assessed: has(profile, e.skill),
          required: e.required,
          gain: e.weight / total,
        }))
        .sort(
          (a, b) =>
            b.required - a.required || b.gain - a.gain || order.get(a.skill) - order.get(b.skill),
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
      };
      done.set(role.id, result);
      return result;
    }

    const every = matrix.roles.map(assessRole);
    const sorted = every.slice().sort(
      (a, b) =>
        (a.fit === null) - (b.fit === null) ||
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
    // the highest fit; among equals, one that fits, then the higher grade, then the first
    let closest = null;
    for (const r of sorted) {
      if (r.fit === null) continue;
      const grade = r.grade === null ? -1 : r.grade;
      const best = closest && (closest.grade === null ? -1 : closest.grade);
      if (
        !closest ||
        r.fit > closest.fit ||
        (r.fit === closest.fit && (r.fits > closest.fits || (r.fits === closest.fits && grade > best)))
      ) {
        closest = r;
      }
    }
    let target = closest;
    if (closest && closest.fits) {
      const position =
        tracks.find((t) => t.current === closest.id) ||
        tracks.find((t) => t.id === roles.get(closest.id).track);
      target = position && position.next ? done.get(position.next) : null;
    }
    const answer =
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
        : { profile: null, threshold: threshold, roles: sorted, tracks: tracks };
    return {
      json: answer,
      closest: closest,
      target: target,
      nextSteps: target ? target.gaps.slice(0, 3) : [],
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
    return share === null ? "n/a" : Math.floor(100 * share + 0.5) + "%";
  }

  const isMapping = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  /** A profile file as {name, skills}: skill id -> level id, or null for "none yet" (a level
   * given with evidence counts as that level); throws an Error saying what is wrong. */
  function parseProfile(text) {
    let data;
    try {
      // js-yaml 4's load builds only plain data (no functions, no classes); the core schema
      // reads scalars as YAML 1.2 and the command line do
      data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      const where = error.mark ? " (line " + (error.mark.line + 1) + ", column " + (error.mark.column + 1) + ")" : "";
      throw new Error("it is not valid YAML: " + error.reason + where);
    }
    if (!isMapping(data)) throw new Error("it does not hold a mapping of keys to values");
    if (!has(data, "version")) throw new Error("it has no 'version' key, so it is not a profile");
    const skills = has(data, "skills") && data.skills !== null ? data.skills : {};
    if (!isMapping(skills)) throw new Error("its 'skills' is not a mapping of skill ids to levels");
    const name = typeof data.name === "string" ? data.name : null;
    const levels = Object.create(null); // skill ids like "constructor" are data, not methods
    for (const [skill, value] of Object.entries(skills)) {
      if (typeof value === "string" || value === null) levels[skill] = value;
      else if (isMapping(value) && typeof value.level === "string") levels[skill] = value.level;
    }
    return { name: name, skills: levels };
  }

  /** The profile file the command line reads: version 2 when an answer is "none yet". */
  function profileYaml(name, skills) {
    const profile = { version: Object.values(skills).includes(null) ? 2 : 1 };
    if (name) profile.name = name;
    profile.skills = skills;
    return yaml.dump(profile, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
  }

  return { assess, fingerprint, parseProfile, percent, profileYaml };
});
