/* The self-assessment's state, without a page: the answers, the name and the aim; answers
 * from a shared link, shown but not kept until the reader chooses (the preview); a clear that
 * can be undone until the next change; and what this browser keeps of them. Every change
 * that is not a preview's is kept at once. Its methods return what to tell the reader, in
 * words; the views (skills-form-*.js) show the state and the words. No DOM: works in
 * browsers (window.SkillsMatrixFormState, after skills-profile.js) and in Node.js (require). */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./skills-profile.js"), require("./skills-locale.js"));
  else root.SkillsMatrixFormState = factory(root.SkillsMatrixProfile, root.SkillsMatrixLocale);
})(globalThis, function (P, L) {
  "use strict";
  const { _, ngettext, format } = L;
  /** A message of *count* answers, in the form the count takes (ngettext's). @param {string} said @param {number} count */
  const counting = (said, count, values) => format(said, Object.assign({ count: count }, values));
  /** @param {object} answers */
  const counted = (answers) => Object.keys(answers).length;

  /**
   * @typedef {import("../../schema/skills-matrix").Matrix} Matrix
   * @typedef {Record<string, string | null>} Answers skill id -> level id, or null: "none yet"
   * @typedef {{answers: Answers, name: string, aim: string | undefined}} Kept
   * @typedef {{skills: Record<string, string | null>, aim: string | undefined, left: string[]}} Link
   */

  /**
   * The form's state for *matrix*, published at the page whose own aim is *pageAim* ("": the
   * computed target), kept in this browser under *storageKey*.
   * @param {Matrix} matrix
   * @param {string} pageAim
   * @param {string} storageKey
   */
  function formState(matrix, pageAim, storageKey) {
    const roleIds = new Set(matrix.roles.map((role) => role.id));
    /** @type {Answers} */
    let answers = Object.create(null); // skill id -> level id, or null: "none yet"
    let name = "";
    let aim = pageAim; // the role worked towards; "": the computed target
    let previewing = false; // a link's answers, shown but not kept until the reader chooses
    /** @type {Kept | null} */
    let mine = null; // the saved answers a link's preview stands in front of
    /** @type {Kept | null} */
    let cleared = null; // what Clear took away, until the next change

    const keep = () => {
      if (!previewing) P.keep(storageKey, { name, answers, aim });
    };
    const changed = () => {
      cleared = null;
      keep();
    };

    /** Set the answers, name and aim (an aim left undefined stays as it is); the words say
     * what was left out (after what *earlier* says was), "" when nothing was.
     * @param {Record<string, string | null>} skills
     * @param {string} newName
     * @param {string | undefined} newAim
     * @param {string[]} [earlier]
     */
    function apply(skills, newName, newAim, earlier) {
      const read = P.readAnswers(matrix, skills);
      answers = read.answers;
      name = newName;
      let ignored = P.leftOut((earlier || []).concat(read.left));
      if (newAim !== undefined) {
        const role = P.readRole(matrix, newAim);
        if (role.renamed) read.renamed.push(role.renamed);
        if (role.role === "" || roleIds.has(role.role)) aim = role.role;
        else {
          ignored += " " + format(_("The aim {aim} names no role of this matrix; it was ignored."), { aim: JSON.stringify(role.role) });
          aim = pageAim;
        }
      }
      keep();
      return P.renamedSince(read.renamed) + ignored;
    }

    return {
      get answers() {
        return answers;
      },
      get name() {
        return name;
      },
      get aim() {
        return aim;
      },
      /** Whether a link's answers are shown, not yet kept. */
      get previewing() {
        return previewing;
      },
      /** Whether the reader's own saved answers wait behind a link's. */
      get mine() {
        return mine !== null;
      },
      /** Whether Undo clear would bring answers back. */
      get canUndo() {
        return cleared !== null;
      },
      count: () => counted(answers),
      /** A skill's answer as the select's value: "" not assessed, P.NONE_YET, or a level id.
       * @param {string} skill */
      valueOf(skill) {
        return !Object.hasOwn(answers, skill) ? "" : answers[skill] === null ? P.NONE_YET : String(answers[skill]);
      },
      /** Answer *skill* with a select's *value*; whether the answer changed.
       * @param {string} skill @param {string} value */
      choose(skill, value) {
        if (this.valueOf(skill) === value) return false;
        if (value === "") delete answers[skill];
        else answers[skill] = value === P.NONE_YET ? null : value;
        changed();
        return true;
      },
      /** @param {string} newName */
      rename(newName) {
        name = newName;
        changed();
      },
      /** Work towards *role* ("": the computed target); whether the aim changed.
       * @param {string} role */
      aimAt(role) {
        if (aim === role) return false;
        aim = role;
        keep();
        return true;
      },
      /** Begin with what this browser kept (*stored*, null when it could not be read) or,
       * when there is one, a shared link's answers, shown before they are kept. The words
       * say what to tell the reader; *question* is the preview's, null without a link.
       * @param {Kept | null} stored
       * @param {Link | null} link
       */
      open(stored, link) {
        if (link === null) {
          const ignored = apply(stored ? stored.answers : {}, stored ? stored.name : "", stored ? stored.aim : pageAim);
          const said = !stored
            ? _("The answers saved in this browser could not be read; they were set aside.")
            : ignored
              ? _("From the answers saved in this browser:") + ignored
              : "";
          return { said, question: null };
        }
        // a link's answers are shown, never kept without asking: not over saved work, and not
        // as a friend's own answers in their browser either
        mine = stored && counted(stored.answers) ? stored : null;
        previewing = true;
        const ignored = apply(link.skills, "", link.aim === undefined ? pageAim : link.aim, link.left);
        const said = mine
          ? _("Showing the answers from the link; nothing is saved until you choose.")
          : counting(
              ngettext(
                "Loaded {count} answer from the link; nothing is kept in this browser until you choose.",
                "Loaded {count} answers from the link; nothing is kept in this browser until you choose.",
                counted(answers),
              ),
              counted(answers),
            );
        return {
          said: said + ignored,
          question: {
            text: mine
              ? _("These are the answers from the link. Your saved answers are kept until you choose:")
              : _("These are the answers from the link. Keep them as your own answers in this browser?"),
            keep: _("Keep these answers"),
            back: mine ? _("Back to my saved answers") : _("Start with no answers"),
          },
        };
      },
      /** The link's answers become the reader's own. */
      keepLink() {
        previewing = false;
        mine = null;
        keep();
        return _("The link's answers are now your saved answers.");
      },
      /** The link's answers go: the saved ones come back, or none. */
      leaveLink() {
        const back = mine;
        previewing = false;
        mine = null;
        if (back) apply(back.answers, back.name, back.aim);
        else apply({}, "", pageAim);
        return back ? _("Your saved answers are back.") : _("Nothing from the link is kept.");
      },
      /** Answers read from a profile file (its name, aim and skills): they replace these.
       * @param {{name?: string | null, aim?: string | null, skills: Record<string, string | null>}} profile
       * @param {string} fileName */
      imported(profile, fileName) {
        cleared = null;
        // a profile that names no aim keeps the page's own (as a link without one does)
        const left = apply(profile.skills, profile.name || "", profile.aim || pageAim);
        const count = counted(answers);
        return counting(ngettext("Imported {count} answer from {file}.", "Imported {count} answers from {file}.", count), count, { file: fileName }) + left;
      },
      /** Clear the answers and the name, to be undone until the next change. Ends a preview. */
      clear() {
        const count = counted(answers);
        if (!count && !name) return _("There are no answers to clear.");
        const before = { answers: Object.assign(Object.create(null), answers), name, aim };
        previewing = false;
        mine = null;
        apply({}, "", pageAim);
        cleared = before;
        const said = before.name
          ? counting(ngettext("Cleared {count} answer and your name.", "Cleared {count} answers and your name.", count), count)
          : counting(ngettext("Cleared {count} answer.", "Cleared {count} answers.", count), count);
        return said + " " + _("Undo clear brings them back.");
      },
      /** Bring back what Clear took away. */
      undo() {
        const back = cleared;
        cleared = null;
        if (!back) return "";
        apply(back.answers, back.name, back.aim);
        const count = counted(answers);
        return counting(ngettext("Undone: {count} answer back.", "Undone: {count} answers back.", count), count);
      },
    };
  }

  return { formState };
});
