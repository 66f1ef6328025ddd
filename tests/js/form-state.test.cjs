// The self-assessment's state (skills-form-state.js) without a page, in Node's test runner.
// Usage: node form-state.test.cjs STATIC_FOLDER MATRIX_JSON GERMAN_CATALOG_JSON
// (tests/test_form_state.py runs it).
"use strict";
const { test, beforeEach } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const [folder, matrixFile, catalogFile] = process.argv.slice(2);
const S = require(path.join(folder, "skills-form-state.js"));
const P = require(path.join(folder, "skills-profile.js"));
const matrix = JSON.parse(fs.readFileSync(matrixFile, "utf8"));
const KEY = P.storageKey("/skills-matrix.json");

/** A browser's localStorage, in memory. */
class Storage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}
const saved = () => JSON.parse(globalThis.localStorage.getItem(KEY));

beforeEach(() => {
  globalThis.localStorage = new Storage();
});

test("an answer is kept at once, and an unchanged one is no change", () => {
  const state = S.formState(matrix, "", KEY);
  state.open(P.kept(KEY), null);
  assert.equal(state.choose("python", "working"), true);
  assert.equal(state.choose("python", "working"), false);
  assert.equal(state.choose("sql", P.NONE_YET), true);
  assert.deepEqual({ ...state.answers }, { python: "working", sql: null });
  assert.equal(state.valueOf("sql"), P.NONE_YET);
  assert.equal(state.valueOf("python"), "working");
  assert.equal(state.valueOf("prompting"), "");
  assert.deepEqual(saved().answers, { python: "working", sql: null });
  assert.equal(state.choose("python", ""), true);
  assert.deepEqual(saved().answers, { sql: null });
});

test("clear takes answers and name away until undone; the next change forgets them", () => {
  const state = S.formState(matrix, "", KEY);
  state.open(P.kept(KEY), null);
  assert.equal(state.clear(), "There are no answers to clear.");
  assert.equal(state.canUndo, false);
  state.rename("Ada");
  state.choose("python", "expert");
  state.aimAt("engineer");
  assert.equal(state.clear(), "Cleared 1 answer and your name. Undo clear brings them back.");
  assert.equal(state.count(), 0);
  assert.equal(state.name, "");
  assert.equal(state.aim, "");
  assert.deepEqual(saved(), { name: "", answers: {}, aim: "" });
  assert.equal(state.canUndo, true);
  assert.equal(state.undo(), "Undone: 1 answer back.");
  assert.deepEqual([{ ...state.answers }, state.name, state.aim], [{ python: "expert" }, "Ada", "engineer"]);
  assert.deepEqual(saved().answers, { python: "expert" });
  assert.equal(state.undo(), "");
  state.clear();
  state.choose("sql", "working");
  assert.equal(state.canUndo, false);
  assert.equal(state.undo(), "");
  assert.deepEqual({ ...state.answers }, { sql: "working" });
});

test("a link's answers are shown, not kept, until the reader chooses", () => {
  const own = S.formState(matrix, "", KEY);
  own.open(P.kept(KEY), null);
  own.choose("python", "working");
  const link = P.readLink("#answers=sql:expert,python:-,nope:working&aim=engineer");
  const state = S.formState(matrix, "", KEY);
  const opened = state.open(P.kept(KEY), link);
  assert.equal(state.previewing, true);
  assert.equal(state.mine, true);
  assert.equal(opened.question.back, "Back to my saved answers");
  assert.match(opened.said, /^Showing the answers from the link; nothing is saved until you choose\. Left out: /);
  assert.match(opened.said, /"nope"/);
  assert.deepEqual([{ ...state.answers }, state.aim], [{ sql: "expert", python: null }, "engineer"]);
  state.choose("cloud", "working"); // answering during the preview keeps nothing either
  assert.deepEqual(saved().answers, { python: "working" });
  assert.equal(state.leaveLink(), "Your saved answers are back.");
  assert.deepEqual({ ...state.answers }, { python: "working" });
  assert.equal(state.previewing, false);

  const again = S.formState(matrix, "", KEY);
  again.open(P.kept(KEY), link);
  assert.equal(again.keepLink(), "The link's answers are now your saved answers.");
  assert.deepEqual(saved().answers, { sql: "expert", python: null });
});

