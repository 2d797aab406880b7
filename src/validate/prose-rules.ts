import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { formatPath, placeOfPath } from '../load/positions.js';
import { eachString } from '../model/fields.js';
import { parseProse } from '../render/prose.js';
import type { PositionedData } from './schema-rules.js';

const safeProtocol = /^(https?:|mailto:|tel:|#|\/|\.)/i;

/**
 * Warn about prose that will not come out as written: raw HTML is dropped and
 * links with unsafe protocols (`javascript:`, `data:`) lose their target.
 */
export function validateProse(input: PositionedData): Diagnostic[] {
  const out: Diagnostic[] = [];
  eachString(input.data, ({ path, value, kind }) => {
    if (kind !== 'prose' && kind !== 'text') return;
    const place = placeOfPath(input.yaml, input.lineCounter, path.map(String));
    let rawHtml = false;
    const unsafe: string[] = [];
    visit(parseProse(value, kind), (node) => {
      if (node.type === 'html') rawHtml = true;
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !safeProtocol.test(node.url.trim())) {
        unsafe.push(node.url);
      }
    });
    if (rawHtml) {
      out.push(
        diagnostic(input.path, place, 'prose-raw-html', 'prose', `Raw HTML in \`${formatPath(path)}\` is not rendered`, {
          severity: 'warning',
          hint: 'Write it in Markdown instead: `**bold**`, `_emphasis_`, `[text](https://...)`, lists with `- `.',
        }),
      );
    }
    for (const url of unsafe) {
      out.push(
        diagnostic(input.path, place, 'prose-unsafe-link', 'prose', `Link to \`${url.slice(0, 60)}\` in \`${formatPath(path)}\` is removed: only http, https, mailto and tel links are published`, {
          severity: 'warning',
          hint: 'Link to an https:// address instead.',
        }),
      );
    }
  });
  return out;
}
