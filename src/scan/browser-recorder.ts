import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { normaliseUrl } from './crawl.js';
import { hostMatches, hostOf, sameSite } from './hosts.js';
import type { ConsentPhase, CookieSetter, LeftSite, Observation, ObservedCookie, ObservedHost, ObservedStorageKey } from './observation.js';

/*
 * What the browser does during a scan, recorded as it happens and collected
 * into an Observation: every cookie with who set it and how (a Set-Cookie
 * header, or a script's write reported from inside the page), the storage
 * keys of every frame, every host contacted, and each navigation of the main
 * frame off the site (blocked).
 */

/** At most this many storage keys are read from a frame: a hostile page cannot flood the scan. */
const maxKeys = 1_000;
/** At most this many cookie writes are kept: a page that writes in a loop cannot exhaust memory. */
const maxWrites = 100_000;
/** The name of the binding that the page's cookie writes report to. */
const binding = '__policycCookieWrite';

/** A cookie write seen as it happened: a Set-Cookie header, or a script's document.cookie or cookieStore.set. */
export interface CookieWrite {
  readonly name: string;
  /** The setter: the host of the response, or of the script. */
  readonly host: string;
  /** The host whose cookies it wrote: the response's, or the document's the script ran in. */
  readonly target: string;
  readonly setBy: CookieSetter;
  /** When it was seen (ms since the epoch), for the cookie's lifetime. */
  readonly at: number;
}

/** A cookie as the browser stores it (domain without its leading dot), and when and where it was first seen. */
interface SeenCookie {
  readonly cookie: Omit<Awaited<ReturnType<BrowserContext['cookies']>>[number], 'value'>;
  readonly seenAt: number;
  readonly page: string;
  readonly phase: ConsentPhase;
}

/** An entry with the visit it was first seen on, for a stable order. */
type Ordered<T> = { readonly visit: number; readonly key: string; readonly value: T };

/**
 * Runs in every frame before the page's own scripts: reports each cookie
 * written by script, with the URL of the script that wrote it (the first
 * http(s) URL on the call stack: an inline script's is its document's).
 * Only the text before the first `;` is sent, for its name.
 */
const cookieWriteReporter = `(() => {
  const report = (text) => {
    try {
      const stack = String(new Error().stack || '');
      const found = stack.match(/(https?:\\/\\/[^\\s()]+?):\\d+:\\d+/);
      const write = globalThis[${JSON.stringify(binding)}];
      if (typeof write === 'function') write(String(text).split(';')[0].slice(0, 4096), found ? found[1] : '');
    } catch {}
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.set) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get: cookie.get,
      set(value) {
        report(value);
        return cookie.set.call(this, value);
      },
    });
  }
  const store = globalThis.CookieStore && globalThis.CookieStore.prototype;
  if (store && typeof store.set === 'function') {
    const set = store.set;
    store.set = function (name, value) {
      report(typeof name === 'string' ? name + '=' : name && typeof name.name === 'string' ? name.name + '=' : '');
      return set.apply(this, arguments);
    };
  }
})();`;

/**
 * The name of a cookie in a Set-Cookie header or a document.cookie write:
 * the text before the first `=` of the first `;`-separated part; a part
 * without `=` is a cookie with an empty name (RFC 6265bis).
 */
export function cookieNameOf(text: string): string {
  const pair = text.split(';', 1)[0] ?? '';
  const equals = pair.indexOf('=');
  return equals === -1 ? '' : pair.slice(0, equals).trim();
}

/**
 * Who set a stored cookie: the first write of its name into a host its
 * domain covers; and when, for its lifetime: the last such write before it
 * was seen (a tag refreshes its cookie on every page). Without one (a service
 * worker, a write the reporter missed), an HttpOnly cookie came in a header
 * and any other from a script, at the page's host.
 */
