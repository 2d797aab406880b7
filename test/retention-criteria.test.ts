import { describe, expect, it } from 'vitest';
import { retentionStatement, vagueRetention } from '../src/rules/retention-criteria.js';

describe('retention non-criteria', () => {
  it.each([
    'as long as necessary',
    'For as long as it makes sense.',
    'as long as needed for the purposes for which it was collected',
    'We keep your data no longer than is reasonably necessary for the purposes described in this policy.',
    'only for the time required to fulfil the purposes',
    'as long as we need it',
  ])('finds no period and no criterion in %j', (text) => {
    expect(vagueRetention(text)).toBe(true);
  });

  it.each([
    'until you close your account',
    'as long as necessary, and 6 years after the contract ends as tax law requires',
    'as long as your account is open, then 1 year',
    'as long as necessary to comply with our legal obligations',
    'as long as necessary to settle a dispute',
    'thirty days',
    'We delete it when you unsubscribe.',
  ])('takes %j as a period or criterion', (text) => {
    expect(vagueRetention(text)).toBe(false);
  });

  it('judges a retention by all it states: a period, stages or indefinite keeping outweigh vague words', () => {
    expect(retentionStatement(undefined)).toEqual({ kind: 'missing' });
    expect(retentionStatement({ criteria: ' ' })).toEqual({ kind: 'missing' });
    expect(retentionStatement({ criteria: 'as long as necessary' })).toEqual({ kind: 'vague', text: 'as long as necessary' });
    expect(retentionStatement({ criteria: 'as long as necessary', period: '2 years' })).toEqual({ kind: 'stated' });
    expect(retentionStatement({ criteria: 'as long as necessary', description: 'We delete it when you close your account' })).toEqual({
      kind: 'stated',
    });
    expect(retentionStatement({ description: 'as long as needed', indefinite: true })).toEqual({ kind: 'stated' });
  });
});
