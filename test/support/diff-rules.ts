import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './fixtures.js';

/**
 * Every rule id the diff engine can produce, read off its source (every
 * module of src/diff/ but the list of verdicts, change-rules.ts): each
 * `rule: 'id'`, and both ids of `rule: test ? 'a' : 'b'`.
 */
export function engineRuleIds(): Set<string> {
  const folder = path.join(root, 'src/diff');
  const modules = readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'change-rules.ts');
  const source = modules.map((name) => readFileSync(path.join(folder, name), 'utf8')).join('\n');
  const ids = new Set<string>();
  for (const m of source.matchAll(/rule: (?:[^,{}]*?\? )?'([a-z]+(?:-[a-z]+)*)'(?: : '([a-z]+(?:-[a-z]+)*)')?/g)) {
    ids.add(m[1]!);
    if (m[2]) ids.add(m[2]);
  }
  return ids;
}

/**
 * Whether the tests run under mutation testing (StrykerJS sets this in its workers). There
 * the sources are instrumented copies, so a test that reads the source text cannot find the
 * rule ids in it: such a test checks the tests, not the code, and is skipped there.
 */
export const underMutationTesting = process.env.STRYKER_MUTATOR_WORKER !== undefined;
