import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './fixtures.js';

/** The temporary folders made by this test file, removed after it (test/support/setup.ts). */
const made: string[] = [];

/** A fresh temporary folder, removed when the test file is done (set POLICYC_KEEP_TEMP=1 to keep it). */
export function tempDir(prefix = 'policyc-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Make every folder below `dir` writable again (a test may have taken the permission away). */
function unlock(dir: string): void {
  try {
    if (!lstatSync(dir).isDirectory()) return;
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) unlock(path.join(dir, name));
  } catch {
    // Gone already, or not ours to change: removal reports what is left.
  }
}

/** Remove the temporary folders this test file made; returns the ones that could not be removed. */
export function removeTempDirs(): string[] {
  const left: string[] = [];
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      unlock(dir);
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        left.push(dir);
      }
    }
  }
  return left;
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
