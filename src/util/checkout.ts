import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether the code in `codeRoot` (lib/, or src/ under the tests) runs in
 * policyc's own checkout rather than in an installed package: only a checkout
 * has the sources beside lib/ (package.json's `files` never ships src/). A
 * file that exists, not file times, which npm rewrites on install. In a
 * checkout, a `tsc` run without `npm run prepare` can leave the bundle and the
 * recorded tool digest behind lib/, so they are checked for freshness there;
 * an installed package is exactly what was packed, so they are used as they are.
 */
export function isCheckout(codeRoot: string): boolean {
  return existsSync(path.join(codeRoot, '../src/cli/bin.ts'));
}
