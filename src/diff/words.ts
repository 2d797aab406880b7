import { diffWordsWithSpace } from 'diff';
import type { WordPart } from './types.js';

/**
 * Edits beyond which two texts count as rewritten rather than edited. Bounds
 * the cost of diffing unrelated texts, and unlike a time-out it gives the
 * same answer on every machine.
 */
const maxEditLength = 400;

/** The word-level edit from one text to another: kept, deleted and inserted runs, in reading order. */
export function wordDiff(before: string, after: string): WordPart[] {
  if (before === after) return [{ value: before }];
  const parts = diffWordsWithSpace(before, after, { maxEditLength });
  if (!parts) {
    return [
      ...(before ? [{ value: before, removed: true }] : []),
      ...(after ? [{ value: after, added: true }] : []),
    ];
  }
  return parts.map((p) => (p.added ? { value: p.value, added: true } : p.removed ? { value: p.value, removed: true } : { value: p.value }));
}
