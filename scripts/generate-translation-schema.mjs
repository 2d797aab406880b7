// Writes schema/translation.schema.json, derived from the policy schema (run `npm run prepare` first).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { translationSchema } from '../lib/translate/schema.js';

const file = fileURLToPath(new URL('../schema/translation.schema.json', import.meta.url));
await writeFile(file, `${JSON.stringify(translationSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
