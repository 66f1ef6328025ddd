// Runs tests/data/golden.json through the browser's JavaScript (skills-assess.js) and prints
// what it computes as JSON; tests/test_golden.py compares that with the expected values.
// Usage: node golden.cjs SKILLS_ASSESS_JS < {"published": {name: matrix JSON}, "golden": ...}
"use strict";
const A = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const golden = input.golden;
const out = {
  assessments: golden.assessments.map((c) => {
    const context = { aim: c.aim || null, role: c.role || null };
    const answer = A.assess(input.published[c.matrix], c.profile, c.threshold, undefined, context);
    const texts = Object.fromEntries(answer.roles.map((r) => [r.id, A.percent(r.fit)]));
    return {
      result: answer.json,
      texts: texts,
      standing: answer.answer.standing,
      target: answer.answer.target,
      next_steps: answer.answer.next_steps.map((step) => step.skill),
    };
  }),
  percentages: golden.percentages.map(([share]) => A.percent(share)),
  profiles: golden.profiles.map((p) => {
    const parsed = A.parseProfile(p.text);
    return { name: parsed.name, skills: parsed.skills };
  }),
  exported: golden.profiles.map((p) => {
    const parsed = A.parseProfile(p.text);
    return A.profileYaml(parsed.name, parsed.skills);
  }),
};
process.stdout.write(JSON.stringify(out));
