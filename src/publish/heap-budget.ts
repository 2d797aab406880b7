import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * What a build's JavaScript heap may hold between two pages before it is
 * collected in full. V8 lets the heap grow to several times what is live
 * before it collects, and rendering a page makes far more garbage than it
 * keeps: a long history's build peaked at its garbage's size (over 700 MB),
 * not its data's (about 130 MB live). Over the budget, a collection between
 * two pages brings the heap back to what is live; a small build never
 * reaches it.
 */
export const heapBudgetBytes = 200 * 2 ** 20;

let collect: (() => void) | null | undefined;
/** The heap size that sets off the next collection: the budget, or twice what was live after the last one if that is more (a large live heap is never collected for less garbage than it holds). */
let threshold = heapBudgetBytes;

/** A full garbage collection, or null where the runtime does not allow one (the flag is on for the lookup only). */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  // Started with --expose-gc (a test runner, a profile): that one, with the flag left as it was.
  if (typeof globalThis.gc === 'function') return (collect = globalThis.gc as () => void);
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

const used = () => getHeapStatistics().used_heap_size;

/** Between two pages: collect the heap in full when it has grown past `limit` (by default the budget: it holds garbage then, mostly). */
export function keepHeapWithinBudget(limit = threshold): void {
  if (used() <= limit) return;
  const gc = collector();
  if (!gc) return;
  gc();
  threshold = Math.max(heapBudgetBytes, 2 * used());
}
