// Plain JavaScript so that both the server bundle and the PDF inspection worker (which Node runs
// from the sources, unbundled: see pdf-worker.mjs) share one definition.

/**
 * NFC (search and display compare composed Vietnamese), no NUL or other control characters
 * (PostgreSQL text refuses NUL), and runs of blanks collapsed.
 *
 * @param {string} text
 * @returns {string}
 */
export function cleanText(text) {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, " ")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
