import type { ElementContent, Root as HastRoot } from 'hast';
import type { Heading, Root as MdastRoot, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { markdownAnchor } from './escape.js';
import { ownCopy, RecentMemo } from './memo.js';
import { parser, toHtml, toMarkdown } from './processors.js';
import { keepHeadings, makeSafe, shiftHeadings, type ImageHosts } from './sanitise.js';

/** `prose`: block Markdown (paragraphs, lists); `text`: one line of inline Markdown. */
export type ProseKind = 'prose' | 'text';

/** The heading level the shallowest heading of a prose field becomes (below the sections' h2), unless a field asks otherwise. */
export const defaultHeadingBase = 3;

/** How a prose field's headings are levelled and named; a number is `{ base }`. */
export interface HeadingPlan {
  /** The level the shallowest heading becomes; with `keep`, the least level a heading may have. */
  base: number;
  /** Headings keep the level written (raised to `base` at least) instead of the shallowest becoming `base`. */
  keep?: boolean;
  /** Give every heading an anchor, `<anchors>-<its words>`, the same on the HTML and the Markdown page (the table of contents links to them). */
  anchors?: string;
}

/** A heading of a prose field with an anchor: its level as printed, its anchor and its words. */
export interface ProseHeading {
  depth: number;
  anchor: string;
  text: string;
}

const planOf = (headings: number | HeadingPlan): HeadingPlan => (typeof headings === 'number' ? { base: headings } : headings);
const planKey = ({ base, keep, anchors }: HeadingPlan) => `${base}${keep ? 'k' : ''}${anchors === undefined ? '' : `#${anchors}`}`;

// Each distinct text is parsed and rendered once while it is in use (see RecentMemo: memory stays bounded however many
// versions). Sizes in characters: a generation holds at least a large document's texts (a 1,000-cookie page's prose is about
// 1M, its HTML about 2M), and no more, as the heap grows to a few times what stays live; a tree weighs about ten times its text.
const parsed = new RecentMemo<MdastRoot>(2_000_000);
const renderedHtml = new RecentMemo<string>(4_000_000);
const renderedMarkdown = new RecentMemo<string>(4_000_000);

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
 * levelled by `headings` (see HeadingPlan; a number: the shallowest becomes
 * that level). The returned tree is shared: do not mutate it.
 */
export function parseProse(
  text: string,
  kind: ProseKind,
  headings: number | HeadingPlan = defaultHeadingBase,
  imageHosts: ImageHosts = [],
): MdastRoot {
  const plan = planOf(headings);
  // Anchors are added when printing: the tree is the same whatever they are named.
  const key = `${kind}\0${planKey({ base: plan.base, ...(plan.keep ? { keep: true } : {}) })}\0${imageHosts.join(' ')}\0${text}`;
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
    if (plan.keep) keepHeadings(tree, plan.base);
    else shiftHeadings(tree, plan.base);
    parsed.set(key, tree);
  }
  return tree;
}

/** What a rendering of a prose field is cached under: everything it depends on. */
function renderKey(text: string, kind: ProseKind, plan: HeadingPlan, imageHosts: ImageHosts): string {
  return `${kind}\0${planKey(plan)}\0${imageHosts.join(' ')}\0${text}`;
}

/** Render a prose field to sanitized HTML: raw HTML, scripts, event handlers and `javascript:` links come out inert. */
export function proseToHtml(
  text: string,
  kind: ProseKind,
  headings: number | HeadingPlan = defaultHeadingBase,
  imageHosts: ImageHosts = [],
): string {
  const plan = planOf(headings);
  const key = renderKey(text, kind, plan, imageHosts);
  let html = renderedHtml.get(key);
  if (html === undefined) {
    const tree = parseProse(text, kind, plan, imageHosts);
    const hast = toHtml.runSync(structuredClone(tree)) as HastRoot;
    // Ids are set after sanitizing (which would prefix them), heading by heading in the order of the tree's headings.
    if (plan.anchors !== undefined) {
      const anchors = headingAnchors(tree, plan.anchors).map((h) => h.anchor);
      visit(hast, 'element', (node) => {
        // A footnotes heading has an id of its own, and no heading of the text's.
        if (/^h[1-6]$/.test(node.tagName) && node.properties.id === undefined && anchors.length)
          node.properties = { ...node.properties, id: anchors.shift() };
      });
    }
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
export function proseToMarkdown(
  text: string,
  kind: ProseKind,
  headings: number | HeadingPlan = defaultHeadingBase,
  imageHosts: ImageHosts = [],
): string {
  const plan = planOf(headings);
  const key = renderKey(text, kind, plan, imageHosts);
  let markdown = renderedMarkdown.get(key);
  if (markdown === undefined) {
    const tree = structuredClone(parseProse(text, kind, plan, imageHosts));
    // Each heading starts with its anchor, as the page's own headings do (`### <a id="children-under-13s"></a>Under 13s`).
    if (plan.anchors !== undefined) {
      const anchors = headingAnchors(tree, plan.anchors).map((h) => h.anchor);
      visit(tree, 'heading', (node) => {
        node.children.unshift({ type: 'html', value: markdownAnchor(anchors.shift()!) });
      });
    }
    markdown = toMarkdown.stringify(tree).trimEnd();
    renderedMarkdown.set(key, markdown);
  }
  return markdown;
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
const plainTexts = new RecentMemo<string>(2_000_000);

function plainTextOf(text: string, kind: ProseKind): string {
  let out = '';
  visit(parseProse(text, kind), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += (node as PhrasingContent & { value: string }).value;
    else if (node.type === 'paragraph' && out) out += ' ';
  });
  // No-break spaces stay: French puts them inside « » and before : ; ? ! so that no line breaks there.
  return out.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}

/** The headings of a prose field as printed with `headings` (their anchors when it names them, else none): for the table of contents. */
export function proseHeadings(text: string, kind: ProseKind, headings: HeadingPlan, imageHosts: ImageHosts = []): ProseHeading[] {
  return headings.anchors === undefined ? [] : headingAnchors(parseProse(text, kind, headings, imageHosts), headings.anchors);
}

/**
 * Each heading of a tree, in order, with its anchor: the prefix and the
 * heading's words in lower-case ASCII letters and digits (`introduction-who-we-are`),
 * numbered from the second of the same words on (`-2`), `heading` when no word is left.
 */
function headingAnchors(tree: MdastRoot, prefix: string): ProseHeading[] {
  const used = new Set<string>();
  const out: ProseHeading[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const text = headingText(node);
    const words =
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'heading';
    let anchor = `${prefix}-${words}`;
    for (let n = 2; used.has(anchor); n++) anchor = `${prefix}-${words}-${n}`;
    used.add(anchor);
    out.push({ depth: node.depth, anchor, text });
  });
  return out;
}

/** A heading's words: its text and code, without the markup. */
function headingText(heading: Heading): string {
  let out = '';
  visit(heading, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
  });
  return out.replace(/\s+/g, ' ').trim();
}
