// The output folder's lock, in this process: the record it writes, a second acquirer refused, and which
// existing locks are live (refused) or stale (taken over): another host, a process that is gone or whose
// pid was reused (its start time differs, from /proc/<pid>/stat on Linux), a record too old or from the
// future, a record that is not one. The parent process (the test runner) stands for a live other build.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alive, lockMaxAgeMs, OutputLockedError, takeLock } from '../../src/emit/output-lock.js';
import { tempDir } from '../support/project.js';

const hasProc = existsSync('/proc/self/stat');

/** Field 22 of /proc/<pid>/stat (the start time in clock ticks after boot), read here independently of the code under test. */
function procStartTime(pid: number): string | undefined {
  if (!hasProc) return undefined;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').trimEnd();
  const close = stat.lastIndexOf(')');
  // Field 1 is the pid, field 2 the command name in parentheses; field 3 starts after ") ".
  return stat.slice(close + 2).split(' ')[22 - 3];
}

/** A pid no process has: above any pid_max (at most 2^22 on Linux). */
const deadPid = 2 ** 31 - 1;

/** A lock file path in a fresh folder. */
const lockPath = () => path.join(tempDir(), '.dist.lock');

/** Write a lock record (the live parent process by default, with its start time where known). */
function plant(lockFile: string, fields: Record<string, unknown> = {}): string {
  const started = procStartTime(process.ppid);
  const record = { host: hostname(), pid: process.ppid, ...(started ? { started } : {}), time: Date.now(), ...fields };
  const text = `${JSON.stringify(record)}\n`;
  writeFileSync(lockFile, text);
  return text;
}

/** Whether takeLock takes the lock over (then releases it) or is refused; the refusal's pid and message. */
async function attempt(lockFile: string): Promise<'taken' | { pid: number | undefined; message: string }> {
  try {
    const release = await takeLock(lockFile);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid });
    await release();
    return 'taken';
  } catch (error) {
    if (!(error instanceof OutputLockedError)) throw error;
    expect(error.lockFile).toBe(lockFile);
    return { pid: error.pid, message: error.message };
  }
}

const refusedBy = (pid: number) => ({ pid, message: `Another policyc (process ${pid}) is writing this output folder` });

afterEach(() => {
  vi.useRealTimers();
});

