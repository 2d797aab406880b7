import { cacheKey, type Cache } from '../cache/cache.js';
import type { ParsedFile } from '../load/parse.js';
import type { SnapshotFile } from '../load/read-history.js';
import { validateFile } from '../validate/validate.js';
import { sha256, type ReleaseEntry } from './manifest.js';
import { migrate } from './migrate.js';
import { shareUnchanged } from './share-unchanged.js';

/** Reports a problem of a file, at its start. */
export type SnapshotFail = (file: string, ruleId: string, message: string, hint: string) => void;

/**
 * The data of a released version (migrated and checked). A snapshot is checked in full once: the
 * data it checked out to is cached under its bytes' hash, and a later run
 * reads that instead of parsing and checking the snapshot again.
 */
export function releaseModel(
  snapshot: SnapshotFile,
  entry: ReleaseEntry,
  fail: SnapshotFail,
  cache: Cache | undefined,
  previous: unknown,
): unknown {
  const key = () => cacheKey('snapshot', entry.sha256, entry.schemaVersion, entry.version);
  const verified = cache?.get(key());
  if (verified !== undefined) return shareUnchanged(previous, JSON.parse(verified));
  const data = checkedSnapshot(snapshot, entry, fail);
  if (data === undefined) return undefined;
  // Read back from JSON, as a cache hit is: the same model either way, and no string of it keeps the snapshot's whole text alive.
  const json = JSON.stringify(data);
  cache?.set(key(), json);
  return shareUnchanged(previous, JSON.parse(json));
}

/** A snapshot's data, read again (its bytes must still match the manifest), migrated and checked; `undefined` after a diagnostic. */
function checkedSnapshot(snapshot: SnapshotFile, entry: ReleaseEntry, fail: SnapshotFail): Record<string, unknown> | undefined {
  const bytes = snapshot.read();
  if (sha256(bytes) !== entry.sha256) {
    fail(
      snapshot.path,
      'history-snapshot-modified',
      `The snapshot of ${entry.version} was changed while it was being read`,
      'Run the command again once nothing is writing the history.',
    );
    return undefined;
  }
  const parsed = snapshot.parse(bytes);
  const read = policyData(parsed, entry);
  if ('data' in read) return read.data;
  fail(
    parsed.path,
    'history-snapshot-invalid',
    `The snapshot of ${entry.version} cannot be read as a policy: ${read.problem}`,
    'This is a problem in policyc (a missing migration) or a damaged history: restore the file from git.',
  );
  return undefined;
}

/** A parsed snapshot's data migrated to the current format, or why it is not a policy of the version the manifest says. */
function policyData(parsed: ParsedFile, entry: ReleaseEntry): { data: Record<string, unknown> } | { problem: string } {
  // `parse` gives data only when it found no error.
  if (!parsed.data) {
    return { problem: parsed.diagnostics[0]?.message ?? 'not a YAML mapping' };
  }
  let data: Record<string, unknown>;
  try {
    data = migrate(parsed.data, entry.schemaVersion);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const problem = schemaProblem(parsed, data) ?? versionProblem(data, entry);
  return problem === undefined ? { data } : { problem };
}

/** Why migrated data does not match the schema, if it does not. */
function schemaProblem(parsed: ParsedFile, data: Record<string, unknown>): string | undefined {
  // Every snapshot is checked in full (schema, text, references, prose) as the current format reads it: an
  // older one after migration, so a check added since (a control character in a text) judges it too.
  const errors = validateFile({ ...parsed, data }, { snapshot: true, prose: false }).filter((d) => d.severity === 'error');
  return errors.length ? errors[0]!.message : undefined;
}

/** Why the data's version is not the manifest's, if it is not. */
function versionProblem(data: Record<string, unknown>, entry: ReleaseEntry): string | undefined {
  const version = (data as { version?: unknown }).version;
  return version !== entry.version ? `it says version ${String(version)}, the manifest ${entry.version}` : undefined;
}
