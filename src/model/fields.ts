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

/**
 * Copies of a document's parts already converted, by the part (an object or
 * array) and the path it sits at: see `mapStrings`. Only for a `convert` that
 * reads of a path its keys, not its indices.
 */
export interface SubtreeMemo {
  get(part: object, at: string): unknown;
  set(part: object, at: string, copy: unknown): void;
}

/**
 * A deep copy of a document in which every string is replaced by `convert`
 * of it. With a `memo`, a part met before at the same place (its path with
 * indices left out) is not converted again: its copy is taken from the memo.
 * Consecutive versions of a document share the objects they have in common,
 * so a version's copy then costs what changed.
 */
export function mapStrings<T>(
  data: T,
  convert: (value: string, kind: StringKind, path: readonly (string | number)[]) => unknown,
  schema: SchemaNode = policySchema,
  memo?: SubtreeMemo,
): unknown {
  return map(data, schema, [], '');
  // `at`: the path as the memo knows it, a JSON string per key and `#` per index.
  function map(value: unknown, node: SchemaNode | undefined, path: (string | number)[], at: string): unknown {
    if (typeof value === 'string') return convert(value, stringKind(node), path);
    if (!value || typeof value !== 'object') return value;
    const found = memo?.get(value, at);
    if (found !== undefined) return found;
    const resolved = node ? resolveRef(node).node : undefined;
    let out: unknown;
    if (Array.isArray(value)) out = value.map((item, i) => map(item, resolved?.items, [...path, i], `${at}#`));
    else {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value))
        copy[key] = map(child, resolved?.properties?.[key], [...path, key], memo ? `${at}${JSON.stringify(key)}` : '');
      out = copy;
    }
    memo?.set(value, at, out);
    return out;
  }
}
