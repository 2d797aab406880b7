import type { PhrasingContent, Root, Table, TableCell } from 'mdast';
import { toMarkdown } from './processors.js';
import { parseProse } from './prose.js';

/**
 * A GFM table written by remark from cells of inline Markdown: a cell's text
 * can hold any character (a `|` is escaped by the writer, not by a template),
 * and the table keeps its columns whatever the cells say.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string): TableCell => ({ type: 'tableCell', children: phrasing(text) });
  const table: Table = {
    type: 'table',
    children: [header, ...rows].map((row) => ({ type: 'tableRow', children: row.map(cell) })),
  };
  const root: Root = { type: 'root', children: [table] };
  return String(toMarkdown.stringify(root)).trimEnd();
}

/** The phrasing content of one line of inline Markdown (sanitised like every text of a page). */
function phrasing(text: string): PhrasingContent[] {
  const [first] = parseProse(text, 'text').children;
  return first && first.type === 'paragraph' ? first.children : [];
}
