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

  /** matrix: the published skills-matrix.json; profile: {skill id: level id}. */
  function assess(matrix, profile, threshold) {
    const rank = new Map(matrix.levels.map((level, index) => [level.id, index]));
    const roles = matrix.roles.map((role) => {
      const expected = matrix.skills.filter((skill) => has(role.expects, skill.id));
      const isMet = (skill) =>
        has(profile, skill.id) &&
        rank.get(profile[skill.id]) >= rank.get(role.expects[skill.id]);
      const met = new Set(expected.filter(isMet).map((skill) => skill.id));
      const fit = expected.length ? met.size / expected.length : null;
      return {
        id: role.id,
        title: role.title,
        fit: fit,
        fits: fit !== null && fit >= threshold,
        met: met.size,
        expected: expected.length,
        gaps: expected
          .filter((skill) => !met.has(skill.id))
          .map((skill) => ({
            skill: skill.id,
            expected: role.expects[skill.id],
            actual: has(profile, skill.id) ? profile[skill.id] : null,
          })),
        responsibilities: role.responsibilities.map((id) => {
          const supporting = expected.filter((skill) => has(skill.supports, id));
          const share = supporting.length
            ? supporting.filter((skill) => met.has(skill.id)).length / supporting.length
            : null;
          return { id: id, coverage: share };
        }),
      };
    });
    roles.sort(
      (a, b) =>
        (a.fit === null) - (b.fit === null) ||
        (b.fit || 0) - (a.fit || 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return { profile: null, threshold: threshold, roles: roles };
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

  /** A profile file as {name, skills}; throws an Error saying what is wrong with it. */
  function parseProfile(text) {
    let data;
    try {
      data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      throw new Error("it is not valid YAML: " + error.reason + " (line " + (error.mark ? error.mark.line + 1 : "?") + ")");
    }
    if (!isMapping(data)) throw new Error("it does not hold a mapping of keys to values");
    if (!has(data, "version")) throw new Error("it has no 'version' key, so it is not a profile");
    const skills = has(data, "skills") && data.skills !== null ? data.skills : {};
    if (!isMapping(skills)) throw new Error("its 'skills' is not a mapping of skill ids to levels");
    const name = typeof data.name === "string" ? data.name : null;
    const levels = {};
    for (const [skill, level] of Object.entries(skills)) {
      if (typeof level === "string") levels[skill] = level;
    }
    return { name: name, skills: levels };
  }

  /** The profile file the command line reads. */
  function profileYaml(name, skills) {
    const profile = { version: 1 };
    if (name) profile.name = name;
    profile.skills = skills;
    return yaml.dump(profile, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
  }

  return { assess, fingerprint, parseProfile, percent, profileYaml };
});
