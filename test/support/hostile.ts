// A project whose every free-text field, in the document and in its translation, holds an XSS payload,
// released and built: the site every injection test inspects.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { build, release, review } from '../../src/index.js';
import { policySchema, resolveRef, type SchemaNode } from '../../src/model/schema.js';
import { translatableFields } from '../../src/translate/translation.js';
import type { Policy } from '../../src/index.js';
import { copySample } from './project.js';

/**
 * Payloads that would run `__pwned(n)` if any reached a page as markup or a
 * URL: script tags, event handlers, `javascript:` and `data:` URLs (in
 * Markdown, HTML and entities), SVG and MathML tricks, tags broken across
 * contexts (a JSON-LD script block, CDATA, comments, attributes), and
 * Handlebars syntax that must stay text.
 */
export const xssCorpus: readonly string[] = [
  '<script>__pwned(1)</script>',
  '<img src=x onerror=__pwned(2)>',
  '<svg onload=__pwned(3)><script>__pwned(4)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned(5)>',
  '[click me](javascript:__pwned(6))',
  '[data](data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKDcpPC9zY3JpcHQ+)',
  '![image](javascript:__pwned(8))',
  '<a href="javascript:__pwned(9)">link</a>',
  '"><script>__pwned(10)</script>',
  "'><img src=x onerror=__pwned(11)>",
  '</script><script>__pwned(12)</script>',
  '<!--<script>__pwned(13)</script>-->',
  '<iframe srcdoc="<script>parent.__pwned(14)</script>"></iframe>',
  '<object data="javascript:__pwned(15)"></object>',
  '{{constructor.constructor "__pwned(16)"}}',
  '{{#with this}}{{lookup this "__proto__"}}{{/with}} {{{raw}}}',
  '<a href="&#106;avascript:__pwned(17)">entity</a>',
  '<details open ontoggle=__pwned(18)>x</details>',
  '<javascript:__pwned(19)>',
  ']]><script>__pwned(20)</script><![CDATA[',
  '[jsbr](java\tscript:__pwned(21))',
  '<style>@import "javascript:__pwned(22)";</style>',
  '\u2028\u2029</SCRIPT ><svg/onload=__pwned(23)>',
  '<base href="javascript:__pwned(24)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwned(25)">',
  '<form action="javascript:__pwned(26)"><button>go</button></form>',
];

/** The corpus entry for the n-th field, made to fit a one-line field. */
function payload(n: number, oneLine: boolean): string {
  const text = xssCorpus[n % xssCorpus.length]!;
  return oneLine ? text.replace(/[\n\u2028\u2029]/g, ' ') : text;
}

/** Whether a schema node accepts any text (no format, pattern or enum to refuse a payload). */
function freeText(node: SchemaNode | undefined): { free: boolean; oneLine: boolean } {
  if (!node) return { free: false, oneLine: true };
  const { node: resolved } = resolveRef(node);
  const constrained = Boolean(resolved.format || resolved.enum || resolved.const !== undefined || node.enum);
  const pattern = resolved.pattern as string | undefined;
  // The only pattern a payload can honour is Text's "one line".
  return { free: !constrained && (!pattern || pattern === '^[^\\n]*$'), oneLine: pattern === '^[^\\n]*$' };
}

/** The document with a payload in every free-text string. */
function poison(data: unknown, node: SchemaNode | undefined, counter: { n: number }): unknown {
  if (typeof data === 'string') {
    const { free, oneLine } = freeText(node);
    return free ? payload(counter.n++, oneLine) : data;
  }
  const resolved = node ? resolveRef(node).node : undefined;
  if (Array.isArray(data)) return data.map((item) => poison(item, resolved?.items as SchemaNode | undefined, counter));
  if (data && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(data)) {
      // Ids, versions and dates name things; they are not text.
      out[key] =
        ['id', 'version', 'effective', 'locale'].includes(key) && typeof child === 'string'
          ? child
          : poison(child, resolved?.properties?.[key] as SchemaNode | undefined, counter);
    }
    return out;
  }
  return data;
}

/** Set a translated text at its key, creating mappings (entities keyed by id) and lists (items without ids) on the way. */
function setAt(
  target: Record<string, unknown>,
  field: { key: readonly string[]; path: readonly (string | number)[] },
  value: string,
): void {
  let node = target as Record<string, unknown>;
  field.key.forEach((segment, i) => {
    if (i === field.key.length - 1) {
      node[segment] = value;
      return;
    }
    const next = field.path[i + 1];
    const isList = typeof next === 'number' && field.key[i + 1] === String(next);
    node = (node[segment] ??= isList ? [] : {}) as Record<string, unknown>;
  });
}

export interface HostileSite {
  /** The project folder. */
  dir: string;
  /** The built site. */
  out: string;
  /** Files written, relative to `out`. */
  written: string[];
  /** How many fields of the document and of the translation carry a payload. */
  poisoned: { document: number; translation: number };
}

/**
 * Release version 2.1.0 of the sample with a payload in every free-text field
 * of the document and of its French translation (frozen with it), then
 * build the site with 2.1.0 in effect and drafts on: every kind of output
 * (pages, fragment, summary, cookie table, JSON-LD, changelog, feed, e-mail)
 * is made from hostile text.
 */
export async function buildHostileSite(): Promise<HostileSite> {
  const dir = copySample();
  const workingFile = path.join(dir, 'policy/privacy.yaml');
  const original = parseYaml(readFileSync(workingFile, 'utf8')) as Record<string, unknown>;
  const counter = { n: 0 };
  const poisoned = poison(original, policySchema, counter) as Record<string, unknown>;
  poisoned.version = '2.1.0';
  poisoned.effective = '2027-06-01';
  writeFileSync(workingFile, stringify(poisoned));

  const translation: Record<string, unknown> = { translates: 'privacy', locale: 'fr', source: '2.1.0' };
  const fields = translatableFields(poisoned as unknown as Policy);
  fields.forEach((field, i) => setAt(translation, field, payload(i + 7, true)));
  writeFileSync(path.join(dir, 'policy/privacy.fr.yaml'), stringify(translation));

  // Every change to review decided by a hostile name, for a hostile reason; released and approved by hostile names.
  const listed = await review({ cwd: dir });
  for (const [i, item] of (listed.items ?? []).entries()) {
    const decided = await review({
      cwd: dir,
      decide: item.key,
      as: i % 2 ? 'material' : 'editorial',
      by: payload(i, true),
      reason: payload(i + 1, false),
    });
    const problems = decided.diagnostics.filter((d) => d.severity === 'error');
    if (problems.length) throw new Error(`A hostile decision was refused:\n${problems.map((d) => `${d.message} ${d.ruleId}`).join('\n')}`);
  }
  const released = await release({ cwd: dir, today: '2026-12-01', releasedBy: payload(3, true), approvedBy: payload(4, true) });
  const refused = released.diagnostics.filter((d) => d.severity === 'error');
  if (refused.length)
    throw new Error(
      `The hostile release was refused:\n${refused.map((d) => `${d.file}:${d.line}:${d.column} ${d.message} ${d.ruleId}`).join('\n')}`,
    );
  const out = path.join(dir, 'site');
  const built = await build({ cwd: dir, out, date: '2027-07-01', drafts: true });
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !built.written.length)
    throw new Error(
      `The hostile build failed:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message} ${d.ruleId}`).join('\n')}`,
    );
  return { dir, out, written: built.written, poisoned: { document: counter.n, translation: fields.length } };
}
