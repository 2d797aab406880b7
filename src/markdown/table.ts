import type { PhrasingContent, Root, Table, TableCell } from 'mdast';
import { markdownAnchor } from './escape.js';
import { toMarkdown } from './processors.js';
import { parseProse } from './prose.js';

/**
 * A GFM table written by remark from cells of inline Markdown: a cell's text
 * can hold any character (a `|` is escaped by the writer, not by a template),
 * and the table keeps its columns whatever the cells say. A row with an
 * anchor (`rowAnchors`, by row) starts with it, as the HTML table's row has it as its id.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rowAnchors: readonly string[] = []): string {
  const cell = (text: string, anchor?: string): TableCell => ({
    type: 'tableCell',
    children: anchor === undefined ? phrasing(text) : [{ type: 'html', value: markdownAnchor(anchor) }, ...phrasing(text)],
  });
  const table: Table = {
    type: 'table',
    children: [header, ...rows].map((row, r) => ({
      type: 'tableRow',
      children: row.map((text, c) => cell(text, r > 0 && c === 0 ? rowAnchors[r - 1] : undefined)),
    })),
  };
  const root: Root = { type: 'root', children: [table] };
  return String(toMarkdown.stringify(root)).trimEnd();
}

/** The phrasing content of one line of inline Markdown (sanitised like every text of a page). */
function phrasing(text: string): PhrasingContent[] {
  const [first] = parseProse(text, 'text').children;
  return first && first.type === 'paragraph' ? first.children : [];
}
