/* The self-assessment's tools: keep, share or bring back the answers. A name; a profile
 * imported from a file or exported as one the command line reads; a link to the answers;
 * today's answers saved as a snapshot; clear, with an undo; and a line saying what each did.
 * (window.SkillsMatrixTools, after skills-answer.js.) */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./skills-assess.js"), require("./skills-answer.js"), require("./skills-profile.js"), require("./skills-locale.js"));
  } else root.SkillsMatrixTools = factory(root.SkillsMatrixAssess, root.SkillsMatrixAnswer, root.SkillsMatrixProfile, root.SkillsMatrixLocale);
})(globalThis, function (A, H, P, L) {
  "use strict";
  const { _, format } = L;
  const { el, setText } = H;
  /** @typedef {ReturnType<import("./skills-form-state.js")["formState"]>} State */

  /**
   * The tools over *state*; *progress* keeps the snapshots (skills-progress.js). *on* is
   * told what the page must follow: `replaced()` after the answers were replaced (an
   * import, a clear, an undo), `cleared()` after a clear (a link's preview ends with it),
   * `saved()` after a snapshot.
   * @param {State} state
   * @param {{save(answers: object, aim: string, today: string): string}} progress
   * @param {{replaced(): void, cleared(): void, saved(): void}} on
   */
  function tools(state, progress, on) {
    const message = el("p", { class: "sm-status", role: "status" });
    /** @param {string} text */
    const status = (text) => setText(message, text);

    const nameInput = /** @type {HTMLInputElement} */ (el("input", { id: "sm-profile-name", type: "text", autocomplete: "name" }));
    nameInput.addEventListener("input", () => {
      state.rename(nameInput.value);
      show();
    });
    const fileInput = /** @type {HTMLInputElement} */ (el("input", { id: "sm-import", type: "file", accept: ".yaml,.yml,text/yaml" }));
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files && fileInput.files[0];
      if (!file) return;
      let profile;
      try {
        profile = A.parseProfile(await file.text());
      } catch (error) {
        status(format(_("Nothing was imported from {file}: {error}."), { file: file.name, error: error.message }));
        return;
      }
      const said = state.imported(profile, file.name);
      on.replaced();
      status(said);
    });
    const exportButton = el("button", { type: "button", text: _("Export profile (YAML)") });
    exportButton.addEventListener("click", () => {
      const today = P.isoDate(new Date());
      const blob = new Blob([A.profileYaml(state.name || null, state.answers, state.aim || null, today)], { type: "text/yaml" });
      const link = el("a", { href: URL.createObjectURL(blob), download: P.fileName(state.name, today) });
      document.body.append(link);
      link.click();
      link.remove();
    });
    const shareButton = el("button", { type: "button", text: _("Copy a link to these answers") });
    const shareOutput = /** @type {HTMLInputElement} */ (
      el("input", { type: "text", readonly: "", class: "sm-share", "aria-label": _("Link to these answers"), hidden: "" })
    );
    shareButton.addEventListener("click", async () => {
      const url = new URL(window.location.href);
      url.hash = P.linkHash(state.answers, state.aim);
      shareOutput.value = url.toString();
      shareOutput.hidden = false;
      try {
        await navigator.clipboard.writeText(url.toString());
        status(_("Link copied."));
      } catch (error) {
        shareOutput.select();
        status(_("Copy the link below."));
      }
    });
    const clearButton = el("button", { type: "button", text: _("Clear answers") });
    const undoButton = el("button", { type: "button", class: "sm-undo", text: _("Undo clear"), hidden: "" });
    clearButton.addEventListener("click", () => {
      const any = state.count() > 0 || state.name !== "";
      const said = state.clear();
      if (any) {
        on.cleared();
        on.replaced();
      }
      status(said);
    });
    undoButton.addEventListener("click", () => {
      const said = state.undo();
      if (!said) return;
      on.replaced();
      status(said);
      clearButton.focus();
    });
    const snapshotButton = el("button", { type: "button", text: _("Save today's answers"), "aria-describedby": "sm-snapshot-words" });
    snapshotButton.addEventListener("click", () => {
      status(progress.save(state.answers, state.aim, P.isoDate(new Date())));
      on.saved();
    });

    const node = el(
      "section",
      { class: "sm-tools", id: "sm-keep", "aria-labelledby": "sm-keep-heading" },
      el("h2", { id: "sm-keep-heading", text: _("Keep, share or bring back your answers") }),
      el("p", { text: _("Your answers stay in this browser. Export them as a profile the command line reads, import one, or copy a link.") }),
      el("p", {
        id: "sm-snapshot-words",
        text: _("Save today's answers keeps a dated copy of them here, beside the answers you keep changing: on a later day the page says what changed since."),
      }),
      el("label", { for: "sm-profile-name", text: _("Your name (optional)") }),
      nameInput,
      el("label", { for: "sm-import", text: _("Import a profile") }),
      fileInput,
      el("div", { class: "sm-buttons" }, exportButton, shareButton, snapshotButton, clearButton, undoButton),
      shareOutput,
      message,
    );

    /** The name and the undo as the state has them. */
    function show() {
      if (nameInput.value !== state.name) nameInput.value = state.name;
      undoButton.hidden = !state.canUndo;
    }

    return { node, status, show };
  }

  return { tools };
});
