import { cacheKey, type Cache } from '../cache/cache.js';
import type { Place } from '../diagnostics/diagnostic.js';

/** Places of findings already found in a file, by the path of the entity placed (see `placeKey`). */
export interface PlaceMemo {
  get(key: string): Place | undefined;
  set(key: string, place: Place): void;
}

/** The memo's key of an entity's path. */
export const placeKey = (path: readonly string[]) => JSON.stringify(path);

/**
 * The places of findings in a released snapshot, kept in the cache under the
 * hash of its bytes: a place depends on nothing else, so a later run places
 * the same findings without parsing the snapshot again (a snapshot is parsed
 * only when a finding needs a place not kept yet). `save` writes what was
 * added, once the snapshot is judged.
 */
export function snapshotPlaces(sha256: string, cache: Cache | undefined): PlaceMemo & { save(): void } {
  let known: Map<string, Place> | undefined;
  let added = false;
  const key = () => cacheKey('snapshot-places', sha256);
  const load = () => (known ??= readPlaces(cache?.get(key())));
  return {
    get: (path) => load().get(path),
    set(path, place) {
      load().set(path, place);
      added = true;
    },
    save() {
      if (!added || !cache) return;
      cache.set(key(), JSON.stringify([...load()]));
      added = false;
    },
  };
}

/** The places a cache entry holds; a damaged one holds none. */
function readPlaces(text: string | undefined): Map<string, Place> {
  if (text === undefined) return new Map();
  try {
    const entries = JSON.parse(text) as unknown;
    return Array.isArray(entries) ? new Map(entries as [string, Place][]) : new Map();
  } catch {
    return new Map();
  }
}
