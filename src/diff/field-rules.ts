import { enumLabel } from '../model/labels.js';
import type { EntityKind, FieldChange } from './types.js';
import { difference, type Entity } from './values.js';
import { durationDays } from '../util/duration.js';
import { listOf, lower, money, text, type Context } from './wording.js';
import { wideningRules } from './widening-rules.js';
import { declarationRules } from './declaration-rules.js';

/** A verdict on one changed field: its rule, whether it is material, and a clause for the summary. */
export interface Verdict {
  rule: string;
  material: boolean;
  clause: string;
}

/** What a field rule sees: the entity's kind, the change, and the entity before (`old`) and after (`now`). */
export interface FieldRuleInput {
  entity: EntityKind;
  /** The entity's id (a section's name for a section's own fields). */
  id: string;
  change: FieldChange;
  context: Context;
  old?: Entity | undefined;
  now?: Entity | undefined;
}

/** A rule that judges what a change of one field means; undefined leaves it to the generic verdicts. */
export type FieldRule = (input: FieldRuleInput) => Verdict | undefined;

const label = (group: string, value: unknown) => lower(enumLabel(group, String(value)));

// A recipient without `categories` receives every category; a purpose or context without them just does not say.
const categoriesRule: FieldRule = ({ entity, change: { before, after }, context }) => {
  const names = (ids: unknown) => (ids as string[]).map((g) => `“${context.categoryLabel(g)}”`).join(', ');
  if (entity === 'recipient' && before === undefined)
    return { rule: 'less-data', material: false, clause: `now receives only ${names(after)}` };
  if (entity === 'recipient' && after === undefined)
    return { rule: 'recipient-receives-more-data', material: true, clause: 'now receives every category of data' };
  if (before === undefined) return undefined;
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: 'no longer states the data it uses' };
  const gained = difference(after, before);
  if (gained.length) {
    return {
      rule: entity === 'recipient' ? 'recipient-receives-more-data' : 'purpose-uses-more-data',
      material: true,
      clause: `adds the data ${names(gained)}`,
    };
  }
  return { rule: 'less-data', material: false, clause: `no longer uses the data ${names(difference(before, after))}` };
};

// The bases decide people's rights (objection, withdrawal, portability): any change of them matters.
const legalBasesRule: FieldRule = ({ change: { before, after } }) => {
  if (before === undefined) return undefined;
  if (after === undefined) return { rule: 'legal-basis-removed', material: true, clause: 'no longer states its legal basis' };
  const bases = (value: unknown) => (value as string[]).map((basis) => label('legalBasis', basis)).join(' and ');
  return {
    rule: 'legal-basis-changed',
    material: true,
    clause: `changes the legal basis from ${bases(before)} to ${bases(after)}`,
  };
};

interface Condition {
  basis: string;
  text?: string;
}
const conditionsOf = (value: unknown) => (Array.isArray(value) ? (value as Condition[]) : []);
const sameCondition = (a: Condition, b: Condition) => a.basis === b.basis && a.text === b.text;
// A recipient without conditions receives the data whenever it is shared ("always").
const conditionWords = (conditions: Condition[]) =>
  conditions.length
    ? conditions.map((c) => (c.text === undefined ? label('condition', c.basis) : `“${text(c.text)}”`)).join(' or ')
    : label('condition', 'always');

// Conditions are alternatives: dropping some, or sharing only with consent, narrows what happens; anything else widens or shifts it.
const sharingConditionsRule: FieldRule = ({ change: { before, after } }) => {
  const was = conditionsOf(before);
  const now = conditionsOf(after);
  const onlyConsent = now.length === 1 && now[0]!.basis === 'consent' && now[0]!.text === undefined;
  const fewer = now.length > 0 && now.every((c) => was.some((w) => sameCondition(w, c)));
  return onlyConsent || fewer
    ? {
        rule: 'sharing-condition-narrowed',
        material: false,
        clause: `narrows when it shares: ${conditionWords(now)} (was: ${conditionWords(was)})`,
      }
    : {
        rule: 'sharing-condition-changed',
        material: true,
        clause: `changes when it shares: ${conditionWords(now)} (was: ${conditionWords(was)})`,
      };
};

const transferMechanismsRule: FieldRule = ({ change: { before, after } }) => ({
  rule: 'transfer-changed',
  material: true,
  clause: `changes the safeguards from ${listOf('mechanism', before)} to ${listOf('mechanism', after)}`,
});

const transferPartyRule: FieldRule = ({ change: { field, before, after } }) => ({
  rule: 'transfer-changed',
  material: true,
  clause: `changes the ${field} from “${text(before)}” to “${text(after)}”`,
});

