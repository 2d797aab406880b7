import { readFileSync } from 'node:fs';
import { lazyObject } from '../util/lazy.js';
import type { Policy } from './policy.generated.js';

/** A JSON Schema node, as far as policyc reads one. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  $defs?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

/** The policy JSON Schema (schema/policy.schema.json), the single source of truth for the document's shape; read on first use. */
export const policySchema: SchemaNode = lazyObject(
  () => JSON.parse(readFileSync(new URL('../../schema/policy.schema.json', import.meta.url), 'utf8')) as SchemaNode,
);

/** The version of the document format; snapshots record it so migrations can lift old ones. */
export const schemaVersion = 3;

export type { Policy };

// Resolutions by root and node: walks over a document resolve the same few schema nodes for every value.
const resolved = new WeakMap<SchemaNode, WeakMap<SchemaNode, { node: SchemaNode; refs: string[] }>>();

/** Follow `$ref`s to the definition they name, collecting the names passed on the way. The result is shared: do not mutate it. */
export function resolveRef(node: SchemaNode, root: SchemaNode = policySchema): { node: SchemaNode; refs: string[] } {
  let byNode = resolved.get(root);
  if (!byNode) resolved.set(root, (byNode = new WeakMap()));
  let result = byNode.get(node);
  if (!result) byNode.set(node, (result = followRefs(node, root)));
  return result;
}

function followRefs(node: SchemaNode, root: SchemaNode): { node: SchemaNode; refs: string[] } {
  const refs: string[] = [];
  let current = node;
  while (current.$ref) {
    const name = current.$ref.replace('#/$defs/', '');
    refs.push(name);
    const next = root.$defs?.[name];
    if (!next) throw new Error(`Unresolvable $ref ${current.$ref}`);
    current = next;
  }
  return { node: current, refs };
}

/** The schema of the value at `path` (property names and array indexes), or undefined outside the schema. */
export function schemaAt(path: readonly (string | number)[], root: SchemaNode = policySchema): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    const resolved: SchemaNode = resolveRef(node, root).node;
    node = typeof segment === 'number' ? resolved.items : resolved.properties?.[segment];
  }
  return node;
}
