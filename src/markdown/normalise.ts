import type { Root as MdastRoot } from 'mdast';
import { ownCopy, RecentMemo } from './memo.js';
import { markdownNormaliser } from './processors.js';

/** A piece's normal form with the memo's own copy of its key, so that what refers to the piece shares the key's text. */
interface Piece {
  key: string;
  normal: string;
}
const normalisedPieces = new RecentMemo<Piece>(
  4_000_000,
  (piece) => piece.normal.length,
  (piece) => piece.key,
);
/**
 * A line starting a link definition or a raw HTML block. A line starting with
 * a page's own anchor (`<a id="controller"></a>Data controller: …`) starts a
 * paragraph, not a block (CommonMark: the tag must be alone on its line).
 */
const crossesBlocks = /^ {0,3}(<(?!a id="[^"<>]*"><\/a>\S)[!?a-zA-Z/]|\[[^\]]*\]:)/m;

/** Normalise a piece of Markdown once per distinct key (what it is and its text) while it is in use. */
function normalisedOnce(key: string, normalise: () => string): string {
  return normalisedPiece(key, normalise).normal;
}

/** The piece of a key, normalised once (see `normalisedOnce`), noted in the section being normalised. */
function normalisedPiece(key: string, normalise: () => string): Piece {
  let piece = normalisedPieces.get(key);
  if (piece === undefined) {
    // A piece an earlier run stored moves to the memo when first used: restored pieces wait apart, so that this run's own do not push them out before their page comes.
    let normal = piecesLog.restored.get(key);
    if (normal === undefined) normal = normalise();
    else piecesLog.restored.delete(key);
    const own = ownCopy(key);
    piece = { key: own, normal };
    normalisedPieces.set(own, piece, true);
  }
  if (piecesLog.collecting && !key.startsWith('section\0')) piecesLog.collecting.push(piece);
  return piece;
}

/**
 * What the sections used last were made of, for a later run to start from
 * (see `src/publish/markdown-pieces.ts`): for each section, its pieces (key
 * and normal form) when it was cut into pieces, else the section itself. A
 * release's pages share most pieces with the newest version's pages before
 * it, which a build renders last; a section that changed needs its pieces,
 * not its own normal form. Kept by recent use, like the pieces themselves
 * (keys counted, about three large pages' sections).
 */
const sectionPieces = new RecentMemo<{ key: string; pieces: Piece[] }>(
  3_000_000,
  () => 0,
  (section) => section.key,
);
const piecesLog: {
  /** The pieces the section being normalised is made of, while it is. */
  collecting?: Piece[] | undefined;
  /** How many times Markdown was parsed to normalise it. */
  normalised: number;
  /** Pieces an earlier run stored, not used yet in this one. */
  restored: Map<string, string>;
  /** Pieces stored by an earlier run, restored on the first normalisation that needs them. */
  source?: (() => unknown) | undefined;
} = { normalised: 0, restored: new Map() };

/** Keys of the kinds of piece below: a piece is only a key and its normal form. */
const pieceKind = /^(section|text|item|table|row)\0/;

/**
 * Restore pieces an earlier run normalised (`recentPieces`), as data: pairs
 * of strings whose key is of a known kind, anything else ignored. Returns how
 * many were restored. A piece the memo knows keeps its value.
 */
export function restorePieces(entries: unknown): number {
  if (!Array.isArray(entries)) return 0;
  let restored = 0;
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2) continue;
    const [key, normal] = entry as unknown[];
    if (typeof key !== 'string' || typeof normal !== 'string' || !pieceKind.test(key)) continue;
    piecesLog.restored.set(key, normal);
    restored++;
  }
  return restored;
}

/** Where pieces stored by an earlier run come from: read only when a page is normalised (a build whose pages are all cached reads nothing). */
export function restorePiecesFrom(source: (() => unknown) | undefined): void {
  piecesLog.source = source;
  // Pieces restored for one run and not used by it are not kept for the next (`serve` builds again and again).
  piecesLog.restored = new Map();
}

/** How many times this process has parsed Markdown to normalise it. */
export function markdownParses(): number {
  return piecesLog.normalised;
}

/** The pieces of the sections used last (see `sectionPieces`), as pairs, and how many times this process has parsed Markdown to normalise it. */
export function recentPieces(): { entries: [string, string][]; normalised: number } {
  const out = new Map<string, string>();
  for (const { pieces } of sectionPieces.values()) for (const { key, normal } of pieces) out.set(key, normal);
  return { entries: [...out], normalised: piecesLog.normalised };
}

