import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from './parse.js';

/** A translation's file name: `<id>.<locale>.yaml` (a document id has no dots). */
const translationName = /^[^.]+\.[^.]+\.ya?ml$/;

/** The policy documents of a folder: its `<id>.yaml` files, sorted by name (translations and sub-folders are not documents). */
export async function listPolicyFiles(policyDir: string): Promise<string[]> {
  const entries = await readdir(policyDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !translationName.test(e.name))
    .map((e) => path.join(policyDir, e.name))
    .sort();
}

/** The translations in a policy folder: its `<id>.<locale>.yaml` files, sorted by name. */
export async function listTranslationFiles(policyDir: string): Promise<string[]> {
  const entries = await readdir(policyDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && translationName.test(e.name))
    .map((e) => path.join(policyDir, e.name))
    .sort();
}

/** Read a file's bytes, refusing (without reading) one larger than `maxBytes`. */
export async function readSourceFile(file: string, maxBytes: number, displayPath = file): Promise<SourceFile> {
  const { size } = await stat(file);
  if (size > maxBytes) return { path: displayPath, size };
  const bytes = await readFile(file);
  // The size is what was read: the file may have changed since stat.
  return bytes.length > maxBytes ? { path: displayPath, size: bytes.length } : { path: displayPath, bytes, size: bytes.length };
}
