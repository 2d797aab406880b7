import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { codeOf, noBlock, noFollow } from './secret.js';

/*
 * The disk cache's folder as files: the names it files entries under, and
 * looking at them without ever following a symbolic link.
 */

/** Entry names are cache keys (`cacheKey` gives SHA-256 in hex), filed in a bucket named by their first two digits. */
export const keyPattern = /^[0-9a-f]{64}$/;
export const bucketPattern = /^[0-9a-f]{2}$/;
/** A temporary file of `set`: `<key>.tmp-<pid>-<8 hex>`. */
export const temporaryPattern = /^([0-9a-f]{64})\.tmp-\d+-[0-9a-f]{8}$/;
/** No page is this large; a file that is cannot be an entry, and is not read. */
const maxEntryBytes = 256 * 1024 * 1024;

/**
 * A link between the project and the cache folder, or the cache folder being
 * one, described for the warning; `undefined` when there is none (a missing
 * folder is made as a real one when first written).
 */
export function linkAbove(dir: string, root: string | undefined): string | undefined {
  const relative = root ? path.relative(root, dir) : '';
  const inside = root !== undefined && relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const parts = inside ? relative.split(path.sep) : [];
  const chain = inside ? parts.map((_, i) => path.join(root, ...parts.slice(0, i + 1))) : [dir];
  for (const folder of chain) {
    const kind = kindOf(folder);
    if (kind === 'link')
      return folder === chain[chain.length - 1]
        ? 'is a symbolic link'
        : `lies in a symbolic link (\`${printable(path.relative(root!, folder))}\`)`;
    if (kind !== 'folder') return undefined;
  }
  return undefined;
}

/** A link directly in the cache folder or in one of its buckets (file types as readdir gives them, which never follows a link). */
export function linkInside(dir: string): string | undefined {
  for (const entry of entriesIn(dir)) {
    if (entry.isSymbolicLink()) return `holds a symbolic link (\`${printable(entry.name)}\`)`;
    if (!entry.isDirectory() || !bucketPattern.test(entry.name)) continue;
    const link = entriesIn(path.join(dir, entry.name)).find((e) => e.isSymbolicLink());
    if (link) return `holds a symbolic link (\`${entry.name}/${printable(link.name)}\`)`;
  }
  return undefined;
}

/** Open a regular file for reading without following a link: its descriptor, `'link'`, or `undefined` (absent, or not a regular file). */
export function openRegular(file: string): number | 'link' | undefined {
  // Where O_NOFOLLOW does not exist (Windows), the path is checked first.
  if (!noFollow && kindOf(file) === 'link') return 'link';
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | noFollow | noBlock);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ELOOP' || code === 'EMLINK' ? 'link' : undefined;
  }
  const stat = fstatSync(fd);
  if (stat.isFile() && stat.size <= maxEntryBytes) return fd;
  closeSync(fd);
  return undefined;
}

/** What is at a path, the path itself (a link is never followed). */
export function kindOf(file: string): 'link' | 'folder' | 'file' | 'other' | 'missing' {
  try {
    const stat = lstatSync(file);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function entriesIn(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The names in a folder; none when it cannot be read. */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A name for a message, with control and bidirectional characters replaced (a file name can hold any). */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '?');
}
