// Planning a release in this process, from the sample's history held in memory: the version chosen for each
// bump and each hand-set version, every refusal with its exact message, hint and place, the manifest entry and
// the snapshot written, and the in-place edit of the working document's version and date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash, sha256, type Manifest } from '../../src/history/manifest.js';
import { planRelease, setTopLevelScalars, type ReleaseInput } from '../../src/history/release.js';
import type { Release } from '../../src/history/verify.js';
import { parse } from '../../src/load/parse.js';
import { schemaVersion } from '../../src/model/schema.js';
import type { Policy } from '../../src/model/policy.generated.js';
import { resolve } from '../../src/resolve/resolve.js';
import { root } from '../support/fixtures.js';

const historyDir = path.join(root, 'policy/history/privacy');
const manifest = JSON.parse(readFileSync(path.join(historyDir, 'manifest.json'), 'utf8')) as Manifest;
const parsed = (text: string, file = 'policy/privacy.yaml') =>
  parse({ path: file, bytes: new TextEncoder().encode(text), size: text.length });
const releases: Release[] = manifest.releases.map((entry) => {
  const file = path.join(historyDir, entry.file);
  return { entry, model: resolve(parsed(readFileSync(file, 'utf8'), file).data as unknown as Policy, file) };
});
const latestText = readFileSync(path.join(historyDir, '2.0.0.yaml'), 'utf8');

/** The input for a working document whose text is the latest release's, edited by `edit`. */
function input(edit: (text: string) => string = (t) => t, options: Partial<ReleaseInput> = {}): ReleaseInput {
  const text = edit(latestText);
  const file = parsed(text);
  return {
    working: resolve(file.data as unknown as Policy, 'policy/privacy.yaml'),
    text,
    yaml: file.yaml!,
    lineCounter: file.lineCounter,
    releases,
    manifest,
    today: '2026-12-01',
    ...options,
  };
}