/** A section's normal form, once per distinct section, noting what it is made of (keyed by the memo's own copy of its key). */
function normalisedSection(section: string): string {
  const key = `section\0${section}`;
  const known = normalisedPieces.get(key);
  if (known !== undefined && sectionPieces.get(key)) return known.normal;
  const collected: Piece[] = [];
  piecesLog.collecting = collected;
  let piece: Piece;
  try {
    piece = normalisedPiece(key, () => normaliseSection(section));
  } finally {
    piecesLog.collecting = undefined;
  }
  // Restored or normalised whole: the section is kept as itself.
  sectionPieces.set(piece.key, { key: piece.key, pieces: collected.length ? collected : [piece] }, true);
  return piece.normal;
}

/** Parse and re-serialise Markdown in one go: the reference every shortcut below must equal (tests compare them). */
export function normaliseMarkdownWhole(markdown: string): string {
  piecesLog.normalised++;
  return String(markdownNormaliser.processSync(markdown));
}

/**
 * Parse and re-serialise a whole Markdown page, so output is normalised
 * whatever the template wrote. Done one section at a time (split before each
 * ATX heading outside code fences, where CommonMark ends every open block
 * anyway), each distinct section once, and a table one row at a time:
 * versions of a policy share most of their sections and most rows of their
 * tables, and parsing whole pages (a 1,000-cookie table took half a second)
 * dominated multi-version builds. Lists of one-line items go item by item
 * in the same way. Tables are written unaligned, so that a row's text never
 * depends on the other rows.
 */
export function normaliseMarkdown(markdown: string): string {
  // A link definition or a raw HTML block may reach across sections: such a page is parsed whole.
  if (crossesBlocks.test(markdown)) return normaliseMarkdownWhole(markdown);
  if (piecesLog.source) {
    const source = piecesLog.source;
    piecesLog.source = undefined;
    restorePieces(source());
  }
  return markdownSections(markdown)
    .map(normalisedSection)
    .filter((normal) => normal !== '')
    .join('\n');
}

/** A section: its paragraphs each normalised alone, its tables and simple lists row by row and item by item; the whole section when a block's extent is unclear. */
function normaliseSection(section: string): string {
  const pieces = blockPieces(section);
  if (!pieces) return normaliseMarkdownWhole(section);
  const out: string[] = [];
  for (const piece of pieces) {
    const normal =
      typeof piece === 'string'
        ? normalisedOnce(`text\0${piece}`, () => normaliseMarkdownWhole(piece))
        : 'items' in piece
          ? normaliseList(piece.items)
          : normaliseTable(piece);
    if (normal === undefined) return normaliseMarkdownWhole(section);
    if (normal.trim() !== '') out.push(normal.replace(/\n+$/, ''));
  }
  return out.length ? `${out.join('\n\n')}\n` : '';
}

interface TableLines {
  header: string;
  delimiter: string;
  rows: string[];
}

const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A line that may open a list item, or continue one (indented). */
const listish = /^(\s|[-*+](\s|$)|\d{1,9}[.)](\s|$))/;

/**
 * A section cut into text (cut again before each paragraph that starts at the
 * margin after a blank line), tables and simple lists (one `- ` item per
 * line), each starting at the left margin after a blank line and ending at a
 * blank line or the section's end. Undefined when there is none, or when a block's
 * extent is not certain (a line might continue it, a list might go on after
 * a blank line): then the section is normalised whole.
 */
function blockPieces(section: string): (string | TableLines | { items: string[] })[] | undefined {
  const lines = section.split('\n');
  const pieces: (string | TableLines | { items: string[] })[] = [];
  let text: string[] = [];
  let fence: string | undefined;
  let found = false;
  const blankBefore = (i: number) => i === 0 || lines[i - 1]!.trim() === '';
  const nonBlank = (from: number) => {
    for (let k = from; k < lines.length; k++) if (lines[k]!.trim() !== '') return lines[k];
    return undefined;
  };
  // Whether the block before line i (back to the blank lines before it) is or ends a list: a list after it would continue it.
  const afterList = (i: number) => {
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    for (; k >= 0 && lines[k]!.trim() !== ''; k--) if (listish.test(lines[k]!)) return true;
    return false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    fence = nextFence(line, fence);
    const startsTable = fence === undefined && line.startsWith('|') && delimiterRow.test(lines[i + 1] ?? '') && blankBefore(i);
    const startsList = fence === undefined && /^- \S/.test(line) && blankBefore(i) && !afterList(i);
    if (!startsTable && !startsList) {
      // A paragraph starting at the margin after a blank line ends whatever came before: it can be normalised alone.
      if (
        fence === undefined &&
        i > 0 &&
        blankBefore(i) &&
        /^([A-Za-z\\]|\d(?!\d{0,8}[.)]))/.test(line) &&
        text.some((l) => l.trim() !== '')
      ) {
        pieces.push(text.join('\n'));
        text = [];
        found = true;
      }
      text.push(line);
      continue;
    }
    let end = startsTable ? i + 2 : i + 1;
    while (end < lines.length && (startsTable ? lines[end]!.startsWith('|') : /^- \S/.test(lines[end]!))) end++;
    if (end < lines.length && lines[end]!.trim() !== '') return undefined;
    // A list goes on after blank lines when an item or an indented line follows.
    if (startsList && listish.test(nonBlank(end) ?? '')) return undefined;
    pieces.push(
      text.join('\n'),
      startsTable ? { header: line, delimiter: lines[i + 1]!, rows: lines.slice(i + 2, end) } : { items: lines.slice(i, end) },
    );
    text = [];
    found = true;
    i = end - 1;
  }
  pieces.push(text.join('\n'));
  return found ? pieces : undefined;
}

