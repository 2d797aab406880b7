import { enumLabel } from '../model/labels.js';
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

export const lists: readonly ListSpec[] = [
  { entity: 'related', path: ['related'], describe: (e) => `the related document “${text(e.title)}”` },
  { entity: 'context', path: ['collection', 'contexts'], describe: (e) => `the collection context “${text(e.description)}”` },
  { entity: 'category', path: ['collection', 'categories'], describe: (e) => `the data category “${text(e.label)}”` },
  {
    entity: 'purpose',
    path: ['purposes', 'items'],
    describe: (e) =>
      `the purpose “${text(e.description)}”${e.legalBasis ? ` (${lower(enumLabel('legalBasis', String(e.legalBasis)))})` : ''}`,
  },
  {
    entity: 'recipient',
    path: ['sharing', 'recipients'],
    describe: (e) => `the recipient “${text(e.name)}” (${lower(enumLabel('condition', String(e.condition)))})`,
  },
  { entity: 'cookie', path: ['cookies', 'items'], describe: describeCookie },
  { entity: 'transfer', path: ['transfers', 'items'], describe: describeTransfer },
  { entity: 'certification', path: ['certifications', 'items'], describe: (e) => `the certification “${text(e.name)}”` },
  {
    entity: 'right',
    path: ['rights', 'items'],
    describe: (e) => (e.title ? `the right “${text(e.title)}”` : `the ${lower(enumLabel('right', String(e.type)))}`),
  },
  { entity: 'contact', path: ['contacts', 'items'], describe: describeContact },
  { entity: 'section', path: ['sections'], describe: (e) => `the section “${text(e.title)}”` },
];

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
    skip: [
      '$schema',
      'id',
      'version',
      'effective',
      'controller',
      'related',
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
      'sections',
    ],
  },
  { entity: 'controller', id: 'controller', path: ['controller'], describe: 'the controller' },
  {
    entity: 'section',
    id: 'collection',
    path: ['collection'],
    describe: 'the section on data collected',
    skip: ['contexts', 'categories'],
  },
  { entity: 'section', id: 'purposes', path: ['purposes'], describe: 'the section on purposes', skip: ['items'] },
  { entity: 'section', id: 'sharing', path: ['sharing'], describe: 'the section on sharing', skip: ['recipients'] },
  { entity: 'marketing', id: 'marketing', path: ['marketing'], describe: 'the marketing section' },
  { entity: 'cookie-policy', id: 'cookies', path: ['cookies'], describe: 'the cookie section', skip: ['items'] },
  { entity: 'section', id: 'transfers', path: ['transfers'], describe: 'the section on international transfers', skip: ['items'] },
  { entity: 'section', id: 'certifications', path: ['certifications'], describe: 'the section on certifications', skip: ['items'] },
  { entity: 'section', id: 'rights', path: ['rights'], describe: 'the section on rights', skip: ['items'] },
  { entity: 'changes', id: 'changes', path: ['changes'], describe: 'the section on changes to the policy' },
  { entity: 'section', id: 'contacts', path: ['contacts'], describe: 'the contact section', skip: ['items'] },
];
