/**
 * `policyc serve`: rebuild the site in memory whenever the policy folder, the
 * templates folder or `policyc.config.json` changes, and serve it on the
 * loopback interface only (`build --watch` is watch.ts). Rebuilds run one at a
 * time, ~10 ms after a change (rebuild-loop.ts), reusing what the previous
 * one computed for what did not change (project/session.ts); answering
 * requests is http.ts, the error panel error-panel.ts, and the pages' live
 * reload after each rebuild live-reload.ts.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildSession, type BuildSession } from '../project/session.js';
import { compile, type BuildOptions } from '../project/site.js';
import type { SiteFiles } from '../publish/site.js';
import { listen, respond, send } from './http.js';
import { LiveChannel } from './live-reload.js';
import { crashed, errorCount, RebuildLoop } from './rebuild-loop.js';
import { watchTargets } from './watch-targets.js';

/** Options of `serve`: those of `build` (except `out`), and where to listen. */
export interface PreviewOptions extends Omit<BuildOptions, 'out'> {
  /** Also show a working document that differs from its latest release, at `<id>/draft/` (default: true, so edits are visible). */
  drafts?: boolean;
  /** TCP port; 0 picks any free port (default: 4000). */
  port?: number;
  /** A loopback address only: `127.0.0.1` (default), `localhost` or `::1`. The preview is never exposed to the network. */
  host?: string;
}

/** The outcome of one build of the preview. */
export interface BuildState {
  /** True when the build had no errors (and so `files` is this build's). */
  ok: boolean;
  /** This build's diagnostics (errors, warnings), sorted. */
  diagnostics: Diagnostic[];
  /** The files served: this build's when `ok`, else the last good build's (empty when there was none). */
  files: SiteFiles;
  /** 1 for the first build, then one more per rebuild. */
  generation: number;
}

/** A running preview server. */
export interface Preview {
  /** The server's address, such as `http://127.0.0.1:4000/`. */
  url: string;
  /** The latest build. */
  state(): BuildState;
  /** Stop watching and serving; waits for a rebuild in progress. */
  close(): Promise<void>;
  /** Resolves after the next rebuild finishes (one that starts after this call); rejects when the preview closes first. */
  rebuilt(): Promise<BuildState>;
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Build the site in memory and serve it over HTTP on 127.0.0.1, rebuilding
 * on every change. While the input has errors, the last good pages stay
 * served, each HTML page with a panel listing the diagnostics.
 * `log` receives one line per build (`rebuilt: 19 files`, `errors: 2 (showing the last good build)`)
 * and the address once listening (`serving http://127.0.0.1:4000/`).
 * Throws when the port is taken (`EADDRINUSE`) or out of range, or `host` is not a loopback address.
 */
export async function serve(options: PreviewOptions = {}, log: (line: string) => void = () => {}): Promise<Preview> {
  const host = options.host ?? '127.0.0.1';
  if (!loopback.has(host))
    throw new Error(`The preview listens on the loopback interface only (127.0.0.1, localhost or ::1), not \`${host}\``);
  const port = options.port ?? 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`The port must be a whole number from 0 to 65535, not ${port}`);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const settings = { ...options, cwd, drafts: options.drafts ?? true };
  let state: BuildState = { ok: false, diagnostics: [], files: new Map(), generation: 0 };
  let everGood = false;
  // A build's version: this run's id and its generation, so a page from an earlier run of `serve` reloads too.
  const run = randomUUID().slice(0, 8);
  const live = new LiveChannel(`${run}.0`);
  // What each rebuild leaves for the next: released versions' pages, the compiled templates, parsed snapshots.
  const session = buildSession();

  const loop = new RebuildLoop<BuildState>(watchTargets(settings), async () => {
    const first = state.generation === 0;
    let result: { diagnostics: Diagnostic[]; files?: SiteFiles };
    try {
      session.begin();
      result = await compileInMemory(settings, session);
    } catch (error) {
      result = { diagnostics: [crashed(cwd, error)] };
    }
    const ok = result.files !== undefined;
    if (ok) everGood = true;
    state = { ok, diagnostics: result.diagnostics, files: result.files ?? state.files, generation: state.generation + 1 };
    // The pages reload as soon as the new files are there.
    live.broadcast(`${run}.${state.generation}`);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    const warned = warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '';
    if (ok) log(`${first ? 'built' : 'rebuilt'}: ${state.files.size} files${warned}`);
    else log(`errors: ${errorCount(result.diagnostics)} (${everGood ? 'showing the last good build' : 'nothing built yet'})`);
    return state;
  });
  await loop.start();

  const server = createServer((request, response) => {
    try {
      respond(request, response, state, everGood, live);
    } catch {
      if (!response.headersSent) send(response, request, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else response.destroy();
    }
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  try {
    await listen(server, port, host);
  } catch (error) {
    await loop.close();
    throw error;
  }
  const url = `http://${host === '::1' ? '[::1]' : host}:${(server.address() as AddressInfo).port}/`;
  log(`serving ${url}`);
  let closing: Promise<void> | undefined;
  return {
    url,
    state: () => state,
    rebuilt: () => loop.next(),
    close: () =>
      (closing ??= (async () => {
        // Stop answering first, ending the pages' event streams and idle keep-alive connections, which would
        // otherwise hold the server open; then wait for a rebuild in progress.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        live.close();
        for (const socket of sockets) socket.destroy();
        await Promise.all([stopped, loop.close()]);
      })()),
  };
}

/** Validate and compile the site without writing it: the files, or the diagnostics that prevented them. */
export async function compileInMemory(
  options: Omit<BuildOptions, 'out'> & { cwd: string },
  session?: BuildSession,
): Promise<{ diagnostics: Diagnostic[]; files?: SiteFiles }> {
  const { diagnostics, files } = await compile(options, session);
  return files ? { diagnostics, files } : { diagnostics };
}
