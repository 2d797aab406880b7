// Release notes (`release --note FILE`) on scratch copies of the sample: read safely and checked as prose, frozen
// with their translations beside the snapshots and hashed in the manifest, verified like snapshots, and shown first
// in the changelog (each language), the feed of each language and the notification e-mail. The feeds themselves:
// one per language, valid Atom with ids of their own, entries in readers' words (no rule id, field name or entity id).
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { simpleParser } from 'mailparser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build, release, sha256, validate } from '../src/index.js';
import type { Diagnostic, Manifest } from '../src/index.js';
import { changeRuleIds } from '../src/diff/change-rules.js';
import { pendingSuffix } from '../src/load/read-history.js';
import { copySample, editFile, tempDir } from './support/project.js';
import { idsIn, textsIn } from './support/document-words.js';

const history = (dir: string, file = '') => path.join(dir, 'policy/history/privacy', file);
const manifestOf = (dir: string) => JSON.parse(readFileSync(history(dir, 'manifest.json'), 'utf8')) as Manifest;
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`;

const englishNote = 'We keep **cookies** for longer: see [how to refuse them](https://example.com/cookies).\n';
const frenchNote = 'Nous gardons les **cookies** plus longtemps.\n';

/** A copy of the sample whose working document has a material change (a longer cookie lifetime) and the next version, with notes written. */
function project(notes: Record<string, string> = { 'notes/2.1.0.md': englishNote, 'notes/2.1.0.fr.md': frenchNote }): string {
  const dir = copySample();
  const working = path.join(dir, 'policy/privacy.yaml');
  editFile(working, 'version: 2.0.0', 'version: 2.1.0');
  editFile(working, 'effective: 2027-01-01', 'effective: 2027-06-01');
  editFile(working, 'duration: 90 days', 'duration: 180 days');
  for (const [file, text] of Object.entries(notes)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Build a project as of a date after the release, and read its files. */
async function site(dir: string): Promise<(file: string) => string> {
  const out = path.join(dir, 'site');
  const built = await build({ cwd: dir, date: '2027-07-01', out });
  expect(errors(built.diagnostics)).toEqual([]);
  return (file) => readFileSync(path.join(out, file), 'utf8');
}

interface AtomFeed {
  '@xml:lang': string;
  id: string;
  updated: string;
  author: { name: string };
  link: { '@rel': string; '@href': string }[];
  entry: { id: string; title: string; published: string; updated: string; content: string; link: { '@href': string } }[];
}
function parseFeed(xml: string): AtomFeed {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' });
  const { feed } = parser.parse(xml) as { feed: Omit<AtomFeed, 'entry'> & { entry: (AtomFeed['entry'][number] & { content: unknown })[] } };
  // `<content type="html">`: its text, the HTML (once unescaped).
  return { ...feed, entry: feed.entry.map((e) => ({ ...e, content: (e.content as unknown as { '#text': string })['#text'] })) };
}

describe('release --note', () => {
  it('freezes the note and its French translation beside the snapshots, hashed in the manifest', async () => {
    const dir = project();
    const result = await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.written).toEqual(
      expect.arrayContaining(['policy/history/privacy/2.1.0.note.md', 'policy/history/privacy/2.1.0.note.fr.md']),
    );
    expect(readFileSync(history(dir, '2.1.0.note.md'), 'utf8')).toBe(englishNote);
    expect(readFileSync(history(dir, '2.1.0.note.fr.md'), 'utf8')).toBe(frenchNote);
    const manifest = manifestOf(dir);
    expect(manifest.releases.at(-1)!.note).toEqual({ file: '2.1.0.note.md', sha256: sha256(englishNote) });
    expect(manifest.translations!.at(-1)).toMatchObject({
      locale: 'fr',
      version: '2.1.0',
      note: { file: '2.1.0.note.fr.md', sha256: sha256(frenchNote) },
    });
    // The history verifies (the translation entries still chain), and the verified notes are on the release and its translation.
    const checked = await validate({ cwd: dir });
    expect(errors(checked.diagnostics)).toEqual([]);
    const doc = checked.documents[0]!;
    expect(doc.releases.at(-1)!.note).toBe(englishNote);
    expect(doc.translations!.find((t) => t.locale === 'fr' && t.version === '2.1.0')!.note).toBe(frenchNote);
  });

  it('leads the changelog in each language, the feed of each language and the e-mail', async () => {
    const dir = project();
    expect(errors((await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' })).diagnostics)).toEqual([]);
    const read = await site(dir);
    const entryOf = (html: string) =>
      html.slice(html.indexOf('<section id="v-2-1-0"'), html.indexOf('</section>', html.indexOf('id="v-2-1-0"')));
    const english = entryOf(read('privacy/changelog/index.html'));
    expect(english).toContain('<div class="release-note"><p>We keep <strong>cookies</strong> for longer');
    expect(english.indexOf('release-note')).toBeLessThan(english.indexOf('<ul class="changes'));
    expect(entryOf(read('privacy/fr/changelog/index.html'))).toContain(
      '<div class="release-note"><p>Nous gardons les <strong>cookies</strong>',
    );
    expect(read('privacy/CHANGELOG.md')).toMatch(/Effective from 1 June 2027\n\nWe keep \*\*cookies\*\* for longer/);
    expect(read('privacy/fr/CHANGELOG.md')).toMatch(/1er juin 2027\n\nNous gardons les \*\*cookies\*\* plus longtemps/);
    const feeds = { en: parseFeed(read('privacy/feed.xml')), fr: parseFeed(read('privacy/fr/feed.xml')) };
    expect(feeds.en.entry[0]!.content).toMatch(/^<p>We keep <strong>cookies<\/strong> for longer/);
    expect(feeds.fr.entry[0]!.content).toMatch(/^<p>Nous gardons les <strong>cookies<\/strong> plus longtemps/);
    // The note, then the material changes in plain sentences.
    expect(feeds.en.entry[0]!.content).toContain('<li>Keeps data longer: the cookie “Google AdWords Conversion”.</li>');
    expect(feeds.fr.entry[0]!.content).toMatch(/<li>Allonge la durée de conservation pour le cookie «.Google AdWords Conversion.»\.<\/li>/);
    const text = read('privacy/notify/2.0.0...2.1.0/email.txt');
    expect(text.indexOf('We keep cookies for longer')).toBeGreaterThan(0);
    expect(text.indexOf('We keep cookies for longer')).toBeLessThan(text.indexOf('What changes for you'));
    const mail = await simpleParser(read('privacy/fr/notify/2.0.0...2.1.0/email.eml'));
    expect(mail.text).toContain('Nous gardons les cookies plus longtemps.');
    expect(String(mail.html)).toContain('<strong>cookies</strong>');
  });

  it('shows the original note, marked with its language, where the translation has none', async () => {
    const dir = project({ 'notes/2.1.0.md': englishNote });
    expect(errors((await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' })).diagnostics)).toEqual([]);
    expect(manifestOf(dir).translations!.at(-1)!.note).toBeUndefined();
    const read = await site(dir);
    expect(read('privacy/fr/changelog/index.html')).toContain('<div class="release-note" lang="en-GB"><p>We keep');
    expect(read('privacy/fr/CHANGELOG.md')).toContain('<div lang="en-GB">\n\nWe keep **cookies** for longer');
    expect(parseFeed(read('privacy/fr/feed.xml')).entry[0]!.content).toMatch(/^<div lang="en-GB"><p>We keep/);
    expect(read('privacy/fr/notify/2.0.0...2.1.0/email.html')).toMatch(/<div style="margin:0 0 16px;" lang="en-GB"><p[^>]*>We keep/);
  });

  it('freezes the note of a translation frozen later, by a release of that translation only', async () => {
    const dir = copySample();
    const manifest = manifestOf(dir);
    delete manifest.translations;
    writeFileSync(history(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(history(dir, '2.0.0.fr.yaml'));
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes/2.0.0.md'), englishNote);
    writeFileSync(path.join(dir, 'notes/2.0.0.fr.md'), frenchNote);
    const result = await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.0.0.md' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.written).toEqual([
      'policy/history/privacy/2.0.0.fr.yaml',
      'policy/history/privacy/2.0.0.note.fr.md',
      'policy/history/privacy/manifest.json',
    ]);
    expect(manifestOf(dir).translations![0]!.note).toEqual({ file: '2.0.0.note.fr.md', sha256: sha256(frenchNote) });
    expect(manifestOf(dir).releases.every((r) => r.note === undefined)).toBe(true);
  });

  it('a note changed, removed or added after the release is reported as a snapshot would be', async () => {
    const dir = project();
    await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' });
    writeFileSync(history(dir, '2.1.0.note.fr.md'), 'Autre chose.\n');
    writeFileSync(history(dir, '2.0.0.note.md'), 'Never released.\n');
    rmSync(history(dir, '2.1.0.note.md'));
    const checked = await validate({ cwd: dir });
    expect(errors(checked.diagnostics).map(at)).toEqual([
      'policy/history/privacy/2.0.0.note.md:1:1 history-unrecorded-snapshot',
      'policy/history/privacy/2.1.0.note.fr.md:1:1 history-snapshot-modified',
      expect.stringMatching(/^policy\/history\/privacy\/manifest\.json:\d+:1 history-snapshot-missing$/),
    ]);
    expect(errors(checked.diagnostics).map((d) => d.message)).toEqual([
      'Release note `2.0.0.note.md` is not recorded in the manifest',
      'The fr release note of 2.1.0 was changed after it was frozen: its hash no longer matches the manifest',
      'The release note of 2.1.0 (`2.1.0.note.md`) is missing',
    ]);
  });

  it.each([
    ['raw HTML', 'notes/2.1.0.md', 'Fine text.\n\n<script>alert(1)</script>\n', ['notes/2.1.0.md:3:1 release-note-raw-html']],
    ['a javascript: link', 'notes/2.1.0.md', 'Read [this](javascript:alert(1)).\n', ['notes/2.1.0.md:1:6 release-note-unsafe-link']],
    [
      'an image from another host',
      'notes/2.1.0.md',
      'Look ![x](https://tracker.example/p.gif)\n',
      ['notes/2.1.0.md:1:6 release-note-remote-image'],
    ],
    ['a control character', 'notes/2.1.0.md', 'One\nTw\u001bo\n', ['notes/2.1.0.md:2:3 release-note-control-character']],
    ['nothing but blanks', 'notes/2.1.0.md', ' \n\n', ['notes/2.1.0.md:1:1 release-note-empty']],
    [
      'bytes that are not UTF-8',
      'notes/2.1.0.md',
      Buffer.from([0x6f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      ['notes/2.1.0.md:2:4 encoding-not-utf8'],
    ],
    ['a bad translation', 'notes/2.1.0.fr.md', '<b>Non</b>\n', ['notes/2.1.0.fr.md:1:1 release-note-raw-html']],
  ])('refuses a note with %s, at its place, and freezes nothing', async (_, file, text, expected) => {
    const dir = project();
    writeFileSync(path.join(dir, file), text);
    const before = readdirSync(history(dir)).sort();
    const result = await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' });
    expect(errors(result.diagnostics).map(at)).toEqual(expected);
    expect(result.plan).toBeUndefined();
    expect(result.written).toEqual([]);
    expect(readdirSync(history(dir)).sort()).toEqual(before);
    expect(readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8')).toMatch(/^version: 2\.1\.0$/m);
  });

  it('reads a note only inside the project, never through a link, and only when it is there', async () => {
    const dir = project();
    const outside = path.join(tempDir(), 'note.md');
    writeFileSync(outside, englishNote);
    symlinkSync(outside, path.join(dir, 'notes/linked.md'));
    symlinkSync(path.dirname(outside), path.join(dir, 'elsewhere'));
    const refused = async (note: string) => errors((await release({ cwd: dir, today: '2026-12-02', note })).diagnostics).map(at);
    expect(await refused(outside)).toEqual([`${path.relative(dir, outside).split(path.sep).join('/')}:1:1 release-note-outside-project`]);
    expect(await refused('notes/linked.md')).toEqual(['notes/linked.md:1:1 file-not-regular']);
    expect(await refused('elsewhere/note.md')).toEqual(['elsewhere/note.md:1:1 release-note-outside-project']);
    expect(await refused('notes/none.md')).toEqual(['notes/none.md:1:1 file-missing']);
    expect(existsSync(history(dir, '2.1.0.yaml'))).toBe(false);
  });

  it('an interrupted release leaves no note half-written: uncommitted pending notes are never read and go; committed ones take their names', async () => {
    const dir = project();
    await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' });
    // Killed after the manifest's commit, before the renames: the notes are still pending.
    for (const name of ['2.1.0.note.md', '2.1.0.note.fr.md']) renameSync(history(dir, name), history(dir, `${name}${pendingSuffix}`));
    const committed = await validate({ cwd: dir });
    expect(errors(committed.diagnostics)).toEqual([]);
    expect(committed.documents[0]!.releases.at(-1)!.note).toBe(englishNote);

    // Killed before the commit: the manifest does not record a note that a pending file holds.
    const other = project();
    linkSync(path.join(other, 'notes/2.1.0.md'), history(other, `2.1.0.note.md${pendingSuffix}`));
    const uncommitted = await validate({ cwd: other });
    expect(errors(uncommitted.diagnostics)).toEqual([]);
    // The next release settles the folder: the stray pending note goes, and the release writes its own.
    const result = await release({ cwd: other, today: '2026-12-02', note: 'notes/2.1.0.md' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(readdirSync(history(other)).filter((name) => name.endsWith(pendingSuffix))).toEqual([]);
    expect(readFileSync(history(other, '2.1.0.note.md'), 'utf8')).toBe(englishNote);
  });
});

describe('the feeds', () => {
  it('one per language, valid Atom with ids of their own, each page pointing to its own', async () => {
    const dir = project();
    await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' });
    const read = await site(dir);
    const en = parseFeed(read('privacy/feed.xml'));
    const fr = parseFeed(read('privacy/fr/feed.xml'));
    expect(en['@xml:lang']).toBe('en-GB');
    expect(fr['@xml:lang']).toBe('fr');
    for (const feed of [en, fr]) {
      expect(feed.author.name).toBe('SmartFocus UK Limited');
      expect(feed.updated).toBe('2026-12-02T00:00:00Z');
      expect(feed.entry.map((e) => e.title.split(' ').at(-1))).toEqual(['2.1.0', '2.0.0', '1.0.0']);
      for (const entry of feed.entry) {
        expect(entry.published).toBe(entry.updated);
        expect(entry.updated <= '2027-07-01T00:00:00Z').toBe(true);
      }
    }
    const ids = [en, fr].flatMap((feed) => [feed.id, ...feed.entry.map((e) => e.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fr.id).toBe('tag:smartfocus.com,2013-10-01:privacy/fr');
    const base = en.link.find((l) => l['@rel'] === 'self')!['@href'].replace(/feed\.xml$/, '');
    expect(fr.link.find((l) => l['@rel'] === 'self')!['@href']).toBe(`${base}fr/feed.xml`);
    for (const page of ['privacy/fr/changelog/index.html', 'privacy/fr/versions/index.html', 'privacy/changelog/index.html'])
      expect(read(page)).toContain('<link rel="alternate" type="application/atom+xml" href="../feed.xml"');
    // The first version says it is the first; a later one counts the changes not listed, linking to the changelog and the redline.
    expect(en.entry[2]!.content).toBe('<p>First published version.</p>');
    expect(fr.entry[2]!.content).toBe('<p>Première version publiée.</p>');
    expect(en.entry[1]!.content).toContain(
      `<p>44 other changes, such as rewording, are listed in the <a href="${base}changelog/index.html#v-2-0-0">change history</a> and marked in the <a href="${base}compare/1.0.0...2.0.0/index.html">comparison of the two versions</a>.</p>`,
    );
  });

  it('name no rule id, field name or entity id of the document', async () => {
    const dir = project();
    await release({ cwd: dir, today: '2026-12-02', note: 'notes/2.1.0.md' });
    const read = await site(dir);
    const document = parseYaml(readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8')) as unknown;
    const ids = [...idsIn(document)].filter((id) => /[-_.0-9]|[a-z][A-Z]/.test(id));
    // Words readers see as text may look like ids (a cookie called `_fbp`): those are names, not ids.
    const texts = textsIn(document).join('\n');
    for (const file of ['privacy/feed.xml', 'privacy/fr/feed.xml']) {
      const feed = parseFeed(read(file));
      const shown = feed.entry.map((e) => `${e.title}\n${e.content.replace(/<[^>]+>/g, ' ')}`).join('\n');
      expect(shown).not.toContain('[object Object]');
      expect(feed.entry.map((e) => e.content).join('')).not.toMatch(/<code>|class="rule"/);
      for (const rule of changeRuleIds) expect(shown, `${file}: ${rule}`).not.toMatch(new RegExp(`\\(${rule}\\)`));
      const leaked = ids.filter((id) => new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(shown));
      expect(
        leaked.filter((id) => !texts.includes(id)),
        file,
      ).toEqual([]);
    }
  });
});
