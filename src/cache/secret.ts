import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The secret that authenticates cache entries. It lives in the user's cache
 * folder, outside every repository, so an entry committed to a repository or
 * planted in its cache folder never verifies: only runs on this machine, as
 * this user, can write entries the cache will use.
 */

/** The secret's length in bytes. */
const secretBytes = 32;

/** Opening never follows a link where the platform allows it (everywhere but Windows); elsewhere the path is lstat-checked first. */
export const noFollow = constants.O_NOFOLLOW ?? 0;
/** A FIFO planted where a file should be must not block the open. */
export const noBlock = constants.O_NONBLOCK ?? 0;

/**
 * Where the secret is kept: `$POLICYC_CACHE_KEY_FILE` when set (for tests and
 * unusual set-ups), else `policyc/key` in the user's cache folder
 * (`$XDG_CACHE_HOME`, or `~/.cache`; `%LOCALAPPDATA%` on Windows).
 */
export function cacheSecretFile(env: Record<string, string | undefined> = process.env): string {
  if (env.POLICYC_CACHE_KEY_FILE) return path.resolve(env.POLICYC_CACHE_KEY_FILE);
  const xdg = env.XDG_CACHE_HOME;
  const base =
    xdg && path.isAbsolute(xdg)
      ? xdg
      : process.platform === 'win32' && env.LOCALAPPDATA
        ? env.LOCALAPPDATA
        : path.join(homedir(), '.cache');
  return path.join(base, 'policyc', 'key');
}

// One read per file and process: every cache a run opens uses the same secret.
const known = new Map<string, Buffer>();

/** The secret in `file`, created (32 random bytes, mode 0600) when there is none; or why it cannot be had. */
export function cacheSecret(file: string): { secret: Buffer } | { problem: string } {
  const remembered = known.get(file);
  if (remembered) return { secret: remembered };
  try {
    const secret = readSecret(file) ?? (createSecret(file), readSecret(file));
    if (!secret) return { problem: 'it vanished as it was created' };
    known.set(file, secret);
    return { secret };
  } catch (error) {
    return { problem: reasonOf(error) };
  }
}

/** The secret, or `undefined` when the file does not exist; throws when it exists but cannot be trusted. */
function readSecret(file: string): Buffer | undefined {
  if (!noFollow && isLink(file)) throw new Error('it is a symbolic link');
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | noFollow | noBlock);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('it is not a regular file');
    if (stat.size !== secretBytes) throw new Error(`it is not ${secretBytes} bytes long`);
    if (process.platform !== 'win32') {
      // Anyone who can read the secret can forge entries; anyone who can write it can make this user's entries fail.
      if (process.getuid && stat.uid !== process.getuid()) throw new Error('it belongs to another user');
      if (stat.mode & 0o077) throw new Error('other users can read or write it (run `chmod 600` on it)');
    }
    const secret = Buffer.alloc(secretBytes);
    if (readSync(fd, secret, 0, secretBytes, 0) !== secretBytes) throw new Error('it could not be read whole');
    return secret;
  } finally {
    closeSync(fd);
  }
}

/** Write a new secret whole: into a temporary file, then linked into place, which never replaces a secret another run has just made. */
function createSecret(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow, 0o600);
  try {
    writeSync(fd, randomBytes(secretBytes));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    const code = codeOf(error);
    // EEXIST: another run made the secret first, and that one is used. A file system without hard links gets a rename.
    if (code !== 'EEXIST') {
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') renameSync(temporary, file);
      else throw error;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function codeOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function reasonOf(error: unknown): string {
  const code = codeOf(error);
  if (code === 'ELOOP' || code === 'EMLINK') return 'it is a symbolic link';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR') return 'a file stands where a folder should be';
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
