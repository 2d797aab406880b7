import type { Root as MdastRoot, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { ownCopy, RecentMemo } from './memo.js';
import { markdownParser } from './parser-slot.js';
import { keepHeadings, makeSafe, shiftHeadings, type ImageHosts } from './sanitise.js';

// Prose parsed to a safe tree and to plain text, apart from its rendering
// (./prose.ts): the semantic diff names changes in plain text, and `validate`
// loads no renderer for it, nor the parser unless it parses (./parser-slot.ts).

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

export const planOf = (headings: number | HeadingPlan): HeadingPlan => (typeof headings === 'number' ? { base: headings } : headings);
export const planKey = ({ base, keep, anchors }: HeadingPlan) => `${base}${keep ? 'k' : ''}${anchors === undefined ? '' : `#${anchors}`}`;

// Each distinct text is parsed once while it is in use (see RecentMemo: memory stays bounded however many
// versions). Sizes in characters: a generation holds at least a large document's texts; a tree weighs about ten times its text.
const parsed = new RecentMemo<MdastRoot>(2_000_000);

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
    tree = markdownParser()(ownCopy(text));
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

/**
 * A text Markdown gives no meaning to: one line (so one paragraph), starting
 * with a letter (so no list, heading, quote or indented code), of letters,
 * digits, spaces and punctuation that marks nothing up (no emphasis, code,
 * link, HTML, escape or entity). Its plain text is itself, without parsing it:
 * test/prose-plain.test.ts compares with the parser on generated texts.
 */
export const markupFree = (text: string) => /^\p{L}[\p{L}\p{M}\p{N} ,.;:?!'"’‘“”()%/\u00a0\u202f–—…-]*$/u.test(text);

function plainTextOf(text: string, kind: ProseKind): string {
  // The diff reads most texts this way: it loads no parser for a change to a text without markup.
  return markupFree(text) ? collapse(text) : parsedPlainText(text, kind);
}

/** The plain text of a prose field, from its parsed tree. */
export function parsedPlainText(text: string, kind: ProseKind): string {
  let out = '';
  visit(parseProse(text, kind), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += (node as PhrasingContent & { value: string }).value;
    else if (node.type === 'paragraph' && out) out += ' ';
  });
  return collapse(out);
}

// No-break spaces stay: French puts them inside « » and before : ; ? ! so that no line breaks there.
const collapse = (text: string) => text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
