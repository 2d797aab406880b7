import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Live reload of the preview: pages served by `serve` (never files written by
 * `build`) load a small script from the preview itself, which listens for
 * server-sent events and reloads the page when a rebuild finishes, keeping
 * its scroll position. An external same-origin script (not an inline one)
 * works under a Content-Security-Policy allowing `'self'`; it reads nothing
 * from the input, so nothing can be printed unescaped.
 */

/** Where the preview serves its own files; no site file is served below it. */
export const livePrefix = '__policyc/';
export const eventsPath = `${livePrefix}events`;
export const scriptPath = `${livePrefix}live.js`;

/**
 * The script. The page's build version comes from its own tag's `data-build`;
 * the server sends the current version on connecting and after each rebuild,
 * so a rebuild between loading the page and connecting is not missed. While
 * the input is broken the server answers with the last good page under the
 * diagnostics panel, so reloading is all it takes to show or remove the panel.
 */
export const liveScript = `// policyc serve: reload this page when the preview rebuilds. Not part of the built site.
(function () {
  'use strict';
  var me = document.currentScript;
  var shown = me && me.getAttribute('data-build');
  var key = 'policyc-scroll:' + location.pathname + location.search;
  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); sessionStorage.removeItem(key); } catch (e) { saved = null; }
  if (saved && typeof saved.x === 'number' && typeof saved.y === 'number') {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    var restore = function () { window.scrollTo(saved.x, saved.y); };
    if (document.readyState === 'complete') restore(); else window.addEventListener('load', restore, { once: true });
  }
  if (typeof EventSource !== 'function') return;
  var source = new EventSource('/${eventsPath}');
  source.addEventListener('build', function (event) {
    if (event.data === shown) return;
    source.close();
    try { sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) { /* private mode: reload anyway */ }
    location.reload();
  });
  window.addEventListener('pagehide', function () { source.close(); });
})();
`;

/** The tag loading the script, for a page of build `version` (letters, digits, `.` and `-` only). */
export function liveTag(version: string): string {
  if (!/^[\w.-]+$/.test(version)) throw new Error(`Not a build version: ${version}`);
  return `<script src="/${scriptPath}" data-build="${version}" defer></script>`;
}

/** An HTML page with the live-reload tag: before `</head>`, else after `<body>`, else at the end (a fragment). */
export function withLiveReload(html: string, version: string): string {
  const tag = liveTag(version);
  const head = /<\/head\s*>/i.exec(html);
  if (head) return `${html.slice(0, head.index)}${tag}\n${html.slice(head.index)}`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (body) {
    const at = body.index + body[0].length;
    return `${html.slice(0, at)}\n${tag}${html.slice(at)}`;
  }
  return `${html}${html.endsWith('\n') || html === '' ? '' : '\n'}${tag}\n`;
}

/**
 * The open event streams. `broadcast` tells every page the new build version;
 * `close` ends them all, so that open streams never keep the server from stopping.
 */
export class LiveChannel {
  private readonly clients = new Set<ServerResponse>();
  private closed = false;

  constructor(private version: string) {}

  /** Answer a request for the event stream: the current version now, and each new one as it comes. */
  attach(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD' || this.closed) {
      response.end();
      return;
    }
    // Reconnect quickly after `serve` restarts; the version then differs, and the page reloads.
    response.write(`retry: 1000\n${event(this.version)}`);
    this.clients.add(response);
    const drop = () => this.clients.delete(response);
    request.on('close', drop);
    response.on('close', drop);
  }

  broadcast(version: string): void {
    this.version = version;
    for (const client of this.clients) client.write(event(version));
  }

  /** The latest build's version. */
  get current(): string {
    return this.version;
  }

  close(): void {
    this.closed = true;
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function event(version: string): string {
  return `event: build\ndata: ${version}\n\n`;
}
