import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from './parse.js';
import { readRegularFile } from './read-safely.js';

/** A translation's file name: `<id>.<locale>.yaml` (a document id has no dots). */
const translationName = /^[^.]+\.[^.]+\.ya?ml$/;

/**
 * The policy documents of a folder: its `<id>.yaml` files, sorted by name (translations and sub-folders are not documents).
 * Links and special files with such a name are listed too, so that reading them reports them (they are never read through).
 */
export async function listPolicyFiles(policyDir: string): Promise<string[]> {
  const entries = await readdir(policyDir, { withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory() && /\.ya?ml$/.test(e.name) && !translationName.test(e.name))
    .map((e) => path.join(policyDir, e.name))
    .sort();
}

/** The translations in a policy folder: its `<id>.<locale>.yaml` files, sorted by name. */
export async function listTranslationFiles(policyDir: string): Promise<string[]> {
  const entries = await readdir(policyDir, { withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory() && translationName.test(e.name))
    .map((e) => path.join(policyDir, e.name))
    .sort();
}

/**
 * Read a file's bytes, refusing (without reading) one larger than `maxBytes`,
 * and a symbolic link or special file (never followed or opened: see `readRegularFile`).
 */
export async function readSourceFile(file: string, maxBytes: number, displayPath = file): Promise<SourceFile> {
  const read = readRegularFile(file, maxBytes);
  switch (read.kind) {
    case 'file':
      return { path: displayPath, bytes: read.bytes, size: read.size };
    case 'too-large':
      return { path: displayPath, size: read.size };
    case 'not-regular':
      return { path: displayPath, size: 0, notRegular: read.what };
    case 'missing':
      return { path: displayPath, size: 0, notRegular: 'gone (removed while it was being read)' };
  }
}
