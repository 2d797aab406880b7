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
    return [...(before ? [{ value: before, removed: true }] : []), ...(after ? [{ value: after, added: true }] : [])];
  }
  return coalesce(
    parts.map((p) => (p.added ? { value: p.value, added: true } : p.removed ? { value: p.value, removed: true } : { value: p.value })),
  );
}

/**
 * Merge a run of edits that only white space separates into one deletion and
 * one insertion: "~~a~~ **x** ~~b~~ **y**" reads better as "~~a b~~ **x y**".
 */
function coalesce(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ value: removed, removed: true });
    if (added) out.push({ value: added, added: true });
    removed = '';
    added = '';
  };
  parts.forEach((part, i) => {
    if (part.removed) removed += part.value;
    else if (part.added) added += part.value;
    else if ((removed || added) && /^\s+$/.test(part.value) && (parts[i + 1]?.added || parts[i + 1]?.removed)) {
      removed += part.value;
      added += part.value;
    } else {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}
