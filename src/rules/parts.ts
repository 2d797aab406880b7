import type { Policy } from '../model/policy.generated.js';

/** A part of a document that it can leave to a parent policy (`parent.defers`). */
export type Part = NonNullable<Policy['parent']>['defers'][number];

/** A practice a custom section can declare it covers (`sections[].practices`). */
export type Practice = NonNullable<NonNullable<Policy['sections']>[number]['practices']>[number];

/** A place in the model: map keys, `*` for every item of a list (items are matched by `id`). */
export type Place = readonly string[];

/**
 * What each `defers` value stands for: the places of the model the rules read
 * in the parent, and the practices a parent's custom section may cover for it.
 * The one map of deferral; `ruleView` builds from it and the engine places
 * findings with it.
 */
export const partPlaces: Readonly<Record<Part, { places: readonly Place[]; practices: readonly Practice[] }>> = {
  controller: { places: [['controller'], ['otherControllers']], practices: [] },
  collection: { places: [['collection']], practices: ['first-party-collection'] },
  purposes: { places: [['purposes']], practices: [] },
  // The legal bases of the document's own purposes, read in the parent's purpose of the same id.
  'legal-bases': {
    places: [
      ['purposes', 'items', '*', 'legalBases'],
      ['purposes', 'items', '*', 'legitimateInterest'],
    ],
    practices: [],
  },
  sharing: { places: [['sharing']], practices: ['third-party-sharing'] },
  retention: { places: [['retention'], ['collection', 'categories', '*', 'retention']], practices: ['data-retention'] },
  cookies: { places: [['cookies']], practices: [] },
  transfers: { places: [['transfers']], practices: ['international-transfers'] },
  rights: { places: [['rights']], practices: ['user-access'] },
  security: { places: [['security']], practices: ['data-security'] },
  children: { places: [['children']], practices: ['children'] },
  changes: { places: [['changes']], practices: ['policy-change'] },
  contacts: { places: [['contacts'], ['controller', 'contacts']], practices: ['contact'] },
};

/** Whether a path (map keys and list indexes) lies on or under a place. */
export function under(path: readonly (string | number)[], place: Place): boolean {
  return path.length >= place.length && place.every((key, i) => key === '*' || key === path[i]);
}

/** Whether a path leads to a place: it is the place, or a map or list above it. */
export function above(path: readonly (string | number)[], place: Place): boolean {
  return path.length <= place.length && path.every((key, i) => place[i] === '*' || place[i] === key);
}
