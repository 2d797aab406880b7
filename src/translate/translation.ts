import { eachString } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';

/** A translation file's content: its header and the translated text, keyed like the source with ids for list indexes. */
export interface Translation {
  translates: string;
  locale: string;
  source: string;
  [field: string]: unknown;
}

/** One translatable field of a source document: where it is in the document, where it is in a translation, and its text. */
export interface TranslatableField {
  /** Path in the document, with list indexes (`cookies.items.3.purpose`). */
  path: (string | number)[];
  /** Path in a translation, with entity ids for list indexes (`cookies.items.ga.purpose`). */
  key: string[];
  value: string;
}

/**
 * Every translatable field (Text and Prose) of a document, with the key it has
 * in a translation file: list indexes become the entities' ids, and lists
 * without ids (a recipient's examples) keep their indexes.
 */
export function translatableFields(policy: Policy): TranslatableField[] {
  const out: TranslatableField[] = [];
  eachString(policy, ({ path, value, kind }) => {
    if (kind !== 'prose' && kind !== 'text') return;
    const key: string[] = [];
    let node: unknown = policy;
    for (const segment of path) {
      const next = (node as Record<string | number, unknown>)?.[segment];
      if (typeof segment === 'number') {
        const id = (next as { id?: unknown } | undefined)?.id;
        key.push(typeof id === 'string' ? id : String(segment));
      } else key.push(segment);
      node = next;
    }
    out.push({ path, key, value });
  });
  return out;
}

/** The value at a key path of a translation (undefined when absent). */
export function translatedAt(translation: unknown, key: readonly string[]): unknown {
  let node = translation;
  for (const segment of key) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node)
      ? node[Number(segment)]
      : Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  return node;
}

/** Every text leaf of a translation with its key path (the header fields excluded). */
export function translationLeaves(translation: unknown): { key: string[]; value: unknown }[] {
  const out: { key: string[]; value: unknown }[] = [];
  const walk = (node: unknown, key: string[]) => {
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node)) walk(v, [...key, k]);
    } else out.push({ key, value: node });
  };
  for (const [k, v] of Object.entries(translation as Record<string, unknown>)) {
    if (!['translates', 'locale', 'source', '$schema'].includes(k)) walk(v, [k]);
  }
  return out;
}

/**
 * The source document in the translation's language: every translatable
 * field replaced by its translation (fields a translation lacks keep the
 * source text; validation reports them), and the translation's locale.
 */
export function translatePolicy(policy: Policy, translation: Translation): Policy {
  const copy = structuredClone(policy) as unknown as Record<string | number, unknown>;
  for (const field of translatableFields(policy)) {
    const text = translatedAt(translation, field.key);
    if (typeof text !== 'string') continue;
    let node = copy;
    for (const segment of field.path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[field.path[field.path.length - 1]!] = text;
  }
  return { ...(copy as unknown as Policy), locale: translation.locale };
}

/** A text that differs between two versions of a document: changed, new (no `before`) or gone (no `after`), by its translation key. */
export interface TextChange {
  key: string[];
  before?: string;
  after?: string;
}

/**
 * The translatable texts that differ between two versions: what a
 * translation of `from` must retranslate to serve `to` as well. Empty when
 * a translation of one is a translation of the other.
 */
export function changedTexts(from: Policy, to: Policy): TextChange[] {
  const before = new Map(translatableFields(from).map((f) => [f.key.join('.'), f]));
  const out: TextChange[] = [];
  for (const field of translatableFields(to)) {
    const name = field.key.join('.');
    const then = before.get(name);
    before.delete(name);
    if (then?.value !== field.value) out.push({ key: field.key, ...(then ? { before: then.value } : {}), after: field.value });
  }
  for (const gone of before.values()) out.push({ key: gone.key, before: gone.value });
  return out;
}
