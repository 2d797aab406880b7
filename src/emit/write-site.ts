import { mkdirSync, writeFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Another process holds the output folder's lock. */
export class OutputLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`Another policyc (process ${pid}) is writing this output folder`);
  }
}

/** A new output tree being written beside the output folder, which it replaces on `commit`. */
export interface StagedSite {
  /** Write one file of the new tree (synchronously: pages are written as they are rendered, never all held in memory). */
  set(name: string, content: string | Uint8Array): void;
  /** Whether the new tree has the file. */
  has(name: string): boolean;
  /** The files written so far, in the order written. */
  keys(): IterableIterator<string>;
  /** Replace the output folder with the new tree, atomically, and release the lock. */
  commit(): Promise<void>;
  /** Drop the new tree, leaving the output folder as it was, and release the lock. */
  abort(): Promise<void>;
}

/**
 * Start writing a site atomically: files go into a fresh folder beside
 * `outDir`, which then replaces `outDir` by rename. Until `commit`, the
 * previous `outDir` is untouched; files that no longer belong are gone after.
 * A lock beside the folder keeps two builds from interleaving (taken here,
 * released by `commit` or `abort`); a build killed between the two renames of
 * the swap is repaired by the next one.
 */
export async function stageSite(outDir: string): Promise<StagedSite> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  await mkdir(parent, { recursive: true });
  const release = await lock(path.join(parent, `.${base}.lock`));
  const staging = path.join(parent, `.${base}.tmp-${process.pid}`);
  const retired = path.join(parent, `.${base}.old-${process.pid}`);
  try {
    await recover(parent, base);
    await mkdir(staging, { recursive: true });
  } catch (error) {
    await release();
    throw error;
  }
  const written = new Set<string>();
  const folders = new Set<string>([staging]);
  const abort = async () => {
    try {
      await rm(staging, { recursive: true, force: true });
    } finally {
      await release();
    }
  };
  return {
    set(name, content) {
      const file = path.join(staging, name);
      if (!file.startsWith(staging + path.sep)) throw new Error(`Refusing to write outside the output folder: ${name}`);
      const folder = path.dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, content);
      written.add(name);
    },
    has: (name) => written.has(name),
    keys: () => written.keys(),
    async commit() {
      try {
        const hadPrevious = await exists(target);
        if (hadPrevious) await rename(target, retired);
        await rename(staging, target);
        if (hadPrevious) await rm(retired, { recursive: true, force: true });
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      } finally {
        await release();
      }
    },
    abort,
  };
}

/** Write a whole site atomically (see `stageSite`). */
export async function writeSite(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const site = await stageSite(outDir);
  try {
    for (const [name, content] of files) site.set(name, content);
  } catch (error) {
    await site.abort();
    throw error;
  }
  await site.commit();
}

/**
 * Take the lock file (its content: our pid), or fail with `OutputLockedError`
 * while its owner lives. A lock left by a killed process is taken over.
 */
async function lock(lockFile: string): Promise<() => Promise<void>> {
  // The lock appears whole: our pid is written to a file of our own, then linked to the lock's name (link() never replaces a file).
  const mine = `${lockFile}.${process.pid}`;
  await writeFile(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(mine, lockFile);
        return () => rm(lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) throw new OutputLockedError(lockFile, owner);
      // The owner is gone (killed): take its lock over, once.
      if (attempt > 0) throw new OutputLockedError(lockFile, owner);
      await rm(lockFile, { force: true });
    }
  } finally {
    await rm(mine, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Repair what a killed build left beside the output folder (we hold the
 * lock, so nobody else is writing): killed between the swap's two renames,
 * the output folder is missing and the retired tree is the last complete one,
 * so it goes back; every other leftover is deleted.
 */
async function recover(parent: string, base: string): Promise<void> {
  const names = await readdir(parent);
  const deadOwner = (prefix: string) => (name: string) => name.startsWith(prefix) && !alive(Number(name.slice(prefix.length)));
  const leftovers = names.filter((name) => name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`) || deadOwner(`.${base}.lock.`)(name));
  const retired = leftovers.filter((name) => name.startsWith(`.${base}.old-`));
  if (retired.length && !(await exists(path.join(parent, base)))) {
    await rename(path.join(parent, retired[0]!), path.join(parent, base));
  }
  await Promise.all(leftovers.map((name) => rm(path.join(parent, name), { recursive: true, force: true })));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
