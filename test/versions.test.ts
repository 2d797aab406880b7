// The versioned site: which version is current on a date, drafts, the feed, and every page valid.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { root } from './support/fixtures.js';
import { copySample, tempDir } from './support/project.js';

async function site(date: string, options: { drafts?: boolean; cwd?: string } = {}) {
  const out = path.join(tempDir(), 'dist');
  const result = await build({ cwd: options.cwd ?? root, out, date, drafts: options.drafts ?? false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (file: string) => readFileSync(path.join(out, file), 'utf8');
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? allFiles(dir, rel) : [rel];
  });
}

describe('the version in effect', () => {
  it('is 1.0.0 before 2.0.0 takes effect, with a notice announcing 2.0.0', async () => {
    const read = await site('2026-12-31');
    const index = read('privacy/index.html');
    expect(index).toContain('<dd>1.0.0</dd>');
    expect(index).toContain(
      '<p class="upcoming-notice"><strong>Version 2.0.0 takes effect on 1 January 2027.</strong> <a href="v/2.0.0/index.html">Read it now</a></p>',
    );
    expect(JSON.parse(read('privacy/policy.json')).version).toBe('1.0.0');
  });

  it('is 2.0.0 from its effective date, and 1.0.0 then says it was replaced', async () => {
    const read = await site('2027-01-01');
    expect(read('privacy/index.html')).toContain('<dd>2.0.0</dd>');
    expect(read('privacy/index.html')).not.toContain('upcoming-notice');
    expect(read('privacy/v/1.0.0/index.html')).toContain(
      'This version is no longer in effect: version 2.0.0 replaced it on 1 January 2027.',
    );
    expect(read('privacy/v/2.0.0/index.html')).toContain('<a href="../../v/1.0.0/index.html" rel="prev">Previous version (1.0.0)</a>');
  });

  it('lists every version with its dates and a one-line summary', async () => {
    const read = await site('2026-12-31');
    const versions = read('privacy/versions/index.html');
    expect(versions).toMatch(
      /<tr id="v-2-0-0"><th scope="row"><a href="\.\.\/v\/2\.0\.0\/index\.html">2\.0\.0<\/a> <span class="status status-upcoming">\(upcoming\)<\/span><\/th><td>from <time datetime="2027-01-01">1 January 2027<\/time><\/td><td><a href="\.\.\/changelog\/index\.html#v-2-0-0">\d+ changes, \d+ material<\/a><\/td><\/tr>/,
    );
    expect(versions).toContain(
      'from <time datetime="2013-10-01">1 October 2013</time> until <time datetime="2027-01-01">1 January 2027</time>',
    );
  });

  it('builds the same site for the same date, byte for byte', async () => {
    const a = await site('2026-12-31');
    const b = await site('2026-12-31');
    for (const file of ['privacy/index.html', 'privacy/feed.xml', 'privacy/notify/1.0.0...2.0.0/email.eml', 'privacy/changes.json'])
      expect(a(file)).toBe(b(file));
  });
});

describe('the changelog', () => {
  it('marks material changes, newest first, in HTML, Markdown and JSON', async () => {
    const read = await site('2026-12-31');
    const md = read('privacy/CHANGELOG.md');
    expect(md.indexOf('Version 2.0.0')).toBeLessThan(md.indexOf('Version 1.0.0'));
    expect(md).toContain('#### Material changes');
    expect(md).toContain('- Adds the cookie `_fbp` (Meta, advertising, 90 days). (`new-third-party-cookie`)');
    const json = JSON.parse(read('privacy/changes.json')) as {
      version: string;
      changes: { material: boolean; changes: { rule: string }[] } | null;
    }[];
    expect(json.map((e) => e.version)).toEqual(['2.0.0', '1.0.0']);
    expect(json[0]!.changes!.material).toBe(true);
    expect(json[0]!.changes!.changes.map((c) => c.rule)).toContain('transfer-changed');
    expect(json[1]!.changes).toBeNull();
    const changelog = read('privacy/changelog/index.html');
    expect(changelog).toContain('<span class="badge">Material</span>');
    // The change lists are markup, not escaped source.
    expect(changelog).toContain('<ul class="changes material">');
    expect(changelog).not.toContain('&lt;ul');
  });

  it('has a redline of the whole policy with insertions and deletions marked', async () => {
    const read = await site('2026-12-31');
    const redline = read('privacy/compare/1.0.0...2.0.0/index.html');
    expect(redline).toContain(
      '<h3 class="changed"><del>SmartFocus US, Inc. Complies with the U.S.-EU Safe Harbor Framework</del><ins>International Transfers</ins></h3>',
    );
    // A cookie replaced by another (a new id, other words) is one deleted and one inserted, not one cookie changed.
    expect(redline).toContain(
      '<li class="removed"><del>trackdiscovery.net · Lead Forensics (Third party) · Enables us to track who has visited our website · Persistent</del></li>\n<li class="added"><ins>_fbp · Meta (Third party) ·',
    );
    expect(redline).toContain(
      '<p class="legend">Inserted text is underlined and shown as [+ … +]; deleted text is struck through and shown as [− … −].</p>',
    );
  });
});

