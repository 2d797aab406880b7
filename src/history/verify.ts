import type { Cache } from '../cache/cache.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedFile } from '../load/parse.js';
import type { HistoryFiles, NoteFile, SnapshotFile } from '../load/read-history.js';
import type { Policy } from '../model/policy.generated.js';
import { resolve, type PolicyModel } from '../resolve/resolve.js';
import { validateNote } from '../validate/note-rules.js';
import { entryHash, compareVersions, type FrozenFile, type Manifest, type ReleaseEntry, type TranslationEntry } from './manifest.js';
import { releaseModel } from './release-model.js';

// What the reader gives (load/read-history.ts); re-exported for the modules that take it with the verified history.
export type { HistoryFiles, SnapshotFile };
export { shareUnchanged } from './share-unchanged.js';

/** A released version: its manifest entry and its resolved model (migrated to the current format). */
export interface Release {
  entry: ReleaseEntry;
  model: PolicyModel;
  /** The release note its authors wrote (Markdown), when the manifest records one and its bytes match. */
  note?: string;
}

/** A frozen translation whose bytes match the manifest: its entry and its parsed snapshot (checked as a translation by the caller). */
export interface FrozenTranslationFile {
  entry: TranslationEntry;
  parsed: ParsedFile;
  /** The release note in its language (Markdown), when the manifest records one and its bytes match. */
  note?: string;
}

/** Reports a problem of a file, at a line (default: its first). */
type Fail = (file: string, ruleId: string, message: string, hint: string, line?: number) => void;

/** A history being verified: its files, where problems go, and the line of the manifest a text is on. */
interface Verification {
  files: HistoryFiles;
  fail: Fail;
  lineOf(needle: string): number;
  /** Where the findings of a frozen note's own checks go. */
  diagnostics: Diagnostic[];
}

const untouched =
  'Released versions are immutable: restore the file from git (`git checkout -- <file>`); make changes in the working document and release a new version.';

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
  const fail: Fail = (file, ruleId, message, hint, line = 1) =>
    diagnostics.push(diagnostic(file, { start: { line, column: 1 }, end: { line, column: 1 } }, ruleId, 'history', message, { hint }));
  if (files.manifestText === undefined) {
    reportUnrecorded(
      files,
      new Set(),
      fail,
      'any manifest',
      'Snapshots are written by `policyc release` only: remove the file, or restore `manifest.json` from git.',
    );
    return { releases: [], translations: [], diagnostics };
  }
  const manifest = readManifest(files.manifestText, files.manifestPath, fail);
  if (!manifest) return { releases: [], translations: [], diagnostics };
  const verification: Verification = { files, fail, lineOf: lineFinder(files.manifestText), diagnostics };
  const releases = verifyReleases(verification, manifest.releases, settings.cache);
  const translations = verifyTranslations(verification, manifest);
  const entries = [...manifest.releases, ...(manifest.translations ?? [])];
  const recorded = new Set(entries.flatMap((entry) => [entry.file, ...(entry.note ? [entry.note.file] : [])]));
  reportUnrecorded(files, recorded, fail, 'the manifest', 'Snapshots are written by `policyc release` only: remove the file.');
  return { releases, translations, manifest, diagnostics };
}

/** The manifest, when it is JSON with lists where lists belong; else `undefined`, after a diagnostic. */
function readManifest(text: string, manifestPath: string, fail: Fail): Manifest | undefined {
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (!Array.isArray(manifest.releases)) throw new Error('`releases` is not a list');
    if (manifest.translations !== undefined && !Array.isArray(manifest.translations)) throw new Error('`translations` is not a list');
    return manifest;
  } catch (error) {
    fail(
      manifestPath,
      'history-manifest-invalid',
      `The release manifest cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      untouched,
    );
    return undefined;
  }
}

/** The line of the manifest's text on which a text first appears (1 when it does not). */
function lineFinder(text: string): (needle: string) => number {
  return (needle) => {
    const index = text.indexOf(needle);
    return index < 0 ? 1 : text.slice(0, index).split('\n').length;
  };
}

/** Each release entry checked in order, and the releases whose snapshots are intact, resolved. */
function verifyReleases(verification: Verification, entries: ReleaseEntry[], cache: Cache | undefined): Release[] {
  const releases: Release[] = [];
  // Consecutive versions share most of their content: each version's data reuses the objects of the one before where they are equal.
  let previousData: unknown;
  let previous: ReleaseEntry | undefined;
  for (const entry of entries) {
    const line = verification.lineOf(`"version": "${entry.version}"`);
    checkReleaseOrder(verification, entry, previous, line);
    previous = entry;
    const snapshot = intactReleaseSnapshot(verification, entry, line);
    if (!snapshot) continue;
    const released = releaseModel(snapshot, entry, verification.fail, cache, previousData);
    if (released) {
      const note = entry.note && intactNote(verification, entry.note, `The release note of ${entry.version}`, line);
      releases.push({ entry, model: resolve(released as Policy, snapshot.path), ...(note !== undefined ? { note } : {}) });
      previousData = released;
    }
  }
  return releases;
}

/** A release entry must chain to the one before it, and come after it in version. */
function checkReleaseOrder(verification: Verification, entry: ReleaseEntry, previous: ReleaseEntry | undefined, line: number): void {
  const { files, fail } = verification;
  if (entry.previous !== (previous ? entryHash(previous) : null)) {
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
}

/** The snapshot of a release when it is there with the bytes the manifest records; else `undefined`, after a diagnostic. */
function intactReleaseSnapshot(verification: Verification, entry: ReleaseEntry, line: number): SnapshotFile | undefined {
  const { files, fail } = verification;
  const snapshot = files.snapshots.get(entry.file);
  if (!snapshot) {
    fail(
      files.manifestPath,
      'history-snapshot-missing',
      `The snapshot of ${entry.version} (\`${entry.file}\`) is missing`,
      untouched,
      line,
    );
    return undefined;
  }
  if (snapshot.sha256 !== entry.sha256) {
    fail(
      `${files.dir}/${entry.file}`,
      'history-snapshot-modified',
      `The snapshot of ${entry.version} was changed after its release: its hash no longer matches the manifest`,
      untouched,
    );
    return undefined;
  }
  return snapshot;
}

