// Field rules for changes that widen what is done with data: more places, more items, more sources, sale turned on.
import type { FieldRule } from './field-rules.js';
import { same } from './values.js';
import { show, text } from './wording.js';

/** The items of `after` not in `before`, compared as values (a source is an object). */
const gainedItems = (before: unknown, after: unknown): unknown[] => {
  const was = Array.isArray(before) ? before : [];
  return (Array.isArray(after) ? after : []).filter((item) => !was.some((w) => same(w, item)));
};

/**
 * A list that limits a flow (regions, platforms, countries): more values, or
 * no list any more (no limit), widen it. Stating a list for the first time
 * narrows it: the generic verdicts say so.
 */
const limitRule =
  (noun: string): FieldRule =>
  ({ entity, change: { field, before, after } }) => {
    if (before === undefined) return undefined;
    if (after === undefined) return { rule: 'flow-widened', material: true, clause: `is no longer limited to certain ${noun}` };
    const gained = gainedItems(before, after);
    return gained.length
      ? { rule: 'flow-widened', material: true, clause: `now also applies to the ${noun} ${show(entity, field, gained)}` }
      : undefined;
  };

/** A list of what a category or feature holds: more items are more data. */
const elementsRule: FieldRule = ({ entity, change: { field, before, after } }) => {
  if (before === undefined) return undefined;
  const gained = gainedItems(before, after);
  return gained.length
    ? { rule: 'new-data-element', material: true, clause: `now also includes ${show(entity, field, gained)}` }
    : undefined;
};

/** Data obtained from more places (a data broker, a partner). */
const sourcesRule: FieldRule = ({ entity, change: { field, before, after } }) => {
  if (before === undefined) return undefined;
  const gained = gainedItems(before, after);
  return gained.length ? { rule: 'new-source', material: true, clause: `now also comes from ${show(entity, field, gained)}` } : undefined;
};

/** A category used for more purposes (the other side of a purpose using more data). */
const categoryPurposesRule: FieldRule = ({ change: { before, after } }) => {
  if (before === undefined) return undefined;
  return gainedItems(before, after).length
    ? { rule: 'purpose-uses-more-data', material: true, clause: 'is now used for more purposes' }
    : undefined;
};

/** Selling, or sharing for cross-context behavioural advertising, turned on (CCPA/CPRA). */
const saleRule =
  (clause: string): FieldRule =>
  ({ change: { before, after } }) =>
    after === true && before !== true ? { rule: 'sale-or-share-started', material: true, clause } : undefined;

/** The page to opt out of sale or sharing is no longer given. */
const optOutUrlRule: FieldRule = ({ change: { before, after } }) =>
  before !== undefined && after === undefined
    ? {
        rule: 'opt-out-withdrawn',
        material: true,
        clause: 'no longer gives a way to opt out of the sale or sharing of personal information',
      }
    : undefined;

/** Parental consent that appears, goes or changes age, or a lower minimum age, opens the service to younger children. */
const parentalConsentRule: FieldRule = ({ change: { field, before, after } }) => {
  if (field === 'parentalConsent.description' && before !== undefined && after !== undefined) return undefined;
  if (field === 'minimumAge' && !(typeof before === 'number' && typeof after === 'number' && after < before)) return undefined;
  const clause =
    field === 'minimumAge'
      ? `lowers the minimum age from ${String(before)} to ${String(after)}`
      : after === undefined
        ? 'no longer describes parental consent'
        : before === undefined
          ? 'now collects data of younger children with parental consent'
          : `changes the age of parental consent from ${String(before)} to ${String(after)}`;
  return { rule: 'parental-consent-changed', material: true, clause };
};

/** What a request from a government must meet: removed is material; reworded is for a person to judge. */
const thresholdRule: FieldRule = ({ change: { before, after } }) => {
  if (before === undefined) return undefined;
  if (after === undefined)
    return { rule: 'threshold-removed', material: true, clause: 'no longer states what a request must meet before data is disclosed' };
  return {
    rule: 'threshold-reworded',
    material: false,
    clause: `rewords what a request must meet before data is disclosed: “${text(after)}” (was “${text(before)}”)`,
  };
};

/** The contacts people need to exercise their rights: removing one takes a way to reach the controller away. */
export const requiredRoles: ReadonlySet<string> = new Set(['dpo', 'privacy', 'access-requests']);

/** A contact that no longer serves a required role (the data protection officer becoming general support). */
const contactRoleRule: FieldRule = ({ change: { before, after } }) =>
  requiredRoles.has(String(before)) && !requiredRoles.has(String(after))
    ? { rule: 'contact-role-removed', material: true, clause: `is no longer the ${show('contact', 'role', before)} contact` }
    : undefined;

/**
 * A safeguard of how data is processed (on the device, aggregated,
 * de-identified, pseudonymised, encrypted) that no longer holds: data kept on
 * the device or apart from the person may now be tied to them ("tied to your
 * account").
 */
const safeguardRule: FieldRule = ({ entity, change: { field, before, after } }) => {
  const was = Array.isArray(before) ? before : [];
  const lost = was.filter((item) => !(Array.isArray(after) ? after : []).some((a) => same(a, item)));
  return lost.length
    ? { rule: 'safeguard-removed', material: true, clause: `no longer states that its data is ${show(entity, field, lost).toLowerCase()}` }
    : undefined;
};

/** The widening rules by `entity:field` (a section's own fields are `section:field`). */
export const wideningRules: Readonly<Record<string, FieldRule>> = {
  'feature:regions': limitRule('regions'),
  'feature:platforms': limitRule('platforms'),
  'category:platforms': limitRule('platforms'),
  'technology:platforms': limitRule('platforms'),
  'control:platforms': limitRule('platforms'),
  'recipient:countries': limitRule('countries'),
  'category:elements': elementsRule,
  'feature:elements': elementsRule,
  'feature:processing': safeguardRule,
  'category:sources': sourcesRule,
  'category:purposes': categoryPurposesRule,
  'section:sale.sold': saleRule('now sells personal information'),
  'section:sale.shared': saleRule('now shares personal information for cross-context behavioural advertising'),
  'section:sale.optOutUrl': optOutUrlRule,
  'section:parentalConsent.age': parentalConsentRule,
  'section:parentalConsent.description': parentalConsentRule,
  'section:minimumAge': parentalConsentRule,
  'section:threshold': thresholdRule,
  'contact:role': contactRoleRule,
};
