"""The browser's store, in Node.js with a storage of its own (no DOM needed): two frameworks on
one origin never adopt each other's answers; dated snapshots are bounded and thinned; a full
store is said to be full, not private."""

from __future__ import annotations

import json
import subprocess

from skills_matrix.export import to_json
from skills_matrix.reading import load_matrix

from .conftest import PROJECT, need_node

STATIC = PROJECT / "skills_matrix" / "ext" / "static"
SITE = PROJECT / "docs" / "_data" / "skills-matrix.yaml"
STORAGE = """
class Storage {
  constructor(limit) { Object.defineProperty(this, "_limit", {value: limit}); }
  getItem(key) { return Object.prototype.hasOwnProperty.call(this, key) ? this[key] : null; }
  setItem(key, value) {
    const used = Object.keys(this).filter((k) => k !== key).reduce((n, k) => n + this[k].length, 0);
    if (used + String(value).length > this._limit) {
      const error = new Error("quota"); error.name = "QuotaExceededError"; throw error;
    }
    this[key] = String(value);
  }
}
"""


def node(script: str, data: dict) -> object:
    done = subprocess.run(
        [need_node(), "-e", STORAGE + script, str(STATIC)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_another_frameworks_answers_are_never_adopted():
    matrix = to_json(load_matrix(SITE))
    skill, level = matrix["skills"][0]["id"], matrix["levels"][1]["id"]
    script = """
const P = require(process.argv[1] + "/skills-profile.js");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.cases.map((answers) => {
  globalThis.localStorage = new Storage(1e9);
  localStorage.setItem("skills-matrix:answers:0badc0de", JSON.stringify({answers, name: "N"}));
  return P.kept("skills-matrix:answers:/skills-matrix.json", "12345678", input.matrix);
});
process.stdout.write(JSON.stringify(out));
"""
    own, other, mixed, empty = node(
        script,
        {
            "matrix": matrix,
            "cases": [
                {skill: level},
                {"kubernetes-operators": "expert"},
                {skill: level, "kubernetes-operators": "expert"},
                {},
            ],
        },
    )
    assert own == {"answers": {skill: level}, "name": "N"}
    nothing = {"answers": {}, "name": ""}  # as with nothing kept at all
    assert other == nothing and mixed == nothing and empty == nothing


def test_snapshots_are_bounded_and_thinned():
    script = """
const G = require(process.argv[1] + "/skills-progress.js");
globalThis.localStorage = new Storage(1e9);
const start = Date.UTC(2025, 0, 1);
for (let day = 0; day < 400; day++) {
  const date = new Date(start + day * 864e5).toISOString().slice(0, 10);
  G.saveSnapshot("k", date, {python: day % 2 ? "working" : "expert"}, "", () => "refused");
}
const dates = G.snapshots("k").map((s) => s.date);
process.stdout.write(JSON.stringify({dates, most: G.MOST, recent: G.RECENT}));
"""
    kept = node(script, {})
    dates = kept["dates"]
    assert len(dates) <= kept["most"]
    assert dates[-1] == "2026-02-04"  # the newest is always kept
    recent = dates[-kept["recent"] :]
    assert recent == sorted(set(recent)) and len(recent) == kept["recent"]
    older = dates[: -kept["recent"]]
    assert len({d[:7] for d in older}) == len(older)  # one a month before the recent ones


def test_a_full_store_is_said_to_be_full():
    script = """
const G = require(process.argv[1] + "/skills-progress.js");
const P = require(process.argv[1] + "/skills-profile.js");
const big = {};
for (let i = 0; i < 200; i++) big["skill-" + i] = "practitioner";
globalThis.localStorage = new Storage(40000);
const matrix = {skills: [], levels: [], roles: []};
const tracker = G.tracker("k", matrix, (a) => a, () => [], P.refusal);
const said = [];
const day = (n) => "2026-01-" + String(n).padStart(2, "0");
for (let n = 1; n <= 20; n++) said.push(tracker.save(big, "", day(n)));
const kept = G.snapshots("k").map((s) => s.date);
globalThis.localStorage = new Storage(40000);
localStorage.setItem("other", "x".repeat(39990));
said.push(tracker.save(big, "", "2026-01-21"));
const refuse = () => { const e = new Error("no"); e.name = "SecurityError"; throw e; };
globalThis.localStorage = {getItem() { return null; }, setItem: refuse};
said.push(tracker.save(big, "", "2026-01-22"));
process.stdout.write(JSON.stringify({said, kept}));
"""
    out = node(script, {})
    said, kept = out["said"], out["kept"]
    assert all(s.startswith("Today's answers are saved") for s in said[:20])
    assert kept[-1] == "2026-01-20" and len(kept) < 20  # the oldest made room for the newest
    assert said[20].startswith("This browser's storage for this site is full")
    assert said[21].startswith("This browser keeps nothing here (private browsing")
