// A deleted or truncated history is an error, not a site quietly published without its version pages: a working
// document's version must be one its history accounts for. The normal states stay valid: a new document at its first
// version, the working copy equal to its latest release, a draft one release ahead.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, release, validate, type Diagnostic, type Manifest } from '../../src/index.js';
import { init } from '../../src/init/init.js';
import { copySample, editFile, tempDir } from '../support/project.js';

const working = (dir: string) => path.join(dir, 'policy/privacy.yaml');
const history = (dir: string, file = '') => path.join(dir, 'policy/history/privacy', file);
const errors = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
const setVersion = (dir: string, version: string) => editFile(working(dir), 'version: 2.0.0', `version: ${version}`);

describe('history-missing', () => {
  it('the sample, at its latest release, is valid', async () => {
    expect(errors((await validate({ cwd: copySample(), noRules: true })).diagnostics)).toEqual([]);
  });

  it('a document at 2.0.0 whose history was deleted is an error at its version, and nothing is built', async () => {
    const dir = copySample();
    rmSync(path.join(dir, 'policy/history'), { recursive: true });
    const checked = await validate({ cwd: dir, noRules: true });
    expect(errors(checked.diagnostics)).toEqual(['policy/privacy.yaml:4:10 history-missing']);
    const found = checked.diagnostics.find((d) => d.ruleId === 'history-missing')!;
    expect(found.message).toBe(
      '`privacy` is at version 2.0.0, but its release history (`policy/history/privacy/manifest.json`) is missing: the versions before it would not be published',
    );
    expect(found.hint).toContain('git checkout COMMIT -- policy/history/privacy');
    const built = await build({ cwd: dir, out: 'dist', date: '2027-02-01' });
    expect(built.written).toEqual([]);
    // The manifest alone deleted is the same (its snapshots are then also unrecorded).
    const other = copySample();
    rmSync(history(other, 'manifest.json'));
    expect(errors((await validate({ cwd: other, noRules: true })).diagnostics)).toContain('policy/privacy.yaml:4:10 history-missing');
  });

  it('a history cut short below the working version is an error', async () => {
    const dir = copySample();
    const manifest = JSON.parse(readFileSync(history(dir, 'manifest.json'), 'utf8')) as Manifest;
    manifest.releases.pop();
    delete manifest.translations;
    writeFileSync(history(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(history(dir, '2.0.0.yaml'));
    rmSync(history(dir, '2.0.0.fr.yaml'));
    rmSync(path.join(dir, 'policy/privacy.fr.yaml'));
    setVersion(dir, '2.1.0');
    const checked = await validate({ cwd: dir, noRules: true });
    expect(errors(checked.diagnostics)).toEqual(['policy/privacy.yaml:4:10 history-missing']);
    expect(checked.diagnostics.find((d) => d.ruleId === 'history-missing')!.message).toBe(
      '`privacy` is at version 2.1.0, but its history ends at 1.0.0: the releases between them are missing',
    );
  });

  it.each(['2.0.1', '2.1.0', '3.0.0'])('a draft one release ahead (%s) is valid', async (version) => {
    const dir = copySample();
    setVersion(dir, version);
    editFile(working(dir), 'effective: 2027-01-01', 'effective: 2027-06-01');
    expect(errors((await validate({ cwd: dir, noRules: true })).diagnostics)).toEqual([]);
  });

  it.each(['2.0.2', '2.2.0', '4.0.0', '3.1.0'])('a version that skips releases (%s) is an error naming the next ones', async (version) => {
    const dir = copySample();
    setVersion(dir, version);
    const checked = await validate({ cwd: dir, noRules: true });
    expect(errors(checked.diagnostics)).toEqual(['policy/privacy.yaml:4:10 history-missing']);
    expect(checked.diagnostics.find((d) => d.ruleId === 'history-missing')!.hint).toContain(
      'set `version:` to 2.0.1, 2.1.0, 3.0.0 or leave it at 2.0.0',
    );
  });

  it.each(['1.0.0', '0.1.0', '0.9.3'])(
    'a new document at its first version (%s), with no history, is valid and releases',
    async (version) => {
      const dir = tempDir();
      await init({ dir });
      editFile(working(dir), 'version: 1.0.0', `version: ${version}`);
      expect(errors((await validate({ cwd: dir, noRules: true })).diagnostics)).toEqual([]);
      const released = await release({ cwd: dir, today: '2026-12-02' });
      expect(errors(released.diagnostics)).toEqual([]);
      expect(released.plan?.version).toBe(version);
      expect(errors((await validate({ cwd: dir, noRules: true })).diagnostics)).toEqual([]);
    },
  );

  it('a new document above 1.0.0 with no history is an error; checking named files alone reads no history and says nothing', async () => {
    const dir = tempDir();
    await init({ dir });
    editFile(working(dir), 'version: 1.0.0', 'version: 1.0.1');
    expect(errors((await validate({ cwd: dir, noRules: true })).diagnostics)).toEqual(['policy/privacy.yaml:8:10 history-missing']);
    expect(errors((await validate({ cwd: dir, noRules: true, files: ['policy/privacy.yaml'] })).diagnostics)).toEqual([]);
  });
});
