// What keeps a many-version build's memory bounded: versions share what they have in common, and the render memos
// keep only what was used recently. Neither may change any value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from '../src/history/verify.js';
import { RecentMemo } from '../src/markdown/memo.js';
import { propertyRuns } from './support/properties.js';

describe('shareUnchanged', () => {
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('object')),
    list: fc.array(fc.oneof(tie('node'), fc.record({ id: fc.constantFrom('a', 'b', 'c'), v: tie('node') })), { maxLength: 4 }),
    object: fc.dictionary(fc.constantFrom('x', 'y', 'z', 'id', '__proto__'), tie('node'), { maxKeys: 3 }),
  })).node;

  it('gives a value equal to the new one, key order included, whatever the old one', () => {
    fc.assert(
      fc.property(value, value, (previous, next) => {
        expect(JSON.stringify(shareUnchanged(previous, next))).toBe(JSON.stringify(next));
      }),
      { seed: 6, numRuns: propertyRuns(2000) },
    );
  });

  it('reuses the old objects where nothing changed, matching list items by id', () => {
    const before = {
      cookies: [
        { id: 'a', life: 1 },
        { id: 'b', life: 2 },
      ],
      title: { text: 'T' },
      order: { x: 1, y: 2 },
    };
    const after = JSON.parse(
      JSON.stringify({
        cookies: [
          { id: 'b', life: 2 },
          { id: 'c', life: 3 },
        ],
        title: { text: 'T' },
        order: { y: 2, x: 1 },
      }),
    );
    const shared = shareUnchanged(before, after) as typeof before;
    expect(shared.cookies[0]).toBe(before.cookies[1]);
    expect(shared.cookies[1]).not.toBe(after.cookies[0]);
    expect(shared.title).toBe(before.title);
    // Same keys in another order is another value: policy.json must keep the new order.
    expect(Object.keys(shared.order)).toEqual(['y', 'x']);
    expect(shareUnchanged(before, JSON.parse(JSON.stringify(before)))).toBe(before);
  });
});

describe('RecentMemo', () => {
  it('keeps what was used in the last generation and drops what was not', () => {
    const memo = new RecentMemo<string>(10);
    memo.set('aaaa', '1'); // 5 characters
    memo.set('bbbb', '2'); // 10: the generation is full
    memo.set('cccc', '3'); // a new generation: a and b are older
    expect(memo.get('aaaa')).toBe('1'); // found in the older one, moved to the newer
    memo.set('dddd', '4'); // full again: c and a become older, b is dropped
    memo.set('eeee', '5');
    expect(memo.get('bbbb')).toBeUndefined();
    expect(memo.get('aaaa')).toBe('1');
  });
});
