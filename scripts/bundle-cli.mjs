// Bundles the CLI for a fast cold start (issue 6): Node spends most of an
// unbundled start resolving, reading and compiling the hundreds of small
// modules of yaml, ajv, handlebars and unified/remark; a bundle loads in about
// half the time. It is split at each dynamic import (issue 17), so a command
// parses only the chunks of what it runs: `validate` none of the renderer's.
// Run by `npm run prepare` after tsc and
// scripts/standalone-schemas.mjs, so it bundles the compiled lib/ (not the
// standalone validators: src/validate/schema-rules.ts loads
// lib/validate/schema.standalone.cjs when a validator is first needed).
//
// lib/ stays the library; only the `policyc` command uses the bundle:
// lib/cli/bin.js imports lib/cli/main.bundle.js when it exists, else
// lib/cli/main.js. The bundle sits in lib/cli/ like main.js, so the paths
// modules build with `new URL('../../schema/…', import.meta.url)` and
// `new URL('../validate/…', import.meta.url)` resolve to the same files.
// The chunks go in lib/bundle/, two folders deep too.
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
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { metafile: { type: 'string' } } });
/** Where the chunks shared by the entry and its dynamic imports go. */
const chunkDir = 'lib/bundle';

// Chunks from an earlier run would linger in the package and in the tool's digest.
rmSync(path.join(root, chunkDir), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main.bundle': path.join(root, 'lib/cli/main.js') },
  outdir: path.join(root, 'lib'),
  // Split at each dynamic import (a command, the renderer, the Markdown
  // parser): a process parses only the chunks of what it runs, so `validate`
  // never compiles the renderer, the mailer or the preview server. The chunks
  // sit two folders deep like every module of lib/, so relative URLs hold.
  splitting: true,
  chunkNames: `${path.basename(chunkDir)}/[name]-[hash]`,
  bundle: true,
  // ajv compiles a schema only when no generated validator fits it (see
  // src/validate/schema-rules.ts), and then loads it from node_modules with
  // require(): its dynamic import() there (for scripts/standalone-schemas.mjs)
  // would otherwise make chunks of it that nothing runs.
  // playwright-core (the browser of `policyc scan URL`) stays in node_modules: it
  // is large, loads only for a scan, and reads its own files by path.
  external: ['ajv', 'ajv/*', 'ajv-formats', 'playwright-core'],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (handlebars, nodemailer) call require() for
  // Node's built-ins; an ES module has no `require`, so give each chunk one.
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
  external: ['playwright-core'],
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
const fromCli = (file) => path.relative(cli, path.join(root, file)).split(path.sep).join('/');
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => input.startsWith('lib/'))
  .map(fromCli);
// Each output file with the packages it holds and the files it imports before it runs (statically):
// what a process running it parses. The tests read it (test/cold-start.test.ts); bin.js does not.
const packageOf = (input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
const outputs = Object.fromEntries(
  Object.entries(result.metafile.outputs)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, output]) => [
      fromCli(file),
      {
        packages: [...new Set(Object.keys(output.inputs).map(packageOf).filter(Boolean))].sort(),
        imports: output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => fromCli(i.path)),
      },
    ]),
);
writeFileSync(path.join(cli, 'main.bundle.json'), `${JSON.stringify({ inputs, outputs }, null, 1)}\n`);
