// How the rules engine weighs a finding: the rule's own severity, the project's setting (`error`, `warn`,
// `off`), `--strict`, and the cap for released versions; and the source it names. Mutation testing of
// src/rules/engine.ts found these untested in the fast tier.
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/index.js';
import { runRules, type RuleRunSettings } from '../../src/rules/engine.js';
import type { Rule, RuleContext } from '../../src/rules/types.js';

const rule = (id: string, severity: 'error' | 'warning'): Rule => ({
  id,
  pack: 'hygiene',
  severity,
  title: id,
  explanation: '',
  reference: '',
  fix: `Fix ${id}.`,
  check: () => [{ message: `${id} fired`, path: [] }],
});
const rules = [rule('hygiene-e', 'error'), rule('hygiene-w', 'warning')];
const context: RuleContext = {
  policy: { effective: '2024-01-01' } as Policy,
  date: '2024-01-01',
  today: '2024-01-01',
  settings: { noticeDays: 30 },
};
const weigh = (settings: RuleRunSettings) => runRules(context, { file: 'p.yaml' }, settings, rules).map((d) => `${d.ruleId} ${d.severity}`);

describe('the severity of a finding', () => {
  it('is the rule’s own by default', () => {
    expect(weigh({})).toEqual(['hygiene-e error', 'hygiene-w warning']);
  });

  it('is the project’s setting where it has one', () => {
    expect(weigh({ severities: { 'hygiene-e': 'warn', 'hygiene-w': 'error' } })).toEqual(['hygiene-e warning', 'hygiene-w error']);
    expect(weigh({ severities: { 'hygiene-e': 'off' } })).toEqual(['hygiene-w warning']);
    expect(weigh({ severities: { 'hygiene-w': 'off', 'hygiene-e': 'off' } })).toEqual([]);
  });

  it('is an error for every warning with --strict, and no error is lowered', () => {
    expect(weigh({ strict: true })).toEqual(['hygiene-e error', 'hygiene-w error']);
    expect(weigh({ strict: true, severities: { 'hygiene-e': 'warn' } })).toEqual(['hygiene-e error', 'hygiene-w error']);
  });

  it('is at most a warning for a released version, even with --strict or a setting of error', () => {
    expect(weigh({ cap: 'warning' })).toEqual(['hygiene-e warning', 'hygiene-w warning']);
    expect(weigh({ cap: 'warning', strict: true, severities: { 'hygiene-w': 'error' } })).toEqual([
      'hygiene-e warning',
      'hygiene-w warning',
    ]);
  });

  it('names the rule’s pack as its source, and the rule’s fix as the hint unless the finding has one', () => {
    const [first] = runRules(context, { file: 'p.yaml' }, {}, rules);
    expect(first).toMatchObject({
      source: 'rules:hygiene',
      hint: 'Fix hygiene-e.',
      message: 'hygiene-e fired',
      file: 'p.yaml',
      line: 1,
      column: 1,
    });
  });
});
