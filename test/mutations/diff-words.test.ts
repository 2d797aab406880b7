// The word-level edit at its edges: equal texts, texts too different to diff word by word, and the white
// space between two edits (merged into them) or after the last one (kept).
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/diff/words.js';

const words = (prefix: string) => Array.from({ length: 500 }, (_, i) => `${prefix}${i}`).join(' ');

describe('wordDiff', () => {
  it('an unchanged text is one kept part', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ value: 'same text' }]);
  });

  it('merges the white space between two edits into them', () => {
    expect(wordDiff('a b', 'x y')).toEqual([
      { value: 'a b', removed: true },
      { value: 'x y', added: true },
    ]);
    expect(wordDiff('a  b', 'x  y')).toEqual([
      { value: 'a  b', removed: true },
      { value: 'x  y', added: true },
    ]);
  });

  it('keeps white space before the first edit', () => {
    expect(wordDiff(' a', ' x')).toEqual([{ value: ' ' }, { value: 'a', removed: true }, { value: 'x', added: true }]);
  });

  it('keeps white space after the last edit, and the words after it', () => {
    expect(wordDiff('a ', 'x ')).toEqual([{ value: 'a', removed: true }, { value: 'x', added: true }, { value: ' ' }]);
    expect(wordDiff('a b', 'x b')).toEqual([{ value: 'a', removed: true }, { value: 'x', added: true }, { value: ' b' }]);
  });

  it('texts too different to diff word by word are one deletion and one insertion', () => {
    expect(wordDiff(words('a'), words('b'))).toEqual([
      { value: words('a'), removed: true },
      { value: words('b'), added: true },
    ]);
    expect(wordDiff('', words('b'))).toEqual([{ value: words('b'), added: true }]);
    expect(wordDiff(words('a'), '')).toEqual([{ value: words('a'), removed: true }]);
  });
});
