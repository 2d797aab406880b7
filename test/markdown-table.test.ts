import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownTable, markdownTableWhole } from '../src/markdown/table.js';
import { propertyRuns } from './support/properties.js';

describe('Markdown tables written row by row', () => {
  // Cells of inline Markdown with what a writer must escape or may join across cells: pipes, backslashes, code, emphasis, links, line breaks.
  const cell = fc.oneof(
    fc.stringMatching(/^[a-z0-9 |\\`*_.:()[\]<>!#-]{0,14}$/),
    fc.constantFrom('', ' ', 'a  \nb', '`a|b`', '[x](https://example.com/a|b)', '<b>x</b>', '**bold** _em_', 'x\\', '| | |'),
  );

  it('writes each row as writing the whole table does', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.record({
        header: fc.array(cell, { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
        anchors: fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(table, ({ header, rows, anchors }) => {
        // Twice: the second time every row comes from the memo.
        expect(markdownTable(header, rows, anchors)).toBe(markdownTableWhole(header, rows, anchors));
        expect(markdownTable(header, rows, anchors)).toBe(markdownTableWhole(header, rows, anchors));
      }),
      { seed: 20261203, numRuns: propertyRuns(200) },
    );
  });

  it('writes a table whose rows differ in width whole', () => {
    const header = ['a', 'b'];
    const rows = [['x'], ['y', 'z', 'w']];
    expect(markdownTable(header, rows)).toBe(markdownTableWhole(header, rows));
  });

  it('shares a row between tables with the same header, not with another header', () => {
    const row = ['cookie', 'Meta (first party)'];
    const first = markdownTable(['Name', 'Provider'], [row], ['cookie-a']);
    const other = markdownTable(['Nom', 'Fournisseur'], [row], ['cookie-a']);
    expect(first).toBe(markdownTableWhole(['Name', 'Provider'], [row], ['cookie-a']));
    expect(other).toBe(markdownTableWhole(['Nom', 'Fournisseur'], [row], ['cookie-a']));
    expect(other.startsWith('| Nom | Fournisseur |')).toBe(true);
  });
});
