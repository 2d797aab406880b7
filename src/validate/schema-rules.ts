import { createHash } from 'node:crypto';
import { createRequire as requireFor } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { policySchema, resolveRef, type SchemaNode } from '../model/schema.js';
import { translationSchema } from '../translate/schema.js';
import { loadWithCodeCache } from './code-cache.js';
import { schemaDiagnostic } from './schema-messages.js';
import { closest } from './suggest.js';

/**
 * How both schemas are compiled; scripts/standalone-schemas.mjs generates the
 * standalone validators with the same. `inlineRefs: false`: each `$ref` is a
 * function of its own rather than a copy at every use, which makes the code a
 * third smaller (faster to load, and to compile when it must be); the errors
 * are the same but for their `schemaPath`, which nothing here reads.
 */
const ajvOptions = { allErrors: true, strict: true, verbose: true, inlineRefs: false } as const;
const formats = ['date', 'uri'] as const;

/**
 * The `email` format: a plain address, stricter than ajv-formats' (which takes
 * every RFC 5322 atext character): rendered as `mailto:` links, an address
 * with `?`, `&`, `=` or `%` carries headers (`dpo@example.com?bcc=…`), and
 * one with `#` a fragment that hides the rest. A dot-atom local part of at
 * most 64 characters, `@`, then domain labels (letters, digits, inner hyphens).
 * A RegExp, so ajv's standalone code inlines it.
 */
export const plainEmail =
  /^(?=[^@]{1,64}@)[A-Za-z0-9!$'*+/^_~-]+(?:\.[A-Za-z0-9!$'*+/^_~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Makes ajv instances with policyc's options and formats (`extra`: what
 * generating standalone code adds, `code.source`). ajv is imported only when
 * a schema has to be compiled: loading it is a noticeable part of a cold start.
 */
export async function ajvFactory(): Promise<(extra?: Options) => Ajv2020> {
  const [{ Ajv2020 }, addFormatsModule] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  return factoryOf(Ajv2020, addFormatsModule);
}

/** `ajvFactory`, loading ajv synchronously: for a schema compiled on first use, when no generated validator fits. */
function ajvFactorySync(): (extra?: Options) => Ajv2020 {
  const require = requireFor(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // module.exports is the plugin, and so is its `default`, as through import().
  return factoryOf(Ajv2020, require('ajv-formats') as { default: unknown });
}

function factoryOf(Ajv: typeof Ajv2020, addFormatsModule: { default: unknown }): (extra?: Options) => Ajv2020 {
  // ajv-formats is CommonJS with a default export; under NodeNext it arrives wrapped.
  const addFormats = addFormatsModule.default as (typeof import('ajv-formats'))['default']['default'];
  return (extra = {}) => {
    const ajv = new Ajv({ ...ajvOptions, ...extra });
    addFormats(ajv, [...formats]);
    ajv.addFormat('email', plainEmail);
    return ajv;
  };
}

/** What a validator is compiled from: the schema and the options. A generated validator is used only under the key it was generated for. */
export function validatorKey(schema: SchemaNode): string {
  return createHash('sha256')
    .update(JSON.stringify({ ajvOptions, formats, email: plainEmail.source, schema }))
    .digest('hex');
}

type SchemaName = 'policy' | 'translation';

/** The schemas validated against: the policy's, and the translation files' (derived from it); read on first use. */
let schemas: Record<SchemaName, SchemaNode> | undefined;
function schemaOf(name: SchemaName): SchemaNode {
  schemas ??= { policy: policySchema, translation: translationSchema() };
  return schemas[name];
}

/**
 * The validators `npm run prepare` generated as code (lib/validate/schema.standalone.cjs,
 * by scripts/standalone-schemas.mjs): compiling the schemas with ajv is a large
 * part of a cold start, and the generated code is the same ajv would compile.
 * The path is written from the parent folder so that it resolves the same from
 * lib/cli/main.bundle.js. CommonJS, loaded on first use (never at import: no
 * top-level await, so this module loads through require() too), with the
 * compiled code `npm run prepare` kept of it (./code-cache.ts); each validator
 * is used only while its key matches its schema, checked on first use (not
 * stale). Missing (under the tests, or after a tsc-only build), stale or
 * unloadable, ajv compiles the schema on first use.
 */
type Generated = Partial<Record<SchemaName, { key: string; validate: ValidateFunction }>>;
let generated: Generated | undefined;
function generatedValidators(): Generated {
  if (!generated) {
    try {
      const file = fileURLToPath(new URL('../validate/schema.standalone.cjs', import.meta.url));
      generated = (loadWithCodeCache(file).exports as { validators?: Generated }).validators ?? {};
    } catch {
      generated = {};
    }
  }
  return generated;
}
let newAjv: ((extra?: Options) => Ajv2020) | undefined;

const loaded: Partial<Record<SchemaName, ValidateFunction>> = {};

/** A schema's validator, loaded once and reused for every document: the generated one, else compiled now. */
function load(name: SchemaName): ValidateFunction {
  if (!loaded[name]) {
    const candidate = generatedValidators()[name];
    loaded[name] =
      candidate && candidate.key === validatorKey(schemaOf(name))
        ? candidate.validate
        : (newAjv ??= ajvFactorySync())().compile(schemaOf(name));
  }
  return loaded[name];
}

const compiledOnce = new WeakMap<SchemaNode, ValidateFunction>();

/** A small schema's validator (the review decisions'), compiled with policyc's options on first use. */
export function compiledValidator(schema: SchemaNode): ValidateFunction {
  let validate = compiledOnce.get(schema);
  if (!validate) compiledOnce.set(schema, (validate = (newAjv ??= ajvFactorySync())().compile(schema)));
  return validate;
}

/** The policy validator. */
function validator(): ValidateFunction {
  return load('policy');
}

/** Whether a value has the shape the policy schema describes (no positions, no messages: for tests and tools). */
export function matchesSchema(data: unknown): boolean {
  return validator()(data) as boolean;
}

/** A parsed document, with what is needed to point at its nodes. */
export interface PositionedData {
  path: string;
  /** The file's text. */
  text: string;
  data: unknown;
  yaml: Document;
  lineCounter: LineCounter;
}

/** The translation-file validator (its schema derived from the policy schema). */
export function translationValidator(): ValidateFunction {
  return load('translation');
}

/** Check a document against the policy JSON Schema (or another validator) and report every violation at its node. */
export function validateSchema(input: PositionedData, validate: ValidateFunction = validator()): Diagnostic[] {
  if (validate(input.data)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  return errors.map((error) => schemaDiagnostic(input, error));
}

/**
 * Drop errors that say the same thing twice: a failed `type` also fails its
 * `pattern`; a failed `format` usually fails the pattern too; and a key
 * reported missing next to an unknown key that is its near miss (`purpose`
 * for `purposes`) is one typo, reported once as the unknown key.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const formatFailed = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  const typos = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => {
        const allowed = Object.keys(resolveRef((e.parentSchema ?? {}) as SchemaNode).node.properties ?? {});
        return `${e.instancePath}\0${closest(String((e.params as { additionalProperty: string }).additionalProperty), allowed)}`;
      }),
  );
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) return false;
    if (e.keyword === 'pattern' && formatFailed.has(e.instancePath)) return false;
    if (e.keyword === 'required' && typos.has(`${e.instancePath}\0${(e.params as { missingProperty: string }).missingProperty}`))
      return false;
    const key = `${e.instancePath}\0${e.keyword}\0${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
