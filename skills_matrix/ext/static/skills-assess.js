/* The assessment of the skills-matrix data format, exactly as `skills-matrix assess` computes
 * it (skills_matrix/assessment.py); the tests check that the two agree. Works in browsers
 * (window.SkillsMatrixAssess) and in Node.js (require). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.SkillsMatrixAssess = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
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

  /** A profile file (the format's YAML) as {name, skills}; only what a profile holds. */
  function parseProfile(text) {
    const skills = {};
    let name = null;
    let inSkills = false;
    const unquote = (value) => value.trim().replace(/^(["'])(.*)\1$/, "$2");
    for (const raw of text.split(/\r\n|\r|\n/)) {
      const line = raw.replace(/\s+#.*$/, "").replace(/^#.*$/, "");
      if (!line.trim()) continue;
      const top = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
      if (top) {
        inSkills = top[1] === "skills" && top[2] === "";
        if (top[1] === "name") name = unquote(top[2]);
        if (top[1] === "skills" && top[2].startsWith("{")) {
          for (const pair of top[2].replace(/[{}]/g, "").split(",")) {
            const [key, value] = pair.split(":");
            if (key && value) skills[unquote(key)] = unquote(value);
          }
        }
        continue;
      }
      const entry = /^\s+([a-z0-9-]+):\s*(\S.*)$/.exec(line);
      if (inSkills && entry) skills[entry[1]] = unquote(entry[2]);
    }
    return { name: name, skills: skills };
  }

  /** The profile file the command line reads. */
  function profileYaml(name, skills) {
    const lines = ["version: 1"];
    if (name) lines.push("name: " + JSON.stringify(name));
    const ids = Object.keys(skills);
    lines.push(ids.length ? "skills:" : "skills: {}");
    for (const id of ids) lines.push("  " + id + ": " + skills[id]);
    return lines.join("\n") + "\n";
  }

  return { assess, fingerprint, parseProfile, profileYaml };
});
