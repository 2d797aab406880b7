import { cachedJson, cacheKey, type Cache } from '../cache/cache.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import type { ChangeSet } from '../diff/types.js';
import type { Release } from './verify.js';

// Within a run, the rules and the site ask for the same pairs: each is computed (or read from the cache) once.
const computed = new WeakMap<Release, Map<string, ChangeSet>>();

/**
 * The changes from one release to the next. Released snapshots never change,
 * so a pair's change set is cached under the two snapshots' hashes (and the
 * project's materiality overrides).
 */
export function releaseChanges(from: Release, to: Release, materiality: MaterialityOverrides = {}, cache?: Cache): ChangeSet {
  const settings = JSON.stringify(materiality);
  let byPair = computed.get(to);
  if (!byPair) computed.set(to, (byPair = new Map()));
  const pair = `${from.entry.sha256}\0${settings}`;
  let changes = byPair.get(pair);
  if (!changes) {
    changes = cachedJson(
      cache,
      () => cacheKey('changes', from.entry.sha256, to.entry.sha256, materiality),
      () => diffPolicies(from.model.policy, to.model.policy, undefined, materiality),
    )!;
    byPair.set(pair, changes);
  }
  return changes;
}