export function setterOf(
  cookie: { name: string; domain: string; httpOnly: boolean },
  writes: readonly CookieWrite[],
  pageHost: string,
  seenAt: number,
): { setBy: CookieSetter; setter: string; at?: number } {
  const into = writes.filter((w) => w.name === cookie.name && hostMatches(`*.${cookie.domain}`, w.target));
  const first = into[0];
  if (!first) return { setBy: cookie.httpOnly ? 'header' : 'script', setter: pageHost };
  const last = into.filter((w) => w.at <= seenAt).at(-1);
  return { setBy: first.setBy, setter: first.host, ...(last ? { at: last.at } : {}) };
}

/** What the browser did during the scan, collected into an Observation. */
export class Recorder {
  /** The page being visited: what every cookie, key and host seen now is attributed to. */
  page = '';
  phase: ConsentPhase = 'before-consent';
  private visit = 0;
  private stopped = false;
  /** Cookie writes in the order they happened: a response's Set-Cookie headers, or one script write. */
  private readonly writes: CookieWrite[][] = [];
  /** Reading a response's headers is asynchronous: the reads still running. */
  private readonly reading: Promise<void>[] = [];
  /** Cookies as first seen; who set each is worked out at the end, when every write has been heard. */
  private readonly cookies = new Map<string, Ordered<SeenCookie>>();
  private readonly storage = new Map<string, Ordered<ObservedStorageKey>>();
  private readonly hosts = new Map<string, Ordered<ObservedHost>>();
  private readonly left = new Map<string, LeftSite>();

  /** `allowed`: the hosts of the given URLs, whose sites the main frame may visit (the first is the site). */
  constructor(
    readonly siteHost: string,
    private readonly allowed: readonly string[] = [siteHost],
  ) {}

  /** Listen to the context: responses and their Set-Cookie headers, script cookie writes, main-frame navigations. */
  async attach(context: BrowserContext, tab: Page): Promise<void> {
    context.on('response', (response) => {
      const host = hostOf(response.url());
      if (this.stopped || !host) return;
      this.contacted(host, response.url());
      if (this.writes.length >= maxWrites) return;
      const at = Date.now();
      // The response's place among the writes is now; its headers arrive later.
      const writes: CookieWrite[] = [];
      this.writes.push(writes);
      this.reading.push(
        response
          .headerValues('set-cookie')
          .then((values) => {
            for (const value of values) writes.push({ name: cookieNameOf(value), host, target: host, setBy: 'header', at });
          })
          .catch(() => undefined),
      );
    });
    context.on('requestfailed', (request) => {
      // A request the scan blocked never reached its host; any other failure did try to.
      const host = hostOf(request.url());
      if (!this.stopped && host && request.failure()?.errorText !== 'net::ERR_BLOCKED_BY_CLIENT') this.contacted(host, request.url());
    });
    await context.exposeBinding(binding, (source: { frame: Frame }, text: unknown, scriptUrl: unknown) => {
      if (this.stopped || this.writes.length >= maxWrites) return;
      const target = hostOf(source.frame.url()) ?? hostOf(this.page);
      const host = hostOf(String(scriptUrl)) ?? target;
      if (host && target) this.writes.push([{ name: cookieNameOf(String(text)), host, target, setBy: 'script', at: Date.now() }]);
    });
    await context.addInitScript({ content: cookieWriteReporter });
    await this.guardMainFrame(await context.newCDPSession(tab));
  }

