// Releases, the tamper-evident history, and migrations, on scratch copies of the sample.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, entryHash, migrate, parse, planRelease, release, validate } from '../src/index.js';
import type { Manifest } from '../src/index.js';
import { copySample, snapshotTree } from './support/project.js';
import { decideReviews } from './support/review.js';

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'policy/history/privacy/manifest.json'), 'utf8')) as Manifest;
const working = (dir: string) => path.join(dir, 'policy/privacy.yaml');
const edit = (dir: string, from: string | RegExp, to: string) => {
  const text = readFileSync(working(dir), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply: ${String(from)}`);
  writeFileSync(working(dir), next);
};
// The sample's 1.0.0 has compliance warnings of its own (see test/compliance.test.ts); these tests are about errors.
const rules = (diagnostics: { ruleId: string; severity: string }[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);

describe('policyc release', () => {
  it('writes a snapshot, a chained manifest entry, and brings the working document in line', async () => {
    const dir = copySample();
    // An editorial edit (a cookie's purpose reworded): a patch release.
    edit(dir, 'Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
    const result = await release({ cwd: dir, today: '2026-12-01', effective: '2027-03-01' });
    expect(rules(result.diagnostics)).toEqual([]);
    const manifest = manifestOf(dir);
    const entry = manifest.releases[manifest.releases.length - 1]!;
    const previous = manifest.releases[manifest.releases.length - 2]!;
    expect(entry).toMatchObject({ effective: '2027-03-01', released: '2026-12-01', file: `${entry.version}.yaml` });
    expect(entry.version).toBe(result.plan!.version);
    expect(entry.previous).toBe(entryHash(previous));
    expect(entry.version).toBe('2.0.1');
    const snapshot = readFileSync(path.join(dir, 'policy/history/privacy', entry.file), 'utf8');
    expect(snapshot).toBe(readFileSync(working(dir), 'utf8'));
    expect(snapshot).toContain(`version: ${entry.version}`);
    expect(snapshot).toContain('effective: 2027-03-01');
    expect(snapshot.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/policy.schema.json');
    expect(rules((await validate({ cwd: dir })).diagnostics)).toEqual([]);
  });

  it('refuses to release when nothing changed', async () => {
    const dir = copySample();
    const result = await release({ cwd: dir, today: '2026-12-01' });
    expect(rules(result.diagnostics)).toEqual(['release-no-changes']);
    expect(result.written).toEqual([]);
  });

  it('refuses a bump smaller than the changes call for', async () => {
    const dir = copySample();
    // A new third-party cookie is a material change: at least a minor release.
    edit(dir, /    - id: fbp\n/, '    - id: fbp-new\n');
    const before = snapshotTree(path.join(dir, 'policy'));
    const result = await release({ cwd: dir, today: '2026-12-01', bump: 'patch', effective: '2027-06-01' });
    expect(rules(result.diagnostics)).toEqual(['release-bump-too-small']);
    expect(result.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(
      /too small: the changes call for at least a minor release/,
    );
    expect(snapshotTree(path.join(dir, 'policy'))).toEqual(before);
  });

  it('refuses an effective date that does not move forward', async () => {
    const dir = copySample();
    edit(dir, 'Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
    const latest = manifestOf(dir).releases.at(-1)!;
    const result = await release({ cwd: dir, today: '2026-12-01', effective: latest.effective });
    expect(rules(result.diagnostics)).toEqual(['release-effective-not-after']);
    expect(result.diagnostics.find((d) => d.severity === 'error')!.message).toBe(
      `The effective date ${latest.effective} is not after ${latest.version}'s (${latest.effective})`,
    );
  });

  it('writes a release once: running it again finds nothing to release', async () => {
    const dir = copySample();
    edit(dir, 'Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
    const first = await release({ cwd: dir, today: '2026-12-01', effective: '2027-06-01' });
    expect(rules(first.diagnostics)).toEqual([]);
    expect(first.plan!.version).toBe('2.0.1');
    const second = await release({ cwd: dir, today: '2026-12-01', effective: '2027-07-01' });
    expect(rules(second.diagnostics)).toEqual(['release-no-changes']);
    expect(manifestOf(dir).releases.map((r) => r.version)).toEqual(['1.0.0', '2.0.0', '2.0.1']);
  });

  it('never overwrites a snapshot file that is already there', async () => {
    const dir = copySample();
    edit(dir, 'Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
    const squatter = path.join(dir, 'policy/history/privacy/2.0.1.yaml');
    writeFileSync(squatter, 'not ours\n');
    const result = await release({ cwd: dir, today: '2026-12-01', effective: '2027-06-01' });
    expect(result.plan).toBeUndefined();
    expect(readFileSync(squatter, 'utf8')).toBe('not ours\n');
  });

  it('refuses a version the manifest already records', async () => {
    const dir = copySample();
    const checked = await validate({ cwd: dir });
    const doc = checked.documents[0]!;
    const parsed = parse({ path: 'policy/privacy.yaml', bytes: readFileSync(working(dir)), size: 0 });
    const planned = planRelease({
      working: { ...doc.working!, policy: { ...doc.working!.policy, title: 'Changed' } },
      text: parsed.text,
      yaml: parsed.yaml!,
      lineCounter: parsed.lineCounter,
      releases: doc.releases.slice(0, 1),
      manifest: manifestOf(dir),
      bump: 'major',
      today: '2026-12-01',
    });
    expect('diagnostics' in planned && planned.diagnostics.map((d) => d.ruleId)).toEqual(['release-version-exists']);
  });
});

