// Resource bombs: each fails fast with its diagnostic, in a process of its own whose peak memory is measured.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/fixtures.js';
import { tempDir } from '../support/project.js';

const minimal = readFileSync(path.join(root, 'test/fixtures/minimal/input.yaml'), 'utf8').replace('id: input', 'id: privacy');
// Far above what validating the sample takes (about 100 MB), far below what an unbounded expansion would.
const memoryCeiling = 400 * 1024 * 1024;

/** Validate a project in a fresh process; its diagnostics' rule ids, its peak memory (bytes) and whether it finished in time. */
function validateInChild(dir: string): { rules: string[]; places: string[]; maxRss: number } {
  const script = `
    import { validate } from ${JSON.stringify(path.join(root, 'lib/index.js'))};
    const result = await validate({ cwd: ${JSON.stringify(dir)}, noRules: true });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    console.log(JSON.stringify({ rules: errors.map((d) => d.ruleId), places: errors.map((d) => d.file + ':' + d.line + ':' + d.column), maxRss: process.resourceUsage().maxRSS * 1024 }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the child did not finish (status ${child.status}, signal ${child.signal}): ${child.stderr}`);
  return JSON.parse(child.stdout) as { rules: string[]; places: string[]; maxRss: number };
}

function project(write: (file: string) => void): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'policy'));
  write(path.join(dir, 'policy/privacy.yaml'));
  return dir;
}

describe('resource bombs', () => {
  it('alias expansion ("billion laughs") is refused before it expands', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(', ')}]`,
      );
    const dir = project((file) => writeFileSync(file, `${minimal}bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\n`));
    const result = validateInChild(dir);
    expect(result.rules).toEqual(['yaml-alias-limit']);
    expect(result.maxRss).toBeLessThan(memoryCeiling);
  });

  it('a 100 MB file is not read', () => {
    const dir = project((file) => writeFileSync(file, Buffer.alloc(100 * 1024 * 1024, 'a: b\n')));
    const result = validateInChild(dir);
    expect(result.rules).toEqual(['file-too-large']);
    expect(result.places).toEqual(['policy/privacy.yaml:1:1']);
    expect(result.maxRss).toBeLessThan(memoryCeiling);
  });

  it('10,000-deep nesting is refused at the level that goes too deep, without exhausting the stack', () => {
    for (const nest of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000),
      `\n  ${'- '.repeat(10_000)}x`,
    ]) {
      const dir = project((file) => writeFileSync(file, `${minimal}bomb: ${nest}\n`));
      const result = validateInChild(dir);
      expect(result.rules).toEqual(['yaml-too-deep']);
      expect(result.maxRss).toBeLessThan(memoryCeiling);
    }
  });

  it('a 1 MB single line is refused as too long', () => {
    const dir = project((file) =>
      writeFileSync(file, minimal.replace('title: Privacy Policy', `title: Privacy Policy\nintroduction: ${'word '.repeat(200_000)}`)),
    );
    const result = validateInChild(dir);
    expect(result.rules).toEqual(['schema-max-length']);
    expect(result.maxRss).toBeLessThan(memoryCeiling);
  });

  it('a huge number of entities is refused by the schema before any prose is parsed', () => {
    const contexts = Array.from({ length: 20_000 }, (_, i) => `    - id: c${i}\n      description: context ${i}\n`).join('');
    const dir = project((file) => writeFileSync(file, minimal.replace('  contexts:\n', `  contexts:\n${contexts}`)));
    const result = validateInChild(dir);
    expect(result.rules).toEqual(['schema-max-items']);
    expect(result.maxRss).toBeLessThan(memoryCeiling);
  });
});
