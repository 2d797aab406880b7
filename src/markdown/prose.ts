import type { ElementContent, Root as HastRoot } from 'hast';
import type { Heading, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { markdownAnchor } from './escape.js';
import { RecentMemo } from './memo.js';
import { parseMarkdown } from './parser.js';
import { useMarkdownParser } from './parser-slot.js';
import { toHtml, toMarkdown } from './processors.js';
import { defaultHeadingBase, parseProse, planKey, planOf, type HeadingPlan, type ProseKind } from './prose-tree.js';
import type { ImageHosts } from './sanitise.js';

export { defaultHeadingBase, parseProse, proseToPlainText } from './prose-tree.js';
export type { HeadingPlan, ProseKind } from './prose-tree.js';
export { parseMarkdown } from './parser.js';

// The renderer loads the parser with its processors: prose parses at once wherever it renders.
useMarkdownParser(parseMarkdown);

/** A heading of a prose field with an anchor: its level as printed, its anchor and its words. */
export interface ProseHeading {
  depth: number;
  anchor: string;
  text: string;
}

// Each distinct text is rendered once while it is in use (see RecentMemo: memory stays bounded however many
// versions). Sizes in characters: a generation holds at least a large document's texts (a 1,000-cookie page's prose is about
// 1M, its HTML about 2M), and no more, as the heap grows to a few times what stays live; a rendering weighs about its text.
const renderedHtml = new RecentMemo<string>(4_000_000);
const renderedMarkdown = new RecentMemo<string>(4_000_000);

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
