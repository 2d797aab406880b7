// The Markdown parser is loaded on first need (src/markdown/parser-slot.ts): prose parsed before
// it is loaded is an internal error, said at once, never a silent empty text.
import { describe, expect, it, vi } from 'vitest';

describe('the Markdown parser slot', () => {
  it('refuses to parse before the parser is loaded, and parses once it is', async () => {
    // A fresh copy of the modules: the test setup has loaded the shared one.
    vi.resetModules();
    const slot = await import('../src/markdown/parser-slot.js');
    const tree = await import('../src/markdown/prose-tree.js');
    expect(() => slot.markdownParser()).toThrow(slot.MarkdownParserNotLoaded);
    expect(() => tree.proseToPlainText('We **never** sell it.', 'text')).toThrow(/before its parser was loaded/);
    await slot.loadMarkdownParser();
    expect(tree.proseToPlainText('We **never** sell it.', 'text')).toBe('We never sell it.');
  });

  it('is given the parser by the library entry point, which needs nothing loaded first', async () => {
    vi.resetModules();
    await import('../src/index.js');
    const tree = await import('../src/markdown/prose-tree.js');
    expect(tree.proseToPlainText('[Our *site*](https://example.com)', 'text')).toBe('Our site');
  });
});
