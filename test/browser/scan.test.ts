// observeSite against the loopback test site (test/fixtures/scan-site/):
// every cookie, storage key and host with the page, setter, phase and way it
// was set; the crawl's limits; the redirect off the site blocked; and the
// problems (no browser, a page that fails, no consent button) as diagnostics.
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation, ObservedCookie } from '../../src/scan/observation.js';
import { observeSite, type ObserveResult } from '../../src/scan/observe-browser.js';
import { startScanSite, type ScanSite } from '../support/scan-site.js';

let site: ScanSite;
let scan: ObserveResult;
let observation: Observation;
const progress: [number, number, string][] = [];
const profilesBefore = new Set(profiles());

/** The scan's temporary profiles in the temporary folder (there should be none left). */
function profiles(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('policyc-scan-'));
}

const cookie = (name: string): ObservedCookie | undefined => observation.cookies.find((c) => c.name === name);
const days = (n: number) => n * 86_400;

beforeAll(async () => {
  site = await startScanSite();
  scan = await observeSite({
    urls: [site.url],
    accept: '#accept',
    depth: 1,
    maxPages: 10,
    onProgress: (visited, queued, url) => progress.push([visited, queued, url]),
  });
  observation = scan.observation;
}, 120_000);

afterAll(async () => {
  await site?.close();
});

describe('observeSite on the loopback test site', () => {
  it('visits the same-site pages to the depth asked, each once, and consents', () => {
    const { url } = site;
    expect(scan.diagnostics).toEqual([]);
    expect(observation.source).toBe('browser');
    expect(observation.siteHost).toBe(site.hosts.site);
    // `/about.html#team` is `/about.html`; `/out` redirected off the site and was not scanned;
    // `/moved.html` loaded, then left by script; `/deeper.html` is two links deep; the tracker's
    // page and the mailto: link are not the site's.
    expect(observation.pages).toEqual([url, `${url}about.html`, `${url}moved.html`]);
    expect(observation.consented).toBe(true);
    expect(progress).toEqual([
      [1, 3, url],
      [2, 2, `${url}about.html`],
      [3, 1, `${url}out`],
      [4, 0, `${url}moved.html`],
    ]);
  });

  it('blocks the navigations off the site before they reach the other host, and reports them', () => {
    expect(observation.leftSite).toEqual([
      { page: `${site.url}out`, to: `${site.origins.tracker}/landing.html` },
      { page: `${site.url}moved.html`, to: `${site.origins.tracker}/landing.html?from=script` },
    ]);
    expect(site.requests).not.toContain('tracker /landing.html');
    expect(site.requests).not.toContain('tracker /elsewhere.html');
    expect(site.requests).not.toContain('site /deeper.html');
    expect(cookie('landed')).toBeUndefined();
  });

  it('finds the cookies set by header, with the response host as setter', () => {
    expect(cookie('session_id')).toEqual({
      name: 'session_id',
      domain: site.hosts.site,
      path: '/',
      httpOnly: true,
      secure: false,
      sameSite: 'Lax',
      setBy: 'header',
      setter: site.hosts.site,
      page: site.url,
      phase: 'before-consent',
    });
    expect(cookie('lang')).toMatchObject({
      setBy: 'header',
      setter: site.hosts.site,
      page: `${site.url}about.html`,
      phase: 'before-consent',
    });
    expect(cookie('lang')!.maxAgeSeconds).toBeCloseTo(days(30), -1);
  });

  it("finds a third-party frame's cookies, set by its own header and script", () => {
    expect(cookie('tp_uid')).toMatchObject({
      domain: site.hosts.tracker,
      secure: true,
      sameSite: 'None',
      setBy: 'header',
      setter: site.hosts.tracker,
      page: `${site.url}about.html`,
      phase: 'before-consent',
    });
    expect(cookie('tp_pref')).toMatchObject({
      domain: site.hosts.tracker,
      setBy: 'script',
      setter: site.hosts.tracker,
      page: `${site.url}about.html`,
    });
    expect(cookie('tp_pref')!.maxAgeSeconds).toBeCloseTo(600, -1);
  });

  it("finds the cookies set by script, with the script's host as setter", () => {
    expect(cookie('_ga_ABC123')).toMatchObject({ domain: site.hosts.site, setBy: 'script', setter: site.hosts.site, page: site.url });
    // Two years asked; Chromium keeps a cookie at most 400 days, and that is what is observed.
    expect(cookie('_ga_ABC123')!.maxAgeSeconds).toBeCloseTo(days(400), -1);
    expect(cookie('undeclared_pref')).toMatchObject({ setBy: 'script', setter: site.hosts.site, phase: 'before-consent' });
    expect(cookie('undeclared_pref')!.maxAgeSeconds).toBeCloseTo(3600, -1);
    // The tracker's tag writes on the site's domain: the cookie is the site's, its setter the tracker.
    expect(cookie('_tracker_uid')).toMatchObject({ domain: site.hosts.site, setBy: 'script', setter: site.hosts.tracker, page: site.url });
  });

  it('finds what the consent click set, marked after-consent', () => {
    expect(cookie('_ga')).toMatchObject({ setBy: 'script', setter: site.hosts.site, page: site.url, phase: 'after-consent' });
    expect(cookie('an_id')).toMatchObject({
      domain: site.hosts.analytics,
      setBy: 'header',
      setter: site.hosts.analytics,
      phase: 'after-consent',
    });
    const before = observation.cookies.filter((c) => c.phase === 'before-consent').map((c) => c.name);
    expect(before.sort()).toEqual(['_ga_ABC123', '_tracker_uid', 'lang', 'session_id', 'tp_pref', 'tp_uid', 'undeclared_pref']);
    expect(observation.cookies.filter((c) => c.phase === 'after-consent').map((c) => c.name)).toEqual(['_ga', 'an_id']);
  });

  it("finds local and session storage keys of every frame's origin", () => {
    expect(observation.storage).toEqual([
      { kind: 'local', key: 'site_theme', origin: site.origins.site, page: site.url, phase: 'before-consent' },
      { kind: 'session', key: 'visit_id', origin: site.origins.site, page: site.url, phase: 'before-consent' },
      { kind: 'local', key: 'widget_state', origin: site.origins.tracker, page: `${site.url}about.html`, phase: 'before-consent' },
      { kind: 'local', key: 'consent', origin: site.origins.site, page: site.url, phase: 'after-consent' },
    ]);
  });

  it('lists every host contacted, on the page and in the phase it was first contacted', () => {
    expect(observation.hosts.map(({ host, page, phase }) => ({ host, page, phase }))).toEqual([
      { host: site.hosts.site, page: site.url, phase: 'before-consent' },
      { host: site.hosts.tracker, page: site.url, phase: 'before-consent' },
      { host: site.hosts.analytics, page: site.url, phase: 'after-consent' },
    ]);
    expect(observation.hosts[2]!.url).toBe(`${site.origins.analytics}/collect?v=1`);
  });

  it('removes its temporary profile', () => {
    expect(profiles().filter((name) => !profilesBefore.has(name))).toEqual([]);
  });
});

