import { diffArrays } from 'diff';
import type { WordPart } from '../diff/types.js';
import { wordDiff } from '../diff/words.js';
import { proseToPlainText } from '../markdown/prose.js';

/** One block of a redline: a heading, paragraph, list item or table row, with its words marked. */
export interface RedlineBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /** Heading level (1 to 6) for headings. */
  level?: number;
  status: 'same' | 'added' | 'removed' | 'changed';
  parts: WordPart[];
}

interface Line {
  kind: RedlineBlock['kind'];
  level?: number;
  text: string;
}

/** Split a normalised Markdown page into its blocks' kinds and plain text. */
function lines(markdown: string): Line[] {
  const out: Line[] = [];
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    // Blank lines, table delimiter rows (`| - | :-: |`) and thematic breaks carry no words.
    if (!line || /^\|(\s*:?-+:?\s*\|)+$/.test(line) || /^-{3,}$/.test(line)) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      out.push({ kind: 'heading', level: heading[1]!.length, text: plain(heading[2]!) });
    } else if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      out.push({ kind: 'item', text: plain(line.replace(/^([-*+]|\d+[.)])\s+/, '')) });
    } else if (line.startsWith('|')) {
      const cells = line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((cell) => plain(cell.trim()));
      out.push({ kind: 'row', text: cells.join(' · ') });
    } else {
      out.push({ kind: 'paragraph', text: plain(line) });
    }
  }
  return out;
}

function plain(markdown: string): string {
  return proseToPlainText(markdown, 'text');
}

/**
 * A redline of two Markdown pages: blocks matched in order, kept, inserted
 * or deleted; a deleted block followed by an inserted one of the same kind
 * is shown as one block with its words marked.
 */
export function redline(before: string, after: string): RedlineBlock[] {
  const a = lines(before);
  const b = lines(after);
  const key = (l: Line) => `${l.kind}${l.level ?? ''}\0${l.text}`;
  const runs = diffArrays(a.map(key), b.map(key));
  const blocks: RedlineBlock[] = [];
  let ia = 0;
  let ib = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const count = run.count ?? run.value.length;
    if (!run.added && !run.removed) {
      for (let k = 0; k < count; k++) blocks.push(block(b[ib + k]!, 'same', [{ value: b[ib + k]!.text }]));
      ia += count;
      ib += count;
      continue;
    }
    if (run.removed) {
      const next = runs[r + 1];
      const removed = a.slice(ia, ia + count);
      ia += count;
      if (next?.added) {
        const addedCount = next.count ?? next.value.length;
        const added = b.slice(ib, ib + addedCount);
        ib += addedCount;
        r++;
        pairUp(removed, added, blocks);
      } else {
        for (const line of removed) blocks.push(block(line, 'removed', [{ value: line.text, removed: true }]));
      }
      continue;
    }
    for (const line of b.slice(ib, ib + count)) blocks.push(block(line, 'added', [{ value: line.text, added: true }]));
    ib += count;
  }
  return blocks;
}

/** Match removed and added lines of the same kind position by position; the rest stand alone. */
function pairUp(removed: Line[], added: Line[], blocks: RedlineBlock[]): void {
  let i = 0;
  let j = 0;
  while (i < removed.length || j < added.length) {
    const x = removed[i];
    const y = added[j];
    if (x && y && x.kind === y.kind && x.level === y.level) {
      blocks.push(block(y, 'changed', wordDiff(x.text, y.text)));
      i++;
      j++;
    } else if (x && (!y || removed.length - i >= added.length - j)) {
      blocks.push(block(x, 'removed', [{ value: x.text, removed: true }]));
      i++;
    } else if (y) {
      blocks.push(block(y, 'added', [{ value: y.text, added: true }]));
      j++;
    }
  }
}

function block(line: Line, status: RedlineBlock['status'], parts: WordPart[]): RedlineBlock {
  return { kind: line.kind, ...(line.level ? { level: line.level } : {}), status, parts };
}

/** Words marked up as HTML: `<ins>` and `<del>`, each with a text label so the marks read without colour. */
export function wordsToHtml(parts: readonly WordPart[], escape: (text: string) => string): string {
  return parts
    .map((p) => (p.added ? `<ins>${escape(p.value)}</ins>` : p.removed ? `<del>${escape(p.value)}</del>` : escape(p.value)))
    .join('');
}
