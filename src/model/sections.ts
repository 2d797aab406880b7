/** The built-in sections of a policy, in page order; custom sections are placed after one of them. */
export const builtinSections = [
  'introduction',
  'collection',
  'purposes',
  'sharing',
  'marketing',
  'cookies',
  'transfers',
  'certifications',
  'rights',
  'changes',
  'contacts',
] as const;

export type BuiltinSection = (typeof builtinSections)[number];

/** Every list of entities with ids, by its path in the document, and the anchor prefix of its entities. */
export const entityLists = [
  { path: ['related'], entity: 'related document', anchor: 'related' },
  { path: ['collection', 'contexts'], entity: 'collection context', anchor: 'context' },
  { path: ['collection', 'categories'], entity: 'data category', anchor: 'category' },
  { path: ['purposes', 'items'], entity: 'purpose', anchor: 'purpose' },
  { path: ['sharing', 'recipients'], entity: 'recipient', anchor: 'recipient' },
  { path: ['cookies', 'items'], entity: 'cookie', anchor: 'cookie' },
  { path: ['transfers', 'items'], entity: 'transfer', anchor: 'transfer' },
  { path: ['certifications', 'items'], entity: 'certification', anchor: 'certification' },
  { path: ['rights', 'items'], entity: 'right', anchor: 'right' },
  { path: ['contacts', 'items'], entity: 'contact', anchor: 'contact' },
  { path: ['sections'], entity: 'section', anchor: '' },
] as const;
