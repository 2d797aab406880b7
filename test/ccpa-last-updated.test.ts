// `ccpa-last-updated` judges a version as of the date it is judged at, whatever
// date the engine passes: the rule must not depend on the effective date alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Policy } from '../src/model/policy.generated.js';
import { resolve } from '../src/resolve/resolve.js';
import { ccpaRules } from '../src/rules/packs/ccpa.js';
import type { RuleContext } from '../src/rules/types.js';

const rule = ccpaRules.find((r) => r.id === 'ccpa-last-updated')!;
const base = parse(readFileSync(path.join(import.meta.dirname, 'rule-fixtures', 'ccpa.yaml'), 'utf8')) as Policy;

function judge(effective: string, context: Partial<RuleContext>): string[] {
  const policy = resolve({ ...base, effective }, 'privacy.yaml').policy;
  return rule.check({ policy, date: effective, today: '2026-11-29', settings: { noticeDays: 30 }, ...context }).map((f) => f.message);
}

describe('ccpa-last-updated as of the date judged', () => {
  it('reports a 2019 version still in force when judged as of today', () => {
    expect(judge('2019-06-01', { date: '2026-11-29' })).toEqual([
      'The policy was last updated on 2019-06-01, 7 years, 5 months and 28 days ago as of 2026-11-29; the CCPA requires it to be updated at least once every 12 months',
    ]);
  });

  it('judges a superseded version as of a later date of its period, never before 2020', () => {
    expect(judge('2019-06-01', { date: '2020-07-01', superseded: true })).toHaveLength(1);
    expect(judge('2019-06-01', { date: '2020-05-31', superseded: true })).toEqual([]);
    expect(judge('2018-06-01', { date: '2019-12-31', today: '2019-12-31' })).toEqual([]);
  });

  it('measures the version in force today from today when judged at its effective date, a superseded one not', () => {
    expect(judge('2024-05-01', {})).toHaveLength(1);
    expect(judge('2024-05-01', { superseded: true })).toEqual([]);
    expect(judge('2026-06-01', {})).toEqual([]);
  });
});
