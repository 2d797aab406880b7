// Renames and merges the document declares: an entity names the ids it `replaces`, so the diff reports one change, not removals.
import { entityLists, references } from '../model/sections.js';
import type { Policy } from '../model/policy.generated.js';
import { isPlainObject, listAt, same, type Entity } from './values.js';

/** For each list (by its path, dotted): the ids gone since the earlier version, each with the id of the entity that replaces it. */
export type Replacements = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The ids an entity says it replaces. */
export const replacedIds = (e: Entity): string[] => (Array.isArray(e.replaces) ? e.replaces.filter((r) => typeof r === 'string') : []);

/**
 * The replacements the later version declares: an id it names in `replaces`
 * that the earlier version has and the later one no longer has. An id still
 * present is not replaced (the document contradicts itself; the diff believes
 * the lists).
 */
export function replacementsOf(before: Policy, after: Policy): Replacements {
  const out = new Map<string, Map<string, string>>();
  for (const list of entityLists) {
    const was = new Set(listAt(before, list.path).map((e) => e.id));
    const now = listAt(after, list.path);
    const kept = new Set(now.map((e) => e.id));
    const map = new Map<string, string>();
    for (const entity of now) {
      for (const id of replacedIds(entity)) if (was.has(id) && !kept.has(id) && !map.has(id)) map.set(id, entity.id);
    }
    if (map.size) out.set(list.path.join('.'), map);
  }
  return out;
}

/**
 * The earlier version with its references to replaced entities pointing at
 * their replacements, so that a purpose that used two merged categories
 * compares as using the one that replaces them (no change), not as using
 * other data.
 */
export function withReplacedReferences(before: Policy, replacements: Replacements): Policy {
  if (!replacements.size) return before;
  const copy = structuredClone(before);
  for (const reference of references) {
    const map = replacements.get(reference.to.join('.'));
    if (map) rewrite(copy, reference.from, map);
  }
  return copy;
}

function rewrite(node: unknown, path: readonly string[], map: ReadonlyMap<string, string>): void {
  if (!isPlainObject(node) && !Array.isArray(node)) return;
  const [key, ...rest] = path;
  if (key === undefined) return;
  if (key === '*') {
    if (Array.isArray(node)) for (const item of node) rewrite(item, rest, map);
    return;
  }
  if (!isPlainObject(node)) return;
  const value = node[key];
  if (rest.length === 1 && rest[0] === '*' && Array.isArray(value)) {
    const ids = value.map((id) => (typeof id === 'string' ? (map.get(id) ?? id) : id));
    node[key] = ids.filter((id, i) => ids.indexOf(id) === i);
  } else if (!rest.length && typeof value === 'string') node[key] = map.get(value) ?? value;
  else rewrite(value, rest, map);
}

/**
 * What the replaced entities said together, to compare their replacement
 * with: lists joined (without repeats), other fields as the first part has
 * them. A merge is material only when the merged entity says more than that.
 */
export function mergedParts(parts: readonly Entity[]): Entity {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const had = out[key];
      if (Array.isArray(had) && Array.isArray(value)) out[key] = [...had, ...value.filter((v) => !had.some((h) => same(h, v)))];
      else if (had === undefined) out[key] = value;
    }
  }
  return out as Entity;
}
