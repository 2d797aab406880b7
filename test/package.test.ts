// policyc as a website's repository gets it: `npm pack`, the tarball installed
// with npm into an empty project (its dependencies from npm's cache or the
// registry, as in CI), then the README's path: `npx policyc init`, `validate`,
// `build`, `release`, `diff`, and the README's API example through `import` and
// `require`. One install is shared by the file's tests. The installed CLI must
// run its bundle and read its recorded tool identity, whatever times npm gave
// its files.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectHome as policycHome } from '../src/diagnostics/catalog.js';
import { examplesOf } from './support/examples.js';
import { root } from './support/fixtures.js';
import { nodeBinary, otherNodes } from './support/node-binaries.js';
import { tempDir } from './support/project.js';

const work = tempDir('policyc-pack-');
const site = path.join(work, 'site');
const installed = path.join(site, 'node_modules/policyc');
const env = { ...process.env, NO_COLOR: '1', POLICYC_CACHE_KEY_FILE: path.join(work, 'cache-key') };
let packed: { filename: string; size: number; files: { path: string }[] };

function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: options.cwd ?? site,
    encoding: 'utf8',
    env: { ...env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** `npx policyc ARGS` in the site: the installed bin, as a user runs it. */
const policyc = (args: string[], extra: Record<string, string> = {}, cwd = site) =>
  run('npx', ['--no-install', 'policyc', ...args], { env: extra, cwd });

/** A copy of the sample project inside the site, so that `policyc` resolves to the installed package. */
let samples = 0;
function sample(): string {
  const inside = path.join(site, `sample-${++samples}`);
  cpSync(path.join(root, 'policy'), path.join(inside, 'policy'), { recursive: true });
  cpSync(path.join(root, 'policyc.config.json'), path.join(inside, 'policyc.config.json'));
  return inside;
}

beforeAll(() => {
  // lib/ is built by `npm test` (npm run prepare) before the tests: packing must not build it again.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root });
  expect(pack.status, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  mkdirSync(site);
  writeFileSync(path.join(site, 'package.json'), `${JSON.stringify({ name: 'site', version: '1.0.0', private: true }, null, 2)}\n`);
  const install = run('npm', ['install', '--save-dev', path.join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund']);
  expect(install.status, install.stderr).toBe(0);
}, 600_000);

describe('the packed package', () => {
  it('ships what it needs and no test data', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'lib/index.js',
      'lib/index.d.ts',
      'lib/cjs/policyc.cjs',
      'lib/cli/bin.js',
      'lib/cli/main.bundle.js',
      'lib/tool-digest.json',
      'lib/validate/schema.standalone.cjs',
      'schema/policy.schema.json',
      'schema/translation.schema.json',
      'schema/review.schema.json',
      'data/open-cookie-database/open-cookie-database.csv',
      'data/open-cookie-database/LICENSE',
      'data/open-cookie-database/NOTICE',
      'templates/page.html.hbs',
      'templates/locales/en.json',
    ])
      expect(files, file).toContain(file);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.map'))).toEqual([]);
    expect(files).not.toContain('schema/cases.json');
    expect(files).not.toContain('lib/cli/main.bundle.json');
    // V8's compiled code of the validators is made for the Node.js binary that ran `npm run prepare`: of no use elsewhere.
    expect(files.filter((f) => f.endsWith('.code-cache'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${policycHome}.git` });
    expect(pkg.homepage).toBe(`${policycHome}#readme`);
    expect(pkg.bugs).toEqual({ url: `${policycHome}/issues` });
    // Nothing runs when it is installed (prepare builds a git checkout only; npm runs it for no registry package).
    const scripts = pkg.scripts as Record<string, string>;
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(scripts, hook).not.toHaveProperty(hook);
    // Every entry the manifest names is shipped.
    const entries = JSON.stringify(pkg.exports).match(/\.\/[\w/.-]+/g)!;
    for (const entry of [...entries, pkg.main as string, pkg.types as string, (pkg.bin as Record<string, string>).policyc!])
      expect(files, entry).toContain(entry.replace(/^\.\//, ''));
  });

  it('is installed with the sources left out: the installed CLI cannot take itself for a checkout', () => {
    expect(existsSync(path.join(installed, 'lib/cli/bin.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
  });

  it('brings playwright-core, the browser driver of `policyc scan URL`', () => {
    expect(existsSync(path.join(site, 'node_modules/playwright-core/package.json'))).toBe(true);
  });
});

describe('the installed CLI, as the README says to use it', () => {
  it('init, validate, build, release and diff', () => {
    const init = policyc(['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('created policy/privacy.yaml');
    // The editor's schema is the installed package's.
    const document = readFileSync(path.join(site, 'policy/privacy.yaml'), 'utf8');
    const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(document)?.[1];
    expect(schema).toBe('../node_modules/policyc/schema/policy.schema.json');
    expect(existsSync(path.join(site, 'policy', schema!))).toBe(true);
    expect(existsSync(path.join(site, 'policyc.config.json'))).toBe(true);
    expect(existsSync(path.join(site, '.github/workflows/policy.yml'))).toBe(true);

    const validate = policyc(['validate']);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toBe('✔ 1 document valid\n');
    expect(validate.status).toBe(0);

    const build = policyc(['build', '--date', '2027-02-01']);
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(path.join(site, 'dist/privacy/index.html'), 'utf8')).toContain('<html');
    expect(existsSync(path.join(site, 'dist/privacy/index.md'))).toBe(true);

    const release = policyc(['release', '--effective', '2027-01-01']);
    expect(release.status, release.stderr).toBe(0);
    expect(existsSync(path.join(site, 'policy/history/privacy/manifest.json'))).toBe(true);

    const file = path.join(site, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('duration: 13 months', 'duration: 25 months'));
    const diff = policyc(['diff']);
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('1.0.0 -> working copy: 1 change, 1 material');
    expect(diff.stdout).toContain('13 months to 25 months');
    expect(policyc(['diff', '--exit-code']).status).toBe(1);
  });

  it('scans a HAR file with the Open Cookie Database it ships', () => {
    const har = path.join(root, 'test/scan-fixtures/site.har');
    const scan = policyc(['scan', '--har', har, '--date', '2026-03-01', '--format', 'json'], {}, sample());
    expect(scan.status, scan.stderr).toBe(1);
    const found = (JSON.parse(scan.stdout) as { ruleId: string; message: string; hint?: string }[]).find(
      (d) => d.ruleId === 'scan-undeclared-cookie' && d.message.includes('`_ga_ABC123`'),
    );
    expect(found?.hint).toContain('The Open Cookie Database knows it: Google Analytics, analytics, 2 years.');
  });

  it('runs its bundle, whatever times npm gave its files (POLICYC_UNBUNDLED=1 runs lib/’s modules)', () => {
    // lib/cli/main.js made to throw, and newer than the bundle: only the bundle can answer.
    const main = path.join(installed, 'lib/cli/main.js');
    const original = readFileSync(main, 'utf8');
    try {
      writeFileSync(main, "throw new Error('lib/cli/main.js ran');\n");
      const later = new Date(Date.now() + 3_600_000);
      utimesSync(main, later, later);
      const bundled = policyc(['rules', 'cookies-category']);
      expect(bundled.stderr).toBe('');
      expect(bundled.stdout).toContain('cookies-category');
      const modules = policyc(['rules', 'cookies-category'], { POLICYC_UNBUNDLED: '1' });
      expect(modules.stderr).toContain('lib/cli/main.js ran');
    } finally {
      writeFileSync(main, original);
    }
  });

  it('reads the tool identity prepare recorded, and never hashes its code', () => {
    // A file of lib/ that cannot be read: hashing the code would fail on it (an internal error).
    const trap = path.join(installed, 'lib/zz-unreadable.js');
    const record = path.join(installed, 'lib/tool-digest.json');
    // The sample, whose released versions are cached.
    const dir = sample();
    const cache = path.join(dir, 'node_modules/.cache/policyc');
    symlinkSync(path.join(work, 'nowhere'), trap);
    try {
      const build = policyc(['build', '--date', '2027-02-01'], {}, dir);
      expect(build.stderr).toBe('⚠ 2 warnings: run `policyc validate` to read them\n');
      expect(build.status).toBe(0);
      // The cache was used, so its keys were made with the tool's identity.
      expect(existsSync(cache)).toBe(true);
      // Without the record, the identity is hashed from the code, and the trap springs: it was the record that was read.
      renameSync(record, `${record}.away`);
      try {
        const hashing = policyc(['build', '--date', '2027-02-01'], {}, dir);
        expect(hashing.status).toBe(70);
        expect(hashing.stderr).toContain('zz-unreadable.js');
      } finally {
        renameSync(`${record}.away`, record);
      }
    } finally {
      rmSync(trap);
    }
  });
});

describe('the README’s API example, in the installed package', () => {
  const example = examplesOf('README.md', readFileSync(path.join(root, 'README.md'), 'utf8')).find(
    (e) => e.lang === 'js' && e.flags.includes('runnable') && e.code.includes("from 'policyc'"),
  )!;

  it('prints what the README says, through import', () => {
    expect(example.output).toBeDefined();
    const dir = sample();
    writeFileSync(path.join(dir, 'example.mjs'), example.code);
    const r = run(process.execPath, ['example.mjs'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(example.output);
    expect(r.status).toBe(0);
  });

  it.skipIf(!process.features.require_module)('prints the same through require (Node.js 20.19+, 22.12+)', () => {
    const dir = sample();
    writeFileSync(path.join(dir, 'example.cjs'), asCommonJs(example.code));
    const r = run(process.execPath, ['example.cjs'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(example.output);
    expect(r.status).toBe(0);
  });

  // Node.js before 20.19 cannot require an ES module: there both import and require load lib/cjs/policyc.cjs.
  describe.each(otherNodes)('on Node.js %s', (version) => {
    let node: string;
    let dir: string;
    beforeAll(() => {
      node = nodeBinary(version);
      dir = sample();
      writeFileSync(path.join(dir, 'example.mjs'), example.code);
      writeFileSync(path.join(dir, 'example.cjs'), asCommonJs(example.code));
    }, 300_000);

    it('loads the entry its module system can load', () => {
      const entry = run(node, ['-p', "require.resolve('policyc')"], { cwd: dir });
      expect(entry.stderr).toBe('');
      const requireModule = run(node, ['-p', 'Boolean(process.features.require_module)'], { cwd: dir }).stdout.trim() === 'true';
      expect(entry.stdout.trim()).toBe(path.join(installed, requireModule ? 'lib/index.js' : 'lib/cjs/policyc.cjs'));
      expect(requireModule).toBe(version !== '20.18.3');
    });

    it.each(['example.mjs', 'example.cjs'])('prints what the README says through %s', (file) => {
      const r = run(node, [file], { cwd: dir });
      // Node.js 22.12 alone still calls require(esm) experimental, in a warning of its own (gone from 22.13).
      const nodeWarning = /^\(node:\d+\) ExperimentalWarning: CommonJS module .* is loading ES Module .* using require\(\)\.\n.*\n.*\n/;
      expect(r.stderr.replace(version === '22.12.0' && file.endsWith('.cjs') ? nodeWarning : /^$/, '')).toBe('');
      expect(r.stdout).toBe(example.output);
      expect(r.status).toBe(0);
    });

    it('validates the sample as the running Node.js does', () => {
      const bin = path.join(installed, 'lib/cli/bin.js');
      const expected = run(process.execPath, [bin, 'validate', '--date', '2027-02-01'], { cwd: dir });
      const r = run(node, [bin, 'validate', '--date', '2027-02-01'], { cwd: dir });
      expect(r.stderr).toBe(expected.stderr);
      expect(r.stdout).toBe(expected.stdout);
      expect(r.status).toBe(0);
    });
  });
});

/** The README's example as CommonJS: require() instead of import, the body in an async function. */
function asCommonJs(code: string): string {
  const importLine = /^import \{([^}]+)\} from 'policyc';\n/m;
  expect(code).toMatch(importLine);
  const names = importLine.exec(code)![1];
  const body = code.replace(importLine, '');
  return `const {${names}} = require('policyc');\n(async () => {\n${body}})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
}
