import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  futimesSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cache, CacheStats } from './cache.js';
import { cacheSecret, cacheSecretFile, codeOf, noBlock, noFollow } from './secret.js';

/** Where a disk cache is, and what it trusts. */
export interface DiskCacheOptions {
  /** The project folder: no folder from it down to the cache may be a link (default: only the cache folder itself is checked). */
  root?: string;
  /** How the folder is named in a diagnostic (default: as given). */
  display?: string;
  /** The file holding the secret that authenticates entries (default: `cacheSecretFile()`, in the user's cache folder). */
  secretFile?: string;
}

/** A cache in a folder, with what it did and why it was not used, if it was not. */
export interface DiskCache extends Cache {
  stats: CacheStats;
  /** At most one warning: the folder, a folder above it in the project or something in it is a link, or the secret cannot be had; the cache is then not used. */
  readonly diagnostics: readonly Diagnostic[];
  /** Delete this cache's own entries unused for 14 days (and leftovers of killed runs); returns how many. */
  prune(now?: number): number;
}

const header = 'policyc-cache/2 ';
/** Entry names are cache keys (`cacheKey` gives SHA-256 in hex), filed in a bucket named by their first two digits. */
const keyPattern = /^[0-9a-f]{64}$/;
const bucketPattern = /^[0-9a-f]{2}$/;
/** A temporary file of `set`: `<key>.tmp-<pid>-<8 hex>`. */
const temporaryPattern = /^([0-9a-f]{64})\.tmp-\d+-[0-9a-f]{8}$/;
const macPattern = /^[0-9a-f]{64}$/;
/** No page is this large; a file that is cannot be an entry, and is not read. */
const maxEntryBytes = 256 * 1024 * 1024;
/** Entries no build has used for this long are deleted by `prune`. */
const maxIdleMs = 14 * 24 * 60 * 60 * 1000;
/** Temporary files this old were left by a killed run. */
const maxTemporaryIdleMs = 60 * 60 * 1000;

/**
 * A cache in a folder (`node_modules/.cache/policyc/` by default): one file
 * per entry, `<2 hex>/<key>`, written whole (a temporary file renamed into
 * place). Its first line holds an HMAC-SHA256 of the key and the value under
 * a secret kept outside the project (see `cacheSecret`), so an entry that
 * does not verify (damaged, planted, copied from another machine) is a miss.
 * Nothing is read or written through a symbolic link: a link where the
 * folder, a folder above it in the project, a bucket or an entry should be
 * makes the cache unused, with a `cache-unsafe` warning. Reading an entry
 * marks it used; `prune` deletes entries unused for 14 days.
 */
