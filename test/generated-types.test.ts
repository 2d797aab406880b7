import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateMessagesType, messagesTypePath } from '../scripts/generate-messages-type.mjs';
import { generateTypes, typesPath } from '../scripts/generate-types.mjs';

it('src/model/policy.generated.ts is up to date with the schema (run `npm run generate:types`)', async () => {
  expect(readFileSync(typesPath, 'utf8')).toBe(await generateTypes());
});

it('src/model/messages.generated.ts is up to date with templates/locales/en.json (run `npm run generate:types`)', async () => {
  expect(readFileSync(messagesTypePath, 'utf8')).toBe(await generateMessagesType());
});
