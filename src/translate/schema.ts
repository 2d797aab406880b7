import { stringKind } from '../model/fields.js';
import { policySchema, resolveRef, type SchemaNode } from '../model/schema.js';

/**
 * The JSON Schema of a translation file, derived from the policy schema so the
 * two cannot drift: the same structure, keeping only translatable text
 * (`Prose` and `Text` fields), with every list of entities turned into a
 * mapping keyed by the entities' ids (`cookies.items.ga.purpose`).
 */
export function translationSchema(root: SchemaNode = policySchema): SchemaNode {
  const defs: Record<string, SchemaNode> = {};
  const body = translatable(root, root, defs, true);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://policyc.dev/schema/translation.schema.json',
    title: 'Translation',
    description:
      'A translation of a policy document: its translatable text in another language, keyed by the same ids. Structure, dates, e-mail addresses and URLs stay in the source document (policy/<id>.yaml); this file is policy/<id>.<locale>.yaml.',
    type: 'object',
    additionalProperties: false,
    required: ['translates', 'locale', 'source'],
    properties: {
      $schema: { type: 'string', description: 'Where editors find this schema; ignored by policyc.' },
      translates: { $ref: '#/$defs/Id', description: 'The id of the document this translates.', examples: ['privacy'] },
      locale: { ...(root.properties?.locale ?? {}), description: 'BCP 47 language tag of the translation.', examples: ['fr'] },
      source: {
        type: 'string',
        pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$',
        description: 'The released version of the source document this translation renders; text changed since then is reported as stale.',
        examples: ['2.0.0'],
      },
      ...(body.properties ?? {}),
    },
    $defs: {
      Id: root.$defs?.Id ?? { type: 'string' },
      Text: root.$defs?.Text ?? { type: 'string' },
      Prose: root.$defs?.Prose ?? { type: 'string' },
      ...defs,
    },
  };
}

/** The translatable part of a schema node, or undefined when it holds no text to translate. */
function translatable(node: SchemaNode, root: SchemaNode, defs: Record<string, SchemaNode>, top = false): SchemaNode {
  const kind = stringKind(node);
  if (kind === 'prose') return { $ref: '#/$defs/Prose', ...described(node.description ?? resolveRef(node, root).node.description) };
  if (kind === 'text') return { $ref: '#/$defs/Text', ...described(node.description ?? resolveRef(node, root).node.description) };
  const resolved = resolveRef(node, root).node;
  if (resolved.type === 'array' && resolved.items) {
    const item = resolveRef(resolved.items, root).node;
    if (!item.properties?.id) {
      // A list of plain strings (examples): translated in order, one for one.
      const inner = translatable(resolved.items, root, defs);
      return inner.$ref || inner.properties ? { type: 'array', items: inner, ...described(resolved.description) } : {};
    }
    const entity = translatable(resolved.items, root, defs);
    if (!entity.properties || Object.keys(entity.properties).length === 0) return {};
    return {
      type: 'object',
      description: `${resolved.description ?? 'Entities'} Keyed by id.`,
      propertyNames: { $ref: '#/$defs/Id' },
      additionalProperties: entity,
    };
  }
  if (resolved.type === 'object' && resolved.properties) {
    const properties: Record<string, SchemaNode> = {};
    for (const [key, child] of Object.entries(resolved.properties)) {
      if (top && ['id', 'version', 'effective', 'locale', 'jurisdictions', '$schema'].includes(key)) continue;
      const translated = translatable(child, root, defs);
      if (translated.$ref || translated.properties || translated.additionalProperties || translated.items) properties[key] = translated;
    }
    if (Object.keys(properties).length === 0) return {};
    return { type: 'object', additionalProperties: false, ...described(resolved.description ?? node.description), properties };
  }
  return {};
}

/** A node's `description` property, left out when there is none (as JSON.stringify would). */
function described(description: string | undefined): { description?: string } {
  return description === undefined ? {} : { description };
}
