import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateTypes, typesPath } from '../scripts/generate-types.mjs';

it('src/model/policy.generated.ts is up to date with the schema (run `npm run generate:types`)', async () => {
  expect(readFileSync(typesPath, 'utf8')).toBe(await generateTypes());
});
