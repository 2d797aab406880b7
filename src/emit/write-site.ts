import { mkdirSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { outputFolderProblem, outputMarker, outputMarkerContent, realPath, type ProtectedFolders } from './output-folder.js';
import { alive, takeLock } from './output-lock.js';

export { OutputLockedError } from './output-lock.js';

/** The output folder must not be replaced (see `outputFolderProblem`): nothing was written. */
export class OutputRefusedError extends Error {
  constructor(
    readonly outDir: string,
    readonly reason: string,
  ) {
    super(`Refusing to replace ${outDir}: ${reason}`);
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
 *
 * Only a folder policyc built (it holds `outputMarker`, written into every new
 * tree), an empty folder or a missing one is replaced; any other, or one that
 * is or contains a protected folder (`guard`: by default the working
 * directory), fails with `OutputRefusedError`. An `outDir` that is a symbolic
 * link stays one: the tree replaces the folder it points to, staged beside it.
 */
export async function stageSite(outDir: string, guard: ProtectedFolders = { cwd: process.cwd(), sources: [] }): Promise<StagedSite> {
  const refusal = outputFolderProblem(outDir, guard);
  if (refusal) throw new OutputRefusedError(outDir, refusal);
  const target = realPath(path.resolve(guard.cwd, outDir));
  const parent = path.dirname(target);
  const base = path.basename(target);
  await mkdir(parent, { recursive: true });
  const release = await takeLock(path.join(parent, `.${base}.lock`));
  const staging = path.join(parent, `.${base}.tmp-${process.pid}`);
  const retired = path.join(parent, `.${base}.old-${process.pid}`);
  try {
    await recover(parent, base);
    // Checked again under the lock, after the repair: another process may have changed the folder since the first check.
    const late = outputFolderProblem(target, guard);
    if (late) throw new OutputRefusedError(outDir, late);
    await mkdir(staging);
    writeFileSync(path.join(staging, outputMarker), outputMarkerContent, { flag: 'wx' });
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
        const hadPrevious = (await lstatOrUndefined(target)) !== undefined;
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
 * Repair what a killed build left beside the output folder (we hold the
 * lock, so nobody else is writing): killed between the swap's two renames,
 * the output folder is missing and the retired tree is the last complete one,
 * so it goes back; every other leftover is deleted.
 */
async function recover(parent: string, base: string): Promise<void> {
  const names = await readdir(parent);
  // A lock's temporary file is `.<base>.lock.<pid>.<n>`: its owner's pid is the number after the prefix.
  const deadOwner = (prefix: string) => (name: string) => name.startsWith(prefix) && !alive(Number.parseInt(name.slice(prefix.length), 10));
  const leftovers = names.filter(
    (name) => name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`) || deadOwner(`.${base}.lock.`)(name),
  );
  // Only a real folder goes back (never a link planted under a leftover's name); rm removes links themselves, never their targets.
  const retired = [];
  for (const name of leftovers.filter((n) => n.startsWith(`.${base}.old-`)))
    if ((await lstatOrUndefined(path.join(parent, name)))?.isDirectory()) retired.push(name);
  if (retired.length && !(await lstatOrUndefined(path.join(parent, base)))) {
    await rename(path.join(parent, retired[0]!), path.join(parent, base));
  }
  await Promise.all(leftovers.map((name) => rm(path.join(parent, name), { recursive: true, force: true })));
}

async function lstatOrUndefined(file: string) {
  try {
    return await lstat(file);
  } catch {
    return undefined;
  }
}
