// `policyc scan` end to end, as a user runs it on the sample project: the loopback test site
// (test/fixtures/scan-site/) in a real Chromium finds the cookie the sample does not declare,
// with its page and setter; `--fix` declares it from the Open Cookie Database, marked for
// review, and the document then validates (with the review warning); a HAR file of the same
// visit, recorded by the browser, gives the same undeclared cookies.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/commands/scan.js';
import { validate } from '../../src/commands/validate.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { chromiumArgs, chromiumExecutable, scanProfilePreferences } from '../../src/scan/chromium.js';
import { copySample } from '../support/project.js';
import { startScanSite, type ScanSite } from '../support/scan-site.js';

const date = '2026-12-03';
let site: ScanSite;
let cwd: string;
let browserScan: ScanResult;

const of = (result: ScanResult, ruleId: string) => result.diagnostics.filter((d) => d.ruleId === ruleId);
const cookieName = (d: Diagnostic) => /^Cookie `([^`]+)`/.exec(d.message)?.[1];
const undeclaredNames = (result: ScanResult) => of(result, 'scan-undeclared-cookie').map(cookieName).sort();

/** A HAR of a first visit to the home page and the about page, recorded by Chromium itself. */
async function recordHar(file: string): Promise<void> {
  const profile = mkdtempSync(path.join(tmpdir(), 'policyc-har-'));
  try {
    mkdirSync(path.join(profile, 'Default'));
    writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify(scanProfilePreferences));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      args: [...chromiumArgs],
      recordHar: { path: file, content: 'omit' },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(site.url, { waitUntil: 'networkidle' });
    await page.goto(`${site.url}about.html`, { waitUntil: 'networkidle' });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  site = await startScanSite();
  cwd = copySample();
  browserScan = await scan({ cwd, urls: [site.url], depth: 1, date });
}, 180_000);

afterAll(async () => {
  await site?.close();
});

describe('policyc scan on the sample project', () => {
  it('finds the cookie the sample does not declare, with the page and the host that set it', () => {
    const [pref] = of(browserScan, 'scan-undeclared-cookie').filter((d) => cookieName(d) === 'undeclared_pref');
    expect(pref).toBeDefined();
    expect(pref!.severity).toBe('error');
    expect(pref!.file).toBe('policy/privacy.yaml');
    expect(pref!.message).toBe(
      `Cookie \`undeclared_pref\` (domain \`${site.hosts.site}\`) is set on ${site.url} by a script on \`${site.hosts.site}\` but not declared`,
    );
    // The sample's own cookie list is what the rest is compared with: the tracker's cookies are the tracker's.
    expect(of(browserScan, 'scan-unknown-host').map((d) => d.message)).toContainEqual(expect.stringContaining(`\`${site.hosts.tracker}\``));
  });

  it('declares it with --fix, marked for review, and the document then validates with the review warning', async () => {
    const before = readFileSync(path.join(cwd, 'policy/privacy.yaml'), 'utf8');
    const fixed = await scan({ cwd, urls: [site.url], depth: 1, date, fix: true });
    expect(fixed.written).toEqual(['policy/privacy.yaml']);
    const after = readFileSync(path.join(cwd, 'policy/privacy.yaml'), 'utf8');
    // Only added lines: everything the file said before is still there, byte for byte, in order.
    expect(after.startsWith(before.slice(0, before.indexOf('\n  items:')))).toBe(true);
    expect(after).toMatch(/name: "undeclared_pref"\n(.*\n)*?\s+review: /);
    expect(undeclaredNames(fixed)).toEqual([]);
    const checked = await validate({ cwd, date });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const reviews = checked.diagnostics.filter((d) => d.ruleId === 'hygiene-marked-for-review');
    expect(reviews.length).toBe(fixed.added.length);
  }, 120_000);

  it('gives the same undeclared cookies from a HAR file of the same visit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policyc-har-file-'));
    try {
      const har = path.join(dir, 'visit.har');
      await recordHar(har);
      const fresh = copySample();
      const fromHar = await scan({ cwd: fresh, har, date });
      expect(fromHar.observation?.source).toBe('har');
      // `tp_pref` is written by the tracker's iframe script and never sent back in a request,
      // which a HAR cannot show (docs/scan.md, "HAR files"); every other one is the same.
      expect(undeclaredNames(browserScan)).toContain('tp_pref');
      expect(undeclaredNames(fromHar)).toEqual(undeclaredNames(browserScan).filter((name) => name !== 'tp_pref'));
      const pref = of(fromHar, 'scan-undeclared-cookie').find((d) => cookieName(d) === 'undeclared_pref');
      expect(pref?.message).toContain(`\`${site.hosts.site}\``);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