describe('observeSite limits and problems', () => {
  it('stops at the page limit', async () => {
    const result = await observeSite({ urls: [site.url], depth: 3, maxPages: 1 });
    expect(result.observation.pages).toEqual([site.url]);
    expect(result.observation.consented).toBe(false);
    expect(result.observation.cookies.every((c) => c.phase === 'before-consent')).toBe(true);
  }, 60_000);

  it('reports a page that fails, and a consent button it cannot find', async () => {
    const missing = `${site.url}missing.html`;
    const result = await observeSite({ urls: [site.url, missing], accept: '#no-such-button', depth: 0, maxPages: 5 });
    expect(result.observation.pages).toEqual([site.url, missing]);
    expect(result.observation.consented).toBe(false);
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.line, d.column])).toEqual([
      ['scan-page-failed', 'error', missing, 1, 1],
      ['scan-accept-not-found', 'warning', site.url, 1, 1],
    ]);
    expect(result.diagnostics[0]!.message).toBe(`The page \`${missing}\` did not load: answered HTTP 404`);
  }, 60_000);

  it('reports a consent selector that is not a selector, without waiting for it', async () => {
    const started = Date.now();
    const result = await observeSite({ urls: [site.url], accept: '#accept[', depth: 0, maxPages: 1 });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['scan-accept-not-found', 'warning']]);
    expect(result.diagnostics[0]!.message).toContain('it is not a valid selector');
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('reports a missing browser, with how to install one', async () => {
    const result = await observeSite({ urls: [site.url], depth: 0, maxPages: 1, chromium: '/nonexistent/chromium' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'scan-browser-unavailable',
      severity: 'error',
      file: '/nonexistent/chromium',
      message: 'There is no Chromium at `/nonexistent/chromium`',
    });
    expect(result.diagnostics[0]!.hint).toContain('apt-get install -y chromium');
    expect(result.diagnostics[0]!.hint).toContain('CHROMIUM_PATH');
    expect(existsSync('/nonexistent')).toBe(false);
    expect(result.observation.pages).toEqual([]);
  });
});
