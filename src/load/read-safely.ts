import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * What reading a project file gave: its bytes, or why it was not read. A
 * pull request can put a symbolic link (to `/etc/passwd`, `/proc/self/environ`)
 * or a special file (`/dev/zero`, a FIFO) where a file is expected: those are
 * never opened through, so nothing of their target is read, shown or waited on.
 */
export type SafeRead =
  | { kind: 'file'; bytes: Buffer; size: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-regular'; what: string }
  | { kind: 'missing' };

// O_NOFOLLOW: the last component is not followed even if it became a link after lstat; O_NONBLOCK: opening a FIFO never waits.
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The kind tests that `Stats` and `Dirent` share. */
type EntryKind = Pick<Stats, 'isSymbolicLink' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** What a directory entry that is not a regular file is, in words. */
export function describeNonRegular(stats: EntryKind): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The entry's stats without following a link, or undefined when there is nothing there. */
export function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Read a regular file of at most `maxBytes` bytes, without following a link or opening a special file. */
export function readRegularFile(file: string, maxBytes: number): SafeRead {
  const before = lstatOrUndefined(file);
  if (!before) return { kind: 'missing' };
  if (!before.isFile()) return { kind: 'not-regular', what: describeNonRegular(before) };
  if (before.size > maxBytes) return { kind: 'too-large', size: before.size };
  let fd: number;
  try {
    fd = openSync(file, openFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'not-regular', what: 'a symbolic link' };
    if (code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    // What was opened is checked again: the name may have been replaced since lstat.
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { kind: 'not-regular', what: describeNonRegular(opened) };
    if (opened.ino !== before.ino || opened.dev !== before.dev)
      return { kind: 'not-regular', what: 'a file replaced while it was being read' };
    // One byte past the limit is enough to know the file is over it (it may have grown since fstat).
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, opened.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { kind: 'too-large', size: length };
        const grown = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { kind: 'file', bytes: buffer.subarray(0, length), size: length };
  } finally {
    closeSync(fd);
  }
}
