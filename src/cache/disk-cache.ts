import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  constants,
  futimesSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cache, CacheStats } from './cache.js';
import {
  bucketPattern,
  keyPattern,
  kindOf,
  linkAbove,
  linkInside,
  namesIn,
  openRegular,
  printable,
  temporaryPattern,
} from './cache-folder.js';
import { cacheSecret, cacheSecretFile, codeOf, noFollow } from './secret.js';

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
const macPattern = /^[0-9a-f]{64}$/;
/** Entries no build has used for this long are deleted by `prune`. */
const maxIdleMs = 14 * 24 * 60 * 60 * 1000;
/** Temporary files this old were left by a killed run. */
const maxTemporaryIdleMs = 60 * 60 * 1000;

/** One disk cache as its methods share it. */
interface CacheState {
  dir: string;
  root: string | undefined;
  /** The folder as diagnostics name it. */
  shown: string;
  stats: CacheStats;
  diagnostics: Diagnostic[];
  // Off for good once a link or a missing secret is found; writes stop too when one fails (a read-only checkout, a full disk).
  usable: boolean;
  writable: boolean;
  folderMade: boolean;
  /** Set whenever the cache is usable. */
  secret: Buffer | undefined;
}

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
  const state = openCache(dir, options);
  return {
    stats: state.stats,
    diagnostics: state.diagnostics,
    get(key) {
      return getEntry(state, key);
    },
    set(key, value) {
      setEntry(state, key, value);
    },
    prune(now = Date.now()) {
      return pruneEntries(state, now);
    },
  };
}

/** The state of a cache in `dir`: refused at once when a link is on the way or in it, or its secret cannot be had. */
function openCache(dir: string, options: DiskCacheOptions): CacheState {
  const state: CacheState = {
    dir,
    root: options.root,
    shown: printable(options.display ?? dir),
    stats: { hits: 0, misses: 0, writes: 0 },
    diagnostics: [],
    usable: true,
    writable: true,
    folderMade: false,
    secret: undefined,
  };
  const link = linkAbove(dir, options.root) ?? linkInside(dir);
  if (link) unsafe(state, link);
  else state.secret = secretOf(state, options.secretFile ?? cacheSecretFile());
  return state;
}

/** The secret in `secretFile`; when it cannot be read or created, the cache is refused. */
function secretOf(state: CacheState, secretFile: string): Buffer | undefined {
  const got = cacheSecret(secretFile);
  if ('secret' in got) return got.secret;
  refuse(
    state,
    'cache-key-unavailable',
    `The cache's key \`${printable(secretFile)}\` cannot be read or created (${printable(got.problem)}); the cache \`${state.shown}\` was not used`,
    'The key authenticates the entries and is kept outside the project. Make its folder writable by you, or set `POLICYC_CACHE_KEY_FILE` to a file policyc may create; `--no-cache` runs without the cache.',
  );
  return undefined;
}

/** Stop using the cache, with a warning the first time. */
function refuse(state: CacheState, ruleId: string, message: string, hint: string): void {
  if (state.usable) state.diagnostics.push(diagnostic(state.shown, fileStart, ruleId, 'cache', message, { hint, severity: 'warning' }));
  state.usable = false;
}

/** Stop using the cache because of a link (`where` says where it is). */
function unsafe(state: CacheState, where: string): void {
  refuse(
    state,
    'cache-unsafe',
    `The cache folder \`${state.shown}\` ${where}; the cache was not used`,
    'policyc never reads or writes through a link. Remove the link (the cache holds only what policyc can compute again), or choose another folder with `--cache DIR`; `--no-cache` runs without one.',
  );
}

/** The value under `key`, counted as a hit or a miss. */
function getEntry(state: CacheState, key: string): string | undefined {
  let value: string | undefined;
  try {
    const bucket = state.usable && keyPattern.test(key) ? bucketOf(state, key) : undefined;
    value = bucket && readEntry(state, path.join(bucket, key), key, true);
  } catch {
    value = undefined;
  }
  // Found unsafe while reading: nothing from this folder is used.
  if (!state.usable) value = undefined;
  if (value === undefined) state.stats.misses++;
  else state.stats.hits++;
  return value;
}