/** A tight list normalised item by item (each distinct item once); undefined when an item is not one line of one paragraph. */
function normaliseList(items: readonly string[]): string | undefined {
  const out = normaliseEach('item', items, (item) => {
    const { tree, lines } = reprint(item);
    const list = tree.children[0];
    const only =
      tree.children.length === 1 && list?.type === 'list' && !list.ordered && list.children.length === 1 ? list.children[0] : undefined;
    return only?.children.length === 1 && only.children[0]!.type === 'paragraph' && lines.length === 1 ? lines[0] : undefined;
  });
  return out && `${out.join('\n')}\n`;
}

/** Lines normalised one at a time, each distinct one once; undefined when one cannot be normalised alone. */
function normaliseEach(kind: string, lines: readonly string[], normalise: (line: string) => string | undefined): string[] | undefined {
  const out: string[] = [];
  for (const line of lines) {
    // '\0' marks a line that cannot be normalised alone (a memo holds no undefined).
    const normal = normalisedOnce(`${kind}\0${line}`, () => normalise(line) ?? '\0');
    if (normal === '\0') return undefined;
    out.push(normal);
  }
  return out;
}

/** Markdown parsed and printed with the page settings: the tree (to check what it is) and the printed lines. */
function reprint(markdown: string): { tree: MdastRoot; lines: string[] } {
  piecesLog.normalised++;
  const tree = markdownNormaliser.runSync(markdownNormaliser.parse(markdown)) as MdastRoot;
  return { tree, lines: markdownNormaliser.stringify(tree).replace(/\n$/, '').split('\n') };
}

/** A table normalised row by row (each distinct row once); undefined when a row is not exactly one row of the header's width. */
function normaliseTable({ header, delimiter, rows }: TableLines): string | undefined {
  const head = `${header}\n${delimiter}`;
  const out = normaliseEach('table', [head], (lines) => normaliseTableLines(lines, 0));
  const body = out && normaliseEach(`row\0${head}`, rows, (row) => normaliseTableLines(`${head}\n${row}`, 1));
  return body && `${[...out!, ...body].join('\n')}\n`;
}

/** Normalise a table of a header and `bodyRows` rows: the header and delimiter lines when `bodyRows` is 0, else the body row's line; undefined when it does not parse as such a table. */
function normaliseTableLines(markdown: string, bodyRows: 0 | 1): string | undefined {
  const { tree, lines } = reprint(markdown);
  const table = tree.children[0];
  if (tree.children.length !== 1 || table?.type !== 'table' || table.children.length !== 1 + bodyRows) return undefined;
  const width = table.children[0]!.children.length;
  if (table.children.some((row) => row.children.length !== width)) return undefined;
  if (lines.length !== 2 + bodyRows) return undefined;
  return bodyRows ? lines[2] : `${lines[0]}\n${lines[1]}`;
}

/** The code fence open after `line`, given the one open before it (CommonMark: a closing fence has the opening's character, at least its length, and nothing after it). */
function nextFence(line: string, fence: string | undefined): string | undefined {
  if (fence === undefined) return /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(line)?.[1];
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
  return close && close[0] === fence[0] && close.length >= fence.length ? undefined : fence;
}

/** A Markdown page cut before each ATX heading that is not inside a fenced code block. */
function markdownSections(markdown: string): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    fence = nextFence(line, fence);
    if (fence === undefined && /^#{1,6}(?: |$)/.test(line) && current.some((l) => l.trim() !== '')) {
      sections.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  sections.push(current.join('\n'));
  return sections;
}
