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
const toMarkdown = unified().use(remarkGfm).use(remarkStringify, markdownSettings).freeze();
const markdownNormaliser = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, markdownSettings).freeze();

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

const normalisedSections = new Map<string, string>();

/**
 * Parse and re-serialise a whole Markdown page, so output is normalised
 * whatever the template wrote. Done one section at a time (split before each
 * ATX heading outside code fences, where CommonMark ends every open block
 * anyway), each distinct section once: versions of a policy share most of
 * their sections, and parsing whole pages dominated multi-version builds.
 */
export function normaliseMarkdown(markdown: string): string {
  return markdownSections(markdown)
    .map((section) => {
      let normal = normalisedSections.get(section);
      if (normal === undefined) {
        normal = String(markdownNormaliser.processSync(section));
        // Bounded, for long-running `serve` and `build --watch`: a fresh start costs only speed.
        if (normalisedSections.size >= 20_000) normalisedSections.clear();
        normalisedSections.set(section, normal);
      }
      return normal;
    })
    .filter((normal) => normal !== '')
    .join('\n');
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
