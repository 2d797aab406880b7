/**
 * `policyc serve` and `policyc build --watch`: rebuild the site whenever the
 * policy folder, the templates folder or `policyc.config.json` changes.
 * `serve` keeps the site in memory and serves it on the loopback interface
 * only; `watch` writes it with `build()`. Both rebuild one at a time, after
 * changes have settled for ~100 ms.
 */
import { readdirSync, statSync, watch as watchFs, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { build, compile, type BuildOptions } from '../api.js';
import { configFileName } from '../config/config.js';
import { diagnostic, fileStart, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPretty } from '../report/report.js';
import type { SiteFiles } from '../render/site.js';

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

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Build the site in memory and serve it over HTTP on 127.0.0.1, rebuilding
 * on every change. While the input has errors, the last good pages stay
 * served, each HTML page with a panel listing the diagnostics.
 * `log` receives one line per build (`rebuilt: 19 files`, `errors: 2 (showing the last good build)`)
 * and the address once listening (`serving http://127.0.0.1:4000/`).
 * Throws when the port is taken (`EADDRINUSE`) or `host` is not a loopback address.
 */
export async function serve(options: PreviewOptions = {}, log: (line: string) => void = () => {}): Promise<Preview> {
  const host = options.host ?? '127.0.0.1';
  if (!loopback.has(host)) throw new Error(`The preview listens on the loopback interface only (127.0.0.1, localhost or ::1), not \`${host}\``);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const settings = { ...options, cwd, drafts: options.drafts ?? true };
  let state: BuildState = { ok: false, diagnostics: [], files: new Map(), generation: 0 };
  let everGood = false;

  const loop = new RebuildLoop<BuildState>(watchTargets(settings), async () => {
    const first = state.generation === 0;
    let result: { diagnostics: Diagnostic[]; files?: SiteFiles };
    try {
      result = await compileInMemory(settings);
    } catch (error) {
      result = { diagnostics: [crashed(cwd, error)] };
    }
    const ok = result.files !== undefined;
    if (ok) everGood = true;
    state = { ok, diagnostics: result.diagnostics, files: result.files ?? state.files, generation: state.generation + 1 };
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    const warned = warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '';
    if (ok) log(`${first ? 'built' : 'rebuilt'}: ${state.files.size} files${warned}`);
    else log(`errors: ${errorCount(result.diagnostics)} (${everGood ? 'showing the last good build' : 'nothing built yet'})`);
    return state;
  });
  await loop.start();

  const server = createServer((request, response) => {
    try {
      respond(request, response, state, everGood);
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
    await listen(server, options.port ?? 4000, host);
  } catch (error) {
    await loop.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}/`;
  log(`serving ${url}`);
  let closing: Promise<void> | undefined;
  return {
    url,
    state: () => state,
    rebuilt: () => loop.next(),
    close: () =>
      (closing ??= (async () => {
        await loop.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        });
      })()),
  };
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
  targets.ignore = (file) => file === out || file.startsWith(out + path.sep) || path.basename(file).startsWith(`.${path.basename(out)}.`);

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

/** Validate and compile the site without writing it: the files, or the diagnostics that prevented them. */
export async function compileInMemory(options: Omit<BuildOptions, 'out'> & { cwd: string }): Promise<{ diagnostics: Diagnostic[]; files?: SiteFiles }> {
  const { diagnostics, files } = await compile(options);
  return files ? { diagnostics, files } : { diagnostics };
}

function crashed(cwd: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic(path.basename(cwd) || cwd, fileStart, 'build-failed', 'build', `The build failed: ${message}`, { hint: 'Fix the cause and save again; the previous build is kept.' });
}

function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'error').length;
}

// ---------------------------------------------------------------------------
// Watching

/** What to watch: folders whole (policy, templates), and single names in a folder (the config file, and those folders themselves appearing). */
interface WatchTargets {
  trees: string[];
  names: Map<string, Set<string>>;
  ignore?: (file: string) => boolean;
}

function watchTargets(options: { cwd: string; policy?: string; templates?: string }): WatchTargets {
  const policyDir = path.resolve(options.cwd, options.policy ?? 'policy');
  const templatesDir = path.resolve(options.cwd, options.templates ?? 'templates');
  const names = new Map<string, Set<string>>();
  const add = (file: string) => {
    const dir = path.dirname(file);
    if (!names.has(dir)) names.set(dir, new Set());
    names.get(dir)!.add(path.basename(file));
  };
  add(path.join(options.cwd, configFileName));
  add(policyDir);
  add(templatesDir);
  return { trees: [policyDir, templatesDir], names };
}

/** Every folder below `dir` (itself included), or none when it does not exist. */
function foldersOf(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
  } catch {
    return [];
  }
  const out = [dir];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // removed while being listed: the next sync drops it
  }
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') out.push(...foldersOf(path.join(dir, entry.name)));
  }
  return out;
}

/**
 * The rebuild loop: watches folders one by one with `fs.watch` (portable,
 * unlike `recursive`), debounces events by `delay` ms, and runs `rebuild`
 * one at a time; changes during a rebuild cause exactly one more. After each
 * rebuild it watches folders that appeared and drops those that went.
 */
class RebuildLoop<S> {
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

// ---------------------------------------------------------------------------
// Serving

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.eml': 'message/rfc822',
};

/** The Content-Type of a site file, by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.posix.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The site path a request names (`privacy/index.html`), or undefined for a
 * path that is malformed or tries to leave the site (`..`, `.`, backslashes, NUL).
 */
export function sitePath(url: string): string | undefined {
  const raw = url.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\\\0]/.test(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((s, i) => s === '..' || s === '.' || (s === '' && i < segments.length - 1))) return undefined;
  const file = segments.join('/');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/** A `Host` header naming this machine by a loopback name (with or without a port). */
const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

function respond(request: IncomingMessage, response: ServerResponse, state: BuildState, everGood: boolean): void {
  // DNS rebinding: a web page can point a name of its own at 127.0.0.1 and then read the preview as same-origin.
  // Its requests carry that name in `Host`, so only loopback names are answered.
  if (!loopbackHost.test(request.headers.host ?? '')) {
    send(response, request, 403, 'text/plain; charset=utf-8', 'Forbidden: the preview answers only to localhost, 127.0.0.1 and [::1]\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, request, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    return;
  }
  const url = request.url ?? '/';
  const file = sitePath(url);
  const broken = !state.ok;
  if (file !== undefined) {
    const content = state.files.get(file);
    if (content !== undefined) {
      const type = contentTypeOf(file);
      send(response, request, 200, type, broken && typeof content === 'string' && type.startsWith('text/html') ? withPanel(content, state.diagnostics) : content);
      return;
    }
    if (!file.endsWith('index.html') && state.files.has(`${file}/index.html`)) {
      // A folder without its slash: redirect, so the page's relative links resolve.
      const [pathname, query] = splitQuery(url);
      response.setHeader('Location', `${pathname}/${query}`);
      send(response, request, 301, 'text/plain; charset=utf-8', 'Moved\n');
      return;
    }
  }
  if (broken && file !== undefined) {
    send(response, request, everGood ? 404 : 500, 'text/html; charset=utf-8', diagnosticsPage(state.diagnostics, everGood ? 'This page is not in the last good build.' : 'Nothing has been built yet: fix the errors above and save.'));
    return;
  }
  send(response, request, 404, 'text/html; charset=utf-8', notFoundPage(file === undefined ? '' : file));
}

function splitQuery(url: string): [string, string] {
  const at = url.search(/[?#]/);
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Uint8Array): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      if (error.code === 'EADDRINUSE') {
        const busy = new Error(`Port ${port} on ${host} is already in use: choose another with \`--port N\` (0 picks a free one)`) as NodeJS.ErrnoException;
        busy.code = 'EADDRINUSE';
        reject(busy);
      } else reject(error);
    };
    const listening = () => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, host);
  });
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The error panel: one line per diagnostic, `file:line:column  message  rule-id`
 * and its hint, every value escaped; errors listed, warnings folded away below them.
 */
