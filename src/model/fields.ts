import { policySchema, resolveRef, type SchemaNode } from './schema.js';

/**
 * How a string field is treated on output, read off the schema definition it
 * uses: `prose` (block Markdown) and `text` (inline Markdown) are rendered
 * and translatable; `literal` (ids, enums, URLs, e-mail addresses) is safe
 * to print as is; `plain` is any other text, printed escaped.
 */
export type StringKind = 'prose' | 'text' | 'literal' | 'plain';

const kindOfDefinition: Record<string, StringKind> = {
  Prose: 'prose',
  SectionIntro: 'prose',
  SectionClosing: 'prose',
  Text: 'text',
  SectionTitle: 'text',
  Address: 'text',
  Id: 'literal',
  IdRef: 'literal',
  Url: 'literal',
  Email: 'literal',
};

const kinds = new WeakMap<SchemaNode, StringKind>();

/** The kind of a string whose schema is `node`. */
export function stringKind(node: SchemaNode | undefined): StringKind {
  if (!node) return 'plain';
  let kind = kinds.get(node);
  if (kind === undefined) kinds.set(node, (kind = kindOf(node)));
  return kind;
}

function kindOf(node: SchemaNode): StringKind {
  const { node: resolved, refs } = resolveRef(node);
  for (const name of refs) {
    const kind = kindOfDefinition[name];
    if (kind) return kind;
  }
  return resolved.enum || node.enum ? 'literal' : 'plain';
}

/** A string found in a document, with its path and kind. */
export interface StringField {
  path: (string | number)[];
  value: string;
  kind: StringKind;
}

/** Visit every string of a document that the schema describes, with its kind. */
export function eachString(data: unknown, visitor: (field: StringField) => void, schema: SchemaNode = policySchema): void {
  walk(data, schema, []);
  function walk(value: unknown, node: SchemaNode | undefined, path: (string | number)[]) {
    if (typeof value === 'string') {
      visitor({ path, value, kind: stringKind(node) });
      return;
    }
    const resolved = node ? resolveRef(node).node : undefined;
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, resolved?.items, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, resolved?.properties?.[key], [...path, key]);
    }
  }
}

/** A deep copy of a document in which every string is replaced by `convert` of it. */
export function mapStrings<T>(
  data: T,
  convert: (value: string, kind: StringKind, path: readonly (string | number)[]) => unknown,
  schema: SchemaNode = policySchema,
): unknown {
  return map(data, schema, []);
  function map(value: unknown, node: SchemaNode | undefined, path: (string | number)[]): unknown {
    if (typeof value === 'string') return convert(value, stringKind(node), path);
    const resolved = node ? resolveRef(node).node : undefined;
    if (Array.isArray(value)) return value.map((item, i) => map(item, resolved?.items, [...path, i]));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) out[key] = map(child, resolved?.properties?.[key], [...path, key]);
      return out;
    }
    return value;
  }
}
