import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './fixtures.js';

/**
 * Every rule id the diff engine can produce, read off its source: each
 * `rule: 'id'`, and both ids of `rule: test ? 'a' : 'b'`.
 */
export function engineRuleIds(): Set<string> {
  const source = readFileSync(path.join(root, 'src/diff/diff.ts'), 'utf8');
  const ids = new Set<string>();
  for (const m of source.matchAll(/rule: (?:[^,{}]*?\? )?'([a-z]+(?:-[a-z]+)*)'(?: : '([a-z]+(?:-[a-z]+)*)')?/g)) {
    ids.add(m[1]!);
    if (m[2]) ids.add(m[2]);
  }
  return ids;
}