describe('drafts', () => {
  it('are not published unless asked for, then appear under draft/ with a banner and their changes', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('manage and improve the Website', 'manage and improve the Website and our apps'),
    );
    const plain = await site('2026-12-31', { cwd: dir });
    expect(() => plain('privacy/draft/index.html')).toThrow();
    const read = await site('2026-12-31', { cwd: dir, drafts: true });
    const draft = read('privacy/draft/index.html');
    expect(draft).toContain(
      'Draft: this is not a published version of the policy. It shows the working copy and how it differs from version 2.0.0.',
    );
    expect(draft).toContain('manage and improve the Website and our apps');
    expect(draft).toContain('<h2 id="draft-changes-title">Changes since version 2.0.0</h2>');
    expect(draft).toContain(
      'Rewords what it is for (was “manage and improve the Website”) (the purpose “manage and improve the Website and our apps”',
    );
  });
});

describe('an entry marked for review', () => {
  it('is listed with its note on the draft, never on the published page', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    const note = 'added by policyc scan: check the <purpose> & category';
    // A note alone is no change (it is never published): the draft is there for the purpose reworded beside it.
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(
          '      category: strictly-necessary\n    - id: ar-v4\n',
          `      category: strictly-necessary\n      review: "${note}"\n    - id: ar-v4\n`,
        )
        .replace('manage and improve the Website', 'manage and improve the Website and our apps'),
    );
    const read = await site('2026-12-31', { cwd: dir, drafts: true });
    const draft = read('privacy/draft/index.html');
    expect(draft).toContain('<h3 id="draft-review">Marked for review: to check before the release</h3>');
    expect(draft).toContain(
      '<li><a href="#cookie-asp-net-session-id">ASP.NET_SessionId</a>: added by policyc scan: check the &lt;purpose&gt; &amp; category</li>',
    );
    expect(read('privacy/draft/index.md')).toContain(
      '- [ASP.NET_SessionId](#cookie-asp-net-session-id): added by policyc scan: check the \\<purpose> & category',
    );
    for (const page of ['privacy/index.html', 'privacy/index.md']) expect(read(page)).not.toContain('added by policyc scan');
  });
});

describe('the Atom feed', () => {
  it('is well-formed Atom 1.0 with an entry per version', async () => {
    const read = await site('2026-12-31');
    const xml = read('privacy/feed.xml');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as {
      feed: {
        '@xmlns': string;
        id: string;
        title: string;
        updated: string;
        author: { name: string };
        link: { '@rel': string; '@href': string }[];
        entry: Record<string, unknown>[];
      };
    };
    const feed = parsed.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:smartfocus.com,2013-10-01:privacy');
    expect(feed.title).toBe('Privacy & Cookies Policy');
    // Dated by the announcement (the manifest's `released`), not the effective date (2027-01-01, after the build).
    expect(feed.updated).toBe('2026-11-29T00:00:00Z');
    expect(feed.author.name).toBe('SmartFocus UK Limited');
    expect(feed.link.map((l) => l['@rel'])).toEqual(['self', 'alternate']);
    expect(feed.entry).toHaveLength(2);
    const ids = new Set<string>();
    for (const entry of feed.entry) {
      // RFC 4287: every entry has a unique id, a title, an RFC 3339 updated date and an alternate link.
      expect(typeof entry.id).toBe('string');
      ids.add(entry.id as string);
      expect(entry.title).toMatch(/^Privacy & Cookies Policy \d+\.\d+\.\d+$/);
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entry.published).toBe(entry.updated);
      expect(String(entry.updated) <= '2026-12-31T00:00:00Z').toBe(true);
      // Every entry has content, the first version's too.
      expect(String(entry.content)).not.toBe('');
      expect((entry.link as { '@href': string })['@href']).toMatch(
        /^https:\/\/smartfocus\.com\/policies\/privacy\/v\/\d+\.\d+\.\d+\/index\.html$/,
      );
    }
    expect(ids.size).toBe(2);
    expect(xml).not.toMatch(/<script/i);
  });

  it('leaves out a version released after the build date: no entry is dated in the future', async () => {
    const xml = (await site('2026-11-28'))('privacy/feed.xml');
    expect(xml).not.toContain('<entry>');
  });
});

describe('every generated page is valid HTML', () => {
  it('passes html-validate, pages and e-mail alike', async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out, date: '2026-12-31', drafts: true });
    const pages = allFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    // Every language's pages: the translated versions list, changelog and e-mail too.
    expect(pages).toEqual(
      expect.arrayContaining([
        'privacy/fr/versions/index.html',
        'privacy/fr/changelog/index.html',
        'privacy/fr/notify/1.0.0...2.0.0/email.html',
      ]),
    );
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    // E-mail clients ignore <style> and stylesheets: inline styles are the only way, so that one rule is off for e-mail.
    const mail = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });
    const problems: string[] = [];
    for (const page of pages) {
      const report = await (page.includes('/notify/') ? mail : validator).validateString(readFileSync(path.join(out, page), 'utf8'), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
    expect(existsSync(path.join(out, 'privacy/compare/1.0.0...2.0.0/index.html'))).toBe(true);
  });
});
