// The sample policy compiled end to end through the library API, against goldens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { expectGolden, root } from './support/fixtures.js';
import { snapshotTree, tempDir } from './support/project.js';

const goldenDir = path.join(root, 'test/golden/sample');
// Built as of a fixed date, while 1.0.0 is in effect and 2.0.0 is announced.
const date = '2026-11-29';
const siteFiles = [
  'assets/fragment.css',
  'assets/policy.css',
  'index.html',
  'privacy/CHANGELOG.md',
  'privacy/changelog/index.html',
  'privacy/changes.json',
  'privacy/compare/1.0.0...2.0.0/index.html',
  'privacy/cookies.html',
  'privacy/cookies.json',
  'privacy/feed.xml',
  'privacy/fr/CHANGELOG.md',
  'privacy/fr/changelog/index.html',
  'privacy/fr/feed.xml',
  'privacy/fr/index.html',
  'privacy/fr/index.md',
  'privacy/fr/notify/1.0.0...2.0.0/email.eml',
  'privacy/fr/notify/1.0.0...2.0.0/email.html',
  'privacy/fr/notify/1.0.0...2.0.0/email.txt',
  'privacy/fr/notify/1.0.0...2.0.0/subject.txt',
  'privacy/fr/v/2.0.0/index.html',
  'privacy/fr/v/2.0.0/index.md',
  'privacy/fr/versions/index.html',
  'privacy/fragment.html',
  'privacy/index.html',
  'privacy/index.md',
  'privacy/notify/1.0.0...2.0.0/email.eml',
  'privacy/notify/1.0.0...2.0.0/email.html',
  'privacy/notify/1.0.0...2.0.0/email.txt',
  'privacy/notify/1.0.0...2.0.0/subject.txt',
  'privacy/policy.json',
  'privacy/policy.jsonld',
  'privacy/summary.html',
  'privacy/v/1.0.0/index.html',
  'privacy/v/1.0.0/index.md',
  'privacy/v/2.0.0/index.html',
  'privacy/v/2.0.0/index.md',
  'privacy/versions/index.html',
];

describe('the sample policy', () => {
  it('builds the expected site, file for file', async () => {
    const out = path.join(tempDir(), 'dist');
    const result = await build({ cwd: root, out, date });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.written).toEqual(siteFiles);
    for (const file of siteFiles.filter((f) => !f.startsWith('assets/'))) {
      expectGolden(path.join(goldenDir, file.replace(/\//g, '__')), readFileSync(path.join(out, file), 'utf8'));
    }
  });

  it('builds byte-identical output every time', async () => {
    const a = path.join(tempDir(), 'dist');
    const b = path.join(tempDir(), 'dist');
    await build({ cwd: root, out: a, date });
    await build({ cwd: root, out: b, date });
    expect(snapshotTree(b)).toEqual(snapshotTree(a));
  });

  it('writes the resolved model as policy.json', async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out, date });
    const model = JSON.parse(readFileSync(path.join(out, 'privacy/policy.json'), 'utf8'));
    expect(model.id).toBe('privacy');
    expect(model.version).toBe('1.0.0');
    expect(model.cookies.items).toHaveLength(8);
    expect(model.changes.channels).toEqual(['email', 'website']);
    expect(model.collection.categories.every((c: { sensitive: boolean }) => c.sensitive === false)).toBe(true);
  });
});
