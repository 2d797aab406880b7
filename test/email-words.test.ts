// The notification e-mail as readers get it: in their words (no rule id, field name or entity id of the
// document), closing and legal wording from the project's configuration, unsubscribe headers, a Message-ID per
// site and language, dated the day the version was released; and written only when the version says changes are
// told by e-mail.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build, notify, release } from '../src/index.js';
import { changeRuleIds } from '../src/diff/change-rules.js';
import { root } from './support/fixtures.js';
import { copySample, editFile, tempDir } from './support/project.js';
import { idsIn, textsIn } from './support/document-words.js';

const date = '2026-12-01';
const examplesDir = path.join(root, 'examples');
const projects = [
  { name: 'the sample', dir: root },
  ...readdirSync(examplesDir)
    .filter((name) => existsSync(path.join(examplesDir, name, 'policyc.config.json')))
    .sort()
    .map((name) => ({ name: `examples/${name}`, dir: path.join(examplesDir, name) })),
];

/** Every file below a folder, relative. */
function filesUnder(dir: string, sub = ''): string[] {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, path.join(sub, e.name)) : [path.join(sub, e.name)],
  );
}

/** A token written like an identifier: dotted, camelCase, with `-`, `_` or a digit. */
const identifierLike = (token: string) => /[._\-0-9]|[a-z][A-Z]/.test(token);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where a token appears as a whole word (a hyphen joins words: `sensitive-data` is not in `sensitive data`). */
const asWord = (token: string) => new RegExp(`(?<![\\w-])${escape(token)}(?![\\w-])`, 'i');

describe.each(projects)('the e-mails of $name', ({ dir }) => {
  it('name no rule id, field name or entity id, and list only material changes', async () => {
    const out = path.join(tempDir(), 'dist');
    const result = await build({ cwd: dir, out, date });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = filesUnder(out);
    const mails = files.filter((f) => /(^|\/)notify\/[^/]+\/email\.eml$/.test(f));
    expect(mails.length).toBeGreaterThan(0);
    const historyDir = path.join(dir, 'policy/history');
    const ids = new Set<string>();
    const texts: string[] = [];
    for (const doc of readdirSync(historyDir))
      for (const file of readdirSync(path.join(historyDir, doc)).filter((f) => f.endsWith('.yaml'))) {
        const data = parseYaml(readFileSync(path.join(historyDir, doc, file), 'utf8')) as unknown;
        idsIn(data, ids);
        textsIn(data, texts);
      }
    const fields = new Set<string>();
    for (const file of files.filter((f) => f.endsWith('changes.json'))) {
      const versions = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as {
        changes: { changes: { fields?: { field: string }[] }[] } | null;
      }[];
      for (const v of versions) for (const c of v.changes?.changes ?? []) for (const f of c.fields ?? []) fields.add(f.field);
    }
    expect(ids.size).toBeGreaterThan(10);
    expect(fields.size).toBeGreaterThan(3);
    const documentText = texts.join('\n');
    const ownWords = [...ids].filter((id) => asWord(id).test(documentText));
    for (const mail of mails) {
      const parsed = await simpleParser(readFileSync(path.join(out, mail)));
      // What a reader sees: the subject, the text part, and the HTML part's text.
      const seen = [parsed.subject ?? '', parsed.text ?? '', (parsed.html || '').replace(/<[^>]*>/g, ' ')].join('\n');
      const found = [
        ...changeRuleIds.filter((id) => asWord(id).test(seen)).map((id) => `rule ${id}`),
        // Field names written as identifiers (`certification.url`, `legalBasis`) anywhere; plain words (`description`) quoted as code.
        ...[...fields]
          .flatMap((f) => [f, ...f.split('.')])
          .filter((f) => (identifierLike(f) ? asWord(f).test(seen) : seen.includes(`\`${f}\``)))
          .map((f) => `field ${f}`),
        ...[...ids]
          .filter((id) => !ownWords.includes(id) && (identifierLike(id) ? asWord(id).test(seen) : seen.includes(`\`${id}\``)))
          .map((id) => `id ${id}`),
      ];
      expect([...new Set(found)], mail).toEqual([]);
      expect(seen, mail).not.toContain('`');
    }
  });
});

describe('the e-mail in the project’s words', () => {
  it('takes closing and legal wording per locale and the unsubscribe URL from policyc.config.json; one Message-ID per language', async () => {
    const dir = copySample();
    writeFileSync(
      path.join(dir, 'policyc.config.json'),
      JSON.stringify({
        baseUrl: 'https://policies.example.org/',
        notify: {
          closing: { en: 'Kind regards,\nThe privacy team', fr: 'Cordialement,\nL’équipe' },
          legalNotice: { en: 'Article 13 requires us to tell you.', fr: 'L’article 13 nous impose de vous informer.' },
          unsubscribe: 'https://policies.example.org/unsubscribe',
        },
      }),
    );
    const en = await notify({ cwd: dir, out: 'mail-en' });
    const fr = await notify({ cwd: dir, out: 'mail-fr', locale: 'fr' });
    expect(en.diagnostics).toEqual([]);
    const [a, b] = await Promise.all([simpleParser(en.notification!.eml), simpleParser(fr.notification!.eml)]);
    expect(a.text).toContain('Kind regards,\nThe privacy team');
    expect(a.text).toContain('Article 13 requires us to tell you.');
    expect(a.text).not.toContain('You receive this e-mail');
    expect(b.text).toContain('L’article 13 nous impose de vous informer.');
    expect(a.html).toContain('Kind regards,\nThe privacy team');
    expect(a.messageId).toBe('<privacy-2.0.0.en-gb@policies.example.org>');
    expect(b.messageId).toBe('<privacy-2.0.0.fr@policies.example.org>');
    // Dated the day 2.0.0 was released (the manifest's), not its effective date (2027-01-01).
    expect(a.date?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(a.headers.get('list')).toEqual({
      unsubscribe: { url: 'https://policies.example.org/unsubscribe' },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
  });

  it('uses neutral wording and no unsubscribe header without configuration', async () => {
    const result = await notify({ cwd: copySample(), out: 'mail' });
    const parsed = await simpleParser(result.notification!.eml);
    expect(parsed.text).not.toMatch(/law requires/i);
    expect(parsed.headers.has('list')).toBe(false);
  });

  it('refuses a bad notify setting with a clear message', async () => {
    const dir = copySample();
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ notify: { unsubscribe: 'http://example.org/u' } }));
    const result = await notify({ cwd: dir, out: 'mail' });
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['config-invalid', '`notify.unsubscribe` must be a `mailto:` address or an https URL, without spaces'],
    ]);
  });

  it('is neither written nor sent when the new version does not tell changes by e-mail', async () => {
    const dir = copySample();
    editFile(path.join(dir, 'policy/privacy.yaml'), 'channels: [email, website]', 'channels: [website]');
    const released = await release({ cwd: dir, effective: '2027-06-01', today: '2026-11-30' });
    expect(released.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const refused = await notify({ cwd: dir, out: 'mail' });
    expect(refused.notification).toBeUndefined();
    expect(refused.diagnostics.map((d) => d.ruleId)).toEqual(['notify-no-email-channel']);
    const built = await build({ cwd: dir, out: path.join(dir, 'dist'), date });
    const info = built.diagnostics.filter((d) => d.ruleId === 'build-no-email-channel');
    expect(info.map((d) => d.severity)).toEqual(['info']);
    expect(built.written.filter((f) => f.includes(`notify/2.0.0...${released.plan!.version}`))).toEqual([]);
  });
});
