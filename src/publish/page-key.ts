import { cacheKey } from '../cache/cache.js';
import { sha256 } from '../util/hash.js';
import type { Publishing } from './document.js';

/** Stand-ins for a document's models in a key, by object: per publishing run, built when first asked for. */
const identities = new WeakMap<Publishing, Map<object, string>>();

/**
 * The cache key of something a document's publishing step renders from
 * `parts` (with the templates, the locale files and the tool): the hash of
 * the parts as JSON, where a released version's model (or its policy) stands
 * as its snapshot's hash, as a version's page is keyed (`versionPage`), and a
 * translation's as the hash of its content (`translationPage`). Every other
 * value is serialised in full, so whatever a step reads is in its key when it
 * is in its parts: the parts must hold all it reads besides the renderer.
 */
export function publishingKey(p: Publishing, kind: string, parts: unknown): string {
  const ids = identitiesOf(p);
  const json = JSON.stringify(parts, (_key, value: unknown) =>
    typeof value === 'object' && value !== null ? (ids.get(value) ?? value) : value,
  );
  return cacheKey(kind, p.renderer.digest, sha256(json));
}

/**
 * What a publishing step renders (JSON-serialisable), from the cache under
 * `publishingKey(p, kind, parts)`, or rendered and stored. A rendering during
 * which the renderer reported a problem (a template that failed) is not
 * stored, so a later build reports it again.
 */
export function cachedRendering<T>(p: Publishing, kind: string, parts: unknown, render: () => T): T {
  const { cache } = p.settings;
  if (!cache) return render();
  const key = publishingKey(p, kind, parts);
  const hit = cache.get(key);
  if (hit !== undefined) return JSON.parse(hit) as T;
  const reported = p.renderer.diagnostics.length;
  const value = render();
  if (p.renderer.diagnostics.length === reported) cache.set(key, JSON.stringify(value));
  return value;
}

function identitiesOf(p: Publishing): Map<object, string> {
  let ids = identities.get(p);
  if (!ids) {
    ids = new Map();
    for (const r of p.releases) {
      ids.set(r.model, `snapshot:${r.entry.sha256}`);
      ids.set(r.model.policy, `snapshot-policy:${r.entry.sha256}`);
    }
    for (const tr of p.translations) {
      if (ids.has(tr.model)) continue;
      const digest = sha256(JSON.stringify(tr.model.policy));
      ids.set(tr.model, `translation:${digest}`);
      ids.set(tr.model.policy, `translation-policy:${digest}`);
    }
    identities.set(p, ids);
  }
  return ids;
}
