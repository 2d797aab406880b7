import type { ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { ownCopy, RecentMemo } from './memo.js';
import { parser, toHtml, toMarkdown } from './processors.js';
import { makeSafe, shiftHeadings, type ImageHosts } from './sanitise.js';

/** `prose`: block Markdown (paragraphs, lists); `text`: one line of inline Markdown. */
export type ProseKind = 'prose' | 'text';

/** The heading level the shallowest heading of a prose field becomes (below the sections' h2), unless a field asks otherwise. */
export const defaultHeadingBase = 3;

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
