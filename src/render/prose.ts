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

/** `prose`: block Markdown (paragraphs, lists); `text`: one line of inline Markdown. */
export type ProseKind = 'prose' | 'text';

/** The heading level the shallowest heading of a prose field becomes (below the sections' h2), unless a field asks otherwise. */
export const defaultHeadingBase = 3;

/** Link targets that may be published; anything else (`javascript:`, `data:`, `vbscript:`) is dropped. */
export const safeUrl = /^(https?:|mailto:|tel:|#|\/(?!\/)|\.{1,2}\/)/i;

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

const parsed = new Map<string, MdastRoot>();
const renderedHtml = new Map<string, string>();
const renderedMarkdown = new Map<string, string>();

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
export function parseProse(text: string, kind: ProseKind, headingBase = defaultHeadingBase): MdastRoot {
  const key = `${kind}\0${headingBase}\0${text}`;
  let tree = parsed.get(key);
  if (!tree) {
    tree = parser.parse(text);
    if (kind === 'text') {
      const only = tree.children.length === 1 ? tree.children[0] : undefined;
      if (only?.type !== 'paragraph') {
        tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
      }
    }
    makeSafe(tree);
    shiftHeadings(tree, headingBase);
    parsed.set(key, tree);
  }
  return tree;
}

function makeSafe(tree: MdastRoot): void {
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
export function proseToHtml(text: string, kind: ProseKind, headingBase = defaultHeadingBase): string {
  const key = `${kind}\0${headingBase}\0${text}`;
  let html = renderedHtml.get(key);
  if (html === undefined) {
    const hast = toHtml.runSync(structuredClone(parseProse(text, kind, headingBase))) as HastRoot;
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
export function proseToMarkdown(text: string, kind: ProseKind, headingBase = defaultHeadingBase): string {
  const key = `${kind}\0${headingBase}\0${text}`;
  let markdown = renderedMarkdown.get(key);
  if (markdown === undefined) {
    markdown = toMarkdown.stringify(structuredClone(parseProse(text, kind, headingBase))).trimEnd();
    renderedMarkdown.set(key, markdown);
  }
  return markdown;
}

/** Escape a plain string so Markdown shows it literally (every ASCII punctuation mark backslashed; the page normaliser removes what is not needed). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$"']/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

const normalisedPieces = new Map<string, string>();

/** Normalise a piece of Markdown once per distinct key (what it is and its text) (bounded, for long-running `serve` and `build --watch`: a fresh start costs only speed). */
function normalisedOnce(key: string, normalise: () => string): string {
  let normal = normalisedPieces.get(key);
  if (normal === undefined) {
    normal = normalise();
    if (normalisedPieces.size >= 50_000) normalisedPieces.clear();
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
 * dominated multi-version builds. Tables are written unaligned, so that a
 * row's text never depends on the other rows.
 */
export function normaliseMarkdown(markdown: string): string {
  return markdownSections(markdown)
    .map((section) => normalisedOnce(`section\0${section}`, () => normaliseSection(section)))
    .filter((normal) => normal !== '')
    .join('\n');
}

/** A section: the text around its tables normalised as it is, each table row by row; the whole section when a table's end is unclear. */
function normaliseSection(section: string): string {
  const pieces = tablePieces(section);
  if (!pieces) return normaliseMarkdownWhole(section);
  const out: string[] = [];
  for (const piece of pieces) {
    const normal = typeof piece === 'string' ? normalisedOnce(`text\0${piece}`, () => normaliseMarkdownWhole(piece)) : normaliseTable(piece);
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

/**
 * A section cut into text and the tables that start at the left margin after
 * a blank line and end at a blank line or the section's end. Undefined when
 * there is no such table, or when a line might continue one (a table's end
 * must be certain for its rows to be normalised alone).
 */
function tablePieces(section: string): (string | TableLines)[] | undefined {
  const lines = section.split('\n');
  const pieces: (string | TableLines)[] = [];
  let text: string[] = [];
  let fence: string | undefined;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === undefined ? marker : undefined;
    const startsTable = fence === undefined && line.startsWith('|') && delimiterRow.test(lines[i + 1] ?? '') && (i === 0 || lines[i - 1]!.trim() === '');
    if (!startsTable) {
      text.push(line);
      continue;
    }
    let end = i + 2;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    if (end < lines.length && lines[end]!.trim() !== '') return undefined;
    pieces.push(text.join('\n'), { header: line, delimiter: lines[i + 1]!, rows: lines.slice(i + 2, end) });
    text = [];
    found = true;
    i = end - 1;
  }
  pieces.push(text.join('\n'));
  return found ? pieces : undefined;
}

/** A table normalised row by row (each distinct row once); undefined when a row is not exactly one row of the header's width. */
function normaliseTable({ header, delimiter, rows }: TableLines): string | undefined {
  const head = normalisedOnce(`table\0${header}\n${delimiter}`, () => normaliseTableLines(`${header}\n${delimiter}`, 0) ?? '\0');
  if (head === '\0') return undefined;
  const out = [head];
  for (const row of rows) {
    const normal = normalisedOnce(`row\0${header}\n${delimiter}\n${row}`, () => normaliseTableLines(`${header}\n${delimiter}\n${row}`, 1) ?? '\0');
    if (normal === '\0') return undefined;
    out.push(normal);
  }
  return `${out.join('\n')}\n`;
}

/** Normalise a table of a header and `bodyRows` rows: the header and delimiter lines when `bodyRows` is 0, else the body row's line; undefined when it does not parse as such a table. */
function normaliseTableLines(markdown: string, bodyRows: 0 | 1): string | undefined {
  const tree = markdownNormaliser.runSync(markdownNormaliser.parse(markdown)) as MdastRoot;
  const table = tree.children[0];
  if (tree.children.length !== 1 || table?.type !== 'table' || table.children.length !== 1 + bodyRows) return undefined;
  const width = table.children[0]!.children.length;
  if (table.children.some((row) => row.children.length !== width)) return undefined;
  const lines = markdownNormaliser.stringify(tree).replace(/\n$/, '').split('\n');
  if (lines.length !== 2 + bodyRows) return undefined;
  return bodyRows ? lines[2] : `${lines[0]}\n${lines[1]}`;
}

/** A Markdown page cut before each ATX heading that is not inside a fenced code block. */
function markdownSections(markdown: string): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === undefined ? marker : undefined;
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
  let out = '';
  visit(parseProse(text, kind), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += (node as PhrasingContent & { value: string }).value;
    else if (node.type === 'paragraph' && out) out += ' ';
  });
  // No-break spaces stay: French puts them inside « » and before : ; ? ! so that no line breaks there.
  return out.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}
