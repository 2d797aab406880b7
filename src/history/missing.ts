import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { bumpVersion, compareVersions, type Manifest } from './manifest.js';

/**
 * The highest version a document may have before its first release: `release`
 * takes a first version as the document states it, so a new document starts
 * at 1.0.0 or below (0.x for a draft period).
 */
export const highestFirstVersion = '1.0.0';

/**
 * A working document whose version implies releases its history lacks (a
 * deleted or truncated `policy/history/<id>/`). Normal states pass: no
 * history and a version up to 1.0.0 (never released); the version of the
 * latest release (released) or below; or one release ahead of it, its next
 * patch, minor or major version (a draft whose version is already raised,
 * as `release` would choose it).
 */
export function missingHistory(
  working: { id: string; version: string; file: string },
  manifest: Manifest | undefined,
  place: Place,
  historyDir: string,
): Diagnostic[] {
  const latest = manifest?.releases[manifest.releases.length - 1]?.version;
  const fail = (message: string, hint: string) => [diagnostic(working.file, place, 'history-missing', 'history', message, { hint })];
  const restore = `Restore it from git (\`git log -- ${historyDir}\` finds the last commit that had it, then \`git checkout COMMIT -- ${historyDir}\`).`;
  if (latest === undefined) {
    if (compareVersions(working.version, highestFirstVersion) <= 0) return [];
    return fail(
      `\`${working.id}\` is at version ${working.version}, but its release history (\`${historyDir}/manifest.json\`) is missing: the versions before it would not be published`,
      `${restore} A document that was never released starts at version ${highestFirstVersion} or below: set \`version:\` to that.`,
    );
  }
  if (compareVersions(working.version, latest) <= 0) return [];
  const next = (['patch', 'minor', 'major'] as const).map((level) => bumpVersion(latest, level));
  if (next.includes(working.version)) return [];
  return fail(
    `\`${working.id}\` is at version ${working.version}, but its history ends at ${latest}: the releases between them are missing`,
    `${restore} If ${working.version} is meant as the next release, set \`version:\` to ${next.join(', ')} or leave it at ${latest} and let \`policyc release\` choose.`,
  );
}
