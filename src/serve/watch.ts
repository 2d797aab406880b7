import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { build } from '../project/build.js';
import type { BuildOptions } from '../project/site.js';
import { formatPretty } from '../report/report.js';
import { crashed, errorCount, RebuildLoop } from './rebuild-loop.js';
import { isWithin, watchTargets } from './watch-targets.js';

/** Options of `watch`: those of `build`. */
export interface WatchOptions extends BuildOptions {
  /** Colour the diagnostics passed to `log`. */
  color?: boolean;
}

/** The outcome of one build of `watch`. */
export interface WatchState {
  /** True when the build had no errors and wrote the site. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Paths written, relative to `out`; empty when the build failed (the previous output is untouched). */
  written: string[];
  /** The output folder, absolute. */
  out: string;
  /** 1 for the first build, then one more per rebuild. */
  generation: number;
}

/** A running `build --watch`. */
export interface Watcher {
  /** The latest build. */
  state(): WatchState;
  /** Stop watching; waits for a rebuild in progress. */
  close(): Promise<void>;
  /** Resolves after the next rebuild finishes (one that starts after this call); rejects when the watcher closes first. */
  rebuilt(): Promise<WatchState>;
}

/**
 * `policyc build --watch`: build into `out` with `build()` (which writes
 * nothing on errors, keeping the previous output), then rebuild on every
 * change. `log` receives the diagnostics (formatted as by `validate`, one
 * line per call) and a line per build: `built: 19 files in dist`,
 * `rebuilt: 19 files in dist` or `errors: 2 (dist left as it was)`.
 */
export async function watch(options: WatchOptions = {}, log: (line: string) => void = () => {}): Promise<Watcher> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { color, ...buildOptions } = options;
  const out = path.resolve(cwd, options.out ?? 'dist');
  const shownOut = path.relative(cwd, out) || '.';
  let state: WatchState = { ok: false, diagnostics: [], written: [], out, generation: 0 };
  const targets = watchTargets({ ...options, cwd });
  // The build's own output (and its staging folders beside it) never triggers a rebuild.
  const ignoreCache = targets.ignore;
  targets.ignore = (file) =>
    isWithin(file, out) || path.basename(file).startsWith(`.${path.basename(out)}.`) || (ignoreCache?.(file) ?? false);

  const loop = new RebuildLoop<WatchState>(targets, async () => {
    const first = state.generation === 0;
    let diagnostics: Diagnostic[];
    let written: string[] = [];
    let sources = new Map<string, string>();
    try {
      const result = await build({ ...buildOptions, cwd, out });
      ({ diagnostics, written, sources } = result);
    } catch (error) {
      diagnostics = [crashed(cwd, error)];
    }
    const ok = !hasErrors(diagnostics) && written.length > 0;
    state = { ok, diagnostics, written, out, generation: state.generation + 1 };
    const report = formatPretty(diagnostics, { sources, ...(color ? { color } : {}) });
    for (const line of report.replace(/\n$/, '').split('\n')) if (report) log(line);
    if (ok) log(`${first ? 'built' : 'rebuilt'}: ${written.length} files in ${shownOut}`);
    else log(`errors: ${errorCount(diagnostics)} (${shownOut} left as it was)`);
    return state;
  });
  await loop.start();
  return { state: () => state, rebuilt: () => loop.next(), close: () => loop.close() };
}
