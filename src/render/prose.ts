import type { Root as HastRoot, ElementContent } from 'hast';
import type { Root as MdastRoot, PhrasingContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** `prose`: block Markdown (paragraphs, lists); `text`: one line of inline Markdown. */
export type ProseKind = 'prose' | 'text';

/** Headings inside prose start at this level, below the page's h1 and the sections' h2. */
const proseHeadingDepth = 3;

// Processors are built once: building them per field would dominate a build.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const toHtml = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();
// Fields and whole pages are serialised with the same settings, so both print alike.
const markdownSettings = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' } as const;
const toMarkdown = unified().use(remarkGfm).use(remarkStringify, markdownSettings).freeze();
const markdownNormaliser = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, markdownSettings).freeze();

const parsed = new Map<string, MdastRoot>();
const renderedHtml = new Map<string, string>();
const renderedMarkdown = new Map<string, string>();

/**
 * Parse a prose field to mdast, once per distinct text and kind. A `text`
 * field that is not a single paragraph (it starts with `1. ` or `# `, say)
 * is taken literally, since one line of text is never a list or heading.
 * The returned tree is shared: do not mutate it.
 */
export function parseProse(text: string, kind: ProseKind): MdastRoot {
  const key = `${kind}\0${text}`;
  let tree = parsed.get(key);
  if (!tree) {
    tree = parser.parse(text);
    if (kind === 'text') {
      const only = tree.children.length === 1 ? tree.children[0] : undefined;
      if (only?.type !== 'paragraph') {
        tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
      }
    } else {
      visit(tree, 'heading', (node) => {
        node.depth = Math.min(6, node.depth + proseHeadingDepth - 1) as typeof node.depth;
      });
    }
    parsed.set(key, tree);
  }
  return tree;
}

/** Render a prose field to sanitized HTML: raw HTML, scripts, event handlers and `javascript:` links come out inert. */
export function proseToHtml(text: string, kind: ProseKind): string {
  const key = `${kind}\0${text}`;
  let html = renderedHtml.get(key);
  if (html === undefined) {
    const hast = toHtml.runSync(structuredClone(parseProse(text, kind))) as HastRoot;
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
export function proseToMarkdown(text: string, kind: ProseKind): string {
  const key = `${kind}\0${text}`;
  let markdown = renderedMarkdown.get(key);
  if (markdown === undefined) {
    markdown = toMarkdown.stringify(structuredClone(parseProse(text, kind))).trimEnd();
    renderedMarkdown.set(key, markdown);
  }
  return markdown;
}

/** Escape a plain string so Markdown shows it literally (every ASCII punctuation mark backslashed; the page normaliser removes what is not needed). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$"']/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Parse and re-serialise a whole Markdown page, so output is normalised whatever the template wrote. */
export function normaliseMarkdown(markdown: string): string {
  return String(markdownNormaliser.processSync(markdown));
}

/** The plain text of a prose field (for a page description, say). */
export function proseToPlainText(text: string, kind: ProseKind): string {
  let out = '';
  visit(parseProse(text, kind), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += (node as PhrasingContent & { value: string }).value;
    else if (node.type === 'paragraph' && out) out += ' ';
  });
  return out.replace(/\s+/g, ' ').trim();
}