export function diskCache(dir: string, options: DiskCacheOptions = {}): DiskCache {
  const stats = { hits: 0, misses: 0, writes: 0 };
  const diagnostics: Diagnostic[] = [];
  const shown = printable(options.display ?? dir);
  // Off for good once a link or a missing secret is found; writes stop too when one fails (a read-only checkout, a full disk).
  let usable = true;
  let writable = true;
  let folderMade = false;
  const refuse = (ruleId: string, message: string, hint: string) => {
    if (usable) diagnostics.push(diagnostic(shown, fileStart, ruleId, 'cache', message, { hint, severity: 'warning' }));
    usable = false;
  };
  const unsafe = (where: string) =>
    refuse(
      'cache-unsafe',
      `The cache folder \`${shown}\` ${where}; the cache was not used`,
      'policyc never reads or writes through a link. Remove the link (the cache holds only what policyc can compute again), or choose another folder with `--cache DIR`; `--no-cache` runs without one.',
    );

  let secret: Buffer | undefined;
  const link = linkAbove(dir, options.root) ?? linkInside(dir);
  if (link) unsafe(link);
  else {
    const secretFile = options.secretFile ?? cacheSecretFile();
    const got = cacheSecret(secretFile);
    if ('secret' in got) secret = got.secret;
    else {
      refuse(
        'cache-key-unavailable',
        `The cache's key \`${printable(secretFile)}\` cannot be read or created (${printable(got.problem)}); the cache \`${shown}\` was not used`,
        'The key authenticates the entries and is kept outside the project. Make its folder writable by you, or set `POLICYC_CACHE_KEY_FILE` to a file policyc may create; `--no-cache` runs without the cache.',
      );
    }
  }

  /** The bucket folder of a key when it is a real folder; a link there makes the cache unsafe. */
  const bucketOf = (key: string): string | undefined => {
    const bucket = path.join(dir, key.slice(0, 2));
    const kind = kindOf(bucket);
    if (kind === 'link') unsafe(`holds a symbolic link (\`${key.slice(0, 2)}\`)`);
    return kind === 'folder' ? bucket : undefined;
  };
  /** The text of an entry file, opened without following a link; `undefined` when it is not there or not a regular file. */
  const readEntry = (file: string, key: string, touch: boolean): string | undefined => {
    const fd = openRegular(file);
    if (fd === 'link') unsafe(`holds a symbolic link (\`${key.slice(0, 2)}/${key}\`)`);
    if (typeof fd !== 'number') return undefined;
    try {
      const value = decode(readFileSync(fd, 'utf8'), key, secret!);
      if (value !== undefined && touch) {
        const now = new Date();
        try {
          // Through the open descriptor, so the time is set on the file read, never on what a link names.
          futimesSync(fd, now, now);
        } catch {
          // A cache this user may read but not touch (another user's): the entry still counts; only pruning sees it as idle.
        }
      }
      return value;
    } finally {
      closeSync(fd);
    }
  };

  return {
    stats,
    diagnostics,
    get(key) {
      let value: string | undefined;
      try {
        const bucket = usable && keyPattern.test(key) ? bucketOf(key) : undefined;
        value = bucket && readEntry(path.join(bucket, key), key, true);
      } catch {
        value = undefined;
      }
      // Found unsafe while reading: nothing from this folder is used.
      if (!usable) value = undefined;
      if (value === undefined) stats.misses++;
      else stats.hits++;
      return value;
    },
    set(key, value) {
      if (!usable || !writable || !keyPattern.test(key)) return;
      const bucket = path.join(dir, key.slice(0, 2));
      const file = path.join(bucket, key);
      const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        if (!folderMade) {
          mkdirSync(dir, { recursive: true });
          // The folders just made are real ones; one swapped for a link meanwhile is refused.
          const link = linkAbove(dir, options.root);
          if (link) return unsafe(link);
          folderMade = true;
        }
        try {
          mkdirSync(bucket);
        } catch (error) {
          if (codeOf(error) !== 'EEXIST') throw error;
        }
        if (!bucketOf(key)) throw new Error('not a folder');
        // O_EXCL never opens an existing file or link; the rename replaces whatever is at the entry's name, never what it points to.
        const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow, 0o644);
        try {
          writeFileSync(fd, `${header}${macOf(secret!, key, value).toString('hex')}\n${value}`);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, file);
        stats.writes++;
      } catch {
        writable = false;
        try {
          rmSync(temporary, { force: true });
        } catch {
          // Nothing was written.
        }
      }
    },
    prune(now = Date.now()) {
      if (!usable) return 0;
      const link = linkAbove(dir, options.root);
      if (link) {
        unsafe(link);
        return 0;
      }
      let removed = 0;
      for (const bucket of namesIn(dir)) {
        const folder = path.join(dir, bucket);
        // Only this cache's own buckets, and never through a link.
        if (!bucketPattern.test(bucket) || kindOf(folder) !== 'folder') continue;
        for (const name of namesIn(folder)) {
          const temporary = temporaryPattern.exec(name)?.[1];
          const key = temporary ?? (keyPattern.test(name) ? name : undefined);
          if (!key || !key.startsWith(bucket)) continue;
          const file = path.join(folder, name);
          try {
            const stat = lstatSync(file);
            if (!stat.isFile() || now - stat.mtimeMs <= (temporary ? maxTemporaryIdleMs : maxIdleMs)) continue;
            // Only what policyc wrote goes: a verified entry, or a temporary file that starts as an entry does.
            const own = temporary ? startsWithHeader(file) : readEntry(file, key, false) !== undefined;
            if (!own || !usable) continue;
            // unlink removes the name itself, never what a link would point to.
            unlinkSync(file);
            removed++;
          } catch {
            // Gone already: another build pruned it.
          }
        }
      }
      return removed;
    },
  };
}

/** The value of an entry's text when its MAC verifies under `secret` for `key`. */
function decode(text: string, key: string, secret: Buffer): string | undefined {
  const newline = text.indexOf('\n');
  if (!text.startsWith(header) || newline < 0) return undefined;
  const mac = text.slice(header.length, newline);
  if (!macPattern.test(mac)) return undefined;
  const value = text.slice(newline + 1);
  return timingSafeEqual(Buffer.from(mac, 'hex'), macOf(secret, key, value)) ? value : undefined;
}

function macOf(secret: Buffer, key: string, value: string): Buffer {
  return createHmac('sha256', secret).update(`${header}${key}\0`).update(value, 'utf8').digest();
}

/**
 * A link between the project and the cache folder, or the cache folder being
 * one, described for the warning; `undefined` when there is none (a missing
 * folder is made as a real one when first written).
 */
function linkAbove(dir: string, root: string | undefined): string | undefined {
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
function linkInside(dir: string): string | undefined {
  for (const entry of entriesIn(dir)) {
    if (entry.isSymbolicLink()) return `holds a symbolic link (\`${printable(entry.name)}\`)`;
    if (!entry.isDirectory() || !bucketPattern.test(entry.name)) continue;
    const link = entriesIn(path.join(dir, entry.name)).find((e) => e.isSymbolicLink());
    if (link) return `holds a symbolic link (\`${entry.name}/${printable(link.name)}\`)`;
  }
  return undefined;
}

/** Open a regular file for reading without following a link: its descriptor, `'link'`, or `undefined` (absent, or not a regular file). */
function openRegular(file: string): number | 'link' | undefined {
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

function startsWithHeader(file: string): boolean {
  const fd = openRegular(file);
  if (typeof fd !== 'number') return false;
  try {
    const head = Buffer.alloc(header.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === header;
  } finally {
    closeSync(fd);
  }
}

function kindOf(file: string): 'link' | 'folder' | 'file' | 'other' | 'missing' {
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

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A name for a message, with control and bidirectional characters replaced (a file name can hold any). */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '?');
}
