import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a site atomically: every file goes into a fresh folder beside
 * `outDir`, which then replaces `outDir` by rename. A failure before the swap
 * leaves the previous `outDir` untouched; files that no longer belong are gone.
 */
export async function writeSite(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const staging = path.join(parent, `.${base}.tmp-${process.pid}`);
  const retired = path.join(parent, `.${base}.old-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const file = path.join(staging, name);
      if (!file.startsWith(staging + path.sep)) throw new Error(`Refusing to write outside the output folder: ${name}`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    await mkdir(staging, { recursive: true });
    const hadPrevious = await exists(target);
    if (hadPrevious) await rename(target, retired);
    await rename(staging, target);
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