test("a link with no saved answers behind it offers to start with none", () => {
  const state = S.formState(matrix, "engineer", KEY);
  const opened = state.open(P.kept(KEY), P.readLink("#answers=sql:working"));
  assert.equal(state.mine, false);
  assert.equal(opened.question.back, "Start with no answers");
  assert.equal(opened.said, "Loaded 1 answer from the link; nothing is kept in this browser until you choose.");
  assert.equal(state.aim, "engineer"); // the link names no aim: the page's own
  assert.equal(state.leaveLink(), "Nothing from the link is kept.");
  assert.equal(state.count(), 0);
  assert.equal(state.clear(), "There are no answers to clear.");
});

test("clearing a preview ends it, and what is cleared is kept", () => {
  const state = S.formState(matrix, "", KEY);
  state.open(P.kept(KEY), P.readLink("#answers=sql:working"));
  assert.equal(state.clear(), "Cleared 1 answer. Undo clear brings them back.");
  assert.equal(state.previewing, false);
  assert.deepEqual(saved().answers, {});
});

test("an import replaces the answers; its aim is read through renames, or refused", () => {
  const state = S.formState(matrix, "engineer", KEY);
  state.open(P.kept(KEY), null);
  state.choose("python", "working");
  state.clear();
  const said = state.imported({ name: "Grace", aim: "old-lead", skills: { "old-python": "expert" } }, "grace.yaml");
  assert.equal(state.canUndo, false);
  assert.match(said, /^Imported 1 answer from grace\.yaml\. Renamed since: /);
  assert.deepEqual([{ ...state.answers }, state.name, state.aim], [{ python: "expert" }, "Grace", "lead"]);
  assert.match(state.imported({ aim: "astronaut", skills: {} }, "x.yaml"), /The aim "astronaut" names no role of this matrix; it was ignored\.$/);
  assert.equal(state.aim, "engineer");
  assert.equal(state.imported({ skills: { sql: "working" } }, "y.yaml"), "Imported 1 answer from y.yaml.");
  assert.equal(state.aim, "engineer"); // no aim in the file: the page's own
});

test("what this browser kept comes back; what it cannot read is set aside, and said", () => {
  globalThis.localStorage.setItem(KEY, JSON.stringify({ name: "Ada", answers: { python: "expert", gone: "working" }, aim: "lead" }));
  const state = S.formState(matrix, "", KEY);
  const opened = state.open(P.kept(KEY), null);
  assert.equal(opened.question, null);
  assert.match(opened.said, /^From the answers saved in this browser: Left out: .*"gone"/);
  assert.deepEqual([{ ...state.answers }, state.name, state.aim], [{ python: "expert" }, "Ada", "lead"]);
  globalThis.localStorage.setItem(KEY, "[1, 2]");
  const broken = S.formState(matrix, "", KEY);
  assert.equal(broken.open(P.kept(KEY), null).said, "The answers saved in this browser could not be read; they were set aside.");
  assert.equal(broken.count(), 0);
});


test("its words are the page's language's, from the published catalog", () => {
  // the scripts read the catalog as they load, as the page's skills-matrix-catalog.js gives it
  for (const name of Object.keys(require.cache)) if (name.startsWith(path.resolve(folder))) delete require.cache[name];
  globalThis.SkillsMatrixCatalog = JSON.parse(fs.readFileSync(catalogFile, "utf8"));
  try {
    const German = require(path.join(folder, "skills-form-state.js"));
    const state = German.formState(matrix, "", KEY);
    state.open(null, null);
    assert.equal(state.clear(), "Es gibt keine Antworten zu löschen.");
    state.choose("python", "expert");
    state.choose("sql", "working");
    assert.equal(state.clear(), "2 Antworten gelöscht. „Löschen rückgängig“ bringt sie zurück.");
    assert.equal(state.undo(), "Rückgängig gemacht: 2 Antworten zurück.");
    assert.equal(state.imported({ skills: { sql: "working" } }, "y.yaml"), "1 Antwort aus y.yaml importiert.");
  } finally {
    delete globalThis.SkillsMatrixCatalog;
  }
});
