// An entry a tool wrote carries a `review` note until a person has checked it (issue 18): `validate` warns at the
// note, and `release` refuses while one is left, whatever policyc.config.json says.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { release, validate } from '../src/index.js';
import type { Diagnostic } from '../src/index.js';
import { copySample, editFile, snapshotTree } from './support/project.js';

const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`;
const note = 'added by policyc scan from the Open Cookie Database: check the purpose, category and duration';

/** The sample with its session cookie marked for review (line 183), and an editorial edit to release. */
function marked(): string {
  const dir = copySample();
  const file = path.join(dir, 'policy/privacy.yaml');
  editFile(
    file,
    '      category: strictly-necessary\n    - id: ar-v4\n',
    `      category: strictly-necessary\n      review: "${note}"\n    - id: ar-v4\n`,
  );
  editFile(file, 'Enables us to store your preferred content language', 'Enables us to remember your preferred content language');
  return dir;
}

const ours = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => /marked-for-review|config-/.test(d.ruleId));

describe('an entry marked for review', () => {
  it('is a warning of validate at its note, naming the entry', async () => {
    const result = await validate({ cwd: marked() });
    expect(ours(result.diagnostics).map(at)).toEqual(['policy/privacy.yaml:183:7 warning hygiene-marked-for-review']);
    const [warning] = ours(result.diagnostics);
    expect(warning!.message).toBe(`Marked for review: the cookie \`ASP.NET_SessionId\` (“${note}”)`);
    expect(warning!.hint).toMatch(/then delete its `review` note/);
  });

  it('is refused by release, and nothing is written', async () => {
    const dir = marked();
    const before = snapshotTree(path.join(dir, 'policy'));
    const result = await release({ cwd: dir, today: '2026-12-01', effective: '2027-03-01' });
    expect(ours(result.diagnostics).map(at)).toEqual([
      'policy/privacy.yaml:183:7 warning hygiene-marked-for-review',
      'policy/privacy.yaml:183:7 error release-marked-for-review',
    ]);
    expect(result.written).toEqual([]);
    expect(snapshotTree(path.join(dir, 'policy'))).toEqual(before);
  });

  it('is released once the note is deleted', async () => {
    const dir = marked();
    editFile(path.join(dir, 'policy/privacy.yaml'), `      review: "${note}"\n`, '');
    const result = await release({ cwd: dir, today: '2026-12-01', effective: '2027-03-01' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(path.join(dir, 'policy/history/privacy/2.0.1.yaml'))).toBe(true);
  });

  it('is refused even when the config turns the warning off', async () => {
    const dir = marked();
    writeFileSync(path.join(dir, 'policyc.config.json'), '{ "rules": { "hygiene-marked-for-review": "off" } }\n');
    const result = await release({ cwd: dir, today: '2026-12-01', effective: '2027-03-01' });
    expect(ours(result.diagnostics).map(at)).toEqual(['policy/privacy.yaml:183:7 error release-marked-for-review']);
    expect(result.written).toEqual([]);
  });

  it('is refused when the config names the release check, with a diagnostic saying it cannot be turned off', async () => {
    const dir = marked();
    writeFileSync(path.join(dir, 'policyc.config.json'), '{\n  "rules": { "release-marked-for-review": "off" }\n}\n');
    const result = await release({ cwd: dir, today: '2026-12-01', effective: '2027-03-01' });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(at)).toEqual(['policyc.config.json:2:14 error config-invalid']);
    expect(errors[0]!.message).toBe(
      '`rules` names `release-marked-for-review`, a check policyc always makes, not a compliance rule: no setting turns it off (docs/diagnostics.md#rule-release-marked-for-review says what to do instead)',
    );
    expect(result.written).toEqual([]);
    expect(readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8')).toContain(note);
  });
});
