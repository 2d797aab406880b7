import { cachedJson, cacheKey, type Cache } from '../cache/cache.js';
import { applyDecisions } from '../diff/decisions.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import type { ChangeSet, ReviewDecision } from '../diff/types.js';
import type { Release } from './verify.js';

// Within a run, the rules and the site ask for the same pairs: each is computed (or read from the cache) once.
const computed = new WeakMap<Release, Map<string, ChangeSet>>();

/**
 * The changes from one release to another, with the decisions people took
 * on its changes to review as the later release froze them (`entry.decisions`;
 * for releases further apart, pass the decisions of every release between).
 * Released snapshots never change, so a pair's change set is cached under the
 * two snapshots' hashes, the project's materiality overrides and the decisions.
 */
export function releaseChanges(
  from: Release,
  to: Release,
  materiality: MaterialityOverrides = {},
  cache?: Cache,
  decisions: readonly ReviewDecision[] = frozenDecisions(to),
): ChangeSet {
  const settings = JSON.stringify([materiality, decisions]);
  let byPair = computed.get(to);
  if (!byPair) computed.set(to, (byPair = new Map()));
  const pair = `${from.entry.sha256}\0${settings}`;
  let changes = byPair.get(pair);
  if (!changes) {
    changes = cachedJson(
      cache,
      () => cacheKey('changes', from.entry.sha256, to.entry.sha256, materiality, decisions),
      () => applyDecisions(diffPolicies(from.model.policy, to.model.policy, undefined, materiality), decisions).changes,
    )!;
    byPair.set(pair, changes);
  }
  return changes;
}

/** The decisions a release froze (none when its manifest entry has none, or a list of something else). */
export function frozenDecisions(release: Release): ReviewDecision[] {
  return Array.isArray(release.entry.decisions) ? release.entry.decisions : [];
}
