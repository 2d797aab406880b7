import { cacheKey, type Cache } from '../cache/cache.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedFile } from '../load/parse.js';
import type { HistoryFiles, SnapshotFile } from '../load/read-history.js';
import type { Policy } from '../model/policy.generated.js';
import { schemaVersion } from '../model/schema.js';
import { resolve, type PolicyModel } from '../resolve/resolve.js';
import { matchesSchema } from '../validate/schema-rules.js';
import { validateFile } from '../validate/validate.js';
import { compareVersions, entryHash, sha256, type Manifest, type ReleaseEntry, type TranslationEntry } from './manifest.js';
import { migrate } from './migrate.js';

// What the reader gives (load/read-history.ts); re-exported for the modules that take it with the verified history.
export type { HistoryFiles, SnapshotFile };

/** A released version: its manifest entry and its resolved model (migrated to the current format). */
export interface Release {
  entry: ReleaseEntry;
  model: PolicyModel;
}

/** A frozen translation whose bytes match the manifest: its entry and its parsed snapshot (checked as a translation by the caller). */
export interface FrozenTranslationFile {
  entry: TranslationEntry;
  parsed: ParsedFile;
}

/**
 * Check a document's history is intact (every snapshot matches its recorded
 * hash, each entry chains to the one before, versions and dates go forward,
 * nothing unrecorded lies beside them) and resolve each release.
 */
export function verifyHistory(
  files: HistoryFiles,
  settings: { cache?: Cache } = {},
): { releases: Release[]; translations: FrozenTranslationFile[]; manifest?: Manifest; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fail = (file: string, ruleId: string, message: string, hint: string, line = 1) =>
    diagnostics.push(diagnostic(file, { start: { line, column: 1 }, end: { line, column: 1 } }, ruleId, 'history', message, { hint }));
  const untouched =
    'Released versions are immutable: restore the file from git (`git checkout -- <file>`); make changes in the working document and release a new version.';

  if (files.manifestText === undefined) {
    for (const name of files.snapshots.keys()) {
      fail(
        `${files.dir}/${name}`,
        'history-unrecorded-snapshot',
        `Snapshot \`${name}\` is not recorded in any manifest`,
        'Snapshots are written by `policyc release` only: remove the file, or restore `manifest.json` from git.',
      );
    }
    return { releases: [], translations: [], diagnostics };
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(files.manifestText) as Manifest;
    if (!Array.isArray(manifest.releases)) throw new Error('`releases` is not a list');
    if (manifest.translations !== undefined && !Array.isArray(manifest.translations)) throw new Error('`translations` is not a list');
  } catch (error) {
    fail(
      files.manifestPath,
      'history-manifest-invalid',
      `The release manifest cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      untouched,
    );
    return { releases: [], translations: [], diagnostics };
  }
  const lineOf = (needle: string) => {
    const index = files.manifestText!.indexOf(needle);
    return index < 0 ? 1 : files.manifestText!.slice(0, index).split('\n').length;
  };

  const releases: Release[] = [];
  // Consecutive versions share most of their content: each version's data reuses the objects of the one before where they are equal.
  let previousData: unknown;
  let previous: ReleaseEntry | undefined;
  const recorded = new Set<string>();
  for (const entry of manifest.releases) {
    recorded.add(entry.file);
    const line = lineOf(`"version": "${entry.version}"`);
    const expectedPrevious = previous ? entryHash(previous) : null;
    if (entry.previous !== expectedPrevious) {
      fail(
        files.manifestPath,
        'history-chain-broken',
        `The entry for ${entry.version} does not chain to the entry before it: the manifest was edited`,
        untouched,
        line,
      );
    }
    if (previous && compareVersions(entry.version, previous.version) <= 0) {
      fail(files.manifestPath, 'history-order', `Version ${entry.version} is recorded after ${previous.version}`, untouched, line);
    }
    previous = entry;
    const snapshot = files.snapshots.get(entry.file);
    const file = `${files.dir}/${entry.file}`;
    if (!snapshot) {
      fail(
        files.manifestPath,
        'history-snapshot-missing',
        `The snapshot of ${entry.version} (\`${entry.file}\`) is missing`,
        untouched,
        line,
      );
      continue;
    }
    if (snapshot.sha256 !== entry.sha256) {
      fail(
        file,
        'history-snapshot-modified',
        `The snapshot of ${entry.version} was changed after its release: its hash no longer matches the manifest`,
        untouched,
      );
      continue;
    }
    const released = releaseModel(snapshot, entry, fail, settings.cache, previousData);
    if (released) {
      releases.push({ entry, model: resolve(released as Policy, snapshot.path) });
      previousData = released;
    }
  }
  const translations: FrozenTranslationFile[] = [];
  let previousTranslation: TranslationEntry | undefined;
  for (const entry of manifest.translations ?? []) {
    recorded.add(entry.file);
    const line = lineOf(`"file": "${entry.file}"`);
    if (entry.previous !== (previousTranslation ? entryHash(previousTranslation) : null)) {
      fail(
        files.manifestPath,
        'history-chain-broken',
        `The entry for the ${entry.locale} translation of ${entry.version} does not chain to the translation entry before it: the manifest was edited`,
        untouched,
        line,
      );
    }
    previousTranslation = entry;
    if (!manifest.releases.some((r) => r.version === entry.version)) {
      fail(
        files.manifestPath,
        'history-translation-orphan',
        `The ${entry.locale} translation \`${entry.file}\` translates ${entry.version}, which is not released`,
        untouched,
        line,
      );
      continue;
    }
    const snapshot = files.snapshots.get(entry.file);
    if (!snapshot) {
      fail(
        files.manifestPath,
        'history-snapshot-missing',
        `The ${entry.locale} translation of ${entry.version} (\`${entry.file}\`) is missing`,
        untouched,
        line,
      );
      continue;
    }
    if (snapshot.sha256 !== entry.sha256) {
      fail(
        `${files.dir}/${entry.file}`,
        'history-snapshot-modified',
        `The ${entry.locale} translation of ${entry.version} was changed after it was frozen: its hash no longer matches the manifest`,
        untouched,
      );
      continue;
    }
    translations.push({ entry, parsed: snapshot.parse() });
  }
  for (const name of files.snapshots.keys()) {
    if (!recorded.has(name)) {
      fail(
        `${files.dir}/${name}`,
        'history-unrecorded-snapshot',
        `Snapshot \`${name}\` is not recorded in the manifest`,
        'Snapshots are written by `policyc release` only: remove the file.',
      );
    }
  }
  return { releases, translations, manifest, diagnostics };
}

