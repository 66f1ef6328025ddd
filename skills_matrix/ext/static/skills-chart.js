/* Charts of levels in the browser: the twin of skills_matrix/chart.py, drawing the answers
 * against the role worked towards as the pages draw a profile, the same SVG text for the
 * same numbers (tests/test_chart.py compares them). No DOM: works in browsers
 * (window.SkillsMatrixChart) and in Node.js (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-locale.js"));
  else root.SkillsMatrixChart = factory(root.SkillsMatrixLocale);
})(globalThis, function (L) {
  "use strict";
  const { _, format } = L;
  /** @typedef {import("../../schema/skills-matrix").Matrix} Matrix */
  const LABEL_CHARACTERS = 44;
  const LEGEND_ROW = 18;
  const ROW = 40;
  const BAR = 8;

  /** The answers (skill id -> level id or null) against the role *targetId*, by its
   * effective expectations in the published matrix; null when it expects no skill.
   * @param {Matrix} matrix
   */
  function personChart(matrix, targetId, answers, who) {
    const role = matrix.roles.find((r) => r.id === targetId);
    if (!role) return null;
    const expected = role.effective;
    const skills = matrix.groups.flatMap((group) => group.skills).filter((s) => Object.hasOwn(expected, s));
    if (!skills.length) return null;
    const rank = new Map(matrix.levels.map((level, index) => [level.id, index]));
    const title = new Map(matrix.skills.map((skill) => [skill.id, skill.title]));
    const name = who || _("You");
    const held = (skill) => (Object.hasOwn(answers, skill) && answers[skill] !== null ? rank.get(answers[skill]) : null);
    return {
      title: format(_("{who} against {role}"), { who: name, role: role.title }),
      skills: skills.map((s) => title.get(s)),
      levels: matrix.levels.map((level) => level.title),
      series: [
        { name: role.title, values: skills.map((s) => rank.get(expected[s].level)), says: _("{name} expects {level}") },
        { name: name, values: skills.map(held), says: who ? _("{name} holds {level}") : _("You hold {level}") },
      ],
    };
  }

  const levelTitle = (chart, rank) => (rank === null ? _("none") : chart.levels[rank]);

  function words(chart) {
    return chart.skills.map((skill, index) => {
      const said = chart.series.map((s) => format(s.says, { name: s.name, level: levelTitle(chart, s.values[index]) }));
      return skill + ": " + said.join("; ") + ".";
    });
  }

  // what xml.etree.ElementTree writes: the same escapes, attributes in order, " />"
  const text = (value) => String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const attribute = (value) =>
    text(value).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#09;");

  function element(tag, attributes, content) {
    const said = Object.entries(attributes)
      .map(([key, value]) => " " + key + '="' + attribute(value) + '"')
      .join("");
    if (content === undefined || content === "") return "<" + tag + said + " />";
    return "<" + tag + said + ">" + content + "</" + tag + ">";
  }

  /** A coordinate as chart.py's _number writes it: two decimals, trailing zeros dropped. */
  const number = (value) => value.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  // cut by characters (code points), as chart.py does: never inside a surrogate pair
  const label = (title) => {
    const characters = Array.from(title);
    return characters.length <= LABEL_CHARACTERS ? title : characters.slice(0, LABEL_CHARACTERS - 1).join("") + "…";
  };

  const percent = (share) => number(100 * share) + "%";

  function legend(chart) {
    const items = chart.series.map((series, index) => {
      const y = 14 + LEGEND_ROW * index;
      return (
        element("rect", { x: "0", y: String(y - 10), width: "12", height: "12", class: "sm-series-" + index }) +
        element("text", { x: "18", y: String(y) }, text(series.name))
      );
    });
    return element("g", { class: "sm-chart-legend", "aria-hidden": "true" }, items.join(""));
  }

  function bars(chart, top) {
    const steps = chart.levels.length;
    let grid = "";
    chart.levels.forEach((level, rank) => {
      const attributes = { x: percent((rank + 1) / steps), y: String(top - 8), "text-anchor": "end", class: "sm-chart-level" };
      grid += element("text", attributes, text(level));
    });
    const start = top + 18; // below the title of the row
    const depth = (BAR + 2) * chart.series.length - 2;
    chart.skills.forEach((title, row) => {
      grid += element("text", { x: "0", y: String(top + ROW * row + 13) }, text(label(title)));
      for (let rank = 0; rank < steps; rank += 1) {
        const x = percent((rank + 1) / steps);
        grid += element("line", { x1: x, y1: String(start + ROW * row - 2), x2: x, y2: String(start + ROW * row + depth + 2) });
      }
    });
    let shapes = "";
    chart.skills.forEach((_, row) => {
      chart.series.forEach((series, index) => {
        const rank = series.values[row];
        shapes += element("rect", {
          x: "0",
          y: String(start + ROW * row + (BAR + 2) * index),
          width: rank === null ? "2" : percent((rank + 1) / steps),
          height: String(BAR),
          class: "sm-series-" + index,
          "aria-hidden": "true",
        });
      });
    });
    return element("g", { class: "sm-chart-grid", "aria-hidden": "true" }, grid) + shapes;
  }

  /** The chart as SVG text; *ident* makes its title's and description's ids unique. */
  function svg(chart, ident) {
    const top = LEGEND_ROW * chart.series.length + 26;
    const inside =
      element("title", { id: ident + "-title" }, text(chart.title)) +
      element("desc", { id: ident + "-desc" }, text(words(chart).join(" "))) +
      legend(chart) +
      bars(chart, top);
    return element(
      "svg",
      {
        xmlns: "http://www.w3.org/2000/svg",
        width: "100%",
        height: String(top + ROW * chart.skills.length),
        role: "img",
        "aria-labelledby": ident + "-title " + ident + "-desc",
        class: "sm-chart",
      },
      inside,
    );
  }

  return { personChart, svg };
});
