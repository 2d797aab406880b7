// Shared set-up of the browser tests: the sample site built into a temporary
// folder, a tiny static server for it on 127.0.0.1, and Debian's Chromium
// driven by playwright-core (which cannot download its own browsers here).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import { build } from '../../src/api.js';
import { chromiumArgs, chromiumExecutable, chromiumInstallHint, chromiumInstalled } from '../../src/scan/chromium.js';
import { contentTypeOf, sitePath } from '../../src/serve/http.js';
import { root } from '../support/fixtures.js';
import { copySample, tempDir } from '../support/project.js';

/** Where reviewers find what the browser tests leave behind (git-ignored). */
export const outputDir = path.join(root, 'test-output');

// ---------------------------------------------------------------- the sites

/**
 * The builds under test, each a folder below the served root:
 * - `now`: the sample as of 2026-12-01 (1.0.0 in effect, 2.0.0 announced);
 * - `later`: the sample as of 2027-02-01 (2.0.0 in effect);
 * - `draft`: a copy of the sample whose working document differs from 2.0.0, so it has a draft page;
 * - `example-<name>`: each example project under examples/, as of 2026-12-01.
 */
export type SiteName = 'now' | 'later' | 'draft' | `example-${string}`;

/** The example projects under examples/ (each a folder with a policyc.config.json). */
export function exampleNames(): string[] {
  const dir = path.join(root, 'examples');
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'policyc.config.json')))
    .sort();
}

export interface Sites {
  /** Folder holding one sub-folder per site. */
  dir: string;
  /** HTML files of each site, relative to the site's folder (`privacy/index.html`). */
  pages: Record<SiteName, string[]>;
  /** Delete the built sites and the scratch project. */
  remove(): void;
}

/** A page worth checking: the site it belongs to, its path, and the kind of page it is. */
export interface SitePage {
  site: SiteName;
  path: string;
  kind: PageKind;
}

export type PageKind = 'index' | 'policy' | 'version' | 'changelog' | 'versions' | 'redline' | 'draft' | 'email' | 'embed' | 'other';

/**
 * What kind of page a site file is, from its path and text. `embed` is an HTML
 * snippet for another site to include (no doctype: not a page on its own, so
 * not checked here); `other` is a page added since these tests were written,
 * still checked for errors, overflow and accessibility.
 */
export function kindOf(file: string, html: string): PageKind {
  if (!/^<!DOCTYPE html>/i.test(html)) return 'embed';
  if (file === 'index.html') return 'index';
  // The policy in effect, in the default language or a translation (`privacy/fr/index.html`).
  if (/^[^/]+\/([a-z]{2,3}(-[A-Za-z0-9]+)*\/)?index\.html$/.test(file)) return 'policy';
  if (/\/v\/[^/]+\/index\.html$/.test(file)) return 'version';
  if (file.endsWith('/changelog/index.html')) return 'changelog';
  if (file.endsWith('/versions/index.html')) return 'versions';
  if (/\/compare\/[^/]+\/index\.html$/.test(file)) return 'redline';
  if (file.endsWith('/draft/index.html')) return 'draft';
  if (/\/notify\/[^/]+\/email\.html$/.test(file)) return 'email';
  return 'other';
}

const draftEdit = ['manage and improve the Website', 'manage and improve the Website and our apps'] as const;

