// In a real browser: the table of contents scrolls to each section, and the
// version links (upcoming notice, previous/next, redline) and the language
// switcher lead where they say.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  phone,
  reset,
  startSession,
  visit,
  type DomWindow,
  type Session,
  type SiteName,
  type StaticServer,
  type Tab,
} from './support.js';

let session: Session;
let server: StaticServer;
let tab: Tab;

beforeAll(async () => {
  session = await startSession();
  ({ server, tab } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

/** The version number a policy page shows in its header. */
async function shownVersion(page: Page): Promise<string> {
  return (await page.locator('.policy-meta div', { hasText: 'Version' }).locator('dd').innerText()).trim();
}

/** Where an element is, relative to the viewport, and whether the page can scroll further; first scrolls to the top when asked. */
function placeOf(page: Page, id: string, scrollToTop = false) {
  return page.evaluate(
    ([targetId, toTop]) => {
      const w = globalThis as unknown as DomWindow & { scrollTo(x: number, y: number): void };
      if (toTop) w.scrollTo(0, 0);
      const target = w.document.getElementById(targetId);
      const root = w.document.documentElement;
      const atEnd = Math.ceil(w.scrollY + w.innerHeight) >= root.getBoundingClientRect().height - 1;
      return {
        found: target !== null,
        top: target?.getBoundingClientRect().top ?? NaN,
        viewport: w.innerHeight,
        hash: w.location.hash,
        atEnd,
      };
    },
    [id, scrollToTop] as const,
  );
}

describe('table of contents', () => {
  // Every page with a table of contents on a desktop; the two policies in effect on a phone too.
  const cases: [SiteName, string, { width: number; height: number }][] = [
    ['now', 'privacy/index.html', desktop],
    ['now', 'privacy/v/1.0.0/index.html', desktop],
    ['now', 'privacy/v/2.0.0/index.html', desktop],
    ['later', 'privacy/index.html', desktop],
    ['draft', 'privacy/draft/index.html', desktop],
    ['now', 'privacy/index.html', phone],
    ['later', 'privacy/index.html', phone],
  ];

  for (const [site, file, viewport] of cases) {
    it(`every link scrolls to its section: ${site}/${file} at ${viewport.width} px`, { timeout: 60_000 }, async () => {
      const page = await reset(tab, viewport);
      await visit(page, server, site, file);
      const links = await page.locator('nav.toc a').all();
      expect(links.length).toBeGreaterThanOrEqual(10);
      let scrolled = 0;
      for (const link of links) {
        const href = (await link.getAttribute('href')) ?? '';
        expect(href, 'a table-of-contents link is a fragment').toMatch(/^#[\w-]+$/);
        const id = href.slice(1);
        // Start from the top each time, so that reaching the section proves the click scrolled.
        const before = await placeOf(page, id, true);
        expect(before.found, `${href} names an element on the page`).toBe(true);
        if (before.top >= before.viewport) scrolled += 1;
        await link.click();
        let after = await placeOf(page, id);
        if (after.hash !== href) {
          // Playwright's click normally returns after the fragment navigation; wait in case it did not.
          await page.waitForFunction((h) => (globalThis as unknown as DomWindow).location.hash === h, href, { timeout: 5_000 });
          after = await placeOf(page, id);
        }
        expect(after.hash).toBe(href);
        // The section's top is in the viewport ...
        expect(after.top, `${href}: top of the section after the click`).toBeGreaterThanOrEqual(-1);
        expect(after.top, `${href}: top of the section after the click`).toBeLessThan(after.viewport - 40);
        // ... at the top (below its scroll margin), unless the page cannot scroll that far.
        if (!after.atEnd) expect(after.top, `${href} is scrolled to the top of the viewport`).toBeLessThanOrEqual(24);
      }
      // Most sections start below the first screen: the test really exercised scrolling.
      expect(scrolled).toBeGreaterThanOrEqual(links.length / 2);
      expect(tab.problems).toEqual([]);
    });
  }
});

describe('version switcher', () => {
  it('policy page with 2.0.0 upcoming: the notice is visible and opens version 2.0.0', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'now', 'privacy/index.html');
    expect(await shownVersion(page)).toBe('1.0.0');
    const notice = page.locator('.upcoming-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('Version 2.0.0 takes effect on 1 January 2027.');
    await Promise.all([page.waitForURL(/\/now\/privacy\/v\/2\.0\.0\/index\.html$/), notice.getByRole('link').click()]);
    expect(await shownVersion(page)).toBe('2.0.0');
    expect(await page.locator('h1').innerText()).toBe('Privacy & Cookies Policy');
    expect(await page.locator('.version-status').innerText()).toBe('This version takes effect on 1 January 2027.');
    expect(tab.problems).toEqual([]);
  });

  it('previous and next links navigate between v/1.0.0 and v/2.0.0', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'now', 'privacy/v/1.0.0/index.html');
    expect(await shownVersion(page)).toBe('1.0.0');
    expect(await page.locator('.version-links a[rel="prev"]').count()).toBe(0);
    const next = page.locator('.version-links a[rel="next"]');
    expect(await next.innerText()).toBe('Next version (2.0.0)');
    await Promise.all([page.waitForURL(/\/now\/privacy\/v\/2\.0\.0\/index\.html$/), next.click()]);
    expect(await shownVersion(page)).toBe('2.0.0');
    expect(await page.locator('.version-links a[rel="next"]').count()).toBe(0);
    const previous = page.locator('.version-links a[rel="prev"]');
    expect(await previous.innerText()).toBe('Previous version (1.0.0)');
    await Promise.all([page.waitForURL(/\/now\/privacy\/v\/1\.0\.0\/index\.html$/), previous.click()]);
    expect(await shownVersion(page)).toBe('1.0.0');
    // The browser's own history goes back the same way.
    await page.goBack();
    expect(page.url()).toMatch(/\/v\/2\.0\.0\/index\.html$/);
    expect(await shownVersion(page)).toBe('2.0.0');
    expect(tab.problems).toEqual([]);
  });

  it('the redline shows visible insertions and deletions, marked in text too', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'now', 'privacy/v/2.0.0/index.html');
    await Promise.all([
      page.waitForURL(/\/now\/privacy\/compare\/1\.0\.0\.\.\.2\.0\.0\/index\.html$/),
      page.getByRole('link', { name: 'Compare with the previous version' }).click(),
    ]);
    for (const tag of ['ins', 'del'] as const) {
      const marks = page.locator(`main ${tag}`);
      expect(await marks.count(), `<${tag}> elements on the redline`).toBeGreaterThan(5);
      await expect.poll(() => marks.first().isVisible()).toBe(true);
      const box = await marks.first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(0);
      expect(box?.height ?? 0).toBeGreaterThan(0);
    }
    // Without colour the marks still read: the stylesheet adds text before and after.
    const marks = await page.evaluate(() => {
      const w = globalThis as unknown as DomWindow;
      const first = (selector: string) => w.document.querySelectorAll(selector)[0];
      const ins = first('main ins');
      const del = first('main del');
      return {
        ins: ins ? [w.getComputedStyle(ins, '::before').content, w.getComputedStyle(ins).textDecorationLine] : [],
        del: del ? [w.getComputedStyle(del, '::before').content, w.getComputedStyle(del).textDecorationLine] : [],
      };
    });
    expect(marks.ins[0]).toBe('"[+ "');
    expect(marks.ins[1]).toContain('underline');
    expect(marks.del[0]).toBe('"[− "');
    expect(marks.del[1]).toContain('line-through');
    expect(tab.problems).toEqual([]);
  });

  it('policy page with 2.0.0 in effect: no notice, and links back to 1.0.0 and the redline', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'later', 'privacy/index.html');
    expect(await shownVersion(page)).toBe('2.0.0');
    expect(await page.locator('.upcoming-notice').count()).toBe(0);
    expect(await page.locator('.version-status').innerText()).toBe('This is version 2.0.0, in effect from 1 January 2027.');
    const previous = page.locator('.version-links a[rel="prev"]');
    await Promise.all([page.waitForURL(/\/later\/privacy\/v\/1\.0\.0\/index\.html$/), previous.click()]);
    expect(await shownVersion(page)).toBe('1.0.0');
    expect(await page.locator('.version-bar').innerText()).toContain(
      'This version is no longer in effect: version 2.0.0 replaced it on 1 January 2027.',
    );
    await page.goBack();
    await Promise.all([
      page.waitForURL(/\/later\/privacy\/compare\/1\.0\.0\.\.\.2\.0\.0\/index\.html$/),
      page.getByRole('link', { name: 'Compare with the previous version' }).click(),
    ]);
    expect(await page.locator('main ins').count()).toBeGreaterThan(0);
    expect(tab.problems).toEqual([]);
  });

  it('the versions list and the changelog link to every version', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'now', 'privacy/versions/index.html');
    const rows = page.locator('.versions-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('(upcoming)');
    expect(await rows.nth(1).innerText()).toContain('(in effect)');
    await Promise.all([
      page.waitForURL(/\/now\/privacy\/v\/2\.0\.0\/index\.html$/),
      rows.nth(0).getByRole('link', { name: '2.0.0' }).click(),
    ]);
    expect(await shownVersion(page)).toBe('2.0.0');
    await Promise.all([
      page.waitForURL(/\/now\/privacy\/changelog\/index\.html$/),
      page.locator('.version-links').getByRole('link', { name: 'What changed' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).not.toBe('');
    expect(tab.problems).toEqual([]);
  });
});

