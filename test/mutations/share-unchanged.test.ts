// Sharing the parts of consecutive versions that are equal: the result always equals the new version, and an
// equal part is the previous version's own object (lists matched by id, else by position); a changed part is not.
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from '../../src/history/share-unchanged.js';

describe('shareUnchanged', () => {
  it('returns the new value itself for values that are not both objects, or not both lists', () => {
    expect(shareUnchanged('a', 'b')).toBe('b');
    expect(shareUnchanged({ a: 1 }, 'x')).toBe('x');
    expect(shareUnchanged('x', { a: 1 })).toEqual({ a: 1 });
    const next = { a: 1 };
    expect(shareUnchanged(['x'], next)).toBe(next);
    const list = ['x'];
    expect(shareUnchanged({ a: 1 }, list)).toBe(list);
    expect(shareUnchanged(null, next)).toBe(next);
    expect(shareUnchanged(next, null)).toBe(null);
  });

  it('shares equal parts, matching list items by id, and keeps changed ones new', () => {
    const previous = {
      title: 'T',
      items: [
        { id: 'a', v: 1 },
        { id: 'b', v: 2 },
      ],
      tags: [{ v: 1 }, { v: 2 }],
    };
    const next = structuredClone(previous);
    next.items.reverse();
    next.items[0]!.v = 3;
    next.tags[1]!.v = 5;
    const shared = shareUnchanged(previous, next) as typeof previous;
    expect(shared).toEqual(next);
    // By id: `a` moved and kept its value, so it is the previous object; `b` changed.
    expect(shared.items[1]).toBe(previous.items[0]);
    expect(shared.items[0]).not.toBe(previous.items[1]);
    // By position, for items without an id.
    expect(shared.tags[0]).toBe(previous.tags[0]);
    expect(shared.tags[1]).not.toBe(previous.tags[1]);
  });

  it('returns the previous value itself when all of it is equal, and keeps `__proto__` as data', () => {
    const previous = { a: [1, 2], b: { c: 'd' } };
    expect(shareUnchanged(previous, structuredClone(previous))).toBe(previous);
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const shared = shareUnchanged({ a: 1 }, hostile) as Record<string, unknown>;
    expect(Object.keys(shared)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
