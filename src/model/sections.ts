/** The built-in sections of a policy, in page order; custom sections are placed after one of them. */
export const builtinSections = [
  'introduction',
  'scope',
  'collection',
  'purposes',
  'features',
  'sharing',
  'marketing',
  'cookies',
  'signals',
  'transfers',
  'retention',
  'security',
  'children',
  'certifications',
  'rights',
  'controls',
  'governmentRequests',
  'changes',
  'contacts',
] as const;

export type BuiltinSection = (typeof builtinSections)[number];

/** The kinds of entity matched across versions by id, and the parts of a policy compared as one object. */
export type EntityKind =
  | 'document'
  | 'controller'
  | 'related'
  | 'scope-item'
  | 'exclusion'
  | 'context'
  | 'category'
  | 'not-collected'
  | 'purpose'
  | 'feature'
  | 'recipient'
  | 'marketing'
  | 'cookie'
  | 'technology'
  | 'cookie-category'
  | 'cookie-policy'
  | 'signal'
  | 'transfer'
  | 'certification'
  | 'right'
  | 'control'
  | 'changes'
  | 'contact'
  | 'section';

/** A list of entities with ids: its path in the document, its kind, how people name one, and the anchor prefix of each. */
export interface EntityList {
  kind: EntityKind;
  path: readonly string[];
  entity: string;
  anchor: string;
}

/**
 * Every list of entities with ids, in page order: the one registry that the
 * reference checks (unique ids), the diff (matching by id) and the pages
 * (anchors) read. A test keeps it equal to the lists of the schema whose items
 * have an `id`.
 */
export const entityLists: readonly EntityList[] = [
  { kind: 'related', path: ['related'], entity: 'related document', anchor: 'related' },
  { kind: 'controller', path: ['otherControllers'], entity: 'controller', anchor: 'controller' },
  { kind: 'scope-item', path: ['scope', 'items'], entity: 'covered product or service', anchor: 'scope' },
  { kind: 'exclusion', path: ['scope', 'exclusions'], entity: 'exclusion', anchor: 'exclusion' },
  { kind: 'context', path: ['collection', 'contexts'], entity: 'collection context', anchor: 'context' },
  { kind: 'category', path: ['collection', 'categories'], entity: 'data category', anchor: 'category' },
  { kind: 'not-collected', path: ['collection', 'notCollected'], entity: 'category not collected', anchor: 'not-collected' },
  { kind: 'purpose', path: ['purposes', 'items'], entity: 'purpose', anchor: 'purpose' },
  { kind: 'feature', path: ['features', 'items'], entity: 'feature', anchor: 'feature' },
  { kind: 'recipient', path: ['sharing', 'recipients'], entity: 'recipient', anchor: 'recipient' },
  { kind: 'cookie', path: ['cookies', 'items'], entity: 'cookie', anchor: 'cookie' },
  { kind: 'technology', path: ['cookies', 'technologies'], entity: 'tracking technology', anchor: 'technology' },
  { kind: 'cookie-category', path: ['cookies', 'categories'], entity: 'cookie category', anchor: 'cookie-category' },
  { kind: 'signal', path: ['signals', 'items'], entity: 'privacy signal', anchor: 'signal' },
  { kind: 'transfer', path: ['transfers', 'items'], entity: 'transfer', anchor: 'transfer' },
  { kind: 'certification', path: ['certifications', 'items'], entity: 'certification', anchor: 'certification' },
  { kind: 'right', path: ['rights', 'items'], entity: 'right', anchor: 'right' },
  { kind: 'control', path: ['controls', 'items'], entity: 'control', anchor: 'control' },
  { kind: 'contact', path: ['contacts', 'items'], entity: 'contact', anchor: 'contact' },
  { kind: 'section', path: ['sections'], entity: 'section', anchor: '' },
];

/** A reference from one entity to another by id: where the ids are written (`*` for every item of a list) and the list they name. */
export interface Reference {
  from: readonly string[];
  to: readonly string[];
}

/**
 * Every `IdRef` field of the document and the entity list it names, checked by
 * the reference rules (`unresolved-reference`). Section names (`after`,
 * `order`) and the parent document are checked on their own. A test keeps the
 * table equal to the schema's `IdRef` fields.
 */
export const references: readonly Reference[] = [
  { from: ['otherControllers', '*', 'contacts', '*'], to: ['contacts', 'items'] },
  { from: ['otherControllers', '*', 'services', '*'], to: ['scope', 'items'] },
  { from: ['controller', 'contacts', '*'], to: ['contacts', 'items'] },
  { from: ['controller', 'services', '*'], to: ['scope', 'items'] },
  { from: ['collection', 'contexts', '*', 'categories', '*'], to: ['collection', 'categories'] },
  { from: ['collection', 'categories', '*', 'purposes', '*'], to: ['purposes', 'items'] },
  { from: ['purposes', 'items', '*', 'categories', '*'], to: ['collection', 'categories'] },
  { from: ['purposes', 'items', '*', 'features', '*'], to: ['features', 'items'] },
  { from: ['features', 'items', '*', 'categories', '*'], to: ['collection', 'categories'] },
  { from: ['features', 'items', '*', 'purposes', '*'], to: ['purposes', 'items'] },
  { from: ['features', 'items', '*', 'recipients', '*'], to: ['sharing', 'recipients'] },
  { from: ['features', 'items', '*', 'controls', '*'], to: ['controls', 'items'] },
  { from: ['sharing', 'recipients', '*', 'categories', '*'], to: ['collection', 'categories'] },
  { from: ['sharing', 'recipients', '*', 'purposes', '*'], to: ['purposes', 'items'] },
  { from: ['sharing', 'recipients', '*', 'features', '*'], to: ['features', 'items'] },
  { from: ['marketing', 'optOut', 'contact'], to: ['contacts', 'items'] },
  { from: ['security', 'contact'], to: ['contacts', 'items'] },
  { from: ['children', 'contact'], to: ['contacts', 'items'] },
  { from: ['rights', 'items', '*', 'contact'], to: ['contacts', 'items'] },
  { from: ['rights', 'exercising', 'methods', '*'], to: ['contacts', 'items'] },
  { from: ['contacts', 'items', '*', 'controller'], to: ['otherControllers'] },
];
