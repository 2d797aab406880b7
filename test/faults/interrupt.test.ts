// Interruption: builds and releases killed with SIGKILL at seeded random moments lose nothing and leave nothing half-written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { release, validate } from '../../src/index.js';
import { spawnCli, spawnCliAsync, startCli } from '../support/cli.js';
import { copySample, snapshotTree } from '../support/project.js';

const kills = 20;

/** A small seeded PRNG (mulberry32): the same moments on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One hash for a whole tree: its paths and bytes. */
function treeHash(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hash = createHash('sha256');
  for (const [name, bytes] of snapshotTree(dir)) hash.update(`${name}\0${bytes}\0`);
  return hash.digest('hex');
}

const policyc = (args: string[], cwd: string) => spawnCli(args, { cwd });

/** Start policyc and SIGKILL it after `delay` ms (or let it finish first). */
function killAfter(args: string[], cwd: string, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = startCli(args, { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('a build killed at random moments', () => {
  it('leaves dist/ the previous complete tree or the new one, and the next build succeeds', async () => {
    const dir = copySample();
    // Two different sites: before and after 2.0.0 takes effect.
    expect(policyc(['build', '--date', '2026-12-01', '--out', 'before'], dir).code).toBe(0);
    const duration = timed(() => expect(policyc(['build', '--date', '2027-02-01', '--out', 'after'], dir).code).toBe(0));
    const before = treeHash(path.join(dir, 'before'));
    const after = treeHash(path.join(dir, 'after'));
    expect(before).not.toBe(after);
    const next = random(20261129);
    const seen: string[] = [];
    // Each round kills a build of the other date over a complete tree, then lets the next build run: the rounds alternate.
    const sites = [
      { date: '2026-12-01', hash: before },
      { date: '2027-02-01', hash: after },
    ];
    expect(policyc(['build', '--date', sites[0]!.date], dir).code).toBe(0);
    for (let i = 0; i < kills; i++) {
      const [previous, target] = i % 2 === 0 ? [sites[0]!, sites[1]!] : [sites[1]!, sites[0]!];
      await killAfter(['build', '--date', target.date], dir, Math.floor(next() * duration * 1.1));
      const state = treeHash(path.join(dir, 'dist'));
      // The one moment between the swap's two renames leaves no dist/ but the previous tree beside it, which the next build puts back.
      const retired = readdirSync(dir).find((name) => name.startsWith('.dist.old-'));
      const label =
        state === previous.hash
          ? 'previous'
          : state === target.hash
            ? 'new'
            : state === undefined && retired && treeHash(path.join(dir, retired)) === previous.hash
              ? 'in swap'
              : 'broken';
      seen.push(label);
      expect(label, `kill ${i}`).not.toBe('broken');
      const rebuilt = policyc(['build', '--date', target.date], dir);
      expect(rebuilt.code, `rebuild after kill ${i}: ${rebuilt.stderr}`).toBe(0);
      expect(treeHash(path.join(dir, 'dist'))).toBe(target.hash);
      expect(readdirSync(dir).filter((name) => name.startsWith('.dist'))).toEqual([]);
    }
    // The moments were spread: some kills came before the new tree was in place.
    expect(seen).toContain('previous');
  }, 900_000);
});

describe('a release killed at random moments', () => {
  it('records a snapshot and its manifest entry together or not at all, keeps the chain valid, and the next release finishes', async () => {
    const prepared = copySample();
    const working = path.join(prepared, 'policy/privacy.yaml');
    // A new version whose French translation still holds, so the release writes two snapshots.
    writeFileSync(
      working,
      readFileSync(working, 'utf8')
        .replace('version: 2.0.0', 'version: 2.1.0')
        .replace('effective: 2027-01-01', 'effective: 2027-06-01')
        .replace('duration: 90 days', 'duration: 180 days'),
    );
    const probe = path.join(prepared, 'probe');
    cpSync(path.join(prepared, 'policy'), path.join(probe, 'policy'), { recursive: true });
    const duration = timed(() => expect(policyc(['release', '--effective', '2027-06-01'], probe).code).toBe(0));
    const next = random(1129);
    const outcomes: string[] = [];
    for (let i = 0; i < kills; i++) {
      const dir = copySample();
      rmSync(path.join(dir, 'policy'), { recursive: true });
      cpSync(path.join(prepared, 'policy'), path.join(dir, 'policy'), { recursive: true });
      await killAfter(['release', '--effective', '2027-06-01'], dir, Math.floor(next() * duration * 1.1));
      const history = path.join(dir, 'policy/history/privacy');
      const manifest = JSON.parse(readFileSync(path.join(history, 'manifest.json'), 'utf8')) as { releases: { version: string }[] };
      const released = manifest.releases.some((r) => r.version === '2.1.0');
      outcomes.push(released ? 'released' : 'not released');
      // Consistent as it lies: no history error of any kind (missing, unrecorded, modified, chain).
      const checked = await validate({ cwd: dir, noRules: true });
      expect(
        checked.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.ruleId}`),
        `kill ${i}`,
      ).toEqual([]);
      expect(checked.documents[0]!.releases.map((r) => r.entry.version)).toEqual(
        released ? ['1.0.0', '2.0.0', '2.1.0'] : ['1.0.0', '2.0.0'],
      );
      // The next release finishes the job (or finds it done), and leaves only final files.
      const again = await release({ cwd: dir, effective: '2027-06-01' });
      const refused = again.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);
      expect(refused.length === 0 || refused.join() === 'release-no-changes', `release after kill ${i}: ${refused.join()}`).toBe(true);
      expect(readdirSync(history).sort()).toEqual([
        '1.0.0.yaml',
        '2.0.0.fr.yaml',
        '2.0.0.yaml',
        '2.1.0.fr.yaml',
        '2.1.0.yaml',
        'manifest.json',
      ]);
      expect((await validate({ cwd: dir, noRules: true })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
    expect(outcomes).toContain('not released');
  }, 900_000);

  it("finishes a release killed between its manifest and its snapshots' names, even when the next one has nothing to release", async () => {
    // The one gap the random kills above hit only now and then: the manifest records 2.1.0, its snapshots are still `.pending`.
    const dir = copySample();
    const working = path.join(dir, 'policy/privacy.yaml');
    writeFileSync(
      working,
      readFileSync(working, 'utf8')
        .replace('version: 2.0.0', 'version: 2.1.0')
        .replace('effective: 2027-01-01', 'effective: 2027-06-01')
        .replace('duration: 90 days', 'duration: 180 days'),
    );
    expect((await release({ cwd: dir, effective: '2027-06-01' })).plan?.version).toBe('2.1.0');
    const history = path.join(dir, 'policy/history/privacy');
    for (const name of ['2.1.0.yaml', '2.1.0.fr.yaml']) cpSync(path.join(history, name), path.join(history, `${name}.pending`));
    for (const name of ['2.1.0.yaml', '2.1.0.fr.yaml']) rmSync(path.join(history, name));
    const again = await release({ cwd: dir, effective: '2027-06-01' });
    expect(again.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['release-no-changes']);
    expect(readdirSync(history).sort()).toEqual([
      '1.0.0.yaml',
      '2.0.0.fr.yaml',
      '2.0.0.yaml',
      '2.1.0.fr.yaml',
      '2.1.0.yaml',
      'manifest.json',
    ]);
    expect((await validate({ cwd: dir, noRules: true })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('two builds at once', () => {
  it('never interleave: the second is told another build holds the lock, or runs after it', async () => {
    const dir = copySample();
    const run = (date: string) => spawnCliAsync(['build', '--date', date], { cwd: dir });
    expect(policyc(['build', '--date', '2026-12-01', '--out', 'before'], dir).code).toBe(0);
    expect(policyc(['build', '--date', '2027-02-01', '--out', 'after'], dir).code).toBe(0);
    const complete = [treeHash(path.join(dir, 'before')), treeHash(path.join(dir, 'after'))];
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([run('2026-12-01'), run('2027-02-01')]);
      for (const r of [a, b]) {
        if (r.code !== 0)
          expect(r.stderr).toMatch(/Another policyc \(process \d+\) is writing `dist`; nothing was written {2}build-locked/);
      }
      expect([a.code, b.code]).toContain(0);
      expect(complete).toContain(treeHash(path.join(dir, 'dist')));
    }
  }, 180_000);

  it('refuses while a live process holds the lock, and takes over a lock its dead owner left', () => {
    const dir = copySample();
    expect(policyc(['build', '--date', '2026-12-01'], dir).code).toBe(0);
    const built = treeHash(path.join(dir, 'dist'));
    // A lock as policyc writes it: this (live) test process, on this host, just now.
    writeFileSync(path.join(dir, '.dist.lock'), `${JSON.stringify({ host: hostname(), pid: process.pid, time: Date.now() })}\n`);
    const locked = policyc(['build', '--date', '2027-02-01'], dir);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(
      `.dist.lock:1:1  error  Another policyc (process ${process.pid}) is writing \`dist\`; nothing was written  build-locked`,
    );
    expect(locked.stderr).toContain('If no policyc is running, delete `.dist.lock`.');
    expect(treeHash(path.join(dir, 'dist'))).toBe(built);
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(dir, '.dist.lock'), `${JSON.stringify({ host: hostname(), pid: Number(dead), time: Date.now() })}\n`);
    expect(policyc(['build', '--date', '2027-02-01'], dir).code).toBe(0);
    expect(existsSync(path.join(dir, '.dist.lock'))).toBe(false);
  });
});
