import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { visibleControls } from '../text/control.js';
import { chromiumArgs, chromiumExecutable, chromiumInstallHint, chromiumInstalled, scanProfilePreferences } from './chromium.js';
import { crawl, normaliseUrl, type CrawlPage, type VisitResult } from './crawl.js';
import { hostMatches, hostOf, sameSite } from './hosts.js';
import type { ConsentPhase, CookieSetter, LeftSite, Observation, ObservedCookie, ObservedHost, ObservedStorageKey } from './observation.js';

/*
 * `policyc scan URL...`: the site in the system Chromium, as a first-time
 * visitor who has not consented, then (with a consent button) as one who has.
 * A fresh profile per scan, removed after; the main frame never leaves the
 * site (an off-site navigation or redirect is blocked and reported).
 */

export interface ObserveOptions {
  /** The pages to start from; the first one's host is the site. */
  readonly urls: readonly string[];
  /** A CSS selector of the consent button, clicked (in the page or a frame) for the `after-consent` phase. */
  readonly accept?: string | undefined;
  /** How many links deep to follow same-site links (0: only `urls`). */
  readonly depth: number;
  /** The most pages to visit. */
  readonly maxPages: number;
  /** Told after each page: pages visited, pages waiting, the page just visited. */
  readonly onProgress?: ((visited: number, queued: number, url: string) => void) | undefined;
  /** The Chromium binary (default: CHROMIUM_PATH, else /usr/bin/chromium). */
  readonly chromium?: string | undefined;
}

export interface ObserveResult {
  readonly observation: Observation;
  readonly diagnostics: Diagnostic[];
}

/** How long a page may take to load, and how long to wait for its network to fall quiet after. */
const loadTimeout = 30_000;
const idleTimeout = 10_000;
/** How long to look for the consent button (a consent banner often appears after the load). */
const acceptTimeout = 10_000;
/** At most this many links and storage keys are read from a page or frame: a hostile page cannot flood the scan. */
const maxLinks = 5_000;
const maxKeys = 1_000;
/** The name of the binding that the page's cookie writes report to. */
const binding = '__policycCookieWrite';

/** Observe a site in a headless Chromium; problems (no browser, a page that failed) come back as diagnostics. */
export async function observeSite(options: ObserveOptions): Promise<ObserveResult> {
  const executable = chromiumExecutable(options.chromium);
  const siteHost = hostOf(options.urls[0] ?? '') ?? '';
  const diagnostics: Diagnostic[] = [];
  const seeds: string[] = [];
  for (const url of options.urls) {
    const normal = normaliseUrl(url);
    if (normal) seeds.push(normal);
    else diagnostics.push(pageFailed(visibleControls(url, 'none'), 'is not an http(s) URL', 'error'));
  }
  const recorder = new Recorder(
    siteHost,
    seeds.map((url) => hostOf(url) ?? siteHost),
  );
  const empty = (): ObserveResult => ({ observation: recorder.observation([], false), diagnostics });
  if (!chromiumInstalled(executable)) {
    diagnostics.push(browserUnavailable(executable, `There is no Chromium at \`${executable}\``));
    return empty();
  }
  if (seeds.length === 0) return empty();

  const profile = await mkdtemp(path.join(tmpdir(), 'policyc-scan-'));
  try {
    // A fresh profile that allows third-party cookies (see scanProfilePreferences).
    await mkdir(path.join(profile, 'Default'));
    await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify(scanProfilePreferences));
    let context: BrowserContext;
    try {
      const { chromium } = await import('playwright-core');
      context = await chromium.launchPersistentContext(profile, { executablePath: executable, args: [...chromiumArgs] });
    } catch (error) {
      diagnostics.push(browserUnavailable(executable, `Chromium at \`${executable}\` did not start: ${firstLine(error)}`));
      return empty();
    }
    const pages: string[] = [];
    let consented = false;
    try {
      consented = await scanWith(context, recorder, seeds, options, diagnostics, pages);
      await recorder.settled();
    } catch (error) {
      // The browser crashed or was killed: what was seen until then still counts.
      diagnostics.push(browserUnavailable(executable, `Chromium stopped during the scan: ${firstLine(error)}`));
    } finally {
      recorder.stop();
      await context.close().catch(() => undefined);
    }
    return { observation: recorder.observation(pages, consented), diagnostics };
  } finally {
    // Only the folder made above: the profile, with whatever the pages stored in it.
    await rm(profile, { recursive: true, force: true });
  }
}

