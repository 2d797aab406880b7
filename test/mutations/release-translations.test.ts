// Which translations a release freezes, planned in this process from documents held in memory: a translation
// finished after its version, one carried to the new version because none of its texts changed, a locale the
// new version leaves untranslated (allowed when its changes are editorial or with --allow-untranslated, refused
// with the exact message otherwise), and the order and chaining of the entries it writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../../src/diff/types.js';
import { entryHash, sha256, type TranslationEntry } from '../../src/history/manifest.js';
import { planTranslationRelease, type TranslationReleaseInput, type WorkingTranslation } from '../../src/history/release-translations.js';
import { parse } from '../../src/load/parse.js';
import type { Policy } from '../../src/model/policy.generated.js';
import { resolve, type PolicyModel } from '../../src/resolve/resolve.js';
import { root } from '../support/fixtures.js';

const frenchText = readFileSync(path.join(root, 'policy/privacy.fr.yaml'), 'utf8');

function model(edit: (policy: Policy) => void = () => {}): PolicyModel {
  const text = readFileSync(path.join(root, 'policy/history/privacy/2.0.0.yaml'), 'utf8');
  const policy = structuredClone(
    parse({ path: 'privacy.yaml', bytes: new TextEncoder().encode(text), size: text.length }).data,
  ) as unknown as Policy;
  edit(policy);
  return resolve(policy, 'policy/privacy.yaml');
}

const source = model();
const reworded = model((p) => (p.title = `${p.title} (revised)`));

/** A working translation in `locale` of `version`, translating `sourceModel`. */
function working(locale: string, version = '2.0.0', sourceModel = source): WorkingTranslation {
  const text = frenchText.replace('locale: fr', `locale: ${locale}`).replace('source: 2.0.0', `source: ${version}`);
  const parsed = parse({ path: `policy/privacy.${locale}.yaml`, bytes: new TextEncoder().encode(text), size: text.length });
  return { locale, version, file: parsed.path, text, yaml: parsed.yaml!, lineCounter: parsed.lineCounter, sourceModel };
}

const frozenEntry = (locale: string, version: string, previous: string | null = null): TranslationEntry => ({
  locale,
  version,
  released: '2026-11-29',
  file: `${version}.${locale}.yaml`,
  sha256: 'b'.repeat(64),
  previous,
});

const change = (rule: string, material: boolean): Change => ({
  type: 'changed',
  entity: 'purpose',
  id: 'x',
  material,
  class: material ? 'material' : 'editorial',
  rule,
  summary: '',
});
const changeSet = (changes: Change[]): ChangeSet => ({
  from: '2.0.0',
  to: '2.1.0',
  material: changes.some((c) => c.material),
  bump: changes.some((c) => c.material) ? 'minor' : 'patch',
  changes,
});

const base = (input: Partial<TranslationReleaseInput>): TranslationReleaseInput => ({
  document: 'privacy',
  working: [],
  frozen: [],
  released: ['1.0.0', '2.0.0'],
  today: '2026-12-01',
  ...input,
});

