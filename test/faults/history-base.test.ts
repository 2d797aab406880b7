// A pull request cannot rewrite released history, nor loosen a check, unseen: with `--base REV` the history at the base
// (read with real git) must be a prefix of the history now, and a config change that weakens a gate is reported,
// named first by `diff` and counted as material by `diff --exit-code`. Every case runs real git in a scratch repository.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { weakenedGates } from '../../src/config/gates.js';
import { parseConfig } from '../../src/config/config.js';
import { changeRuleIds } from '../../src/diff/change-rules.js';
import { diff, release, sha256, validate, type Diagnostic, type Manifest } from '../../src/index.js';
import { engineRuleIds, underMutationTesting } from '../support/diff-rules.js';
import { runCli } from '../support/cli.js';
import { copySample, editFile, tempDir } from '../support/project.js';
import { git } from '../support/git.js';

/** The sample in a fresh repository, committed on `main`: the base of a pull request. */
function sampleRepository(config?: object): string {
  const dir = copySample();
  if (config) writeFileSync(path.join(dir, 'policyc.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

const history = (dir: string, file = '') => path.join(dir, 'policy/history/privacy', file);
const manifestOf = (dir: string) => JSON.parse(readFileSync(history(dir, 'manifest.json'), 'utf8')) as Manifest;
const writeManifest = (dir: string, manifest: Manifest) =>
  writeFileSync(history(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const errors = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`);

/** Run the CLI in-process. */
const policyc = (args: string[], cwd: string) => runCli(args, { cwd });

describe('validate --base REV: the history at REV is a prefix of the history now', () => {
  it('a snapshot edited with its hash recomputed in the manifest (a self-consistent chain) is caught', async () => {
    const dir = sampleRepository();
    editFile(history(dir, '2.0.0.yaml'), 'duration: 90 days\n      category: advertising', 'duration: 9 days\n      category: advertising');
    const manifest = manifestOf(dir);
    manifest.releases[1]!.sha256 = sha256(readFileSync(history(dir, '2.0.0.yaml')));
    writeManifest(dir, manifest);
    // Without a base the rewritten history verifies: the chain is consistent.
    expect(errors((await validate({ cwd: dir, noRules: true })).diagnostics)).toEqual([]);
    const anchored = await validate({ cwd: dir, noRules: true, base: 'main' });
    expect(errors(anchored.diagnostics)).toEqual([
      'policy/history/privacy/2.0.0.yaml:1 history-rewritten The snapshot of release 2.0.0 differs from the one released at `main`',
      'policy/history/privacy/manifest.json:14 history-rewritten The manifest entry of release 2.0.0 differs from the one at `main`: a released entry never changes',
    ]);
    expect(anchored.diagnostics.find((d) => d.ruleId === 'history-rewritten')!.hint).toContain('git checkout main -- policy/history');
  });

  it('dropping the latest release (its entry, its snapshot and its translation) is caught', async () => {
    const dir = sampleRepository();
    const manifest = manifestOf(dir);
    manifest.releases.pop();
    delete manifest.translations;
    writeManifest(dir, manifest);
    rmSync(history(dir, '2.0.0.yaml'));
    rmSync(history(dir, '2.0.0.fr.yaml'));
    // Without a base it looks like a history ending at 1.0.0 and a draft of 2.0.0.
    expect(errors((await validate({ cwd: dir, noRules: true })).diagnostics)).toEqual([]);
    expect(errors((await validate({ cwd: dir, noRules: true, base: 'main' })).diagnostics)).toEqual([
      'policy/history/privacy/manifest.json:5 history-rewritten Release 2.0.0 is no longer recorded in the manifest, which records it at `main`',
      'policy/history/privacy/manifest.json:5 history-rewritten The fr translation of 2.0.0 is no longer recorded in the manifest, which records it at `main`',
    ]);
  });

  it('deleting policy/history/ entirely is caught', async () => {
    const dir = sampleRepository();
    rmSync(path.join(dir, 'policy/history'), { recursive: true });
    const anchored = errors((await validate({ cwd: dir, noRules: true, base: 'main' })).diagnostics);
    expect(anchored).toContain(
      'policy/history/privacy:1 history-rewritten The history of `privacy` is gone: at `main` it records the releases 1.0.0, 2.0.0',
    );
    // A manifest deleted on its own is named as such.
    const other = sampleRepository();
    rmSync(history(other, 'manifest.json'));
    expect(errors((await validate({ cwd: other, noRules: true, base: 'main' })).diagnostics)).toContain(
      'policy/history/privacy/manifest.json:1 history-rewritten The manifest of `privacy` is gone: at `main` it records the releases 1.0.0, 2.0.0',
    );
  });

  it('a release appended after the base passes, and so does a document absent at the base', async () => {
    const dir = sampleRepository();
    // A cookie's purpose reworded: editorial, a patch release.
    editFile(
      path.join(dir, 'policy/privacy.yaml'),
      'Enables us to store your preferred content language',
      'Enables us to remember your preferred content language',
    );
    const released = await release({ cwd: dir, today: '2026-12-02', effective: '2027-02-01' });
    expect(released.written).toContain(path.join('policy/history/privacy/2.0.1.yaml'));
    expect(errors((await validate({ cwd: dir, noRules: true, base: 'main' })).diagnostics)).toEqual([]);
    // The base before any history existed: everything is new.
    git(dir, 'rm', '-rq', '--cached', 'policy/history');
    git(dir, 'commit', '-qm', 'no history');
    expect(errors((await validate({ cwd: dir, noRules: true, base: 'HEAD' })).diagnostics)).toEqual([]);
  });

  it('builds only against an intact base, and says so when it is not', async () => {
    const dir = sampleRepository();
    rmSync(history(dir, '2.0.0.fr.yaml'));
    const manifest = manifestOf(dir);
    delete manifest.translations;
    writeManifest(dir, manifest);
    const built = await policyc(['build', '--base', 'main', '--no-cache', '--date', '2027-02-01'], dir);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(
      'The fr translation of 2.0.0 is no longer recorded in the manifest, which records it at `main`  history-rewritten',
    );
  });

  it('says clearly when the revision does not exist, or there is no repository', async () => {
    const dir = sampleRepository();
    const missing = await validate({ cwd: dir, noRules: true, base: 'origin/main' });
    expect(missing.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      ['policy', 'history-base-unavailable', 'Git revision `origin/main` does not exist here, so the history cannot be checked against it'],
    ]);
    expect(missing.diagnostics[0]!.hint).toContain('git fetch origin main');
    const outside = await validate({ cwd: copySample(), noRules: true, base: 'main' });
    expect(outside.diagnostics.map((d) => d.ruleId)).toEqual(['history-base-unavailable']);
    expect(outside.diagnostics[0]!.message).toMatch(/^Git revision `main` needs a git repository, and .* is not in one/);
    // A name that git would read as an option never reaches it: refused as a usage error, and by the API.
    expect((await policyc(['validate', '--base', '--output=x'], dir)).code).toBe(2);
    expect((await validate({ cwd: dir, noRules: true, base: '--output=x' })).diagnostics[0]!.message).toBe(
      '`--output=x` is not a git revision name, so the history cannot be checked against it',
    );
  });

  it('in a shallow clone that lacks the revision, names the fetch depth needed', async () => {
    const origin = sampleRepository();
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'two');
    const first = git(origin, 'rev-parse', 'HEAD~1').trim();
    const shallow = path.join(tempDir(), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, shallow);
    const r = await policyc(['validate', '--base', first, '--no-cache'], shallow);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `Git revision \`${first}\` does not exist here (this is a shallow clone, which may lack it), so the history cannot be checked against it  history-base-unavailable`,
    );
    expect(r.stdout).toContain('git fetch --unshallow');
    expect(r.stdout).toContain('git fetch --deepen=');
    expect(r.stdout).toContain('fetch-depth: 0');
  });
});

