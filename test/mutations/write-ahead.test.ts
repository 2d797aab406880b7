// Writing snapshots into a history folder, on a real folder: the write-ahead commit (pending files, then the
// manifest, then the names), and settling what an interrupted release left (recorded pending files take their
// names without replacing anything; unrecorded ones and half-written temporary files go; nothing else is touched).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serialiseManifest, type Manifest, type ReleaseEntry } from '../../src/history/manifest.js';
import { commitSnapshots, replaceFile, settleHistory } from '../../src/history/write-ahead.js';
import { removeTempDirs, tempDir } from '../support/project.js';

afterEach(() => void removeTempDirs());

const entry = (version: string): ReleaseEntry => ({
  version,
  effective: '2027-01-01',
  released: '2026-12-01',
  schemaVersion: 2,
  file: `${version}.yaml`,
  sha256: 'a'.repeat(64),
  previous: null,
});
const manifestOf = (...versions: string[]): Manifest => ({
  document: 'privacy',
  releases: versions.map(entry),
  translations: [{ locale: 'fr', version: '1.0.0', released: '2026-12-01', file: '1.0.0.fr.yaml', sha256: 'b'.repeat(64), previous: null }],
});

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );

describe('settleHistory', () => {
  it('names the pending files the manifest records, removes the others and half-written temporary files, and keeps the rest', () => {
    const dir = folder({
      '1.0.0.yaml': 'one',
      '2.0.0.yaml.pending': 'two',
      '1.0.0.fr.yaml.pending': 'un',
      '3.0.0.yaml.pending': 'never committed',
      'manifest.json.tmp-4242': 'half a manifest',
      'notes.tmp-draft': 'not ours',
      'notes.tmp-12b': 'not ours either',
      'manifest.json': 'the manifest',
    });
    return settleHistory(dir, manifestOf('1.0.0', '2.0.0')).then(() =>
      expect(contents(dir)).toEqual({
        '1.0.0.fr.yaml': 'un',
        '1.0.0.yaml': 'one',
        '2.0.0.yaml': 'two',
        'manifest.json': 'the manifest',
        'notes.tmp-12b': 'not ours either',
        'notes.tmp-draft': 'not ours',
      }),
    );
  });

  it('never replaces a file that already has the pending file’s name', async () => {
    const dir = folder({ '1.0.0.yaml': 'released', '1.0.0.yaml.pending': 'impostor' });
    await settleHistory(dir, manifestOf('1.0.0'));
    expect(contents(dir)).toEqual({ '1.0.0.yaml': 'released' });
  });

  it('removes every pending file when there is no manifest', async () => {
    const dir = folder({ '1.0.0.yaml.pending': 'one', 'x.tmp-1': 'half' });
    await settleHistory(dir, undefined);
    expect(contents(dir)).toEqual({});
  });
});

describe('commitSnapshots', () => {
  it('writes the snapshots and the manifest, in a folder it creates, leaving nothing pending', async () => {
    const dir = path.join(tempDir(), 'history', 'privacy');
    const manifest = manifestOf('1.0.0');
    await commitSnapshots(
      dir,
      [
        { file: '1.0.0.yaml', text: 'one' },
        { file: '1.0.0.fr.yaml', text: 'un' },
      ],
      manifest,
    );
    expect(contents(dir)).toEqual({ '1.0.0.fr.yaml': 'un', '1.0.0.yaml': 'one', 'manifest.json': serialiseManifest(manifest) });
  });

  it('refuses to write over a pending file already there, before touching the manifest', async () => {
    const dir = folder({ '2.0.0.yaml.pending': 'someone else’s', 'manifest.json': 'old' });
    await expect(commitSnapshots(dir, [{ file: '2.0.0.yaml', text: 'two' }], manifestOf('2.0.0'))).rejects.toThrow(/EEXIST/);
    expect(contents(dir)).toEqual({ '2.0.0.yaml.pending': 'someone else’s', 'manifest.json': 'old' });
  });
});

describe('replaceFile', () => {
  it('replaces a file whole, through a temporary sibling it does not leave behind', async () => {
    const dir = folder({ 'manifest.json': 'old' });
    await replaceFile(path.join(dir, 'manifest.json'), 'new');
    expect(contents(dir)).toEqual({ 'manifest.json': 'new' });
    expect(existsSync(path.join(dir, `manifest.json.tmp-${process.pid}`))).toBe(false);
  });
});
