import { watch as watchFs, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { foldersOf, type WatchTargets } from './watch-targets.js';

/**
 * The rebuild loop: watches folders one by one with `fs.watch` (portable,
 * unlike `recursive`), debounces events by `delay` ms, and runs `rebuild`
 * one at a time; changes during a rebuild cause exactly one more. After each
 * rebuild it watches folders that appeared and drops those that went.
 */
export class RebuildLoop<S> {
  private watchers = new Map<string, FSWatcher>();
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

  /** Watch, then run the first build. */
  async start(): Promise<void> {
    this.sync();
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
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    await this.running;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('The watcher closed before the next rebuild'));
  }

  private changed(file: string) {
    if (this.closed || this.targets.ignore?.(file)) return;
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
      if (this.sync()) this.dirty = true; // a folder appeared: read what may have landed in it before it was watched
      for (const waiter of this.waiters.filter((w) => w.after < number)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(state);
      }
    }
  }

  /** Watch the folders that exist now; returns true when a folder was added after the first sync. */
  private sync(): boolean {
    if (this.closed) return false;
    const initial = this.watchers.size === 0;
    const wanted = new Map<string, (name: string) => boolean>();
    for (const [dir, names] of this.targets.names) wanted.set(dir, (name) => names.has(name));
    for (const tree of this.targets.trees) for (const dir of foldersOf(tree)) wanted.set(dir, () => true);
    let added = false;
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const [dir, accepts] of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watchFs(dir, { persistent: true }, (_event, name) => {
          // A folder watched whole reacts to any entry; a parent folder only to the names it was asked for.
          const base = name === null ? undefined : String(name);
          if (base === undefined || accepts(base)) this.changed(base === undefined ? dir : path.join(dir, base));
        });
        watcher.on('error', () => {
          watcher.close();
          if (this.watchers.get(dir) === watcher) this.watchers.delete(dir);
          this.changed(dir);
        });
        this.watchers.set(dir, watcher);
        added = true;
      } catch {
        // The folder vanished between listing and watching; the next sync retries.
      }
    }
    return added && !initial;
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
