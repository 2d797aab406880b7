import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { GitRevision } from '../load/read-git.js';
import { canonicalJson, sha256, type Manifest, type ReleaseEntry, type TranslationEntry } from './manifest.js';
import type { HistoryFiles } from './verify.js';

/** The release history of one document as it is at a git revision (the base of a pull request). */
export interface BaseHistory {
  id: string;
  manifestText?: string;
  /** SHA-256 of each file of the folder at the revision, by name. */
  snapshots: Map<string, string>;
}

/** Read every document history under `<policyDir>/history/` at a revision (`policyDir` relative to the working directory, with `/`). */
export async function readBaseHistories(revision: GitRevision, policyDir: string): Promise<BaseHistory[]> {
  const root = `${policyDir.replace(/\/$/, '')}/history`;
  const byId = new Map<string, BaseHistory>();
  const files = (await revision.list(root)).flatMap((file) => {
    const parts = file.path.slice(root.length + 1).split('/');
    return parts.length === 2 ? [{ id: parts[0]!, name: parts[1]!, blob: file.blob }] : [];
  });
  const bytes = await revision.readBlobs(files.map((f) => f.blob));
  for (const file of files) {
    const history = byId.get(file.id) ?? { id: file.id, snapshots: new Map<string, string>() };
    byId.set(file.id, history);
    const content = bytes.get(file.blob);
    if (!content) continue;
    if (file.name === 'manifest.json') history.manifestText = content.toString('utf8');
    else history.snapshots.set(file.name, sha256(content));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Check that the history at the base revision is a prefix of the history
 * now: every manifest entry there (releases and translations) still here,
 * unchanged and in the same place, new entries only appended after them,
 * and every snapshot they record byte for byte the same. A document with no
 * history at the base is new: anything goes. `policyDir` is the policy
 * folder's display path.
 */
export function compareWithBase(
  base: readonly BaseHistory[],
  now: readonly HistoryFiles[],
  revision: string,
  policyDir: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = `\`${revision}\``;
  const hint = `Released history is never rewritten: restore it as it is at ${at} (\`git checkout ${revision} -- ${path.join(policyDir, 'history').split(path.sep).join('/')}\`), and record changes as new releases with \`policyc release\`.`;
  const fail = (file: string, message: string, line = 1) =>
    diagnostics.push(
      diagnostic(file, { start: { line, column: 1 }, end: { line, column: 1 } }, 'history-rewritten', 'history', message, { hint }),
    );

  for (const before of base) {
    const was = parseManifest(before.manifestText);
    if (!was || (!was.releases.length && !was.translations?.length)) continue;
    const released = was.releases.map((r) => r.version).join(', ');
    const history = now.find((h) => h.id === before.id);
    const manifestPath = history?.manifestPath ?? path.join(policyDir, 'history', before.id, 'manifest.json');
    if (!history) {
      fail(
        path.join(policyDir, 'history', before.id),
        `The history of \`${before.id}\` is gone: at ${at} it records ${released ? `the releases ${released}` : 'frozen translations'}`,
      );
      continue;
    }
    if (history.manifestText === undefined) {
      fail(
        manifestPath,
        `The manifest of \`${before.id}\` is gone: at ${at} it records ${released ? `the releases ${released}` : 'frozen translations'}`,
      );
      continue;
    }
    const is = parseManifest(history.manifestText);
    if (!is) continue; // unreadable now: `history-manifest-invalid` says so
    const text = history.manifestText;
    // An entry's line is its `"version"` line, as `verifyHistory` reports it (its file name is what is unique).
    const lineOf = (entry: ReleaseEntry | TranslationEntry | undefined) => {
      const file = entry ? text.indexOf(`"file": ${JSON.stringify(entry.file)}`) : -1;
      if (file < 0) return 1;
      const start = text.lastIndexOf('{', file);
      const version = text.indexOf('"version"', start);
      return text.slice(0, version >= 0 && version < file ? version : file).split('\n').length;
    };
    const lastRelease = is.releases[is.releases.length - 1];
    const compareEntries = <T extends ReleaseEntry | TranslationEntry>(
      then: readonly T[],
      current: readonly T[],
      what: (entry: T) => string,
    ) => {
      then.forEach((entry, i) => {
        const still = current[i];
        if (!still) {
          fail(
            manifestPath,
            `${capitalise(what(entry))} is no longer recorded in the manifest, which records it at ${at}`,
            lineOf(current[current.length - 1] ?? lastRelease),
          );
        } else if (canonicalJson(still) !== canonicalJson(entry)) {
          const moved = current.some((other) => canonicalJson(other) === canonicalJson(entry));
          fail(
            manifestPath,
            moved
              ? `${capitalise(what(entry))} has moved in the manifest since ${at}: recorded entries stay in place, and new ones go after them`
              : `The manifest entry of ${what(entry)} differs from the one at ${at}: a released entry never changes`,
            lineOf(still),
          );
        }
        const file = `${history.dir}/${entry.file}`;
        const thenHash = before.snapshots.get(entry.file);
        const nowFile = history.snapshots.get(entry.file);
        if (thenHash !== undefined && nowFile !== undefined && thenHash !== nowFile.sha256) {
          fail(file, `The snapshot of ${what(entry)} differs from the one released at ${at}`);
        }
      });
    };
    compareEntries(was.releases, is.releases, (entry) => `release ${entry.version}`);
    compareEntries(was.translations ?? [], is.translations ?? [], (entry) => `the ${entry.locale} translation of ${entry.version}`);
  }
  return diagnostics;
}

function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (!Array.isArray(manifest.releases) || (manifest.translations !== undefined && !Array.isArray(manifest.translations)))
      return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
