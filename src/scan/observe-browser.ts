import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { visibleControls } from '../text/control.js';
import { chromiumArgs, chromiumExecutable, chromiumInstallHint, chromiumInstalled, scanProfilePreferences } from './chromium.js';
import { crawl, normaliseUrl, type CrawlPage, type VisitResult } from './crawl.js';
import { Recorder } from './browser-recorder.js';
import { hostOf } from './hosts.js';
import type { Observation } from './observation.js';

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
/** At most this many links are read from a page: a hostile page cannot flood the crawl. */
const maxLinks = 5_000;

/** Observe a site in a headless Chromium; problems (no browser, a page that failed) come back as diagnostics. */
export async function observeSite(options: ObserveOptions): Promise<ObserveResult> {
  const executable = chromiumExecutable(options.chromium);
  const diagnostics: Diagnostic[] = [];
  const seeds: string[] = [];
  for (const url of options.urls) {
    const normal = normaliseUrl(url);
    if (normal) seeds.push(normal);
    else diagnostics.push(pageFailed(visibleControls(url, 'none'), 'is not an http(s) URL', 'error'));
  }
  const siteHost = hostOf(seeds[0] ?? '') ?? '';
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
      diagnostic(
        first,
        fileStart,
        'scan-accept-not-found',
        'scan',
        `No consent button \`${visibleControls(options.accept, 'none')}\` on \`${first}\`${clicked}`,
        {
          hint: 'Give the CSS selector of the button that accepts all cookies (`--accept SELECTOR`); only what was seen before consent is reported.',
          severity: 'warning',
        },
      ),
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
