// A text the working document adds is a text no translation has yet: `validate` warns of it in every
// translation, and `release` refuses to ship a material change with it untranslated (unless allowed),
// as it does for a changed text. A mutation that looked only at changed texts fails here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { release, validate } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';
import { copySample, editFile } from '../support/project.js';

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const stale = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.ruleId === 'translation-stale').map((d) => `${d.file}:${d.line} ${d.severity} ${d.message}`);
const newPurpose =
  '    - id: newsletter\n      description: send you our newsletter\n      categories: [email-address]\n      legalBasis: consent\n';

/** The sample with the working document edited (one edit per pair), and 2.1.0 effective later. */
function edited(...edits: [string, string][]): string {
  const dir = copySample();
  const file = path.join(dir, 'policy/privacy.yaml');
  editFile(file, 'version: 2.0.0', 'version: 2.1.0');
  editFile(file, 'effective: 2027-01-01', 'effective: 2027-06-01');
  for (const [from, to] of edits) editFile(file, from, to);
  return dir;
}
const addPurpose = (): [string, string] => ['    - id: improve-website\n', `${newPurpose}    - id: improve-website\n`];

describe('validate flags the texts a translation lacks since its version', () => {
  it('a new text, in the translation of the section it belongs to', async () => {
    const checked = await validate({ cwd: edited(addPurpose()), date: '2027-02-01' });
    expect(stale(checked.diagnostics)).toEqual([
      'policy/privacy.fr.yaml:67 warning `purposes.items.newsletter.description` is new in the working document and not translated',
    ]);
  });

  it('a changed text, at its translation', async () => {
    const checked = await validate({
      cwd: edited(['description: manage and improve the Website', 'description: run and improve the Website']),
      date: '2027-02-01',
    });
    expect(stale(checked.diagnostics)).toEqual([
      'policy/privacy.fr.yaml:68 warning `purposes.items.improve-website.description` translates the text of 2.0.0, which the working document has changed',
    ]);
  });

  it('not a text the working document removed, nor one left as it was', async () => {
    const removed = await validate({
      cwd: edited(['      legitimateInterest: understanding how the Website is used so that we can run it well and improve it\n', '']),
      date: '2027-02-01',
    });
    expect(stale(removed.diagnostics)).toEqual([]);
    const unchanged = await validate({ cwd: edited(['duration: 90 days', 'duration: 180 days']), date: '2027-02-01' });
    expect(stale(unchanged.diagnostics)).toEqual([]);
  });
});

describe('release refuses a material change with a new text left untranslated', () => {
  it('names the new text, and writes nothing', async () => {
    const dir = edited(addPurpose());
    const refused = await release({ cwd: dir, today: '2027-02-01' });
    expect(errors(refused.diagnostics).map((d) => [`${d.file}:${d.line}`, d.ruleId, d.message])).toEqual([
      [
        'policy/privacy.fr.yaml:4',
        'release-untranslated',
        'The fr translation does not cover privacy 2.1.0, whose changes are material (1: new-purpose). 1 text to translate, such as `purposes.items.newsletter.description`.',
      ],
    ]);
    expect(refused.written).toEqual([]);
    expect(existsSync(path.join(dir, 'policy/history/privacy/2.1.0.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, 'policy/history/privacy/2.1.0.fr.yaml'))).toBe(false);
  });

  it('releases it with --allow-untranslated, leaving French on 2.0.0', async () => {
    const dir = edited(addPurpose());
    const allowed = await release({ cwd: dir, today: '2027-02-01', allowUntranslated: true });
    expect(errors(allowed.diagnostics)).toEqual([]);
    expect(allowed.plan?.version).toBe('2.1.0');
    expect(allowed.translations?.untranslated).toEqual([{ locale: 'fr', material: true }]);
    expect(existsSync(path.join(dir, 'policy/history/privacy/2.1.0.fr.yaml'))).toBe(false);
  });

  it('releases an editorial new text, with French left behind', async () => {
    const dir = edited(['      label: Job title\n', '      label: Job title\n      description: the role you hold at your company\n']);
    const result = await release({ cwd: dir, today: '2027-02-01' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.plan?.changes?.material).toBe(false);
    expect(result.translations?.untranslated).toEqual([{ locale: 'fr', material: false }]);
    expect(existsSync(path.join(dir, 'policy/history/privacy/2.1.0.fr.yaml'))).toBe(false);
  });
});
