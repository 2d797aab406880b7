// The schema validators generated as code at `npm run prepare`
// (scripts/standalone-schemas.mjs, for a fast cold start) give exactly the
// errors ajv's run-time compilation gives, so every diagnostic made from them
// is the same: compared on every schema case and every YAML document of the
// tests and the sample, with both the policy and the translation schema.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { standaloneModule } from '../scripts/standalone-schemas.mjs';
import { policySchema } from '../src/model/schema.js';
import { translationSchema } from '../src/translate/schema.js';
import { ajvFactory, validatorKey } from '../src/validate/schema-rules.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';
import { allFixtureDocuments } from './support/rule-fixture.js';

type Validators = Record<'policy' | 'translation', { key: string; validate: ValidateFunction }>;

// The generated module is CommonJS, required on first use by schema-rules.js.
const require = createRequire(import.meta.url);

/** Every YAML file below `dir`, parsed (files YAML cannot read are left out: they never reach the schema). */
function documents(dir: string): [string, unknown][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml') && !file.includes('node_modules'))
    .sort()
    .flatMap((file): [string, unknown][] => {
      try {
        return [[path.relative(root, path.join(dir, file)), parse(readFileSync(path.join(dir, file), 'utf8'))]];
      } catch {
        return [];
      }
    });
}

const cases = (JSON.parse(readFileSync(path.join(root, 'schema/cases.json'), 'utf8')) as { description: string; data: unknown }[]).map(
  (c): [string, unknown] => [`schema/cases.json: ${c.description}`, c.data],
);
// The rule fixtures are written as a base document and edits: their documents, edited.
const fixtureDocuments = allFixtureDocuments().map(([name, text]): [string, unknown] => [name, parse(text)]);
const inputs = [...cases, ...documents(path.join(root, 'test')), ...fixtureDocuments, ...documents(path.join(root, 'policy'))];

describe('standalone schema validators', async () => {
  const file = path.join(tempDir(), 'schema.standalone.cjs');
  writeFileSync(file, await standaloneModule());
  const { validators } = require(file) as { validators: Validators };
  const newAjv = await ajvFactory();
  const compiled = { policy: newAjv().compile(policySchema), translation: newAjv().compile(translationSchema()) };

  it('are keyed by the schemas they were generated from', () => {
    expect(validators.policy.key).toBe(validatorKey(policySchema));
    expect(validators.translation.key).toBe(validatorKey(translationSchema()));
    expect(validatorKey({ ...policySchema, title: 'changed' })).not.toBe(validators.policy.key);
  });

  it('are checked on valid and invalid documents of both kinds', () => {
    expect(inputs.length).toBeGreaterThan(200);
    expect(inputs.filter(([, data]) => compiled.policy(data)).length).toBeGreaterThan(10);
    expect(inputs.filter(([, data]) => !compiled.policy(data)).length).toBeGreaterThan(50);
    expect(inputs.filter(([, data]) => compiled.translation(data)).length).toBeGreaterThan(0);
  });

  it.each(['policy', 'translation'] as const)('%s: the same result and errors as compiling the schema', (name) => {
    for (const [where, data] of inputs) {
      const expected = compiled[name](data);
      expect(validators[name].validate(data), where).toBe(expected);
      // Errors carry the (parent) schema and the data (`verbose`): the generated code holds copies of the schema, equal to it.
      expect(validators[name].validate.errors, where).toStrictEqual(compiled[name].errors);
    }
  });
});

// What `npm run prepare` left in lib/ is fresh, and is what lib/'s validation runs.
describe.skipIf(!existsSync(path.join(root, 'lib/validate/schema.standalone.cjs')))('lib/validate/schema.standalone.cjs', () => {
  it('is used by lib/validate/schema-rules.js', async () => {
    const { validators } = require(path.join(root, 'lib/validate/schema.standalone.cjs')) as { validators: Validators };
    expect(validators.policy.key, 'run `npm run prepare`').toBe(validatorKey(policySchema));
    expect(validators.translation.key, 'run `npm run prepare`').toBe(validatorKey(translationSchema()));
    const rules = (await import(pathToFileURL(path.join(root, 'lib/validate/schema-rules.js')).href)) as SchemaRules;
    expect(rules.matchesSchema({ id: 'x' })).toBe(false);
    // Loaded with its code cache (not through require()): the same generated function, not one ajv compiled.
    expect(String(rules.translationValidator())).toBe(String(validators.translation.validate));
    expect(String(rules.translationValidator())).not.toBe(String((await ajvFactory())().compile(translationSchema())));
  });
});

interface SchemaRules {
  matchesSchema(data: unknown): boolean;
  translationValidator(): ValidateFunction;
}

// No top-level await, nothing loaded at import: schema-rules.js loads through require() (Node 20.19+, 22.12+ without a flag),
// and the library with it.
const requiresEsm = (process.features as { require_module?: boolean }).require_module === true;
describe.skipIf(!requiresEsm || !existsSync(path.join(root, 'lib/validate/schema-rules.js')))('lib/ through require()', () => {
  it('lib/index.js loads', () => {
    expect(typeof (require(path.join(root, 'lib/index.js')) as { build?: unknown }).build).toBe('function');
  });

  it('lib/validate/schema-rules.js loads, and validates with the generated validators', () => {
    const rules = require(path.join(root, 'lib/validate/schema-rules.js')) as SchemaRules;
    const { validators } = require(path.join(root, 'lib/validate/schema.standalone.cjs')) as { validators: Validators };
    expect(rules.matchesSchema({ id: 'x' })).toBe(false);
    expect(String(rules.translationValidator())).toBe(String(validators.translation.validate));
  });
});
