// The notice period of a material change (`hygiene-notice-period`, and `release-notice-too-short` before a
// release freezes anything) at its boundary: a version that takes effect `noticeDays` days after its release
// has enough notice, one day less has not. Moving the boundary by a day either way fails here, with the
// default 30 days and with `noticeDays` configured.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { release, validate } from '../../src/index.js';
import type { ChangeSet, Policy, ReleaseEntry } from '../../src/index.js';
import { runRules } from '../../src/rules/engine.js';
import { allRules } from '../../src/rules/registry.js';
import type { RuleContext } from '../../src/rules/types.js';
import { copySample, editFile } from '../support/project.js';

const rule = allRules.find((r) => r.id === 'hygiene-notice-period')!;

/** The YYYY-MM-DD date `days` after `date`. */
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const materialChange: ChangeSet = {
  from: '1.0.0',
  to: '1.1.0',
  material: true,
  bump: 'minor',
  changes: [
    {
      type: 'added',
      entity: 'purpose',
      id: 'ads',
      material: true,
      class: 'material',
      rule: 'new-purpose',
      summary: 'Adds the purpose “show you ads”.',
    },
  ],
};

/** The rule's findings for a version released on `released` and effective `days` later. */
function findings(released: string, days: number, noticeDays: number, changes: ChangeSet = materialChange) {
  const effective = plus(released, days);
  const context: RuleContext = {
    policy: { version: '1.1.0', effective } as Policy,
    date: effective,
    today: released,
    settings: { noticeDays },
    release: { version: '1.1.0', effective, released } as ReleaseEntry,
    changes,
  };
  return runRules(context, { file: 'policy/privacy.yaml' }, {}, [rule]).map((d) => d.message);
}

describe('hygiene-notice-period, by the rule', () => {
  it.each([
    [30, 29, 1],
    [30, 30, 0],
    [30, 31, 0],
    [14, 13, 1],
    [14, 14, 0],
    [14, 15, 0],
    [1, 0, 1],
    [1, 1, 0],
    [0, 0, 0],
    [0, -1, 1],
  ])('with %i days of notice, effective %i days after the release: %i finding', (noticeDays, days, count) => {
    expect(findings('2024-01-05', days, noticeDays)).toHaveLength(count);
  });

  it('counts calendar days across a month end, a leap day and a clock change', () => {
    // 2024-02-29 exists; Europe's clocks change on 2024-03-31 (the dates are UTC midnights either way).
    expect(findings('2024-02-15', 29, 30)).toEqual([
      "Version `1.1.0` makes 1 material change but takes effect 29 days after its release on 2024-02-15; people need 30 days' notice",
    ]);
    expect(findings('2024-02-15', 30, 30)).toEqual([]);
    expect(findings('2024-03-20', 29, 30)).toHaveLength(1);
    expect(findings('2024-03-20', 30, 30)).toEqual([]);
  });

  it('says how far the effective date is from the release, and by when it should be', () => {
    const [one] = runRules(
      {
        policy: { version: '1.1.0', effective: '2024-01-06' } as Policy,
        date: '2024-01-06',
        today: '2024-01-05',
        settings: { noticeDays: 30 },
        release: { released: '2024-01-05' } as ReleaseEntry,
        changes: materialChange,
      },
      { file: 'x.yaml' },
      {},
      [rule],
    );
    expect(one?.message).toBe(
      "Version `1.1.0` makes 1 material change but takes effect 1 day after its release on 2024-01-05; people need 30 days' notice",
    );
    expect(one?.hint).toMatch(/^Set `effective` to 2024-02-04 or later, 30 days after the release/);
    expect(findings('2024-01-05', 0, 30)[0]).toContain('takes effect on the day of its release');
    expect(findings('2024-01-05', -2, 30)[0]).toContain('takes effect 2 days before its release');
  });

  it('is silent for an editorial release, however soon it takes effect', () => {
    const editorial: ChangeSet = {
      ...materialChange,
      material: false,
      bump: 'patch',
      changes: [{ ...materialChange.changes[0]!, material: false, rule: 'wording' }],
    };
    expect(findings('2024-01-05', 0, 30, editorial)).toEqual([]);
  });
});

describe('the notice period, through release and validate', () => {
  /**
   * Release a material change of the sample on 2027-02-01, effective `days` later: `release` refuses too
   * short a notice before writing anything (where it is refused), else `validate` judges the release.
   */
  async function noticeFindings(days: number, noticeDays?: number) {
    const dir = copySample();
    if (noticeDays !== undefined) writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ noticeDays }));
    const file = path.join(dir, 'policy/privacy.yaml');
    editFile(file, 'duration: 90 days', 'duration: 180 days');
    editFile(file, 'effective: 2027-01-01', `effective: ${plus('2027-02-01', days)}`);
    const released = await release({ cwd: dir, today: '2027-02-01', allowUntranslated: true });
    const refused = released.diagnostics.filter((d) => d.severity === 'error');
    if (refused.length) {
      expect(released.written).toEqual([]);
      return refused.map((d) => `${d.file}:${d.line} ${d.severity} ${d.ruleId}`);
    }
    expect(released.plan?.version).toBe('2.1.0');
    const checked = await validate({ cwd: dir, date: '2027-02-01' });
    return checked.diagnostics.filter((d) => d.ruleId === 'hygiene-notice-period').map((d) => `${d.file}:${d.line} ${d.severity}`);
  }

  it.each([
    [29, 1],
    [30, 0],
    [31, 0],
  ])('by default (30 days), effective %i days after the release: %i refusal', async (days, count) => {
    expect(await noticeFindings(days)).toHaveLength(count);
  });

  it.each([
    [9, 1],
    [10, 0],
    [11, 0],
  ])('with noticeDays 10, effective %i days after the release: %i refusal', async (days, count) => {
    expect(await noticeFindings(days, 10)).toHaveLength(count);
  });

  it('refuses at the effective date of the working document', async () => {
    expect(await noticeFindings(29)).toEqual(['policy/privacy.yaml:5 error release-notice-too-short']);
  });
});
