import path from 'node:path';
import { watch as watchFs, type FSWatcher } from 'chokidar';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isWatched, type WatchTargets } from './watch-targets.js';

/**
 * The rebuild loop: watches the targets with chokidar (which follows editors
 * that save by writing a temporary file and renaming it over the original,
 * and folders created after start), debounces events by `delay` ms, and runs
 * `rebuild` one at a time; changes during a rebuild cause exactly one more.
 */
export class RebuildLoop<S> {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private running: Promise<void> | undefined;
  private started = 0;
  private closed = false;
  private waiters: { after: number; resolve: (state: S) => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly targets: WatchTargets,
    private readonly rebuild: () => Promise<S>,
    private readonly delay = 100,
  ) {}

  /** Watch (once the watcher has walked the folders, so no edit is missed), then run the first build. */
  async start(): Promise<void> {
    const watcher = watchFs([...this.targets.names.keys()], {
      ignoreInitial: true,
      // A function sees every path chokidar meets, so folders outside the targets are never walked.
      ignored: (file) => !isWatched(this.targets, path.resolve(file)),
    });
    this.watcher = watcher;
    watcher.on('all', (_event, file) => this.changed(path.resolve(file)));
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