/** The bucket folder of a key when it is a real folder; a link there makes the cache unsafe. */
function bucketOf(state: CacheState, key: string): string | undefined {
  const bucket = path.join(state.dir, key.slice(0, 2));
  const kind = kindOf(bucket);
  if (kind === 'link') unsafe(state, `holds a symbolic link (\`${key.slice(0, 2)}\`)`);
  return kind === 'folder' ? bucket : undefined;
}

/** The value of an entry file when it verifies, opened without following a link; `undefined` when it is not there or not a regular file. */
function readEntry(state: CacheState, file: string, key: string, touch: boolean): string | undefined {
  const fd = openRegular(file);
  if (fd === 'link') unsafe(state, `holds a symbolic link (\`${key.slice(0, 2)}/${key}\`)`);
  if (typeof fd !== 'number') return undefined;
  try {
    const value = decode(readFileSync(fd, 'utf8'), key, state.secret!);
    if (value !== undefined && touch) markUsed(fd);
    return value;
  } finally {
    closeSync(fd);
  }
}

/** Set an open entry's time to now, so that `prune` sees it used. */
function markUsed(fd: number): void {
  const now = new Date();
  try {
    // Through the open descriptor, so the time is set on the file read, never on what a link names.
    futimesSync(fd, now, now);
  } catch {
    // A cache this user may read but not touch (another user's): the entry still counts; only pruning sees it as idle.
  }
}

/** Store `value` under `key`; a failed write turns writing off for the rest of the run. */
function setEntry(state: CacheState, key: string, value: string): void {
  if (!state.usable || !state.writable || !keyPattern.test(key)) return;
  const bucket = path.join(state.dir, key.slice(0, 2));
  const file = path.join(bucket, key);
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    if (!folderReady(state)) return;
    makeBucket(state, bucket, key);
    writeNew(temporary, `${header}${macOf(state.secret!, key, value).toString('hex')}\n${value}`);
    renameSync(temporary, file);
    state.stats.writes++;
  } catch {
    state.writable = false;
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Make the cache folder, once; `false` (and the cache unsafe) when a folder on the way is a link. */
function folderReady(state: CacheState): boolean {
  if (state.folderMade) return true;
  mkdirSync(state.dir, { recursive: true });
  // The folders just made are real ones; one swapped for a link meanwhile is refused.
  const link = linkAbove(state.dir, state.root);
  if (link) {
    unsafe(state, link);
    return false;
  }
  state.folderMade = true;
  return true;
}

/** Make the bucket of `key` unless it is there; throws when it is not a real folder. */
function makeBucket(state: CacheState, bucket: string, key: string): void {
  try {
    mkdirSync(bucket);
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
  }
  if (!bucketOf(state, key)) throw new Error('not a folder');
}

/** Write a file that does not exist yet. */
function writeNew(file: string, text: string): void {
  // O_EXCL never opens an existing file or link; the rename replaces whatever is at the entry's name, never what it points to.
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow, 0o644);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Delete the cache's own idle entries and leftover temporary files; how many. */
function pruneEntries(state: CacheState, now: number): number {
  if (!state.usable) return 0;
  const link = linkAbove(state.dir, state.root);
  if (link) {
    unsafe(state, link);
    return 0;
  }
  let removed = 0;
  for (const bucket of namesIn(state.dir)) {
    const folder = path.join(state.dir, bucket);
    // Only this cache's own buckets, and never through a link.
    if (!bucketPattern.test(bucket) || kindOf(folder) !== 'folder') continue;
    for (const name of namesIn(folder)) if (pruneFile(state, bucket, name, now)) removed++;
  }
  return removed;
}

/** Delete the file `name` of `bucket` when it is this cache's own and idle; whether it was deleted. */
function pruneFile(state: CacheState, bucket: string, name: string, now: number): boolean {
  const temporary = temporaryPattern.exec(name)?.[1];
  const key = temporary ?? (keyPattern.test(name) ? name : undefined);
  if (!key || !key.startsWith(bucket)) return false;
  const file = path.join(state.dir, bucket, name);
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || now - stat.mtimeMs <= (temporary ? maxTemporaryIdleMs : maxIdleMs)) return false;
    // Only what policyc wrote goes: a verified entry, or a temporary file that starts as an entry does.
    const own = temporary ? startsWithHeader(file) : readEntry(state, file, key, false) !== undefined;
    if (!own || !state.usable) return false;
    // unlink removes the name itself, never what a link would point to.
    unlinkSync(file);
    return true;
  } catch {
    // Gone already: another build pruned it.
    return false;
  }
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
