// Versions judged over the period they are in force; history summarised; drafts and releases judged as of the day they take effect.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { Manifest } from '../src/history/manifest.js';
import { parse } from '../src/load/parse.js';
import type { Policy } from '../src/model/policy.generated.js';
import { release, validate } from '../src/index.js';
import { resolve } from '../src/resolve/resolve.js';
import { lawDates } from '../src/rules/engine.js';
import { judgeVersion } from '../src/rules/judge.js';
import type { RuleContext } from '../src/rules/types.js';
import { copySample, editFile } from './support/project.js';

const base = readFileSync(path.join(import.meta.dirname, 'rule-fixtures/gdpr.yaml'), 'utf8');

/** The GDPR fixture base, effective on `effective`, its transfer on `mechanism`, judged over its period until `today`. */
function judge2019(effective: string, today: string, mechanism = 'eu-us-privacy-shield'): Diagnostic[] {
  const text = base
    .replace('effective: 2024-01-15', `effective: ${effective}`)
    .replace('mechanisms: [standard-contractual-clauses]', `mechanisms: [${mechanism}]`);
  const bytes = Buffer.from(text);
  const parsed = parse({ path: 'privacy.yaml', bytes, size: bytes.length });
  const policy = resolve(parsed.data as unknown as Policy, 'privacy.yaml').policy;
  const context: RuleContext = { policy, date: policy.effective, today, settings: { noticeDays: 30 } };
  return judgeVersion(context, { file: 'privacy.yaml', yaml: parsed.yaml!, lineCounter: parsed.lineCounter }, {}, {});
}

const ids = (diagnostics: readonly Diagnostic[]) => [...new Set(diagnostics.map((d) => d.ruleId))].sort();
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'policy/history/privacy/manifest.json'), 'utf8')) as Manifest;

