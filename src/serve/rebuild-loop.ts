import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { watch as watchFs, type FSWatcher } from 'chokidar';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isWatched, type WatchTargets } from './watch-targets.js';

/**
 * chokidar reports a file's first change and drops the others for this long
 * (its `change` throttle): a file it reported is looked at again after it, so
 * that a save written in several steps is never left half read.
 */
const throttleMs = 50;

/**
 * The rebuild loop: watches the targets with chokidar (which follows editors
 * that save by writing a temporary file and renaming it over the original,
 * and folders created after start), debounces events by `delay` ms, and runs
 * `rebuild` one at a time; changes during a rebuild cause exactly one more.
 * The debounce is short (the time from a save to the page is what people
 * wait for): it only gathers the events of one save, and a file that changes
 * again unreported within chokidar's throttle causes one more rebuild.
 */
export class RebuildLoop<S> {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly rechecks = new Map<string, NodeJS.Timeout>();
  private dirty = false;
  private running: Promise<void> | undefined;
  private started = 0;
  private closed = false;
  private waiters: { after: number; resolve: (state: S) => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly targets: WatchTargets,
    private readonly rebuild: () => Promise<S>,
    private readonly delay = 10,
  ) {}

  /** Watch (once the watcher has walked the folders, so no edit is missed), then run the first build. */
  async start(): Promise<void> {
    const watcher = watchFs([...this.targets.names.keys()], {
      ignoreInitial: true,
      // A function sees every path chokidar meets, so folders outside the targets are never walked.
      ignored: (file) => !isWatched(this.targets, path.resolve(file)),
    });
    this.watcher = watcher;
    watcher.on('all', (event, file, stats) => {
      const absolute = path.resolve(file);
      this.changed(absolute);
      if (event === 'add' || event === 'change') this.recheck(absolute, stats ?? statOf(absolute));
    });
    // A folder that cannot be read (removed while walked, no permission) is not fatal: rebuild, which reports what it finds.
    watcher.on('error', () => this.changed(''));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.dirty = true;
    await this.run();
  }

  /** A promise for the end of the next rebuild that starts after this call. */
  next(): Promise<S> {
    if (this.closed) return Promise.reject(new Error('The watcher is closed'));
    return new Promise<S>((resolve, reject) => this.waiters.push({ after: this.started, resolve, reject }));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const timer of this.rechecks.values()) clearTimeout(timer);
    this.rechecks.clear();
    await this.watcher?.close();
    await this.running;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('The watcher closed before the next rebuild'));
  }

  private changed(file: string) {
    if (this.closed || (file && this.targets.ignore?.(file))) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.dirty = true;
      void this.run();
    }, this.delay);
  }

  /** Once chokidar's throttle has passed, a file that differs from what it reported counts as changed again (and is looked at again). */
  private recheck(file: string, seen: Stats | undefined) {
    if (this.closed || this.targets.ignore?.(file)) return;
    clearTimeout(this.rechecks.get(file));
    const timer = setTimeout(() => {
      this.rechecks.delete(file);
      const now = statOf(file);
      if (!sameFile(seen, now)) {
        this.changed(file);
        this.recheck(file, now);
      }
    }, throttleMs + this.delay);
    timer.unref();
    this.rechecks.set(file, timer);
  }

  /** Run rebuilds until no change is pending; never two at once. */
  private run(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
      if (this.dirty && !this.closed) void this.run();
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    while (this.dirty && !this.closed) {
      this.dirty = false;
      const number = ++this.started;
      let state: S;
      try {
        state = await this.rebuild();
      } catch (error) {
        // A rebuild reports its own problems; this is a bug (or a throwing `log`): fail the waiters, keep watching.
        for (const waiter of this.waiters.filter((w) => w.after < number)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.reject(error instanceof Error ? error : new Error(String(error)));
        }
        continue;
      }
      for (const waiter of this.waiters.filter((w) => w.after < number)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(state);
      }
    }
  }
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether two looks at a file saw the same file, unchanged (a write moves its modification and change times). */
function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  if (!a || !b) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** The diagnostic of a rebuild that threw. */
export function crashed(cwd: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic(path.basename(cwd) || cwd, fileStart, 'build-failed', 'build', `The build failed: ${message}`, {
    hint: 'Fix the cause and save again; the previous build is kept.',
  });
}

/** The number of errors among diagnostics. */
export function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'error').length;
}
