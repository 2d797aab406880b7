import type { Policy } from '../model/policy.generated.js';
import { partPlaces, type Part, type Place } from './parts.js';

/** How a document's deferred parts can be judged. */
export interface Deferral {
  /** The parent's id, when the document names one. */
  parent?: string;
  /** Parts deferred to a parent read here (a document of the project), with their index in `parent.defers`. */
  read: ReadonlyMap<Part, number>;
  /** Parts deferred to a parent not read here: a `url` outside the project, or a document not found. */
  unread: ReadonlySet<Part>;
  /** What the rules judging a deferred part read: the document, completed by the parent in the parts it defers. */
  view: Policy;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEntity = (value: unknown): value is Record<string, unknown> & { id: string } => isMap(value) && typeof value.id === 'string';

/**
 * The document's statement completed by the parent's: lists of entities
 * joined by `id` (the document's first, then the parent's it does not have),
 * lists of values joined, maps merged key by key; elsewhere the document's
 * own value wins. Items and values are shared, never copied or changed.
 */
function complete(own: unknown, parent: unknown): unknown {
  if (own === undefined) return parent;
  if (parent === undefined) return own;
  if (Array.isArray(own) && Array.isArray(parent)) {
    if (own.every(isEntity) && parent.every(isEntity)) {
      const ids = new Set(own.map((item) => item.id));
      return [...own, ...parent.filter((item) => !ids.has(item.id))];
    }
    if ([...own, ...parent].every((v) => !isMap(v) && !Array.isArray(v))) return [...new Set([...own, ...parent])];
    return own;
  }
  if (isMap(own) && isMap(parent)) {
    const out: Record<string, unknown> = { ...own };
    for (const [key, value] of Object.entries(parent)) out[key] = complete(own[key], value);
    return out;
  }
  return own;
}

/** `own` with the value at `place` completed by the parent's; under `*`, each item by the parent's item of the same id. */
function completeAt(own: unknown, parent: unknown, place: Place): unknown {
  if (!place.length) return complete(own, parent);
  const [key, ...rest] = place as [string, ...string[]];
  if (key === '*') {
    if (!Array.isArray(own)) return own;
    const theirs = Array.isArray(parent) ? parent.filter(isEntity) : [];
    return own.map((item) => {
      const match = isEntity(item) ? theirs.find((p) => p.id === item.id) : undefined;
      return match === undefined ? item : completeAt(item, match, rest);
    });
  }
  if (!isMap(own)) return own;
  const value = completeAt(own[key], isMap(parent) ? parent[key] : undefined, rest);
  return value === undefined ? own : { ...own, [key]: value };
}

/**
 * What the rules read of a document that defers parts to a parent: a pure
 * step before they run. Each part the document defers is read in the parent
 * (`parent`, the parent's version for this one) at the places `partPlaces`
 * names, with the parent's custom sections that cover the part's practices;
 * without the parent (a `url`, or an id not found), the part is unread.
 */
export function ruleView(policy: Policy, parent?: Policy): Deferral {
  const named = policy.parent;
  if (!named) return { read: new Map(), unread: new Set(), view: policy };
  const id = named.document ?? named.url;
  const readable = parent !== undefined && named.document !== undefined && parent.id === named.document;
  if (!readable) return { ...(id ? { parent: id } : {}), read: new Map(), unread: new Set(named.defers), view: policy };
  let view: unknown = policy;
  for (const part of named.defers) for (const place of partPlaces[part].places) view = completeAt(view, parent, place);
  const practices = new Set(named.defers.flatMap((part) => partPlaces[part].practices));
  const ownIds = new Set((policy.sections ?? []).map((s) => s.id));
  const borrowed = (parent.sections ?? []).filter((s) => !ownIds.has(s.id) && s.practices?.some((p) => practices.has(p)));
  if (borrowed.length) view = { ...(view as Policy), sections: [...(policy.sections ?? []), ...borrowed] };
  return {
    parent: named.document!,
    read: new Map(named.defers.map((part, i) => [part, i])),
    unread: new Set(),
    view: view as Policy,
  };
}