// A cookie's purpose reworded: editorial (a purpose's would be for a person to review).
const editorial = (t: string) =>
  t.replace('Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
const material = (t: string) => t.replace('- id: improve-website', '- id: improve-our-website');
const dated = (effective: string) => (t: string) => t.replace('effective: 2027-01-01', `effective: ${effective}`);
const versioned = (version: string) => (t: string) => t.replace('version: 2.0.0', `version: ${version}`);
const lineOf = (text: string, key: string) => text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1;

function planned(value: ReturnType<typeof planRelease>) {
  if (!('plan' in value)) throw new Error(value.diagnostics.map((d) => d.message).join('; '));
  return value.plan;
}

function refused(value: ReturnType<typeof planRelease>) {
  if (!('diagnostics' in value)) throw new Error(`planned ${value.plan.version}`);
  return value.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message} (${d.hint})`);
}

describe('planRelease', () => {
  it('refuses when nothing changed, at the top of the document', () => {
    expect(refused(planRelease(input(dated('2027-02-01'))))).toEqual([
      'policy/privacy.yaml:1:1 release-no-changes: Nothing changed since 2.0.0 (Edit the working document first; a release records a change.)',
    ]);
  });

  it('plans a patch for editorial changes: the entry, the snapshot, the manifest and the working document', () => {
    const plan = planned(planRelease(input((t) => dated('2027-02-01')(editorial(t)))));
    const text = editorial(latestText)
      .replace('version: 2.0.0', 'version: 2.0.1')
      .replace('effective: 2027-01-01', 'effective: 2027-02-01');
    expect(plan.version).toBe('2.0.1');
    expect(plan.snapshot).toBe(text);
    expect(plan.working).toBe(text);
    expect(plan.entry).toEqual({
      version: '2.0.1',
      effective: '2027-02-01',
      released: '2026-12-01',
      schemaVersion,
      file: '2.0.1.yaml',
      sha256: sha256(text),
      previous: entryHash(manifest.releases[1]!),
    });
    expect(plan.manifest).toEqual({ document: 'privacy', releases: [...manifest.releases, plan.entry] });
    expect([plan.changes?.from, plan.changes?.to, plan.changes?.material]).toEqual(['2.0.0', 'working copy', false]);
  });

  it('plans a minor release for material changes, and the level asked for with --bump', () => {
    const change = (t: string) => dated('2027-02-01')(material(t));
    expect(planned(planRelease(input(change))).version).toBe('2.1.0');
    expect(planned(planRelease(input(change, { bump: 'auto' }))).version).toBe('2.1.0');
    expect(planned(planRelease(input(change, { bump: 'minor' }))).version).toBe('2.1.0');
    expect(planned(planRelease(input(change, { bump: 'major' }))).version).toBe('3.0.0');
    expect(planned(planRelease(input((t) => dated('2027-02-01')(editorial(t)), { bump: 'minor' }))).version).toBe('2.1.0');
  });

  it('keeps a version set by hand when it is large enough, and bumps one that is not after the latest', () => {
    const change = (t: string) => dated('2027-02-01')(editorial(t));
    expect(planned(planRelease(input((t) => versioned('2.3.0')(change(t))))).version).toBe('2.3.0');
    expect(planned(planRelease(input((t) => versioned('1.5.0')(change(t))))).version).toBe('2.0.1');
  });

  it('refuses a bump too small for material changes, whether asked for or set by hand, at the version', () => {
    const change = (t: string) => dated('2027-02-01')(material(t));
    const line = lineOf(latestText, 'version');
    const expected = (to: string) =>
      `policy/privacy.yaml:${line}:10 release-bump-too-small: A patch release (2.0.0 to ${to}) is too small: the changes call for at least a minor release (The changes are material; run \`policyc diff\` to see them, then release with \`--bump minor\` or larger.)`;
    expect(refused(planRelease(input(change, { bump: 'patch' })))).toEqual([expected('2.0.1')]);
    expect(refused(planRelease(input((t) => versioned('2.0.7')(change(t)))))).toEqual([expected('2.0.7')]);
  });

  it('refuses a version the manifest already records, at the version', () => {
    const recorded: Manifest = { ...manifest, releases: [...manifest.releases, { ...manifest.releases[1]!, version: '2.0.1' }] };
    expect(refused(planRelease(input((t) => dated('2027-02-01')(editorial(t)), { manifest: recorded })))).toEqual([
      `policy/privacy.yaml:${lineOf(latestText, 'version')}:10 release-version-exists: Version 2.0.1 is already released (Released versions are never overwritten: choose a higher version.)`,
    ]);
  });

  it('refuses an effective date on or before the latest release’s, at the date; takes --effective over the document’s', () => {
    const line = lineOf(latestText, 'effective');
    for (const date of ['2027-01-01', '2026-12-31']) {
      expect(refused(planRelease(input((t) => dated(date)(editorial(t)))))).toEqual([
        `policy/privacy.yaml:${line}:12 release-effective-not-after: The effective date ${date} is not after 2.0.0's (2027-01-01) (Set \`effective:\` in the document, or pass \`--effective YYYY-MM-DD\`, to the day the new version applies.)`,
      ]);
    }
    const plan = planned(planRelease(input(editorial, { effective: '2027-03-01' })));
    expect([plan.entry.effective, plan.snapshot.includes('\neffective: 2027-03-01\n')]).toEqual(['2027-03-01', true]);
  });

  it('plans a first release as the document says, chained to nothing, with no changes', () => {
    const plan = planned(planRelease(input(versioned('0.9.0'), { releases: [], manifest: undefined as never })));
    expect([plan.version, plan.entry.previous, plan.manifest.releases.length, 'changes' in plan]).toEqual(['0.9.0', null, 1, false]);
  });
});

describe('setTopLevelScalars', () => {
  it('replaces several values in place, whatever order they are given in, and keeps every other byte', () => {
    const text = '# a comment\nid: p   # kept\nversion: 1.0.0\ntitle: T\neffective: 2024-01-01\n';
    const yaml = parsed(text).yaml!;
    const expected = '# a comment\nid: p   # kept\nversion: 1.10.0\ntitle: T\neffective: 2025-12-31\n';
    expect(setTopLevelScalars(text, yaml, { version: '1.10.0', effective: '2025-12-31' })).toBe(expected);
    expect(setTopLevelScalars(text, yaml, { effective: '2025-12-31', version: '1.10.0' })).toBe(expected);
  });

  it('names a key the document does not have', () => {
    const text = 'id: p\n';
    expect(() => setTopLevelScalars(text, parsed(text).yaml!, { version: '1.0.0' })).toThrow('The document has no `version` to set');
  });
});
