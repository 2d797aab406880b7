// The us-states pack is table-driven: every US state the schema knows (but
// California, which has the ccpa pack, and federal `us`) has a row, and a
// document declaring it gets the pack's rules once the state's law applies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../src/model/policy.generated.js';
import { applicableRules, lawDates } from '../src/rules/engine.js';
import { healthStates, usStates } from '../src/rules/packs/us-states-table.js';
import type { Jurisdiction } from '../src/rules/types.js';

const schema = JSON.parse(readFileSync(new URL('../schema/policy.schema.json', import.meta.url), 'utf8')) as {
  $defs: { Jurisdiction: { enum: string[] } };
};

function rulesFor(jurisdiction: Jurisdiction, date: string): string[] {
  const policy = { jurisdictions: [jurisdiction] } as unknown as Policy;
  return applicableRules({ policy, date, today: date, settings: { noticeDays: 30 } })
    .filter((r) => r.pack === 'us-states')
    .map((r) => r.id);
}

describe('us-states table', () => {
  it('has one row for every US state of the schema but California', () => {
    const states = schema.$defs.Jurisdiction.enum.filter((j) => j.startsWith('us-') && j !== 'us-ca').sort();
    const rows = [...usStates, ...healthStates].map((s) => s.jurisdiction as string).sort();
    expect(rows).toEqual(states);
  });

  it('gives dates that are real calendar days, signals never before the law', () => {
    for (const s of usStates) {
      for (const d of [s.effective, s.optOutSignalsFrom ?? s.effective]) {
        expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10), s.name).toBe(d);
      }
      expect((s.optOutSignalsFrom ?? s.effective) >= s.effective, s.name).toBe(true);
    }
  });

  it('brings the pack to a document declaring a state, from the first state law', () => {
    expect(rulesFor('us-va', '2023-01-01')).toContain('us-appeals');
    expect(rulesFor('us-va', '2022-12-31')).toEqual([]);
    expect(rulesFor('us-wa', '2024-03-31')).toContain('us-consumer-health-policy');
    expect(rulesFor('eu', '2026-01-01')).toEqual([]);
  });

  it('judges a version in force across the date a state law or its signals apply on that date', () => {
    // Indiana's act (1 January 2026), New Jersey's signals (15 July 2025).
    expect(lawDates()).toEqual(expect.arrayContaining(['2026-01-01', '2025-07-15', '2025-07-31']));
  });
});
