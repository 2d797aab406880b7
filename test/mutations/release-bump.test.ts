// The version check of `release` when the author sets `version` by hand: a version too small for the
// changes is refused exactly as a `--bump` too small is, and a large enough one is taken as written.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { release } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';
import { copySample, editFile } from '../support/project.js';

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const working = (dir: string) => path.join(dir, 'policy/privacy.yaml');
/** Release 2.0.0 is the latest; the working copy is edited for the next one, effective later. */
function next(change: 'material' | 'editorial', version?: string): string {
  const dir = copySample();
  editFile(working(dir), 'effective: 2027-01-01', 'effective: 2027-06-01');
  if (version) editFile(working(dir), 'version: 2.0.0', `version: ${version}`);
  // A longer cookie lifetime is material; a reworded sentence is editorial.
  if (change === 'material') editFile(working(dir), 'duration: 90 days', 'duration: 180 days');
  else editFile(working(dir), 'SmartFocus is committed', 'SmartFocus is wholly committed');
  return dir;
}
const options = { today: '2026-12-02', allowUntranslated: true } as const;

describe('release checks a version set by hand against the changes', () => {
  it('refuses a patch version written by hand for a material change, and writes nothing', async () => {
    const dir = next('material', '2.0.1');
    const result = await release({ cwd: dir, ...options });
    expect(errors(result.diagnostics).map((d) => [d.ruleId, d.message])).toEqual([
      ['release-bump-too-small', 'A patch release (2.0.0 to 2.0.1) is too small: the changes call for at least a minor release'],
    ]);
    expect(errors(result.diagnostics)[0]).toMatchObject({ file: 'policy/privacy.yaml', line: 4 });
    expect(result.plan).toBeUndefined();
    expect(result.written).toEqual([]);
    expect(existsSync(path.join(dir, 'policy/history/privacy/2.0.1.yaml'))).toBe(false);
    expect(readFileSync(working(dir), 'utf8')).toMatch(/^version: 2\.0\.1$/m);
  });

  it.each(['2.1.0', '3.0.0'])('takes %s written by hand for a material change', async (version) => {
    const result = await release({ cwd: next('material', version), ...options });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.plan?.version).toBe(version);
  });

  it('takes a patch version written by hand for an editorial change', async () => {
    const result = await release({ cwd: next('editorial', '2.0.1'), ...options });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.plan?.version).toBe('2.0.1');
    expect(result.plan?.changes?.material).toBe(false);
  });

  it('chooses the smallest sufficient version when `version` is left as released', async () => {
    expect((await release({ cwd: next('material'), ...options })).plan?.version).toBe('2.1.0');
    expect((await release({ cwd: next('editorial'), ...options })).plan?.version).toBe('2.0.1');
  });

  it('refuses a patch version for a change to review, and says a person must judge it', async () => {
    const dir = next('editorial', '2.0.1');
    // A right's description reworded: the rules cannot judge what that does to readers.
    editFile(working(dir), 'within one month of receiving your request', 'within one month of our receiving your request');
    const result = await release({ cwd: dir, ...options });
    expect(errors(result.diagnostics).map((d) => [d.ruleId, d.hint])).toEqual([
      [
        'release-bump-too-small',
        'Some changes are to review: a person must judge their effect on readers (`policyc review` lists them; decided editorial, they need no minor version); run `policyc diff` to see them, then release with `--bump minor` or larger.',
      ],
    ]);
    expect(result.written).toEqual([]);
  });

  it('refuses --bump patch for a material change, whatever the document says', async () => {
    for (const version of [undefined, '2.1.0']) {
      const result = await release({ cwd: next('material', version), ...options, bump: 'patch' });
      expect(errors(result.diagnostics).map((d) => d.ruleId)).toEqual(['release-bump-too-small']);
      expect(result.written).toEqual([]);
    }
  });
});