function plan(input: Partial<TranslationReleaseInput>) {
  const result = planTranslationRelease(base(input));
  if (!('plan' in result)) throw new Error(`refused: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.plan;
}

function refusals(input: Partial<TranslationReleaseInput>) {
  const result = planTranslationRelease(base(input));
  if (!('diagnostics' in result)) throw new Error('not refused');
  return result.diagnostics.map((d) => `${d.source} ${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message} (${d.hint})`);
}

describe('planTranslationRelease', () => {
  it('freezes a translation finished after its version, chained after the frozen entries, and writes nothing else', () => {
    const frozen = [frozenEntry('de', '2.0.0'), frozenEntry('fr', '1.0.0')];
    const { freezes, entries, untranslated } = plan({ working: [working('fr')], frozen });
    expect(freezes).toEqual([
      {
        entry: {
          locale: 'fr',
          version: '2.0.0',
          released: '2026-12-01',
          file: '2.0.0.fr.yaml',
          sha256: sha256(working('fr').text),
          previous: entryHash(frozen[1]!),
        },
        snapshot: working('fr').text,
      },
    ]);
    expect(entries).toEqual([...frozen, freezes[0]!.entry]);
    expect(untranslated).toEqual([]);
  });

  it('does not freeze a translation again for a version already frozen in its locale, nor one of a version not released', () => {
    expect(plan({ working: [working('fr')], frozen: [frozenEntry('fr', '2.0.0')] }).freezes).toEqual([]);
    expect(plan({ working: [working('fr', '3.0.0')], released: ['2.0.0'] }).freezes).toEqual([]);
  });

  it('freezes several locales in the order of their names, each chained to the one before, the first to nothing', () => {
    const { freezes } = plan({ working: [working('fr'), working('de'), working('es')] });
    expect(freezes.map((f) => f.entry.locale)).toEqual(['de', 'es', 'fr']);
    expect(freezes.map((f) => f.entry.previous)).toEqual([null, entryHash(freezes[0]!.entry), entryHash(freezes[1]!.entry)]);
  });

  it('carries a translation to the new version when none of its texts changed, moving its source there', () => {
    const { freezes, untranslated } = plan({
      working: [working('fr')],
      frozen: [frozenEntry('fr', '2.0.0')],
      newVersion: { version: '2.1.0', model: source, changes: changeSet([change('new-purpose', true)]), file: 'policy/privacy.yaml' },
    });
    const moved = working('fr').text.replace('source: 2.0.0', 'source: 2.1.0');
    expect(freezes.map((f) => [f.entry.version, f.entry.file, f.snapshot === moved, f.working])).toEqual([
      ['2.1.0', '2.1.0.fr.yaml', true, { file: 'policy/privacy.fr.yaml', text: moved }],
    ]);
    expect(untranslated).toEqual([]);
  });

  it('freezes a translation already naming the new version as it is, without rewriting the working file', () => {
    const translation = working('fr', '2.1.0');
    const { freezes } = plan({
      working: [translation],
      released: ['2.0.0'],
      newVersion: { version: '2.1.0', model: source, file: 'policy/privacy.yaml' },
    });
    expect(freezes.map((f) => [f.entry.version, f.snapshot === translation.text, 'working' in f])).toEqual([['2.1.0', true, false]]);
  });

  it('leaves a locale untranslated when its texts changed and the changes are editorial, or there are none', () => {
    for (const changes of [changeSet([change('wording', false)]), undefined]) {
      const { freezes, untranslated } = plan({
        working: [working('fr')],
        frozen: [frozenEntry('fr', '2.0.0')],
        newVersion: { version: '2.0.1', model: reworded, ...(changes ? { changes } : {}), file: 'policy/privacy.yaml' },
      });
      expect([freezes, untranslated]).toEqual([[], [{ locale: 'fr', material: false }]]);
    }
  });

  it('leaves a material change untranslated only when allowed, for a locale with a file and one with only frozen versions', () => {
    const { untranslated } = plan({
      working: [working('fr')],
      // Locales in the order of their names, whatever the order they were frozen in.
      frozen: [frozenEntry('fr', '2.0.0'), frozenEntry('de', '2.0.0')],
      newVersion: { version: '2.1.0', model: reworded, changes: changeSet([change('new-purpose', true)]), file: 'policy/privacy.yaml' },
      allowUntranslated: true,
    });
    expect(untranslated).toEqual([
      { locale: 'de', material: true },
      { locale: 'fr', material: true },
    ]);
  });

  it('refuses a material change a locale leaves untranslated: at the translation’s source, or at the top of the document', () => {
    const changes = changeSet([change('new-purpose', true), change('wording', false)]);
    const sourceLine = working('fr').text.split('\n').indexOf('source: 2.0.0') + 1;
    expect(
      refusals({
        working: [working('fr')],
        frozen: [frozenEntry('de', '2.0.0'), frozenEntry('fr', '2.0.0')],
        newVersion: { version: '2.1.0', model: reworded, changes, file: 'policy/privacy.yaml' },
      }),
    ).toEqual([
      'release policy/privacy.yaml:1:1 release-untranslated: The de translation does not cover privacy 2.1.0, whose changes are material (1: new-purpose). (Translate the changed texts and set `source: 2.1.0` in `privacy.de.yaml`, or release without this locale: `policyc release --allow-untranslated`.)',
      `release policy/privacy.fr.yaml:${sourceLine}:1 release-untranslated: The fr translation does not cover privacy 2.1.0, whose changes are material (1: new-purpose). 1 text to translate, such as \`title\`. (Translate the changed texts and set \`source: 2.1.0\`, or release without this locale: \`policyc release --allow-untranslated\`.)`,
    ]);
  });

  it('names at most three material rules, and counts the texts to translate', () => {
    const rules = ['new-purpose', 'new-recipient', 'new-transfer', 'new-data-category'];
    const twoTexts = model((p) => ((p.title = 'Another title'), (p.copyright = 'Another line')));
    const message = (count: number, next: PolicyModel) =>
      planTranslationRelease(
        base({
          working: [working('fr')],
          frozen: [frozenEntry('fr', '2.0.0')],
          newVersion: {
            version: '2.1.0',
            model: next,
            changes: changeSet(rules.slice(0, count).map((rule) => change(rule, true))),
            file: 'policy/privacy.yaml',
          },
        }),
      );
    const text = (result: ReturnType<typeof message>) => ('diagnostics' in result ? result.diagnostics[0]!.message : '');
    expect(text(message(3, reworded))).toBe(
      'The fr translation does not cover privacy 2.1.0, whose changes are material (3: new-purpose, new-recipient, new-transfer). 1 text to translate, such as `title`.',
    );
    expect(text(message(4, twoTexts))).toBe(
      'The fr translation does not cover privacy 2.1.0, whose changes are material (4: new-purpose, new-recipient, new-transfer, ...). 2 texts to translate, such as `title`.',
    );
  });
});
