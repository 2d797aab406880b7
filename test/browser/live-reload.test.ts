// `policyc serve` in a real Chromium: a saved edit reloads the open page by itself (server-sent
// events and the preview's script), at the same scroll position; broken YAML shows the
// diagnostics panel, and fixing it brings the page back, all without the test reloading anything.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Preview } from '../../src/serve/serve.js';
import { copySample } from '../support/project.js';
import { launchChromium, openTab, type DomWindow, type Tab } from './support.js';

const purpose = 'Enables us to measure and improve our advertising on Facebook and Instagram';
/** The working document differs from release 2.0.0 by this word, so the preview shows it at privacy/draft/. */
const edited = (word: string) => `${purpose} (${word})`;

let browser: Browser;
let tab: Tab;
let preview: Preview;
let file: string;
let original: string;

beforeAll(async () => {
  const cwd = copySample();
  file = path.join(cwd, 'policy/privacy.yaml');
  original = readFileSync(file, 'utf8');
  if (!original.includes(purpose)) throw new Error(`The sample no longer contains “${purpose}”: update test/browser/live-reload.test.ts`);
  writeFileSync(file, original.replace(purpose, edited('alpha')));
  preview = await serve({ cwd, port: 0, date: '2027-06-01' });
  browser = await launchChromium();
  tab = await openTab(browser);
}, 60_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await preview?.close();
});

type LiveWindow = DomWindow & { scrollTo(x: number, y: number): void; policycMark?: number };

/** Mark the loaded document: a reload (by the page's script) forgets the mark. */
function mark(page: Page): Promise<void> {
  return page.evaluate(() => {
    (globalThis as unknown as LiveWindow).policycMark = 1;
  });
}

/** Wait until a new document (unmarked) shows `text`; the test itself never reloads. */
async function reloadedWith(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const w = globalThis as unknown as LiveWindow;
      return (
        w.policycMark === undefined &&
        (w.document as unknown as { readyState: string }).readyState === 'complete' &&
        (w.document.body.textContent ?? '').includes(expected)
      );
    },
    text,
    { timeout: 20_000, polling: 100 },
  );
}

const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as LiveWindow).scrollY);

/** The panel's place in the window, or null when there is none. */
const panel = (page: Page) =>
  page.evaluate(() => {
    const found = (globalThis as unknown as LiveWindow).document.querySelectorAll('.policyc-diagnostics')[0];
    if (!found) return null;
    const box = found.getBoundingClientRect();
    return { top: box.top, height: box.height, text: found.textContent ?? '' };
  });

describe('policyc serve in the browser', () => {
  it('reloads the page after a save, keeps the scroll position, and shows and clears the diagnostics panel', async () => {
    const { page } = tab;
    const response = await page.goto(new URL('privacy/draft/', preview.url).href, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('script[src="/__policyc/live.js"]').count()).toBe(1);
    const height = await page.evaluate(() => (globalThis as unknown as LiveWindow).document.documentElement.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(3000);
    await page.evaluate(() => (globalThis as unknown as LiveWindow).scrollTo(0, 1800));
    expect(await scrollY(page)).toBe(1800);

    // A plain save.
    await mark(page);
    writeFileSync(file, original.replace(purpose, edited('bravo')));
    await reloadedWith(page, edited('bravo'));
    await page.waitForFunction(() => (globalThis as unknown as LiveWindow).scrollY > 0, undefined, { timeout: 5_000 });
    expect(Math.abs((await scrollY(page)) - 1800)).toBeLessThanOrEqual(2);

    // A save as editors with "atomic save" do it: a temporary file renamed over the document.
    await mark(page);
    const temporary = path.join(path.dirname(file), '.privacy.yaml.swap');
    writeFileSync(temporary, original.replace(purpose, edited('charlie')));
    renameSync(temporary, file);
    await reloadedWith(page, edited('charlie'));
    await page.waitForFunction(() => (globalThis as unknown as LiveWindow).scrollY > 0, undefined, { timeout: 5_000 });
    expect(Math.abs((await scrollY(page)) - 1800)).toBeLessThanOrEqual(2);

    // Broken YAML: the last good page under the panel, which stays in view at the scroll position.
    await mark(page);
    writeFileSync(
      file,
      original
        .replace(purpose, edited('charlie'))
        .replace('title: Privacy & Cookies Policy\n', 'title: Privacy & Cookies Policy\ntitle: Again\n'),
    );
    await reloadedWith(page, 'yaml-duplicate-key');
    const shown = await panel(page);
    expect(shown?.text).toMatch(/policy\/privacy\.yaml:\d+:\d+/);
    expect(shown!.top).toBe(0);
    expect(shown!.height).toBeGreaterThan(20);
    expect(await page.locator('body').textContent()).toContain(edited('charlie'));

    // Fixed: the page again, without the panel.
    await mark(page);
    writeFileSync(file, original.replace(purpose, edited('delta')));
    await reloadedWith(page, edited('delta'));
    expect(await panel(page)).toBeNull();

    // Nothing went wrong in the page but the event streams a reload cuts off (and Chromium's own favicon request).
    expect(tab.problems.filter((p) => !p.includes('/__policyc/events') && !p.includes('/favicon.ico'))).toEqual([]);
  });
});
