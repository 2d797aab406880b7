// A changed field as a pull-request comment shows it: the words removed and added, or the values before and after.
import type { FieldChange, WordPart } from '../diff/types.js';
import { escapeHtml } from '../markdown/escape.js';
import { proseToPlainText } from '../markdown/prose.js';

/** Fields that place or identify an entity rather than say anything: a reviewer is told of a move by the reordering, never by them. */
const layoutFields = new Set(['after', 'order', 'id', 'replaces']);

/** Whether a field (by its last segment) is layout or bookkeeping, never shown. */
export function isLayoutField(field: string): boolean {
  return layoutFields.has(field.slice(field.lastIndexOf('.') + 1));
}

/** Kept words shown on each side of an edit; a longer kept run between two edits is cut to this many on each side, with `…`. */
const contextWords = 4;

/**
 * Beyond this many edits, or this many characters of them, a field's edits
 * are folded in `<details>`: a rewritten paragraph would otherwise push the
 * other changes of the comment out of sight. Three edits of a sentence each
 * still read at a glance.
 */
const foldEdits = 3;
const foldCharacters = 400;

/**
 * The list items (indented to sit under a change's item) of one changed field:
 * `` - `field`: …a **warrant, criminal subpoena, or** court order `` for text,
 * `` - `field`: ~~before~~ → **after** `` for other values. Nothing for layout
 * fields or a field with no value on either side. Every value from the
 * document is escaped: it cannot make a link, an image, HTML or code.
 */
export function fieldMarkdown(f: FieldChange): string[] {
  if (isLayoutField(f.field) || (f.before === undefined && f.after === undefined && !f.words)) return [];
  const name = `\`${f.field.replace(/[^\w.-]/g, '')}\``;
  if (!f.words) {
    const before = f.before !== undefined ? `~~${literal(valueText(f.before))}~~` : '';
    const after = f.after !== undefined ? `**${literal(valueText(f.after))}**` : '';
    return [`  - ${name}: ${[before, after].filter(Boolean).join(' → ')}`];
  }
  const edits = wordSnippets(f.words);
  if (!edits.length) return [];
  if (edits.length === 1 && edits[0]!.length <= foldCharacters) return [`  - ${name}: ${edits[0]}`];
  const items = edits.map((e) => `    - ${itemStart(e)}`);
  const long = edits.length > foldEdits || edits.join('').length > foldCharacters;
  if (!long) return [`  - ${name}:`, ...items];
  return [
    `  - <details><summary><code>${escapeHtml(f.field.replace(/[^\w.-]/g, ''))}</code>: ${edits.length} ${edits.length === 1 ? 'edit' : 'edits'}</summary>`,
    '',
    ...items,
    '',
    '    </details>',
  ];
}

/**
 * The edits of a word-level diff as Markdown snippets, one for each run of
 * edits with a few kept words around it: `~~removed~~`, `**added**`, and a
 * replacement as `~~old~~ → **new**`. Edits that only a few kept words
 * separate share one snippet.
 */
export function wordSnippets(parts: readonly WordPart[]): string[] {
  const snippets: string[][] = [];
  let current: string[] | undefined;
  parts.forEach((part, i) => {
    if (part.added || part.removed) {
      if (part.added && parts[i - 1]?.removed) return;
      current ??= [];
      const next = parts[i + 1];
      current.push(part.removed && next?.added ? replacement(part.value, next.value) : marked(part.value, part.removed ? '~~' : '**'));
      return;
    }
    const words = part.value.split(/\s+/).filter(Boolean);
    const lead = /^\s/.test(part.value) ? ' ' : '';
    const tail = /\s$/.test(part.value) ? ' ' : '';
    const editAfter = i < parts.length - 1;
    if (current && editAfter && words.length <= contextWords * 2) {
      current.push(literal(part.value));
      return;
    }
    if (current) {
      const shown = words.slice(0, contextWords);
      current.push(`${lead}${literal(shown.join(' '))}${words.length > shown.length ? ' …' : ''}`);
      snippets.push(current);
      current = undefined;
    }
    if (editAfter) {
      const shown = words.slice(-contextWords);
      current = [`${words.length > shown.length ? '… ' : ''}${literal(shown.join(' '))}${tail}`];
    }
  });
  if (current) snippets.push(current);
  return snippets.map((s) => s.join('').replace(/\s+/g, ' ').trim()).filter((s) => /~~|\*\*/.test(s));
}

/** A removed or added run, its surrounding white space outside the markers (`~~ a~~` is not struck through). */
function marked(value: string, marker: '~~' | '**'): string {
  const text = value.trim();
  if (!text) return value ? ' ' : '';
  return `${/^\s/.test(value) ? ' ' : ''}${marker}${literal(text)}${marker}${/\s$/.test(value) ? ' ' : ''}`;
}

function replacement(removed: string, added: string): string {
  // White space replaced by words (or words by white space) is an insertion (a deletion), with the space around it kept.
  if (!removed.trim()) return marked(`${removed}${added}`, '**');
  if (!added.trim()) return marked(`${removed}${added}`, '~~');
  const lead = /^\s/.test(removed) ? ' ' : '';
  const tail = /\s$/.test(added) ? ' ' : '';
  return `${lead}${marked(removed.trim(), '~~')} → ${marked(added.trim(), '**')}${tail}`;
}

/**
 * Text from the document shown as itself: every character Markdown (or
 * GitHub's flavour of it: tables, strike-through, maths) could read as syntax
 * is backslashed, `<` and `&` included, so no HTML, link or entity passes;
 * line breaks become spaces, so a value stays in its list item.
 */
export function literal(text: string): string {
  return text.replace(/[\\`*_~[\]<>|&#$]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Text that starts a list item: a leading `-`, `+` or `1.` would open a list of its own. */
function itemStart(text: string): string {
  return text.replace(/^[-+]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A value before or after as text: a list joined, an object (a source, a condition) by its kind then its other parts. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(itemText).join(', ');
  return itemText(value);
}

function itemText(value: unknown): string {
  if (typeof value === 'string') return proseToPlainText(value, 'text');
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return valueText(value);
  const [kind, ...rest] = Object.values(value).map(itemText);
  return rest.length ? `${kind} (${rest.join('; ')})` : String(kind ?? '');
}
