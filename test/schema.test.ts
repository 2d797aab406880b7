// The schema is what editors show legal staff: every property must explain itself.
import { describe, expect, it } from 'vitest';
import { policySchema, resolveRef, type SchemaNode } from '../src/model/schema.js';

function undocumented(): string[] {
  const missing: string[] = [];
  const seen = new Set<SchemaNode>();
  const walk = (node: SchemaNode, path: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    const resolved = resolveRef(node).node;
    for (const [key, property] of Object.entries(resolved.properties ?? {})) {
      const described = property.description ?? resolveRef(property).node.description;
      if (!described) missing.push(`${path}.${key}`);
      walk(property, `${path}.${key}`);
    }
    if (resolved.items) walk(resolved.items, `${path}[]`);
  };
  walk(policySchema, '$');
  return missing;
}

describe('schema/policy.schema.json', () => {
  it('describes every property', () => {
    expect(undocumented()).toEqual([]);
  });

  it('is strict: every object forbids unknown keys', () => {
    const open = Object.entries(policySchema.$defs ?? {})
      .filter(([, def]) => def.type === 'object' && def.additionalProperties !== false)
      .map(([name]) => name);
    expect(open).toEqual([]);
    expect(policySchema.additionalProperties).toBe(false);
  });
});
