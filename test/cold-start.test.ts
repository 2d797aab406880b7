// What a cold `policyc validate` loads (issue 17): a validation renders
// nothing, so it must load nothing that renders (no Handlebars, no
// unified/rehype HTML pipeline, no mailer, no file watcher), and help and
// usage errors load no command at all. Checked both ways the CLI runs: lib/'s
// modules under a load hook (every ES module and every require()), and the
// bundle, whose chunks main.bundle.json lists with the packages each holds.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

const bin = path.join(root, 'lib/cli/bin.js');
const built = existsSync(bin);
const bundleList = path.join(root, 'lib/cli/main.bundle.json');

/** Packages that render (HTML, Markdown output, templates, e-mail) or watch: none may load for a validation. */
const renderers =
  /^(remark-rehype|remark-stringify|rehype-[^/]+|mdast-util-to-hast|hast-util-to-html|hast-util-sanitize|handlebars|nodemailer|chokidar)$/;

/** The Markdown parser's packages: a validation whose cache knows every answer parses no prose, so loads none of them. */
const markdownParser = /^(micromark($|-)|remark-parse|remark-gfm|mdast-util-from-markdown|mdast-util-gfm)/;

/** The package a module's file belongs to, from its path. */
function packageOf(file: string): string | undefined {
  return file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
}

/**
 * A preload script (`node --import`) that writes to `log` the file of every
 * module loaded: ES modules through a load hook, CommonJS through require().
 */
function loadLogger(dir: string, log: string): string {
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
  );
  const preload = path.join(dir, 'preload.mjs');
  writeFileSync(
    preload,
    [
      "import { appendFileSync } from 'node:fs';",
      "import Module, { register } from 'node:module';",
      `register(${JSON.stringify(pathToFileURL(hook).href)});`,
      'const load = Module._load;',
      'Module._load = function (request, parent, isMain) {',
      '  const loaded = load.apply(this, arguments);',
      `  try { appendFileSync(${JSON.stringify(log)}, Module._resolveFilename(request, parent, isMain) + '\\n'); } catch {}`,
      '  return loaded;',
      '};',
      '',
    ].join('\n'),
  );
  return preload;
}

/** Run the built CLI in a copy of the sample, bundled or not: its exit code and the files of the modules it loaded. */
function loads(args: string[], options: { unbundled: boolean; dir?: string }) {
  const dir = options.dir ?? sample();
  const log = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(loadLogger(dir, log)).href, bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', POLICYC_UNBUNDLED: options.unbundled ? '1' : '' },
  });
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((entry) => (entry.startsWith('file:') ? fileURLToPath(entry) : entry));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, files, dir };
}

/** A copy of the sample project (its policy, history and config), with a cache folder of its own. */
function sample(): string {
  const dir = tempDir();
  cpSync(path.join(root, 'policy'), path.join(dir, 'policy'), { recursive: true });
  cpSync(path.join(root, 'policyc.config.json'), path.join(dir, 'policyc.config.json'));
  return dir;
}

const validate = ['validate', '--date', '2026-12-01', '--cache', 'cache'];

