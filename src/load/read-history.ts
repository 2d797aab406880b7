import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../history/manifest.js';
import type { HistoryFiles } from '../history/verify.js';
import { parse, type ParseSettings } from './parse.js';

/** The history folder of a policy folder: `policy/history/`. */
export function historyRoot(policyDir: string): string {
  return path.join(policyDir, 'history');
}

/** The suffix of a snapshot written by a release that has not yet recorded it in the manifest. */
export const pendingSuffix = '.pending';

/** Read every document history under `policy/history/<id>/`: the manifest and each snapshot, parsed and hashed. */
export async function readHistories(policyDir: string, display: (file: string) => string, settings: ParseSettings): Promise<HistoryFiles[]> {
  const root = historyRoot(policyDir);
  if (!existsSync(root)) return [];
  const out: HistoryFiles[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const manifestFile = path.join(dir, 'manifest.json');
    const history: HistoryFiles = { id: entry.name, dir: display(dir), manifestPath: display(manifestFile), snapshots: new Map() };
    if (existsSync(manifestFile)) history.manifestText = await readFile(manifestFile, 'utf8');
    const names = await readdir(dir);
    for (const file of names.sort()) {
      // A pending snapshot is one a release was writing when it was interrupted: it counts only once the manifest records it.
      const name = file.endsWith(pendingSuffix) ? file.slice(0, -pendingSuffix.length) : file;
      if (!/\.ya?ml$/.test(name) || (name !== file && (names.includes(name) || !history.manifestText?.includes(`"file": ${JSON.stringify(name)}`)))) continue;
      const absolute = path.join(dir, file);
      const shown = display(absolute);
      // Only the hash is kept: a snapshot verified before comes from the cache, and one that is parsed is read again then (snapshots are many and large).
      const read = () => readFileSync(absolute);
      const parseSnapshot = (bytes: Uint8Array = read()) => parse({ path: shown, bytes, size: bytes.length }, { ...settings, maxBytes: Math.max(settings.maxBytes, bytes.length) });
      history.snapshots.set(name, { path: shown, sha256: sha256(await readFile(absolute)), read, parse: parseSnapshot });
    }
    out.push(history);
  }
  return out;
}
