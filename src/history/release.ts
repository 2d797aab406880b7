import type { Document, LineCounter } from 'yaml';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import type { ChangeSet } from '../diff/types.js';
import { placeOfPath } from '../load/positions.js';
import { schemaVersion } from '../model/schema.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { bumpBetween, bumpCovers, bumpVersion, compareVersions, entryHash, sha256, type Manifest, type ReleaseEntry } from './manifest.js';
import type { Release } from './verify.js';

/** How `release` picks the new version: by the changes (`auto`) or one level up. */
export type BumpOption = 'auto' | 'patch' | 'minor' | 'major';

/** What a release needs to know. */
export interface ReleaseInput {
  working: PolicyModel;
  /** The working document's text and YAML tree, to set its version and date in place. */
  text: string;
  yaml: Document;
  lineCounter: LineCounter;
  releases: readonly Release[];
  manifest?: Manifest;
  bump?: BumpOption;
  /** The new version's effective date (default: the working document's `effective`). */
  effective?: string;
  /** Today's date (YYYY-MM-DD), recorded as the release date. */
  today: string;
  /** The project's materiality overrides. */
  materiality?: MaterialityOverrides;
}

/** A release ready to write: the snapshot, the manifest, and the working document brought in line. */
export interface ReleasePlan {
  version: string;
  entry: ReleaseEntry;
  /** The snapshot's text: the working document with its new version and effective date. */
  snapshot: string;
  manifest: Manifest;
  /** The working document's new text (equal to the snapshot). */
  working: string;
  /** The changes since the previous release (none for the first). */
  changes?: ChangeSet;
}

/**
 * Plan a release (pure): choose the version, check the bump is large enough
 * for the changes, the version is new, the effective date moves forward and
 * something changed. Returns diagnostics instead when it must refuse.
 */
export function planRelease(input: ReleaseInput): { plan: ReleasePlan } | { diagnostics: Diagnostic[] } {
  const { working, releases } = input;
  const policy = working.policy;
  const refuse = (ruleId: string, message: string, hint: string, path: string[] = []) => ({
    diagnostics: [
      diagnostic(working.file, path.length ? placeOfPath(input.yaml, input.lineCounter, path) : fileStart, ruleId, 'release', message, {
        hint,
      }),
    ],
  });
  const latest = releases[releases.length - 1];
  let version = policy.version;
  let changes: ChangeSet | undefined;
  if (latest) {
    changes = diffPolicies(latest.model.policy, policy, { from: latest.entry.version, to: 'working copy' }, input.materiality);
    if (changes.changes.length === 0) {
      return refuse(
        'release-no-changes',
        `Nothing changed since ${latest.entry.version}`,
        'Edit the working document first; a release records a change.',
      );
    }
    const needed = changes.bump === 'none' ? 'patch' : changes.bump;
    const bump = input.bump ?? 'auto';
    if (bump !== 'auto') version = bumpVersion(latest.entry.version, bump);
    else if (compareVersions(policy.version, latest.entry.version) <= 0) version = bumpVersion(latest.entry.version, needed);
    const actual = bumpBetween(latest.entry.version, version);
    if (actual === 'none') {
      return refuse(
        'release-version-not-after',
        `Version ${version} is not after the latest release ${latest.entry.version}`,
        'Leave `version` as it is and let `--bump` choose, or set a higher version.',
        ['version'],
      );
    }
    if (!bumpCovers(actual, needed)) {
      return refuse(
        'release-bump-too-small',
        `A ${actual} release (${latest.entry.version} to ${version}) is too small: the changes call for at least a ${needed} release`,
        `${bumpReason(changes)}; run \`policyc diff\` to see them, then release with \`--bump ${needed}\` or larger.`,
        ['version'],
      );
    }
  }
  if (releases.some((r) => r.entry.version === version) || input.manifest?.releases.some((r) => r.version === version)) {
    return refuse(
      'release-version-exists',
      `Version ${version} is already released`,
      'Released versions are never overwritten: choose a higher version.',
      ['version'],
    );
  }
  const effective = input.effective ?? policy.effective;
  if (latest && effective <= latest.entry.effective) {
    return refuse(
      'release-effective-not-after',
      `The effective date ${effective} is not after ${latest.entry.version}'s (${latest.entry.effective})`,
      'Set `effective:` in the document, or pass `--effective YYYY-MM-DD`, to the day the new version applies.',
      ['effective'],
    );
  }
  const text = setTopLevelScalars(input.text, input.yaml, { version, effective });
  const file = `${version}.yaml`;
  const entry: ReleaseEntry = {
    version,
    effective,
    released: input.today,
    schemaVersion,
    file,
    sha256: sha256(text),
    previous: latest ? entryHash(latest.entry) : null,
  };
  const manifest: Manifest = { document: policy.id, releases: [...(input.manifest?.releases ?? []), entry] };
  return { plan: { version, entry, snapshot: text, manifest, working: text, ...(changes ? { changes } : {}) } };
}

/** Replace top-level scalar values in a YAML text, leaving every other byte (comments, layout) as it was. */
export function setTopLevelScalars(text: string, yaml: Document, values: Record<string, string>): string {
  const edits: { start: number; end: number; value: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const node = yaml.get(key, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) throw new Error(`The document has no \`${key}\` to set`);
    edits.push({ start: node.range[0], end: node.range[1], value });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return out;
}

/** Why a change set calls for the bump it does, for the hint of a release too small. */
function bumpReason(changes: ChangeSet): string {
  if (changes.material) return 'The changes are material';
  // An undecided review change asks for a minor version until a person decides it (docs/materiality.md).
  if (changes.changes.some((change) => change.class === 'review'))
    return 'Some changes are to review: a person must judge their effect on readers';
  return 'The changes are editorial';
}