describe('gates a pull request cannot switch off', () => {
  const newPurpose = '    - id: research\n';
  const addPurpose = (dir: string) =>
    editFile(
      path.join(dir, 'policy/privacy.yaml'),
      newPurpose,
      `    - id: profiling\n      description: build a profile of your interests\n      categories: [name, email-address]\n      legalBasis: consent\n${newPurpose}`,
    );

  it('a pull request adding a purpose and marking `new-purpose` editorial in the same change fails `diff --base --exit-code`', async () => {
    const dir = sampleRepository({ baseUrl: 'https://smartfocus.com/policies/' });
    addPurpose(dir);
    writeFileSync(
      path.join(dir, 'policyc.config.json'),
      `${JSON.stringify({ baseUrl: 'https://smartfocus.com/policies/', materiality: { 'new-purpose': 'editorial' } }, null, 2)}\n`,
    );
    git(dir, 'checkout', '-qb', 'pr');
    git(dir, 'commit', '-qam', 'add a purpose, call it editorial');
    // The attack: without the base, the new purpose is editorial and the gate passes.
    expect((await policyc(['diff', '--exit-code'], dir)).code).toBe(0);

    const text = await policyc(['diff', '--base', 'main', '--exit-code'], dir);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Checks loosened in policyc.config.json since the base (review them as material changes):');
    expect(lines[1]).toBe(
      '  Changes of rule `new-purpose` are no longer material: they pass without notice or a minor release. [materiality.new-purpose: material -> editorial]',
    );
    expect(lines[2]).toBe('git:main -> working copy: 1 change, 0 material');

    const md = await policyc(['diff', '--base', 'main', '--exit-code', '--format', 'md'], dir);
    expect(md.code).toBe(1);
    expect(md.stdout.split('\n').slice(0, 3)).toEqual([
      '> [!WARNING]',
      '> **Checks loosened in `policyc.config.json`** since the base; review them as material changes:',
      '> - Changes of rule `new-purpose` are no longer material: they pass without notice or a minor release. (`materiality.new-purpose`: material → editorial)',
    ]);
    const json = JSON.parse((await policyc(['diff', '--base', 'main', '--format', 'json'], dir)).stdout) as Record<string, unknown>;
    expect(Object.keys(json)[0]).toBe('weakenedGates');
    expect(json.weakenedGates).toEqual([
      expect.objectContaining({ setting: 'materiality.new-purpose', before: 'material', after: 'editorial' }),
    ]);
    const html = (await policyc(['diff', '--base', 'main', '--format', 'html'], dir)).stdout;
    expect(html.indexOf('Checks loosened in policyc.config.json')).toBeGreaterThan(-1);
    expect(html.indexOf('Checks loosened in policyc.config.json')).toBeLessThan(html.indexOf('<ul'));

    // validate --base warns at the key that loosens the gate.
    const checked = await validate({ cwd: dir, noRules: true, base: 'main' });
    expect(
      checked.diagnostics.filter((d) => d.ruleId === 'config-gate-weakened').map((d) => [d.file, d.line, d.column, d.severity]),
    ).toEqual([['policyc.config.json', 4, 5, 'warning']]);
    // The API gives the same.
    expect((await diff({ cwd: dir, base: 'main' })).changes?.weakenedGates?.map((g) => g.setting)).toEqual(['materiality.new-purpose']);
  });

  it('counts every loosening by its effective value: severities lowered or off, fewer days of notice, a raised verdict dropped', () => {
    const gates = weakenedGates(
      {
        materiality: { 'right-added': 'material' },
        rules: { 'cookies-duration': 'error' },
        noticeDays: 45,
        images: { allowHosts: ['cdn.example.com'] },
      },
      { rules: { 'gdpr-legal-basis': 'off' }, noticeDays: 14, images: { allowHosts: ['cdn.example.com', 'tracker.example.net'] } },
    );
    expect(gates.map((g) => `${g.setting}: ${g.before} -> ${g.after}`).sort()).toEqual([
      'images.allowHosts: cdn.example.com -> cdn.example.com, tracker.example.net',
      'materiality.right-added: material -> editorial',
      'noticeDays: 45 -> 14',
      'rules.cookies-duration: error -> warning',
      'rules.gdpr-legal-basis: error -> off',
    ]);
    // Tightening is never reported.
    expect(
      weakenedGates({}, { materiality: { 'right-added': 'material' }, rules: { 'cookies-duration': 'error' }, noticeDays: 60 }),
    ).toEqual([]);
  });

  it('refuses an unknown change rule in `materiality`, with a did-you-mean, at its line and column', () => {
    const text = '{\n  "baseUrl": "https://example.com/",\n  "materiality": {\n    "new-purpse": "editorial"\n  }\n}\n';
    expect(parseConfig(text).diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      [
        'config-invalid',
        4,
        5,
        '`materiality` names an unknown change rule `new-purpse`; did you mean `new-purpose`? (docs/materiality.md lists them)',
      ],
    ]);
    expect(parseConfig('{\n  "rules": { "cookie-duration": "off" }\n}\n').diagnostics.map((d) => [d.line, d.column])).toEqual([[2, 14]]);
    expect(parseConfig('{\n  "baseURL": "https://example.com/"\n}\n').diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 3, 'Unknown key `baseURL` in `policyc.config.json`; did you mean `baseUrl`?'],
    ]);
    // A key twice: JSON keeps the last, which a reviewer may not see.
    expect(
      parseConfig('{\n  "materiality": {},\n  "materiality": { "new-purpose": "editorial" }\n}\n').diagnostics.map((d) => [
        d.line,
        d.message,
      ]),
    ).toEqual([[3, '`policyc.config.json` has the key `materiality` twice: only the last would count']]);
  });

  it.skipIf(underMutationTesting)('knows every change rule the engine can produce', () => {
    expect([...changeRuleIds].sort()).toEqual([...engineRuleIds()].sort());
  });
});
