import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeHtmlAndApostrophes } from '../markdown/escape.js';

/**
 * The error panel: one line per diagnostic, `file:line:column  message  rule-id`
 * and its hint, every value escaped; errors listed, warnings folded away below them.
 * It sticks to the top of the window, so a page reloaded at its scroll position still shows it.
 */
export function diagnosticsPanel(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const others = diagnostics.filter((d) => d.severity !== 'error');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const list = (items: readonly Diagnostic[]) =>
    `<ul style="margin:0;padding:0;list-style:none">${items
      .map((d) => {
        const colour = d.severity === 'error' ? '#b00020' : d.severity === 'warning' ? '#8a5a00' : '#2b4a7a';
        const hint = d.hint ? `<br><span style="color:#444">hint: ${escapeHtmlAndApostrophes(d.hint)}</span>` : '';
        return (
          `<li style="margin:0.35em 0;padding-left:0.6em;border-left:3px solid ${colour};white-space:pre-wrap;overflow-wrap:anywhere">` +
          `<strong>${escapeHtmlAndApostrophes(`${d.file}:${d.line}:${d.column}`)}</strong>  ${escapeHtmlAndApostrophes(d.message)}  <code style="color:${colour}">${escapeHtmlAndApostrophes(d.ruleId)}</code>${hint}</li>`
        );
      })
      .join('')}</ul>`;
  const folded = others.length
    ? `<details style="margin-top:0.6em"><summary style="cursor:pointer">${plural(others.length, others.every((d) => d.severity === 'warning') ? 'warning' : 'other diagnostic')}</summary>${list(others)}</details>`
    : '';
  return (
    '<div role="alert" class="policyc-diagnostics" style="all:initial;display:block;box-sizing:border-box;margin:0;padding:1em 1.25em;' +
    'background:#fff5f5;color:#1a1a1a;border-bottom:3px solid #b00020;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;position:sticky;top:0;max-height:50vh;overflow:auto;z-index:2147483647">' +
    `<strong style="display:block;margin-bottom:0.4em;color:#b00020">policyc: ${plural(errors.length, 'error')}. This page is from the last good build; fix the input and save.</strong>` +
    `${list(errors)}${folded}</div>`
  );
}

/** A page with the diagnostics panel inserted right after `<body>` (or at the top, when there is no body tag). */
export function withPanel(html: string, diagnostics: readonly Diagnostic[]): string {
  const panel = diagnosticsPanel(diagnostics);
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return `${panel}\n${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${panel}${html.slice(at)}`;
}

/** A minimal page of its own. */
function shell(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtmlAndApostrophes(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** A page of the diagnostics alone, with a note. */
export function diagnosticsPage(diagnostics: readonly Diagnostic[], note: string): string {
  return withPanel(
    shell('policyc: build errors', `<p style="font-family:system-ui,sans-serif;margin:1.5em">${escapeHtmlAndApostrophes(note)}</p>`),
    diagnostics,
  );
}

/** The page of an address that is not part of the site. */
export function notFoundPage(file: string): string {
  const shown = file ? `<code>/${escapeHtmlAndApostrophes(file)}</code> is not part of the site.` : 'This address is not part of the site.';
  return shell(
    'Not found',
    `<main style="font-family:system-ui,sans-serif;margin:1.5em"><h1>Not found</h1><p>${shown} <a href="/">Back to the index</a>.</p></main>`,
  );
}
