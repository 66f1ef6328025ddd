/* The package's words in the page's language, without the DOM: the translations Python's
 * skills_matrix/locale reads from the package's catalogs, published by the extension as
 * globalThis.SkillsMatrixCatalog (skills-matrix-catalog.js, written only when the project's
 * language is not English): the messages the scripts say, each language's plural forms and
 * number signs. Without it every word is the English message itself. Works in browsers
 * (window.SkillsMatrixLocale, before every other script of the package) and in Node.js. */
// @ts-check
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(root.SkillsMatrixCatalog);
  else root.SkillsMatrixLocale = factory(root.SkillsMatrixCatalog);
})(globalThis, function (catalog) {
  "use strict";
  /** @type {Record<string, string | string[]>} */
  const messages = catalog ? catalog.messages : {};

  /** *message* in the page's language. @param {string} message @returns {string} */
  function _(message) {
    const said = Object.hasOwn(messages, message) ? messages[message] : null;
    return typeof said === "string" ? said : message;
  }

  /** The form of a message for *count* (as gettext's ngettext): the catalog's plural index
   * of the count, read from its table (gettext's rules look at count % 100 at most).
   * @param {string} singular @param {string} plural @param {number} count @returns {string} */
  function ngettext(singular, plural, count) {
    const forms = Object.hasOwn(messages, singular) ? messages[singular] : null;
    if (!catalog || !Array.isArray(forms)) return count === 1 ? singular : plural;
    const table = catalog.plural;
    const index = table[count < table.length ? count : 100 + (count % 100)];
    return forms[Math.min(index, forms.length - 1)];
  }

  /** *template* with each {name} replaced by values[name], as Python's str.format_map.
   * @param {string} template @param {Record<string, unknown>} values @returns {string} */
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_whole, name) => String(values[name]));
  }

  /** *template* as parts: its text, and each {name}'s value as it is (a role or skill to
   * link); text beside text joined, as Python's wording.parts.
   * @template T @param {string} template @param {Record<string, string | T>} values
   * @returns {(string | T)[]} */
  function parts(template, values) {
    /** @type {(string | T)[]} */
    const out = [];
    const add = (/** @type {string | T} */ part) => {
      if (typeof part === "string" && typeof out[out.length - 1] === "string") out[out.length - 1] += part;
      else if (part !== "") out.push(part);
    };
    let last = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      add(template.slice(last, match.index));
      add(values[match[1]]);
      last = (match.index || 0) + match[0].length;
    }
    add(template.slice(last));
    return out;
  }

  /** A number written with "." in the language's decimal sign. @param {string} text */
  const decimal = (text) => (catalog ? text.replace(".", catalog.decimal) : text);

  /** A whole percentage with the language's sign around it. @param {number} whole */
  const percentage = (whole) => (catalog ? catalog.percent.replace("{0}", String(whole)) : whole + "%");

  return { _, decimal, format, ngettext, parts, percentage, language: catalog ? catalog.language : "en" };
});
