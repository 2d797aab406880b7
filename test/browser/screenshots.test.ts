// Full-page screenshots of the main pages, wide and narrow, for a reviewer to
// look at: test-output/screenshots/<site>--<page>--<width>.png (git-ignored).
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  outputDir,
  phone,
  reset,
  startSession,
  visit,
  type Session,
  type SiteName,
  type Sites,
  type StaticServer,
  type Tab,
} from './support.js';

let session: Session;
let sites: Sites;
let server: StaticServer;
let tab: Tab;
const dir = path.join(outputDir, 'screenshots');

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  session = await startSession();
  ({ sites, server, tab } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const mainPages: [SiteName, string][] = [
  ['now', 'index.html'],
  ['now', 'privacy/index.html'],
  ['now', 'privacy/v/2.0.0/index.html'],
  ['now', 'privacy/versions/index.html'],
  ['now', 'privacy/changelog/index.html'],
  ['now', 'privacy/compare/1.0.0...2.0.0/index.html'],
  ['later', 'privacy/index.html'],
  ['draft', 'privacy/draft/index.html'],
];

/** `now--privacy--v--2.0.0--375.png` for `now/privacy/v/2.0.0/index.html` at 375 px; `now--index--1280.png` for the site's index. */
const fileName = (site: SiteName, file: string, width: number) => {
  const name =
    file === 'index.html'
      ? 'index'
      : file
          .replace(/\/index\.html$/, '')
          .replace(/\.html$/, '')
          .split('/')
          .join('--');
  return `${site}--${name}--${width}.png`;
};

describe('screenshots', () => {
  for (const viewport of [desktop, phone]) {
    it(`of the main pages at ${viewport.width} px`, { timeout: 60_000 }, async () => {
      const page = await reset(tab, viewport);
      for (const [site, file] of mainPages) {
        expect(sites.pages[site], `${site} has ${file}`).toContain(file);
        await visit(page, server, site, file);
        const target = path.join(dir, fileName(site, file, viewport.width));
        await page.screenshot({ path: target, fullPage: true, animations: 'disabled', caret: 'hide' });
        expect(statSync(target).size).toBeGreaterThan(5_000);
      }
      expect(tab.problems).toEqual([]);
    });
  }
});
