import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { link, lstat, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Another process holds the output folder's lock, or the lock's name is taken by something that is not a lock file. */
export class OutputLockedError extends Error {
  constructor(
    readonly lockFile: string,
    /** The owner's process id; undefined when the name is taken by a folder or other non-file. */
    readonly pid: number | undefined,
  ) {
    super(
      pid === undefined
        ? `${lockFile} is in the way of the lock and cannot be taken over`
        : `Another policyc (process ${pid}) is writing this output folder`,
    );
  }
}

/** What a lock file records: enough to tell a live owner from a stale lock without trusting the pid alone. */
interface LockRecord {
  host: string;
  pid: number;
  /** The owner's start time as the system counts it (Linux: clock ticks after boot), when known: a reused pid has another. */
  started?: string;
  /** When the lock was taken (ms since the epoch). */
  time: number;
}

/** A lock older than this is stale whatever it says: no build takes an hour. */
export const lockMaxAgeMs = 60 * 60 * 1000;

/** Locks this process holds now: a record naming this process is live only if it is one of these. */
const heldHere = new Set<string>();
let tempCounter = 0;

/**
 * Take the lock file, or fail with `OutputLockedError` while its owner lives.
 * The record (host, pid, start time, time) appears whole: it is written to a
 * file of our own, then linked to the lock's name (link() never replaces
 * anything, links included). A lock is stale, and taken over once, when it
 * cannot be read as a record (a committed `.dist.lock` holding `1`), names
 * another host, a process that is gone or started at another time (its pid
 * reused), or is older than `lockMaxAgeMs`. A lock name taken by a link or a
 * special file is removed unread (never followed); one taken by a folder is
 * reported.
 */
export async function takeLock(lockFile: string): Promise<() => Promise<void>> {
  const mine = `${lockFile}.${process.pid}.${tempCounter++}`;
  const started = startTime(process.pid);
  const record: LockRecord = { host: hostname(), pid: process.pid, ...(started ? { started } : {}), time: Date.now() };
  // `wx`: never written through a link or file planted at our temporary name.
  await rm(mine, { force: true });
  await writeFile(mine, `${JSON.stringify(record)}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(mine, lockFile);
        heldHere.add(lockFile);
        return async () => {
          heldHere.delete(lockFile);
          await rm(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(lockFile);
      if (owner !== 'stale') throw new OutputLockedError(lockFile, owner === 'folder' ? undefined : owner.pid);
      // Stale: take it over, once (rm removes a link itself, never its target); still there after that, it is in the way.
      if (attempt > 0) throw new OutputLockedError(lockFile, undefined);
      await rm(lockFile, { force: true });
    }
  } finally {
    await rm(mine, { force: true });
  }
}

/** The live owner of an existing lock, `stale` when there is none, or `folder` when the name is not a file at all. */
async function readOwner(lockFile: string): Promise<LockRecord | 'stale' | 'folder'> {
  const stats = await lstat(lockFile).catch(() => undefined);
  if (!stats) return 'stale';
  if (stats.isDirectory()) return 'folder';
  if (!stats.isFile()) return 'stale';
  const record = parseRecord(readSmallFile(lockFile));
  return record && isLive(record, lockFile) ? record : 'stale';
}

/** At most 4 KiB of a regular file, never through a link, never waiting on a FIFO; '' when it cannot be read. */
function readSmallFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return '';
  }
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(4096);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

function parseRecord(text: string): LockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockRecord> | null;
    if (!value || typeof value !== 'object') return undefined;
    const { host, pid, started, time } = value;
    if (typeof host !== 'string' || typeof time !== 'number' || !Number.isSafeInteger(pid) || pid! <= 0) return undefined;
    if (started !== undefined && typeof started !== 'string') return undefined;
    return { host, pid: pid!, ...(started !== undefined ? { started } : {}), time };
  } catch {
    return undefined;
  }
}

function isLive(record: LockRecord, lockFile: string): boolean {
  if (record.host !== hostname()) return false;
  const age = Date.now() - record.time;
  // A time far in the future is as untrustworthy as a very old one.
  if (age > lockMaxAgeMs || age < -60_000) return false;
  // This process's record: live while this process holds that lock (a build of the same process, such as a second `build()` call, waits its turn).
  if (record.pid === process.pid) return heldHere.has(lockFile) && record.started === startTime(process.pid);
  if (!alive(record.pid)) return false;
  const started = startTime(record.pid);
  return record.started === undefined || started === undefined || started === record.started;
}

/** Whether a process with this id exists (EPERM: it does, owned by someone else). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, as Linux records it (field 22 of `/proc/<pid>/stat`,
 * clock ticks after boot); undefined elsewhere. Two processes that share a pid
 * one after the other have different start times.
 */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}
