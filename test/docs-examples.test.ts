// Every code example of README.md and docs/*.md that a reader may run is run, on
// a copy of the sample project, and prints what the page says it prints. The
// convention, in a fence's info string:
// - ```js runnable (or mjs, cjs): a whole program, run with Node.js in the
//   sample project, where `policyc` is this package; it must exit 0, and the
//   next fenced block, when its info string is `output`, is exactly its stdout.
// - ```sh runnable: `policyc …` (or `npm run policyc -- …`) commands, one a
//   line (`# comments` ignored), run in order in one copy; each must exit 0, and
//   an `output` block after it is the last command's stdout.
// - ```js fragment: a piece of a program, not run.
// Every JavaScript or TypeScript block is one of the two, so none can go stale unseen.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin } from './support/cli.js';
import { root } from './support/fixtures.js';
import { examplesOf, words, type Example } from './support/examples.js';
import { tempDir } from './support/project.js';

const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const examples = pages.flatMap((file) => examplesOf(file, readFileSync(path.join(root, file), 'utf8')));
const scripts = new Set(['js', 'mjs', 'cjs', 'javascript', 'ts', 'mts', 'cts', 'typescript']);
const name = (e: Example) => `${e.file}:${e.line}`;

/** A copy of the sample project in which `policyc` is this package. */
function sampleProject(): string {
  const dir = tempDir();
  cpSync(path.join(root, 'policy'), path.join(dir, 'policy'), { recursive: true });
  cpSync(path.join(root, 'policyc.config.json'), path.join(dir, 'policyc.config.json'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules/policyc'), 'dir');
  return dir;
}

const env = { ...process.env, NO_COLOR: '1', POLICYC_CACHE_KEY_FILE: path.join(tempDir(), 'key') };

describe('the examples of README.md and docs/', () => {
  it('reads fences, their flags and the output after them', () => {
    const text = 'a\n```js runnable\nx()\n```\n\nprints\n\n```output\n1\n```\n\n  ```sh\n  policyc build\n  ```\n';
    expect(examplesOf('f.md', text)).toEqual([
      { file: 'f.md', line: 2, lang: 'js', flags: ['runnable'], code: 'x()\n', output: '1\n' },
      { file: 'f.md', line: 12, lang: 'sh', flags: [], code: 'policyc build\n' },
    ]);
    expect(words(`policyc review --by "Jane \\"J\\" Doe" --reason 'Same use.' x`)).toEqual([
      'policyc',
      'review',
      '--by',
      'Jane "J" Doe',
      '--reason',
      'Same use.',
      'x',
    ]);
  });

  it('every JavaScript or TypeScript example is runnable or marked a fragment', () => {
    const unmarked = examples.filter((e) => scripts.has(e.lang) && !e.flags.includes('runnable') && !e.flags.includes('fragment'));
    expect(unmarked.map(name)).toEqual([]);
    // TypeScript is not run (Node.js 20 does not strip types): an example in it is a fragment.
    const runnableTs = examples.filter((e) => ['ts', 'mts', 'cts', 'typescript'].includes(e.lang) && e.flags.includes('runnable'));
    expect(runnableTs.map(name)).toEqual([]);
  });

  const runnable = examples.filter((e) => e.flags.includes('runnable'));
  it('include the README’s API example', () => {
    expect(runnable.filter((e) => e.file === 'README.md' && e.lang === 'js').length).toBeGreaterThan(0);
  });

  it.each(runnable.filter((e) => scripts.has(e.lang)).map((e) => [name(e), e] as const))('%s runs and prints what it says', (_name, e) => {
    expect(e.output, 'a runnable example is followed by its ```output').toBeDefined();
    const dir = sampleProject();
    const file = path.join(dir, e.lang === 'cjs' ? 'example.cjs' : 'example.mjs');
    writeFileSync(file, e.code);
    const run = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(e.output);
  });

  it.each(runnable.filter((e) => e.lang === 'sh').map((e) => [name(e), e] as const))('%s runs its commands', (_name, e) => {
    const dir = sampleProject();
    const commands = e.code
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(commands.length).toBeGreaterThan(0);
    let stdout = '';
    for (const command of commands) {
      const argv = words(command);
      const args = argv[0] === 'policyc' ? argv.slice(1) : argv.slice(0, 4).join(' ') === 'npm run policyc --' ? argv.slice(4) : undefined;
      expect(args, `${command}: a runnable shell example runs policyc`).toBeDefined();
      const run = spawnSync(process.execPath, [bin, ...args!], { cwd: dir, encoding: 'utf8', env });
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
      stdout = run.stdout;
    }
    if (e.output !== undefined) expect(stdout).toBe(e.output);
  });
});
