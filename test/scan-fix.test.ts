// `policyc scan --fix` through the API: entries for what is undeclared, in the document's own style, every other byte kept; the result validates.
import { cpSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/commands/scan.js';
import { parseConfig } from '../src/config/config.js';
import { validate } from '../src/commands/validate.js';
import { appendToList, durationOf } from '../src/scan/fix.js';
import type { Observation } from '../src/scan/observation.js';
import { expectGolden, root } from './support/fixtures.js';
import { tempDir } from './support/project.js';
import { observedCookie, shopPage } from './support/scan.js';

const page = shopPage;
const cookie = observedCookie;
const source = path.join(root, 'test/scan-fixtures/project');

function shop(): string {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  return dir;
}

const observation: Observation = {
  source: 'browser',
  siteHost: 'www.shop.example',
  pages: [page],
  consented: true,
  cookies: [
    cookie('shop_session'),
    cookie('_ga_XYZ789', { setBy: 'script', maxAgeSeconds: 63072000 }),
    cookie('_hjSessionUser_5', { maxAgeSeconds: 31536000 }),
    cookie('_hjSessionUser_6', { maxAgeSeconds: 31536000 }),
    cookie('_ga', { setBy: 'script', maxAgeSeconds: 63072000 }),
    cookie('uid', { domain: 'ads.example', setter: 'px.ads.example' }),
    cookie('mystery', { maxAgeSeconds: 90 * 86400 }),
  ],
  storage: [
    { kind: 'local', key: 'cart', origin: 'https://www.shop.example', page, phase: 'after-consent' },
    { kind: 'local', key: 'theme', origin: 'https://www.shop.example', page, phase: 'after-consent' },
    { kind: 'session', key: 'tab-id', origin: 'https://www.shop.example', page, phase: 'after-consent' },
  ],
  hosts: [],
  leftSite: [],
};

describe('scan --fix', () => {
  it('adds an entry for each undeclared cookie and storage kind, in the style of the file, keeping the rest byte for byte', async () => {
    const dir = shop();
    const before = readFileSync(path.join(dir, 'policy/shop.yaml'), 'utf8');
    const result = await scan({ cwd: dir, cache: false, observation, fix: true, date: '2026-03-01' });
    const after = readFileSync(path.join(dir, 'policy/shop.yaml'), 'utf8');
    expectGolden(path.join(root, 'test/scan-fixtures/shop.fixed.yaml'), after);
    // What was there is still there, in order: the new text is the old with lines added.
    const kept = after.split('\n').filter((line) => before.split('\n').includes(line));
    expect(kept.join('\n')).toContain(before.split('\n').slice(0, 45).join('\n'));
    expect(result.written).toEqual(['policy/shop.yaml']);
    expect(result.added.map((a) => `${a.list} ${a.id}`)).toEqual([
      'cookies.items hjsessionuser-5',
      'cookies.items ga',
      'cookies.items uid',
      'cookies.items mystery',
      'cookies.technologies local-storage',
      'cookies.technologies session-storage',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'scan-fix-added').map((d) => d.line)).toEqual([51, 62, 72, 82, 96, 102]);
    // Nothing undeclared is left.
    expect(result.diagnostics.filter((d) => /undeclared/.test(d.ruleId))).toEqual([]);
  });

  it('leaves a document that validates, and adds nothing the second time', async () => {
    const dir = shop();
    await scan({ cwd: dir, cache: false, observation, fix: true, date: '2026-03-01' });
    const checked = await validate({ cwd: dir, cache: false, noRules: true });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = readFileSync(path.join(dir, 'policy/shop.yaml'), 'utf8');
    const again = await scan({ cwd: dir, cache: false, observation, fix: true, date: '2026-03-01' });
    expect(again.written).toEqual([]);
    expect(readFileSync(path.join(dir, 'policy/shop.yaml'), 'utf8')).toBe(text);
  });
});

describe('appendToList', () => {
  it('creates a missing list at the end of its mapping, indented as the document is', () => {
    const text = 'id: x\ncookies:\n    title: Cookies # kept\nafter: 1\n';
    expect(appendToList(text, ['cookies', 'items'], [{ id: 'a', name: 'b' }])).toBe(
      'id: x\ncookies:\n    title: Cookies # kept\n    items:\n        - id: a\n          name: b\nafter: 1\n',
    );
  });

  it('creates a missing section at the end of the document, even without a final line break', () => {
    expect(appendToList('id: x', ['cookies', 'items'], [{ id: 'a' }])).toBe('id: x\ncookies:\n  items:\n    - id: a\n');
  });

  it('adds to a flow list by printing the document again', () => {
    expect(appendToList('items: [{ id: a }]\n', ['items'], [{ id: 'b' }])).toBe('items: [ { id: a }, { id: b } ]\n');
  });
});

describe('durationOf', () => {
  it('says a lifetime in whole years, days, hours or minutes', () => {
    expect([63072000, 63072030, 90 * 86400, 86400 * 1.5, 7200, 90, 30].map(durationOf)).toEqual([
      '2 years',
      '2 years',
      '90 days',
      '2 days',
      '2 hours',
      '2 minutes',
      '1 minute',
    ]);
  });
});

describe('the scan settings of policyc.config.json', () => {
  it('are checked, each problem at its key', () => {
    const problem = (text: string) => parseConfig(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(problem('{ "scan": { "urls": ["https://www.shop.example/"], "accept": "#ok", "depth": 2, "maxPages": 50 } }')).toEqual([]);
    expect(problem('{ "scan": {\n  "depth": 11 } }')).toEqual([
      "2:3 `scan.depth` is not valid: `scan` may hold only `urls` (absolute http(s) URLs), `accept` (the consent button's CSS selector), `depth` (0 to 10) and `maxPages` (1 to 1000)",
    ]);
    expect(problem('{ "scan": { "urls": ["ftp://x"] } }')[0]).toContain('`scan.urls` is not valid');
    expect(problem('{ "scan": { "crawl": true } }')[0]).toContain('Unknown key `crawl` in `scan`');
  });

  it('give way to --har: configured URLs are not a conflict', async () => {
    const dir = shop();
    writeFileSync(path.join(dir, 'policyc.config.json'), '{ "scan": { "urls": ["https://www.shop.example/"] } }\n');
    writeFileSync(
      path.join(dir, 'empty.har'),
      JSON.stringify({
        log: {
          version: '1.2',
          entries: [
            {
              startedDateTime: '2026-03-01T10:00:00Z',
              request: { method: 'GET', url: page, headers: [] },
              response: { status: 200, headers: [] },
            },
          ],
        },
      }),
    );
    const result = await scan({ cwd: dir, cache: false, har: 'empty.har', date: '2026-03-01' });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['scan-unobserved-cookie', 'scan-unobserved-cookie']);
    expect(result.observation?.pages).toEqual([page]);
  });
});

describe('scan --fix on other line endings', () => {
  it('keeps CRLF line breaks and a byte order mark', async () => {
    const dir = shop();
    const file = path.join(dir, 'policy/shop.yaml');
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    const result = await scan({ cwd: dir, cache: false, observation, fix: true, date: '2026-03-01' });
    expect(result.written).toEqual(['policy/shop.yaml']);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF# The shop')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.replace(/\r\n/g, '\n').slice(1)).toBe(readFileSync(path.join(root, 'test/scan-fixtures/shop.fixed.yaml'), 'utf8'));
  });
});

describe('scan --fix refuses', () => {
  it('a document that is a link: it is not read, and its target is not written', async () => {
    const dir = shop();
    const outside = path.join(tempDir(), 'shop.yaml');
    renameSync(path.join(dir, 'policy/shop.yaml'), outside);
    symlinkSync(outside, path.join(dir, 'policy/shop.yaml'));
    const before = readFileSync(outside, 'utf8');
    const result = await scan({ cwd: dir, cache: false, observation, fix: true, date: '2026-03-01' });
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('file-not-regular');
    expect(readFileSync(outside, 'utf8')).toBe(before);
  });
});
