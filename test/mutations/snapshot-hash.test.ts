// A released snapshot edited after its release is reported, with no cache and with a warm one: a cache
// entry is keyed by the hash the manifest records, so the hash of the bytes on disk must be checked
// before any entry is used. Skipping that check fails here in both modes.
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, validate } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';
import { copySample, editFile } from '../support/project.js';

const errors = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.ruleId} ${d.message}`);
const date = '2027-02-01';
const history = (dir: string, file: string) => path.join(dir, 'policy/history/privacy', file);

const edits: { name: string; edit: (dir: string) => void; expected: string }[] = [
  {
    name: 'a released version, a word changed',
    edit: (dir) => editFile(history(dir, '1.0.0.yaml'), 'SmartFocus is committed', 'SmartFocus is wholly committed'),
    expected:
      'policy/history/privacy/1.0.0.yaml history-snapshot-modified The snapshot of 1.0.0 was changed after its release: its hash no longer matches the manifest',
  },
  {
    name: 'the latest released version, a comment added',
    edit: (dir) => appendFileSync(history(dir, '2.0.0.yaml'), '# a comment\n'),
    expected:
      'policy/history/privacy/2.0.0.yaml history-snapshot-modified The snapshot of 2.0.0 was changed after its release: its hash no longer matches the manifest',
  },
  {
    name: 'a frozen translation',
    edit: (dir) => editFile(history(dir, '2.0.0.fr.yaml'), 's’engage à protéger', 's’engage pleinement à protéger'),
    expected:
      'policy/history/privacy/2.0.0.fr.yaml history-snapshot-modified The fr translation of 2.0.0 was changed after it was frozen: its hash no longer matches the manifest',
  },
];

describe('an edited snapshot is reported', () => {
  it.each(edits)('$name, with no cache', async ({ edit, expected }) => {
    const dir = copySample();
    edit(dir);
    expect(errors((await validate({ cwd: dir, date, cache: false })).diagnostics)).toEqual([expected]);
  });

  it.each(edits)('$name, with a warm cache', async ({ edit, expected }) => {
    const dir = copySample();
    const cache = path.join(dir, 'cache');
    // Fill the cache from the intact history (with every snapshot checked and its pages rendered).
    expect(errors((await build({ cwd: dir, date, cache, out: 'before' })).diagnostics)).toEqual([]);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    edit(dir);
    expect(errors((await validate({ cwd: dir, date, cache })).diagnostics)).toEqual([expected]);
    const built = await build({ cwd: dir, date, cache, out: 'after' });
    expect(errors(built.diagnostics)).toEqual([expected]);
    expect(built.written).toEqual([]);
  });
});