/** Each translation entry checked in order, and the translations whose snapshots are intact, parsed. */
function verifyTranslations(verification: Verification, manifest: Manifest): FrozenTranslationFile[] {
  const translations: FrozenTranslationFile[] = [];
  let previous: TranslationEntry | undefined;
  for (const entry of manifest.translations ?? []) {
    const line = verification.lineOf(`"file": "${entry.file}"`);
    checkTranslationChain(verification, entry, previous, line);
    previous = entry;
    const snapshot = intactTranslationSnapshot(verification, entry, manifest.releases, line);
    if (!snapshot) continue;
    const note = entry.note && intactNote(verification, entry.note, `The ${entry.locale} release note of ${entry.version}`, line);
    translations.push({ entry, parsed: snapshot.parse(), ...(note !== undefined ? { note } : {}) });
  }
  return translations;
}

/** A translation entry must chain to the translation entry before it. */
function checkTranslationChain(
  verification: Verification,
  entry: TranslationEntry,
  previous: TranslationEntry | undefined,
  line: number,
): void {
  if (entry.previous === (previous ? entryHash(previous) : null)) return;
  verification.fail(
    verification.files.manifestPath,
    'history-chain-broken',
    `The entry for the ${entry.locale} translation of ${entry.version} does not chain to the translation entry before it: the manifest was edited`,
    untouched,
    line,
  );
}

/** The snapshot of a translation of a released version, when it is there with the bytes the manifest records; else `undefined`, after a diagnostic. */
function intactTranslationSnapshot(
  verification: Verification,
  entry: TranslationEntry,
  releases: ReleaseEntry[],
  line: number,
): SnapshotFile | undefined {
  const { files, fail } = verification;
  if (!releases.some((r) => r.version === entry.version)) {
    fail(
      files.manifestPath,
      'history-translation-orphan',
      `The ${entry.locale} translation \`${entry.file}\` translates ${entry.version}, which is not released`,
      untouched,
      line,
    );
    return undefined;
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
    return undefined;
  }
  if (snapshot.sha256 !== entry.sha256) {
    fail(
      `${files.dir}/${entry.file}`,
      'history-snapshot-modified',
      `The ${entry.locale} translation of ${entry.version} was changed after it was frozen: its hash no longer matches the manifest`,
      untouched,
    );
    return undefined;
  }
  return snapshot;
}

/**
 * The text of a frozen release note when it is there with the bytes the
 * manifest records; else `undefined`, after a diagnostic (`what` names it).
 * It is checked again as at its release: a manifest can be written by hand
 * to record any note, and what it records is published.
 */
function intactNote(verification: Verification, frozen: FrozenFile, what: string, line: number): string | undefined {
  const { files, fail } = verification;
  const note: NoteFile | undefined = files.notes?.get(frozen.file);
  if (!note) {
    fail(files.manifestPath, 'history-snapshot-missing', `${what} (\`${frozen.file}\`) is missing`, untouched, line);
    return undefined;
  }
  if (note.sha256 !== frozen.sha256) {
    fail(
      `${files.dir}/${frozen.file}`,
      'history-snapshot-modified',
      `${what} was changed after it was frozen: its hash no longer matches the manifest`,
      untouched,
    );
    return undefined;
  }
  const findings = validateNote(note.path, note.text);
  verification.diagnostics.push(...findings);
  return findings.some((d) => d.severity === 'error') ? undefined : note.text;
}

/** A diagnostic for each snapshot not among the `recorded` files (`where` names what does not record it; `hint` says what to do). */
function reportUnrecorded(files: HistoryFiles, recorded: ReadonlySet<string>, fail: Fail, where: string, hint: string): void {
  for (const name of [...files.snapshots.keys(), ...(files.notes?.keys() ?? [])]) {
    if (recorded.has(name)) continue;
    const what = files.notes?.has(name) ? 'Release note' : 'Snapshot';
    fail(`${files.dir}/${name}`, 'history-unrecorded-snapshot', `${what} \`${name}\` is not recorded in ${where}`, hint);
  }
}
