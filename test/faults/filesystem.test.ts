// The filesystem as an attacker shapes it: a mistyped --out, a committed lock, links and special files planted by a pull request, binary assets.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, checkOutputFolder, validate } from '../../src/api.js';
import { stageSite } from '../../src/emit/write-site.js';
import { outputMarker } from '../../src/emit/output-folder.js';
import { init } from '../../src/init/init.js';
import { readTemplates } from '../../src/load/read-templates.js';
import { createRenderer } from '../../src/render/templates.js';
import { formatPretty } from '../../src/report/report.js';
import { root } from '../support/fixtures.js';
import { runCli } from '../support/cli.js';
import { copySample, snapshotTree, tempDir } from '../support/project.js';

const date = '2026-12-01';

/** Run the CLI in-process; its exit code and what it printed. */
const policyc = (args: string[], cwd: string) => runCli(args, { cwd });

/**
 * Validate or build in a process of its own (the built `lib/`), bounded in
 * time and memory: a regression that reads `/dev/zero` or waits on a FIFO
 * fails this test instead of hanging or exhausting the suite.
 */
function inChild(command: 'validate' | 'build', dir: string): { rules: string[]; files: string[]; printed: string } {
  const script = `
    import { ${command}, formatPretty } from ${JSON.stringify(path.join(root, 'lib/index.js'))};
    const result = await ${command}({ cwd: ${JSON.stringify(dir)}, noRules: true, cache: false, date: '${date}' });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    console.log(JSON.stringify({ rules: errors.map((d) => d.ruleId), files: errors.map((d) => d.file), printed: formatPretty(result.diagnostics, { sources: result.sources }) }));
  `;
  const child = spawnSync(process.execPath, ['--max-old-space-size=256', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0)
    throw new Error(`the child did not finish (status ${child.status}, signal ${child.signal}): ${child.stderr.slice(0, 2000)}`);
  return JSON.parse(child.stdout) as { rules: string[]; files: string[]; printed: string };
}

describe('the output folder', () => {
  it('refuses --out naming the project, its parent, its sources or the filesystem root, as a usage error, touching nothing', async () => {
    // The project in a folder of its own, so that its parent holds nothing else.
    const parent = tempDir();
    const dir = path.join(parent, 'project');
    cpSync(path.join(root, 'policy'), path.join(dir, 'policy'), { recursive: true });
    mkdirSync(path.join(dir, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/partials/note.md.hbs'), 'note\n');
    writeFileSync(path.join(dir, 'keep.txt'), 'mine\n');
    writeFileSync(path.join(parent, 'beside.txt'), 'theirs\n');
    const before = snapshotTree(parent);
    const cases: [string, string][] = [
      ['.', 'it is the project folder'],
      ['..', 'it contains the project folder'],
      ['policy', 'it is the policy folder'],
      ['policy/history', 'it is inside the policy folder'],
      ['templates', 'it is the templates folder'],
      ['/', 'it is the root of the filesystem'],
    ];
    for (const [out, reason] of cases) {
      const run = await policyc(['build', '--out', out, '--no-cache', '--date', date], dir);
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toContain(`Refusing to build into \``);
      expect(run.stderr, out).toContain(`: ${reason}.`);
      expect(run.stderr, out).toContain('output-folder-refused');
      expect(run.stdout).toBe('');
    }
    expect(snapshotTree(parent)).toEqual(before);
    // --watch checks first too, and never starts watching.
    const watching = await policyc(['build', '--watch', '--out', '.', '--no-cache'], dir);
    expect(watching.code).toBe(2);
    expect(watching.stdout).toBe('');
  });

  it('refuses the home folder, a link to the project folder, a file, and a folder it did not build', async () => {
    const dir = copySample();
    const home = checkOutputFolder({ cwd: dir, out: homedir() });
    expect(home?.ruleId).toBe('output-folder-refused');
    expect(home?.message).toMatch(/it is your home folder|it is the root of the filesystem/);

    symlinkSync(dir, path.join(dir, 'site'));
    const viaLink = await build({ cwd: dir, out: 'site', cache: false, date });
    expect(viaLink.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      [
        'output-folder-refused',
        'Refusing to build into `site`: it is the project folder. A build deletes and replaces its output folder; nothing was written',
      ],
    ]);

    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    expect(checkOutputFolder({ cwd: dir, out: 'notes.txt' })?.message).toContain('it is a file, not a folder');

    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/app.js'), 'console.log(1);\n');
    const ours = await build({ cwd: dir, out: 'src', cache: false, date });
    expect(ours.diagnostics.map((d) => d.ruleId)).toEqual(['output-folder-refused']);
    expect(ours.diagnostics[0]!.message).toContain(`it is not empty, and policyc did not build it (it has no \`${outputMarker}\` file)`);
    expect(ours.diagnostics[0]!.hint).toContain('policyc replaces only a folder it built');
    expect(readFileSync(path.join(dir, 'src/app.js'), 'utf8')).toBe('console.log(1);\n');
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('builds into a missing or empty folder, marks it, and replaces only a folder it marked', async () => {
    const dir = copySample();
    mkdirSync(path.join(dir, 'public'));
    const first = await build({ cwd: dir, out: 'public', cache: false, date });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The marker is in the tree, not among the pages written.
    expect(first.written).not.toContain(outputMarker);
    expect(lstatSync(path.join(dir, 'public', outputMarker)).isFile()).toBe(true);
    writeFileSync(path.join(dir, 'public/stale.html'), 'old\n');
    const second = await build({ cwd: dir, out: 'public', cache: false, date });
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(path.join(dir, 'public/stale.html'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.public'))).toEqual([]);
  });

  it('keeps an output folder that is a symbolic link a link, and writes the site into its target', async () => {
    const dir = copySample();
    const deploy = tempDir();
    const target = path.join(deploy, 'site');
    symlinkSync(target, path.join(dir, 'dist'));
    // The target does not exist yet (a link to nothing), then is replaced by the next build.
    for (const round of [1, 2]) {
      const result = await build({ cwd: dir, cache: false, date });
      expect(
        result.diagnostics.filter((d) => d.severity === 'error'),
        `round ${round}`,
      ).toEqual([]);
      expect(lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(dir, 'dist'))).toBe(target);
      expect(lstatSync(target).isDirectory()).toBe(true);
      expect(readFileSync(path.join(target, 'privacy/index.html'), 'utf8')).toContain('<html');
      expect(existsSync(path.join(target, outputMarker))).toBe(true);
      // Staged beside the target, and nothing left there or beside the link.
      expect(readdirSync(deploy)).toEqual(['site']);
      expect(readdirSync(dir).filter((name) => name.startsWith('.dist'))).toEqual([]);
    }
  });
});

describe('the build lock', () => {
  it('is not blocked by a committed lock holding `1` (pid 1 is always alive), nor by a lock naming another host', async () => {
    const dir = copySample();
    writeFileSync(path.join(dir, '.dist.lock'), '1\n');
    const first = await build({ cwd: dir, cache: false, date });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(path.join(dir, '.dist.lock'))).toBe(false);
    writeFileSync(path.join(dir, '.dist.lock'), JSON.stringify({ host: `not-${hostname()}`, pid: process.pid, time: Date.now() }));
    const second = await build({ cwd: dir, cache: false, date });
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // A lock older than an hour is stale whatever it names.
    writeFileSync(
      path.join(dir, '.dist.lock'),
      JSON.stringify({ host: hostname(), pid: process.ppid, time: Date.now() - 2 * 60 * 60 * 1000 }),
    );
    expect((await build({ cwd: dir, cache: false, date })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('still refuses while another build of this very process holds the lock', async () => {
    const dir = copySample();
    const held = await stageSite(path.join(dir, 'dist'), { cwd: dir, sources: [] });
    try {
      const locked = await build({ cwd: dir, cache: false, date });
      expect(locked.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.ruleId, d.message])).toEqual([
        ['.dist.lock', 'build-locked', `Another policyc (process ${process.pid}) is writing \`dist\`; nothing was written`],
      ]);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
      const record = JSON.parse(readFileSync(path.join(dir, '.dist.lock'), 'utf8')) as { host: string; pid: number };
      expect(record).toMatchObject({ host: hostname(), pid: process.pid });
    } finally {
      await held.abort();
    }
    expect((await build({ cwd: dir, cache: false, date })).written.length).toBeGreaterThan(10);
  });

  it('never follows or writes through a lock file that is a link', async () => {
    const dir = copySample();
    // The link's target reads as a live lock of this process's parent: followed, it would block the build.
    const victim = path.join(tempDir(), 'victim');
    const live = `${JSON.stringify({ host: hostname(), pid: process.ppid, time: Date.now() })}\n`;
    writeFileSync(victim, live);
    symlinkSync(victim, path.join(dir, '.dist.lock'));
    const result = await build({ cwd: dir, cache: false, date });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe(live);
    expect(existsSync(path.join(dir, '.dist.lock'))).toBe(false);
    // A link to /dev/zero is not read either (it would never end).
    symlinkSync('/dev/zero', path.join(dir, '.dist.lock'));
    expect(inChild('build', dir).rules).toEqual([]);
  });
});

describe('init', () => {
  it('never writes through a link: a .gitignore or .github linked outside is kept and reported', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'gitignore'), 'secret-config\n');
    symlinkSync(path.join(outside, 'gitignore'), path.join(dir, '.gitignore'));
    mkdirSync(path.join(outside, 'github'));
    symlinkSync(path.join(outside, 'github'), path.join(dir, '.github'));
    const result = await init({ dir: '.', cwd: dir });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.message])).toEqual([
      ['init-kept-link', 'info', '.github', 'Kept `.github`, a symbolic link; `.github/workflows/policy.yml` was not written through it'],
      ['init-kept-link', 'info', '.gitignore', 'Kept `.gitignore`, a symbolic link'],
    ]);
    expect(result.written).toEqual(['policy/privacy.yaml', 'policyc.config.json', 'README.md', 'package.json']);
    expect(readFileSync(path.join(outside, 'gitignore'), 'utf8')).toBe('secret-config\n');
    expect(readdirSync(path.join(outside, 'github'))).toEqual([]);
    expect(lstatSync(path.join(dir, '.gitignore')).isSymbolicLink()).toBe(true);
  });

  it('reports a dangling policy link as a diagnostic, in init and in validate and build', async () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'policy'));
    const initialised = await init({ dir: '.', cwd: dir });
    expect(initialised.written).toEqual([]);
    expect(initialised.diagnostics.map((d) => [d.ruleId, d.file, d.message])).toEqual([
      ['init-not-empty', 'policy', '`policy` is a symbolic link to nothing: init does not write through links'],
    ]);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
    const checked = await validate({ cwd: dir });
    expect(checked.diagnostics.map((d) => [d.ruleId, d.file, d.message, d.hint])).toEqual([
      [
        'policy-folder-missing',
        'policy',
        'Policy folder `policy` is a symbolic link to a folder that does not exist',
        'Point the link at the policy folder, or replace it with the folder itself.',
      ],
    ]);
    expect((await build({ cwd: dir, cache: false })).diagnostics.map((d) => d.ruleId)).toEqual(['policy-folder-missing']);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });
});

