/**
 * `next`, with every part equal to the same part of `previous` (same keys in
 * the same order, same values) replaced by that part, so that versions hold
 * one copy of what they share. List items are matched by `id` where they
 * have one, else by position.
 */
export function shareUnchanged(previous: unknown, next: unknown): unknown {
  if (previous === next || typeof next !== 'object' || next === null || typeof previous !== 'object' || previous === null) return next;
  if (Array.isArray(next)) return Array.isArray(previous) ? shareList(previous, next) : next;
  if (Array.isArray(previous)) return next;
  return shareRecord(previous as Record<string, unknown>, next as Record<string, unknown>);
}

/** `next` with its items shared with `previous`'s: by `id` where an item has one, else by position. */
function shareList(previous: unknown[], next: unknown[]): unknown[] {
  const byId = new Map<unknown, unknown>();
  for (const item of previous) if (item && typeof item === 'object' && 'id' in item) byId.set((item as { id: unknown }).id, item);
  const shared = next.map((item, i) =>
    shareUnchanged(item && typeof item === 'object' && 'id' in item ? byId.get((item as { id: unknown }).id) : previous[i], item),
  );
  return shared.length === previous.length && shared.every((item, i) => item === previous[i]) ? previous : shared;
}

/** `next` with its values shared with `before`'s under the same keys; `before` itself when all of it is equal. */
function shareRecord(before: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(next);
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const value = shareUnchanged(before[key], next[key]);
    // A key named `__proto__` is data here, not the prototype.
    Object.defineProperty(shared, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const beforeKeys = Object.keys(before);
  return beforeKeys.length === keys.length && keys.every((key, i) => beforeKeys[i] === key && shared[key] === before[key])
    ? before
    : shared;
}
