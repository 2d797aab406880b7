// Verifying a history in this process, from files held in memory: each way a manifest, a release entry or a
// translation entry can be wrong is reported once, with its rule, file, line, message and hint, and the intact
// parts are still read. The end-to-end suites cover the same checks through the CLI; these pin every message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash, serialiseManifest, sha256, type Manifest } from '../../src/history/manifest.js';
import { verifyHistory } from '../../src/history/verify.js';
import { parse } from '../../src/load/parse.js';
import type { HistoryFiles, SnapshotFile } from '../../src/load/read-history.js';
import { root } from '../support/fixtures.js';

const dir = 'policy/history/privacy';
const sampleDir = path.join(root, dir);
const sampleManifest = JSON.parse(readFileSync(path.join(sampleDir, 'manifest.json'), 'utf8')) as Manifest;
const untouched =
  'Released versions are immutable: restore the file from git (`git checkout -- <file>`); make changes in the working document and release a new version.';

function snapshotOf(name: string, text = readFileSync(path.join(sampleDir, name), 'utf8')): SnapshotFile {
  const bytes = new TextEncoder().encode(text);
  const file = `${dir}/${name}`;
  return {
    path: file,
    sha256: sha256(bytes),
    read: () => bytes,
    parse: (given = bytes) => parse({ path: file, bytes: given, size: given.length }),
  };
}

/** The sample's history as files in memory; `manifest` replaces the manifest's text, `snapshots` the files beside it. */
function history(manifest: string | undefined, names = ['1.0.0.yaml', '2.0.0.yaml', '2.0.0.fr.yaml']): HistoryFiles {
  return {
    id: 'privacy',
    manifestPath: `${dir}/manifest.json`,
    ...(manifest === undefined ? {} : { manifestText: manifest }),
    snapshots: new Map(names.map((name) => [name, snapshotOf(name)])),
    dir,
  };
}

/** Each diagnostic as `file:line rule: message (hint)`. */
function verify(files: HistoryFiles) {
  const result = verifyHistory(files);
  return {
    ...result,
    problems: result.diagnostics.map((d) => {
      // Every problem of a history is reported by the history check, at a whole line.
      expect([d.source, d.endLine, d.endColumn]).toEqual(['history', d.line, 1]);
      return `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message} (${d.hint})`;
    }),
  };
}

/** A copy of the sample's manifest, changed by `edit`, with the chain recomputed unless `rechain` is false. */
function manifestWith(edit: (manifest: Manifest) => void, rechain = true): string {
  const manifest = structuredClone(sampleManifest);
  edit(manifest);
  if (rechain) {
    manifest.releases.forEach((entry, i) => (entry.previous = i ? entryHash(manifest.releases[i - 1]!) : null));
    (manifest.translations ?? []).forEach((entry, i) => (entry.previous = i ? entryHash(manifest.translations![i - 1]!) : null));
  }
  return serialiseManifest(manifest);
}