describe('links and special files among the sources', () => {
  const history = 'policy/history/privacy';

  it('never reads a history file linked to /etc/passwd or /proc/self/environ, and prints nothing of them', async () => {
    const dir = copySample();
    rmSync(path.join(dir, history, '1.0.0.yaml'));
    symlinkSync('/etc/passwd', path.join(dir, history, '1.0.0.yaml'));
    rmSync(path.join(dir, history, '2.0.0.fr.yaml'));
    symlinkSync('/proc/self/environ', path.join(dir, history, '2.0.0.fr.yaml'));
    const checked = await validate({ cwd: dir, noRules: true, cache: false });
    const unsafe = checked.diagnostics.filter((d) => d.ruleId === 'file-not-regular');
    expect(unsafe.map((d) => [d.file, d.message])).toEqual([
      [
        `${history}/1.0.0.yaml`,
        `\`${history}/1.0.0.yaml\` is a symbolic link: policyc reads only regular files and folders, never through links`,
      ],
      [
        `${history}/2.0.0.fr.yaml`,
        `\`${history}/2.0.0.fr.yaml\` is a symbolic link: policyc reads only regular files and folders, never through links`,
      ],
    ]);
    const printed = formatPretty(checked.diagnostics, { sources: checked.sources });
    expect(printed).not.toContain('root:');
    expect(printed).not.toContain('PATH=');
    for (const text of checked.sources.values()) expect(text).not.toContain('root:');

    // The manifest too: linked, it is not read and the folder is left out, reported once.
    const other = copySample();
    rmSync(path.join(other, history, 'manifest.json'));
    symlinkSync('/etc/passwd', path.join(other, history, 'manifest.json'));
    const manifest = await validate({ cwd: other, noRules: true, cache: false });
    // Without its manifest the history is as good as missing, which is said too.
    expect(manifest.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.file])).toEqual([
      ['file-not-regular', `${history}/manifest.json`],
      ['history-missing', 'policy/privacy.yaml'],
    ]);
    expect(formatPretty(manifest.diagnostics, { sources: manifest.sources })).not.toContain('root:');
  });

  it('refuses history files that are /dev/zero, a FIFO or over the size limit, in bounded time and memory', () => {
    const dir = copySample();
    rmSync(path.join(dir, history, '1.0.0.yaml'));
    symlinkSync('/dev/zero', path.join(dir, history, '1.0.0.yaml'));
    rmSync(path.join(dir, history, '2.0.0.yaml'));
    execFileSync('mkfifo', [path.join(dir, history, '2.0.0.yaml')]);
    // 6 MiB: over the 5 MiB a document may be.
    writeFileSync(path.join(dir, history, '2.0.0.fr.yaml'), `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    const result = inChild('validate', dir);
    const at = (file: string) => result.rules.filter((_, i) => result.files[i] === `${history}/${file}`);
    expect(at('1.0.0.yaml')).toEqual(['file-not-regular']);
    expect(at('2.0.0.yaml')).toEqual(['file-not-regular']);
    expect(at('2.0.0.fr.yaml')).toEqual(['file-too-large']);
    expect(result.printed).toContain(`\`${history}/2.0.0.yaml\` is a named pipe (FIFO)`);
  });

  it('never reads a working document or translation that is a link or a special file', () => {
    const dir = copySample();
    rmSync(path.join(dir, 'policy/privacy.fr.yaml'));
    symlinkSync('/etc/passwd', path.join(dir, 'policy/privacy.fr.yaml'));
    symlinkSync('/dev/zero', path.join(dir, 'policy/zero.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'policy/extra.yaml')]);
    const result = inChild('validate', dir);
    expect(result.files.filter((_, i) => result.rules[i] === 'file-not-regular').sort()).toEqual([
      'policy/extra.yaml',
      'policy/privacy.fr.yaml',
      'policy/zero.yaml',
    ]);
    expect(result.printed).toContain('`policy/privacy.fr.yaml` is a symbolic link: policyc reads only regular files, never through links');
    expect(result.printed).not.toContain('root:');
  });

  it('never reads a template or locale file that is a link or a special file, and builds nothing', () => {
    const dir = copySample();
    mkdirSync(path.join(dir, 'templates/locales'), { recursive: true });
    symlinkSync('/etc/passwd', path.join(dir, 'templates/locales/en.json'));
    symlinkSync('/proc/self/environ', path.join(dir, 'templates/page.md.hbs'));
    symlinkSync('/dev/zero', path.join(dir, 'templates/index.html.hbs'));
    execFileSync('mkfifo', [path.join(dir, 'templates/feed.xml.hbs')]);
    const result = inChild('build', dir);
    expect(result.files.filter((_, i) => result.rules[i] === 'file-not-regular').sort()).toEqual([
      'templates/feed.xml.hbs',
      'templates/index.html.hbs',
      'templates/locales/en.json',
      'templates/page.md.hbs',
    ]);
    expect(result.printed).toContain(
      'Template `locales/en.json` is a symbolic link: policyc reads only regular files and folders, never through links',
    );
    expect(result.printed).not.toContain('root:');
    expect(result.printed).not.toContain('PATH=');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('never follows a policy or templates folder, or a config file, that a link leads out of the project', async () => {
    // What an attacker would point them at: a folder of theirs outside the project, with a "policy" of their own.
    const outside = copySample();
    mkdirSync(path.join(outside, 'templates'));
    writeFileSync(path.join(outside, 'templates/page.html.hbs'), 'PLANTED');
    const dir = copySample();
    rmSync(path.join(dir, 'policy'), { recursive: true });
    symlinkSync(path.join(outside, 'policy'), path.join(dir, 'policy'));
    const policyLink = await build({ cwd: dir, date, cache: false });
    expect(policyLink.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
      'policy policy-folder-outside Policy folder `policy` is a symbolic link that leads out of the project: it was not read',
    ]);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    // Named outside the project on purpose, the same folder is the user's choice.
    expect(
      (await validate({ cwd: dir, policy: path.join(outside, 'policy'), noRules: true, cache: false })).diagnostics.filter(
        (d) => d.severity === 'error',
      ),
    ).toEqual([]);

    const sample = copySample();
    symlinkSync(path.join(outside, 'templates'), path.join(sample, 'templates'));
    const templatesLink = await build({ cwd: sample, date, cache: false });
    expect(templatesLink.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'templates templates-folder-outside',
    ]);
    expect(existsSync(path.join(sample, 'dist'))).toBe(false);

    symlinkSync('/etc/passwd', path.join(sample, 'policyc.config.json'));
    const configLink = await validate({ cwd: sample, noRules: true, cache: false });
    const config = configLink.diagnostics.find((d) => d.file === 'policyc.config.json');
    expect(`${config?.ruleId} ${config?.message}`).toBe(
      'file-not-regular `policyc.config.json` is a symbolic link: policyc reads only regular files, never through links; it was not read',
    );
    expect(formatPretty(configLink.diagnostics, { sources: configLink.sources })).not.toContain('root:');
  });
});

describe('binary assets', () => {
  // A PNG signature and bytes that are not UTF-8: read as text, each would become U+FFFD.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0xf0, 0x9f]);

  it('are copied byte for byte, and their bytes are what the cache key hashes', async () => {
    const dir = copySample();
    mkdirSync(path.join(dir, 'templates/assets'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/assets/logo.png'), png);
    const result = await build({ cwd: dir, cache: false, date });
    expect(result.written).toContain('assets/logo.png');
    expect(readFileSync(path.join(dir, 'dist/assets/logo.png')).equals(png)).toBe(true);

    // Two assets that decode to the same text, differing only in invalid bytes, give different digests.
    const other = tempDir();
    mkdirSync(path.join(other, 'assets'));
    writeFileSync(path.join(other, 'assets/logo.png'), Buffer.from(png.map((byte) => (byte === 0xff ? 0xfe : byte))));
    const digest = async (folder: string) => createRenderer(await readTemplates([folder])).digest;
    expect(await digest(path.join(dir, 'templates'))).not.toBe(await digest(other));
  });
});
