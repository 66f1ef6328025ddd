// What each of the browser's scripts (static/*.js) gives the page, under the name it is
// given there; the type checker reads the rest from the scripts themselves (nox -s lint).

/** The vendored js-yaml, minified: only what the scripts use of it. */
declare var jsyaml: {
  load(text: string, options?: { schema?: unknown; json?: boolean }): any;
  dump(value: unknown, options?: object): string;
  CORE_SCHEMA: unknown;
  JSON_SCHEMA: unknown;
};
/** The catalog of the page's language (skills-matrix-catalog.js), when it is not English. */
declare var SkillsMatrixCatalog:
  | {
      language: string;
      decimal: string;
      percent: string;
      plural: number[];
      messages: Record<string, string | string[]>;
    }
  | undefined;
declare var SkillsMatrixLocale: typeof import("./static/skills-locale.js");
declare var SkillsMatrixAssess: typeof import("./static/skills-assess.js");
declare var SkillsMatrixProfile: typeof import("./static/skills-profile.js");
declare var SkillsMatrixWords: typeof import("./static/skills-words.js");
declare var SkillsMatrixAnswer: typeof import("./static/skills-answer.js");
declare var SkillsMatrixChart: typeof import("./static/skills-chart.js");
declare var SkillsMatrixProgress: typeof import("./static/skills-progress.js");
declare var SkillsMatrixFormState: typeof import("./static/skills-form-state.js");
declare var SkillsMatrixQuestions: typeof import("./static/skills-form-questions.js");
declare var SkillsMatrixResults: typeof import("./static/skills-form-results.js");
declare var SkillsMatrixTools: typeof import("./static/skills-form-tools.js");
