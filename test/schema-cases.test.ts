// Data-driven schema cases: schema/cases.json lists `{description, data, valid}`
// documents; each is checked against schema/policy.schema.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesSchema } from '../src/validate/schema-rules.js';
import { root } from './support/fixtures.js';

interface SchemaCase {
  description: string;
  data: unknown;
  valid: boolean;
}

const cases = JSON.parse(readFileSync(path.join(root, 'schema/cases.json'), 'utf8')) as SchemaCase[];

describe('schema cases', () => {
  it('has valid and invalid cases', () => {
    expect(cases.some((c) => c.valid)).toBe(true);
    expect(cases.some((c) => !c.valid)).toBe(true);
  });
  it.each(cases.map((c) => [c.description, c] as const))('%s', (_description, c) => {
    expect(matchesSchema(c.data)).toBe(c.valid);
  });
});
