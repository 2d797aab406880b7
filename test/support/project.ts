import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './fixtures.js';

/** A fresh temporary folder. */
export function tempDir(prefix = 'policyc-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A scratch copy of the sample project (policy/ only), in a fresh temporary folder. */
export function copySample(): string {
  const dir = tempDir();
  cpSync(path.join(root, 'policy'), path.join(dir, 'policy'), { recursive: true });
  return dir;
}

/** Every file below `dir`, as relative path -> bytes, for comparing trees. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out.set(rel, readFileSync(path.join(dir, rel), 'latin1'));
    }
  };
  walk('');
  return out;
}

/** Replace text in a file, failing loudly when the text is not there (so a test never edits nothing). */
export function editFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`edit did not apply: ${from}`);
  writeFileSync(file, text.replace(from, to));
}
