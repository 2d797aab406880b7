// The history at the base revision of a pull request compared with the history now, in this process: a
// revision held in memory stands for git. Each way a pull request can rewrite released history is reported
// once, with its file, line, message and hint; appending releases and translations is not. The CLI suites
// run the same checks with real git (`--base`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBase, readBaseHistories, type BaseHistory } from '../../src/history/base.js';
import { entryHash, serialiseManifest, sha256, type Manifest, type ReleaseEntry } from '../../src/history/manifest.js';
import type { HistoryFiles, SnapshotFile } from '../../src/history/verify.js';
import type { GitRevision } from '../../src/load/read-git.js';
import { root } from '../support/fixtures.js';

const sampleDir = path.join(root, 'policy/history/privacy');
const sampleManifest = JSON.parse(readFileSync(path.join(sampleDir, 'manifest.json'), 'utf8')) as Manifest;
const names = ['1.0.0.yaml', '2.0.0.yaml', '2.0.0.fr.yaml'];
const bytesOf = (name: string) => readFileSync(path.join(sampleDir, name));
const hint =
  'Released history is never rewritten: restore it as it is at `main` (`git checkout main -- policy/history`), and record changes as new releases with `policyc release`.';

/** A revision whose tree holds `files` (path to bytes); blobs are named by their path. */
function revision(files: Record<string, Buffer | string>): GitRevision & { listed: string[] } {
  const listed: string[] = [];
  return {
    name: 'main',
    commit: '0'.repeat(40),
    listed,
    list: async (dir) => {
      listed.push(dir);
      return Object.keys(files)
        .filter((file) => file.startsWith(`${dir}/`))
        .map((file) => ({ path: file, blob: `blob:${file}` }));
    },
    readBlobs: async (blobs) =>
      new Map(blobs.flatMap((blob) => (blob.startsWith('blob:') ? [[blob, Buffer.from(files[blob.slice(5)]!)] as const] : []))),
    readFile: async (file) => (file in files ? Buffer.from(files[file]!) : undefined),
  };
}

/** The sample's history as it is in the repository, as the base revision holds it. */
const sampleBase = (): BaseHistory => ({
  id: 'privacy',
  manifestText: serialiseManifest(sampleManifest),
  snapshots: new Map(names.map((name) => [name, sha256(bytesOf(name))])),
});

function snapshotOf(name: string, bytes: Buffer | string = bytesOf(name)): SnapshotFile {
  const file = `policy/history/privacy/${name}`;
  return { path: file, sha256: sha256(bytes), read: () => Buffer.from(bytes), parse: () => ({}) as never };
}

/** The history now: the sample's, with `manifest` as its manifest and `snapshots` overriding its files. */
function now(manifest: Manifest | string | undefined, snapshots: Record<string, Buffer | string | undefined> = {}): HistoryFiles {
  const files = new Map(names.map((name) => [name, snapshotOf(name)]));
  for (const [name, bytes] of Object.entries(snapshots)) {
    if (bytes === undefined) files.delete(name);
    else files.set(name, snapshotOf(name, bytes));
  }
  return {
    id: 'privacy',
    manifestPath: 'policy/history/privacy/manifest.json',
    ...(manifest === undefined ? {} : { manifestText: typeof manifest === 'string' ? manifest : serialiseManifest(manifest) }),
    snapshots: files,
    dir: 'policy/history/privacy',
  };
}

const problems = (base: BaseHistory[], histories: HistoryFiles[]) =>
  compareWithBase(base, histories, 'main', 'policy').map((d) => {
    expect([d.ruleId, d.source, d.severity, d.column, d.hint]).toEqual(['history-rewritten', 'history', 'error', 1, hint]);
    return `${d.file}:${d.line} ${d.message}`;
  });

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** A copy of the sample's manifest, edited. */
function edited(edit: (manifest: Manifest) => void): Manifest {
  const manifest = structuredClone(sampleManifest);
  edit(manifest);
  return manifest;
}

