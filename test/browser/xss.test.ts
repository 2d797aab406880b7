// The XSS corpus of test/support/hostile.ts, in every text of the document and its translation, loaded in Chromium:
// on no page (policy, translation, fragment, summary, changelog, redline, e-mail) does a payload run or a dialog open.
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostileSite, type HostileSite } from '../support/hostile.js';
import { launchChromium, openTab, serveStatic, type StaticServer, type Tab } from './support.js';

let site: HostileSite;
let server: StaticServer;
let browser: Browser;
let tab: Tab;
const ran: { page: string; what: string }[] = [];
let current = '';

beforeAll(async () => {
  site = await buildHostileSite();
  server = await serveStatic(site.out);
  browser = await launchChromium();
  tab = await openTab(browser);
  // Every payload calls __pwned(n): a binding that records the call, from any frame.
  await tab.page
    .context()
    .exposeBinding('__pwned', (_source, n: unknown) => void ran.push({ page: current, what: `__pwned(${String(n)})` }));
  tab.page.on('dialog', (dialog) => {
    ran.push({ page: current, what: `${dialog.type()} dialog` });
    void dialog.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.close();
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe('hostile text in a real browser', () => {
  it('the canary works: the same binding records a payload that is allowed to run', async () => {
    current = 'canary';
    await tab.page.setContent('<img src="x" onerror="__pwned(0)">');
    await tab.page.waitForFunction(() => true);
    await tab.page.waitForTimeout(200);
    expect(ran).toEqual([{ page: 'canary', what: '__pwned(0)' }]);
    ran.length = 0;
  });

  it(
    'runs no payload and opens no dialog on any HTML page, including when its links and details are used',
    { timeout: 180_000 },
    async () => {
      const pages = site.written.filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(15);
      for (const file of pages) {
        current = file;
        await tab.page.goto(new URL(file, server.url).href, { waitUntil: 'load' });
        // Interact the way a reader would: open every <details>, focus and hover every link (handlers would fire now).
        await tab.page.evaluate(() => {
          const doc = (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): ArrayLike<{ open?: boolean; focus(): void; dispatchEvent(e: unknown): boolean }> };
            }
          ).document;
          const make = (globalThis as unknown as { MouseEvent: new (type: string) => unknown }).MouseEvent;
          for (const d of Array.from(doc.querySelectorAll('details'))) d.open = true;
          for (const a of Array.from(doc.querySelectorAll('a, button, [tabindex]'))) {
            a.focus();
            a.dispatchEvent(new make('mouseover'));
          }
        });
        await tab.page.waitForTimeout(50);
      }
      expect(ran).toEqual([]);
    },
  );
});