/**
 * The data of a released version (migrated and checked). A snapshot is checked in full once: the
 * data it checked out to is cached under its bytes' hash, and a later run
 * reads that instead of parsing and checking the snapshot again.
 */
function releaseModel(
  snapshot: SnapshotFile,
  entry: ReleaseEntry,
  fail: (file: string, ruleId: string, message: string, hint: string) => void,
  cache: Cache | undefined,
  previous: unknown,
): unknown {
  const key = () => cacheKey('snapshot', entry.sha256, entry.schemaVersion, entry.version);
  const verified = cache?.get(key());
  if (verified !== undefined) return shareUnchanged(previous, JSON.parse(verified));
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
  const invalid = (detail: string) =>
    fail(
      parsed.path,
      'history-snapshot-invalid',
      `The snapshot of ${entry.version} cannot be read as a policy: ${detail}`,
      'This is a problem in policyc (a missing migration) or a damaged history: restore the file from git.',
    );
  if (!parsed.data || parsed.diagnostics.some((d) => d.severity === 'error')) {
    invalid(parsed.diagnostics[0]?.message ?? 'not a YAML mapping');
    return undefined;
  }
  let data: Record<string, unknown>;
  try {
    data = migrate(parsed.data, entry.schemaVersion);
  } catch (error) {
    invalid(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  // A snapshot in the current format is checked in full, with positions; an older one is checked after migration.
  if (entry.schemaVersion === schemaVersion) {
    const errors = validateFile({ ...parsed, data }, { snapshot: true }).filter((d) => d.severity === 'error');
    if (errors.length) {
      invalid(errors[0]!.message);
      return undefined;
    }
  } else if (!matchesSchema(data)) {
    invalid('it does not match the current schema after migration');
    return undefined;
  }
  if ((data as { version?: unknown }).version !== entry.version) {
    invalid(`it says version ${String((data as { version?: unknown }).version)}, the manifest ${entry.version}`);
    return undefined;
  }
  // Read back from JSON, as a cache hit is: the same model either way, and no string of it keeps the snapshot's whole text alive.
  const json = JSON.stringify(data);
  cache?.set(key(), json);
  return shareUnchanged(previous, JSON.parse(json));
}

/**
 * `next`, with every part equal to the same part of `previous` (same keys in
 * the same order, same values) replaced by that part, so that versions hold
 * one copy of what they share. List items are matched by `id` where they
 * have one, else by position.
 */
export function shareUnchanged(previous: unknown, next: unknown): unknown {
  if (previous === next || typeof next !== 'object' || next === null || typeof previous !== 'object' || previous === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    const byId = new Map<unknown, unknown>();
    for (const item of previous) if (item && typeof item === 'object' && 'id' in item) byId.set((item as { id: unknown }).id, item);
    const shared = next.map((item, i) =>
      shareUnchanged(item && typeof item === 'object' && 'id' in item ? byId.get((item as { id: unknown }).id) : previous[i], item),
    );
    return shared.length === previous.length && shared.every((item, i) => item === previous[i]) ? previous : shared;
  }
  if (Array.isArray(previous)) return next;
  const before = previous as Record<string, unknown>;
  const keys = Object.keys(next);
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const value = shareUnchanged(before[key], (next as Record<string, unknown>)[key]);
    // A key named `__proto__` is data here, not the prototype.
    Object.defineProperty(shared, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const beforeKeys = Object.keys(before);
  return beforeKeys.length === keys.length && keys.every((key, i) => beforeKeys[i] === key && shared[key] === before[key])
    ? previous
    : shared;
}
