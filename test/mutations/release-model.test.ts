// A released version's data, read from its snapshot in this process: each way a snapshot can fail to be the
// version the manifest names (changed while read, not YAML, no migration, not the schema, another version),
// reported once with its rule, message and hint; and a good snapshot read, checked and cached.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../src/cache/cache.js';
import { sha256, type ReleaseEntry } from '../../src/history/manifest.js';
import { releaseModel } from '../../src/history/release-model.js';
import { parse } from '../../src/load/parse.js';
import type { SnapshotFile } from '../../src/load/read-history.js';
import { schemaVersion } from '../../src/model/schema.js';
import { root } from '../support/fixtures.js';

const sampleText = readFileSync(path.join(root, 'policy/history/privacy/2.0.0.yaml'), 'utf8');
const oldText = readFileSync(path.join(root, 'policy/history/privacy/1.0.0.yaml'), 'utf8');

/** A snapshot of `text`, whose bytes read as `readBack` the second time (a file changed while it was read). */
function snapshot(text: string, readBack = text): SnapshotFile {
  const bytes = new TextEncoder().encode(text);
  return {
    path: 'policy/history/privacy/2.0.0.yaml',
    sha256: sha256(bytes),
    read: () => new TextEncoder().encode(readBack),
    parse: (given = bytes) => parse({ path: 'policy/history/privacy/2.0.0.yaml', bytes: given, size: given.length }),
  };
}

const entryOf = (text: string, fields: Partial<ReleaseEntry> = {}): ReleaseEntry => ({
  version: '2.0.0',
  effective: '2027-01-01',
  released: '2026-11-01',
  schemaVersion,
  file: '2.0.0.yaml',
  sha256: sha256(new TextEncoder().encode(text)),
  previous: null,
  ...fields,
});

/** Read a snapshot; the data, and every problem reported as `rule: message (hint)`. */
function read(file: SnapshotFile, entry: ReleaseEntry, cache = memoryCache()) {
  const problems: string[] = [];
  const data = releaseModel(
    file,
    entry,
    (where, rule, message, hint) => void problems.push(`${where} ${rule}: ${message} (${hint})`),
    cache,
    undefined,
  );
  return { data, problems, cache };
}

const invalid = (problem: string, version = '2.0.0') => [
  `policy/history/privacy/2.0.0.yaml history-snapshot-invalid: The snapshot of ${version} cannot be read as a policy: ${problem} (This is a problem in policyc (a missing migration) or a damaged history: restore the file from git.)`,
];

describe('releaseModel', () => {
  it('reads a good snapshot, caches what it checked, and reads the cache the next time', () => {
    const { data, problems, cache } = read(snapshot(sampleText), entryOf(sampleText));
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ id: 'privacy', version: '2.0.0' });
    expect(cache.stats.writes).toBe(1);
    // The cached data is used as it is: a snapshot that would now fail is not read again.
    const again = read(snapshot('not: [yaml'), entryOf(sampleText), cache);
    expect(again.problems).toEqual([]);
    expect(again.data).toEqual(data);
  });

  it('reads an older format migrated and checked against the current schema', () => {
    const { data, problems } = read(snapshot(oldText), entryOf(oldText, { version: '1.0.0', schemaVersion: 1 }));
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ version: '1.0.0', changes: { channels: expect.any(Array) } });
  });

  it('refuses a snapshot changed while it was read', () => {
    const { data, problems } = read(snapshot(sampleText, `${sampleText}\n# edited`), entryOf(sampleText));
    expect(data).toBeUndefined();
    expect(problems).toEqual([
      'policy/history/privacy/2.0.0.yaml history-snapshot-modified: The snapshot of 2.0.0 was changed while it was being read (Run the command again once nothing is writing the history.)',
    ]);
  });

  it('refuses a snapshot that is not a YAML mapping, naming the first problem', () => {
    expect(read(snapshot('- a list\n'), entryOf('- a list\n')).problems).toEqual(
      invalid('The document must be a mapping of keys to values (`id: ...`, `title: ...`)'),
    );
    const broken = 'id: [unclosed\n';
    const { data, problems } = read(snapshot(broken), entryOf(broken));
    expect(data).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/history-snapshot-invalid: The snapshot of 2\.0\.0 cannot be read as a policy: (?!not a YAML mapping)/);
  });

  it('refuses an older snapshot that does not parse, before migrating it, with the parser’s message', () => {
    const entry = (text: string) => entryOf(text, { version: '1.0.0', schemaVersion: 1 });
    const broken = 'id: [unclosed\n';
    const parsed = read(snapshot(broken), entry(broken)).problems;
    const yamlMessage = snapshot(broken).parse().diagnostics[0]!.message;
    expect(parsed).toEqual(invalid(yamlMessage, '1.0.0'));
    // A duplicate key is an error even though the data can be read.
    const duplicate = oldText.replace(/^(title: .*\n)/m, '$1$1');
    const [problem] = read(snapshot(duplicate), entry(duplicate)).problems;
    expect(problem).toContain(
      snapshot(duplicate)
        .parse()
        .diagnostics.find((d) => d.severity === 'error')!.message,
    );
  });

  it('refuses a format no migration reaches, one that does not match the schema, and another version', () => {
    expect(read(snapshot(oldText), entryOf(oldText, { version: '1.0.0', schemaVersion: 0 })).problems).toEqual(
      invalid('No migration from document format 0 to 1', '1.0.0'),
    );
    const noTitle = oldText.replace(/^title: .*\n/m, '');
    expect(read(snapshot(noTitle), entryOf(noTitle, { version: '1.0.0', schemaVersion: 1 })).problems).toEqual(
      invalid('Missing required key `title` in the document', '1.0.0'),
    );
    expect(read(snapshot(sampleText), entryOf(sampleText, { version: '2.1.0' })).problems).toEqual(
      invalid('it says version 2.0.0, the manifest 2.1.0', '2.1.0'),
    );
    const current = sampleText.replace(/^title: .*\n/m, '');
    const [problem] = read(snapshot(current), entryOf(current)).problems;
    expect(problem).toMatch(/history-snapshot-invalid: The snapshot of 2\.0\.0 cannot be read as a policy: .*title/);
  });
});
