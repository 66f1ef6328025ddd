/* Filters for the generated tables (HTML only; the table itself is complete without them):
 * show one category, or only the skills one role expects. Rows stay in the page, hidden. */
(function () {
  "use strict";

  function select(label, options, onChange) {
    const wrapper = document.createElement("label");
    wrapper.className = "sm-filter";
    wrapper.append(label + " ");
    const element = document.createElement("select");
    for (const [value, text] of options) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = text;
      element.append(option);
    }
    element.addEventListener("change", () => onChange(element.value));
    wrapper.append(element);
    return wrapper;
  }

  function enhance(table, matrix) {
    const rows = [...table.tBodies[0].rows];
    let group = "";
    const info = rows.map((row) => {
      const header = row.cells[0] ? row.cells[0].textContent.trim() : "";
      if (row.classList.contains("skills-matrix-group")) {
        group = header;
        return { row, group, isGroup: true };
      }
      return { row, group, isGroup: false, title: header };
    });
    const groups = [...new Set(info.filter((i) => i.isGroup).map((i) => i.group))];
    const filters = { group: "", role: "" };
    const expects = new Map();
    if (matrix) {
      const byTitle = new Map(matrix.skills.map((s) => [s.title, s.id]));
      for (const role of matrix.roles) expects.set(role.id, new Set(Object.keys(role.expects)));
      info.forEach((i) => (i.id = byTitle.get(i.title)));
    }
    function apply() {
      for (const i of info) {
        if (i.isGroup) continue;
        const inGroup = !filters.group || i.group === filters.group;
        const inRole = !filters.role || (expects.get(filters.role) || new Set()).has(i.id);
        i.row.hidden = !(inGroup && inRole);
      }
      for (const i of info.filter((x) => x.isGroup)) {
        i.row.hidden = !info.some((x) => !x.isGroup && x.group === i.group && !x.row.hidden);
      }
    }
    const bar = document.createElement("div");
    bar.className = "sm-filters";
    if (groups.length > 1) {
      bar.append(
        select("Show category", [["", "All categories"], ...groups.map((g) => [g, g])], (v) => {
          filters.group = v;
          apply();
        }),
      );
    }
    if (matrix && matrix.roles.length) {
      bar.append(
        select("Show the skills of", [["", "Every role"], ...matrix.roles.map((r) => [r.id, r.title])], (v) => {
          filters.role = v;
          apply();
        }),
      );
    }
    if (bar.childElementCount) table.closest(".skills-matrix-wrapper").before(bar);
  }

  async function start() {
    const tables = document.querySelectorAll(".skills-matrix-wrapper table.skills-matrix");
    if (!tables.length) return;
    let matrix = null;
    try {
      const root = document.documentElement.dataset.content_root || "";
      matrix = await (await fetch(root + "skills-matrix.json")).json();
    } catch (error) {
      matrix = null; // filters by category still work
    }
    tables.forEach((table) => enhance(table, matrix));
  }

  /** Sticky table headers go just under the site's own sticky header, whatever its height. */
  function followHeader() {
    const header = document.querySelector(".bd-header, header");
    if (!header || getComputedStyle(header).position !== "sticky") return;
    const place = () =>
      document.documentElement.style.setProperty("--sm-top", header.getBoundingClientRect().height + "px");
    place();
    if (window.ResizeObserver) new ResizeObserver(place).observe(header);
  }

  /** Mark the tables that fit their column: only those stick to the page as it scrolls. */
  function markFits() {
    const article = document.querySelector(".bd-article-container");
    if (article) article.classList.remove("sm-holds-fitting-table");
    let any = false;
    for (const wrapper of document.querySelectorAll(".skills-matrix-wrapper")) {
      const table = wrapper.querySelector("table");
      if (!table) continue;
      wrapper.classList.remove("sm-fits");
      const room = wrapper.getBoundingClientRect().width;
      const fits = table.getBoundingClientRect().width <= room + 0.5;
      wrapper.classList.toggle("sm-fits", fits);
      any = any || fits;
    }
    // (a class, not :has(): EPUB readers and epubcheck do not know :has())
    if (article && any) article.classList.add("sm-holds-fitting-table");
  }

  followHeader();
  markFits();
  window.addEventListener("resize", markFits);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
