/* The self-assessment's answer, written as every surface gives it: where the reader stands
 * (per ladder), what they work towards and how far, and the next three steps; and the few DOM
 * helpers the form shares with it. Reads only what skills-assess.js computed, in
 * skills-words.js's words (window.SkillsMatrixAnswer, after both). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-assess.js"), require("./skills-words.js"), require("./skills-locale.js"));
  else root.SkillsMatrixAnswer = factory(root.SkillsMatrixAssess, root.SkillsMatrixWords, root.SkillsMatrixLocale);
})(globalThis, function (A, W, L) {
  "use strict";
  const { _, ngettext, format } = L;

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  /** Set a node's text only when it differs: an unchanged text costs the page no layout. */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** A bar, filled by its set(share, label), with a mark where the role starts to fit
   * (*line*, if given). */
  function bar(line) {
    const fill = el("div", { class: "sm-bar-fill" });
    const out = el("div", { class: "sm-bar", role: "img" }, fill);
    if (line !== undefined) {
      out.append(el("div", { class: "sm-bar-line", style: "inset-inline-start: " + A.wholePercent(line) + "%" }));
    }
    out.set = (share, label) => {
      const width = (share === null ? 0 : A.wholePercent(share)) + "%";
      if (fill.style.width !== width) fill.style.width = width;
      if (out.getAttribute("aria-label") !== label) out.setAttribute("aria-label", label);
    };
    return out;
  }

  /** The answers to *matrix* at *threshold*, written: {verdict(role), answer(result),
   * said(result), verdictLine(result), card(def, pointsOf), shown(role, points)}; the words
   * are skills-words.js's. */
  function writer(matrix, threshold) {
    const percent = A.percent;
    const number = A.number;
    const words = W.words(matrix, threshold);
    const verdict = words.verdict;
    const levels = new Map(matrix.levels.map((level) => [level.id, level]));
    const skillsById = new Map(matrix.skills.map((skill) => [skill.id, skill]));
    const rolesById = new Map(matrix.roles.map((role) => [role.id, role]));
    const respById = new Map(matrix.responsibilities.map((r) => [r.id, r]));
    const CLASSES = { standing: "sm-standing", points: "sm-points", towards: "sm-target" };

    /** A sentence's nodes: its lead strong, then its words (a role or skill by its title). */
    const nodesOf = (sentence) =>
      (sentence.lead ? [el("strong", { text: sentence.lead })] : []).concat(
        sentence.parts.map((part) => (typeof part === "string" ? part : part.title)),
      );

    /** The answer block for *result*; *answered* is how many skills have an answer (none:
     * the block says how to start instead of judging an empty form). */
    function answer(result, answered) {
      const out = el("div", { class: "sm-answer" });
      if (!answered) {
        out.append(
          el("p", { class: "sm-waiting", text: _("No answers yet. Pick your level in each skill (“None yet” counts too); where you stand, what you are working towards and your next three steps appear here.") }),
        );
        return out;
      }
      let ladders = null;
      let steps = null;
      for (const sentence of words.sentences(result)) {
        if (sentence.kind === "ladder") {
          if (!ladders) out.append((ladders = el("ul", { class: "sm-ladders" })));
          ladders.append(el("li", {}, ...nodesOf(sentence)));
        } else if (sentence.kind === "step") {
          if (!steps) out.append((steps = el("ol", { class: "sm-next-steps" })));
          const item = el("li", {}, ...nodesOf(sentence));
          if (sentence.words) item.append(el("div", { class: "sm-descriptor", text: sentence.words }));
          if (sentence.links.length) {
            // a list, as the pages give them: titles never run together
            const links = el("ul", { class: "sm-links" });
            for (const link of sentence.links) {
              const read = link.accessed ? " " + format(_("(read {date})"), { date: link.accessed }) : "";
              links.append(el("li", {}, el("a", { href: link.url, text: link.title || link.url }), read));
            }
            item.append(links);
          }
          steps.append(item);
        } else {
          out.append(el("p", Object.hasOwn(CLASSES, sentence.kind) ? { class: CLASSES[sentence.kind] } : {}, ...nodesOf(sentence)));
        }
      }
      return out;
    }

    /** What the answer block says, as one string: it is rewritten only when that changes. */
    const said = (result, answered) =>
      JSON.stringify([
        Boolean(answered),
        result.answer,
        result.tracks,
        result.points,
        result.target && [result.target.fit, verdict(result.target)],
      ]);

    /** A role's card, written once, in the matrix's order; fill() shows a result in it.
     * Nothing is added, removed or moved afterwards: a long framework's page restyles and
     * lays out only the words and bars an answer changes. */
    function card(def, pointsOf) {
      const t = def.threshold !== null && def.threshold !== undefined ? def.threshold : threshold;
      const value = el("strong", { class: "sm-fit-value" });
      const judged = el("span", { class: "sm-verdict" });
      const met = el("span", { class: "sm-met" });
      const fitBar = bar(t);
      const node = el(
        "article",
        { class: "sm-role", id: "sm-role-" + def.id, "data-role": def.id },
        el("h3", { text: def.title }),
        el("p", { class: "sm-fit" }, value, " — ", judged, met),
        fitBar,
      );
      const ownFit = def.extends ? el("p", { class: "sm-own-fit" }) : null;
      if (ownFit) node.append(ownFit);
      const coverage = new Map();
      if (def.effective_responsibilities.length) {
        const list = el("ul", { class: "sm-coverage" });
        for (const id of def.effective_responsibilities) {
          const item = { text: el("span"), bar: bar() };
          item.bar.setAttribute("aria-hidden", "true"); // its text says the same
          coverage.set(id, item);
          list.append(el("li", {}, item.text, item.bar));
        }
        node.append(el("p", { text: _("Coverage of each responsibility:") }), list);
      }
      // the gaps are written when the reader opens them (a long framework has many)
      const count = el("summary");
      const gaps = el("details", {}, count);
      node.append(gaps);
      const entry = { node, text: null, role: null };
      const writeGaps = () => {
        const list = el("ul", { class: "sm-gaps" });
        for (const gap of entry.role.gaps) {
          const given = gap.actual ? levels.get(gap.actual).title : gap.assessed ? _("none yet") : _("not assessed");
          const needs = gap.required ? _("{skill}: needs {level} (required), has {actual}") : _("{skill}: needs {level}, has {actual}");
          const values = { skill: skillsById.get(gap.skill).title, level: levels.get(gap.expected).title, actual: given };
          list.append(el("li", { text: format(needs, values) }));
        }
        gaps.append(list);
      };
      gaps.filled = () => gaps.querySelector(".sm-gaps") || writeGaps();
      gaps.addEventListener("toggle", () => gaps.open && gaps.filled());
      entry.fill = (role) => {
        entry.role = role;
        setText(value, percent(role.fit));
        setText(judged, verdict(role));
        const points = pointsOf();
        const byPoints = role.points !== null && !role.expected && points;
        setText(
          met,
          " (" +
            (byPoints
              ? format(_("{total} of {need} points"), { total: number(points.total), need: number(role.points.need) })
              : format(_("{met} of {expected} expected skills met"), { met: role.met, expected: role.expected })) +
            ")",
        );
        fitBar.set(role.fit, format(_("fit {fit}, fits from {threshold}"), { fit: percent(role.fit), threshold: percent(role.threshold) }));
        if (ownFit) {
          const own = _("Own expectations, beyond {role}: {percent}");
          setText(ownFit, format(own, { role: rolesById.get(def.extends).title, percent: percent(role.own_fit) }));
        }
        for (const item of role.responsibilities) {
          const line = coverage.get(item.id);
          setText(line.text, respById.get(item.id).title + ": " + percent(item.coverage));
          line.bar.set(item.coverage, percent(item.coverage));
        }
        if (gaps.hidden !== !role.gaps.length) gaps.hidden = !role.gaps.length;
        setText(count, format(ngettext("{count} gap", "{count} gaps", role.gaps.length), { count: role.gaps.length }));
        const written = gaps.querySelector(".sm-gaps");
        if (written) written.remove();
        if (gaps.open) writeGaps();
      };
      return entry;
    }

    /** What a role's card shows, as one string: a card is filled only when it changes. */
    const shown = (role, points) =>
      [role.fit, role.own_fit, role.fits, role.met, role.missing_required.length]
        .concat(role.points && points ? [points.total] : [])
        .concat(role.responsibilities.map((item) => item.coverage))
        .concat(role.gaps.map((gap) => gap.skill + ":" + gap.actual + ":" + gap.assessed))
        .join("|");

    return { answer, card, describe: words.describe, said, shown, verdict, verdictLine: words.verdictLine };
  }

  return { bar, el, setText, writer };
});
