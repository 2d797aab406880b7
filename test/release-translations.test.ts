// Translations frozen into the history at release, and releases that would leave a language behind, on scratch copies of the sample.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, entryHash, release, validate } from '../src/index.js';
import type { Diagnostic, Manifest } from '../src/index.js';
import { copySample, editFile } from './support/project.js';
import { decideReviews } from './support/review.js';

const history = (dir: string, file = '') => path.join(dir, 'policy/history/privacy', file);
const manifestOf = (dir: string) => JSON.parse(readFileSync(history(dir, 'manifest.json'), 'utf8')) as Manifest;
const french = (dir: string) => path.join(dir, 'policy/privacy.fr.yaml');
const edit = editFile;
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`;
/** The next version of the working document, so that a translation can name it. */
const nextVersion = (dir: string, version: string, effective: string) => {
  edit(path.join(dir, 'policy/privacy.yaml'), 'version: 2.0.0', `version: ${version}`);
  edit(path.join(dir, 'policy/privacy.yaml'), 'effective: 2027-01-01', `effective: ${effective}`);
};

describe('frozen translations', () => {
  it('the sample freezes its French 2.0.0 beside the English, chained in the manifest', async () => {
    const dir = copySample();
    const [entry, ...rest] = manifestOf(dir).translations ?? [];
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ locale: 'fr', version: '2.0.0', file: '2.0.0.fr.yaml', previous: null });
    expect(readFileSync(history(dir, '2.0.0.fr.yaml'), 'utf8')).toBe(readFileSync(french(dir), 'utf8'));
    const checked = await validate({ cwd: dir });
    expect(errors(checked.diagnostics)).toEqual([]);
    expect(checked.documents[0]!.translations?.map((t) => [t.locale, t.version, t.frozen])).toEqual([['fr', '2.0.0', true]]);
  });

  it('a translation finished after its version is frozen by a release of nothing else', async () => {
    const dir = copySample();
    const manifest = manifestOf(dir);
    delete manifest.translations;
    writeFileSync(history(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(history(dir, '2.0.0.fr.yaml'));
    const result = await release({ cwd: dir, today: '2026-12-02' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.plan).toBeUndefined();
    expect(result.written).toEqual(['policy/history/privacy/2.0.0.fr.yaml', 'policy/history/privacy/manifest.json']);
    expect(manifestOf(dir).translations).toEqual([
      {
        locale: 'fr',
        version: '2.0.0',
        released: '2026-12-02',
        file: '2.0.0.fr.yaml',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        previous: null,
      },
    ]);
    // Once frozen, there is nothing left to release.
    const again = await release({ cwd: dir, today: '2026-12-03' });
    expect(errors(again.diagnostics).map((d) => d.ruleId)).toEqual(['release-no-changes']);
    expect(again.written).toEqual([]);
  });

  it('freezes the translation for the new version when none of its texts changed, and moves its source there', async () => {
    const dir = copySample();
    nextVersion(dir, '2.1.0', '2027-06-01');
    // A longer cookie lifetime is material, but changes no text: the French still says all there is to say.
    edit(path.join(dir, 'policy/privacy.yaml'), 'duration: 90 days', 'duration: 180 days');
    const result = await release({ cwd: dir, today: '2026-12-02' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.plan?.changes?.material).toBe(true);
    expect(result.translations?.untranslated).toEqual([]);
    const entries = manifestOf(dir).translations!;
    expect(entries.map((e) => [e.locale, e.version])).toEqual([
      ['fr', '2.0.0'],
      ['fr', '2.1.0'],
    ]);
    expect(entries[1]!.previous).toBe(entryHash(entries[0]!));
    expect(readFileSync(french(dir), 'utf8')).toMatch(/^source: 2\.1\.0$/m);
    expect(readFileSync(history(dir, '2.1.0.fr.yaml'), 'utf8')).toBe(readFileSync(french(dir), 'utf8'));
    expect(readFileSync(history(dir, '2.0.0.fr.yaml'), 'utf8')).toMatch(/^source: 2\.0\.0$/m);
    // Both French versions are published, each from its frozen text.
    const built = await build({ cwd: dir, date: '2027-07-01', out: path.join(dir, 'site') });
    expect(errors(built.diagnostics)).toEqual([]);
    expect(built.written).toEqual(
      expect.arrayContaining(['privacy/fr/v/2.0.0/index.html', 'privacy/fr/v/2.1.0/index.html', 'privacy/fr/index.html']),
    );
    expect(readFileSync(path.join(dir, 'site/privacy/fr/index.html'), 'utf8')).toContain('180');
  });

  it('refuses a material change the translation leaves untranslated, at its source line, unless allowed', async () => {
    const dir = copySample();
    nextVersion(dir, '2.1.0', '2027-06-01');
    edit(
      path.join(dir, 'policy/privacy.yaml'),
      '    - id: fbp\n',
      '    - id: tt\n      name: "_tt"\n      party: third\n      provider: TikTok\n      purpose: Measures our advertising on TikTok\n      lifetime: persistent\n      duration: 30 days\n      category: advertising\n    - id: fbp\n',
    );
    const refused = await release({ cwd: dir, today: '2026-12-02' });
    expect(errors(refused.diagnostics).map(at)).toEqual(['policy/privacy.fr.yaml:4:1 release-untranslated']);
    expect(errors(refused.diagnostics)[0]!.message).toBe(
      'The fr translation does not cover privacy 2.1.0, whose changes are material (1: new-third-party-cookie). 2 texts to translate, such as `cookies.items.tt.provider`.',
    );
    expect(errors(refused.diagnostics)[0]!.hint).toBe(
      'Translate the changed texts and set `source: 2.1.0`, or release without this locale: `policyc release --allow-untranslated`.',
    );
    expect(refused.written).toEqual([]);
    expect(existsSync(history(dir, '2.1.0.yaml'))).toBe(false);

    const allowed = await release({ cwd: dir, today: '2026-12-02', allowUntranslated: true });
    expect(errors(allowed.diagnostics)).toEqual([]);
    expect(allowed.plan?.version).toBe('2.1.0');
    expect(allowed.translations?.untranslated).toEqual([{ locale: 'fr', material: true }]);
    expect(existsSync(history(dir, '2.1.0.fr.yaml'))).toBe(false);
    expect(manifestOf(dir).translations?.map((e) => e.version)).toEqual(['2.0.0']);
  });

  it('releases an untranslated editorial change, leaving that language on the version it has', async () => {
    const dir = copySample();
    edit(path.join(dir, 'policy/privacy.yaml'), 'manage and improve the Website', 'manage and improve our Website');
    await decideReviews(dir);
    const result = await release({ cwd: dir, today: '2026-12-02', effective: '2027-02-01' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.translations?.untranslated).toEqual([{ locale: 'fr', material: false }]);
  });

  it('a translation the translator finishes for the new version is frozen with it', async () => {
    const dir = copySample();
    nextVersion(dir, '2.1.0', '2027-06-01');
    edit(path.join(dir, 'policy/privacy.yaml'), 'manage and improve the Website', 'manage and improve our Website');
    edit(french(dir), 'source: 2.0.0', 'source: 2.1.0');
    await decideReviews(dir);
    const before = readFileSync(french(dir), 'utf8');
    const result = await release({ cwd: dir, today: '2026-12-02' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.translations?.freezes.map((f) => f.entry.file)).toEqual(['2.1.0.fr.yaml']);
    expect(readFileSync(history(dir, '2.1.0.fr.yaml'), 'utf8')).toBe(before);
    expect(result.written).not.toContain('policy/privacy.fr.yaml');
  });

  it('a frozen translation is never edited: neither its snapshot nor the working file that equals it', async () => {
    const dir = copySample();
    edit(french(dir), 'Politique de confidentialité et de cookies', 'Politique de confidentialité');
    const working = await validate({ cwd: dir });
    expect(errors(working.diagnostics).map(at)).toEqual(['policy/privacy.fr.yaml:4:1 translation-frozen']);
    expect(errors(working.diagnostics)[0]!.hint).toContain('copy `policy/history/privacy/2.0.0.fr.yaml` back');

    const other = copySample();
    edit(history(other, '2.0.0.fr.yaml'), 'Politique de confidentialité et de cookies', 'Politique de confidentialité');
    const tampered = await validate({ cwd: other });
    expect(errors(tampered.diagnostics).map(at)).toContain('policy/history/privacy/2.0.0.fr.yaml:1:1 history-snapshot-modified');
  });

  it('an unrecorded translation snapshot and a broken translation chain are reported', async () => {
    const dir = copySample();
    writeFileSync(history(dir, '1.0.0.fr.yaml'), readFileSync(history(dir, '2.0.0.fr.yaml')));
    const manifest = manifestOf(dir);
    manifest.translations![0]!.released = '2026-01-01';
    manifest.translations!.push({ ...manifest.translations![0]!, previous: 'f'.repeat(64) });
    writeFileSync(history(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const rules = errors((await validate({ cwd: dir })).diagnostics).map((d) => d.ruleId);
    expect(rules).toContain('history-unrecorded-snapshot');
    expect(rules).toContain('history-chain-broken');
  });
});
