// Writing the output folder, in this process: the marker in every new tree, files kept inside the
// staging folder, the previous output retired and removed on commit, kept on abort or a failed commit,
// and the repair of what a killed build left beside it (its staging and retired folders, the temporary
// files of dead lock owners), including putting back a retired output when the output is missing.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outputMarker, outputMarkerContent } from '../../src/emit/output-folder.js';
import { OutputRefusedError, stageSite, writeSite } from '../../src/emit/write-site.js';
import { snapshotTree, tempDir } from '../support/project.js';

/** A pid no process has: above any pid_max (at most 2^22 on Linux). */
const deadPid = 2 ** 31 - 1;

/** A project folder with an output folder `site` in it (not created); `guard` protects the project only. */
function project() {
  const dir = tempDir();
  return { dir, out: path.join(dir, 'site'), guard: { cwd: dir, sources: [] } };
}

/** An output folder as a previous build left it. */
function previousOutput(out: string, files: Record<string, string> = { 'index.html': 'old\n', 'stale.html': 'gone\n' }): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, outputMarker), outputMarkerContent);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(out, name), text);
}

const marked = (files: Record<string, string>) => new Map([[outputMarker, outputMarkerContent], ...Object.entries(files)]);

beforeEach(() => {
  vi.stubEnv('HOME', tempDir('policyc-home-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('stageSite', () => {
  it('refuses a protected folder before touching anything, even one that holds the marker of a build', async () => {
    const { dir, guard } = project();
    const policy = path.join(dir, 'policy');
    previousOutput(policy, { 'privacy.yaml': 'id: privacy\n' });
    const before = snapshotTree(dir);
    const protectedGuard = { ...guard, sources: [{ name: 'policy folder', dir: policy }] };
    await expect(stageSite(policy, protectedGuard)).rejects.toThrow(OutputRefusedError);
    await expect(stageSite(policy, protectedGuard)).rejects.toThrow(/it is the policy folder/);
    expect(snapshotTree(dir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['policy']);
  });

  it('refuses a folder inside a protected one without creating the folders on the way', async () => {
    const { dir, guard } = project();
    const policy = path.join(dir, 'policy');
    mkdirSync(policy);
    const protectedGuard = { ...guard, sources: [{ name: 'policy folder', dir: policy }] };
    await expect(stageSite(path.join(policy, 'drafts/site'), protectedGuard)).rejects.toThrow(/it is inside the policy folder/);
    expect(readdirSync(policy)).toEqual([]);
  });

  it('writes the marker and the files into a staging folder, and commit replaces the previous output whole', async () => {
    const { dir, out, guard } = project();
    previousOutput(out);
    const site = await stageSite(out, guard);
    site.set('index.html', 'new\n');
    site.set('a/b/page.html', 'deep\n');
    site.set('a/other.html', 'near\n');
    site.set('logo.png', new Uint8Array([137, 80, 78, 71]));
    expect(site.has('index.html')).toBe(true);
    expect(site.has(outputMarker)).toBe(false);
    expect([...site.keys()]).toEqual(['index.html', 'a/b/page.html', 'a/other.html', 'logo.png']);
    // Until the commit the previous output is untouched; the new tree is staged beside it, under the lock.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['.site.lock', `.site.tmp-${process.pid}`, 'site']);
    expect(readFileSync(path.join(dir, `.site.tmp-${process.pid}`, outputMarker), 'utf8')).toBe(outputMarkerContent);
    await site.commit();
    expect(snapshotTree(out)).toEqual(
      marked({ 'a/b/page.html': 'deep\n', 'a/other.html': 'near\n', 'index.html': 'new\n', 'logo.png': '\x89PNG' }),
    );
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('creates a missing output folder, and its missing parents', async () => {
    const { dir, guard } = project();
    const out = path.join(dir, 'public/en/site');
    const site = await stageSite(out, guard);
    site.set('index.html', 'first\n');
    await site.commit();
    expect(snapshotTree(out)).toEqual(marked({ 'index.html': 'first\n' }));
    expect(readdirSync(path.join(dir, 'public/en'))).toEqual(['site']);
  });

  it('refuses to write a file outside the staging folder', async () => {
    const { dir, out, guard } = project();
    const site = await stageSite(out, guard);
    expect(() => site.set('../escape.html', 'x')).toThrow('Refusing to write outside the output folder: ../escape.html');
    expect(() => site.set('', 'x')).toThrow('Refusing to write outside the output folder: ');
    expect(() => site.set('a/../../escape.html', 'x')).toThrow('Refusing to write outside the output folder: a/../../escape.html');
    expect(site.has('../escape.html')).toBe(false);
    await site.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('abort drops the new tree, keeps the previous output, and releases the lock', async () => {
    const { dir, out, guard } = project();
    previousOutput(out);
    const before = snapshotTree(out);
    const site = await stageSite(out, guard);
    site.set('index.html', 'new\n');
    site.set('a/b/page.html', 'deep\n');
    await site.abort();
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['site']);
    // The lock is free again.
    await (await stageSite(out, guard)).abort();
  });

  it('a failed commit removes the staging folder, keeps the previous output and releases the lock', async () => {
    const { dir, out, guard } = project();
    previousOutput(out);
    const before = snapshotTree(out);
    const site = await stageSite(out, guard);
    site.set('a/index.html', 'new\n');
    // The retired tree's name taken by a folder that is not empty: the first rename of the swap fails.
    const retired = path.join(dir, `.site.old-${process.pid}`);
    mkdirSync(retired);
    writeFileSync(path.join(retired, 'other.txt'), 'other\n');
    await expect(site.commit()).rejects.toMatchObject({ code: 'ENOTEMPTY', syscall: 'rename' });
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([`.site.old-${process.pid}`, 'site']);
  });

  it('a commit whose staging folder was removed fails with the error of the swap, and releases the lock', async () => {
    const { dir, out, guard } = project();
    const site = await stageSite(out, guard);
    site.set('index.html', 'new\n');
    await rm(path.join(dir, `.site.tmp-${process.pid}`), { recursive: true });
    await expect(site.commit()).rejects.toMatchObject({ code: 'ENOENT', syscall: 'rename' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('abort after the staging folder was removed under it still succeeds and releases the lock', async () => {
    const { dir, out, guard } = project();
    const site = await stageSite(out, guard);
    site.set('index.html', 'new\n');
    await rm(path.join(dir, `.site.tmp-${process.pid}`), { recursive: true });
    await site.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder policyc did not build with OutputRefusedError, writing nothing', async () => {
    const { dir, guard } = project();
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/app.js'), 'console.log(1);\n');
    const reason = `it is not empty, and policyc did not build it (it has no \`${outputMarker}\` file)`;
    const refused = await stageSite('src', guard).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OutputRefusedError);
    expect(refused).toMatchObject({ outDir: 'src', reason, message: `Refusing to replace src: ${reason}` });
    expect(readdirSync(dir)).toEqual(['src']);
    expect(readdirSync(path.join(dir, 'src'))).toEqual(['app.js']);
  });
});

describe('stageSite repairs what a killed build left', () => {
  it('removes leftover staging and retired folders beside an existing output, and the temporary files of dead lock owners only', async () => {
    const { dir, out, guard } = project();
    previousOutput(out);
    const before = snapshotTree(out);
    previousOutput(path.join(dir, '.site.tmp-123'), { 'half.html': 'half\n' });
    previousOutput(path.join(dir, `.site.old-${process.ppid}`), { 'index.html': 'older\n' });
    writeFileSync(path.join(dir, `.site.lock.${deadPid}.0`), 'dead\n');
    writeFileSync(path.join(dir, `.site.lock.${process.ppid}.3`), 'live\n');
    // Another output folder's leftovers are not this one's.
    mkdirSync(path.join(dir, '.docs.tmp-123'));
    const site = await stageSite(out, guard);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([
      '.docs.tmp-123',
      '.site.lock',
      `.site.lock.${process.ppid}.3`,
      `.site.tmp-${process.pid}`,
      'site',
    ]);
    await site.abort();
    expect(readdirSync(dir).sort()).toEqual(['.docs.tmp-123', `.site.lock.${process.ppid}.3`, 'site']);
  });

  it('puts a retired output back when the output folder is missing (killed between the two renames)', async () => {
    const { dir, out, guard } = project();
    previousOutput(path.join(dir, `.site.old-${deadPid}`), { 'index.html': 'last complete\n' });
    previousOutput(path.join(dir, '.site.tmp-77'), { 'index.html': 'half\n' });
    const site = await stageSite(out, guard);
    expect(snapshotTree(out)).toEqual(marked({ 'index.html': 'last complete\n' }));
    expect(readdirSync(dir).sort()).toEqual(['.site.lock', `.site.tmp-${process.pid}`, 'site']);
    await site.abort();
    expect(snapshotTree(out)).toEqual(marked({ 'index.html': 'last complete\n' }));
  });

  it('refuses, under the lock, a retired folder put back that policyc did not build, and releases the lock', async () => {
    const { dir, out, guard } = project();
    mkdirSync(path.join(dir, '.site.old-55'));
    writeFileSync(path.join(dir, '.site.old-55/app.js'), 'console.log(1);\n');
    const reason = `it is not empty, and policyc did not build it (it has no \`${outputMarker}\` file)`;
    await expect(stageSite(out, guard)).rejects.toMatchObject({ outDir: out, reason });
    expect(readdirSync(dir)).toEqual(['site']);
    expect(readdirSync(out)).toEqual(['app.js']);
  });

  it('never puts back a staging folder, or a link planted under a retired name', async () => {
    const { dir, out, guard } = project();
    previousOutput(path.join(dir, '.site.tmp-77'), { 'index.html': 'half\n' });
    const elsewhere = tempDir();
    previousOutput(elsewhere, { 'index.html': 'theirs\n' });
    symlinkSync(elsewhere, path.join(dir, '.site.old-88'));
    const site = await stageSite(out, guard);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.site.lock', `.site.tmp-${process.pid}`]);
    await site.abort();
    expect(readdirSync(dir)).toEqual([]);
    // The link is removed, never its target.
    expect(lstatSync(elsewhere).isDirectory()).toBe(true);
    expect(readFileSync(path.join(elsewhere, 'index.html'), 'utf8')).toBe('theirs\n');
  });
});

describe('writeSite', () => {
  it('writes a whole site into the output folder, replacing the previous one', async () => {
    const { dir, out } = project();
    previousOutput(out);
    await writeSite(
      out,
      new Map<string, string | Uint8Array>([
        ['index.html', 'new\n'],
        ['en/page.html', 'page\n'],
      ]),
    );
    expect(snapshotTree(out)).toEqual(marked({ 'en/page.html': 'page\n', 'index.html': 'new\n' }));
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('writes nothing when a file is outside the output folder, and releases the lock', async () => {
    const { dir, out } = project();
    previousOutput(out);
    const before = snapshotTree(out);
    const files = new Map([
      ['index.html', 'new\n'],
      ['../escape.html', 'x'],
    ]);
    await expect(writeSite(out, files)).rejects.toThrow('Refusing to write outside the output folder: ../escape.html');
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['site']);
  });
});
