// Escaping, in one place: text for HTML and for Markdown.

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Escape text for HTML, apostrophes too (`&#39;`): for values that may stand in single-quoted attributes (the serve error panel). */
export function escapeHtmlAndApostrophes(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escape a plain string so Markdown shows it literally (every ASCII punctuation mark backslashed; the page normaliser removes what is not needed). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$"']/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/**
 * An empty HTML anchor for a Markdown page (`<a id="cookie-ga"></a>`): Markdown
 * has no ids of its own, and renderers keep such an anchor, so a link to
 * `#cookie-ga` works there as on the HTML page. The only raw HTML a Markdown
 * page holds; its id comes from a validated id, escaped all the same.
 */
export function markdownAnchor(id: string): string {
  return `<a id="${escapeHtml(id)}"></a>`;
}

/** A plain string as a Markdown code span, its fence longer than any run of backticks in it (a cookie name, a host). */
export function markdownCode(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A space inside the fence when the text starts or ends with a backtick (CommonMark strips one space each side).
  const pad = /^`|`$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
