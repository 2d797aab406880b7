import type { Policy } from '../model/policy.generated.js';

/** An entity of a list (a cookie, a recipient, ...): an object with an id. */
export type Entity = Record<string, unknown> & { id: string };

export function difference(a: unknown, b: unknown): string[] {
  const other = new Set(Array.isArray(b) ? b.map(String) : []);
  return (Array.isArray(a) ? a.map(String) : []).filter((x) => !other.has(x));
}

export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function strip(value: Record<string, unknown>, keys: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.includes(k)) out[k] = v;
  return out;
}

export function objectAt(policy: Policy, path: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = policy;
  for (const key of path) node = isPlainObject(node) ? node[key] : undefined;
  return isPlainObject(node) ? node : undefined;
}

export function listAt(policy: Policy, path: readonly string[]): Entity[] {
  let node: unknown = policy;
  for (const key of path) node = isPlainObject(node) ? node[key] : undefined;
  return Array.isArray(node) ? (node.filter((e) => isPlainObject(e) && typeof e.id === 'string') as Entity[]) : [];
}

/** Schema path segments with list indexes as numbers (`cookies.items.0.purpose`). */
export function fieldPath(segments: readonly string[]): (string | number)[] {
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
