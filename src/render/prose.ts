import type { Root as HastRoot, ElementContent } from 'hast';
import type { Root as MdastRoot, PhrasingContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ownCopy, RecentMemo } from './memo.js';

/** `prose`: block Markdown (paragraphs, lists); `text`: one line of inline Markdown. */
export type ProseKind = 'prose' | 'text';

/** The heading level the shallowest heading of a prose field becomes (below the sections' h2), unless a field asks otherwise. */
export const defaultHeadingBase = 3;

/** Link targets that may be published; anything else (`javascript:`, `data:`, `vbscript:`) is dropped. */
export const safeUrl = /^(https?:|mailto:|tel:|#|\/(?!\/)|\.{1,2}\/)/i;

/** Host names images may be loaded from besides the site itself (`images.allowHosts` in the config), lower-case. */
export type ImageHosts = readonly string[];

// Stands for the site when resolving an image's URL: `.invalid` never resolves, so no real image can claim it.
const siteBase = new URL('https://policy.invalid/');

/**
 * The host an image is loaded from when it is not the site's own: an image on
 * another host lets that host follow every reader (a tracking pixel). The
 * URL is resolved as a browser does (`//host`, `/\\host` and `https:` count as
 * remote); undefined for a relative image, '' for one with no host at all
 * (`mailto:`), which is never allowed.
 */
export function remoteImageHost(url: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(url.trim(), siteBase);
  } catch {
    return '';
  }
  return resolved.origin === siteBase.origin ? undefined : resolved.hostname;
}

/** Whether an image may be published: one of the site's own, or on an allowed host over http(s). */
export function imageAllowed(url: string, allowHosts: ImageHosts): boolean {
  const host = remoteImageHost(url);
  return host === undefined || (host !== '' && /^https?:/i.test(url.trim()) && allowHosts.includes(host));
}

// Processors are built once: building them per field would dominate a build.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'] } })
  .use(escapeAllText)
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

/**
 * hast-util-to-html escapes only `<` and `&` in text; pages must also pass
 * strict validators (html-validate's `no-raw-characters`), so after
 * sanitizing, each text node becomes a raw node holding its fully escaped
 * value. Raw nodes exist only from here on: sanitizing has already dropped
 * any that came from the input, so `allowDangerousHtml` passes only these.
 */
function escapeAllText() {
  return (tree: HastRoot) => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: 'raw', value: escapeHtml(node.value) } as unknown as typeof node;
    });
  };
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
// Fields and whole pages are serialised with the same settings, so both print alike.
const markdownSettings = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' } as const;
// Tables unaligned: a row's text then never depends on the widths of the others (a one-cookie change is a one-line change).
const gfmSettings = { tablePipeAlign: false } as const;
const toMarkdown = unified().use(remarkGfm, gfmSettings).use(remarkStringify, markdownSettings).freeze();
const markdownNormaliser = unified().use(remarkParse).use(remarkGfm, gfmSettings).use(remarkStringify, markdownSettings).freeze();

// Each distinct text is parsed and rendered once while it is in use (see RecentMemo: memory stays bounded however many
// versions). Sizes in characters: a generation holds at least a large document's texts; a tree weighs about ten times its text.
const parsed = new RecentMemo<MdastRoot>(4_000_000);
const renderedHtml = new RecentMemo<string>(8_000_000);
const renderedMarkdown = new RecentMemo<string>(8_000_000);

/** Parse Markdown as written, raw HTML and all: for checks that report what will be dropped. */
export function parseMarkdown(text: string): MdastRoot {
  return parser.parse(text);
}

/**
 * Parse a prose field to mdast, once per distinct text, kind and heading
 * level, and make it safe for every output: raw HTML is dropped, links with
 * unsafe targets keep only their text, and unsafe images go. A `text` field
 * that is not a single paragraph (it starts with `1. ` or `# `, say) is taken
 * literally, since one line of text is never a list or heading. Headings are
 * shifted so the shallowest becomes `headingBase`. The returned tree is
 * shared: do not mutate it.
 */
export function parseProse(text: string, kind: ProseKind, headingBase = defaultHeadingBase, imageHosts: ImageHosts = []): MdastRoot {
  const key = `${kind}\0${headingBase}\0${imageHosts.join(' ')}\0${text}`;
  let tree = parsed.get(key);
  if (!tree) {
    // The tree's strings are cut from the text: parse a copy of its own, in case the text was cut from a whole page.
    tree = parser.parse(ownCopy(text));
    if (kind === 'text') {
      const only = tree.children.length === 1 ? tree.children[0] : undefined;
      if (only?.type !== 'paragraph') {
        tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
      }
    }
    makeSafe(tree, imageHosts);
    shiftHeadings(tree, headingBase);
    parsed.set(key, tree);
  }
  return tree;
}

