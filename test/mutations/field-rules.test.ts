// The diff's field rules one by one, at the branches the diff fixtures do not reach: the clause each writes
// (the words of changes.json and the changelog) and its verdict, so that a rule keeping its id while saying
// something else, or judging another kind of entity, fails here.
import { describe, expect, it } from 'vitest';
import { fieldRules, type FieldRuleInput } from '../../src/diff/field-rules.js';
import type { EntityKind } from '../../src/diff/types.js';
import type { Entity } from '../../src/diff/values.js';

const context = { categoryLabel: (id: string) => `label of ${id}` };
const judge = (key: string, before: unknown, after: unknown, old?: Entity, now?: Entity) => {
  const [entity, field] = key.split(':') as [EntityKind, string];
  const input: FieldRuleInput = { entity, id: 'x', change: { field, before, after } as FieldRuleInput['change'], context, old, now };
  return fieldRules[key]!(input);
};

describe('field rules', () => {
  it('a recipient that now receives only some categories names them', () => {
    expect(judge('recipient:categories', undefined, ['email', 'name'])).toEqual({
      rule: 'less-data',
      material: false,
      clause: 'now receives only “label of email”, “label of name”',
    });
  });

  it('a changed legal basis names both bases', () => {
    expect(judge('purpose:legalBases', ['legitimate-interests'], ['contract'])).toEqual({
      rule: 'legal-basis-changed',
      material: true,
      clause: 'changes the legal basis from legitimate interests to performance of a contract',
    });
    expect(judge('purpose:legalBases', ['consent'], ['consent', 'contract'])).toEqual({
      rule: 'legal-basis-changed',
      material: true,
      clause: 'changes the legal basis from consent to consent and performance of a contract',
    });
    expect(judge('purpose:legalBases', undefined, ['consent'])).toBeUndefined();
    expect(judge('purpose:legalBases', ['consent'], undefined)).toEqual({
      rule: 'legal-basis-removed',
      material: true,
      clause: 'no longer states its legal basis',
    });
  });

  // Conditions are alternatives: any one of them lets the data go.
  it.each([
    [
      'a condition dropped',
      [{ basis: 'consent' }, { basis: 'contract' }],
      [{ basis: 'contract' }],
      'sharing-condition-narrowed',
      'narrows when it shares: contract (was: consent or contract)',
    ],
    [
      'only consent, from another condition',
      [{ basis: 'contract' }],
      [{ basis: 'consent' }],
      'sharing-condition-narrowed',
      'narrows when it shares: consent (was: contract)',
    ],
    [
      'only consent, from no condition (always)',
      undefined,
      [{ basis: 'consent' }],
      'sharing-condition-narrowed',
      'narrows when it shares: consent (was: no condition stated)',
    ],
    [
      'a condition added',
      [{ basis: 'consent' }],
      [{ basis: 'consent' }, { basis: 'legitimate-interests' }],
      'sharing-condition-changed',
      'changes when it shares: consent or legitimate interests (was: consent)',
    ],
    [
      'every condition dropped (always)',
      [{ basis: 'consent' }],
      undefined,
      'sharing-condition-changed',
      'changes when it shares: no condition stated (was: consent)',
    ],
    [
      'the same kind in other words',
      [{ basis: 'legal-obligation', text: 'if required by law' }],
      [{ basis: 'legal-obligation', text: 'if required or *permitted* by law' }],
      'sharing-condition-changed',
      'changes when it shares: “if required or permitted by law” (was: “if required by law”)',
    ],
    [
      'consent in the author’s words',
      [{ basis: 'contract' }],
      [{ basis: 'consent', text: 'if you ask us to' }],
      'sharing-condition-changed',
      'changes when it shares: “if you ask us to” (was: contract)',
    ],
  ])('a recipient’s conditions: %s', (_, before, after, rule, clause) => {
    expect(judge('recipient:conditions', before, after)).toEqual({ rule, material: rule === 'sharing-condition-changed', clause });
  });

  it('the ground of Art. 9(2) for sensitive data: consent dropped is material, the statement dropped too unless the data is no longer sensitive', () => {
    const key = 'category:specialCategoryConditions';
    expect(judge(key, undefined, ['explicit-consent'], undefined, { id: 'x', sensitive: true })).toBeUndefined();
    expect(judge(key, ['explicit-consent', 'legal-claims'], ['legal-claims'], undefined, { id: 'x', sensitive: true })).toEqual({
      rule: 'special-category-consent-replaced',
      material: true,
      clause:
        'no longer relies on your explicit consent to use this sensitive data: establishing, exercising or defending legal claims (was: your explicit consent; establishing, exercising or defending legal claims)',
    });
    expect(judge(key, ['public-health'], ['explicit-consent'], undefined, { id: 'x', sensitive: true })).toEqual({
      rule: 'special-category-condition-changed',
      material: false,
      clause:
        'changes the ground that allows the use of this sensitive data to your explicit consent (was: public health, as the law provides)',
    });
    expect(judge(key, ['explicit-consent'], undefined, undefined, { id: 'x', sensitive: true })?.rule).toBe(
      'special-category-condition-removed',
    );
    expect(judge(key, ['explicit-consent'], undefined, undefined, { id: 'x' })).toEqual({
      rule: 'detail-removed',
      material: false,
      clause: 'no longer states the ground for using it as sensitive data (was: your explicit consent)',
    });
  });

  it('a right entry that stops describing a right removes it; one that describes more adds them', () => {
    expect(judge('right:types', ['access'], ['access', 'portability'])).toEqual({
      rule: 'right-added',
      material: false,
      clause: 'now also describes the right to data portability',
    });
    expect(judge('right:types', ['access', 'portability'], ['access'])).toEqual({
      rule: 'right-removed',
      material: true,
      clause: 'is now the right of access instead of the right of access and right to data portability',
    });
  });

  it('a category’s retention period removed is unstated retention, whatever the category holds', () => {
    const category = { id: 'email', label: 'Email', retention: { criteria: 'while your account is open' } };
    expect(judge('category:retention.period', '2 years', undefined, category, category)).toEqual({
      rule: 'retention-unstated',
      material: true,
      clause: 'no longer states how long it lasts (was 2 years)',
    });
    // A cookie that is not a session cookie after the change is judged the same way.
    const cookie = { id: 'c', name: 'c', lifetime: 'persistent' };
    expect(judge('cookie:duration', '1 year', undefined, cookie, cookie)?.rule).toBe('retention-unstated');
  });

  it('a cookie that becomes a session cookie loses its duration without a material change', () => {
    const before = { id: 'c', name: 'c', lifetime: 'persistent', duration: '1 year' };
    const after = { id: 'c', name: 'c', lifetime: 'session' };
    expect(judge('cookie:duration', '1 year', undefined, before, after)).toEqual({
      rule: 'shorter-retention',
      material: false,
      clause: 'no longer lasts 1 year',
    });
  });

  it('cookie categories are named in the clause', () => {
    expect(judge('cookie:category', 'analytics', 'strictly-necessary')?.clause).toBe(
      'is now set without consent as strictly necessary (was analytics)',
    );
    expect(judge('cookie:category', 'strictly-necessary', 'advertising')?.clause).toBe(
      'changes category from strictly necessary to advertising',
    );
    expect(judge('cookie:category', 'functional', 'analytics')).toEqual({
      rule: 'cookie-category-changed',
      material: false,
      clause: 'changes category from functional to analytics',
    });
  });

  it('cookie consent models are named in the clause', () => {
    expect(judge('cookie-policy:consent.model', 'implied', 'opt-in')).toEqual({
      rule: 'cookie-consent-strengthened',
      material: false,
      clause: 'asks for consent before setting cookies (opt-in instead of implied consent)',
    });
    expect(judge('cookie-policy:consent.model', 'implied', 'opt-out')).toEqual({
      rule: 'cookie-consent-weakened',
      material: true,
      clause: 'changes cookie consent from implied consent to opt-out',
    });
  });
});
