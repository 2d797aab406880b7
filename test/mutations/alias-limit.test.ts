// The alias limit against "billion laughs" files, at its boundary: an anchor and its aliases count as
// nodes, 100 are accepted and the 101st is refused, by `parse` and by a project's loading. Not only the
// number in the message: a limit raised a hundredfold fails here.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParseSettings, parse, validate } from '../../src/index.js';
import { tempDir } from '../support/project.js';

/** A document with one anchored scalar and `aliases` aliases to it: `aliases + 1` nodes. */
const withAliases = (aliases: number) => `id: laughs\nlol: &lol "lol"\nlols:\n${'  - *lol\n'.repeat(aliases)}`;
const parseText = (text: string, settings = defaultParseSettings) =>
  parse({ path: 'policy/laughs.yaml', bytes: new TextEncoder().encode(text), size: text.length }, settings);
const ruleIds = (text: string, settings = defaultParseSettings) => parseText(text, settings).diagnostics.map((d) => d.ruleId);

describe('alias limit', () => {
  it('is 100 nodes by default', () => {
    expect(defaultParseSettings.maxAliasCount).toBe(100);
  });

  it('accepts 100 nodes (an anchor and 99 aliases)', () => {
    const parsed = parseText(withAliases(99));
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.data?.lols as unknown[]).length).toBe(99);
  });

  it('refuses 101 nodes (an anchor and 100 aliases), at the first alias', () => {
    const parsed = parseText(withAliases(100));
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['yaml-alias-limit', 4, 'Aliases expand to too many nodes (limit 100): this looks like a "billion laughs" file'],
    ]);
  });

  it('refuses nested aliases that expand far beyond the limit', () => {
    const nested = ['id: laughs', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
    ])
      nested.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    expect(ruleIds(`${nested.join('\n')}\n`)).toEqual(['yaml-alias-limit']);
  });

  it('follows the settings it is given', () => {
    expect(ruleIds(withAliases(100), { ...defaultParseSettings, maxAliasCount: 101 })).toEqual([]);
    expect(ruleIds(withAliases(10), { ...defaultParseSettings, maxAliasCount: 10 })).toEqual(['yaml-alias-limit']);
  });

  it('applies to the documents of a project', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'policy'));
    writeFileSync(path.join(cwd, 'policy/laughs.yaml'), withAliases(100));
    const checked = await validate({ cwd, date: '2027-01-01' });
    expect(checked.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['policy/laughs.yaml:4 yaml-alias-limit']);
    writeFileSync(path.join(cwd, 'policy/laughs.yaml'), withAliases(99));
    const accepted = await validate({ cwd, date: '2027-01-01' });
    expect(accepted.diagnostics.map((d) => d.ruleId)).not.toContain('yaml-alias-limit');
  });
});
