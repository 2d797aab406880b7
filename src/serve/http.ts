import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { diagnosticsPage, notFoundPage, withPanel } from './error-panel.js';
import { eventsPath, livePrefix, liveScript, scriptPath, withLiveReload, type LiveChannel } from './live-reload.js';
import type { BuildState } from './serve.js';

/** Content types by extension: text types name their charset (the build writes UTF-8). */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.eml': 'message/rfc822',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The Content-Type of a site file, by its extension; the build's feeds (`feed.xml`) are Atom. Unknown: bytes. */
export function contentTypeOf(file: string): string {
  const base = path.posix.basename(file).toLowerCase();
  if (base === 'feed.xml') return 'application/atom+xml; charset=utf-8';
  return contentTypes[path.posix.extname(base)] ?? 'application/octet-stream';
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

/**
 * Answer a request from the latest build: its file, or (while the input has errors) the last good one with the error panel, or an error page.
 * With `live`, every HTML page loads the live-reload script, and the preview's own addresses (`/__policyc/…`) answer.
 */
export function respond(
  request: IncomingMessage,
  response: ServerResponse,
  state: BuildState,
  everGood: boolean,
  live?: LiveChannel,
): void {
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
  // Every HTML answer, error pages included, reloads itself when the build changes.
  const html = (body: string) => (live ? withLiveReload(body, live.current) : body);
  if (live && file?.startsWith(livePrefix)) {
    respondLive(request, response, file, live);
    return;
  }
  if (file !== undefined) {
    const content = state.files.get(file);
    if (content !== undefined) {
      const type = contentTypeOf(file);
      send(response, request, 200, type, type.startsWith('text/html') ? previewPage(content, state, live) : content);
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
    send(
      response,
      request,
      everGood ? 404 : 500,
      'text/html; charset=utf-8',
      html(
        diagnosticsPage(
          state.diagnostics,
          everGood ? 'This page is not in the last good build.' : 'Nothing has been built yet: fix the errors above and save.',
        ),
      ),
    );
    return;
  }
  send(response, request, 404, 'text/html; charset=utf-8', html(notFoundPage(file === undefined ? '' : file)));
}

/** A page as the preview shows it: under the error panel while the input is broken, with the live-reload script. */
function previewPage(content: string | Uint8Array, state: BuildState, live: LiveChannel | undefined): string | Uint8Array {
  if (typeof content !== 'string') return content;
  const page = state.ok ? content : withPanel(content, state.diagnostics);
  return live ? withLiveReload(page, live.current) : page;
}

/** The preview's own addresses: the event stream and the script; nothing else below them. */
function respondLive(request: IncomingMessage, response: ServerResponse, file: string, live: LiveChannel): void {
  if (file === eventsPath) live.attach(request, response);
  else if (file === scriptPath) send(response, request, 200, 'text/javascript; charset=utf-8', liveScript);
  else send(response, request, 404, 'text/html; charset=utf-8', withLiveReload(notFoundPage(file), live.current));
}

function splitQuery(url: string): [string, string] {
  const at = url.search(/[?#]/);
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** Send a response with the preview's headers (never cached, never sniffed); no body for HEAD. */
export function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Uint8Array): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Listen on `port` at `host`; a port in use rejects with `EADDRINUSE` and a message saying what to do. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      if (error.code === 'EADDRINUSE') {
        const busy = new Error(
          `Port ${port} on ${host} is already in use: choose another with \`--port N\` (0 picks a free one)`,
        ) as NodeJS.ErrnoException;
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
