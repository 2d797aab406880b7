import { diffArrays } from 'diff';
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { WordPart } from '../diff/types.js';
import { wordDiff } from '../diff/words.js';
import { parseProse, proseToPlainText } from '../markdown/prose.js';

/** A link whose target changed between two aligned blocks: its (new) text, old and new target. */
export interface LinkChange {
  text: string;
  from: string;
  to: string;
}

/** One block of a redline: a heading, paragraph, list item or table row, with its words marked. */
export interface RedlineBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /** Heading level (1 to 6) for headings. */
  level?: number;
  status: 'same' | 'added' | 'removed' | 'changed';
  parts: WordPart[];
  /** A block (with what it holds) that moved: the plain text of the block it followed in the old version, '' when it came first. */
  movedAfter?: string;
  /** Links in the block whose target changed. */
  links?: LinkChange[];
}

interface Line {
  kind: RedlineBlock['kind'] | 'break';
  level?: number;
  /** Plain text, as compared and shown. */
  text: string;
  /** The Markdown after the block's marker and anchor, for its links. */
  raw: string;
  indent: number;
  /** The anchor the page gives the block (a section, an entity), its identity across versions. */
  id?: string;
}

/** A block and what it holds: a heading its section, a list item its nested lines. */
interface Node {
  line: Line;
  key: string;
  children: Node[];
}

const anchorTag = /^<a id="([^"]+)"><\/a>/;

/** Split a normalised Markdown page into lines with their kind, indent, anchor and plain text. */
function lines(markdown: string): Line[] {
  const out: Line[] = [];
  for (const source of markdown.split('\n')) {
    // A backslash at the end of a line is a hard break (an address's lines), not text.
    const line = source.trim().replace(/(?<!\\)\\$/, '');
    // Blank lines and table delimiter rows (`| - | :-: |`) carry no words; a thematic break opens the page's footer.
    if (!line || /^\|(\s*:?-+:?\s*\|)+$/.test(line)) continue;
    const indent = source.length - source.trimStart().length;
    if (/^-{3,}$/.test(line)) {
      out.push({ kind: 'break', level: 2, text: '', raw: '', indent });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      out.push({ kind: 'heading', level: heading[1]!.length, ...content(heading[2]!), indent });
    } else if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      out.push({ kind: 'item', ...content(line.replace(/^([-*+]|\d+[.)])\s+/, '')), indent });
    } else if (line.startsWith('|')) {
      const cells = line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim());
      const first = anchorTag.exec(cells[0] ?? '');
      if (first) cells[0] = cells[0]!.slice(first[0].length);
      const raw = cells.join(' · ');
      out.push({ kind: 'row', text: cells.map(plain).join(' · '), raw, indent, ...(first ? { id: first[1]! } : {}) });
    } else {
      out.push({ kind: 'paragraph', ...content(line), indent });
    }
  }
  return out;
}

function content(markdown: string): { text: string; raw: string; id?: string } {
  const anchor = anchorTag.exec(markdown);
  const raw = anchor ? markdown.slice(anchor[0].length) : markdown;
  return { text: plain(raw), raw, ...(anchor ? { id: anchor[1]! } : {}) };
}

function plain(markdown: string): string {
  return proseToPlainText(markdown, 'text');
}

/** Whether a line opens a block that ends before `next`: a heading ends at one of its level or above, a list item where the indent comes back. */
function ends(open: Line, next: Line): boolean {
  const isHeading = next.kind === 'heading' || next.kind === 'break';
  if (open.kind === 'heading' || open.kind === 'break') return isHeading && next.level! <= open.level!;
  if (open.kind === 'item') return isHeading || next.indent <= open.indent;
  return true;
}

function tree(all: readonly Line[], start: number, end: number): Node[] {
  const out: Node[] = [];
  let i = start;
  while (i < end) {
    const line = all[i]!;
    let j = i + 1;
    while (j < end && !ends(line, all[j]!)) j++;
    out.push({ line, key: keyOf(line), children: tree(all, i + 1, j) });
    i = j;
  }
  return out;
}

/** What identifies a block across versions: its anchor; a contents entry, the anchor it links to; else its kind and words. */
function keyOf(line: Line): string {
  if (line.id) return `#${line.id}`;
  const entry = /^\[[^\]]*\]\(#([^)\s]+)\)$/.exec(line.raw);
  if (entry) return `→${entry[1]!}`;
  return `${line.kind}${line.level ?? ''}\0${line.text}`;
}

/**
 * A redline of two Markdown pages, aligned by structure before words: the
 * blocks that carry an anchor (sections, entities) are matched by it, the
 * others by their words, each within the block that holds it (a section's
 * paragraphs within the section, a category's details within the category).
 * A block found on both sides out of order is shown once, where it now
 * stands, as moved; a removed block and an added one in the same place that
 * are alike are shown as one with their words marked; the rest are shown
 * whole as inserted or deleted. Linear in the blocks for pages that mostly
 * agree (Myers' diff over each block's children).
 */
