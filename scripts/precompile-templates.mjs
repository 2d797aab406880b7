// Compiles policyc's own templates (templates/) to JavaScript with
// Handlebars.precompile, into lib/render/precompiled/ (a module per template,
// and index.cjs with each one's source hash), so that a build with the
// shipped templates compiles none at run time and loads only those it
// renders (issue 17). Run by `npm run prepare` after tsc, before the bundle
// and the tool's digest (which hashes every module of lib/). A project's
// template is used precompiled only when its text hashes to the shipped
// one's; any other is compiled at run time as before (see
// src/render/templates.ts). Minified: Handlebars' output repeats a helper in
// every function, and a process parses what it loads.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { precompiledDir, precompileTemplates } from '../lib/render/precompiled.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Modules of templates since removed would linger in the package and in the tool's digest.
rmSync(precompiledDir, { recursive: true, force: true });
mkdirSync(precompiledDir, { recursive: true });
for (const [file, code] of precompileTemplates(path.join(root, 'templates'))) {
  const minified = transformSync(code, { loader: 'js', format: 'cjs', target: 'node20', minify: true, legalComments: 'none' }).code;
  writeFileSync(path.join(precompiledDir, file), minified);
}