/** Build the three sites with the library API. Fails on any build error. */
export async function buildSites(): Promise<Sites> {
  const dir = tempDir('policyc-browser-');
  const draftProject = copySample();
  const file = path.join(draftProject, 'policy/privacy.yaml');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(draftEdit[0]))
    throw new Error(`The sample no longer contains “${draftEdit[0]}”: update draftEdit in test/browser/support.ts`);
  writeFileSync(file, text.replace(draftEdit[0], draftEdit[1]));

  const builds: [SiteName, string, string][] = [
    ['now', root, '2026-12-01'],
    ['later', root, '2027-02-01'],
    ['draft', draftProject, '2026-12-01'],
    ...exampleNames().map((name): [SiteName, string, string] => [`example-${name}`, path.join(root, 'examples', name), '2026-12-01']),
  ];
  const pages = {} as Record<SiteName, string[]>;
  await Promise.all(
    builds.map(async ([name, cwd, date]) => {
      const result = await build({ cwd, out: path.join(dir, name), date, drafts: true });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length || result.written.length === 0) {
        throw new Error(
          `Building the ${name} site failed:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message} ${d.ruleId}`).join('\n')}`,
        );
      }
      pages[name] = result.written.filter((f) => f.endsWith('.html'));
    }),
  );
  if (!pages.draft.includes('privacy/draft/index.html')) throw new Error('The draft site has no privacy/draft/index.html');
  return {
    dir,
    pages,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(draftProject, { recursive: true, force: true });
    },
  };
}

/**
 * Every distinct page, embeds left out: all of `now`, `later` and the
 * examples', and the draft page of `draft` (its other pages are the same as
 * `now`'s).
 */
export function allPages(sites: Sites): SitePage[] {
  const pageOf = (site: SiteName, file: string): SitePage => ({
    site,
    path: file,
    kind: kindOf(file, readFileSync(path.join(sites.dir, site, file), 'utf8')),
  });
  const list = [
    ...sites.pages.now.map((f) => pageOf('now', f)),
    ...sites.pages.later.map((f) => pageOf('later', f)),
    ...sites.pages.draft.map((f) => pageOf('draft', f)).filter((p) => p.kind === 'draft'),
    ...exampleNames().flatMap((name) => sites.pages[`example-${name}`]!.map((f) => pageOf(`example-${name}`, f))),
  ];
  return list.filter((p) => p.kind !== 'embed');
}

// ---------------------------------------------------------------- the server

export interface StaticServer {
  /** `http://127.0.0.1:PORT/`, ending with a slash. */
  url: string;
  close(): Promise<void>;
}

/** Serve a folder read-only on 127.0.0.1 at a free port; `/x/` serves `/x/index.html`. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const file = sitePath(request.url ?? '/');
    const absolute = file === undefined ? undefined : path.join(dir, file);
    const notFound = () => {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found\n');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' });
      response.end();
      return;
    }
    // Chromium asks every host for /favicon.ico on its own; the site has none, and that is not a page's error.
    if (request.url === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (!absolute) return notFound();
    readFile(absolute).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': contentTypeOf(absolute), 'Content-Length': body.length, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => notFound(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------- the browser

/** Debian's Chromium, or the one named by CHROMIUM_PATH (found as `policyc scan` finds it). */
export const chromiumPath = chromiumExecutable();

/** Launch Chromium, failing with the command that installs it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumInstalled(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: the browser tests in test/browser/ drive the system Chromium. ` +
        `${chromiumInstallHint} (.ci/run installs it on CI.)`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
}

/** Wide and narrow viewports: a desktop and a small phone. */
export const desktop = { width: 1280, height: 800 } as const;
export const phone = { width: 375, height: 740 } as const;

/** A browser tab that records every console error, uncaught exception and failed request in `problems`. */
export interface Tab {
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

/** Open a tab in a fresh browser context. One per test file: contexts are slow to create. */
export async function openTab(browser: Browser, viewport: { width: number; height: number } = desktop): Promise<Tab> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

/** Start a test in the shared tab: problems forgotten, the viewport set, the media back to screen. */
export async function reset(tab: Tab, viewport: { width: number; height: number } = desktop): Promise<Page> {
  tab.problems.length = 0;
  await tab.page.setViewportSize(viewport);
  await tab.page.emulateMedia({ media: 'screen' });
  return tab.page;
}

/** Load a page of a site and wait for it and its stylesheet. */
export async function visit(page: Page, server: StaticServer, site: SiteName, file: string): Promise<void> {
  const response = await page.goto(new URL(`${site}/${file}`, server.url).href, { waitUntil: 'load' });
  if (!response || response.status() !== 200) throw new Error(`GET ${site}/${file}: ${response?.status() ?? 'no response'}`);
}

// ---------------------------------------------------------------- in the page
//
// tsconfig.json has no DOM library (the project is Node code), so the few DOM
// members used in page.evaluate() callbacks are declared here. Callbacks run
// in the browser: they cast `globalThis` to this shape inside their own body.

export interface DomRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

export interface DomElement {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  parentElement: DomElement | null;
  getBoundingClientRect(): DomRect;
  getAttribute(name: string): string | null;
}

export interface DomText {
  textContent: string | null;
  parentElement: DomElement | null;
}

export interface DomWindow {
  innerWidth: number;
  innerHeight: number;
  scrollY: number;
  location: { hash: string; href: string };
  getComputedStyle(
    element: DomElement,
    pseudo?: string,
  ): { display: string; visibility: string; content: string; overflowX: string; textDecorationLine: string; fontFamily: string };
  document: {
    documentElement: DomElement & { scrollWidth: number; clientWidth: number };
    body: DomElement;
    getElementById(id: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement>;
    /** With `NodeFilter.SHOW_TEXT` (4): the text nodes below `root`. */
    createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): DomText | null };
    createRange(): { selectNodeContents(node: DomText): void; getClientRects(): ArrayLike<DomRect> };
  };
  axe: { run(context?: unknown, options?: unknown): Promise<AxeResults> };
}

// ---------------------------------------------------------------- layout

/** How wide the page is against the viewport, and what sticks out on the right (elements, and text that does not wrap). */
export interface Overflow {
  width: number;
  scrollWidth: number;
  culprits: string[];
}

export function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const w = globalThis as unknown as DomWindow;
    const width = w.innerWidth;
    const scrollWidth = w.document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth <= width) return { width, scrollWidth, culprits };
    const describe = (e: DomElement | null) => {
      if (!e) return '?';
      const classes = String(e.className).trim();
      return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${classes ? `.${classes.split(/\s+/).join('.')}` : ''}`;
    };
    // The innermost elements past the right edge (an element whose child is also past it is left out).
    const elements = Array.from(w.document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > width + 0.5);
    const innermost = elements.filter((e) => !elements.some((other) => other !== e && other.parentElement === e));
    for (const e of innermost.slice(0, 5)) culprits.push(`<${describe(e)}> ends at ${Math.round(e.getBoundingClientRect().right)} px`);
    // Text running past the edge: long words and URLs that cannot wrap.
    const walker = w.document.createTreeWalker(w.document.body, 4);
    const range = w.document.createRange();
    let words = 0;
    for (let node = walker.nextNode(); node && words < 5; node = walker.nextNode()) {
      range.selectNodeContents(node);
      const right = Math.max(0, ...Array.from(range.getClientRects()).map((r) => r.right));
      if (right > width + 0.5) {
        words += 1;
        culprits.push(
          `text in <${describe(node.parentElement)}> ends at ${Math.round(right)} px: “${(node.textContent ?? '').trim().slice(0, 60)}”`,
        );
      }
    }
    return { width, scrollWidth, culprits };
  });
}

// ---------------------------------------------------------------- axe-core

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');
export const axeVersion = (JSON.parse(readFileSync(path.join(path.dirname(axePath), 'package.json'), 'utf8')) as { version: string })
  .version;

/** A violation, flattened for reading: the rule, its impact and the elements it names. */
export interface Finding {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  targets: string[];
  summaries: string[];
}

/** Run axe-core with its default rules (WCAG 2.x A and AA, best practices) on the loaded page. */
export async function runAxe(page: Page): Promise<{ violations: Finding[]; incomplete: string[] }> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => (globalThis as unknown as DomWindow).axe.run());
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    summaries: v.nodes.map((n) => n.failureSummary ?? ''),
  }));
  // Checks axe could not decide (such as contrast over a background image): for a person to look at.
  return { violations, incomplete: results.incomplete.map((i) => `${i.id}: ${i.nodes.length} element(s)`) };
}

/** Write a JSON report under test-output/. */
export function writeReport(name: string, data: unknown): string {
  mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, name);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

// ---------------------------------------------------------------- a test file's session

/** What a browser test file works with: the sample's sites, served, and one tab of Chromium. */
export interface Session {
  sites: Sites;
  server: StaticServer;
  tab: Tab;
  close(): Promise<void>;
}

/** Build the sites, serve them on 127.0.0.1 and open a tab in Chromium; `close` undoes all of it. */
export async function startSession(): Promise<Session> {
  const sites = await buildSites();
  const server = await serveStatic(sites.dir);
  const browser = await launchChromium();
  const tab = await openTab(browser);
  return {
    sites,
    server,
    tab,
    close: async () => {
      await tab.close();
      await browser.close();
      await server.close();
      sites.remove();
    },
  };
}
