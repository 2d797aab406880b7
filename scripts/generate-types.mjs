// Generates src/model/policy.generated.ts from schema/policy.schema.json.
// The schema is the single source of truth for the document's shape; the
// types are derived from it so they are never written twice by hand.
// `node scripts/generate-types.mjs` rewrites the file; the test suite calls
// `generateTypes()` and fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
export const schemaPath = `${root}schema/policy.schema.json`;
export const typesPath = `${root}src/model/policy.generated.ts`;

/** Compile the schema to TypeScript declarations (deterministic). */
export async function generateTypes() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  return compile(schema, 'Policy', {
    bannerComment:
      '/* Generated from schema/policy.schema.json by scripts/generate-types.mjs: do not edit. Run `npm run generate:types`. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(typesPath, await generateTypes());
  console.log(`wrote ${typesPath}`);
}
