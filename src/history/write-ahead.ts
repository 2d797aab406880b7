import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pendingSuffix } from '../load/read-history.js';
import { serialiseManifest, type Manifest } from './manifest.js';

/** A file a release adds to a history folder: a snapshot of a version, a frozen translation, or a release note. */
export interface HistorySnapshot {
  /** Its name in the history folder. */
  file: string;
  text: string;
}

/**
 * Add snapshots to a history folder and record them in its manifest, so that
 * snapshot and entry always go together. Write-ahead: the snapshots go in as
 * `.pending` files (never over an existing file), the manifest's replacement
 * is the commit, then they take their names. Killed before the commit, the
 * pending files are ignored and removed by the next release; killed after it,
 * readers take them as the snapshots the manifest records and the next
 * release renames them (`settleHistory`).
 */
export async function commitSnapshots(historyDir: string, snapshots: readonly HistorySnapshot[], manifest: Manifest): Promise<void> {
  await mkdir(historyDir, { recursive: true });
  for (const snapshot of snapshots)
    await writeFile(path.join(historyDir, `${snapshot.file}${pendingSuffix}`), snapshot.text, { flag: 'wx' });
  await replaceFile(path.join(historyDir, 'manifest.json'), serialiseManifest(manifest));
  await settleHistory(historyDir, manifest);
}

/**
 * Finish or undo what an interrupted release left in a history folder:
 * pending snapshots the manifest records take their names (link() never
 * replaces a file), others are removed, as are half-written temporary files.
 */
export async function settleHistory(historyDir: string, manifest: Manifest | undefined): Promise<void> {
  const entries = [...(manifest?.releases ?? []), ...(manifest?.translations ?? [])];
  const recorded = new Set(entries.flatMap((e) => [e.file, ...(e.note ? [e.note.file] : [])]));
  for (const name of await readdir(historyDir)) {
    const file = path.join(historyDir, name);
    if (name.endsWith(pendingSuffix)) {
      const final = name.slice(0, -pendingSuffix.length);
      if (recorded.has(final) && !existsSync(path.join(historyDir, final))) await link(file, path.join(historyDir, final));
      await rm(file, { force: true });
    } else if (/\.tmp-\d+$/.test(name)) {
      await rm(file, { force: true });
    }
  }
}

/** Write a file by writing a sibling and renaming it over the original, so readers never see half of it. */
export async function replaceFile(file: string, content: string): Promise<void> {
  const staged = `${file}.tmp-${process.pid}`;
  await writeFile(staged, content);
  await rename(staged, file);
}
