import { createHash } from 'node:crypto';
import { createRequire as requireFor } from 'node:module';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findPair, formatPath, placeOfKey, placeOfNode, placeOfPath, pointerSegments } from '../load/positions.js';
import { policySchema, resolveRef, type SchemaNode } from '../model/schema.js';
import { translationSchema } from '../translate/schema.js';
import { closest } from './suggest.js';

/** How both schemas are compiled; scripts/standalone-schemas.mjs generates the standalone validators with the same. */
const ajvOptions = { allErrors: true, strict: true, verbose: true } as const;
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
 * The validators `npm run prepare` generated as code (lib/validate/schema.standalone.js,
 * by scripts/standalone-schemas.mjs): compiling the schemas with ajv is a large
 * part of a cold start, and the generated code is the same ajv would compile.
 * The path is written from the parent folder so that it resolves the same from
 * lib/cli/main.bundle.js. The module is imported with this one (it is code,
 * like a static import; no data is read); each validator is used only while
 * its key matches its schema, checked on first use (not stale). Missing
 * (under the tests, or after a tsc-only build), stale or unloadable, ajv
 * compiles the schema on first use.
 */
type Generated = Partial<Record<SchemaName, { key: string; validate: ValidateFunction }>>;
const generated: Generated = await import(new URL('../validate/schema.standalone.js', import.meta.url).href).then(
  (module: { validators?: Generated }) => module.validators ?? {},
  () => ({}),
);
let newAjv: ((extra?: Options) => Ajv2020) | undefined;

const loaded: Partial<Record<SchemaName, ValidateFunction>> = {};