describe('tamper-evident history', () => {
  it('fails validation, naming the file, when a released snapshot is edited', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/history/privacy/1.0.0.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('GBP', 'EUR'));
    const result = await validate({ cwd: dir });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.ruleId])).toEqual([
      ['policy/history/privacy/1.0.0.yaml', 'history-snapshot-modified'],
    ]);
    const built = await build({ cwd: dir, out: 'dist' });
    expect(built.written).toEqual([]);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('fails validation when the manifest chain is broken', async () => {
    const dir = copySample();
    const manifest = manifestOf(dir);
    manifest.releases[0]!.effective = '2013-09-01';
    writeFileSync(path.join(dir, 'policy/history/privacy/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await validate({ cwd: dir });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.ruleId])).toEqual([
      ['policy/history/privacy/manifest.json', 'history-chain-broken'],
    ]);
  });

  it('reports a snapshot that no manifest records, and one that is missing', async () => {
    const dir = copySample();
    const history = path.join(dir, 'policy/history/privacy');
    writeFileSync(path.join(history, '9.9.9.yaml'), readFileSync(working(dir)));
    const first = manifestOf(dir).releases[0]!.file;
    const text = readFileSync(path.join(history, first));
    writeFileSync(path.join(history, first), text);
    expect(rules((await validate({ cwd: dir })).diagnostics)).toEqual(['history-unrecorded-snapshot']);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(history, first));
    expect(rules((await validate({ cwd: dir })).diagnostics).sort()).toEqual(['history-snapshot-missing', 'history-unrecorded-snapshot']);
  });

  it('never rewrites a file under policy/history/ when releasing', async () => {
    const dir = copySample();
    const history = path.join(dir, 'policy/history/privacy');
    const before = Object.fromEntries(
      readdirSync(history)
        .filter((f) => f !== 'manifest.json')
        .map((f) => [f, readFileSync(path.join(history, f), 'utf8')]),
    );
    edit(dir, 'manage and improve the Website', 'manage and improve the Website and our apps');
    await decideReviews(dir);
    expect(rules((await release({ cwd: dir, today: '2026-12-01', effective: '2027-03-01' })).diagnostics)).toEqual([]);
    for (const [file, text] of Object.entries(before)) expect(readFileSync(path.join(history, file), 'utf8')).toBe(text);
  });
});

describe('migrations', () => {
  it('lift a format 1 snapshot to the current format: `changes.notification` becomes `changes.channels`', () => {
    const lifted = migrate({ id: 'x', changes: { description: 'd', notification: ['email'] } }, 1);
    expect(lifted).toEqual({ id: 'x', changes: { description: 'd', channels: ['email'] } });
  });

  it('keep the 1.0.0 snapshot, written in format 1, buildable', async () => {
    const dir = copySample();
    const manifest = manifestOf(dir);
    expect(manifest.releases[0]!.schemaVersion).toBe(1);
    expect(readFileSync(path.join(dir, 'policy/history/privacy/1.0.0.yaml'), 'utf8')).toContain('notification:');
    const result = await validate({ cwd: dir });
    const old = result.documents[0]!.releases[0]!.model.policy;
    expect(old.changes?.channels).toEqual(['email', 'website']);
    const out = path.join(dir, 'dist');
    expect(rules((await build({ cwd: dir, out, date: '2020-01-01' })).diagnostics)).toEqual([]);
    expect(readFileSync(path.join(out, 'privacy/v/1.0.0/index.html'), 'utf8')).toContain('By e-mail; On this website</p>');
  });

  it('refuse a snapshot whose format has no migration', () => {
    expect(() => migrate({}, 0)).toThrow('No migration from document format 0 to 1');
  });
});
