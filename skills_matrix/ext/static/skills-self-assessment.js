/* The self-assessment form: pick a level for each skill and see, live, how well the answers
 * fit each role. Answers stay in this browser (localStorage, keyed by a fingerprint of the
 * matrix, so answers for another version of it are never applied), can be exported as a
 * profile the command line reads, imported, and shared as a link. */
(function () {
  "use strict";
  const A = window.SkillsMatrixAssess;

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

  const percent = A.percent;
  const NONE_YET = "-"; // the select's value (and the shared link's) for "assessed, none yet"
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

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
      out.append(el("div", { class: "sm-bar-line", style: "left: " + parseInt(percent(line), 10) + "%" }));
    }
    out.set = (share, label) => {
      const width = (share === null ? 0 : parseInt(percent(share), 10)) + "%";
      if (fill.style.width !== width) fill.style.width = width;
      if (out.getAttribute("aria-label") !== label) out.setAttribute("aria-label", label);
    };
    return out;
  }

  function init(box, matrix, text) {
    const storageKey = "skills-matrix:answers:" + A.fingerprint(text);
    const given = box.querySelector(".sm-threshold-value");
    const threshold = given ? parseFloat(given.textContent) : matrix.default_threshold;
    const aimGiven = box.querySelector(".sm-aim-value");
    const pageAim = aimGiven ? aimGiven.textContent : "";
    const levels = new Map(matrix.levels.map((level) => [level.id, level]));
    const skillsById = new Map(matrix.skills.map((skill) => [skill.id, skill]));
    const respById = new Map(matrix.responsibilities.map((r) => [r.id, r]));
    let answers = Object.create(null); // skill id -> level id, or null: "none yet"
    let name = "";
    let aim = pageAim; // the role worked towards; "": the computed target

    const valueOf = (skill) => (!has(answers, skill) ? "" : answers[skill] === null ? NONE_YET : answers[skill]);
    const describe = (skill, level) => {
      const described = skillsById.get(skill).levels;
      return has(described, level) ? described[level].description : levels.get(level).description || "";
    };
    const rolesById = new Map(matrix.roles.map((role) => [role.id, role]));
    const number = A.number;
    const tracksById = new Map(matrix.tracks.map((track) => [track.id, track]));

    const form = el("form", { class: "sm-form", "aria-label": "Your level in each skill" });
    const counter = el("p", { class: "sm-count" });
    form.append(counter);
    // on phones the results come after the form: this line of them stays in view meanwhile
    // (hidden from screen readers, which hear the verdict line below)
    const summary = el("p", { class: "sm-summary", "aria-hidden": "true" });
    // what a screen reader hears after an answer: the verdict line, and only when it changes
    // (not the whole results, some 1,800 characters)
    const announce = el("p", { class: "sm-announce", role: "status" });
    const results = el("section", {
      class: "sm-results",
      "aria-label": "How your answers fit each role",
    });
    const selects = new Map();

    const scale = el("details", { class: "sm-scale" }, el("summary", { text: "The levels" }));
    const list = el("dl");
    for (const level of matrix.levels) {
      list.append(el("dt", { text: level.title }), el("dd", { text: level.description || "" }));
    }
    scale.append(list);
    form.append(scale);

    /** One category's fieldset of skills, each select showing the current answer. */
    function fieldsetOf(group) {
      const fieldset = el("fieldset", { class: "sm-category" }, el("legend", { text: group.title }));
      for (const skill of group.skills.map((id) => skillsById.get(id))) {
        const id = "sm-skill-" + skill.id;
        const select = el("select", { id: id, name: skill.id, "aria-describedby": id + "-hint" });
        select.append(
          el("option", { value: "", text: "Not assessed" }),
          el("option", { value: NONE_YET, text: "None yet" }),
        );
        for (const level of matrix.levels) {
          const points = level.points === null || level.points === undefined ? "" : " (" + number(level.points) + " points)";
          select.append(el("option", { value: level.id, text: level.title + points }));
        }
        const hint = el("small", { id: id + "-hint", class: "sm-hint" });
        const changed = () => {
          if (valueOf(skill.id) === select.value) return;
          if (select.value === "") delete answers[skill.id];
          else answers[skill.id] = select.value === NONE_YET ? null : select.value;
          update(skill.id);
        };
        // "input" too: a closed select changed with the arrow keys may fire only that
        select.addEventListener("input", changed);
        select.addEventListener("change", changed);
        selects.set(skill.id, { select, hint });
        select.value = valueOf(skill.id);
        hintOf(skill.id);
        const row = el("div", { class: "sm-skill" }, el("label", { for: id, text: skill.title }), select, hint);
        const described = matrix.levels.filter((level) => has(skill.levels, level.id));
        if (described.length) {
          const scaleOfSkill = el("dl");
          for (const level of described) {
            scaleOfSkill.append(
              el("dt", { text: level.title }),
              el("dd", { text: skill.levels[level.id].description }),
            );
          }
          row.append(
            el("details", { class: "sm-skill-levels" }, el("summary", { text: "What each level looks like" }), scaleOfSkill),
          );
        }
        fieldset.append(row);
      }
      return fieldset;
    }

    // The first categories are written at once; the rest follow in small tasks, so that a
    // long framework's form is ready to use before all of it is written.
    const FIRST = 200;
    let written = 0;
    const later = [];
    for (const group of matrix.groups) {
      if (written < FIRST) form.append(fieldsetOf(group));
      else later.push(group);
      written += group.skills.length;
    }
    const placeholder = later.length ? el("p", { class: "sm-more", text: "More skills are loading…" }) : null;
    if (placeholder) form.append(placeholder);
    (function writeLater() {
      if (!later.length) return;
      setTimeout(() => {
        let budget = FIRST;
        while (later.length && budget > 0) {
          const group = later.shift();
          placeholder.before(fieldsetOf(group));
          budget -= group.skills.length;
        }
        if (later.length) writeLater();
        else placeholder.remove();
      }, 0);
    })();

    const nameInput = el("input", { id: "sm-profile-name", type: "text", autocomplete: "name" });
    nameInput.addEventListener("input", () => {
      name = nameInput.value;
      save();
    });
    const fileInput = el("input", { id: "sm-import", type: "file", accept: ".yaml,.yml,text/yaml" });
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files && fileInput.files[0];
      if (!file) return;
      let profile;
      try {
        profile = A.parseProfile(await file.text());
      } catch (error) {
        status("Nothing was imported from " + file.name + ": " + error.message + ".");
        return;
      }
      const ignored = apply(profile.skills, profile.name || "", profile.aim || "");
      status("Imported " + Object.keys(answers).length + " answers from " + file.name + "." + ignored);
    });
    const exportButton = el("button", { type: "button", text: "Export profile (YAML)" });
    exportButton.addEventListener("click", () => {
      const blob = new Blob([A.profileYaml(name || null, answers, aim || null)], { type: "text/yaml" });
      const link = el("a", { href: URL.createObjectURL(blob), download: "profile.yaml" });
      document.body.append(link);
      link.click();
      link.remove();
    });
    const shareButton = el("button", { type: "button", text: "Copy a link to these answers" });
    const shareOutput = el("input", { type: "text", readonly: "", class: "sm-share", "aria-label": "Link to these answers" });
    shareButton.addEventListener("click", async () => {
      const url = new URL(window.location.href);
      url.hash =
        "answers=" +
        encodeURIComponent(
          Object.entries(answers)
            .map(([skill, level]) => skill + ":" + (level === null ? NONE_YET : level))
            .join(","),
        ) +
        (aim ? "&aim=" + encodeURIComponent(aim) : "");
      shareOutput.value = url.toString();
      try {
        await navigator.clipboard.writeText(url.toString());
        status("Link copied.");
      } catch (error) {
        shareOutput.select();
        status("Copy the link below.");
      }
    });
    const clearButton = el("button", { type: "button", text: "Clear answers" });
    clearButton.addEventListener("click", () => apply({}, "", pageAim));
    const message = el("p", { class: "sm-status", role: "status" });
    const status = (text) => (message.textContent = text);

    const tools = el(
      "div",
      { class: "sm-tools" },
      el("label", { for: "sm-profile-name", text: "Your name (optional)" }),
      nameInput,
      el("label", { for: "sm-import", text: "Import a profile" }),
      fileInput,
      el("div", { class: "sm-buttons" }, exportButton, shareButton, clearButton),
      shareOutput,
      message,
    );

    let previewing = false; // answers from a shared link, shown but not saved until kept
    function save() {
      if (previewing) return;
      try {
        localStorage.setItem(storageKey, JSON.stringify({ name: name, answers: answers, aim: aim }));
      } catch (error) {
        /* private browsing: answers simply are not kept */
      }
    }

    /** Show these answers, name and aim (an aim left undefined stays as it is); returns
     * what was ignored, in words ("" when nothing was). */
    function apply(skills, newName, newAim) {
      answers = Object.create(null);
      for (const [skill, level] of Object.entries(skills || {})) {
        if (skillsById.has(skill) && (level === null || levels.has(level))) answers[skill] = level;
      }
      name = newName;
      nameInput.value = name;
      let ignored = "";
      if (newAim !== undefined) {
        if (newAim === "" || rolesById.has(newAim)) aim = newAim;
        else {
          ignored = " The aim " + JSON.stringify(newAim) + " names no role of this matrix; it was ignored.";
          aim = pageAim;
        }
        aimSelect.value = aim;
      }
      for (const [skill, { select }] of selects) select.value = valueOf(skill);
      update();
      return ignored;
    }

    /** Whether a role fits, and why not; its own threshold when it is not the page's. */
    function verdict(role) {
      if (role.fit === null) return "no expectations";
      let words = role.fits ? "fits" : role.missing_required.length ? "does not fit: a required skill is missing" : "does not fit";
      const byPoints = role.points !== null && role.points !== undefined && !role.expected;
      if (role.threshold !== threshold && !byPoints) words += " (fits at " + percent(role.threshold) + ")";
      return words;
    }

    const titleOf = (id) => rolesById.get(id).title;
    const bandTitle = (id) => {
      const band = matrix.bands.find((b) => b.id === id);
      return band.title ? band.id + " (" + band.title + ")" : band.id;
    };
    const categoryTitle = (id) => {
      if (id === null) return "Other skills";
      const found = matrix.categories.find((c) => c.id === id);
      return found ? found.title : id;
    };
    /** "7 more points to Senior Engineer", when the role needs more points than the total. */
    function pointsToGo(result, role) {
      if (!role.points || result.points === null || result.points.total >= role.points.need) return "";
      return number(role.points.need - result.points.total) + " more points to " + role.title;
    }

    /** The answer, in the order every surface gives it: where the reader stands (per
     * ladder), what they work towards and how far, and the next three steps. */
    function answer(result) {
      const out = el("div", { class: "sm-answer" });
      const standing = result.answer.standing;
      out.append(
        el("p", { class: "sm-standing" }, el("strong", { text: "Where you stand: " }),
          standing.length ? standing.map(titleOf).join(", ") + "." : "no role fits yet."),
      );
      if (result.tracks.length) {
        const ladders = el("ul", { class: "sm-ladders" });
        for (const position of result.tracks) {
          const where = position.current ? titleOf(position.current) + " fits" : "no role fits yet";
          const next = position.next ? "; next: " + titleOf(position.next) : "";
          ladders.append(el("li", { text: "On the " + tracksById.get(position.id).title + " ladder: " + where + next + "." }));
        }
        out.append(ladders);
      }
      const points = result.points;
      if (points) {
        let line = number(points.total);
        if (points.band !== null) {
          line += ", band " + bandTitle(points.band);
          if (points.next_band !== null) line += "; " + number(points.to_next_band) + " more to " + bandTitle(points.next_band);
        }
        const by = points.by_category.map((c) => categoryTitle(c.id) + " " + number(c.total));
        if (by.length) line += " (" + by.join(", ") + ")";
        out.append(el("p", { class: "sm-points" }, el("strong", { text: "Points: " }), line + "."));
      }
      const target = result.target;
      if (!target) {
        out.append(el("p", {}, el("strong", { text: "Working towards: " }), "nothing further; every role fits."));
        return out;
      }
      const why = result.answer.aim === target.id ? "your aim" : "the next role for you";
      const toGo = pointsToGo(result, target);
      out.append(
        el("p", { class: "sm-target" }, el("strong", { text: "Working towards: " }),
          target.title + " (" + why + ") — " + percent(target.fit) + ", " + verdict(target) + (toGo ? "; " + toGo : "") + "."),
      );
      if (result.answer.aim === target.id && target.fits) {
        out.append(el("p", { text: "Aim reached: the role you aim at fits." }));
      }
      const steps = result.answer.next_steps;
      if (!steps.length) {
        out.append(el("p", { text: "No next steps: every skill the role expects is met." }));
        return out;
      }
      out.append(el("p", { text: "Next steps towards " + target.title + ":" }));
      const list = el("ol", { class: "sm-next-steps" });
      const effective = rolesById.get(target.id).effective;
      for (const step of steps) {
        const skill = skillsById.get(step.skill);
        let said;
        let words;
        if (step.to !== undefined) {
          said = skill.title + ": raise to " + levels.get(step.to).title + ", +" + number(step.points) + " points";
          words = describe(step.skill, step.to);
        } else {
          said =
            skill.title + ": reach " + levels.get(step.expected).title + (step.required ? " (required)" : "") +
            ", " + step.short + (step.short === 1 ? " level up" : " levels up") + ", +" + percent(step.gain) + " of the fit";
          words = effective[step.skill].words || "";
        }
        const item = el("li", {}, said);
        if (words) item.append(el("div", { class: "sm-descriptor", text: words }));
        for (const link of skill.links) {
          item.append(" ", el("a", { href: link.url, text: link.title || link.url }));
        }
        list.append(item);
      }
      out.append(list);
      return out;
    }

    /** What the answer block says, as one string: it is rewritten only when that changes. */
    const said = (result) =>
      JSON.stringify([
        result.answer,
        result.tracks,
        result.points,
        result.target && [result.target.fit, verdict(result.target)],
      ]);

    /** A role's card, written once, in the matrix's order; fill() shows a result in it.
     * Nothing is added, removed or moved afterwards: a long framework's page restyles and
     * lays out only the words and bars an answer changes. */
    function cardOf(def) {
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
        node.append(el("p", { text: "Coverage of each responsibility:" }), list);
      }
      // the gaps are written when the reader opens them (a long framework has many)
      const count = el("summary");
      const gaps = el("details", {}, count);
      node.append(gaps);
      const entry = { node, text: null, role: null };
      const writeGaps = () => {
        const list = el("ul", { class: "sm-gaps" });
        for (const gap of entry.role.gaps) {
          const given = gap.actual ? levels.get(gap.actual).title : gap.assessed ? "none yet" : "not assessed";
          list.append(
            el("li", {
              text:
                skillsById.get(gap.skill).title + ": needs " + levels.get(gap.expected).title +
                (gap.required ? " (required)" : "") + ", has " + given,
            }),
          );
        }
        gaps.append(list);
      };
      gaps.filled = () => gaps.querySelector(".sm-gaps") || writeGaps();
      gaps.addEventListener("toggle", () => gaps.open && gaps.filled());
      entry.fill = (role) => {
        entry.role = role;
        setText(value, percent(role.fit));
        setText(judged, verdict(role));
        const byPoints = role.points !== null && !role.expected && last && last.points;
        setText(
          met,
          byPoints
            ? " (" + number(last.points.total) + " of " + number(role.points.need) + " points)"
            : " (" + role.met + " of " + role.expected + " expected skills met)",
        );
        fitBar.set(role.fit, "fit " + percent(role.fit) + ", fits from " + percent(role.threshold));
        if (ownFit) {
          setText(ownFit, "Own expectations, beyond " + rolesById.get(def.extends).title + ": " + percent(role.own_fit));
        }
        for (const item of role.responsibilities) {
          const line = coverage.get(item.id);
          setText(line.text, respById.get(item.id).title + ": " + percent(item.coverage));
          line.bar.set(item.coverage, percent(item.coverage));
        }
        if (gaps.hidden !== !role.gaps.length) gaps.hidden = !role.gaps.length;
        setText(count, role.gaps.length + " gaps");
        const written = gaps.querySelector(".sm-gaps");
        if (written) written.remove();
        if (gaps.open) writeGaps();
      };
      return entry;
    }

    /** What a role's card shows, as one string: a card is filled only when it changes. */
    const shown = (role) =>
      [role.fit, role.own_fit, role.fits, role.met, role.missing_required.length]
        .concat(role.points && last && last.points ? [last.points.total] : [])
        .concat(role.responsibilities.map((item) => item.coverage))
        .concat(role.gaps.map((gap) => gap.skill + ":" + gap.actual + ":" + gap.assessed))
        .join("|");

    // the results: the answer, every role by fit in one line each, then each role's card
    const heading = el("h2", { text: "How your answers fit each role" });
    const aimSelect = el("select", { id: "sm-aim" });
    aimSelect.append(el("option", { value: "", text: "The next role for me (computed)" }));
    for (const role of matrix.roles) aimSelect.append(el("option", { value: role.id, text: role.title }));
    aimSelect.value = aim;
    aimSelect.addEventListener("change", () => {
      if (aim === aimSelect.value) return;
      aim = aimSelect.value;
      update();
    });
    const aimRow = el("p", { class: "sm-aim-choice" }, el("label", { for: "sm-aim", text: "Working towards: " }), aimSelect);
    let answerBlock = el("div");
    let answerSaid = null;
    const ranking = el("ol", { class: "sm-ranking", "aria-label": "Roles, closest fit first" });
    const ranks = matrix.roles.map(() => {
      const row = { link: el("a"), rest: el("span"), key: null };
      ranking.append(el("li", {}, row.link, row.rest));
      return row;
    });
    const cards = new Map(matrix.roles.map((def) => [def.id, cardOf(def)]));
    const ranked = el("p", { class: "sm-ranked", text: "Every role, closest fit first:" });
    results.append(heading, announce, aimRow, answerBlock, ranked, ranking, ...[...cards.values()].map((entry) => entry.node));
    let last = null; // the latest result

    function hintOf(skill) {
      if (!selects.has(skill)) return; // its row is not written yet; it will show the answer
      const level = answers[skill];
      setText(selects.get(skill).hint, level ? describe(skill, level) : level === null ? "Assessed: none yet." : "");
    }

    /** Bring the page up to date with the answers; *changed* names the one skill that
     * changed, when only one did: only its hint, the cards whose results moved and the
     * lines of the ranking whose role or figures changed are written. */
    function update(changed) {
      if (changed === undefined) for (const skill of selects.keys()) hintOf(skill);
      else hintOf(changed);
      save();
      const answered = Object.keys(answers).length;
      setText(counter, answered + " of " + matrix.skills.length + " skills answered");
      // one answer changed: the roles it cannot move keep their results
      const since = changed !== undefined && last ? { result: last, changed: [changed] } : undefined;
      const result = A.assess(matrix, answers, threshold, since, { aim: aim || null, role: null });
      last = result;
      const words = said(result);
      if (words !== answerSaid) {
        const fresh = answer(result);
        answerBlock.replaceWith(fresh);
        answerBlock = fresh;
        answerSaid = words;
      }
      const target = result.target;
      const verdictLine = target
        ? "Towards " + target.title + " — " + percent(target.fit) + ", " + verdict(target)
        : "Every role fits";
      setText(summary, verdictLine + " · " + counter.textContent);
      setText(announce, verdictLine + ".");
      result.roles.forEach((role, index) => {
        const row = ranks[index];
        const key = role.id + "|" + percent(role.fit) + "|" + verdict(role);
        if (row.key !== key) {
          row.key = key;
          setText(row.link, role.title);
          row.link.setAttribute("href", "#sm-role-" + role.id);
          setText(row.rest, ": " + percent(role.fit) + ", " + verdict(role));
        }
        const entry = cards.get(role.id);
        if (entry.role === role) return; // a result kept from the last answer
        const text = shown(role);
        if (entry.text !== text) entry.fill(role);
        entry.role = role;
        entry.text = text;
      });
    }

    // a printout shows every role's gaps, opened or not
    window.addEventListener("beforeprint", () => results.querySelectorAll("details").forEach((d) => d.filled && d.filled()));
    box.querySelectorAll(".sm-needs-js").forEach((node) => (node.hidden = true));
    box.append(tools, el("div", { class: "sm-layout" }, form, results));
    form.append(summary);
    box.classList.add("sm-ready");
    // the theme's article column scrolls sideways on its own, which would hold the sticky
    // results and summary to it; the form fits its column, so it need not
    const article = box.closest(".bd-article-container");
    if (article) article.classList.add("sm-holds-sticky");

    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(storageKey) || "{}");
    } catch (error) {
      saved = {};
    }
    const shared = /(?:^#|&)answers=([^&]*)/.exec(window.location.hash);
    let fromLink = null;
    try {
      fromLink = shared ? decodeURIComponent(shared[1]) : null;
    } catch (error) {
      status("The link's answers could not be read; your saved answers are shown.");
    }
    const stored = savedAnswers(saved);
    const linkAim = /(?:^#|&)aim=([^&]*)/.exec(window.location.hash);
    let sharedAim;
    try {
      sharedAim = linkAim ? decodeURIComponent(linkAim[1]) : undefined;
    } catch (error) {
      sharedAim = undefined;
    }
    if (fromLink !== null) {
      const skills = Object.create(null);
      for (const pair of fromLink.split(",")) {
        const [skill, level] = pair.split(":");
        if (skill && level) skills[skill] = level === NONE_YET ? null : level;
      }
      if (stored && Object.keys(stored.answers).length) {
        // never replace saved work without asking: show the link's answers, save nothing yet
        previewing = true;
        const ignored = apply(skills, "", sharedAim === undefined ? pageAim : sharedAim);
        const keep = el("button", { type: "button", text: "Keep these answers" });
        const back = el("button", { type: "button", text: "Back to my saved answers" });
        const ask = el(
          "div",
          { class: "sm-preview", role: "group", "aria-label": "Answers from a link" },
          el("p", { text: "These are the answers from the link. Your saved answers are kept until you choose:" }),
          keep,
          back,
        );
        keep.addEventListener("click", () => {
          previewing = false;
          save();
          ask.remove();
          status("The link's answers are now your saved answers.");
        });
        back.addEventListener("click", () => {
          previewing = false;
          ask.remove();
          apply(stored.answers, stored.name, stored.aim);
          status("Your saved answers are back.");
        });
        tools.after(ask);
        status("Showing the answers from the link; nothing is saved until you choose." + ignored);
      } else {
        const ignored = apply(skills, "", sharedAim === undefined ? pageAim : sharedAim);
        status("Answers loaded from the link." + ignored);
      }
    } else {
      const ignored = apply(stored ? stored.answers : {}, stored ? stored.name : "", stored ? stored.aim : pageAim);
      if (!stored) status("The answers saved in this browser could not be read; they were set aside.");
      else if (ignored) status(ignored.trim());
    }
  }

  /** What this browser saved, if it has the shape it should: {answers, name}; else null. */
  function savedAnswers(saved) {
    const fits =
      saved !== null &&
      typeof saved === "object" &&
      !Array.isArray(saved) &&
      (saved.answers === undefined ||
        (typeof saved.answers === "object" &&
          saved.answers !== null &&
          !Array.isArray(saved.answers) &&
          Object.values(saved.answers).every((v) => v === null || typeof v === "string")));
    if (!fits) return null;
    return {
      answers: saved.answers || {},
      name: typeof saved.name === "string" ? saved.name : "",
      aim: typeof saved.aim === "string" ? saved.aim : undefined,
    };
  }

  async function start() {
    const boxes = document.querySelectorAll(".sm-self-assessment");
    if (!boxes.length) return;
    const root = document.documentElement.dataset.content_root || "";
    try {
      const response = await fetch(root + "skills-matrix.json");
      const text = await response.text();
      const matrix = JSON.parse(text);
      boxes.forEach((box) => init(box, matrix, text));
    } catch (error) {
      boxes.forEach((box) =>
        box.append(el("p", { class: "sm-status", text: "The matrix could not be loaded: " + error })),
      );
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
