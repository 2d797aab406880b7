// Verdicts of the diff fixtures (test/diff-fixtures/), checked apart from their goldens: `UPDATE=1` rewrites
// a golden whose `material` flipped without a word, so each change must also carry its rule's own verdict
// (`changeRules`), and the boundary cases below are pinned by hand. A mutation that keeps a rule id but
// flips its verdict (a removed cookie-consent statement made editorial) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changeRules, diffPolicies } from '../../src/index.js';
import { ruleClass } from '../../src/diff/change-rules.js';
import type { Policy } from '../../src/index.js';
import { root } from '../support/fixtures.js';

const fixturesDir = path.join(root, 'test/diff-fixtures');
const folders = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const load = (folder: string, file: string) => parse(readFileSync(path.join(fixturesDir, folder, file), 'utf8')) as Policy;
const diffOf = (folder: string) => diffPolicies(load(folder, 'previous.yaml'), load(folder, 'input.yaml'));

describe('every diff fixture carries its rule’s verdict', () => {
  it.each(folders)('%s', (folder) => {
    const set = diffOf(folder);
    for (const change of set.changes) {
      expect([change.rule, change.material]).toEqual([change.rule, changeRules[change.rule]]);
      // An editorial rule's change is to review when a field of it is (a decision stopped, its description rewritten).
      const expected = ruleClass(change.rule);
      expect([change.rule, change.class]).toEqual([
        change.rule,
        expected === 'editorial' && change.class === 'review' ? 'review' : expected,
      ]);
    }
    expect(set.material).toBe(set.changes.some((c) => c.material));
    const minor = set.changes.some((c) => c.class !== 'editorial');
    expect(set.bump).toBe(minor ? 'minor' : set.changes.length ? 'patch' : 'none');
  });
});

// The rule and verdict of each boundary or branch case, written out (not read from a golden).
const pinned: Record<string, [rule: string, material: boolean]> = {
  'new-essential-cookie': ['new-essential-cookie', false],
  'new-non-essential-cookie-uncategorised': ['new-non-essential-cookie', true],
  'new-third-party-cookie-essential': ['new-third-party-cookie', true],
  'cookie-consent-weakened': ['cookie-consent-weakened', true],
  'cookie-consent-weakened-removed': ['cookie-consent-weakened', true],
  'cookie-consent-weakened-opt-out': ['cookie-consent-weakened', true],
  'cookie-consent-strengthened': ['cookie-consent-strengthened', false],
  'detail-stated-cookie-consent': ['detail-stated', false],
  'contact-detail-removed': ['contact-detail', false],
  'less-data-recipient': ['less-data', false],
  'recipient-receives-more-data-all': ['recipient-receives-more-data', true],
  'purpose-uses-more-data-context': ['purpose-uses-more-data', true],
  'purpose-uses-more-data-swap': ['purpose-uses-more-data', true],
  'detail-stated-purpose-categories': ['detail-stated', false],
  'detail-removed-purpose-categories': ['detail-removed', false],
  'detail-stated-legal-basis': ['detail-stated', false],
  'legal-basis-removed': ['legal-basis-removed', true],
  'transfer-changed-recipient': ['transfer-changed', true],
  'detail-stated-retention-period': ['detail-stated', false],
  'retention-unstated': ['retention-unstated', true],
  'retention-unstated-cookie': ['retention-unstated', true],
  'shorter-retention-session': ['shorter-retention', false],
  'detail-changed-same-period': ['detail-changed', false],
  'longer-retention-one-day': ['longer-retention', true],
  'shorter-retention-one-day': ['shorter-retention', false],
  'detail-stated-cookie-category': ['detail-stated', false],
  'detail-removed-cookie-category': ['detail-removed', false],
  'detail-stated-cookie-provider': ['detail-stated', false],
  'detail-removed-cookie-provider': ['detail-removed', false],
  'sensitive-data': ['sensitive-data', true],
  'sensitive-data-from-false': ['sensitive-data', true],
  'detail-changed-not-sensitive': ['detail-changed', false],
  'detail-stated-not-sensitive': ['detail-stated', false],
  'fee-removed': ['fee-removed', false],
  'fee-removed-zero': ['fee-removed', false],
  'detail-stated-free-fee': ['detail-stated', false],
  'new-fee': ['new-fee', true],
  'new-fee-from-zero': ['new-fee', true],
  'new-fee-increase': ['new-fee', true],
  'fee-reduced': ['fee-reduced', false],
  'marketing-opt-out': ['marketing-opt-out', true],
  'marketing-opt-out-section-added': ['marketing-opt-out', true],
  'detail-stated-marketing-opt-in': ['detail-stated', false],
  'marketing-opt-in': ['marketing-opt-in', false],
  'detail-stated-automated-decisions': ['detail-stated', false],
  'automated-decisions-introduced-block': ['automated-decisions-introduced', true],
  'automated-decisions-stopped': ['automated-decisions-stopped', false],
  'automated-decisions-stopped-block': ['automated-decisions-stopped', false],
  'sharing-condition-narrowed': ['sharing-condition-narrowed', false],
  'sharing-condition-changed-from-consent': ['sharing-condition-changed', true],
  // Issue 15: the ground of Art. 9(2) for special-category data.
  'special-category-condition-removed': ['special-category-condition-removed', true],
  'special-category-consent-replaced': ['special-category-consent-replaced', true],
  'special-category-condition-changed': ['special-category-condition-changed', false],
  // Issue 14: the cases real policies showed to be called editorial.
  'sale-or-share-started': ['sale-or-share-started', true],
  'opt-out-withdrawn': ['opt-out-withdrawn', true],
  'opt-out-withdrawn-control': ['opt-out-withdrawn', true],
  'contact-role-removed': ['contact-role-removed', true],
  'contact-role-removed-changed': ['contact-role-removed', true],
  'purpose-uses-more-data-category': ['purpose-uses-more-data', true],
  'purpose-broadened': ['purpose-broadened', true],
  'new-source': ['new-source', true],
  'scope-widened': ['scope-widened', true],
  'scope-widened-exclusion': ['scope-widened', true],
  'threshold-removed': ['threshold-removed', true],
  'assurance-removed': ['assurance-removed', true],
  'assurance-removed-prose': ['assurance-removed', true],
  'assurance-removed-section': ['assurance-removed', true],
  'flow-widened': ['flow-widened', true],
  'flow-widened-platforms': ['flow-widened', true],
  'new-data-element': ['new-data-element', true],
  'new-tracking-technology': ['new-tracking-technology', true],
  'new-tracking-technology-pixel': ['new-tracking-technology', true],
  'parental-consent-changed': ['parental-consent-changed', true],
  'parental-consent-changed-age': ['parental-consent-changed', true],
  'purpose-uses-more-data-merged': ['purpose-uses-more-data', true],
  renamed: ['renamed', false],
  merged: ['merged', false],
};

