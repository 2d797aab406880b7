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
