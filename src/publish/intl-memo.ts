import { cacheKey, type Cache } from '../cache/cache.js';
import { formattedValues, restoreFormattedValues } from '../render/intl-format.js';

/**
 * Run a site's compilation with the dates and names an earlier build
 * formatted restored from the cache, and store them again when this one
 * formatted new ones: ICU loads its data when a process makes its first
 * formatter, which costs a build whose pages all come from the cache more
 * than the rest of its rendering. Keyed by the tool (its code, Node.js and
 * ICU versions: what the values are a function of); values, not code, are
 * restored, and an entry that is not a list of pairs of strings is ignored.
 */
export function withFormattedValues<T>(cache: Cache | undefined, compile: () => T): T {
  if (!cache) return compile();
  const key = cacheKey('intl-formatted');
  const stored = cache.get(key);
  let restored = 0;
  if (stored !== undefined) {
    try {
      const entries: unknown = JSON.parse(stored);
      restoreFormattedValues(entries);
      if (Array.isArray(entries)) restored = entries.length;
    } catch {
      // A damaged entry is a miss: the values are formatted again.
    }
  }
  const result = compile();
  // Stored again when this process holds values the entry lacks (formatted now, or by an earlier build of the same process).
  const { entries } = formattedValues();
  if (entries.length !== restored) cache.set(key, JSON.stringify(entries));
  return result;
}
