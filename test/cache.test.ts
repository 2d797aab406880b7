// The build cache: what released versions derive to (checked data, change sets, pages) is kept between runs
// under the hash of everything it depends on. A hit must be byte-identical to computing afresh, a changed input
// must miss, and a damaged or unwritable cache must only cost speed.
import { cpSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureProject } from '../bench/generate.mjs';
import { build, release, validate } from '../src/api.js';
import { diskCache, memoryCache } from '../src/cache/cache.js';
import { root } from './support/fixtures.js';
import { spawnCliAsync } from './support/cli.js';
import { copySample, editFile, snapshotTree, tempDir } from './support/project.js';

let generated: {
  dir: string;
  project: string;
  meta: { id: string; buildDate: string; next: { file: string; effective: string; translations: Record<string, string> } };
};

/** A fresh copy of the generated 4-version project. */
function copyProject(): string {
  const dir = tempDir('policyc-cache-');
  cpSync(generated.project, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  generated = await ensureProject({ size: 'tiny', seed: 1, work: tempDir('policyc-cache-work-') });
}, 120_000);

describe('build cache', () => {
  it('gives byte-identical output cold, warm and without a cache, and a warm build renders nothing again', async () => {
    const cwd = copyProject();
    const date = generated.meta.buildDate;
    const plain = await build({ cwd, out: 'plain', date, cache: false });
    expect(plain.written.length).toBeGreaterThan(20);
    expect(existsSync(path.join(cwd, 'node_modules'))).toBe(false);

    const cold = diskCache(path.join(cwd, 'cache'));
    await build({ cwd, out: 'cold', date, cache: cold });
    expect(cold.stats).toMatchObject({ hits: 0, writes: expect.any(Number) });
    expect(cold.stats.writes).toBeGreaterThan(10);

    const warm = diskCache(path.join(cwd, 'cache'));
    await build({ cwd, out: 'warm', date, cache: warm });
    // A release's findings kept, what judging it read (its places, its change set) need not be read again.
    expect(warm.stats).toMatchObject({ misses: 0, writes: 0 });
    expect(warm.stats.hits).toBeGreaterThan(10);

    expect(snapshotTree(path.join(cwd, 'cold'))).toEqual(snapshotTree(path.join(cwd, 'plain')));
    expect(snapshotTree(path.join(cwd, 'warm'))).toEqual(snapshotTree(path.join(cwd, 'plain')));
  });

  it('after one more release, renders only the new version and the pages that name it', async () => {
    const cwd = copyProject();
    const { id, next, buildDate } = generated.meta;
    const cache = memoryCache();
    await build({ cwd, out: 'before', date: buildDate, cache });
    const versions = (await validate({ cwd })).documents[0]!.releases.length;

    copyFileSync(path.join(generated.dir, next.file), path.join(cwd, 'policy', `${id}.yaml`));
    for (const [locale, file] of Object.entries(next.translations))
      copyFileSync(path.join(generated.dir, file), path.join(cwd, 'policy', `${id}.${locale}.yaml`));
    // Released with the 30 days' notice its material changes need.
    const noticed = new Date(Date.parse(`${next.effective}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const released = await release({ cwd, effective: next.effective, today: buildDate, released: noticed, cache });
    expect(released.plan?.version).toBeDefined();

    const after = memoryCache();
    for (const [key, value] of cache.entries) after.entries.set(key, value);
    await build({ cwd, out: 'after', date: buildDate, cache: after });
    // Missed: the new snapshot and its change set; the pages of the new version, of the version before it (its
    // `next` link) and of the current version (it announces the new one), the index, and the new redline; and the
    // compliance findings of the version before it, whose period the new one closes; and, in each of the
    // document's two languages, the versions list, changelog and feed, and the notification e-mail (they name it).
    expect(after.stats.misses).toBeLessThanOrEqual(13);
    expect(after.stats.hits).toBeGreaterThanOrEqual(2 * versions - 2);
    expect(snapshotTree(path.join(cwd, 'after'))).toEqual(
      snapshotTree((await build({ cwd, out: 'fresh', date: buildDate, cache: false })).out),
    );
  });

  it('renders again when a template or a locale file changes', async () => {
    const cwd = copyProject();
    const date = generated.meta.buildDate;
    const cache = path.join(cwd, 'cache');
    await build({ cwd, out: 'one', date, cache });
    mkdirSync(path.join(cwd, 'templates/locales'), { recursive: true });
    const en = JSON.parse(readFileSync(path.join(root, 'templates/locales/en.json'), 'utf8'));
    en.versions.previous = 'The version before';
    writeFileSync(path.join(cwd, 'templates/locales/en.json'), JSON.stringify(en));
    const again = diskCache(cache);
    await build({ cwd, out: 'two', date, cache: again });
    expect(again.stats.misses).toBeGreaterThan(0);
    const page = readdirSync(path.join(cwd, 'two/privacy/v'))
      .map((v) => readFileSync(path.join(cwd, 'two/privacy/v', v, 'index.html'), 'utf8'))
      .join('');
    expect(page).toContain('The version before');
    expect(snapshotTree(path.join(cwd, 'two'))).toEqual(snapshotTree((await build({ cwd, out: 'fresh', date, cache: false })).out));
  });

  it('reads a damaged entry as a miss, and still builds when the cache cannot be written', async () => {
    const cwd = copyProject();
    const date = generated.meta.buildDate;
    const dir = path.join(cwd, 'cache');
    await build({ cwd, out: 'one', date, cache: dir });
    // Truncate every entry: each is then a miss, computed again, and rewritten whole.
    for (const bucket of readdirSync(dir)) {
      for (const name of readdirSync(path.join(dir, bucket))) {
        const file = path.join(dir, bucket, name);
        writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
      }
    }
    const damaged = diskCache(dir);
    await build({ cwd, out: 'two', date, cache: damaged });
    expect(damaged.stats.hits).toBe(0);
    expect(snapshotTree(path.join(cwd, 'two'))).toEqual(snapshotTree(path.join(cwd, 'one')));

    // A file where the cache folder should be: nothing can be written, the build still succeeds.
    writeFileSync(path.join(cwd, 'blocked'), 'not a folder');
    const blocked = await build({ cwd, out: 'three', date, cache: 'blocked' });
    expect(blocked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(snapshotTree(path.join(cwd, 'three'))).toEqual(snapshotTree(path.join(cwd, 'one')));
  });

  it('never trusts the cache over the history: a tampered snapshot is still reported', async () => {
    const cwd = copySample();
    await build({ cwd, out: 'one', date: '2027-01-01', cache: 'cache' });
    editFile(path.join(cwd, 'policy/history/privacy/1.0.0.yaml'), 'SmartFocus', 'SmartFocks');
    const result = await validate({ cwd, cache: 'cache' });
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('history-snapshot-modified');
  });

  it('prunes entries no build has used for 14 days, and leftovers of killed builds', () => {
    const dir = tempDir('policyc-cache-prune-');
    const cache = diskCache(dir);
    const [old, recent, killed] = ['01', '02', '03'].map((n) => `aa${n}${'0'.repeat(60)}`) as [string, string, string];
    cache.set(old, 'old');
    cache.set(recent, 'recent');
    const leftover = `${killed}.tmp-999-0123abcd`;
    writeFileSync(path.join(dir, 'aa', leftover), 'policyc-cache/2 half');
    const now = Date.now();
    const days = (n: number) => new Date(now - n * 24 * 60 * 60 * 1000);
    utimesSync(path.join(dir, 'aa', old), days(15), days(15));
    utimesSync(path.join(dir, 'aa', recent), days(13), days(13));
    utimesSync(path.join(dir, 'aa', leftover), days(1), days(1));
    expect(cache.prune(now)).toBe(2);
    expect(readdirSync(path.join(dir, 'aa'))).toEqual([recent]);
    expect(diskCache(dir).get(recent)).toBe('recent');
  });

  it('is on by default in the CLI, in node_modules/.cache/policyc, and off with --no-cache', async () => {
    const cwd = copySample();
    const policyc = async (args: string[]) => expect((await spawnCliAsync(args, { cwd })).code).toBe(0);
    await policyc(['build', '--no-cache', '--date', '2027-01-01']);
    expect(existsSync(path.join(cwd, 'node_modules'))).toBe(false);
    await policyc(['build', '--date', '2027-01-01']);
    expect(readdirSync(path.join(cwd, 'node_modules/.cache/policyc')).length).toBeGreaterThan(0);
    const other = path.join(cwd, 'elsewhere');
    await policyc(['validate', '--cache', other]);
    expect(readdirSync(other).length).toBeGreaterThan(0);
  });
});