describe('verifyHistory', () => {
  it('reads an intact history: every release resolved, every translation parsed, nothing reported', () => {
    const { releases, translations, manifest, problems } = verify(history(serialiseManifest(sampleManifest)));
    expect(problems).toEqual([]);
    expect(releases.map((r) => [r.entry.version, r.model.policy.version, r.model.file])).toEqual([
      ['1.0.0', '1.0.0', `${dir}/1.0.0.yaml`],
      ['2.0.0', '2.0.0', `${dir}/2.0.0.yaml`],
    ]);
    expect(translations.map((t) => [t.entry.locale, t.entry.version, t.parsed.path])).toEqual([['fr', '2.0.0', `${dir}/2.0.0.fr.yaml`]]);
    expect(manifest).toEqual(sampleManifest);
  });

  it('reports each snapshot of a folder with no manifest, and reads nothing', () => {
    const { releases, translations, manifest, problems } = verify(history(undefined, ['1.0.0.yaml', '2.0.0.fr.yaml']));
    const hint = 'Snapshots are written by `policyc release` only: remove the file, or restore `manifest.json` from git.';
    expect(problems).toEqual([
      `${dir}/1.0.0.yaml:1:1 history-unrecorded-snapshot: Snapshot \`1.0.0.yaml\` is not recorded in any manifest (${hint})`,
      `${dir}/2.0.0.fr.yaml:1:1 history-unrecorded-snapshot: Snapshot \`2.0.0.fr.yaml\` is not recorded in any manifest (${hint})`,
    ]);
    expect([releases, translations, manifest]).toEqual([[], [], undefined]);
  });

  it('reports a folder with neither manifest nor snapshots as nothing at all', () => {
    expect(verify(history(undefined, [])).problems).toEqual([]);
  });

  it.each([
    ['not JSON', '{ "releases": [', /^The release manifest cannot be read: .*JSON/],
    ['releases not a list', '{ "document": "privacy", "releases": {} }', /^The release manifest cannot be read: `releases` is not a list$/],
    [
      'translations not a list',
      '{ "document": "privacy", "releases": [], "translations": "fr" }',
      /^The release manifest cannot be read: `translations` is not a list$/,
    ],
  ])('reports a manifest that cannot be read (%s), and reads nothing', (_, text, message) => {
    const { releases, translations, manifest, diagnostics } = verify(history(text, []));
    expect(diagnostics.map((d) => [d.file, d.line, d.ruleId, d.hint])).toEqual([
      [`${dir}/manifest.json`, 1, 'history-manifest-invalid', untouched],
    ]);
    expect(diagnostics[0]!.message).toMatch(message);
    expect([releases, translations, manifest]).toEqual([[], [], undefined]);
  });

  it('accepts a manifest with no translations list', () => {
    const text = manifestWith((m) => delete m.translations);
    const { translations, problems } = verify(history(text, ['1.0.0.yaml', '2.0.0.yaml']));
    expect([translations, problems]).toEqual([[], []]);
  });

  it('reports a snapshot beside the manifest that it does not record, and still reads the rest', () => {
    const text = manifestWith((m) => delete m.translations);
    const { releases, problems } = verify(history(text));
    expect(problems).toEqual([
      `${dir}/2.0.0.fr.yaml:1:1 history-unrecorded-snapshot: Snapshot \`2.0.0.fr.yaml\` is not recorded in the manifest (Snapshots are written by \`policyc release\` only: remove the file.)`,
    ]);
    expect(releases).toHaveLength(2);
  });

  it('reports a missing release snapshot on the line of its entry, and reads the others', () => {
    const text = serialiseManifest(sampleManifest);
    const line = text.split('\n').indexOf('      "version": "2.0.0",') + 1;
    const { releases, problems } = verify(history(text, ['1.0.0.yaml', '2.0.0.fr.yaml']));
    expect(line).toBeGreaterThan(1);
    expect(problems).toEqual([
      `${dir}/manifest.json:${line}:1 history-snapshot-missing: The snapshot of 2.0.0 (\`2.0.0.yaml\`) is missing (${untouched})`,
    ]);
    expect(releases.map((r) => r.entry.version)).toEqual(['1.0.0']);
  });

  it('reports a release entry that does not chain to the one before it, on its line', () => {
    const text = manifestWith((m) => (m.releases[1]!.previous = 'f'.repeat(64)), false);
    const line = text.split('\n').indexOf('      "version": "2.0.0",') + 1;
    expect(verify(history(text)).problems).toEqual([
      `${dir}/manifest.json:${line}:1 history-chain-broken: The entry for 2.0.0 does not chain to the entry before it: the manifest was edited (${untouched})`,
    ]);
  });

  it('reports a first release entry that chains to something', () => {
    const text = manifestWith((m) => (m.releases[0]!.previous = 'f'.repeat(64)), false);
    const line = text.split('\n').indexOf('      "version": "1.0.0",') + 1;
    expect(verify(history(text)).problems).toEqual([
      `${dir}/manifest.json:${line}:1 history-chain-broken: The entry for 1.0.0 does not chain to the entry before it: the manifest was edited (${untouched})`,
      // The next entry chains to the entry as it was recorded, so it no longer chains either.
      `${dir}/manifest.json:${text.split('\n').indexOf('      "version": "2.0.0",') + 1}:1 history-chain-broken: The entry for 2.0.0 does not chain to the entry before it: the manifest was edited (${untouched})`,
    ]);
  });

  it('reports versions recorded out of order, and the same version twice', () => {
    const swapped = manifestWith((m) => m.releases.reverse());
    expect(
      verify(history(swapped))
        .diagnostics.filter((d) => d.ruleId === 'history-order')
        .map((d) => d.message),
    ).toEqual(['Version 1.0.0 is recorded after 2.0.0']);
    const twice = manifestWith((m) => (m.releases[1]!.version = '1.0.0'));
    expect(
      verify(history(twice))
        .diagnostics.filter((d) => d.ruleId === 'history-order')
        .map((d) => d.message),
    ).toEqual(['Version 1.0.0 is recorded after 1.0.0']);
  });

  it('reports a translation of a version that is not released, on its line, and does not read it', () => {
    const text = manifestWith((m) => (m.translations![0]!.version = '3.0.0'));
    const line = text.split('\n').indexOf('      "file": "2.0.0.fr.yaml",') + 1;
    const { translations, problems } = verify(history(text));
    expect(problems).toEqual([
      `${dir}/manifest.json:${line}:1 history-translation-orphan: The fr translation \`2.0.0.fr.yaml\` translates 3.0.0, which is not released (${untouched})`,
    ]);
    expect(translations).toEqual([]);
  });

  it('reports a missing translation snapshot on the line of its entry', () => {
    const text = serialiseManifest(sampleManifest);
    const line = text.split('\n').indexOf('      "file": "2.0.0.fr.yaml",') + 1;
    const { translations, releases, problems } = verify(history(text, ['1.0.0.yaml', '2.0.0.yaml']));
    expect(problems).toEqual([
      `${dir}/manifest.json:${line}:1 history-snapshot-missing: The fr translation of 2.0.0 (\`2.0.0.fr.yaml\`) is missing (${untouched})`,
    ]);
    expect([translations.length, releases.length]).toEqual([0, 2]);
  });

  it('reports a translation entry that does not chain to the translation entry before it', () => {
    const text = manifestWith((m) => (m.translations![0]!.previous = 'f'.repeat(64)), false);
    const line = text.split('\n').indexOf('      "file": "2.0.0.fr.yaml",') + 1;
    expect(verify(history(text)).problems).toEqual([
      `${dir}/manifest.json:${line}:1 history-chain-broken: The entry for the fr translation of 2.0.0 does not chain to the translation entry before it: the manifest was edited (${untouched})`,
    ]);
  });

  it('reports an edited release snapshot and an edited translation, each at the top of its own file', () => {
    const files = history(serialiseManifest(sampleManifest));
    files.snapshots.set('1.0.0.yaml', snapshotOf('1.0.0.yaml', `${readFileSync(path.join(sampleDir, '1.0.0.yaml'), 'utf8')}# edited\n`));
    files.snapshots.set(
      '2.0.0.fr.yaml',
      snapshotOf('2.0.0.fr.yaml', `${readFileSync(path.join(sampleDir, '2.0.0.fr.yaml'), 'utf8')}# edited\n`),
    );
    const { releases, translations, problems } = verify(files);
    expect(problems).toEqual([
      `${dir}/1.0.0.yaml:1:1 history-snapshot-modified: The snapshot of 1.0.0 was changed after its release: its hash no longer matches the manifest (${untouched})`,
      `${dir}/2.0.0.fr.yaml:1:1 history-snapshot-modified: The fr translation of 2.0.0 was changed after it was frozen: its hash no longer matches the manifest (${untouched})`,
    ]);
    expect([releases.map((r) => r.entry.version), translations]).toEqual([['2.0.0'], []]);
  });
});
