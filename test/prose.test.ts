// Prose fields go through unified: Markdown in, sanitized HTML and normalised Markdown out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdown } from '../src/markdown/escape.js';
import { normaliseMarkdown, normaliseMarkdownWhole } from '../src/markdown/normalise.js';
import { proseHeadings, proseToHtml, proseToMarkdown, proseToPlainText } from '../src/markdown/prose.js';
import { propertyRuns } from './support/properties.js';

describe('prose to HTML', () => {
  it('puts a table in the scroll container wide content has, once', () => {
    const html = proseToHtml('Intro\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter', 'prose');
    expect(html).toMatch(/^<p>Intro<\/p>\n<div class="table-wrap"><table>\n[^]*<\/table><\/div>\n<p>After<\/p>$/);
    expect(html.match(/table-wrap/g)).toHaveLength(1);
    // An author's own class is dropped by sanitising: only policyc's container has one.
    expect(proseToHtml('<div class="table-wrap">x</div>', 'prose')).not.toContain('table-wrap');
  });

  it('renders Markdown blocks and inline text', () => {
    expect(proseToHtml('Hello **world**.\n\n- one\n- two', 'prose')).toBe(
      '<p>Hello <strong>world</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
    expect(proseToHtml('see [our terms](https://example.com/terms)', 'text')).toBe('see <a href="https://example.com/terms">our terms</a>');
  });

  it('autolinks e-mail addresses and URLs (GFM)', () => {
    expect(proseToHtml('write to info@example.com', 'text')).toBe('write to <a href="mailto:info@example.com">info@example.com</a>');
  });

  it('leaves scripts, raw HTML, event handlers and javascript: links inert', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload=alert(1)>',
      '![x](javascript:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n');
    const html = proseToHtml(hostile, 'prose');
    expect(html).not.toMatch(/<script|<img[^>]*onerror|<svg|<iframe|javascript:|onload=/i);
    expect(html).toBe('<p>click</p>\n<p>x</p>');
  });

  it('takes a one-line text literally when it is not a paragraph', () => {
    expect(proseToHtml('1. first', 'text')).toBe('1. first');
    expect(proseToHtml('# not a heading', 'text')).toBe('# not a heading');
  });

  it('shifts prose headings below the section headings (h3 and deeper)', () => {
    expect(proseToHtml('# Title\n\n## Sub', 'prose')).toBe('<h3>Title</h3>\n<h4>Sub</h4>');
  });

  it('keeps the levels written when asked (the introduction), none above the base', () => {
    expect(proseToHtml('### Sub\n\n# Top\n\n## Part', 'prose', { base: 2, keep: true })).toBe('<h3>Sub</h3>\n<h2>Top</h2>\n<h2>Part</h2>');
  });

  it('gives headings anchors from their words, the same on both pages, unique within the text', () => {
    const text = '## Où *nous* trouver\n\n## Où nous trouver\n\n### `code` & more\n\n### !!!\n\nBody[^1]\n\n[^1]: A note.';
    const plan = { base: 3, anchors: 'help' };
    const html = proseToHtml(text, 'prose', plan);
    expect([...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'help-ou-nous-trouver',
      'help-ou-nous-trouver-2',
      'help-code-more',
      'help-heading',
    ]);
    // The footnotes' own heading keeps its id, and their links land.
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">');
    const ids = new Set([...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);
    expect(links.length).toBe(2);
    for (const link of links) expect(ids).toContain(link);
    expect(proseToMarkdown(text, 'prose', plan)).toContain('### <a id="help-ou-nous-trouver"></a>Où _nous_ trouver');
    expect(proseHeadings(text, 'prose', plan).map((h) => [h.depth, h.anchor, h.text])).toEqual([
      [3, 'help-ou-nous-trouver', 'Où nous trouver'],
      [3, 'help-ou-nous-trouver-2', 'Où nous trouver'],
      [4, 'help-code-more', 'code & more'],
      [4, 'help-heading', '!!!'],
    ]);
    // Without a prefix, no anchors (and the same text renders as before).
    expect(proseToHtml(text, 'prose', 3)).not.toMatch(/<h\d id/);
    expect(proseHeadings(text, 'prose', { base: 3 })).toEqual([]);
  });

  it('escapes an anchor however it is named', () => {
    expect(proseToMarkdown('# x', 'prose', { base: 3, anchors: '"><script>' })).toBe('### <a id="&quot;&gt;&lt;script&gt;-x"></a>x');
  });
});

