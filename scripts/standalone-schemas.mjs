// Generates the schema validators as code (ajv "standalone" mode) into
// lib/validate/schema.standalone.cjs, so a cold start does not compile the
// policy and translation schemas with ajv (a large part of a cold validate or
// build: see bench/README.md). Run by `npm run prepare` after tsc, before the
// CLI is bundled; lib/validate/schema-rules.js require()s the module on first
// use when present, and uses each validator only while its key (a hash of the
// schema and the ajv options, `validatorKey`) matches the schema it is asked
// for, else it compiles the schema as before. The generated code is ajv's own
// compilation of the same schema with the same options, so the errors, and
// the diagnostics made from them, are the same.
//
// CommonJS, so that schema-rules.js loads it synchronously when a validator
// is first needed (no top-level await, nothing loaded at import time), with
// V8's compiled code of it, kept beside it (`.code-cache`, see
// src/validate/code-cache.ts).
// ajv's standalone code require()s ajv's runtime helpers and ajv-formats'
// format definitions; esbuild bundles them in, as ajv's documentation
// suggests, so the module has no imports and loads the same from lib/ and
// from the CLI bundle.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = (file) => import(pathToFileURL(path.join(root, 'lib', file)).href);

/** The module's source: both validators with their keys, ajv's runtime bundled in. */
export async function standaloneModule() {
  const { policySchema } = await lib('model/schema.js');
  const { translationSchema } = await lib('translate/schema.js');
  const { ajvFactory, validatorKey } = await lib('validate/schema-rules.js');
  const newAjv = await ajvFactory();
  const schemas = { policy: policySchema, translation: translationSchema() };
  const sources = {};
  for (const [name, schema] of Object.entries(schemas)) {
    // One ajv per schema, as at run time; code.source keeps what standaloneCode prints.
    const ajv = newAjv({ code: { source: true, esm: false } });
    sources[name] = standaloneCode.default(ajv, ajv.compile(schema));
  }
  // Each standalone module exports its validate function as module.exports.
  const entry = `module.exports.validators = {${Object.entries(schemas)
    .map(([name, schema]) => `\n  ${name}: { key: ${JSON.stringify(validatorKey(schema))}, validate: require('standalone:${name}') },`)
    .join('')}\n};`;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'schema.standalone.cjs' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Minified: a third smaller, and a few milliseconds less to load; nobody reads it.
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'standalone',
        setup(b) {
          b.onResolve({ filter: /^standalone:/ }, (args) => ({ path: args.path.slice('standalone:'.length), namespace: 'standalone' }));
          // resolveDir: the generated code's require("ajv/dist/runtime/…") resolve from the project's node_modules.
          b.onLoad({ filter: /.*/, namespace: 'standalone' }, (args) => ({ contents: sources[args.path], loader: 'js', resolveDir: root }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/**
 * Keep V8's compiled code of the module beside it (lib/validate/code-cache.js
 * loads it with it): compiled after validating the schema cases and the
 * sample's documents with both validators, so that the functions a validation
 * runs are in it, not only the module's top level. Made by this Node.js, for
 * it: another version or other V8 flags reject it, and compile the module.
 */
export async function writeStandaloneCodeCache(file) {
  const { loadWithCodeCache, writeCodeCache } = await lib('validate/code-cache.js');
  const loaded = loadWithCodeCache(file);
  const { validators } = loaded.exports;
  const cases = JSON.parse(readFileSync(path.join(root, 'schema/cases.json'), 'utf8')).map((c) => c.data);
  const policyDir = path.join(root, 'policy');
  const samples = existsSync(policyDir)
    ? readdirSync(policyDir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .flatMap((name) => {
          try {
            return [parse(readFileSync(path.join(policyDir, name), 'utf8'))];
          } catch {
            return [];
          }
        })
    : [];
  for (const data of [...cases, ...samples]) for (const { validate } of Object.values(validators)) validate(data);
  writeCodeCache(file, loaded);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const header = '// Generated by scripts/standalone-schemas.mjs at `npm run prepare`: do not edit.\n';
  const file = path.join(root, 'lib/validate/schema.standalone.cjs');
  writeFileSync(file, header + (await standaloneModule()));
  await writeStandaloneCodeCache(file);
}
