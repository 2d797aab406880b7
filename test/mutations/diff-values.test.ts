// The diff's value helpers at their edges: what counts as the same value, as a plain object, and as a list index.
import { describe, expect, it } from 'vitest';
import { difference, fieldPath, isPlainObject, same, strip } from '../../src/diff/values.js';

describe('diff values', () => {
  it('difference: the items of a list that another lacks; anything but a list is empty', () => {
    expect(difference(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
    expect(difference(['a', 'b'], undefined)).toEqual(['a', 'b']);
    expect(difference('ab', ['a'])).toEqual([]);
    expect(difference({ 0: 'a' }, [])).toEqual([]);
  });

  it('same: compares objects key by key, at any depth', () => {
    expect(same({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(same({ a: 1 }, { a: 2 })).toBe(false);
    expect(same({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(same({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(same({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(same({}, [])).toBe(false);
    expect(same([], {})).toBe(false);
    expect(same({ a: 1 }, 'a')).toBe(false);
    expect(same([1, { a: 1 }], [1, { a: 1 }])).toBe(true);
    expect(same([1, 2], [1])).toBe(false);
  });

  it('isPlainObject: an object that is neither null nor a list', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject('a')).toBe(false);
    expect(isPlainObject(undefined)).toBe(false);
  });

  it('strip: removes the keys named, and by default none', () => {
    const value = { a: 1, 'Stryker was here': 2 };
    expect(strip(value)).toEqual(value);
    expect(strip({ a: 1, b: 2, c: 3 }, ['b', 'c'])).toEqual({ a: 1 });
  });

  it('fieldPath: a segment of digits only is a list index', () => {
    expect(fieldPath(['cookies', 'items', '12', 'purpose'])).toEqual(['cookies', 'items', 12, 'purpose']);
    expect(fieldPath(['a1', '1a', 'x12y', '7'])).toEqual(['a1', '1a', 'x12y', 7]);
  });
});
