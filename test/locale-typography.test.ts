// Each locale's typography: dates as its readers write them, separators from its locale file (French puts a
// no-break space before « : » and « ; »), and a built French page with no colon or semicolon glued to a word.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, listFormat } from '../src/render/intl-format.js';
import { root } from './support/fixtures.js';

const locale = (lang: string) => JSON.parse(readFileSync(path.join(root, `templates/locales/${lang}.json`), 'utf8'));

describe('dates', () => {
  it.each([
    ['fr', '2027-01-01', '1er janvier 2027'],
    ['fr', '2027-01-11', '11 janvier 2027'],
    ['fr', '2027-01-21', '21 janvier 2027'],
    ['fr-CA', '2027-03-01', '1er mars 2027'],
    ['en-GB', '2027-01-01', '1 January 2027'],
    ['en-US', '2027-01-01', 'January 1, 2027'],
  ])('%s writes %s as %s', (lang, iso, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });
});

describe('separators', () => {
  it('English: none before a colon or semicolon', () => {
    expect(locale('en').punctuation).toMatchObject({ colon: ': ', semicolon: '; ' });
  });

  it('French: a no-break space before « : », a narrow one before « ; », and spaced guillemets', () => {
    expect(locale('fr').punctuation).toEqual({
      colon: '\u00a0: ',
      semicolon: '\u202f; ',
      stop: '.',
      openQuote: '«\u00a0',
      closeQuote: '\u00a0»',
    });
  });

  it('lists are joined in the locale’s words', () => {
    expect(listFormat('fr', ['a', 'b', 'c'])).toBe('a, b et c');
    expect(listFormat('fr', ['a', 'b'], 'disjunction')).toBe('a ou b');
    expect(listFormat('en', ['a', 'b', 'c'])).toBe('a, b, and c');
  });

  it('the French page of the sample has no colon or semicolon glued to the word before it', () => {
    const page = readFileSync(path.join(root, 'test/golden/sample/privacy__fr__v__2.0.0__index.md'), 'utf8');
    // Outside links and code: a word character right before « : » or « ; » followed by a space.
    const text = page.replace(/\]\([^)]*\)|<[^>]*>|`[^`]*`|https?:\/\/\S+/g, '');
    expect(text.match(/[\p{L}\p{N})*_»][:;] /gu) ?? []).toEqual([]);
  });
});

describe('sentences', () => {
  const goldens = path.join(root, 'test/golden/sample');
  const pages = readdirSync(goldens).filter((file) => /\.(html|md)$/.test(file) && !file.includes('email'));

  it.each(pages)('%s has no double full stop where a template ended text that already ended', (file) => {
    // The text, without markup, link targets and paths (`../index.html`), where `..` is not punctuation.
    const text = readFileSync(path.join(goldens, file), 'utf8')
      .replace(/<[^>]*>|\]\([^)]*\)|https?:\/\/\S+|(?:\.\.\/)+/g, ' ')
      .replace(/\d\.\.\.\d/g, ' ');
    expect(text.match(/[^.\s]\.\.(?!\.)/g) ?? []).toEqual([]);
  });
});