function makeSafe(tree: MdastRoot, imageHosts: ImageHosts): void {
  const definitions = definitionUrls(tree);
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      parent.children.splice(index, 1);
      return index;
    }
    if ((node.type === 'image' || node.type === 'definition') && !safeUrl.test(node.url.trim())) {
      parent.children.splice(index, 1);
      return index;
    }
    // Images from other hosts go (`![x][ref]` through its definition too); the definition stays for links.
    const imageUrl = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (imageUrl !== undefined && !imageAllowed(imageUrl, imageHosts)) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'link' && !safeUrl.test(node.url.trim())) {
      (parent.children as PhrasingContent[]).splice(index, 1, ...node.children);
      return index;
    }
    return undefined;
  });
  // A paragraph that held only raw HTML is now empty: drop it rather than print `<p></p>`.
  visit(tree, 'paragraph', (node, index, parent) => {
    if (parent && index !== undefined && node.children.length === 0) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

/** The targets of a tree's link definitions, by identifier (mdast's, already normalised; the first definition of a label wins, as in CommonMark). */
export function definitionUrls(tree: MdastRoot): Map<string, string> {
  const urls = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
  });
  return urls;
}

function shiftHeadings(tree: MdastRoot, base: number): void {
  let shallowest = 7;
  visit(tree, 'heading', (node) => {
    shallowest = Math.min(shallowest, node.depth);
  });
  if (shallowest === 7) return;
  visit(tree, 'heading', (node) => {
    node.depth = Math.min(6, node.depth - shallowest + base) as typeof node.depth;
  });
}

/** Render a prose field to sanitized HTML: raw HTML, scripts, event handlers and `javascript:` links come out inert. */
export function proseToHtml(text: string, kind: ProseKind, headingBase = defaultHeadingBase, imageHosts: ImageHosts = []): string {
  const key = `${kind}\0${headingBase}\0${imageHosts.join(' ')}\0${text}`;
  let html = renderedHtml.get(key);
  if (html === undefined) {
    const hast = toHtml.runSync(structuredClone(parseProse(text, kind, headingBase, imageHosts))) as HastRoot;
    if (kind === 'text') {
      const paragraph = hast.children.find((n) => n.type === 'element');
      const children: ElementContent[] = paragraph && paragraph.type === 'element' ? paragraph.children : [];
      html = toHtml.stringify({ type: 'root', children });
    } else {
      html = toHtml.stringify(hast);
    }
    renderedHtml.set(key, html);
  }
  return html;
}

/** Render a prose field as normalised GitHub-flavoured Markdown (no trailing newline). */
export function proseToMarkdown(text: string, kind: ProseKind, headingBase = defaultHeadingBase, imageHosts: ImageHosts = []): string {
  const key = `${kind}\0${headingBase}\0${imageHosts.join(' ')}\0${text}`;
  let markdown = renderedMarkdown.get(key);
  if (markdown === undefined) {
    markdown = toMarkdown.stringify(structuredClone(parseProse(text, kind, headingBase, imageHosts))).trimEnd();
    renderedMarkdown.set(key, markdown);
  }
  return markdown;
}

/** Escape a plain string so Markdown shows it literally (every ASCII punctuation mark backslashed; the page normaliser removes what is not needed). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$"']/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

const normalisedPieces = new RecentMemo<string>(8_000_000);
/** A line starting a link definition or a raw HTML block. */
const crossesBlocks = /^ {0,3}(<[!?a-zA-Z/]|\[[^\]]*\]:)/m;

/** Normalise a piece of Markdown once per distinct key (what it is and its text) while it is in use. */
function normalisedOnce(key: string, normalise: () => string): string {
  let normal = normalisedPieces.get(key);
  if (normal === undefined) {
    normal = normalise();
    normalisedPieces.set(key, normal);
  }
  return normal;
}

/** Parse and re-serialise Markdown in one go: the reference every shortcut below must equal (tests compare them). */
export function normaliseMarkdownWhole(markdown: string): string {
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
  return markdownSections(markdown)
    .map((section) => normalisedOnce(`section\0${section}`, () => normaliseSection(section)))
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
      typeof piece === 'string' ? normalisedOnce(`text\0${piece}`, () => normaliseMarkdownWhole(piece)) : 'items' in piece ? normaliseList(piece.items) : normaliseTable(piece);
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
      if (fence === undefined && i > 0 && blankBefore(i) && /^([A-Za-z\\]|\d(?!\d{0,8}[.)]))/.test(line) && text.some((l) => l.trim() !== '')) {
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
    pieces.push(text.join('\n'), startsTable ? { header: line, delimiter: lines[i + 1]!, rows: lines.slice(i + 2, end) } : { items: lines.slice(i, end) });
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
    const only = tree.children.length === 1 && list?.type === 'list' && !list.ordered && list.children.length === 1 ? list.children[0] : undefined;
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

/** The plain text of a prose field (for a page description, say). */
export function proseToPlainText(text: string, kind: ProseKind): string {
  const key = `${kind}\0${text}`;
  let plain = plainTexts.get(key);
  if (plain === undefined) {
    plain = plainTextOf(text, kind);
    plainTexts.set(key, plain);
  }
  return plain;
}

// Redlines take the plain text of every line of two pages, and pages every section title: each distinct text once.
const plainTexts = new RecentMemo<string>(4_000_000);

function plainTextOf(text: string, kind: ProseKind): string {
  let out = '';
  visit(parseProse(text, kind), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += (node as PhrasingContent & { value: string }).value;
    else if (node.type === 'paragraph' && out) out += ' ';
  });
  // No-break spaces stay: French puts them inside « » and before : ; ? ! so that no line breaks there.
  return out.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}
