// A long history's build collects its garbage between pages once the heap is over its budget, so that its peak
// memory is that of what is live rather than V8's growth (see src/publish/heap-budget.ts).
import { getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { keepHeapWithinBudget } from '../src/publish/heap-budget.js';

const used = () => getHeapStatistics().used_heap_size;
const MB = 2 ** 20;

/** 64 MB of arrays of doubles (on the heap), held until `drop` is called: garbage then, until the next full collection. */
function makeGarbage(): { drop(): void } {
  let junk: number[][] | undefined = Array.from({ length: 32 }, (_, i) => new Array<number>(MB / 4).fill(i + 0.5));
  return { drop: () => (junk = junk && undefined) };
}

describe('keepHeapWithinBudget', () => {
  it('collects the garbage when the heap is over the limit, and leaves it when it is not', () => {
    keepHeapWithinBudget(0);
    const before = used();
    const garbage = makeGarbage();
    expect(used()).toBeGreaterThan(before + 48 * MB);
    garbage.drop();
    // Under the limit: nothing is collected.
    keepHeapWithinBudget(before + 1024 * MB);
    expect(used()).toBeGreaterThan(before + 48 * MB);
    keepHeapWithinBudget(before + 32 * MB);
    expect(used()).toBeLessThan(before + 32 * MB);
  });

  it('leaves no `gc` to code run afterwards', () => {
    keepHeapWithinBudget(0);
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
