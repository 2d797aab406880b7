// Translations: policy/<id>.<locale>.yaml holds only the translated text, keyed by the source's ids.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { translationSchema } from '../src/translate/schema.js';
import { build, release, validate, type Diagnostic } from '../src/index.js';
import { root } from './support/fixtures.js';
import { copySample, editFile, tempDir } from './support/project.js';
import { decideReviews } from './support/review.js';

const fr = (dir: string) => path.join(dir, 'policy/privacy.fr.yaml');
const edit = editFile;
const translationDiagnostics = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.file === 'policy/privacy.fr.yaml');

describe('translations', () => {
  it('the sample’s French translation of 2.0.0 is complete and valid', async () => {
    const { diagnostics, documents } = await validate({ cwd: root, date: '2026-11-29' });
    expect(translationDiagnostics(diagnostics)).toEqual([]);
    const translated = documents[0]!.translations!;
    expect(translated.map((t) => [t.locale, t.version])).toEqual([['fr', '2.0.0']]);
    expect(translated[0]!.model.policy.title).toBe('Politique de confidentialité et de cookies');
    // Structure stays with the source: ids, cookie names, addresses.
    expect(translated[0]!.model.policy.cookies!.items!.map((c) => c.name)).toContain('_fbp');
    expect(translated[0]!.model.policy.locale).toBe('fr');
  });

  it('schema/translation.schema.json is the one derived from the policy schema (run `node scripts/generate-translation-schema.mjs`)', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'schema/translation.schema.json'), 'utf8'))).toEqual(translationSchema());
  });

  it('a missing field fails validation at the line of its entity', async () => {
    const dir = copySample();
    const text = readFileSync(fr(dir), 'utf8');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l === '    fbp:');
    // Drop the purpose of the cookie fbp.
    const purpose = lines.findIndex((l, i) => i > start && l.startsWith('      purpose:'));
    lines.splice(purpose, 1);
    writeFileSync(fr(dir), lines.join('\n'));
    const found = translationDiagnostics((await validate({ cwd: dir })).diagnostics);
    expect(found.map((d) => [d.ruleId, d.line, d.severity])).toEqual([['translation-missing', start + 1, 'error']]);
    expect(found[0]).toMatchObject({ message: 'The translation lacks `cookies.items.fbp.purpose`' });
    const out = path.join(tempDir(), 'dist');
    expect((await build({ cwd: dir, out })).written).toEqual([]);
  });

  it('a field the source lacks is an error at its key', async () => {
    const dir = copySample();
    edit(fr(dir), '    fbp:\n', '    fbq:\n      purpose: Rien\n    fbp:\n');
    const found = translationDiagnostics((await validate({ cwd: dir })).diagnostics);
    expect(found.map((d) => d.ruleId)).toEqual(['translation-extra']);
    expect(found[0]!.message).toBe('`cookies.items.fbq.purpose` is not a text of privacy 2.0.0');
  });

  it('text changed in the working document since the translated version is a warning naming the field', async () => {
    const dir = copySample();
    edit(
      path.join(dir, 'policy/privacy.yaml'),
      'Enables us to measure and improve our advertising on Facebook and Instagram',
      'Enables us to measure our advertising on Facebook',
    );
    const found = translationDiagnostics((await validate({ cwd: dir })).diagnostics);
    expect(found.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['translation-stale', 'warning', '`cookies.items.fbp.purpose` translates the text of 2.0.0, which the working document has changed'],
    ]);
  });

  it('names an unknown document, an unknown version, and a misnamed file', async () => {
    const dir = copySample();
    edit(fr(dir), 'source: 2.0.0', 'source: 9.9.9');
    expect(translationDiagnostics((await validate({ cwd: dir })).diagnostics).map((d) => d.ruleId)).toEqual(['translation-unknown-source']);
    edit(fr(dir), 'source: 9.9.9', 'source: 2.0.0');
    edit(fr(dir), 'translates: privacy', 'translates: cookies');
    const found = (await validate({ cwd: dir })).diagnostics.filter((d) => d.ruleId.startsWith('translation-'));
    expect(found.map((d) => d.ruleId).sort()).toEqual(['translation-filename', 'translation-unknown-document']);
  });

  it('shows the coming French version in full, saying first that the version in effect exists in English only', async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out, date: '2026-12-01' });
    const page = readFileSync(path.join(out, 'privacy/fr/index.html'), 'utf8');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(
      '<p class="in-effect-notice"><strong>La version 1.0.0 de cette politique, actuellement en vigueur, n’existe qu’en anglais.</strong> <a href="../index.html" hreflang="en-GB">La lire en anglais</a></p>',
    );
    expect(page).toContain('<p class="version-status">Cette version entrera en vigueur le 1er janvier 2027.</p>');
    expect(page).toContain('<h1 id="policy-title">Politique de confidentialité et de cookies</h1>');
    // Links stay in French where a French page exists, and say so where they lead to the original.
    expect(page).toContain('<li><a href="v/2.0.0/index.html">Version 2.0.0</a></li>');
    expect(page).toContain(
      '<li><a href="../v/1.0.0/index.html" rel="prev" hreflang="en-GB">Version précédente (1.0.0)</a> <span class="language">(anglais)</span></li>',
    );
    expect(page).toContain(
      '<li><a href="../compare/1.0.0...2.0.0/index.html" hreflang="en-GB">Comparer avec la version précédente</a> <span class="language">(anglais)</span></li>',
    );
    expect(readFileSync(path.join(out, 'privacy/fr/index.md'), 'utf8')).toContain(
      '> **La version 1.0.0 de cette politique, actuellement en vigueur, n’existe qu’en anglais.** [La lire en anglais](../index.md)',
    );
  });

  it('says, in French, when only versions older than the one in effect are translated', async () => {
    const dir = copySample();
    const out = path.join(dir, 'dist');
    // A 2.1.0 the French translation does not cover, in effect at the build date.
    edit(path.join(dir, 'policy/privacy.yaml'), 'version: 2.0.0', 'version: 2.1.0');
    edit(path.join(dir, 'policy/privacy.yaml'), 'manage and improve the Website', 'manage and improve our Website');
    await decideReviews(dir);
    const released = await release({ cwd: dir, effective: '2027-03-01', today: '2026-12-01' });
    expect(released.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await build({ cwd: dir, out, date: '2027-04-01' });
    const page = readFileSync(path.join(out, 'privacy/fr/index.html'), 'utf8');
    expect(page).toContain(
      'La version 2.1.0 de cette politique, actuellement en vigueur, n’existe qu’en anglais. <a href="../index.html" hreflang="en-GB">La lire en anglais</a>',
    );
    expect(page).toContain('<li><a href="v/2.0.0/index.html">Version 2.0.0</a>');
  });

  it('formats durations in the reader’s language', async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out, date: '2027-02-01' });
    // French puts a no-break space between a number and its unit.
    const french = readFileSync(path.join(out, 'privacy/fr/index.html'), 'utf8').replace(/\u00a0/g, ' ');
    expect(french).toContain('Persistant (2 ans)');
    expect(french).toContain('(90 jours)');
  });

  it('builds the French pages with hreflang alternates and a language switcher both ways', async () => {
    const out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out, date: '2027-02-01' });
    const english = readFileSync(path.join(out, 'privacy/index.html'), 'utf8');
    const french = readFileSync(path.join(out, 'privacy/fr/index.html'), 'utf8');
    expect(english).toContain('<link rel="alternate" hreflang="fr" href="https://smartfocus.com/policies/privacy/fr/index.html">');
    expect(english).toContain('<link rel="alternate" hreflang="x-default" href="https://smartfocus.com/policies/privacy/index.html">');
    expect(english).toContain('<a href="fr/index.html" hreflang="fr" lang="fr">Français</a>');
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('<link rel="alternate" hreflang="en-GB" href="https://smartfocus.com/policies/privacy/index.html">');
    expect(french).toContain('<h1 id="policy-title">Politique de confidentialité et de cookies</h1>');
    expect(french).toContain('1er janvier 2027');
    expect(readFileSync(path.join(out, 'privacy/fr/v/2.0.0/index.md'), 'utf8')).toMatch(/^# Politique de confidentialité et de cookies\n/);
    // Every text of the French file appears on the French page (structure comes from the source).
    const translation = parseYaml(readFileSync(path.join(root, 'policy/privacy.fr.yaml'), 'utf8')) as { title: string };
    expect(french).toContain(translation.title);
  });
});
