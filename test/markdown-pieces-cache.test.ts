// The Markdown pieces a build normalised are kept in the cache for the next run (src/publish/markdown-pieces.ts):
// a run after a release normalises only the pieces that changed. Each run here loads the modules afresh, as a new
// process would, so that only the cache carries pieces from one run to the next. What is restored is data, shape-
// checked: a damaged or planted entry costs only speed, and the pages are the same.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheKey, diskCache, memoryCache, type Cache } from '../src/cache/cache.js';
import { tempDir } from './support/project.js';

/** A page with a title, paragraphs, a list and a table of `rows` rows (each row's text from `word`). */
function page(rows: number, word = 'cookie', paragraph = 'We keep your data safe.'): string {
  const table = [
    '| Name | Purpose |',
    '| --- | --- |',
    ...Array.from({ length: rows }, (_, i) => `| ${word}_${i} | *keeps* a **session** |`),
  ];
  return [
    '# Policy',
    '',
    paragraph,
    '',
    'Another   paragraph with *emphasis*.',
    '',
    '## Cookies',
    '',
    '- first item',
    '- second *item*',
    '',
    ...table,
    '',
    '## Contact',
    '',
    'Write to us.',
    '',
  ].join('\n');
}

/** One run in a fresh process, as it were: normalise `pages` with `cache`; the pages and how many times Markdown was parsed. */
async function run(cache: Cache | undefined, pages: readonly string[]): Promise<{ pages: string[]; parsed: number }> {
  vi.resetModules();
  const normalise = await import('../src/markdown/normalise.js');
  const { withMarkdownPieces } = await import('../src/publish/markdown-pieces.js');
  const out = withMarkdownPieces(cache, () => pages.map((markdown) => normalise.normaliseMarkdown(markdown)));
  return { pages: out, parsed: normalise.recentPieces().normalised };
}

/** The pages normalised whole, by a process that knows nothing. */
async function reference(pages: readonly string[]): Promise<string[]> {
  vi.resetModules();
  const { normaliseMarkdownWhole } = await import('../src/markdown/normalise.js');
  return pages.map(normaliseMarkdownWhole);
}

const entryKey = () => cacheKey('markdown-pieces');

beforeEach(() => {
  vi.resetModules();
});

describe('Markdown pieces kept between runs', () => {
  it('reuses the pieces of the run before: the same page parses nothing, a changed one only what changed', async () => {
    const cache = memoryCache();
    const first = await run(cache, [page(50)]);
    expect(first.parsed).toBeGreaterThan(50);
    expect(cache.entries.has(entryKey())).toBe(true);
    expect(first.pages).toEqual(await reference([page(50)]));

    const again = await run(cache, [page(50)]);
    expect(again.parsed).toBe(0);
    expect(again.pages).toEqual(first.pages);

    // One more row and a reworded paragraph: two pieces parsed, the rest restored.
    const next = page(51, 'cookie', 'We keep your data very safe.');
    const changed = await run(cache, [next]);
    expect(changed.parsed).toBe(2);
    expect(changed.pages).toEqual(await reference([next]));
  });

  it('leaves the entry alone when a run parses nothing, and reads it only when a page is normalised', async () => {
    const cache = memoryCache();
    await run(cache, [page(5)]);
    const writes = cache.stats.writes;
    const hits = cache.stats.hits;
    await run(cache, []);
    expect(cache.stats.hits).toBe(hits);
    await run(cache, [page(5)]);
    expect(cache.stats.writes).toBe(writes);
  });

  it('ignores a damaged entry and anything in it that is not a pair of strings naming a kind of piece', async () => {
    const pages = [page(8)];
    const expected = await reference(pages);
    for (const stored of [
      '{not json',
      '"a string"',
      '{"section\\u0000# Policy\\n":"# Evil\\n"}',
      '[[1,2],["script\\u0000x","<script>"],"row"]',
    ]) {
      const cache = memoryCache();
      cache.set(entryKey(), stored);
      const result = await run(cache, pages);
      expect(result.pages).toEqual(expected);
      expect(result.parsed).toBeGreaterThan(8);
    }
    vi.resetModules();
    const { restorePieces } = await import('../src/markdown/normalise.js');
    expect(restorePieces([['row\0| a |', '| a |'], ['eval\0x', 'y'], ['text\0x'], [1, 'x'], 'text\0x', null])).toBe(1);
    expect(restorePieces({ length: 1, 0: ['text\0x', 'x'] })).toBe(0);
  });

  it('does not use an entry of the cache folder that was changed outside this machine', async () => {
    const dir = tempDir('policyc-pieces-');
    const pages = [page(20)];
    await run(diskCache(dir), pages);
    // Plant a different normal form for every piece, in place of the entry's value, keeping its header.
    let planted = 0;
    for (const bucket of readdirSync(dir)) {
      for (const name of readdirSync(path.join(dir, bucket))) {
        const file = path.join(dir, bucket, name);
        const text = readFileSync(file, 'utf8');
        if (!text.includes('row\\u0000')) continue;
        writeFileSync(file, text.replaceAll('session', 'SESSION'));
        planted++;
      }
    }
    expect(planted).toBe(1);
    const result = await run(diskCache(dir), pages);
    expect(result.pages).toEqual(await reference(pages));
    expect(result.pages.join('')).not.toContain('SESSION');
    expect(result.parsed).toBeGreaterThan(20);
  });
});