describe('prose to Markdown', () => {
  it('normalises the Markdown', () => {
    expect(proseToMarkdown('Hello  *world*\n\n* one\n* two', 'prose')).toBe('Hello  _world_\n\n- one\n- two');
  });

  it('escapes plain strings so Markdown shows them literally', () => {
    expect(normaliseMarkdown(`${escapeMarkdown('__ar_v4 | *x* [y](z)')}\n`)).toBe('\\_\\_ar_v4 | \\*x\\* \\[y]\\(z)\n');
  });

  it('gives the plain text of a field', () => {
    expect(proseToPlainText('**Bold** and [link](https://x.example)', 'text')).toBe('Bold and link');
  });
});

describe('Markdown page normalisation', () => {
  // Pages are normalised a section at a time and tables a row at a time, each distinct piece once (for speed):
  // whatever the page, the result must be what parsing and re-serialising it in one go gives.
  const cell = fc.stringMatching(/^[a-z0-9 |\\`*_.:-]{0,12}$/);
  const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`);
  const table = fc
    .record({
      width: fc.integer({ min: 1, max: 4 }),
      align: fc.constantFrom('---', ':--', ':-:', '--:'),
      rows: fc.array(row, { maxLength: 6 }),
      bare: fc.boolean(),
    })
    .map(({ width, align, rows, bare }) => {
      const header = `| ${Array.from({ length: width }, (_, i) => `h${i}`).join(' | ')} |`;
      const delimiter = `|${Array.from({ length: width }, () => ` ${align} `).join('|')}|`;
      // Some rows without their leading pipe: still rows when they follow one, but not taken for rows by the shortcut.
      return [header, delimiter, ...rows.map((r) => (bare ? r.slice(1) : r))].join('\n');
    });
  // Lists of one-line items are normalised item by item; items that are not one paragraph must fall back.
  const list = fc
    .array(fc.stringMatching(/^[a-z *_`#>|1.-]{1,16}$/), { minLength: 1, maxLength: 5 })
    .map((items) => items.map((item) => `- ${item}`).join('\n'));
  const block = fc.oneof(
    table,
    list,
    fc.stringMatching(/^[a-z |*_`-]{1,30}$/),
    fc.constantFrom(
      '- one\n- two',
      '1. first',
      '```\n| not | a |\n|---|---|\n| table |\n```',
      '> quoted',
      '    indented',
      '***',
      '- - -',
      '+ plus',
      '- a\n\n- loose',
      '- a\n\n  continued',
      '[ref]: https://example.com',
      'see [it][ref]',
      '<!--\n\n- hidden\n\n-->',
      // A page's own anchors: starting a paragraph, a list item, or alone on a line.
      '<a id="controller"></a>Data controller: x',
      '- <a id="item-a"></a>**one**\n- <a id="item-b"></a>two',
      '<a id="alone"></a>',
    ),
  );
  const separator = fc.constantFrom('\n\n', '\n', '\n\n\n');
  const section = fc
    .array(fc.tuple(block, separator), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.map(([b, s]) => b + s).join(''));

  it('normalises tables row by row exactly as a whole parse does', () => {
    fc.assert(
      fc.property(section, (markdown) => {
        expect(normaliseMarkdown(markdown)).toBe(normaliseMarkdownWhole(markdown));
      }),
      { seed: 20261129, numRuns: propertyRuns(500) },
    );
  });

  it('normalises a page section by section exactly as a whole parse does', () => {
    const page = fc
      .array(fc.tuple(fc.constantFrom('# Title', '## Part', '### Sub'), section), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([h, s]) => `${h}\n\n${s}`).join('\n'));
    fc.assert(
      fc.property(page, (markdown) => {
        expect(normaliseMarkdown(markdown)).toBe(normaliseMarkdownWhole(markdown));
      }),
      { seed: 20261129, numRuns: propertyRuns(300) },
    );
  });

  it('writes tables unaligned, so that a row never changes because of another', () => {
    expect(normaliseMarkdown('| name | duration |\n| --- | --- |\n| a | 1 year |\n| a-much-longer-name | session |\n')).toBe(
      '| name | duration |\n| - | - |\n| a | 1 year |\n| a-much-longer-name | session |\n',
    );
  });
});
