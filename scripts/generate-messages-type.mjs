// Generates src/model/messages.generated.ts from templates/locales/en.json: the
// shape of a locale's messages, derived from the English ones so a message
// added to en.json is known to the code without being written twice.
// `node scripts/generate-messages-type.mjs` (or `npm run generate:types`)
// rewrites the file; test/generated-types.test.ts fails when it is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const localePath = `${root}templates/locales/en.json`;
export const messagesTypePath = `${root}src/model/messages.generated.ts`;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name) => (identifier.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
/** A JSDoc line quoting the English message (no comment terminator inside). */
const doc = (text) => `/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ')} */`;

/** The TypeScript type of one value of en.json, indented by `depth` levels. */
function typeOf(value, depth) {
  if (typeof value === 'string') return 'string';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`templates/locales/en.json: a message is a string or an object of messages, not ${JSON.stringify(value)}`);
  }
  const indent = '  '.repeat(depth + 1);
  const lines = Object.entries(value).flatMap(([name, child]) => [
    ...(typeof child === 'string' ? [`${indent}${doc(child)}`] : []),
    `${indent}${key(name)}: ${typeOf(child, depth + 1)};`,
  ]);
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

/** The module's text (deterministic: en.json's order). */
export async function generateMessagesType() {
  const english = JSON.parse(await readFile(localePath, 'utf8'));
  return [
    '/* Generated from templates/locales/en.json by scripts/generate-messages-type.mjs: do not edit. Run `npm run generate:types`. */',
    '',
    '/**',
    ' * The messages of templates/locales/en.json, as they are: every locale file has',
    " * this shape. Code reads a locale's messages as `Messages` (src/model/messages.ts),",
    ' * which allows for a message a locale leaves out.',
    ' */',
    `export interface EnglishMessages ${typeOf(english, 0)}`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(messagesTypePath, await generateMessagesType());
  console.log(`wrote ${messagesTypePath}`);
}