/** A schema's validator, loaded once and reused for every document: the generated one, else compiled now. */
function load(name: SchemaName): ValidateFunction {
  if (!loaded[name]) {
    const candidate = generated[name];
    loaded[name] =
      candidate && candidate.key === validatorKey(schemaOf(name))
        ? candidate.validate
        : (newAjv ??= ajvFactorySync())().compile(schemaOf(name));
  }
  return loaded[name];
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

const ruleIds: Record<string, string> = {
  additionalProperties: 'schema-additional-property',
  required: 'schema-required',
  enum: 'schema-enum',
  type: 'schema-type',
  pattern: 'schema-pattern',
  format: 'schema-format',
  minItems: 'schema-min-items',
  maxItems: 'schema-max-items',
  minLength: 'schema-min-length',
  maxLength: 'schema-max-length',
  uniqueItems: 'schema-unique-items',
  minimum: 'schema-minimum',
  minProperties: 'schema-min-properties',
};

const typeNames: Record<string, string> = {
  string: 'a text value',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping of keys to values',
  null: 'empty',
};

const formatNames: Record<string, string> = {
  date: 'a date in the form YYYY-MM-DD',
  email: 'an e-mail address',
  uri: 'an absolute URL',
};

function schemaDiagnostic(input: PositionedData, error: ErrorObject): Diagnostic {
  const segments = pointerSegments(error.instancePath);
  const where = segments.length ? `\`${formatPath(segments)}\`` : 'the document';
  const ruleId = ruleIds[error.keyword] ?? `schema-${error.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const schema = resolveRef((error.parentSchema ?? {}) as SchemaNode).node;
  const described = (error.parentSchema ?? {}) as SchemaNode;
  const about = described.description ?? schema.description;
  const value = error.data;
  let place = placeOfPath(input.yaml, input.lineCounter, segments);
  let message: string;
  let hint: string | undefined;

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const pair = findPair(input.yaml.getIn(segments, true), key);
      if (pair) place = placeOfNode(input.lineCounter, pair.key);
      const allowed = Object.keys(schema.properties ?? {});
      const guess = closest(key, allowed);
      message = `Unknown key \`${key}\` in ${where}`;
      hint = guess ? `Did you mean \`${guess}\`?` : `Allowed keys: ${allowed.map((k) => `\`${k}\``).join(', ')}.`;
      break;
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      place = placeOfKey(input.yaml, input.lineCounter, segments);
      message = `Missing required key \`${key}\` in ${where}`;
      const propertyDescription = schema.properties?.[key]
        ? (schema.properties[key].description ?? resolveRef(schema.properties[key]).node.description)
        : undefined;
      hint = `Add \`${key}:\`${propertyDescription ? ` (${lowerFirst(propertyDescription)})` : ''}.`;
      break;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = closest(String(value), allowed);
      message = `${quote(value)} is not an allowed value for ${where}`;
      hint = `${guess ? `Did you mean \`${guess}\`? ` : ''}Allowed values: ${allowed.map((v) => `\`${v}\``).join(', ')}.`;
      break;
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type)
        .split(',')
        .map((t) => typeNames[t] ?? t)
        .join(' or ');
      message = `${where} should be ${expected}, not ${typeNames[jsonType(value)] ?? jsonType(value)}`;
      hint = hintFrom(about, described.examples ?? schema.examples, false);
      if (expected === typeNames.string && value !== null && typeof value !== 'object') {
        // YAML read a bare 1.0 or 2013 as a number: quoting is the fix, with the example's form.
        const example = (described.examples ?? schema.examples)?.[0];
        hint = `${hint ? `${hint} ` : ''}Write the value in quotes to make it text${typeof example === 'string' ? `, for example \`${segments[segments.length - 1] ?? 'value'}: "${example}"\`` : ''}.`;
      }
      break;
    }
    case 'pattern':
      message = `${quote(value)} is not in the expected form for ${where}`;
      hint = hintFrom(about, described.examples ?? schema.examples, false);
      break;
    case 'format': {
      const format = String((error.params as { format: string }).format);
      message = `${quote(value)} is not ${formatNames[format] ?? `a valid ${format}`} (${where})`;
      hint = hintFrom(about, described.examples ?? schema.examples, false);
      break;
    }
    case 'minItems':
      message = `${where} needs at least ${(error.params as { limit: number }).limit} entry`;
      hint = hintFrom(about, undefined, false);
      break;
    case 'maxItems': {
      const limit = (error.params as { limit: number }).limit;
      message = `${where} has ${(value as unknown[]).length} entries, more than the ${limit} a policy document may list`;
      hint =
        'No published policy lists this many: check whether the file was generated by mistake. The limit keeps validation and builds fast and bounded.';
      break;
    }
    case 'minLength':
      message = `${where} must not be empty`;
      hint = hintFrom(about, described.examples ?? schema.examples, false);
      break;
    case 'maxLength':
      message = `${where} is too long (at most ${(error.params as { limit: number }).limit} characters)`;
      hint = hintFrom(about, undefined, false);
      break;
    case 'uniqueItems': {
      // ajv's `i` is the earlier entry, `j` the repeat: point at the repeat.
      const { i, j } = error.params as { i: number; j: number };
      const [first, repeat] = i < j ? [i, j] : [j, i];
      place = placeOfPath(input.yaml, input.lineCounter, [...segments, String(repeat)]);
      message = `${where} lists ${quote((value as unknown[])[repeat])} twice (entries ${first + 1} and ${repeat + 1})`;
      hint = 'Remove the repeated entry.';
      break;
    }
    case 'minimum':
      message = `${quote(value)} is too small for ${where}: it must be at least ${(error.params as { limit: number }).limit}`;
      hint = hintFrom(about, described.examples ?? schema.examples, false);
      break;
    case 'minProperties':
      message = `${where} is empty`;
      hint = `Give at least one of ${Object.keys(schema.properties ?? {})
        .map((k) => `\`${k}\``)
        .join(', ')}.`;
      break;
    default:
      message = `${where} ${error.message ?? 'is invalid'}`;
      hint = hintFrom(about, undefined, false);
  }
  return diagnostic(input.path, place, ruleId, 'schema', message, { hint });
}

function hintFrom(description: string | undefined, examples: unknown[] | undefined, quoteIt: boolean): string | undefined {
  const parts: string[] = [];
  if (description) parts.push(description);
  if (examples && examples.length)
    parts.push(`For example: ${examples.map((e) => `\`${typeof e === 'string' ? e : JSON.stringify(e)}\``).join(', ')}.`);
  if (quoteIt) parts.push('Put the value in quotes to make it text.');
  return parts.length ? parts.join(' ') : undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
