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

  function bar(share, label) {
    const value = share === null ? 0 : parseInt(percent(share), 10);
    return el(
      "div",
      { class: "sm-bar", role: "img", "aria-label": label },
      el("div", { class: "sm-bar-fill", style: "width: " + value + "%" }),
    );
  }

  function init(box, matrix, text) {
    const storageKey = "skills-matrix:answers:" + A.fingerprint(text);
    const given = box.querySelector(".sm-threshold-value");
    const threshold = given ? parseFloat(given.textContent) : matrix.default_threshold;
    const levels = new Map(matrix.levels.map((level) => [level.id, level]));
    const skillsById = new Map(matrix.skills.map((skill) => [skill.id, skill]));
    const respById = new Map(matrix.responsibilities.map((r) => [r.id, r]));
    let answers = {};
    let name = "";

    const form = el("form", { class: "sm-form", "aria-label": "Your level in each skill" });
    const results = el("section", {
      class: "sm-results",
      "aria-live": "polite",
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

    for (const group of matrix.groups) {
      const fieldset = el("fieldset", { class: "sm-category" }, el("legend", { text: group.title }));
      for (const skill of group.skills.map((id) => skillsById.get(id))) {
        const id = "sm-skill-" + skill.id;
        const select = el("select", { id: id, name: skill.id, "aria-describedby": id + "-hint" });
        select.append(el("option", { value: "", text: "Not assessed" }));
        for (const level of matrix.levels) select.append(el("option", { value: level.id, text: level.title }));
        const hint = el("small", { id: id + "-hint", class: "sm-hint" });
        const changed = () => {
          if ((answers[skill.id] || "") === select.value) return;
          if (select.value) answers[skill.id] = select.value;
          else delete answers[skill.id];
          update();
        };
        // "input" too: a closed select changed with the arrow keys may fire only that
        select.addEventListener("input", changed);
        select.addEventListener("change", changed);
        selects.set(skill.id, { select, hint });
        fieldset.append(
          el("div", { class: "sm-skill" }, el("label", { for: id, text: skill.title }), select, hint),
        );
      }
      form.append(fieldset);
    }

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
      apply(profile.skills, profile.name || "");
      status("Imported " + Object.keys(answers).length + " answers from " + file.name + ".");
    });
    const exportButton = el("button", { type: "button", text: "Export profile (YAML)" });
    exportButton.addEventListener("click", () => {
      const blob = new Blob([A.profileYaml(name || null, answers)], { type: "text/yaml" });
      const link = el("a", { href: URL.createObjectURL(blob), download: "profile.yaml" });
      document.body.append(link);
      link.click();
      link.remove();
    });
    const shareButton = el("button", { type: "button", text: "Copy a link to these answers" });
    const shareOutput = el("input", { type: "text", readonly: "", class: "sm-share", "aria-label": "Link to these answers" });
    shareButton.addEventListener("click", async () => {
      const url = new URL(window.location.href);
      url.hash = "answers=" + encodeURIComponent(Object.entries(answers).map((p) => p.join(":")).join(","));
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
    clearButton.addEventListener("click", () => apply({}, ""));
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

    function save() {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ name: name, answers: answers }));
      } catch (error) {
        /* private browsing: answers simply are not kept */
      }
    }

    function apply(skills, newName) {
      answers = {};
      for (const [skill, level] of Object.entries(skills)) {
        if (skillsById.has(skill) && levels.has(level)) answers[skill] = level;
      }
      name = newName;
      nameInput.value = name;
      for (const [skill, { select }] of selects) select.value = answers[skill] || "";
      update();
    }

    function update() {
      for (const [skill, { hint }] of selects) {
        hint.textContent = answers[skill] ? levels.get(answers[skill]).description || "" : "";
      }
      save();
      const result = A.assess(matrix, answers, threshold);
      results.replaceChildren(el("h2", { text: "How your answers fit each role" }));
      for (const role of result.roles) {
        const verdict = role.fit === null ? "no expectations" : role.fits ? "fits" : "does not fit";
        const card = el(
          "article",
          { class: "sm-role", "data-role": role.id },
          el("h3", { text: role.title }),
          el(
            "p",
            { class: "sm-fit" },
            el("strong", { class: "sm-fit-value", text: percent(role.fit) }),
            " — ",
            el("span", { class: "sm-verdict", text: verdict }),
            " (" + role.met + " of " + role.expected + " expected skills met)",
          ),
          bar(role.fit, "fit " + percent(role.fit)),
        );
        const coverage = el("ul", { class: "sm-coverage" });
        for (const item of role.responsibilities) {
          coverage.append(
            el(
              "li",
              {},
              el("span", { text: respById.get(item.id).title + ": " + percent(item.coverage) }),
              bar(item.coverage, percent(item.coverage)),
            ),
          );
        }
        card.append(el("p", { text: "Coverage of each responsibility:" }), coverage);
        if (role.gaps.length) {
          const gaps = el("ul", { class: "sm-gaps" });
          for (const gap of role.gaps) {
            const has = gap.actual ? levels.get(gap.actual).title : "not assessed";
            gaps.append(
              el("li", {
                text: skillsById.get(gap.skill).title + ": needs " + levels.get(gap.expected).title + ", has " + has,
              }),
            );
          }
          const details = el("details", {}, el("summary", { text: role.gaps.length + " gaps" }), gaps);
          card.append(details);
        }
        results.append(card);
      }
    }

    box.querySelectorAll(".sm-needs-js").forEach((node) => (node.hidden = true));
    box.append(tools, el("div", { class: "sm-layout" }, form, results));

    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(storageKey) || "{}");
    } catch (error) {
      saved = {};
    }
    const shared = /(?:^#|&)answers=([^&]*)/.exec(window.location.hash);
    if (shared) {
      const skills = {};
      for (const pair of decodeURIComponent(shared[1]).split(",")) {
        const [skill, level] = pair.split(":");
        if (skill && level) skills[skill] = level;
      }
      apply(skills, "");
      status("Answers loaded from the link.");
    } else {
      apply(saved.answers || {}, saved.name || "");
    }
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