export function redline(before: string, after: string): RedlineBlock[] {
  const out: RedlineBlock[] = [];
  const a = lines(before);
  const b = lines(after);
  align(tree(a, 0, a.length), tree(b, 0, b.length), out);
  return out;
}

function align(a: readonly Node[], b: readonly Node[], out: RedlineBlock[]): void {
  // Most blocks hold the same blocks in both versions: no diff needed.
  if (a.length === b.length && a.every((n, i) => n.key === b[i]!.key)) {
    a.forEach((n, i) => same(n, b[i]!, out));
    return;
  }
  const runs = diffArrays(
    a.map((n) => n.key),
    b.map((n) => n.key),
  );
  const { movedFrom, movedAway } = moves(a, b, runs);
  let ia = 0;
  let ib = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const count = run.count ?? run.value.length;
    if (!run.added && !run.removed) {
      for (let k = 0; k < count; k++) same(a[ia + k]!, b[ib + k]!, out);
      ia += count;
      ib += count;
      continue;
    }
    // A removed run and the added run after it (either may be empty) are settled together.
    let removedCount = 0;
    let addedCount = 0;
    if (run.removed) {
      removedCount = count;
      const next = runs[r + 1];
      if (next?.added) {
        addedCount = next.count ?? next.value.length;
        r++;
      }
    } else {
      addedCount = count;
    }
    const removed: number[] = [];
    for (let i = ia; i < ia + removedCount; i++) if (!movedAway.has(i)) removed.push(i);
    const addedHere: number[] = [];
    for (let j = ib; j < ib + addedCount; j++) addedHere.push(j);
    settle(a, b, removed, addedHere, movedFrom, out);
    ia += removedCount;
    ib += addedCount;
  }
}

/** Blocks on both sides but out of order: a removed one whose key an added one has, first come first matched. */
function moves(a: readonly Node[], b: readonly Node[], runs: ReturnType<typeof diffArrays<string>>) {
  const removedAt = new Map<string, number[]>();
  const added: number[] = [];
  let ia = 0;
  let ib = 0;
  for (const run of runs) {
    const count = run.count ?? run.value.length;
    for (let k = 0; k < count; k++) {
      if (run.removed) push(removedAt, a[ia + k]!.key, ia + k);
      else if (run.added) added.push(ib + k);
    }
    if (!run.added) ia += count;
    if (!run.removed) ib += count;
  }
  const movedFrom = new Map<number, number>();
  const movedAway = new Set<number>();
  for (const j of added) {
    const i = removedAt.get(b[j]!.key)?.shift();
    if (i === undefined) continue;
    movedFrom.set(j, i);
    movedAway.add(i);
  }
  return { movedFrom, movedAway };
}

/** How many removed blocks ahead an added one is matched against: enough for edits, and never quadratic in a long list. */
const window = 8;

function settle(
  a: readonly Node[],
  b: readonly Node[],
  removed: number[],
  added: number[],
  movedFrom: ReadonlyMap<number, number>,
  out: RedlineBlock[],
): void {
  const fresh = added.filter((j) => !movedFrom.has(j));
  // One block replaced by one in the same place is that block edited, unless both are entities with different ids: those must be alike.
  const only = removed.length === 1 && fresh.length === 1;
  const pairs = new Map<number, number>();
  let from = 0;
  for (const j of fresh) {
    for (let p = from; p < Math.min(removed.length, from + window); p++) {
      const x = a[removed[p]!]!;
      const y = b[j]!;
      if (
        compatible(x.line, y.line) &&
        (x.line.id && y.line.id ? alike(text(x), text(y)) : only || sameLabel(x.line.text, y.line.text) || alike(x.line.text, y.line.text))
      ) {
        pairs.set(j, p);
        from = p + 1;
        break;
      }
    }
  }
  let next = 0;
  const flush = (until: number) => {
    for (; next < until; next++) whole(a[removed[next]!]!, 'removed', out);
  };
  // For each added block, the removed one paired with it or with the next paired block after it.
  const nextPaired: number[] = [];
  for (let k = added.length - 1, p = removed.length; k >= 0; k--) {
    p = pairs.get(added[k]!) ?? p;
    nextPaired[k] = p;
  }
  added.forEach((j, k) => {
    const moved = movedFrom.get(j);
    if (moved !== undefined) {
      same(a[moved]!, b[j]!, out, moved > 0 ? a[moved - 1]!.line.text : '');
      return;
    }
    const p = pairs.get(j);
    if (p !== undefined) {
      flush(p);
      next = p + 1;
      same(a[removed[p]!]!, b[j]!, out);
    } else {
      // Deletions read before the insertions that replace them.
      flush(nextPaired[k]!);
      whole(b[j]!, 'added', out);
    }
  });
  flush(removed.length);
}

