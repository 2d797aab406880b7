// The coverage table of docs/format.md: every practice and required element named there has a place in the
// schema, and the table names only paths the schema has (`[]` stands for an item of a list).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaAt } from '../src/model/schema.js';
import { root } from './support/fixtures.js';

const format = readFileSync(path.join(root, 'docs/format.md'), 'utf8');
const coverage = format.slice(format.indexOf('## Coverage'));
const rows = [...coverage.matchAll(/^\| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)]
  .map((m) => ({ checklist: m[1]!.trim(), element: m[2]!.trim(), paths: [...m[3]!.matchAll(/`([^`]+)`/g)].map((p) => p[1]!) }))
  .filter((row) => row.checklist !== 'checklist' && !row.checklist.startsWith('---'));

describe('the coverage table of docs/format.md', () => {
  it('covers the ten OPP-115 categories, GDPR Art. 13 and 14, and 11 CCR 7011', () => {
    expect(rows.filter((r) => r.checklist === 'OPP-115')).toHaveLength(10);
    expect(rows.some((r) => r.checklist.startsWith('GDPR 13(2)(f)'))).toBe(true);
    expect(rows.some((r) => r.checklist.startsWith('GDPR 14(2)(f)'))).toBe(true);
    expect(rows.filter((r) => r.checklist.startsWith('CCPA 7011')).length).toBeGreaterThanOrEqual(15);
  });

  it.each(rows.map((r) => [`${r.checklist}: ${r.element}`, r] as const))('%s has a place in the schema', (_, row) => {
    expect(row.paths.length).toBeGreaterThan(0);
    const missing = row.paths.filter((p) => !schemaAt(p.split('.').flatMap((key) => (key.endsWith('[]') ? [key.slice(0, -2), 0] : [key]))));
    expect(missing).toEqual([]);
  });
});
