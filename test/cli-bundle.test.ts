// The bundled CLI (lib/cli/main.bundle.js, made by `npm run prepare` for a fast
// cold start: scripts/bundle-cli.mjs) behaves exactly as lib/'s modules do:
// every command of the README, run both ways on copies of the sample, prints
// the same, exits the same and writes the same bytes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/fixtures.js';
import { spawnCli } from './support/cli.js';
import { snapshotTree, tempDir } from './support/project.js';

const bundled = existsSync(path.join(root, 'lib/cli/main.bundle.js'));

/** A copy of the sample project: its policy and its config (the base URL). */
function project(): string {
  const dir = tempDir();
  cpSync(path.join(root, 'policy'), path.join(dir, 'policy'), { recursive: true });
  cpSync(path.join(root, 'policyc.config.json'), path.join(dir, 'policyc.config.json'));
  return dir;
}

/** Run one command in a fresh project, bundled or not: what it printed, its exit code and the files it left. */
function run(args: string[], unbundled: boolean, prepare?: (dir: string) => void) {
  const dir = project();
  prepare?.(dir);
  return { ...spawnCli(args, { cwd: dir, env: { POLICYC_UNBUNDLED: unbundled ? '1' : '' } }), files: snapshotTree(dir) };
}

/** Break the sample: a typo'd key, a value outside an enum, a malformed date, a dangling reference. */
function breakSample(dir: string) {
  const file = path.join(dir, 'policy/privacy.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('  itemsIntro: "We use your information to:"', '  itemsIntro: "We use your information to:"\n  titel: Using Your Information')
    .replace('      lifetime: session', '      lifetime: sesion')
    .replace('effective: 2027-01-01', 'effective: 2027-13-01')
    .replace('    contact: support', '    contact: helpdesk');
  writeFileSync(file, text);
}

const commands: { name: string; args: string[]; prepare?: (dir: string) => void }[] = [
  { name: 'help', args: ['--help'] },
  { name: 'build --help', args: ['build', '--help'] },
  { name: 'validate', args: ['validate'] },
  { name: 'validate --format json', args: ['validate', '--format', 'json'] },
  { name: 'validate --format sarif', args: ['validate', '--format', 'sarif'] },
  { name: 'validate --format github --strict', args: ['validate', '--format', 'github', '--strict'] },
  { name: 'validate, broken', args: ['validate'], prepare: breakSample },
  { name: 'validate --format json, broken', args: ['validate', '--format', 'json'], prepare: breakSample },
  { name: 'build', args: ['build', '--date', '2027-02-01'] },
  { name: 'build --drafts --out site', args: ['build', '--drafts', '--out', 'site', '--date', '2026-06-01'] },
  { name: 'build, broken', args: ['build'], prepare: breakSample },
  { name: 'diff', args: ['diff', '1.0.0', '2.0.0'] },
  { name: 'diff --format md', args: ['diff', '1.0.0', '2.0.0', '--format', 'md'] },
  { name: 'diff --format json --exit-code', args: ['diff', '1.0.0', '2.0.0', '--format', 'json', '--exit-code'] },
  { name: 'diff --format html', args: ['diff', '1.0.0', '2.0.0', '--format', 'html'] },
  { name: 'notify --out', args: ['notify', '1.0.0', '2.0.0', '--out', 'mail', '--locale', 'fr'] },
  { name: 'release, nothing to release', args: ['release', '--effective', '2027-06-01'] },
  {
    name: 'release of an edit',
    args: ['release', '--effective', '2027-06-01', '--allow-untranslated'],
    prepare: (dir) => {
      const file = path.join(dir, 'policy/privacy.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('version: 2.0.0', 'version: 2.1.0').replace('effective: 2027-01-01', 'effective: 2027-06-01'),
      );
    },
  },
  { name: 'rules', args: ['rules'] },
  { name: 'rules --format json', args: ['rules', '--format', 'json'] },
  { name: 'rules RULE', args: ['rules', 'cookies-category'] },
  { name: 'init', args: ['init', 'fresh', '--id', 'terms'] },
  { name: 'usage error', args: ['build', '--otu', 'x'] },
];

describe.skipIf(!bundled)('the bundled CLI', () => {
  it.each(commands.map((c) => [c.name, c] as const))('%s: the same as unbundled', (_name, c) => {
    const bundle = run(c.args, false, c.prepare);
    const modules = run(c.args, true, c.prepare);
    expect(bundle.code).toBe(modules.code);
    expect(bundle.stdout).toBe(modules.stdout);
    expect(bundle.stderr).toBe(modules.stderr);
    expect([...bundle.files.keys()]).toEqual([...modules.files.keys()]);
    for (const [file, bytes] of modules.files) expect(bundle.files.get(file), file).toBe(bytes);
  });

  it('is split into chunks, every one of them in the tool identity that keys the cache', () => {
    const cli = path.join(root, 'lib/cli');
    const { outputs } = JSON.parse(readFileSync(path.join(cli, 'main.bundle.json'), 'utf8')) as { outputs: Record<string, unknown> };
    const chunks = Object.keys(outputs).filter((file) => file !== 'main.bundle.js');
    expect(chunks.length).toBeGreaterThan(5);
    // Exactly the chunks of this build: none left over from an earlier one (they would be packed and hashed too).
    expect(
      readdirSync(path.join(root, 'lib/bundle'))
        .map((name) => `../bundle/${name}`)
        .sort(),
    ).toEqual(chunks.sort());
    const { files } = JSON.parse(readFileSync(path.join(root, 'lib/tool-digest.json'), 'utf8')) as { files: string[] };
    const hashed = new Set(files.map((file) => file.split(path.sep).join('/')));
    for (const file of Object.keys(outputs)) expect(hashed, file).toContain(path.posix.join('cli', file));
  });

  it('is what bin.js runs; in a checkout, until a file of lib/ it was made from is newer', () => {
    // A copy of the checkout (its sources stood for by the one file bin.js looks for) whose lib/cli/main.js throws, older than the bundle.
    const dir = tempDir();
    for (const folder of ['lib', 'schema', 'templates']) cpSync(path.join(root, folder), path.join(dir, folder), { recursive: true });
    cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    mkdirSync(path.join(dir, 'src/cli'), { recursive: true });
    cpSync(path.join(root, 'src/cli/bin.ts'), path.join(dir, 'src/cli/bin.ts'));
    const cli = path.join(dir, 'lib/cli');
    writeFileSync(path.join(cli, 'main.js'), "throw new Error('lib/cli/main.js ran');\n");
    const { inputs } = JSON.parse(readFileSync(path.join(cli, 'main.bundle.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(expect.arrayContaining(['main.js', '../commands/build.js', '../validate/schema-rules.js']));
    const made = new Date('2030-01-01T00:00:00Z');
    const before = new Date(made.getTime() - 60_000);
    for (const file of inputs) utimesSync(path.join(cli, file), before, before);
    utimesSync(path.join(cli, 'main.bundle.js'), made, made);
    // The copy's own bin.js, not the repository's: spawned directly.
    const rules = () =>
      spawnSync(process.execPath, [path.join(cli, 'bin.js'), 'rules', 'cookies-category'], { cwd: dir, encoding: 'utf8' });
    expect(rules().stdout).toContain('cookies-category');
    // The same time as the bundle (as in a package npm installed): still the bundle.
    utimesSync(path.join(cli, 'main.js'), made, made);
    expect(rules().stdout).toContain('cookies-category');
    const later = new Date(made.getTime() + 1000);
    utimesSync(path.join(cli, 'main.js'), later, later);
    expect(rules().stderr).toContain('lib/cli/main.js ran');
    // An installed package (no sources beside lib/: npm gave its files whatever times) always runs the bundle...
    rmSync(path.join(dir, 'src'), { recursive: true });
    expect(rules().stdout).toContain('cookies-category');
    // ...unless asked not to, to compare.
    const unbundled = spawnSync(process.execPath, [path.join(cli, 'bin.js'), 'rules'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, POLICYC_UNBUNDLED: '1' },
    });
    expect(unbundled.stderr).toContain('lib/cli/main.js ran');
  });
});
