// policyc's SARIF through Microsoft's SARIF multitool (`validate`, with the SARIF and GitHub rule
// sets), as the issue asks: what GitHub code scanning needs of each rule and result. The tool is a
// devDependency with a self-contained binary per platform; where none installs (a platform without
// one) the test is skipped with that reason, except on CI, where it must run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './support/cli.js';
import { copySample, tempDir } from './support/project.js';

const require = createRequire(import.meta.url);
const multitool = (() => {
  try {
    return require('@microsoft/sarif-multitool') as string;
  } catch {
    return undefined;
  }
})();
const skip = !multitool && !process.env.CI;
if (skip) console.warn(`policyc: no SARIF multitool binary for ${process.platform}; skipping test/sarif-multitool.test.ts (CI runs it).`);

interface Finding {
  ruleId: string;
  level?: string;
  message: { text?: string; id?: string; arguments?: string[] };
}

/** The multitool's findings on a SARIF log: the SARIF rules and GitHub's (`GH…`), as its own SARIF output. */
function validate(log: object): Finding[] {
  const dir = tempDir('policyc-sarif-');
  const input = path.join(dir, 'policyc.sarif');
  const output = path.join(dir, 'validation.sarif');
  writeFileSync(input, JSON.stringify(log));
  const r = spawnSync(multitool!, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], {
    encoding: 'utf8',
    // The tool is .NET: without ICU installed it still runs in invariant mode.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const validation = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: Finding[] }[] };
  return validation.runs.flatMap((run) => run.results ?? []);
}

describe.skipIf(skip)('SARIF, by Microsoft’s SARIF multitool with the GitHub rules', () => {
  // Findings of every kind: schema, references, a compliance rule and a history problem.
  const dir = copySample();
  const file = path.join(dir, 'policy/privacy.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace(/^title: /m, 'titel: x\ntitle: ')
      .replace('    contact: support', '    contact: helpdesk')
      .replace(/legalBasis: [a-z-]+/, 'legalBasis: consentx'),
  );
  const run = spawnCli(['validate', '--format', 'sarif'], { cwd: dir });
  const log = JSON.parse(run.stdout);

  it('reports nothing on policyc’s log: every rule has its descriptions and help link', () => {
    const ids: string[] = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['schema-additional-property', 'unresolved-reference']));
    const findings = validate(log).filter((f) => f.level !== 'note' && f.level !== 'none');
    expect(findings.map((f) => `${f.ruleId}: ${f.message.text ?? f.message.id} ${(f.message.arguments ?? []).join(' | ')}`)).toEqual([]);
  });

  it('is live: a rule without its full description is reported (GH2012)', () => {
    const broken = structuredClone(log);
    delete broken.runs[0].tool.driver.rules[0].fullDescription;
    const findings = validate(broken);
    expect(findings.map((f) => f.ruleId)).toContain('GH2012');
  });
});
