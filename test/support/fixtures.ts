import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Rewrite goldens instead of comparing with them: `UPDATE=1 npm run test:fast` (the CLI's goldens: `UPDATE=1 npm run test:cli`). */
export const updating = process.env.UPDATE === '1';

/** Compare `actual` with the golden file, or (with UPDATE=1) write it. A missing golden fails. */
export function expectGolden(file: string, actual: string): void {
  if (updating) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`Golden ${path.relative(process.cwd(), file)} is missing: run UPDATE=1 npm run test:fast (or test:cli) and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The repository's root folder. */
export const root = path.resolve(import.meta.dirname, '../..');
