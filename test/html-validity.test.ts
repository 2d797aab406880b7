// Every HTML page policyc generates must be valid HTML (html-validate, recommended rules).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function problems(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

describe('generated HTML is valid', () => {
  let out = '';
  beforeAll(async () => {
    out = path.join(tempDir(), 'dist');
    await build({ cwd: root, out });
  });

  it.each(['index.html', 'privacy/index.html'])('sample %s', async (file) => {
    expect(await problems(readFileSync(path.join(out, file), 'utf8'), file)).toEqual([]);
  });

  const fixtures = path.join(root, 'test/fixtures');
  const pages = readdirSync(fixtures)
    .map((name) => path.join(fixtures, name, 'output.html'))
    .filter((file) => existsSync(file));
  it.each(pages.map((p) => path.relative(root, p)))('fixture %s', async (file) => {
    expect(await problems(readFileSync(path.join(root, file), 'utf8'), file)).toEqual([]);
  });

  it('catches invalid HTML (the validator is live)', async () => {
    expect(
      await problems('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>', 'bad.html'),
    ).not.toEqual([]);
  });
});