const periodRule: FieldRule = ({ entity, change: { before, after }, now }) => {
  if (before === undefined) return undefined;
  if (after === undefined) {
    // A cookie that becomes a session cookie loses its duration for a good reason.
    if (entity === 'cookie' && now?.lifetime === 'session')
      return { rule: 'shorter-retention', material: false, clause: `no longer lasts ${String(before)}` };
    return { rule: 'retention-unstated', material: true, clause: `no longer states how long it lasts (was ${String(before)})` };
  }
  const longerBy = durationDays(String(after)) - durationDays(String(before));
  if (Math.abs(longerBy) < 1e-9)
    return { rule: 'detail-changed', material: false, clause: `states the same period differently: ${String(before)} as ${String(after)}` };
  const longer = longerBy > 0;
  return {
    rule: longer ? 'longer-retention' : 'shorter-retention',
    material: longer,
    clause: `${longer ? 'keeps data longer' : 'keeps data for less time'}: ${String(before)} to ${String(after)}`,
  };
};

const cookieLifetimeRule: FieldRule = ({ change: { after } }) =>
  after === 'persistent'
    ? { rule: 'longer-retention', material: true, clause: 'becomes a persistent cookie instead of a session cookie' }
    : { rule: 'shorter-retention', material: false, clause: 'becomes a session cookie' };

// Strictly necessary cookies are set without consent: moving a cookie into or out of that category changes what people control.
const cookieCategoryRule: FieldRule = ({ change: { before, after } }) => {
  if (before === undefined) return undefined;
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: 'no longer states its category' };
  if (after === 'strictly-necessary')
    return {
      rule: 'cookie-now-essential',
      material: true,
      clause: `is now set without consent as strictly necessary (was ${label('cookieCategory', before)})`,
    };
  if (before === 'strictly-necessary')
    return {
      rule: 'cookie-now-non-essential',
      material: true,
      clause: `changes category from strictly necessary to ${label('cookieCategory', after)}`,
    };
  return {
    rule: 'cookie-category-changed',
    material: false,
    clause: `changes category from ${label('cookieCategory', before)} to ${label('cookieCategory', after)}`,
  };
};

const cookieProviderRule: FieldRule = ({ change: { before, after } }) =>
  before === undefined || after === undefined
    ? undefined
    : { rule: 'cookie-provider-changed', material: true, clause: `is now set by ${text(after)} instead of ${text(before)}` };

const cookiePartyRule: FieldRule = ({ change: { after } }) =>
  after === 'third'
    ? { rule: 'new-third-party-cookie', material: true, clause: 'is now set by a third party' }
    : { rule: 'cookie-detail', material: false, clause: 'is now a first-party cookie' };

const sensitiveRule: FieldRule = ({ change: { before, after } }) => {
  if (after === true) return { rule: 'sensitive-data', material: true, clause: 'is now sensitive data' };
  return before === true
    ? { rule: 'detail-changed', material: false, clause: 'is no longer marked sensitive' }
    : { rule: 'detail-stated', material: false, clause: 'is marked not sensitive' };
};

// The ground that lifts the ban on special-category data (GDPR Art. 9(2)). Dropping explicit consent takes away
// people's power to stop the use by withdrawing it; dropping the statement leaves them unable to tell the ground;
// any other change (a ground swapped or added) may widen what is done, which a person must judge.
const specialCategoryConditionsRule: FieldRule = ({ change: { before, after }, now }) => {
  if (before === undefined) return undefined;
  const was = before as string[];
  // Labels may hold commas of their own ("health or social care, such as ..."): then a semicolon parts them.
  const conditions = (value: string[]) => {
    const labels = value.map((c) => label('specialCategoryCondition', c));
    return labels.join(labels.some((l) => l.includes(',')) ? '; ' : ' and ');
  };
  if (after === undefined) {
    // A category no longer marked sensitive needs no condition: the change of `sensitive` carries the verdict.
    if (now?.sensitive !== true)
      return {
        rule: 'detail-removed',
        material: false,
        clause: `no longer states the ground for using it as sensitive data (was: ${conditions(was)})`,
      };
    return {
      rule: 'special-category-condition-removed',
      material: true,
      clause: `no longer states the ground that allows the use of this sensitive data (was: ${conditions(was)})`,
    };
  }
  const is = after as string[];
  if (was.includes('explicit-consent') && !is.includes('explicit-consent'))
    return {
      rule: 'special-category-consent-replaced',
      material: true,
      clause: `no longer relies on your explicit consent to use this sensitive data: ${conditions(is)} (was: ${conditions(was)})`,
    };
  return {
    rule: 'special-category-condition-changed',
    material: false,
    clause: `changes the ground that allows the use of this sensitive data to ${conditions(is)} (was: ${conditions(was)})`,
  };
};

const feeRule: FieldRule = ({ change: { before, after }, old, now }) => {
  if (after === undefined) return { rule: 'fee-removed', material: false, clause: `removes the fee of ${money(old)}` };
  if (Number(after) === 0)
    return { rule: before === undefined ? 'detail-stated' : 'fee-removed', material: false, clause: 'is free of charge' };
  if (before === undefined || Number(before) === 0) return { rule: 'new-fee', material: true, clause: `charges a fee of ${money(now)}` };
  if (Number(after) > Number(before))
    return { rule: 'new-fee', material: true, clause: `raises the fee from ${money(old)} to ${money(now)}` };
  return { rule: 'fee-reduced', material: false, clause: `reduces the fee from ${money(old)} to ${money(now)}` };
};