// The class of the cases the rules cannot judge, and of those that look like them but can.
const pinnedClass: Record<string, 'material' | 'editorial' | 'review'> = {
  'purpose-reworded': 'review',
  'threshold-reworded': 'review',
  'special-category-condition-changed': 'review',
  'wording-review-right': 'review',
  'wording-review-retention': 'review',
  'automated-decisions-stopped': 'review',
  wording: 'editorial',
  'wording-nested': 'editorial',
  'link-changed': 'editorial',
  'reordering-sections': 'editorial',
  renamed: 'editorial',
  merged: 'editorial',
};

describe('boundary and branch cases of the materiality rules', () => {
  it.each(Object.entries(pinned))('%s', (folder, [rule, material]) => {
    const set = diffOf(folder);
    expect(set.changes.map((c) => [c.rule, c.material])).toEqual([[rule, material]]);
    expect(set.material).toBe(material);
  });

  it.each(Object.entries(pinnedClass))('%s is of its class', (folder, kind) => {
    const set = diffOf(folder);
    expect(set.changes.map((c) => c.class)).toEqual([kind]);
    expect(set.bump).toBe(kind === 'editorial' ? 'patch' : 'minor');
  });

  it('a project that overrules a rule to review decides it: material or editorial', () => {
    const previous = load('threshold-reworded', 'previous.yaml');
    const input = load('threshold-reworded', 'input.yaml');
    expect(diffPolicies(previous, input, undefined, { 'threshold-reworded': false }).changes.map((c) => c.class)).toEqual(['editorial']);
    expect(diffPolicies(previous, input, undefined, { 'threshold-reworded': true }).changes.map((c) => c.class)).toEqual(['material']);
  });

  // A whole section (a singleton with a list) cannot come or go alone, its list needs an item: no one-change fixture.
  it('a whole section added or removed, with the items of its list', () => {
    const withTransfers = load('new-essential-cookie', 'previous.yaml');
    const without = structuredClone(withTransfers);
    delete without.transfers;
    const gone = diffPolicies(withTransfers, without);
    expect(gone.changes.map((c) => [c.type, c.entity, c.id, c.rule, c.material])).toEqual([
      ['removed', 'section', 'transfers', 'content-removed', false],
      ['removed', 'transfer', 'us-hosting', 'content-removed', false],
    ]);
    const added = diffPolicies(without, withTransfers);
    expect(added.changes.map((c) => [c.type, c.entity, c.id, c.rule, c.material])).toEqual([
      ['added', 'section', 'transfers', 'content-added', false],
      ['added', 'transfer', 'us-hosting', 'new-transfer', true],
    ]);
    expect(added.material).toBe(true);
  });

  it('the same edit is material or not by the project’s overrides only', () => {
    const previous = load('new-non-essential-cookie-uncategorised', 'previous.yaml');
    const input = load('new-non-essential-cookie-uncategorised', 'input.yaml');
    expect(diffPolicies(previous, input, undefined, { 'new-non-essential-cookie': false }).material).toBe(false);
    expect(diffPolicies(previous, input, undefined, { 'new-essential-cookie': true }).material).toBe(true);
  });
});