export function diagnosticsPanel(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const others = diagnostics.filter((d) => d.severity !== 'error');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const list = (items: readonly Diagnostic[]) =>
    `<ul style="margin:0;padding:0;list-style:none">${items
      .map((d) => {
        const colour = d.severity === 'error' ? '#b00020' : d.severity === 'warning' ? '#8a5a00' : '#2b4a7a';
        const hint = d.hint ? `<br><span style="color:#444">hint: ${escape(d.hint)}</span>` : '';
        return (
          `<li style="margin:0.35em 0;padding-left:0.6em;border-left:3px solid ${colour};white-space:pre-wrap;overflow-wrap:anywhere">` +
          `<strong>${escape(`${d.file}:${d.line}:${d.column}`)}</strong>  ${escape(d.message)}  <code style="color:${colour}">${escape(d.ruleId)}</code>${hint}</li>`
        );
      })
      .join('')}</ul>`;
  const folded = others.length
    ? `<details style="margin-top:0.6em"><summary style="cursor:pointer">${plural(others.length, others.every((d) => d.severity === 'warning') ? 'warning' : 'other diagnostic')}</summary>${list(others)}</details>`
    : '';
  return (
    '<div role="alert" class="policyc-diagnostics" style="all:initial;display:block;box-sizing:border-box;margin:0;padding:1em 1.25em;' +
    'background:#fff5f5;color:#1a1a1a;border-bottom:3px solid #b00020;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;position:relative;z-index:2147483647">' +
    `<strong style="display:block;margin-bottom:0.4em;color:#b00020">policyc: ${plural(errors.length, 'error')}. This page is from the last good build; fix the input and save.</strong>` +
    `${list(errors)}${folded}</div>`
  );
}

/** A page with the diagnostics panel inserted right after `<body>` (or at the top, when there is no body tag). */
export function withPanel(html: string, diagnostics: readonly Diagnostic[]): string {
  const panel = diagnosticsPanel(diagnostics);
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return `${panel}\n${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${panel}${html.slice(at)}`;
}

function shell(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function diagnosticsPage(diagnostics: readonly Diagnostic[], note: string): string {
  return withPanel(shell('policyc: build errors', `<p style="font-family:system-ui,sans-serif;margin:1.5em">${escape(note)}</p>`), diagnostics);
}

function notFoundPage(file: string): string {
  const shown = file ? `<code>/${escape(file)}</code> is not part of the site.` : 'This address is not part of the site.';
  return shell('Not found', `<main style="font-family:system-ui,sans-serif;margin:1.5em"><h1>Not found</h1><p>${shown} <a href="/">Back to the index</a>.</p></main>`);
}
