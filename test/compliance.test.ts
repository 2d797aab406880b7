// The compliance rules on the sample and on scratch copies of it, through the API and the CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { allRules } from '../src/rules/registry.js';
import { root } from './support/fixtures.js';
import { spawnCli } from './support/cli.js';
import { copySample } from './support/project.js';

const policyc = (args: string[], cwd = root) => spawnCli(args, { cwd });
const working = (dir: string) => path.join(dir, 'policy/privacy.yaml');
const edit = (dir: string, from: string, to: string) => {
  const text = readFileSync(working(dir), 'utf8');
  if (!text.includes(from)) throw new Error(`edit did not apply: ${from}`);
  writeFileSync(working(dir), text.replace(from, to));
};

describe('the sample, judged as of each version’s effective date', () => {
  it('1.0.0 (2013), in force until 2027, is judged by the law as it changed; 2.0.0 passes every pack but one hygiene warning', async () => {
    const { diagnostics } = await validate({ cwd: root, date: '2026-11-29' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 2.0.0 gives the ICO's number in national form (0303 123 1113), which cannot be dialled from abroad.
    const working = diagnostics.filter((d) => d.file.startsWith('policy/') && d.file !== 'policy/history/privacy/1.0.0.yaml');
    expect(working.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['policy/privacy.yaml hygiene-phone-national']);
    const old = diagnostics.filter((d) => d.file === 'policy/history/privacy/1.0.0.yaml');
    expect(old.every((d) => d.severity === 'warning')).toBe(true);
    const ids = [...new Set(old.map((d) => d.ruleId))];
    // From the start: cookies without category or duration. While in force: Safe Harbor fell (2015), the GDPR began (2018), Planet49 (2019).
    expect(ids).toEqual(expect.arrayContaining(['cookies-category', 'cookies-duration', 'hygiene-purpose-without-data']));
    expect(ids).toEqual(expect.arrayContaining(['transfers-mechanism-invalid', 'gdpr-legal-basis', 'cookies-implied-consent']));
    expect(old.find((d) => d.ruleId === 'gdpr-legal-basis')!.message).toMatch(/\(from 2018-05-25, while this version is in force\)$/);
    expect(old.find((d) => d.ruleId === 'cookies-category')!.message).not.toContain('(from ');
  });

  it('a copy of 2.0.0 with its transfer back on Safe Harbor fails with the transfers rule at the right line', async () => {
    const dir = copySample();
    edit(dir, 'mechanisms: [eu-us-data-privacy-framework, uk-us-data-bridge]', 'mechanisms: [eu-us-safe-harbor]');
    const line =
      readFileSync(working(dir), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('mechanisms: [eu-us-safe-harbor]')) + 1;
    const r = policyc(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `policy/privacy.yaml:${line}:20  error  The transfer \`smartfocus-us\` relies on the U.S.-EU Safe Harbor Framework, which was not valid on 2027-01-01: the CJEU invalidated it in Schrems I (C-362/14) on 6 October 2015  transfers-mechanism-invalid`,
    );
  });

  it('points a finding about an entity at that entity’s lines', async () => {
    const dir = copySample();
    edit(dir, '      duration: 2 years\n', '');
    const { diagnostics } = await validate({ cwd: dir });
    const finding = diagnostics.find((d) => d.ruleId === 'cookies-duration' && d.file === 'policy/privacy.yaml')!;
    const lines = readFileSync(working(dir), 'utf8').split('\n');
    expect(lines[finding.line - 1]).toBe('    - id: ga');
    expect(finding.endLine).toBeGreaterThan(finding.line + 3);
    expect(lines.slice(finding.line - 1, finding.endLine).join('\n')).toContain('name: "_ga"');
  });
});

describe('severities', () => {
  it('can be changed per rule in policyc.config.json, and --strict makes warnings errors', () => {
    const dir = copySample();
    edit(dir, '      duration: 2 years\n', '');
    // A draft takes effect after the latest release (else `draft-effective-released`).
    edit(dir, 'effective: 2027-01-01', 'effective: 2027-03-01');
    const plain = policyc(['validate'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /policy\/privacy\.yaml:\d+:7 {2}warning {2}The persistent cookie `_ga` does not state how long it lasts {2}cookies-duration/,
    );
    expect(policyc(['validate', '--strict'], dir).code).toBe(1);
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ rules: { 'cookies-duration': 'error' } }));
    expect(policyc(['validate'], dir).code).toBe(1);
    writeFileSync(
      path.join(dir, 'policyc.config.json'),
      JSON.stringify({
        rules: {
          'cookies-duration': 'off',
          'cookies-category': 'off',
          'hygiene-purpose-without-data': 'off',
          'hygiene-phone-national': 'off',
        },
      }),
    );
    // The working document is then clean; 1.0.0's findings (warnings, a release) are left as they are by --strict.
    const off = policyc(['validate', '--strict'], dir);
    expect(off.stdout.split('\n').filter((l) => l.startsWith('policy/privacy.yaml'))).toEqual([]);
    expect(off.stdout).toMatch(/⚠ 0 errors, \d+ warnings\n✔ 1 document valid, 2 released versions intact\n$/);
    expect(off.code).toBe(0);
  });

  it('refuses a config naming an unknown rule, suggesting the closest', () => {
    const dir = copySample();
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ rules: { 'cookie-duration': 'off' } }));
    const r = policyc(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('`rules` names an unknown rule `cookie-duration`; did you mean `cookies-duration`?');
  });
});

describe('policyc rules', () => {
  it('lists every rule with its severity and the date it applies from', () => {
    const r = policyc(['rules']);
    expect(r.code).toBe(0);
    for (const rule of allRules) expect(r.stdout).toContain(rule.id);
    expect(r.stdout).toMatch(/gdpr-legal-basis +error +from 2018-05-25 /);
  });

  it('explains one rule in full, and its JSON carries explanation, reference and fix', () => {
    const r = policyc(['rules', 'transfers-mechanism-invalid']);
    expect(r.stdout).toContain(
      'Reference: GDPR Art. 44-46; Commission Decision 2000/520/EC; CJEU C-362/14 (Schrems I), C-311/18 (Schrems II)',
    );
    const json = JSON.parse(policyc(['rules', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(json).toHaveLength(allRules.length);
    for (const rule of json)
      for (const key of ['id', 'pack', 'severity', 'title', 'explanation', 'reference', 'fix']) expect(typeof rule[key]).toBe('string');
    expect(policyc(['rules', 'gdpr-legal-bases']).stderr).toContain('did you mean `gdpr-legal-basis`?');
  });
});