describe.skipIf(!built)('a cold `policyc validate`', () => {
  it('loads no renderer from lib/’s modules, with an empty cache and with a warm one', () => {
    const cold = loads(validate, { unbundled: true });
    expect(cold.code, cold.stderr).toBe(0);
    // The hook sees what it should: lib/'s modules, yaml, and the generated schema validators.
    expect(cold.files.some((f) => f.endsWith(path.join('lib', 'project', 'check.js')))).toBe(true);
    expect(cold.files.some((f) => packageOf(f) === 'yaml')).toBe(true);
    const warm = loads(validate, { unbundled: true, dir: cold.dir });
    expect(warm.code, warm.stderr).toBe(0);
    // The empty cache's run parses the sample's prose (its judgement loads the parser on first need and
    // starts again: src/project/check.ts); the warm one loads no part of the parser, and says the same.
    expect(warm.stdout).toBe(cold.stdout);
    expect(cold.files.some((f) => markdownParser.test(packageOf(f) ?? ''))).toBe(true);
    expect([...new Set(warm.files.map(packageOf).filter((p) => p !== undefined && markdownParser.test(p)))]).toEqual([]);
    expect(warm.files.filter((f) => /[\\/]lib[\\/]markdown[\\/]parser\.js$/.test(f))).toEqual([]);
    for (const run of [cold, warm]) {
      const packages = [...new Set(run.files.map(packageOf).filter((p) => p !== undefined))];
      expect(packages.filter((p) => renderers.test(p))).toEqual([]);
      // Nor the renderer's own modules, the mailer's, the other commands, or the preview server
      // (the argument parser reads how an SMTP URL is shown, from a module that imports nothing).
      const own = run.files.filter((f) => f.startsWith(path.join(root, 'lib')));
      expect(own.filter((f) => /[\\/]lib[\\/](render|publish|emit|serve|notify[\\/](?!smtp-url\.js))/.test(f))).toEqual([]);
      expect(own.filter((f) => /[\\/]commands[\\/](build|diff|init|notify|release|review|rules|serve)\.js$/.test(f))).toEqual([]);
    }
  });

  it('parses only bundle chunks that hold no renderer, and with a warm cache none that holds the Markdown parser', () => {
    const { outputs } = JSON.parse(readFileSync(bundleList, 'utf8')) as {
      outputs: Record<string, { packages: string[]; imports: string[] }>;
    };
    const cold = loads(validate, { unbundled: false });
    expect(cold.code, cold.stderr).toBe(0);
    const run = loads(validate, { unbundled: false, dir: cold.dir });
    expect(run.code, run.stderr).toBe(0);
    const cli = path.join(root, 'lib/cli');
    const chunks = run.files
      .filter((f) => f.startsWith(path.join(root, 'lib')) && f.endsWith('.js'))
      .map((f) => path.relative(cli, f).split(path.sep).join('/'))
      .filter((f) => f !== 'bin.js' && f !== '../util/checkout.js');
    // The bundle ran (its entry and a chunk of its own), not lib/'s modules.
    expect(chunks).toContain('main.bundle.js');
    expect(chunks.some((f) => f.startsWith('../bundle/validate-'))).toBe(true);
    for (const chunk of chunks) expect(outputs[chunk], chunk).toBeDefined();
    expect(chunks.flatMap((chunk) => outputs[chunk]!.packages).filter((p) => renderers.test(p))).toEqual([]);
    expect(chunks.flatMap((chunk) => outputs[chunk]!.packages).filter((p) => markdownParser.test(p))).toEqual([]);
    // The parser is in the bundle, in a chunk of its own that the empty cache's run loads.
    const parserChunks = Object.keys(outputs).filter((chunk) => outputs[chunk]!.packages.some((p) => markdownParser.test(p)));
    expect(parserChunks).not.toEqual([]);
    expect(cold.files.some((f) => parserChunks.some((chunk) => f === path.resolve(cli, chunk)))).toBe(true);
    // The renderer is still in the bundle, in chunks of its own.
    expect(Object.values(outputs).some((o) => o.packages.includes('handlebars'))).toBe(true);
    // The browser of `policyc scan URL` is loaded from node_modules, never bundled (scripts/bundle-cli.mjs).
    expect(Object.keys(outputs).filter((chunk) => outputs[chunk]!.packages.includes('playwright-core'))).toEqual([]);
  });

  it('help and usage errors load no command', () => {
    for (const args of [['--help'], ['build', '--help'], ['build', '--otu']]) {
      const run = loads(args, { unbundled: true });
      expect(run.code, args.join(' ')).toBe(args[1] === '--otu' ? 2 : 0);
      const commands = run.files.filter((f) => /[\\/]lib[\\/]commands[\\/][a-z]+\.js$/.test(f)).map((f) => path.basename(f));
      expect(commands.filter((f) => !['index.js', 'definition.js', 'context.js'].includes(f))).toEqual([]);
      expect(run.files.some((f) => /[\\/]lib[\\/]commands[\\/]definitions[\\/]build\.js$/.test(f))).toBe(true);
    }
  });
});
