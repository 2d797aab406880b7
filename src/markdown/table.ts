import type { PhrasingContent, Root, Table, TableCell } from 'mdast';
import { markdownAnchor } from './escape.js';
import { RecentMemo } from './memo.js';
import { toMarkdown } from './processors.js';
import { parseProse } from './prose.js';

// Each distinct row is written once while it is in use: versions of a policy share most rows of their tables (1,000 cookies).
const writtenRows = new RecentMemo<string>(2_000_000);

/**
 * A GFM table written by remark from cells of inline Markdown: a cell's text
 * can hold any character (a `|` is escaped by the writer, not by a template),
 * and the table keeps its columns whatever the cells say. A row with an
 * anchor (`rowAnchors`, by row) starts with it, as the HTML table's row has it as its id.
 * Tables are written unaligned (see processors.ts), so a row's text depends
 * on its own cells only: each row is written once, under the header, and the
 * table is the header's lines and the rows' (a test holds it equal to writing
 * the table whole).
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rowAnchors: readonly string[] = []): string {
  // A row of another width than the header's would change the table's column count: such a table is written whole.
  if (!rows.length || rows.some((row) => row.length !== header.length)) return markdownTableWhole(header, rows, rowAnchors);
  let head = '';
  const lines = rows.map((row, r) => {
    const anchor = rowAnchors[r];
    const key = JSON.stringify([header, anchor ?? null, row]);
    let line = writtenRows.get(key);
    if (line === undefined || !head) {
      const alone = markdownTableWhole(header, [row], anchor === undefined ? [] : [anchor]);
      const cut = alone.indexOf('\n', alone.indexOf('\n') + 1);
      head = alone.slice(0, cut);
      line = alone.slice(cut + 1);
      writtenRows.set(key, line);
    }
    return line;
  });
  return `${head}\n${lines.join('\n')}`;
}

/** A table written by remark in one go: the reference `markdownTable` must equal. */
export function markdownTableWhole(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rowAnchors: readonly string[] = [],
): string {
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
