// Every fact of the source document (shared/seed/privacy-policy-2014.md),
// listed in test/fixtures/fidelity-facts.json, must be readable on the
// generated HTML page and in the generated Markdown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { root } from './support/fixtures.js';
import { htmlText, markdownText } from './support/page-text.js';
import { tempDir } from './support/project.js';

interface Fact {
  fact: string;
  text: string;
}
const facts = JSON.parse(readFileSync(path.join(root, 'test/fixtures/fidelity-facts.json'), 'utf8')) as Fact[];

describe('fidelity to the source document', () => {
  let html = '';
  let markdown = '';
  beforeAll(async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out, date: '2026-11-29' });
    // Version 1.0.0 is the source document; its permanent page must say all of it.
    html = htmlText(readFileSync(path.join(out, 'privacy/v/1.0.0/index.html'), 'utf8'));
    markdown = markdownText(readFileSync(path.join(out, 'privacy/v/1.0.0/index.md'), 'utf8'));
  });

  it('lists enough facts to mean something', () => {
    expect(facts.length).toBeGreaterThanOrEqual(60);
  });

  it.each(facts.map((f) => [f.fact, f.text] as const))('%s', (_fact, text) => {
    const wanted = text.replace(/\s+/g, ' ');
    expect(html, 'in the HTML page').toContain(wanted);
    expect(markdown, 'in the Markdown page').toContain(wanted);
  });

  it('shows the effective date, the fee and every cookie in the cookie table', () => {
    expect(html).toContain('1 October 2013');
    expect(html).toContain('£10');
    expect(markdown).toContain('£10');
  });
});
