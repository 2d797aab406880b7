// Builds a translation file (policy/<id>.<locale>.yaml) for a generated
// version, driven by the policy schema exactly as the translation schema is
// derived from it: every Text and Prose field, with entity lists keyed by id.
// The library does not export its own walker, so this is a small one reading
// the same schema; a field it missed would fail validation (`translation-missing`).
import { policySchema } from '../lib/index.js';
import { pseudoTranslate } from './text.mjs';

/** Schema definitions whose strings are translatable (see src/model/fields.ts). */
const translatableDefinitions = new Set(['Prose', 'SectionIntro', 'SectionClosing', 'Text', 'SectionTitle', 'Address']);
/** Top-level keys that identify the document rather than say anything. */
const identityKeys = new Set(['$schema', 'id', 'version', 'effective', 'locale', 'jurisdictions']);

/** A schema node with its `$ref`s followed, and the names of the definitions passed through. */
function follow(node) {
  const refs = [];
  let current = node ?? {};
  while (current.$ref) {
    const name = current.$ref.split('/').pop();
    refs.push(name);
    current = { ...policySchema.$defs[name], ...withoutRef(current) };
  }
  return { node: current, refs };
}

const withoutRef = ({ $ref, ...rest }) => rest;

/** The translation of `value` (described by schema `node`), or undefined when it holds no translatable text. */
function translateValue(value, node, locale) {
  const { node: resolved, refs } = follow(node);
  if (typeof value === 'string') return refs.some((r) => translatableDefinitions.has(r)) ? pseudoTranslate(value, locale) : undefined;
  if (Array.isArray(value)) {
    const itemSchema = follow(resolved.items).node;
    if (!itemSchema.properties?.id) {
      const items = value.map((item) => translateValue(item, resolved.items, locale));
      return items.every((i) => i !== undefined) && items.length ? items : undefined;
    }
    // Entities are keyed by id in a translation: `cookies.items.ga.purpose`.
    const keyed = Object.fromEntries(
      value.map((item) => [item.id, translateValue(item, resolved.items, locale)]).filter(([, v]) => v !== undefined),
    );
    return Object.keys(keyed).length ? keyed : undefined;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, child] of Object.entries(value)) {
      if (node === policySchema && identityKeys.has(key)) continue;
      const translated = translateValue(child, resolved.properties?.[key], locale);
      if (translated !== undefined) out[key] = translated;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return undefined;
}

/** The content of a translation of `policy` into `locale`. */
export function translationOf(policy, locale) {
  return { translates: policy.id, locale, source: policy.version, ...translateValue(policy, policySchema, locale) };
}
