// The sample policy compiled end to end through the library API, against goldens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { expectGolden, root } from './support/fixtures.js';
import { snapshotTree, tempDir } from './support/project.js';

const goldenDir = path.join(root, 'test/golden/sample');

describe('the sample policy', () => {
  it('builds the expected site, file for file', async () => {
    const out = path.join(tempDir(), 'dist');
    const result = await build({ cwd: root, out });
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toEqual(['assets/policy.css', 'index.html', 'privacy/index.html', 'privacy/index.md', 'privacy/policy.json']);
    for (const file of ['index.html', 'privacy/index.html', 'privacy/index.md', 'privacy/policy.json']) {
      expectGolden(path.join(goldenDir, file.replace('/', '.')), readFileSync(path.join(out, file), 'utf8'));
    }
  });

  it('builds byte-identical output every time', async () => {
    const a = path.join(tempDir(), 'dist');
    const b = path.join(tempDir(), 'dist');
    await build({ cwd: root, out: a });
    await build({ cwd: root, out: b });
    expect(snapshotTree(b)).toEqual(snapshotTree(a));
  });

  it('writes the resolved model as policy.json', async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out });
    const model = JSON.parse(readFileSync(path.join(out, 'privacy/policy.json'), 'utf8'));
    expect(model.id).toBe('privacy');
    expect(model.version).toBe('1.0.0');
    expect(model.cookies.items).toHaveLength(8);
    expect(model.collection.categories.every((c: { sensitive: boolean }) => c.sensitive === false)).toBe(true);
  });
});
