/* Charts of levels in the browser: the twin of skills_matrix/chart.py, drawing the answers
 * against the role worked towards as the pages draw a profile, the same SVG text for the
 * same numbers (tests/test_chart.py compares them). No DOM: works in browsers
 * (window.SkillsMatrixChart) and in Node.js (require). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SkillsMatrixChart = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const RADAR_FROM = 5;
  const LABEL_CHARACTERS = 26;
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /** The answers (skill id -> level id or null) against the role *targetId*, by its
   * effective expectations in the published matrix; null when it expects no skill. */
  function personChart(matrix, targetId, answers, who) {
    const role = matrix.roles.find((r) => r.id === targetId);
    if (!role) return null;
    const expected = role.effective;
    const skills = matrix.groups.flatMap((group) => group.skills).filter((s) => has(expected, s));
    if (!skills.length) return null;
    const rank = new Map(matrix.levels.map((level, index) => [level.id, index]));
    const title = new Map(matrix.skills.map((skill) => [skill.id, skill.title]));
    const name = who || "You";
    const held = (skill) => (has(answers, skill) && answers[skill] !== null ? rank.get(answers[skill]) : null);
    return {
      title: name + " against " + role.title,
      skills: skills.map((s) => title.get(s)),
      levels: matrix.levels.map((level) => level.title),
      series: [
        { name: role.title, values: skills.map((s) => rank.get(expected[s].level)), verb: "expects" },
        { name: name, values: skills.map(held), verb: name === "You" ? "hold" : "holds" },
      ],
    };
  }

  const shape = (chart) => (chart.skills.length >= RADAR_FROM ? "radar" : "bars");
  const levelTitle = (chart, rank) => (rank === null ? "none" : chart.levels[rank]);

  function words(chart) {
    return chart.skills.map((skill, index) => {
      const said = chart.series.map((s) => s.name + " " + s.verb + " " + levelTitle(chart, s.values[index]));
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

  function legend(chart) {
    const items = chart.series.map((series, index) => {
      const y = 14 + 18 * index;
      return (
        element("rect", { x: "8", y: String(y - 9), width: "10", height: "10", class: "sm-series-" + index }) +
        element("text", { x: "24", y: String(y) }, text(series.name))
      );
    });
    return element("g", { class: "sm-chart-legend", "aria-hidden": "true" }, items.join(""));
  }

  function radar(chart, width, height) {
    const cx = width / 2;
    const cy = height / 2 + 12;
    const radius = 140;
    const steps = chart.levels.length;
    const count = chart.skills.length;
    const point = (axis, rank) => {
      const share = rank === null ? 0.0 : (rank + 1) / steps;
      const angle = -Math.PI / 2 + (2 * Math.PI * axis) / count;
      return [cx + radius * share * Math.cos(angle), cy + radius * share * Math.sin(angle)];
    };
    const corners = (ranks) => ranks.map((rank, axis) => point(axis, rank)).map(([x, y]) => number(x) + "," + number(y)).join(" ");
    let grid = "";
    for (let rank = 0; rank < steps; rank += 1) {
      grid += element("polygon", { points: corners(chart.skills.map(() => rank)) });
      const [x, y] = point(0, rank);
      grid += element("text", { x: number(x + 4), y: number(y - 3), class: "sm-chart-level" }, text(chart.levels[rank]));
    }
    chart.skills.forEach((title, axis) => {
      const [x, y] = point(axis, steps - 1);
      grid += element("line", { x1: number(cx), y1: number(cy), x2: number(x), y2: number(y) });
      const lx = cx + (x - cx) * 1.1;
      const ly = cy + (y - cy) * 1.1;
      const anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
      grid += element("text", { x: number(lx), y: number(ly + 4), "text-anchor": anchor }, text(label(title)));
    });
    let out = element("g", { class: "sm-chart-grid", "aria-hidden": "true" }, grid);
    chart.series.forEach((series, index) => {
      out += element("polygon", { points: corners(series.values), class: "sm-series-" + index, "aria-hidden": "true" });
    });
    return out;
  }

  function bars(chart, width, height) {
    const left = 220;
    const right = width - 20;
    const top = 56;
    const steps = chart.levels.length;
    const span = right - left;
    let grid = "";
    chart.levels.forEach((level, rank) => {
      const x = left + (span * (rank + 1)) / steps;
      grid += element("line", { x1: number(x), y1: String(top - 6), x2: number(x), y2: String(height - 8) });
      grid += element("text", { x: number(x), y: String(top - 10), "text-anchor": "end", class: "sm-chart-level" }, text(level));
    });
    const bar = 9;
    let shapes = "";
    chart.skills.forEach((title, row) => {
      const y = top + 28 * row;
      grid += element("text", { x: String(left - 8), y: String(y + 13), "text-anchor": "end" }, text(label(title)));
      chart.series.forEach((series, index) => {
        const rank = series.values[row];
        const length = rank === null ? 0 : (span * (rank + 1)) / steps;
        shapes += element("rect", {
          x: String(left),
          y: String(y + 2 + (bar + 2) * index),
          width: number(Math.max(length, 1.5)),
          height: String(bar),
          class: "sm-series-" + index,
          "aria-hidden": "true",
        });
      });
    });
    return element("g", { class: "sm-chart-grid", "aria-hidden": "true" }, grid) + shapes;
  }

  /** The chart as SVG text; *ident* makes its title's and description's ids unique. */
  function svg(chart, ident) {
    const drawn = shape(chart);
    const [width, height] = drawn === "radar" ? [760, 440] : [640, 70 + 28 * chart.skills.length];
    const inside =
      element("title", { id: ident + "-title" }, text(chart.title)) +
      element("desc", { id: ident + "-desc" }, text(words(chart).join(" "))) +
      (drawn === "radar" ? radar(chart, width, height) : bars(chart, width, height)) +
      legend(chart);
    return element(
      "svg",
      {
        xmlns: "http://www.w3.org/2000/svg",
        viewBox: "0 0 " + width + " " + height,
        role: "img",
        "aria-labelledby": ident + "-title " + ident + "-desc",
        class: "sm-chart sm-chart-" + drawn,
      },
      inside,
    );
  }

  return { personChart, svg };
});