describe('language switcher', () => {
  /** The document's language and the entry the switcher marks as the current one. */
  const language = (page: Page) =>
    page.evaluate(() => {
      const w = globalThis as unknown as DomWindow;
      const current = w.document.querySelectorAll('nav.language-switcher [aria-current="page"]')[0];
      return { lang: w.document.documentElement.getAttribute('lang'), current: current?.getAttribute('lang') ?? null };
    });

  it('switches the policy in effect between English and French, and back', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'later', 'privacy/index.html');
    const switcher = page.locator('nav.language-switcher');
    expect(await switcher.isVisible()).toBe(true);
    expect(await language(page)).toEqual({ lang: 'en-GB', current: 'en-GB' });
    await Promise.all([page.waitForURL(/\/later\/privacy\/fr\/index\.html$/), switcher.locator('a[hreflang="fr"]').click()]);
    expect(await language(page)).toEqual({ lang: 'fr', current: 'fr' });
    expect(await shownVersion(page)).toBe('2.0.0');
    await Promise.all([
      page.waitForURL(/\/later\/privacy\/index\.html$/),
      page.locator('nav.language-switcher a[hreflang="en-GB"]').click(),
    ]);
    expect(await language(page)).toEqual({ lang: 'en-GB', current: 'en-GB' });
    expect(tab.problems).toEqual([]);
  });

  it('links a version page to its translation, and is absent where there is none', { timeout: 60_000 }, async () => {
    const page = await reset(tab);
    await visit(page, server, 'now', 'privacy/v/2.0.0/index.html');
    await Promise.all([
      page.waitForURL(/\/now\/privacy\/fr\/v\/2\.0\.0\/index\.html$/),
      page.locator('nav.language-switcher a[hreflang="fr"]').click(),
    ]);
    expect(await language(page)).toEqual({ lang: 'fr', current: 'fr' });
    expect(await shownVersion(page)).toBe('2.0.0');
    // 1.0.0 has no translation: no switcher to a page that does not exist.
    await visit(page, server, 'now', 'privacy/index.html');
    expect(await page.locator('nav.language-switcher').count()).toBe(0);
    expect(tab.problems).toEqual([]);
  });
});
