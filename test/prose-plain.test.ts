// The plain text of a prose field is read without the Markdown parser when the text has no markup
// (src/markdown/prose-tree.ts `markupFree`): the same text as the parser gives, on generated texts
// holding every character Markdown gives a meaning to, at the start of a line and within one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markupFree, parsedPlainText, proseToPlainText, type ProseKind } from '../src/markdown/prose-tree.js';

const asciiPunctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** What a text is built of: letters (with accents, and combining), digits, every ASCII punctuation, spaces of every kind, line ends, and pieces the parser reads as a whole (autolinks, entities, list markers, code indents). */
const pieces = [
  ...'aZé\u0301ß中',
  ...'09',
  ...asciiPunctuation,
  ...[' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u202f', '\u2003', '\0', '\u2028'],
  ...'’‘“”–—…«»',
  'www.example.com',
  'https://example.com/a_b',
  'someone@example.com',
  '1. ',
  '- ',
  '&amp;',
  '&#42;',
  '    ',
  'We ',
  'sell',
];
/** Pieces of markup-free texts only, so that many generated texts take the way without the parser. */
const plainPieces = pieces.filter((p) => markupFree(`a${p}`));

const texts = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
  fc
    .tuple(fc.constantFrom('W', 'é', 'Z'), fc.array(fc.constantFrom(...plainPieces), { maxLength: 12 }))
    .map(([first, rest]) => first + rest.join('')),
);

describe('the plain text of a text without markup', () => {
  it('is what the parser gives, for both kinds of prose', () => {
    let free = 0;
    fc.assert(
      fc.property(texts, fc.constantFrom<ProseKind>('text', 'prose'), (text, kind) => {
        if (markupFree(text)) free++;
        expect(proseToPlainText(text, kind)).toBe(parsedPlainText(text, kind));
      }),
      { numRuns: 3000 },
    );
    // The way without the parser was taken, and not only by trivial texts.
    expect(free).toBeGreaterThan(500);
  });

  it('takes no text with markup, or that the parser reads as other than one paragraph, for one', () => {
    for (const text of [
      'We *never* sell',
      'a_b_',
      'See [x](y)',
      'a &amp; b',
      'a\nb',
      '1. One',
      '- item',
      '    code',
      'a <b>',
      'a\\b',
      'x `y`',
      '# T',
      'a ~b~',
    ])
      expect(markupFree(text), text).toBe(false);
    for (const text of ['We never sell it.', 'Contact us: privacy@ at example', 'e-mail, post (or fax); 100% sure!', 'Données\u00a0: oui'])
      expect(markupFree(text), text).toBe(!text.includes('@'));
  });
});
