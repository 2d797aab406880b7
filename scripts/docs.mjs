// Regenerates the reference pages of docs/ (the CLI, the compliance rules and
// the diagnostics) from the code that they document: the command definitions,
// the rules and the diagnostics catalog. It reads lib/, so run
// `npm run prepare` first; `npm run docs` does both. A page is written only
// when it changed, so a second run changes nothing. `test/docs.test.ts`
// renders the same pages from src/ and fails when a committed one drifts.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commands, globalFlags } from '../lib/cli/flags.js';
import { diagnosticCatalog } from '../lib/diagnostics/catalog.js';
import { rulesMarkdown } from '../lib/rules/docs.js';
import { allRules } from '../lib/rules/registry.js';
import { docsPages } from './docs-pages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pages = docsPages({ commands, globalFlags, rules: allRules, rulesMarkdown, catalog: diagnosticCatalog });
for (const [file, text] of Object.entries(pages)) {
  const target = path.join(root, file);
  const before = await readFile(target, 'utf8').catch(() => undefined);
  if (before === text) {
    console.log(`${file}: current`);
    continue;
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`${file}: written`);
}
