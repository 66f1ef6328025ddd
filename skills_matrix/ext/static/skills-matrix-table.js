/* The generated tables' filters (HTML only; the table itself is complete without them): the
 * controls come with the page (skills_matrix/ext/filters.py), each option naming the body rows
 * it keeps (the steps between them: "1x7 2" is rows 1 to 7 and 9); this hides the rows left
 * out. Also: header rows held under the site's header, also where a table scrolls sideways. */
// @ts-check
(function () {
  "use strict";

  function enhance(bar) {
    const wrapper = bar.nextElementSibling;
    const table = wrapper && wrapper.querySelector("table.skills-matrix");
    if (!table) return;
    const rows = [...table.tBodies[0].rows];
    const selects = [...bar.querySelectorAll("select")];
    function apply() {
      /** @type {Set<number> | null} */
      let kept = null; // null: every row
      for (const select of selects) {
        const option = select.selectedOptions[0];
        if (!option || option.dataset.steps === undefined) continue; // "every …": no steps
        const these = new Set();
        let row = 0; // the steps from one kept row to the next: "3" or "7x20" (20 steps of 7)
        for (const step of option.dataset.steps.split(" ").filter(Boolean)) {
          const [size, times] = step.split("x").map(Number);
          for (let n = 0; n < (times === undefined ? 1 : times); n++) these.add((row += size));
        }
        kept = kept === null ? these : new Set([...kept].filter((index) => these.has(index)));
      }
      let group = null;
      let shown = 0;
      const close = () => {
        if (group) group.hidden = shown === 0;
      };
      rows.forEach((row, index) => {
        if (row.classList.contains("skills-matrix-group")) {
          close();
          group = row;
          shown = 0;
          return;
        }
        row.hidden = kept !== null && !kept.has(index);
        if (!row.hidden) shown += 1;
      });
      close();
    }
    for (const select of selects) select.addEventListener("change", apply);
    apply(); // a browser may restore a choice made before reloading
  }

  function start() {
    document.querySelectorAll(".sm-filters").forEach(enhance);
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

  /** A table too wide for its column scrolls sideways in its own box, where a sticky header
   * row can only stick to that box, not to the page: while the page scrolls past such a
   * table, its header row is moved down to stay under the site's header. A transform moves
   * nothing else on the page, and the row still scrolls sideways with its columns. */
  function holdHeaders() {
    let queued = false;
    const hold = () => {
      queued = false;
      const top = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--sm-top")) || 0;
      for (const wrapper of document.querySelectorAll(".skills-matrix-wrapper")) {
        const table = /** @type {HTMLTableElement | null} */ (wrapper.querySelector("table.skills-matrix"));
        const head = table && table.tHead;
        if (!head) continue;
        const moved = Number(head.dataset.smDown || 0);
        const fits = wrapper.classList.contains("sm-fits");
        if (fits && !moved) continue; // sticks by CSS alone: nothing to measure while scrolling
        const from = head.getBoundingClientRect().top - moved; // where the row is, unmoved
        const room = table.getBoundingClientRect().bottom - from - head.offsetHeight;
        const down = fits ? 0 : Math.min(Math.max(top - from, 0), room);
        if (down === moved) continue;
        head.dataset.smDown = String(down);
        head.style.transform = down > 0 ? "translateY(" + down + "px)" : "";
      }
    };
    const later = () => {
      if (!queued) requestAnimationFrame(hold);
      queued = true;
    };
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
  }

  followHeader();
  markFits();
  holdHeaders();
  window.addEventListener("resize", markFits);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