const release300 = (previous: ReleaseEntry): ReleaseEntry => ({
  version: '3.0.0',
  effective: '2028-01-01',
  released: '2027-11-01',
  schemaVersion: 2,
  file: '3.0.0.yaml',
  sha256: 'a'.repeat(64),
  previous: entryHash(previous),
});

describe('readBaseHistories', () => {
  it('reads each document folder of the history at the revision: its manifest text and the hash of every other file', async () => {
    const rev = revision({
      'policy/history/privacy/manifest.json': serialiseManifest(sampleManifest),
      'policy/history/privacy/1.0.0.yaml': bytesOf('1.0.0.yaml'),
      'policy/history/cookies/1.0.0.yaml': 'id: cookies\n',
      'policy/history/README.md': 'not in a document folder',
      'policy/history/privacy/nested/x.yaml': 'too deep',
      'policy/privacy.yaml': 'the working document',
    });
    const histories = await readBaseHistories(rev, 'policy/');
    expect(rev.listed).toEqual(['policy/history']);
    expect(histories.map((h) => [h.id, h.manifestText?.length ?? 0, [...h.snapshots]])).toEqual([
      ['cookies', 0, [['1.0.0.yaml', sha256('id: cookies\n')]]],
      ['privacy', serialiseManifest(sampleManifest).length, [['1.0.0.yaml', sha256(bytesOf('1.0.0.yaml'))]]],
    ]);
  });

  it('skips a file whose blob cannot be read, and reads nothing from an empty history', async () => {
    const rev = revision({ 'policy/history/privacy/1.0.0.yaml': 'x' });
    const unreadable: GitRevision = { ...rev, readBlobs: async () => new Map() };
    expect((await readBaseHistories(unreadable, 'policy')).map((h) => [h.id, h.manifestText, h.snapshots.size])).toEqual([
      ['privacy', undefined, 0],
    ]);
    expect(await readBaseHistories(revision({}), 'policy')).toEqual([]);
  });

  it('sorts documents by id', async () => {
    const rev = revision({ 'policy/history/b/1.yaml': '1', 'policy/history/a/1.yaml': '1', 'policy/history/c/1.yaml': '1' });
    expect((await readBaseHistories(rev, 'policy')).map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('compareWithBase', () => {
  it('accepts the same history, and one with a release and a translation appended', () => {
    expect(problems([sampleBase()], [now(sampleManifest)])).toEqual([]);
    const appended = edited((m) => {
      m.releases.push(release300(m.releases[1]!));
      m.translations!.push({ ...m.translations![0]!, version: '3.0.0', file: '3.0.0.fr.yaml', previous: entryHash(m.translations![0]!) });
    });
    expect(problems([sampleBase()], [now(appended, { '3.0.0.yaml': 'new', '3.0.0.fr.yaml': 'nouveau' })])).toEqual([]);
  });

  it('accepts anything for a document with no history at the base: no manifest, an unreadable one, an empty one', () => {
    const gone: HistoryFiles[] = [];
    for (const manifestText of [undefined, 'not json', '{"releases": {}}', '{"releases": [], "translations": 3}', '{"releases": []}']) {
      const base: BaseHistory = { id: 'privacy', snapshots: new Map(), ...(manifestText === undefined ? {} : { manifestText }) };
      expect(problems([base], gone), String(manifestText)).toEqual([]);
    }
  });

  it('reports a base that records only translations like one that records releases', () => {
    const base: BaseHistory = { ...sampleBase(), manifestText: serialiseManifest(edited((m) => (m.releases = []))) };
    expect(problems([base], [])).toEqual([
      'policy/history/privacy:1 The history of `privacy` is gone: at `main` it records frozen translations',
    ]);
    expect(problems([base], [now(undefined)])).toEqual([
      'policy/history/privacy/manifest.json:1 The manifest of `privacy` is gone: at `main` it records frozen translations',
    ]);
  });

  it('reports a history folder that is gone, and a manifest that is gone', () => {
    expect(problems([sampleBase()], [])).toEqual([
      'policy/history/privacy:1 The history of `privacy` is gone: at `main` it records the releases 1.0.0, 2.0.0',
    ]);
    expect(problems([sampleBase()], [now(undefined)])).toEqual([
      'policy/history/privacy/manifest.json:1 The manifest of `privacy` is gone: at `main` it records the releases 1.0.0, 2.0.0',
    ]);
  });

  it('leaves a manifest that cannot be read now to the history check', () => {
    for (const text of ['{', '{"releases": 1}', '{"releases": [], "translations": {}}'])
      expect(problems([sampleBase()], [now(text)]), text).toEqual([]);
  });

  it('reports a release entry removed, at the line of the last entry left', () => {
    const manifest = edited((m) => m.releases.pop());
    const text = serialiseManifest(manifest);
    expect(problems([sampleBase()], [now(manifest)])).toEqual([
      `policy/history/privacy/manifest.json:${lineOf(text, '"version": "1.0.0"')} Release 2.0.0 is no longer recorded in the manifest, which records it at \`main\``,
    ]);
  });

  it('reports every release removed at the first line, and a translation removed at the line of the last release', () => {
    const none = edited((m) => ((m.releases = []), (m.translations = [])));
    expect(problems([sampleBase()], [now(none)])).toEqual([
      'policy/history/privacy/manifest.json:1 Release 1.0.0 is no longer recorded in the manifest, which records it at `main`',
      'policy/history/privacy/manifest.json:1 Release 2.0.0 is no longer recorded in the manifest, which records it at `main`',
      'policy/history/privacy/manifest.json:1 The fr translation of 2.0.0 is no longer recorded in the manifest, which records it at `main`',
    ]);
    const noTranslations = edited((m) => delete m.translations);
    const text = serialiseManifest(noTranslations);
    expect(problems([sampleBase()], [now(noTranslations)])).toEqual([
      `policy/history/privacy/manifest.json:${lineOf(text, '"version": "2.0.0"')} The fr translation of 2.0.0 is no longer recorded in the manifest, which records it at \`main\``,
    ]);
  });

  it('reports a translation removed while others remain at the line of the last translation left', () => {
    const de = (m: Manifest) => ({ ...m.translations![0]!, locale: 'de', file: '2.0.0.de.yaml', previous: entryHash(m.translations![0]!) });
    const base: BaseHistory = {
      ...sampleBase(),
      manifestText: serialiseManifest(edited((m) => m.translations!.push(de(m)))),
    };
    const text = serialiseManifest(sampleManifest);
    const line = lineOf(text, '"locale": "fr"') + 1;
    expect(problems([base], [now(sampleManifest)])).toEqual([
      `policy/history/privacy/manifest.json:${line} The de translation of 2.0.0 is no longer recorded in the manifest, which records it at \`main\``,
    ]);
  });

  it('places a changed entry written with its file before its version at its file line', () => {
    const manifest = edited((m) => (m.translations![0]!.released = '2026-12-01'));
    const { file, ...rest } = manifest.translations![0]!;
    const text = `${JSON.stringify({ ...manifest, translations: [{ file, ...rest }] }, null, 2)}\n`;
    expect(problems([sampleBase()], [now(text)])).toEqual([
      `policy/history/privacy/manifest.json:${lineOf(text, '"file": "2.0.0.fr.yaml"')} The manifest entry of the fr translation of 2.0.0 differs from the one at \`main\`: a released entry never changes`,
    ]);
  });

  it('reports an entry changed in place, at its version line', () => {
    const manifest = edited((m) => (m.releases[1]!.effective = '2027-02-01'));
    const text = serialiseManifest(manifest);
    expect(problems([sampleBase()], [now(manifest)])).toEqual([
      `policy/history/privacy/manifest.json:${lineOf(text, '"version": "2.0.0"')} The manifest entry of release 2.0.0 differs from the one at \`main\`: a released entry never changes`,
    ]);
  });

  it('reports a translation entry changed in place, at its version line', () => {
    const manifest = edited((m) => (m.translations![0]!.released = '2026-12-01'));
    const text = serialiseManifest(manifest);
    const line = lineOf(text, '"locale": "fr"') + 1;
    expect(text.split('\n')[line - 1]).toContain('"version": "2.0.0"');
    expect(problems([sampleBase()], [now(manifest)])).toEqual([
      `policy/history/privacy/manifest.json:${line} The manifest entry of the fr translation of 2.0.0 differs from the one at \`main\`: a released entry never changes`,
    ]);
  });

  it('reports entries that moved: each, at its new line', () => {
    const manifest = edited((m) => m.releases.reverse());
    const text = serialiseManifest(manifest);
    expect(problems([sampleBase()], [now(manifest)])).toEqual([
      `policy/history/privacy/manifest.json:${lineOf(text, '"version": "2.0.0"')} Release 1.0.0 has moved in the manifest since \`main\`: recorded entries stay in place, and new ones go after them`,
      `policy/history/privacy/manifest.json:${lineOf(text, '"version": "1.0.0"')} Release 2.0.0 has moved in the manifest since \`main\`: recorded entries stay in place, and new ones go after them`,
    ]);
  });

  it('reports an entry pushed down by one inserted before it as moved, at the line of the entry now in its place', () => {
    const inserted = edited((m) => m.releases.splice(1, 0, { ...m.releases[1]!, version: '1.5.0', file: '1.5.0.yaml' }));
    const text = serialiseManifest(inserted);
    expect(problems([sampleBase()], [now(inserted)])).toEqual([
      `policy/history/privacy/manifest.json:${lineOf(text, '"version": "1.5.0"')} Release 2.0.0 has moved in the manifest since \`main\`: recorded entries stay in place, and new ones go after them`,
    ]);
  });

  it('reports a released snapshot or a frozen translation whose bytes changed, at the top of the file', () => {
    expect(problems([sampleBase()], [now(sampleManifest, { '1.0.0.yaml': 'id: privacy\n', '2.0.0.fr.yaml': 'changé' })])).toEqual([
      'policy/history/privacy/1.0.0.yaml:1 The snapshot of release 1.0.0 differs from the one released at `main`',
      'policy/history/privacy/2.0.0.fr.yaml:1 The snapshot of the fr translation of 2.0.0 differs from the one released at `main`',
    ]);
  });

  it('leaves a snapshot missing now, or missing at the base, to the history check', () => {
    expect(problems([sampleBase()], [now(sampleManifest, { '1.0.0.yaml': undefined })])).toEqual([]);
    const base = sampleBase();
    base.snapshots.delete('2.0.0.yaml');
    expect(problems([base], [now(sampleManifest, { '2.0.0.yaml': 'anything' })])).toEqual([]);
  });

  it('finds the history of each base document by id among several', () => {
    const other: HistoryFiles = { ...now(sampleManifest), id: 'other', manifestPath: 'policy/history/other/manifest.json' };
    expect(problems([sampleBase()], [other, now(sampleManifest)])).toEqual([]);
    expect(problems([sampleBase()], [other])).toEqual([
      'policy/history/privacy:1 The history of `privacy` is gone: at `main` it records the releases 1.0.0, 2.0.0',
    ]);
  });

  it('names the history folder of another policy folder in its hint', () => {
    const [d] = compareWithBase([sampleBase()], [], 'v1.0', 'legal/policies');
    expect([d!.file, d!.hint]).toEqual([
      'legal/policies/history/privacy',
      'Released history is never rewritten: restore it as it is at `v1.0` (`git checkout v1.0 -- legal/policies/history`), and record changes as new releases with `policyc release`.',
    ]);
  });
});
