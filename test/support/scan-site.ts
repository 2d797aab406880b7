// The loopback test site of `policyc scan` (test/fixtures/scan-site/, whose
// README lists what it sets): the site on 127.0.0.1, a tracker on 127.0.0.2
// and an analytics host on 127.0.0.3, three sites to the browser. Every
// request is logged, so a test can tell what the scan never asked for.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { root } from './fixtures.js';

const folder = path.join(root, 'test/fixtures/scan-site');

type HostName = 'site' | 'tracker' | 'analytics';

interface Route {
  /** A file under test/fixtures/scan-site/, with `{{tracker}}` and `{{analytics}}` filled in. */
  file?: string;
  /** A redirect to this URL (same placeholders). */
  redirect?: string;
  /** Set-Cookie headers. */
  cookies?: string[];
}

const routes: Record<HostName, Record<string, Route>> = {
  site: {
    '/': { file: 'site/index.html', cookies: ['session_id=s1; Path=/; HttpOnly; SameSite=Lax'] },
    '/consent.js': { file: 'site/consent.js' },
    '/about.html': { file: 'site/about.html', cookies: ['lang=en; Path=/; Max-Age=2592000'] },
    '/deeper.html': { file: 'site/deeper.html', cookies: ['deep=1; Path=/'] },
    // A same-site link that leaves the site by a redirect.
    '/out': { redirect: '{{tracker}}/landing.html' },
    // One that leaves by script.
    '/moved.html': { file: 'site/moved.html' },
  },
  tracker: {
    '/tag.js': { file: 'tracker/tag.js' },
    // A third-party cookie must be SameSite=None and Secure (loopback counts as secure).
    '/widget.html': { file: 'tracker/widget.html', cookies: ['tp_uid=u1; Path=/; Max-Age=31536000; SameSite=None; Secure'] },
    '/elsewhere.html': { file: 'tracker/page.html', cookies: ['elsewhere=1; Path=/; SameSite=None; Secure'] },
    '/landing.html': { file: 'tracker/page.html', cookies: ['landed=1; Path=/; SameSite=None; Secure'] },
  },
  analytics: {
    '/collect': { cookies: ['an_id=a1; Path=/; Max-Age=7776000; SameSite=None; Secure'] },
  },
};

export interface ScanSite {
  /** The site's home page, `http://127.0.0.1:PORT/`. */
  url: string;
  /** The origins of the three hosts. */
  origins: Record<HostName, string>;
  /** The hosts as the browser sees them (`127.0.0.2`, or `tracker.localhost` in the fallback). */
  hosts: Record<HostName, string>;
  /** Every request, as `host path` (`tracker /widget.html`). */
  requests: string[];
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * Start the three servers. Linux routes all of 127.0.0.0/8 to the loopback
 * interface; where 127.0.0.2 cannot be bound (macOS without an alias), the
 * third parties listen on 127.0.0.1 too, named `tracker.localhost` and
 * `analytics.localhost`: Chromium resolves every *.localhost to loopback by
 * itself, and they are still other sites than 127.0.0.1.
 */
export async function startScanSite(): Promise<ScanSite> {
  const requests: string[] = [];
  const origins = {} as Record<HostName, string>;
  const hosts = {} as Record<HostName, string>;
  const servers: Server[] = [];
  const fill = (text: string) => text.replaceAll('{{tracker}}', origins.tracker).replaceAll('{{analytics}}', origins.analytics);
  const handler = (name: HostName) => (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(`${name} ${pathname}`);
    void answer(routes[name][pathname], fill, response);
  };
  const addresses: [HostName, string, string][] = [
    ['site', '127.0.0.1', '127.0.0.1'],
    ['tracker', '127.0.0.2', 'tracker.localhost'],
    ['analytics', '127.0.0.3', 'analytics.localhost'],
  ];
  for (const [name, address, fallback] of addresses) {
    const server = createServer(handler(name));
    servers.push(server);
    let host = address;
    try {
      await listen(server, address);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw error;
      host = fallback;
      await listen(server, '127.0.0.1');
    }
    hosts[name] = host;
    origins[name] = `http://${host}:${(server.address() as AddressInfo).port}`;
  }
  return {
    url: `${origins.site}/`,
    origins,
    hosts,
    requests,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

function listen(server: Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function answer(route: Route | undefined, fill: (text: string) => string, response: ServerResponse): Promise<void> {
  if (!route) {
    // Chromium asks for /favicon.ico by itself: not a page's request, and not a failure.
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('Not found\n');
    return;
  }
  const headers: Record<string, string | string[]> = { 'Cache-Control': 'no-store' };
  if (route.cookies) headers['Set-Cookie'] = route.cookies;
  if (route.redirect) {
    response.writeHead(302, { ...headers, Location: fill(route.redirect) });
    response.end();
    return;
  }
  if (!route.file) {
    response.writeHead(204, headers);
    response.end();
    return;
  }
  const body = fill(await readFile(path.join(folder, route.file), 'utf8'));
  response.writeHead(200, { ...headers, 'Content-Type': contentTypes[path.extname(route.file)] ?? 'text/plain' });
  response.end(body);
}
