// The diagnostic formats where people and tools meet them: pretty, JSON, SARIF 2.1.0 and GitHub annotations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, type Diagnostic } from '../src/index.js';
import { catalogIds, documentationPath, projectHome } from '../src/diagnostics/catalog.js';
import { allRules } from '../src/rules/registry.js';
import { expectGolden, root } from './support/fixtures.js';

const diagnostics: Diagnostic[] = [
  {
    file: 'policy/privacy.yaml',
    line: 248,
    column: 20,
    endLine: 248,
    endColumn: 37,
    ruleId: 'transfers-mechanism-invalid',
    severity: 'error',
    message: 'The transfer `smartfocus-us` relies on the U.S.-EU Safe Harbor Framework, which was not valid on 2027-01-01',
    hint: 'Rely on a safeguard valid on the effective date.',
    source: 'rules:transfers',
  },
  {
    file: 'policy/history/privacy/1.0.0.yaml',
    line: 120,
    column: 5,
    endLine: 126,
    endColumn: 1,
    ruleId: 'schema-enum',
    severity: 'warning',
    message: 'A message with a colon: a comma, a percent % and\na newline',
    source: 'schema',
  },
];
const rules = allRules.map((r) => ({ id: r.id, title: r.title, explanation: r.explanation, fix: r.fix, severity: r.severity }));
// ajv-draft-04 is CommonJS: under NodeNext its class arrives as the default of the default.
const AjvDraft04 = ((ajvDraft04 as unknown as { default: { default?: unknown } }).default.default ??
  ajvDraft04.default) as unknown as typeof ajvDraft04.default.default;
const golden = (name: string) => `${root}/test/golden/format-${name}`;

describe('diagnostic formats', () => {
  it('pretty (golden)', () => expectGolden(golden('pretty.txt'), formatDiagnostics(diagnostics, 'pretty')));
  it('json (golden)', () => expectGolden(golden('json.json'), formatDiagnostics(diagnostics, 'json')));
  it('github workflow commands (golden), with properties and data escaped', () => {
    const text = formatDiagnostics(diagnostics, 'github');
    expectGolden(golden('github.txt'), text);
    expect(text.split('\n')[1]).toBe(
      '::warning file=policy/history/privacy/1.0.0.yaml,line=120,col=5,endLine=126,endColumn=1,title=schema-enum::A message with a colon: a comma, a percent %25 and%0Aa newline',
    );
  });
  it('sarif (golden) validates against the SARIF 2.1.0 schema', () => {
    const text = formatDiagnostics(diagnostics, 'sarif', { version: '1.2.3', rules });
    expectGolden(golden('sarif.json'), text);
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const log = JSON.parse(text);
    expect(log.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['transfers-mechanism-invalid', 'error'],
      ['schema-enum', 'warning'],
    ]);
    expect(log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'transfers-mechanism-invalid').fullDescription.text).toMatch(
      /Schrems I/,
    );
  });
  it('the SARIF check is live: an invalid log fails it', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
  it('sarif describes every rule id, catalogued or compliance, with an absolute link to its documentation at the tag', () => {
    const ids = [...catalogIds(), ...allRules.map((r) => r.id)];
    const every: Diagnostic[] = ids.map((ruleId) => ({ ...diagnostics[0]!, ruleId }));
    const log = JSON.parse(formatDiagnostics(every, 'sarif', { version: '1.2.3', rules }));
    const described = log.runs[0].tool.driver.rules as SarifRule[];
    expect(described.map((r) => r.id).sort()).toEqual([...ids].sort());
    const incomplete = described.filter(
      (r) =>
        !r.shortDescription?.text ||
        r.shortDescription.text === r.id ||
        !r.fullDescription?.text ||
        r.helpUri !== `${projectHome}/blob/v1.2.3/${documentationPath(r.id)}` ||
        !r.help?.text,
    );
    expect(incomplete.map((r) => r.id)).toEqual([]);
    // A catalogued id's summary is its entry's first sentence, in plain text.
    const enumRule = described.find((r) => r.id === 'file-too-large')!;
    expect(enumRule.shortDescription.text).toBe('The file is over 5 MiB.');
    expect(described.find((r) => r.id === 'policy-folder-missing')!.fullDescription.text).not.toContain('`');
  });
  it('sarif meets GitHub code scanning’s documented requirements for an upload', () => {
    const log = JSON.parse(formatDiagnostics(diagnostics, 'sarif', { version: '1.2.3', rules }));
    expect(githubProblems(log)).toEqual([]);
    // The check is live: each requirement it names fails on a log that breaks it.
    const broken = structuredClone(log);
    delete broken.runs[0].tool.driver.rules[0].fullDescription;
    broken.runs[0].tool.driver.rules[1].helpUri = 'docs/rules.md#rule-x';
    broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '/home/runner/work/policy/privacy.yaml';
    broken.runs[0].results[1].level = 'info';
    expect(githubProblems(broken)).toEqual([
      'rule schema-enum: no fullDescription',
      'rule transfers-mechanism-invalid: helpUri docs/rules.md#rule-x is not absolute',
      'result 0: uri /home/runner/work/policy/privacy.yaml is not relative to the repository root',
      'result 1: level info',
    ]);
  });
});

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help?: { text: string };
}

/**
 * What "SARIF support for code scanning" (GitHub's documentation) asks of an
 * uploaded log: SARIF 2.1.0; each rule with an id, a short and a full
 * description (shown at the top of an alert) and a help link; each result with
 * a `ruleId` among the rules, a message, a level of error, warning, note or
 * none, and a location whose `uri` is relative to the repository root, with
 * a `startLine`; at most 25,000 results per run and 10 MB
 * (gzipped) per upload. `partialFingerprints` are optional: the upload action
 * computes them from the files.
 */
function githubProblems(log: {
  version: string;
  runs: { tool: { driver: { rules: SarifRule[] } }; results: Record<string, any>[] }[];
}): string[] {
  const problems: string[] = [];
  if (log.version !== '2.1.0') problems.push(`version ${log.version}`);
  if (Buffer.byteLength(JSON.stringify(log)) > 10 * 1024 * 1024) problems.push('over 10 MB');
  for (const run of log.runs) {
    if (run.results.length > 25_000) problems.push(`${run.results.length} results`);
    const ids = new Set<string>();
    for (const rule of run.tool.driver.rules) {
      ids.add(rule.id);
      if (!rule.shortDescription?.text) problems.push(`rule ${rule.id}: no shortDescription`);
      if (!rule.fullDescription?.text) problems.push(`rule ${rule.id}: no fullDescription`);
      if (!/^https:\/\/[^/]+\//.test(rule.helpUri ?? '')) problems.push(`rule ${rule.id}: helpUri ${rule.helpUri} is not absolute`);
    }
    run.results.forEach((result, index) => {
      if (!ids.has(result.ruleId)) problems.push(`result ${index}: ruleId ${result.ruleId} is not a rule of the run`);
      if (!result.message?.text) problems.push(`result ${index}: no message`);
      if (!['error', 'warning', 'note', 'none'].includes(result.level)) problems.push(`result ${index}: level ${result.level}`);
      const location = result.locations?.[0]?.physicalLocation;
      const uri: string = location?.artifactLocation?.uri ?? '';
      if (!uri || uri.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.split('/').includes('..'))
        problems.push(`result ${index}: uri ${uri} is not relative to the repository root`);
      if (!(location?.region?.startLine >= 1)) problems.push(`result ${index}: no startLine`);
    });
  }
  return problems;
}
