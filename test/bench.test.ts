// The benchmark's own smoke test: the generator is deterministic and makes
// valid projects, and the harness completes and reports every figure. No
// timing is asserted: timings belong to `npm run bench`, not to the tests.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureProject, generateProject } from '../bench/generate.mjs';
import { checks, figureKeys } from '../bench/plan.mjs';
import { root } from './support/fixtures.js';
import { snapshotTree, tempDir } from './support/project.js';

const run = promisify(execFile);
// Shared by both tests: the harness finds the tiny project the first test generated.
const work = tempDir('policyc-bench-');

describe('npm run bench', () => {
  it('generates the same valid project from the same seed', async () => {
    // ensureProject validates what it generates and throws on any error; the copy made again must be byte-identical.
    const cached = await ensureProject({ size: 'tiny', seed: 1, work });
    expect(cached.meta.validation).toMatchObject({ warnings: expect.any(Number) });
    const again = tempDir('policyc-bench-again-');
    const meta = generateProject(again, { size: 'tiny', seed: 1 });
    expect(snapshotTree(again)).toEqual(snapshotTreeWithoutMeta(cached.dir));
    expect(meta.versions).toHaveLength(4);
    const other = tempDir('policyc-bench-other-');
    generateProject(other, { size: 'tiny', seed: 2 });
    expect(snapshotTree(other)).not.toEqual(snapshotTree(again));
  });

  it('runs every measurement in smoke mode and writes them all as JSON', async () => {
    const out = path.join(tempDir('policyc-bench-out-'), 'results.json');
    await run(process.execPath, ['bench/run.mjs', '--smoke', '--out', out, '--work', work], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.mode).toBe('smoke');
    expect(results.machine).toMatchObject({ node: process.version, cpus: expect.any(Number) });
    expect(Object.keys(results.figures)).toEqual(figureKeys);
    for (const key of figureKeys) {
      const figure = results.figures[key];
      if (figure.skipped) expect(figure.reason).toEqual(expect.any(String));
      else expect(figure).toMatchObject({ runs: 1, medianMs: expect.any(Number), samplesMs: [expect.any(Number)] });
    }
    expect(results.checks).toHaveLength(checks.length);
  }, 120_000);
});

/** The cached project's files as generateProject writes them (without the cache's own generated.json). */
function snapshotTreeWithoutMeta(dir: string): Map<string, string> {
  const tree = snapshotTree(dir);
  tree.delete('generated.json');
  return tree;
}
