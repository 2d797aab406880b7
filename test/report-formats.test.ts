// The diagnostic formats where people and tools meet them: pretty, JSON, SARIF 2.1.0 and GitHub annotations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, type Diagnostic } from '../src/index.js';
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
});
