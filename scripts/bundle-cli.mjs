// Bundles the CLI for a fast cold start (issue 6): Node spends most of an
// unbundled start resolving, reading and compiling the hundreds of small
// modules of yaml, ajv, handlebars and unified/remark; one file loads in about
// half the time. Run by `npm run prepare` after tsc and
// scripts/standalone-schemas.mjs, so it bundles the compiled lib/ (not the
// standalone validators: src/validate/schema-rules.ts loads
// lib/validate/schema.standalone.cjs when a validator is first needed).
//
// lib/ stays the library; only the `policyc` command uses the bundle:
// lib/cli/bin.js imports lib/cli/main.bundle.js when it exists, else
// lib/cli/main.js. The bundle sits in lib/cli/ like main.js, so the paths
// modules build with `new URL('../../schema/…', import.meta.url)` and
// `new URL('../validate/…', import.meta.url)` resolve to the same files.
// lib/cli/main.bundle.json lists the files of lib/ in the bundle: in
// policyc's own checkout, bin.js falls back to lib/'s modules when one of them
// is newer than the bundle (a `tsc` run without `npm run prepare`); an
// installed package always runs the bundle (package.json's `files` leaves the
// list out).
//
// It also writes lib/cjs/policyc.cjs, the library as one CommonJS file, for
// `require('policyc')` (and `import`) on Node.js before 20.19, which cannot
// require an ES module; newer Node.js takes lib/index.js either way (the
// "module-sync" condition of package.json's `exports`). It sits two folders
// deep like every module of lib/, so the same relative paths hold.
//
//   node scripts/bundle-cli.mjs [--metafile FILE]   (FILE: esbuild's analysis of what the bundle holds)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { metafile: { type: 'string' } } });

const result = await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'lib/cli/main.js')],
  outfile: path.join(root, 'lib/cli/main.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (ajv, handlebars, nodemailer) call require() for
  // Node's built-ins; an ES module has no `require`, so give it one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  // Whitespace and syntax minified (about a third smaller); identifiers are
  // not, so an internal error's stack keeps its function names and nothing
  // that reads a function's or a class's name changes.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'lib/index.js')],
  outfile: path.join(root, 'lib/cjs/policyc.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // A CommonJS file has no import.meta: give the modules their URL from __filename.
  define: { 'import.meta.url': '__policyc_module_url' },
  banner: { js: "const __policyc_module_url = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

if (values.metafile) writeFileSync(values.metafile, JSON.stringify(result.metafile));

// Paths relative to lib/cli/, as bin.js resolves them.
const cli = path.join(root, 'lib/cli');
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => input.startsWith('lib/'))
  .map((input) => path.relative(cli, path.join(root, input)).split(path.sep).join('/'));
writeFileSync(path.join(cli, 'main.bundle.json'), `${JSON.stringify({ inputs }, null, 1)}\n`);