  /**
   * Block every main-frame navigation off the site (a link, a script, a
   * redirect) before it reaches the other host, and note it. Chromium's Fetch
   * domain, not Playwright's routes: routes do not see the hops of a redirect.
   */
  private async guardMainFrame(cdp: CDPSession): Promise<void> {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const main = frameTree.frame.id;
    cdp.on('Fetch.requestPaused', (event) => {
      const host = hostOf(event.request.url);
      const offSite = event.frameId === main && host !== undefined && !this.allowed.some((site) => sameSite(host, site));
      if (offSite && !this.left.has(this.page)) this.left.set(this.page, { page: this.page, to: event.request.url });
      const answer = offSite
        ? cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
        : cdp.send('Fetch.continueRequest', { requestId: event.requestId });
      answer.catch(() => undefined);
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] });
  }

  /** True when the main frame tried to leave the site while `page` was visited. */
  hasLeft(page: string): boolean {
    return this.left.has(page);
  }

  /** No more events: the browser is closing. */
  stop(): void {
    this.stopped = true;
  }

  private contacted(host: string, url: string): void {
    if (!this.hosts.has(host)) this.hosts.set(host, this.entry(host, { host, page: this.page, phase: this.phase, url }));
  }

  private entry<T>(key: string, value: T): Ordered<T> {
    return { visit: this.visit, key, value };
  }

  /** Record the cookies of the whole browser and the storage keys of every frame of the tab. */
  async snapshot(tab: Page): Promise<void> {
    const seenAt = Date.now();
    for (const cookie of await tab.context().cookies()) {
      const domain = cookie.domain.replace(/^\./, '');
      const key = `${cookie.name}\0${domain}\0${cookie.path}`;
      if (this.cookies.has(key)) continue;
      // Its value is no business of the scan's, and is not kept.
      const { value: _value, ...kept } = cookie;
      this.cookies.set(key, this.entry(key, { cookie: { ...kept, domain }, seenAt, page: this.page, phase: this.phase }));
    }
    for (const frame of tab.frames()) await this.storageOf(frame);
    this.visit += 1;
  }

  private async storageOf(frame: Frame): Promise<void> {
    const url = normaliseUrl(frame.url());
    if (!url) return;
    const origin = new URL(url).origin;
    const keys = await frame
      .evaluate((max) => {
        const w = globalThis as unknown as {
          localStorage: { length: number; key(i: number): string | null };
          sessionStorage: typeof w.localStorage;
        };
        const list = (s: typeof w.localStorage) => Array.from({ length: Math.min(s.length, max) }, (_, i) => s.key(i) ?? '');
        return { local: list(w.localStorage), session: list(w.sessionStorage) };
      }, maxKeys)
      .catch(() => ({ local: [] as string[], session: [] as string[] }));
    for (const kind of ['local', 'session'] as const) {
      for (const name of keys[kind]) {
        const key = `${kind}\0${origin}\0${name}`;
        if (!this.storage.has(key)) this.storage.set(key, this.entry(key, { kind, key: name, origin, page: this.page, phase: this.phase }));
      }
    }
  }

  /** Wait for the Set-Cookie headers still being read. */
  async settled(): Promise<void> {
    while (this.reading.length) await Promise.all(this.reading.splice(0));
  }

  /** Everything recorded, in the order it was first seen (by visit, then by name within one). */
  observation(pages: readonly string[], consented: boolean): Observation {
    const ordered = <T>(map: Map<string, Ordered<T>>): T[] =>
      [...map.values()].sort((a, b) => a.visit - b.visit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => e.value);
    const writes = this.writes.flat();
    return {
      source: 'browser',
      siteHost: this.siteHost,
      pages: [...pages],
      consented,
      cookies: ordered(this.cookies).map((seen) => observedCookie(seen, writes, this.siteHost)),
      storage: ordered(this.storage),
      hosts: ordered(this.hosts),
      leftSite: [...this.left.values()],
    };
  }
}

/** A cookie as observed: its setter from the writes heard, its lifetime from when it was set (or first seen). */
function observedCookie({ cookie, seenAt, page, phase }: SeenCookie, writes: readonly CookieWrite[], siteHost: string): ObservedCookie {
  const { setBy, setter, at } = setterOf(cookie, writes, hostOf(page) ?? siteHost, seenAt);
  return {
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path,
    // Chromium caps lifetimes at 400 days, and that is what is reported.
    ...(cookie.expires > 0 ? { maxAgeSeconds: Math.max(0, Math.round(cookie.expires - (at ?? seenAt) / 1000)) } : {}),
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    ...(cookie.sameSite ? { sameSite: cookie.sameSite } : {}),
    setBy,
    setter,
    page,
    phase,
  };
}