describe('takeLock', () => {
  it('writes a whole record (host, pid, start time, time) and leaves no temporary file', async () => {
    const lockFile = lockPath();
    const before = Date.now();
    const release = await takeLock(lockFile);
    const after = Date.now();
    const text = readFileSync(lockFile, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const record = JSON.parse(text) as { host: string; pid: number; started?: string; time: number };
    const started = procStartTime(process.pid);
    expect(record).toEqual({ host: hostname(), pid: process.pid, ...(started ? { started } : {}), time: record.time });
    if (hasProc) expect(record.started).toMatch(/^\d+$/);
    expect(record.time).toBeGreaterThanOrEqual(before);
    expect(record.time).toBeLessThanOrEqual(after);
    expect(readdirSync(path.dirname(lockFile))).toEqual(['.dist.lock']);
    await release();
    expect(readdirSync(path.dirname(lockFile))).toEqual([]);
    // Releasing a lock someone already removed is no error.
    await release();
  });

  it('refuses a second acquirer in this process while the first holds the lock, and lets it in after', async () => {
    const lockFile = lockPath();
    const release = await takeLock(lockFile);
    const held = readFileSync(lockFile, 'utf8');
    expect(await attempt(lockFile)).toEqual(refusedBy(process.pid));
    expect(readFileSync(lockFile, 'utf8')).toBe(held);
    expect(readdirSync(path.dirname(lockFile))).toEqual(['.dist.lock']);
    await release();
    expect(await attempt(lockFile)).toBe('taken');
  });

  it("refuses another live process's lock, with or without a start time, reading it without keeping it open", async () => {
    const lockFile = lockPath();
    const text = plant(lockFile);
    expect(await attempt(lockFile)).toEqual(refusedBy(process.ppid));
    expect(readFileSync(lockFile, 'utf8')).toBe(text);
    expect(readdirSync(path.dirname(lockFile))).toEqual(['.dist.lock']);
    if (existsSync('/proc/self/fd')) {
      const open = readdirSync('/proc/self/fd').map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      });
      expect(open).not.toContain(lockFile);
    }
    // As written where the start time is unknown.
    plant(lockFile, { started: undefined });
    expect(await attempt(lockFile)).toEqual(refusedBy(process.ppid));
  });

  it.skipIf(!hasProc)('takes over a lock whose pid is alive but started at another time (the pid reused)', async () => {
    const lockFile = lockPath();
    plant(lockFile, { started: `${Number(procStartTime(process.ppid)) + 1}` });
    expect(await attempt(lockFile)).toBe('taken');
  });

  it('takes over the lock of a process that is gone, or of another host', async () => {
    const lockFile = lockPath();
    plant(lockFile, { pid: deadPid, started: undefined });
    expect(await attempt(lockFile)).toBe('taken');
    plant(lockFile, { host: `not-${hostname()}` });
    expect(await attempt(lockFile)).toBe('taken');
  });

  it('takes over a record naming this process that this process does not hold', async () => {
    const lockFile = lockPath();
    const started = procStartTime(process.pid);
    plant(lockFile, { pid: process.pid, started });
    expect(await attempt(lockFile)).toBe('taken');
  });

  it('takes over a record naming this process with another start time, even while this process holds that lock', async () => {
    const lockFile = lockPath();
    const first = await takeLock(lockFile);
    plant(lockFile, { pid: process.pid, started: '0' });
    const second = await takeLock(lockFile);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
      pid: process.pid,
      ...(hasProc ? { started: procStartTime(process.pid) } : {}),
    });
    await second();
    await first();
  });

  it('is live up to lockMaxAgeMs old and up to a minute in the future, stale beyond', async () => {
    const now = Date.UTC(2030, 0, 1);
    vi.useFakeTimers({ toFake: ['Date'], now });
    const lockFile = lockPath();
    plant(lockFile, { time: now - lockMaxAgeMs });
    expect(await attempt(lockFile)).toEqual(refusedBy(process.ppid));
    plant(lockFile, { time: now - lockMaxAgeMs - 1 });
    expect(await attempt(lockFile)).toBe('taken');
    plant(lockFile, { time: now + 60_000 });
    expect(await attempt(lockFile)).toEqual(refusedBy(process.ppid));
    plant(lockFile, { time: now + 60_001 });
    expect(await attempt(lockFile)).toBe('taken');
    expect(lockMaxAgeMs).toBe(60 * 60 * 1000);
  });

  it('takes over a lock that is not a record: a committed `1`, JSON of another shape, a pid that is not a process id', async () => {
    const lockFile = lockPath();
    for (const text of ['1\n', 'null', '{}', '[1]', '{"host":', '']) {
      writeFileSync(lockFile, text);
      expect(await attempt(lockFile), text).toBe('taken');
    }
    // pid 0 and -1 would reach the process group or every process: never read as live.
    for (const pid of [0, -1, 1.5, `${process.ppid}`, null]) {
      plant(lockFile, { pid });
      expect(await attempt(lockFile), String(pid)).toBe('taken');
    }
    for (const fields of [{ host: 7 }, { time: `${Date.now()}` }, { started: 12 }, { started: null }]) {
      plant(lockFile, fields);
      expect(await attempt(lockFile), JSON.stringify(fields)).toBe('taken');
    }
  });

  it('removes a link at the lock name unread, never following it', async () => {
    const lockFile = lockPath();
    const victim = path.join(tempDir(), 'victim');
    const live = plant(victim);
    symlinkSync(victim, lockFile);
    expect(await attempt(lockFile)).toBe('taken');
    expect(readFileSync(victim, 'utf8')).toBe(live);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('reports a folder at the lock name as in the way, and keeps it', async () => {
    const lockFile = lockPath();
    mkdirSync(lockFile);
    writeFileSync(path.join(lockFile, 'keep.txt'), 'mine\n');
    expect(await attempt(lockFile)).toEqual({ pid: undefined, message: `${lockFile} is in the way of the lock and cannot be taken over` });
    expect(lstatSync(lockFile).isDirectory()).toBe(true);
    expect(readFileSync(path.join(lockFile, 'keep.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(path.dirname(lockFile))).toEqual(['.dist.lock']);
  });
});

describe('OutputLockedError', () => {
  it('names the owner, or the thing in the way', () => {
    expect(new OutputLockedError('/x/.dist.lock', 42).message).toBe('Another policyc (process 42) is writing this output folder');
    expect(new OutputLockedError('/x/.dist.lock', undefined).message).toBe(
      '/x/.dist.lock is in the way of the lock and cannot be taken over',
    );
  });
});

describe('alive', () => {
  it('is true for this process, its parent and pid 1 (EPERM when another user owns it), false for a pid no process has', () => {
    expect(alive(process.pid)).toBe(true);
    expect(alive(process.ppid)).toBe(true);
    expect(alive(1)).toBe(true);
    expect(alive(deadPid)).toBe(false);
  });
});