/** Two blocks that may be one block edited: the same kind, and for entities the same kind of entity (a category for a category). */
function compatible(x: Line, y: Line): boolean {
  if (x.kind !== y.kind || x.level !== y.level) return false;
  if (x.id && y.id) return x.id.split('-')[0] === y.id.split('-')[0];
  return true;
}

/** Two detail lines of one label ("Safeguards: …"), the same detail with another value. */
function sameLabel(x: string, y: string): boolean {
  const label = /^[^:]{1,40}:\s/.exec(x)?.[0];
  return label !== undefined && y.startsWith(label);
}

/** A block's words with what it holds, its first 2,000 characters (a section can be long): two entities under different ids are one renamed when these are alike. */
function text(n: Node): string {
  const words: string[] = [];
  let length = 0;
  const walk = (m: Node) => {
    words.push(m.line.text);
    length += m.line.text.length + 1;
    for (const child of m.children) if (length < 2000) walk(child);
  };
  walk(n);
  return words.join(' ').slice(0, 2000);
}

/** Whether two texts share at least half their characters in kept words. */
function alike(x: string, y: string): boolean {
  if (!x && !y) return true;
  const kept = wordDiff(x, y).reduce((n, p) => n + (p.added || p.removed ? 0 : p.value.length), 0);
  return (2 * kept) / (x.length + y.length) >= 0.5;
}

/** Two aligned blocks: their words compared, their links checked, what they hold aligned in turn. */
function same(x: Node, y: Node, out: RedlineBlock[], movedAfter?: string): void {
  if (y.line.kind !== 'break') {
    const changed = x.line.text !== y.line.text;
    const links = x.line.raw === y.line.raw ? undefined : linkChanges(x.line.raw, y.line.raw);
    const b = block(
      y.line,
      changed || links?.length ? 'changed' : 'same',
      changed ? wordDiff(x.line.text, y.line.text) : [{ value: y.line.text }],
    );
    if (movedAfter !== undefined) b.movedAfter = movedAfter;
    if (links?.length) b.links = links;
    out.push(b);
  }
  if (x.children.length || y.children.length) align(x.children, y.children, out);
}

/** A block shown whole as inserted or deleted, with all it holds. */
function whole(n: Node, status: 'added' | 'removed', out: RedlineBlock[]): void {
  if (n.line.kind !== 'break')
    out.push(block(n.line, status, [status === 'added' ? { value: n.line.text, added: true } : { value: n.line.text, removed: true }]));
  for (const child of n.children) whole(child, status, out);
}

// Built field by field: a redline of a large page makes tens of thousands of these.
function block(line: Line, status: RedlineBlock['status'], parts: WordPart[]): RedlineBlock {
  const b: RedlineBlock = { kind: line.kind as RedlineBlock['kind'], status, parts };
  if (line.kind === 'heading') b.level = line.level!;
  return b;
}

interface Target {
  text: string;
  url: string;
}

/** The links of a block's Markdown that lead out of the page (a link to an anchor names an id, not an address). */
function targets(markdown: string): Target[] {
  const out: Target[] = [];
  visit(parseProse(markdown, 'text'), 'link', (node: Link) => {
    if (!node.url.startsWith('#')) out.push({ text: toString(node), url: node.url });
  });
  return out;
}

/** Links whose target changed: matched by their text, then the rest in order. */
function linkChanges(before: string, after: string): LinkChange[] {
  const a = targets(before);
  const b = targets(after);
  const used = new Set<number>();
  const unmatched: Target[] = [];
  const out: LinkChange[] = [];
  for (const link of b) {
    const i = a.findIndex((l, k) => !used.has(k) && l.text === link.text);
    if (i < 0) {
      unmatched.push(link);
      continue;
    }
    used.add(i);
    if (a[i]!.url !== link.url) out.push({ text: link.text, from: a[i]!.url, to: link.url });
  }
  const rest = a.filter((_, k) => !used.has(k));
  unmatched.forEach((link, k) => {
    const old = rest[k];
    if (old && old.url !== link.url && rest.length === unmatched.length) out.push({ text: link.text, from: old.url, to: link.url });
  });
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Words marked up as HTML: `<ins>` and `<del>`, each with a text label so the marks read without colour. */
export function wordsToHtml(parts: readonly WordPart[], escape: (text: string) => string): string {
  return parts
    .map((p) => (p.added ? `<ins>${escape(p.value)}</ins>` : p.removed ? `<del>${escape(p.value)}</del>` : escape(p.value)))
    .join('');
}
