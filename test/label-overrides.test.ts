// Rewording labels per project and per locale: a project's locale file holds only what it rewords.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor, overlayMessages, type Messages } from '../src/model/messages.js';
import { build } from '../src/index.js';
import { copySample } from './support/project.js';

const messages = (value: unknown) => value as Messages;

describe('overlayMessages', () => {
  it('replaces a message and keeps its siblings, group by group', () => {
    const below = messages({ page: { a: 'A', b: 'B' }, headings: {}, enums: { condition: { consent: 'Consent', contract: 'Contract' } } });
    const result = overlayMessages(below, { enums: { condition: { consent: 'With your consent' } } });
    expect(result.enums.condition).toEqual({ consent: 'With your consent', contract: 'Contract' });
    expect(result.page).toEqual({ a: 'A', b: 'B' });
    expect(below.enums.condition?.consent).toBe('Consent');
  });

  it('replaces a plural message whole, so no form of the old wording is left', () => {
    const below = messages({
      page: {},
      headings: {},
      enums: {},
      changelog: { changeCount: { '=0': 'no change', one: '{count} change', other: '{count} changes' } },
    });
    const result = overlayMessages(below, { changelog: { changeCount: { one: '{count} edit', other: '{count} edits' } } });
    expect(result.changelog?.changeCount).toEqual({ one: '{count} edit', other: '{count} edits' });
  });

  it('ignores a __proto__ key and anything that is not a group', () => {
    const below = messages({ page: { a: 'A' }, headings: {}, enums: {} });
    expect(overlayMessages(below, JSON.parse('{"__proto__": {"polluted": "yes"}}'))).toEqual(below);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(overlayMessages(below, 'text')).toBe(below);
  });
});

describe('messagesFor', () => {
  const available = new Map<string, Messages>([
    ['en', messages({ page: { contents: 'Contents', top: 'Top' }, headings: {}, enums: {} })],
    ['fr', messages({ page: { contents: 'Sommaire' }, headings: {}, enums: {} })],
    ['fr-CA', messages({ page: { top: 'Haut (CA)' } })],
  ]);

  it('takes each message from the most specific file: the tag, then its language, then English', () => {
    expect(messagesFor('fr-CA', available).page).toEqual({ contents: 'Sommaire', top: 'Haut (CA)' });
    expect(messagesFor('fr', available).page).toEqual({ contents: 'Sommaire', top: 'Top' });
    expect(messagesFor('de', available).page).toEqual({ contents: 'Contents', top: 'Top' });
  });
});

describe("a project's locale files", () => {
  function project(files: Record<string, string>): string {
    const dir = copySample();
    mkdirSync(path.join(dir, 'templates/locales'), { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'templates/locales', name), content);
    return dir;
  }

  it('reword one label in one language and leave every other label to policyc', async () => {
    const dir = project({
      'en.json': JSON.stringify({ enums: { condition: { 'legal-obligation': 'When a law obliges us' } } }),
      'fr.json': JSON.stringify({ cookies: { table: 'Témoins utilisés sur ce site' } }),
    });
    const result = await build({ cwd: dir });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const en = readFileSync(path.join(dir, 'dist/privacy/index.html'), 'utf8');
    expect(en).toContain('<dt>Condition</dt><dd>When a law obliges us</dd>');
    expect(en).not.toContain('<dd>Legal obligation</dd>');
    expect(en).toContain('<dd>Business transfer</dd>');
    const fr = readFileSync(path.join(dir, 'dist/privacy/fr/index.html'), 'utf8');
    expect(fr).toContain('<caption>Témoins utilisés sur ce site</caption>');
    expect(fr).not.toContain('When a law obliges us');
    expect(fr).toContain('<dd>Obligation légale</dd>');
    expect(readFileSync(path.join(dir, 'dist/privacy/index.md'), 'utf8')).toContain('When a law obliges us');
  });

  it('report a locale file that is not a JSON object at its path, and write nothing', async () => {
    const dir = project({ 'en.json': '["not", "messages"]' });
    const result = await build({ cwd: dir, out: 'out' });
    expect(result.written).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([
      {
        file: 'templates/locales/en.json',
        ruleId: 'template-error',
        message: expect.stringContaining('a locale file must hold a JSON object'),
      },
    ]);
  });
});
