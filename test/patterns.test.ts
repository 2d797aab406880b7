// Whether one declared name pattern or host covers another: the diff's test of a cookie's names or a recipient's
// hosts widened (issue 18).
import { describe, expect, it } from 'vitest';
import { hostCovers, patternCovers } from '../src/util/patterns.js';

describe('patternCovers', () => {
  it.each([
    ['_ga_*', '_ga_*', true],
    ['_ga_*', '_ga_1*', true],
    ['_ga_*', '_ga_x', true],
    ['_ga*', '_ga_*', true],
    ['*', '_hj*Session*', true],
    ['_hj*Session*', '_hjSession_1', true],
    ['_hj*Session*', '_hj*Session', true],
    ['_ga_*', '_g*', false],
    ['_ga_1*', '_ga_*', false],
    ['_ga', '_ga*', false],
    ['_ga', '_ga', true],
    ['a*b', 'ab', true],
    ['a*b', 'a*c', false],
    ['a**', 'a', true],
  ])('%s covers %s: %s', (wide, narrow, covers) => {
    expect(patternCovers(wide, narrow)).toBe(covers);
  });
});

describe('hostCovers', () => {
  it.each([
    ['*.example.com', 'example.com', true],
    ['*.example.com', 'www.example.com', true],
    ['*.example.com', '*.cdn.example.com', true],
    ['*.example.com', 'badexample.com', false],
    ['example.com', 'www.example.com', false],
    ['example.com', '*.example.com', false],
    ['www.example.com', 'www.example.com', true],
  ])('%s covers %s: %s', (wide, narrow, covers) => {
    expect(hostCovers(wide, narrow)).toBe(covers);
  });
});