describe('a version is judged over the period it is in force', () => {
  it('collects the days the law changes from the rules', () => {
    const dates = lawDates();
    expect(dates).toContain('2018-05-25');
    expect(dates).toContain('2020-07-16');
    expect(dates).toEqual([...dates].sort());
  });

  it('judges a 2019 policy still in force today by the law of today', () => {
    // Privacy Shield was valid in 2019: in force only until mid-2020, the version is sound.
    expect(ids(judge2019('2019-06-01', '2020-01-01'))).not.toContain('transfers-mechanism-invalid');
    const today = judge2019('2019-06-01', '2026-12-03');
    const invalid = today.find((d) => d.ruleId === 'transfers-mechanism-invalid')!;
    expect(invalid.severity).toBe('error');
    expect(invalid.message).toMatch(/\(from 2020-07-16, while this version would be in force\)$/);
    // Every finding on the same text dated today is found on the 2019 version still in force.
    expect(ids(today)).toEqual(expect.arrayContaining(ids(judge2019('2026-12-03', '2026-12-03'))));
    expect(ids(today)).toContain('transfers-certification-stated');
  });

  it('reports a finding once, at the first day it holds', () => {
    const found = judge2019('2019-06-01', '2026-12-03').filter((d) => d.ruleId === 'transfers-mechanism-invalid');
    expect(found).toHaveLength(1);
  });

  it("reports the sample's 1.0.0, in force until 2027, for its Safe Harbor transfer, as a warning whose fix is a new release", async () => {
    const result = await validate({ cwd: copySample(), date: '2026-12-03' });
    const found = result.diagnostics.filter(
      (d) => d.ruleId === 'transfers-mechanism-invalid' && d.file.endsWith('1.0.0.yaml') && d.message.includes('U.S.-EU Safe Harbor'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toContain('(from 2015-10-06, while this version is in force)');
    expect(found[0]!.hint).toMatch(/release a new version\.$/);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('versions no longer in force', () => {
  it('are summarised on one line once the next version has taken effect, and shown in full with history', async () => {
    const dir = copySample();
    // 2.0.0 takes effect on 2027-01-01: 1.0.0 is superseded from that day, not from 2.0.0's release.
    const before = await validate({ cwd: dir, date: '2026-12-31' });
    expect(before.diagnostics.some((d) => d.file.endsWith('1.0.0.yaml'))).toBe(true);
    expect(before.diagnostics.some((d) => d.ruleId === 'rules-history-summary')).toBe(false);
    const after = await validate({ cwd: dir, date: '2027-01-01' });
    expect(after.diagnostics.filter((d) => d.file.endsWith('1.0.0.yaml'))).toEqual([]);
    const summary = after.diagnostics.filter((d) => d.ruleId === 'rules-history-summary');
    expect(summary).toHaveLength(1);
    const count = before.diagnostics.filter((d) => d.file.endsWith('1.0.0.yaml')).length;
    expect(summary[0]).toMatchObject({ severity: 'info', file: 'policy/history/privacy/manifest.json' });
    expect(summary[0]!.message).toBe(`${count} compliance findings on version 1.0.0, no longer in force, are not shown`);
    expect(summary[0]!.hint).toContain('policyc validate --history');
    const full = await validate({ cwd: dir, date: '2027-01-01', history: true });
    expect(full.diagnostics.filter((d) => d.file.endsWith('1.0.0.yaml'))).toHaveLength(count);
    expect(full.diagnostics.some((d) => d.ruleId === 'rules-history-summary')).toBe(false);
  });
});

describe('the working draft', () => {
  it('is reported when it differs from the latest release but keeps its effective date', async () => {
    const dir = copySample();
    const draft = (await validate({ cwd: dir, date: '2026-12-03' })).diagnostics;
    expect(draft.some((d) => d.ruleId === 'draft-effective-released')).toBe(false);
    const file = path.join(dir, 'policy/privacy.yaml');
    editFile(file, 'Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
    const edited = (await validate({ cwd: dir, date: '2026-12-03' })).diagnostics.filter((d) => d.ruleId === 'draft-effective-released');
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({ severity: 'warning', file: 'policy/privacy.yaml', line: 5 });
    editFile(file, 'effective: 2027-01-01', 'effective: 2027-06-01');
    expect((await validate({ cwd: dir, date: '2026-12-03' })).diagnostics.some((d) => d.ruleId === 'draft-effective-released')).toBe(false);
  });
});

describe('release', () => {
  const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);

  it('refuses material changes that take effect in the past or without the notice period, before writing anything', async () => {
    const dir = copySample();
    // A new third-party cookie is a material change.
    editFile(path.join(dir, 'policy/privacy.yaml'), '    - id: fbp\n', '    - id: fbp-new\n');
    const past = await release({ cwd: dir, today: '2026-12-03', effective: '2027-01-02', released: '2027-01-01' });
    expect(errors(past.diagnostics)).toEqual(['release-released-future']);
    const earlier = await release({ cwd: dir, today: '2027-01-15', effective: '2027-01-10' });
    expect(errors(earlier.diagnostics)).toEqual(['release-effective-past']);
    const short = await release({ cwd: dir, today: '2026-12-05', effective: '2027-01-02' });
    expect(errors(short.diagnostics)).toEqual(['release-notice-too-short']);
    expect(short.diagnostics.find((d) => d.severity === 'error')!.message).toBe(
      "The version makes material changes but would take effect 28 days after its release on 2026-12-05; people need 30 days' notice",
    );
    expect(short.diagnostics.find((d) => d.severity === 'error')!.hint).toContain('--effective 2027-01-04');
    expect(short.written).toEqual([]);
    expect(manifestOf(dir).releases).toHaveLength(2);
    const ok = await release({ cwd: dir, today: '2026-12-03', effective: '2027-02-01', allowUntranslated: true });
    expect(errors(ok.diagnostics)).toEqual([]);
    expect(manifestOf(dir).releases.at(-1)).toMatchObject({ effective: '2027-02-01', released: '2026-12-03' });
  });

  it('imports a 2019 version and a 2021 version with --released, each judged as of its day', async () => {
    const dir = copySample();
    rmSync(path.join(dir, 'policy/history'), { recursive: true });
    rmSync(path.join(dir, 'policy/privacy.fr.yaml'));
    const file = path.join(dir, 'policy/privacy.yaml');
    editFile(file, 'version: 2.0.0', 'version: 1.0.0');
    editFile(file, 'effective: 2027-01-01', 'effective: 2019-06-01');
    // In 2019 the transfer relied on Privacy Shield, valid from 2016 to 16 July 2020.
    editFile(file, 'mechanisms: [eu-us-data-privacy-framework, uk-us-data-bridge]', 'mechanisms: [eu-us-privacy-shield]');
    // Without --released, the version is judged as of today: Privacy Shield is no longer valid.
    const asToday = await release({ cwd: dir, today: '2026-12-03' });
    expect(errors(asToday.diagnostics)).toContain('transfers-mechanism-invalid');
    const first = await release({ cwd: dir, today: '2026-12-03', released: '2019-05-01' });
    expect(errors(first.diagnostics)).toEqual([]);
    expect(manifestOf(dir).releases[0]).toMatchObject({ version: '1.0.0', effective: '2019-06-01', released: '2019-05-01' });
    // The 2021 version: released with --effective in 2021, it is judged as of that day, when Privacy Shield had fallen
    // (and, the Brexit transition over, UK data was no longer covered by an EU framework).
    editFile(file, '    - id: fbp\n', '    - id: fbp-new\n');
    const stale = await release({ cwd: dir, today: '2026-12-03', released: '2021-02-01', effective: '2021-03-15' });
    expect(errors(stale.diagnostics).sort()).toEqual(['transfers-mechanism-invalid', 'transfers-origin-covered']);
    editFile(
      file,
      'mechanisms: [eu-us-privacy-shield]',
      'mechanisms: [standard-contractual-clauses]\n      copy: You can obtain a copy of these clauses from dpo@smartfocus.com.',
    );
    const second = await release({ cwd: dir, today: '2026-12-03', released: '2021-02-01', effective: '2021-03-15' });
    expect(errors(second.diagnostics)).toEqual([]);
    expect(manifestOf(dir).releases.map((r) => [r.version, r.effective, r.released])).toEqual([
      ['1.0.0', '2019-06-01', '2019-05-01'],
      [second.plan!.version, '2021-03-15', '2021-02-01'],
    ]);
    // Imported, the history validates: what the versions got wrong since is reported, but blocks nothing.
    expect(errors((await validate({ cwd: dir, date: '2026-12-03' })).diagnostics)).toEqual([]);
  });
});