// An entry that stops describing a right removes it; one that only describes more rights adds them.
const rightTypesRule: FieldRule = ({ change: { before, after } }) => {
  const was = (before ?? []) as string[];
  const now = (after ?? []) as string[];
  const rights = (types: string[]) => types.map((type) => label('right', type)).join(' and ');
  if (was.every((type) => now.includes(type)))
    return { rule: 'right-added', material: false, clause: `now also describes the ${rights(difference(now, was) as string[])}` };
  return { rule: 'right-removed', material: true, clause: `is now the ${rights(now)} instead of the ${rights(was)}` };
};

type MarketingConsent = { model: string; audience?: string };

// Opt-out for an audience that had none, or for more audiences, sends marketing to people who never agreed to it.
const marketingConsentsRule: FieldRule = ({ change: { before, after } }) => {
  const was = (before ?? []) as MarketingConsent[];
  const now = (after ?? []) as MarketingConsent[];
  const optOuts = (consents: MarketingConsent[]) => consents.filter((c) => c.model === 'opt-out');
  const audiences = (consents: MarketingConsent[]) =>
    consents.some((c) => c.audience === undefined) ? '' : ` for ${consents.map((c) => text(c.audience)).join(' and ')}`;
  if (optOuts(now).length > optOuts(was).length) {
    const added = optOuts(now).filter((c) => !optOuts(was).some((w) => w.audience === c.audience));
    return {
      rule: 'marketing-opt-out',
      material: true,
      clause:
        `sends marketing until you object (opt-out)${audiences(added.length ? added : optOuts(now))}` +
        (was.some((c) => c.model === 'opt-in') ? ' instead of only with your agreement (opt-in)' : ''),
    };
  }
  if (before === undefined || optOuts(now).length === optOuts(was).length) return undefined;
  const optIns = now.filter((c) => c.model === 'opt-in');
  return { rule: 'marketing-opt-in', material: false, clause: `sends marketing only with your agreement (opt-in)${audiences(optIns)}` };
};

const cookieConsentRule: FieldRule = ({ change: { before, after } }) => {
  if (after === undefined)
    return { rule: 'cookie-consent-weakened', material: true, clause: 'no longer says how consent to cookies is obtained' };
  if (before === undefined) return undefined;
  return after === 'opt-in'
    ? {
        rule: 'cookie-consent-strengthened',
        material: false,
        clause: `asks for consent before setting cookies (${label('consentModel', after)} instead of ${label('consentModel', before)})`,
      }
    : {
        rule: 'cookie-consent-weakened',
        material: true,
        clause: `changes cookie consent from ${label('consentModel', before)} to ${label('consentModel', after)}`,
      };
};

const automatedDecisionsRule: FieldRule = ({ change: { before, after } }) => {
  if (after === true) return { rule: 'automated-decisions-introduced', material: true, clause: 'makes decisions by automated means' };
  return before === true
    ? { rule: 'automated-decisions-stopped', material: false, clause: 'no longer makes decisions by automated means' }
    : undefined;
};

const controllerNameRule: FieldRule = ({ change: { before, after } }) => ({
  rule: 'controller-changed',
  material: true,
  clause: `changes the controller from “${text(before)}” to “${text(after)}”`,
});

/**
 * The materiality rules that look at what a field means, by `entity:field`,
 * before any generic verdict (`judgeField` in diff.ts).
 */
export const fieldRules: Readonly<Record<string, FieldRule>> = {
  'purpose:categories': categoriesRule,
  'recipient:categories': categoriesRule,
  'context:categories': categoriesRule,
  'purpose:legalBases': legalBasesRule,
  'recipient:conditions': sharingConditionsRule,
  'transfer:mechanisms': transferMechanismsRule,
  'transfer:destination': transferPartyRule,
  'transfer:recipient': transferPartyRule,
  'category:retention.period': periodRule,
  'cookie:duration': periodRule,
  'cookie:lifetime': cookieLifetimeRule,
  'cookie:category': cookieCategoryRule,
  'cookie:provider': cookieProviderRule,
  'cookie:party': cookiePartyRule,
  'category:sensitive': sensitiveRule,
  'category:specialCategoryConditions': specialCategoryConditionsRule,
  'right:fee.amount': feeRule,
  'right:types': rightTypesRule,
  'marketing:consents': marketingConsentsRule,
  'cookie-policy:consent.model': cookieConsentRule,
  'section:automatedDecisions.used': automatedDecisionsRule,
  'controller:name': controllerNameRule,
  ...wideningRules,
  ...declarationRules,
};
