// Regenerates the compliance-rules reference in README.md from the rules
// themselves (lib/rules, so run `npm run prepare` first; `npm run docs` does).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown, rulesMarkers } from '../lib/rules/docs.js';
import { allRules } from '../lib/rules/registry.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const text = await readFile(readme, 'utf8');
const start = text.indexOf(rulesMarkers.start);
const end = text.indexOf(rulesMarkers.end);
if (start < 0 || end < start) throw new Error('README.md has no rules markers');
await writeFile(readme, `${text.slice(0, start + rulesMarkers.start.length)}\n\n${rulesMarkdown(allRules)}\n${text.slice(end)}`);
console.log(`README.md: ${allRules.length} rules documented`);
