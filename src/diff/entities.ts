import { enumLabel } from '../model/labels.js';
import { builtinSections, entityLists, type BuiltinSection } from '../model/sections.js';
import type { EntityKind } from './types.js';
import type { Entity } from './values.js';
import { describeContact, describeCookie, describeTransfer, lower, text } from './wording.js';

// What the diff compares: the lists of entities matched by id, and the parts of a policy that are one object.

/** A list of entities matched by id across versions. */
export interface ListSpec {
  entity: EntityKind;
  path: readonly string[];
  /** How a summary names one entity: "the cookie `_ga` (Google Analytics, analytics, 2 years)". */
  describe(e: Entity): string;
}

/** How a summary names one entity of each kind; a kind without one is named by its title, name or label. */
const describers: Partial<Record<EntityKind, (e: Entity) => string>> = {
  related: (e) => `the related document “${text(e.title)}”`,
  controller: (e) => `the controller “${text(e.name)}”`,
  'scope-item': (e) => `the covered ${e.type ? String(e.type) : 'product or service'} “${text(e.name)}”`,
  exclusion: (e) => `the exclusion “${text(e.description)}”`,
  context: (e) => `the collection context “${text(e.description)}”`,
  category: (e) => `the data category “${text(e.label)}”`,
  'not-collected': (e) => `the statement that “${text(e.label)}” is not collected`,
  purpose: (e) => {
    const bases = Array.isArray(e.legalBases) ? e.legalBases.map((b) => lower(enumLabel('legalBasis', String(b)))) : [];
    return `the purpose “${text(e.description)}”${bases.length ? ` (${bases.join(', ')})` : ''}`;
  },
  feature: (e) => `the feature “${text(e.name)}”`,
  recipient: (e) => {
    const conditions = Array.isArray(e.conditions) ? (e.conditions as Entity[]) : [];
    const named = conditions.map((c) => (c.text === undefined ? lower(enumLabel('condition', String(c.basis))) : text(c.text)));
    return `the recipient “${text(e.name)}”${named.length ? ` (${named.join(' or ')})` : ''}`;
  },
  cookie: describeCookie,
  technology: (e) => `the ${lower(enumLabel('technology', String(e.type)))} “${text(e.name ?? e.id)}”`,
  'cookie-category': (e) =>
    `the cookie category “${e.title === undefined ? enumLabel('cookieCategory', String(e.category)) : text(e.title)}”`,
  signal: (e) => `the handling of ${e.name === undefined ? enumLabel('signal', String(e.signal)) : text(e.name)}`,
  transfer: describeTransfer,
  certification: (e) => `the certification “${text(e.name)}”`,
  right: (e) => {
    if (e.title) return `the right “${text(e.title)}”`;
    const types = Array.isArray(e.types) ? e.types.map((t) => lower(enumLabel('right', String(t)))) : [];
    return `the ${types.join(' and ')}`;
  },
  control: (e) => `the control “${text(e.name)}”`,
  contact: describeContact,
  section: (e) => `the section “${text(e.title)}”`,
};

/** Every list of entities the diff matches by id: the model's registry, with how a summary names each entity. */
export const lists: readonly ListSpec[] = entityLists.map((list) => ({
  entity: list.kind,
  path: list.path,
  describe: describers[list.kind] ?? ((e) => `the ${list.entity} “${text(e.title ?? e.name ?? e.label ?? e.id)}”`),
}));

/** How a summary names each built-in section, and the kind of entity its own fields are. */
const sectionSingletons: Partial<Record<BuiltinSection, { entity: EntityKind; describe: string }>> = {
  scope: { entity: 'section', describe: 'the section on what the policy covers' },
  collection: { entity: 'section', describe: 'the section on data collected' },
  purposes: { entity: 'section', describe: 'the section on purposes' },
  features: { entity: 'section', describe: 'the section on features' },
  sharing: { entity: 'section', describe: 'the section on sharing' },
  marketing: { entity: 'marketing', describe: 'the marketing section' },
  cookies: { entity: 'cookie-policy', describe: 'the cookie section' },
  signals: { entity: 'section', describe: 'the section on privacy signals' },
  transfers: { entity: 'section', describe: 'the section on international transfers' },
  retention: { entity: 'section', describe: 'the section on retention' },
  security: { entity: 'section', describe: 'the section on security' },
  children: { entity: 'section', describe: 'the section on children' },
  certifications: { entity: 'section', describe: 'the section on certifications' },
  rights: { entity: 'section', describe: 'the section on rights' },
  controls: { entity: 'section', describe: 'the section on settings and controls' },
  governmentRequests: { entity: 'section', describe: 'the section on government requests' },
  changes: { entity: 'changes', describe: 'the section on changes to the policy' },
  contacts: { entity: 'section', describe: 'the contact section' },
};

/** The entity lists directly inside an object at `path` (its keys to skip when comparing the object's own fields). */
const listKeysUnder = (path: readonly string[]) =>
  entityLists
    .filter((list) => list.path.length === path.length + 1 && path.every((key, i) => list.path[i] === key))
    .map((list) => list.path[path.length]!);

/** Parts of a policy that are one object rather than a list, compared field by field. */
export const singletons: readonly {
  entity: EntityKind;
  id: string;
  path: readonly string[];
  describe: string;
  skip?: readonly string[];
}[] = [
  {
    entity: 'document',
    id: 'document',
    path: [],
    describe: 'the policy',
    // Identity and dates are not changes; sections, the controller and top-level lists are compared on their own.
    skip: [
      '$schema',
      'id',
      // Layout: a changed order is one reordering of the sections (diff.ts).
      'order',
      'version',
      'effective',
      'controller',
      ...listKeysUnder([]),
      ...builtinSections.filter((name) => name !== 'introduction'),
    ],
  },
  { entity: 'controller', id: 'controller', path: ['controller'], describe: 'the controller' },
  ...builtinSections.flatMap((name) => {
    const spec = sectionSingletons[name];
    return spec ? [{ ...spec, id: name, path: [name], ...skipOf(listKeysUnder([name])) }] : [];
  }),
];

function skipOf(keys: string[]): { skip?: readonly string[] } {
  return keys.length ? { skip: keys } : {};
}
