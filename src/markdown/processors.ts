import type { Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { escapeHtml } from './escape.js';

// Processors are built once: building them per field would dominate a build.
export { parser } from './parser.js';
export const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, {
    ...defaultSchema,
    // remark-rehype already prefixes the only ids prose can have (its footnotes'): prefixing them again broke their links.
    clobberPrefix: '',
    protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'] },
  })
  .use(wrapTables)
  .use(escapeAllText)
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

/** A table in prose scrolls on its own on a narrow screen, as the cookie table does: it goes in `<div class="table-wrap">`. */
function wrapTables() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (
        parent.type === 'element' &&
        parent.tagName === 'div' &&
        (parent.properties?.className as string[] | undefined)?.includes('table-wrap')
      )
        return;
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [node] };
    });
  };
}

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

// Fields and whole pages are serialised with the same settings, so both print alike.
const markdownSettings = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' } as const;
// Tables unaligned: a row's text then never depends on the widths of the others (a one-cookie change is a one-line change).
const gfmSettings = { tablePipeAlign: false } as const;
export const toMarkdown = unified().use(remarkGfm, gfmSettings).use(remarkStringify, markdownSettings).freeze();
export const markdownNormaliser = unified().use(remarkParse).use(remarkGfm, gfmSettings).use(remarkStringify, markdownSettings).freeze();
