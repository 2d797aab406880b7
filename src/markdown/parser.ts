import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// The parser apart from the renderers (./processors.ts): the prose checks of
// `validate` parse Markdown but render nothing, and load only this.
export const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parse Markdown as written, raw HTML and all: for checks that report what will be dropped. */
export function parseMarkdown(text: string): MdastRoot {
  return parser.parse(text);
}
