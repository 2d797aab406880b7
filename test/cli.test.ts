// The CLI, run as a user runs it: the compiled lib/cli/bin.js in a child process.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, root } from './support/fixtures.js';
import { spawnCli } from './support/cli.js';
import { copySample, snapshotTree } from './support/project.js';

/** The built CLI in a child process, with NO_COLOR empty (color is then off only because the output is not a terminal). */
const policyc = (args: string[], cwd = root, env: Record<string, string> = {}) => spawnCli(args, { cwd, env: { NO_COLOR: '', ...env } });

/** Break the sample: a typo'd key, an unknown cookie category, a dangling reference. */
function breakSample(dir: string) {
  const file = path.join(dir, 'policy/privacy.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('  itemsIntro: "We use your information to:"', '  itemsIntro: "We use your information to:"\n  titel: Using Your Information')
    .replace('      lifetime: session', '      lifetime: sesion')
    .replace('    contact: support', '    contact: helpdesk');
  writeFileSync(file, text);
  return file;
}

describe('policyc CLI', () => {
  it('--help prints the usage (golden) and exits 0', () => {
    const r = policyc(['--help']);
    expect(r.code).toBe(0);
    expectGolden(path.join(root, 'test/golden/cli-help.txt'), r.stdout);
  });

  it('COMMAND --help prints the command usage', () => {
    const r = policyc(['build', '--help']);
    expect(r.code).toBe(0);
    expectGolden(path.join(root, 'test/golden/cli-help-build.txt'), r.stdout);
  });

  it('--version prints the package version', () => {
    const r = policyc(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version}\n`);
  });

  it('exits 2 with a suggestion on an unknown command or option', () => {
    const command = policyc(['valdate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe('policyc: Unknown command `valdate`; did you mean `validate`?\nRun `policyc --help` for usage.\n');
    const option = policyc(['build', '--otu', 'x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Unknown option `--otu`; did you mean `--out`?');
    const format = policyc(['validate', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('`--format` must be one of `pretty`, `json`, `sarif`, `github`, not `xml`');
  });

  it('validate: exits 0 on the sample', () => {
    const r = policyc(['validate']);
    expect(r.code).toBe(0);
    // 1.0.0 (2013) gets the warnings that applied then; 2.0.0 passes every rule but hygiene-phone-national (the ICO's number).
    expect(r.stdout).toMatch(/⚠ 0 errors, \d+ warnings\n✔ 1 document valid, 2 released versions intact\n$/);
    const warnings = r.stdout.split('\n').filter((l) => / {2}warning {2}/.test(l));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.filter((l) => !l.startsWith('policy/history/privacy/1.0.0.yaml:'))).toEqual([
      expect.stringMatching(/^policy\/privacy\.yaml:\d+:7 {2}warning {2}The telephone number `0303 123 1113` is in national form/),
    ]);
  });

  it('validate: prints every error with its line and column and exits 1', () => {
    const dir = copySample();
    breakSample(dir);
    const r = policyc(['validate'], dir);
    expect(r.code).toBe(1);
    const lines = readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8').split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('policy/') && l.includes('  error  '));
    expect(heads).toEqual([
      `policy/privacy.yaml:${lineOf('titel:')}:3  error  Unknown key \`titel\` in \`purposes\`  schema-additional-property`,
      `policy/privacy.yaml:${lineOf('contact: helpdesk')}:14  error  \`helpdesk\` is not the id of any contact in \`contacts.items\`  unresolved-reference`,
      `policy/privacy.yaml:${lineOf('lifetime: sesion')}:17  error  \`sesion\` is not an allowed value for \`cookies.items[0].lifetime\`  schema-enum`,
    ]);
    expect(r.stdout).toContain('hint: Did you mean `title`?');
    expect(r.stdout).toContain('hint: Did you mean `session`?');
    expect(r.stdout).toMatch(/✖ 3 errors, \d+ warnings/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('validate --format json: an array with file, line, column, ruleId, severity, message', () => {
    const dir = copySample();
    breakSample(dir);
    const r = policyc(['validate', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const diagnostics = (JSON.parse(r.stdout) as Record<string, unknown>[]).filter((d) => d.severity === 'error');
    expect(diagnostics).toHaveLength(3);
    for (const d of diagnostics) {
      expect(d).toMatchObject({ file: 'policy/privacy.yaml', severity: 'error' });
      expect(typeof d.line).toBe('number');
      expect(typeof d.column).toBe('number');
      expect(typeof d.ruleId).toBe('string');
      expect(typeof d.message).toBe('string');
    }
  });

  it('colours only on a TTY: never when piped', () => {
    const dir = copySample();
    breakSample(dir);
    expect(policyc(['validate'], dir, { FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('build: writes the site and exits 0', () => {
    const dir = copySample();
    const r = policyc(['build', '--date', '2026-11-29'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ wrote 37 files to dist\n');
    expect(readFileSync(path.join(dir, 'dist/privacy/index.html'), 'utf8')).toContain(
      '<h1 id="policy-title">Privacy &amp; Cookies Policy</h1>',
    );
  });

  it('build: a broken policy after a good build leaves dist/ byte-identical and exits 1', () => {
    const dir = copySample();
    expect(policyc(['build'], dir).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    breakSample(dir);
    const r = policyc(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policyc: build failed; nothing was written to dist');
    expect(r.stderr).toContain('unresolved-reference');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('build: removes files that no longer belong', () => {
    const dir = copySample();
    expect(policyc(['build'], dir).code).toBe(0);
    writeFileSync(path.join(dir, 'dist/stale.html'), 'old');
    expect(policyc(['build'], dir).code).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist')).has('stale.html')).toBe(false);
  });

  it('build: a missing policy folder is an error naming it', () => {
    const r = policyc(['build', '--policy', 'nowhere'], copySample());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nowhere:1:1  error  Policy folder `nowhere` does not exist  policy-folder-missing');
  });
});
