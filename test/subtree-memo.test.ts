import { describe, expect, it } from 'vitest';
import { mapStrings, type StringKind } from '../src/model/fields.js';
import { RecentSubtrees } from '../src/render/subtree-memo.js';

// A conversion that reads a path's keys (as the output formats' heading levels do) and counts its calls.
function counting() {
  let calls = 0;
  const convert = (value: string, kind: StringKind, path: readonly (string | number)[]) => {
    calls++;
    return `${kind}:${path.filter((p) => typeof p === 'string').join('.')}:${value}`;
  };
  return { convert, calls: () => calls };
}

describe('converting documents that share parts', () => {
  const cookie = (id: string) => ({ id, name: `n-${id}`, purpose: `p-${id}` });
  const a = cookie('a');
  const b = cookie('b');
  const c = cookie('c');
  const first = { cookies: { items: [a, b, c] }, title: 'one' };
  // The next version drops a cookie: the others move up one index, the same objects.
  const second = { cookies: { items: [b, c, cookie('d')] }, title: 'two' };

  it('gives the same copy as converting afresh, and converts only what changed', () => {
    const memo = new RecentSubtrees();
    const counter = counting();
    memo.start(first);
    expect(mapStrings(first, counter.convert, undefined, memo)).toEqual(mapStrings(first, counting().convert));
    const before = counter.calls();
    memo.start(second);
    expect(mapStrings(second, counter.convert, undefined, memo)).toEqual(mapStrings(second, counting().convert));
    // The new cookie's three strings and the title: b and c come from the memo.
    expect(counter.calls() - before).toBe(4);
  });

  it('does not take a part met at another place', () => {
    const memo = new RecentSubtrees();
    const shared = { text: 'x' };
    const doc = { one: shared, two: shared };
    memo.start(doc);
    expect(mapStrings(doc, counting().convert, undefined, memo)).toEqual({
      one: { text: 'plain:one.text:x' },
      two: { text: 'plain:two.text:x' },
    });
  });

  it('keeps two documents: a part used by neither of the last two is converted again', () => {
    const memo = new RecentSubtrees();
    const counter = counting();
    const part = { text: 'x' };
    for (const doc of [{ part }, { other: 1 }, { other: 2 }, { part }]) {
      memo.start(doc);
      mapStrings(doc, counter.convert, undefined, memo);
    }
    expect(counter.calls()).toBe(2);
    const kept = { part };
    memo.start(kept);
    mapStrings(kept, counter.convert, undefined, memo);
    expect(counter.calls()).toBe(2);
  });
});
