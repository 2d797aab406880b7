import { escapeHtml } from '../markdown/escape.js';
import { fill } from '../model/messages.js';
import { wordsToHtml, type RedlineBlock } from './redline.js';

/** The compare page's wording of its notes, `{placeholders}` as in the locale files. */
export interface RedlineLabels {
  /** `{block}`: the text of the block a moved block used to follow. */
  movedAfter: string;
  movedFromStart: string;
  /** `{text}`, `{from}`, `{to}`: a link's text and its old and new targets. */
  linkChanged: string;
}

/**
 * The redline as HTML blocks: headings one level down (the page has its own
 * h1), list items and table rows grouped into lists; a moved block and one
 * whose links changed carry a note in words, with the old and new targets in
 * `<del>` and `<ins>`, so the change reads without colour or styles.
 */
export function redlineHtml(blocks: readonly RedlineBlock[], labels: RedlineLabels): string {
  const out: string[] = [];
  let inList = false;
  for (const b of blocks) {
    const isItem = b.kind === 'item' || b.kind === 'row';
    if (isItem && !inList) out.push('<ul class="redline-list">');
    if (!isItem && inList) out.push('</ul>');
    inList = isItem;
    const body = wordsToHtml(b.parts, escapeHtml);
    const classes = [...(b.status === 'same' ? [] : [b.status]), ...(b.movedAfter === undefined ? [] : ['moved'])];
    const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
    const notes = blockNotes(b, labels);
    if (b.kind === 'heading') {
      // A note stays out of the heading, whose words name the section.
      const level = Math.min(6, (b.level ?? 1) + 1);
      out.push(`<h${level}${cls}>${body}</h${level}>`);
      if (notes.length) out.push(`<p class="redline-note">${notes.join(' ')}</p>`);
    } else {
      const tag = isItem ? 'li' : 'p';
      out.push(`<${tag}${cls}>${body}${notes.map((n) => ` <span class="redline-note">${n}</span>`).join('')}</${tag}>`);
    }
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

function blockNotes(b: RedlineBlock, labels: RedlineLabels): string[] {
  const notes: string[] = [];
  if (b.movedAfter !== undefined) {
    notes.push(
      b.movedAfter ? fill(escapeHtml(labels.movedAfter), { block: escapeHtml(shorten(b.movedAfter)) }) : escapeHtml(labels.movedFromStart),
    );
  }
  for (const link of b.links ?? []) {
    notes.push(
      fill(escapeHtml(labels.linkChanged), {
        text: escapeHtml(link.text),
        from: `<del>${escapeHtml(link.from)}</del>`,
        to: `<ins>${escapeHtml(link.to)}</ins>`,
      }),
    );
  }
  return notes;
}

/** A block's text cut to a few words, to name it in a note. */
function shorten(text: string): string {
  if (text.length <= 80) return text;
  const cut = text.slice(0, 70);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
