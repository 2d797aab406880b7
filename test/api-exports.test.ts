// The public API's exports, pinned as remark's packages pin theirs: the names `src/index.ts` exports as
// values, sorted, equal test/golden/api-exports.txt. Adding, renaming or removing an export is a change to the
// API a user sees: rewrite the golden with `UPDATE=1 npm run test:fast` and review it (and CHANGELOG.md).
// Type-only exports are erased at run time and are not listed.
import path from 'node:path';
import { it } from 'vitest';
import * as api from '../src/index.js';
import { expectGolden, root } from './support/fixtures.js';

it('src/index.ts exports the values in test/golden/api-exports.txt', () => {
  const names = Object.keys(api).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expectGolden(path.join(root, 'test/golden/api-exports.txt'), `${names.join('\n')}\n`);
});