/** Crawl before consent (the pages loaded go into `pages`), then consent on the first page and visit them again; true once consented. */
async function scanWith(
  context: BrowserContext,
  recorder: Recorder,
  seeds: readonly string[],
  options: ObserveOptions,
  diagnostics: Diagnostic[],
  pages: string[],
): Promise<boolean> {
  const tab = context.pages()[0] ?? (await context.newPage());
  // A popup is another page the scan did not choose to visit: closed as it opens.
  context.on('page', (other) => {
    if (other !== tab) void other.close().catch(() => undefined);
  });
  await recorder.attach(context, tab);

  const given = new Set(seeds);
  const visit = async (page: CrawlPage): Promise<VisitResult> => {
    const loaded = await load(tab, recorder, page.url, (reason) =>
      diagnostics.push(pageFailed(page.url, reason, given.has(page.url) ? 'error' : 'warning')),
    );
    if (loaded) pages.push(page.url);
    if (!loaded || recorder.hasLeft(page.url)) return { links: [] };
    return { links: await linksOf(tab), finalUrl: tab.url() };
  };
  await crawl(seeds, recorder.siteHost, { depth: options.depth, maxPages: options.maxPages }, visit, options.onProgress);

  const first = pages[0];
  if (options.accept === undefined || first === undefined) return false;
  recorder.phase = 'after-consent';
  // The first page again, where the banner is still shown: no consent has been given yet.
  await load(tab, recorder, first, () => undefined, false);
  const clicked = await clickConsent(tab, options.accept);
  if (clicked !== true) {
    diagnostics.push(
      diagnostic(first, fileStart, 'scan-accept-not-found', 'scan', `No consent button \`${options.accept}\` on \`${first}\`${clicked}`, {
        hint: 'Give the CSS selector of the button that accepts all cookies (`--accept SELECTOR`); only what was seen before consent is reported.',
        severity: 'warning',
      }),
    );
    return false;
  }
  await settle(tab);
  await recorder.snapshot(tab);
  // The other pages again, with consent: what their tags set only once the visitor accepted.
  for (const page of pages.slice(1)) await load(tab, recorder, page, () => undefined);
  return true;
}

/**
 * Load a page, wait for its network to fall quiet and record what it set.
 * False when it did not load (`fail` hears why, unless the scan left the site).
 */
async function load(tab: Page, recorder: Recorder, url: string, fail: (reason: string) => void, snapshot = true): Promise<boolean> {
  recorder.page = url;
  let status: number | undefined;
  try {
    status = (await tab.goto(url, { waitUntil: 'load', timeout: loadTimeout }))?.status();
  } catch (error) {
    // A redirect off the site, blocked: reported as leaving the site. A download is no page.
    const reason = firstLine(error);
    if (!recorder.hasLeft(url) && !reason.includes('Download is starting')) fail(reason);
    // What the redirect itself set (a Set-Cookie on a 302) is still recorded, on this page.
    await recorder.snapshot(tab);
    return false;
  }
  if (status !== undefined && status >= 400) fail(`answered HTTP ${status}`);
  await settle(tab);
  if (snapshot) await recorder.snapshot(tab);
  return true;
}

/** Wait until the page has made no request for half a second (or give up waiting). */
async function settle(tab: Page): Promise<void> {
  await tab.waitForLoadState('networkidle', { timeout: idleTimeout }).catch(() => undefined);
}

/** The page's links, resolved against its base URL. */
async function linksOf(tab: Page): Promise<string[]> {
  const links = await tab
    .locator('a[href]')
    .evaluateAll((anchors, max) => {
      const hrefs: string[] = [];
      const base = (globalThis as unknown as { document: { baseURI: string } }).document.baseURI;
      for (const a of anchors.slice(0, max)) {
        try {
          hrefs.push(new URL((a as unknown as { getAttribute(name: string): string }).getAttribute('href'), base).href);
        } catch {
          // Not a URL: not a link to follow.
        }
      }
      return hrefs;
    }, maxLinks)
    .catch(() => [] as string[]);
  return links;
}

/** Click the first visible element the selector finds, in the page or any frame; true, or why not. */
async function clickConsent(tab: Page, selector: string): Promise<true | string> {
  const deadline = Date.now() + acceptTimeout;
  for (;;) {
    for (const frame of tab.frames()) {
      const button = frame.locator(selector).first();
      try {
        if (await button.isVisible()) {
          await button.click({ timeout: acceptTimeout });
          return true;
        }
      } catch (error) {
        const reason = firstLine(error);
        if (/selector/i.test(reason)) return `: it is not a valid selector (${reason})`;
        // The frame went away while it was looked at: look again.
      }
    }
    if (Date.now() > deadline) return ` (looked for ${acceptTimeout / 1000} seconds, in the page and its frames)`;
    await tab.waitForTimeout(250);
  }
}

// ---------------------------------------------------------------- recording

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
 * domain covers. Without one (a service worker, a write the reporter missed),
 * an HttpOnly cookie came in a header and any other from a script, at the
 * page's host.
 */
export function setterOf(
  cookie: { name: string; domain: string; httpOnly: boolean },
  writes: readonly CookieWrite[],
  pageHost: string,
): { setBy: CookieSetter; setter: string; at?: number } {
  const write = writes.find((w) => w.name === cookie.name && hostMatches(`*.${cookie.domain}`, w.target));
  if (write) return { setBy: write.setBy, setter: write.host, at: write.at };
  return { setBy: cookie.httpOnly ? 'header' : 'script', setter: pageHost };
}

/** What the browser did during the scan, collected into an Observation. */
class Recorder {
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
      if (this.stopped) return;
      const host = hostOf(response.url());
      if (!host) return;
      this.contacted(host, response.url());
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
      if (this.stopped) return;
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
  const { setBy, setter, at } = setterOf(cookie, writes, hostOf(page) ?? siteHost);
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

// ---------------------------------------------------------------- diagnostics

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return visibleControls(text.split('\n', 1)[0] ?? '', 'none');
}

function browserUnavailable(executable: string, message: string): Diagnostic {
  return diagnostic(executable, fileStart, 'scan-browser-unavailable', 'scan', message, { hint: chromiumInstallHint });
}

function pageFailed(url: string, reason: string, severity: 'error' | 'warning'): Diagnostic {
  return diagnostic(url, fileStart, 'scan-page-failed', 'scan', `The page \`${url}\` did not load: ${reason}`, {
    hint: 'Check the URL and that the site answers from this machine; a page that fails is not scanned (a crawled one is a warning, a given one an error).',
    severity,
  });
}
