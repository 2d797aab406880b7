import { schemaAt } from '../model/schema.js';
import { stringKind } from '../model/fields.js';
import { enumLabel } from '../model/labels.js';
import type { Policy } from '../model/policy.generated.js';
import type { Change, ChangeSet, EntityKind, FieldChange } from './types.js';
import { difference, fieldPath, isPlainObject, listAt, objectAt, same, strip, type Entity } from './values.js';
import { brief, capitalise, days, humanField, listOf, lower, money, plural, text, type Context } from './wording.js';
import { lists, singletons, type ListSpec } from './entities.js';
import { wordDiff } from './words.js';

export { days } from './wording.js';

/** Labels of the two sides, shown in the change set (`1.0.0`, `working copy`). */
export interface DiffLabels {
  from: string;
  to: string;
}

/** A project's own verdicts: rule id -> material (true) or editorial (false), from `materiality` in policyc.config.json. */
export type MaterialityOverrides = Readonly<Record<string, boolean>>;

/**
 * The semantic difference between two versions of a policy: entities matched
 * by id (linear in the size of the documents), each addition, removal and
 * field change classified as material or editorial by a named rule, with a
 * one-sentence summary. Version and effective date are not changes.
 */
export function diffPolicies(
  before: Policy,
  after: Policy,
  labels: DiffLabels = { from: before.version, to: after.version },
  overrides: MaterialityOverrides = {},
): ChangeSet {
  const changes: Change[] = [];
  const categoryLabels = new Map<string, string>();
  for (const category of [...before.collection.categories, ...after.collection.categories])
    categoryLabels.set(category.id, text(category.label));
  const context: Context = { categoryLabel: (id) => categoryLabels.get(id) ?? id };
  for (const spec of singletons) {
    const a = objectAt(before, spec.path);
    const b = objectAt(after, spec.path);
    if (!a && !b) continue;
    const fields = diffFields(strip(a ?? {}, spec.skip), strip(b ?? {}, spec.skip), spec.path);
    if (a && !b && spec.entity === 'section') {
      changes.push({
        type: 'removed',
        entity: spec.entity,
        id: spec.id,
        material: false,
        rule: 'content-removed',
        summary: `Removes ${spec.describe}.`,
      });
    } else if (!a && b && spec.entity === 'section') {
      changes.push({
        type: 'added',
        entity: spec.entity,
        id: spec.id,
        material: false,
        rule: 'content-added',
        summary: `Adds ${spec.describe}.`,
      });
    } else if (fields.length) changes.push(classifyChanged(spec.entity, spec.id, spec.describe, fields, context));
  }
  for (const spec of lists) {
    const a = listAt(before, spec.path);
    const b = listAt(after, spec.path);
    const beforeById = new Map(a.map((e) => [e.id, e]));
    const afterIds = new Set(b.map((e) => e.id));
    for (const old of a) {
      if (!afterIds.has(old.id)) changes.push(classifyRemoved(spec, old));
    }
    for (const entity of b) {
      const old = beforeById.get(entity.id);
      if (!old) {
        changes.push(classifyAdded(spec, entity));
        continue;
      }
      const fields = diffFields(strip(old, ['id']), strip(entity, ['id']), [...spec.path, '0']);
      if (fields.length) changes.push(classifyChanged(spec.entity, entity.id, spec.describe(entity), fields, context, old, entity));
    }
    const order = (list: Entity[], other: Set<string>) => list.map((e) => e.id).filter((id) => other.has(id));
    const kept = order(a, afterIds);
    const keptAfter = order(b, new Set(beforeById.keys()));
    if (kept.join('\0') !== keptAfter.join('\0')) {
      changes.push({
        type: 'changed',
        entity: spec.entity,
        id: spec.path.join('.'),
        material: false,
        rule: 'reordering',
        summary: `Reorders the ${plural(spec.entity)}.`,
      });
    }
  }
  for (const change of changes) {
    const verdict = overrides[change.rule];
    if (verdict !== undefined) change.material = verdict;
  }
  const material = changes.some((c) => c.material);
  return {
    from: labels.from,
    to: labels.to,
    material,
    bump: material ? 'minor' : changes.length ? 'patch' : 'none',
    changes,
  };
}

/**
 * The entity a change is about, as it stands in a version of the policy (a
 * list entity by its id, or a singleton such as `marketing`); undefined when
 * that version lacks it.
 */
export function entityAt(policy: Policy, entity: EntityKind, id: string): Record<string, unknown> | undefined {
  const singleton = singletons.find((s) => s.entity === entity && s.id === id);
  if (singleton) return objectAt(policy, singleton.path);
  const list = lists.find((l) => l.entity === entity);
  return list && listAt(policy, list.path).find((e) => e.id === id);
}

/** The field-level differences of two objects, nested objects flattened to dotted paths, lists compared as wholes. */
function diffFields(a: Record<string, unknown>, b: Record<string, unknown>, schemaPath: readonly string[], prefix = ''): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    const field = prefix ? `${prefix}.${key}` : key;
    if ((isPlainObject(x) || isPlainObject(y)) && (x === undefined || isPlainObject(x)) && (y === undefined || isPlainObject(y))) {
      // An object that appears or disappears is reported field by field, grouped, so rules such as `new-fee` still see `fee.amount`.
      const nested = diffFields((x as Record<string, unknown>) ?? {}, (y as Record<string, unknown>) ?? {}, [...schemaPath, key], field);
      if (x === undefined || y === undefined) for (const change of nested) change.group ??= field;
      out.push(...nested);
      continue;
    }
    if (same(x, y)) continue;
    const change: FieldChange = { field };
    if (x !== undefined) change.before = x;
    if (y !== undefined) change.after = y;
    const kind = stringKind(schemaAt(fieldPath([...schemaPath, key])));
    if (typeof x === 'string' && typeof y === 'string' && (kind === 'prose' || kind === 'text')) change.words = wordDiff(x, y);
    out.push(change);
  }
  return out;
}

function classifyAdded(spec: ListSpec, e: Entity): Change {
  const base = { type: 'added' as const, entity: spec.entity, id: e.id };
  const summary = `Adds ${spec.describe(e)}.`;
  switch (spec.entity) {
    case 'category':
      return { ...base, material: true, rule: 'new-data-category', summary };
    case 'purpose':
      return { ...base, material: true, rule: 'new-purpose', summary };
    case 'recipient':
      return { ...base, material: true, rule: 'new-recipient', summary };
    case 'transfer':
      return { ...base, material: true, rule: 'new-transfer', summary };
    case 'cookie': {
      if (e.party === 'third') return { ...base, material: true, rule: 'new-third-party-cookie', summary };
      if (e.category !== 'strictly-necessary') return { ...base, material: true, rule: 'new-non-essential-cookie', summary };
      return { ...base, material: false, rule: 'new-essential-cookie', summary };
    }
    case 'context':
      return { ...base, material: true, rule: 'new-collection-context', summary };
    case 'right':
      return { ...base, material: false, rule: 'right-added', summary };
    case 'contact':
      return { ...base, material: false, rule: 'contact-detail', summary };
    default:
      return { ...base, material: false, rule: 'content-added', summary };
  }
}

function classifyRemoved(spec: ListSpec, e: Entity): Change {
  const base = { type: 'removed' as const, entity: spec.entity, id: e.id };
  const summary = `Removes ${spec.describe(e)}.`;
  if (spec.entity === 'right') return { ...base, material: true, rule: 'right-removed', summary };
  if (spec.entity === 'contact') return { ...base, material: false, rule: 'contact-detail', summary };
  return { ...base, material: false, rule: 'content-removed', summary };
}

/** A verdict on one changed field: its rule, whether it is material, and a clause for the summary. */
interface Verdict {
  rule: string;
  material: boolean;
  clause?: string;
}

function classifyChanged(
  entity: EntityKind,
  id: string,
  described: string,
  fields: FieldChange[],
  context: Context,
  old?: Entity,
  now?: Entity,
): Change {
  const verdicts = fields.map((f) => judgeField(entity, f, context, old, now));
  const decisive = verdicts.find((v) => v.material) ?? verdicts.find((v) => v.rule !== 'wording') ?? verdicts[0]!;
  // A whole object that appeared or went (a fee, a retention) reads as one clause, unless a rule said something specific about it.
  const clauses: string[] = [];
  const grouped = new Set<string>();
  fields.forEach((f, i) => {
    const v = verdicts[i]!;
    if (!f.group) {
      if (v.clause) clauses.push(v.clause);
      return;
    }
    if (grouped.has(f.group)) return;
    const members = fields.map((g, k) => [g, verdicts[k]!] as const).filter(([g]) => g.group === f.group);
    const specific = members.find(([, mv]) => !['detail-stated', 'detail-removed', 'wording'].includes(mv.rule));
    grouped.add(f.group);
    if (specific?.[1].clause) clauses.push(specific[1].clause);
    else clauses.push(`${f.before === undefined ? 'states' : 'no longer states'} the ${humanField(f.group)}`);
  });
  const summary = clauses.length
    ? `${capitalise(clauses.join('; '))} (${described}).`
    : `Rewords ${described}: ${fields.map((f) => `\`${f.field}\``).join(', ')}.`;
  return { type: 'changed', entity, id, material: verdicts.some((v) => v.material), rule: decisive.rule, summary, fields };
}

/** The materiality rules for one changed field. */
function judgeField(entity: EntityKind, f: FieldChange, context: Context, old?: Entity, now?: Entity): Verdict {
  const { field, before, after } = f;
  const specific = specificRule(entity, f, context, old, now);
  if (specific) return specific;
  if (f.words) return { rule: 'wording', material: false, clause: `rewords the ${humanField(field)}` };
  if (before === undefined)
    return { rule: 'detail-stated', material: false, clause: `states the ${humanField(field)}${brief(entity, field, after, context)}` };
  if (entity === 'contact') return { rule: 'contact-detail', material: false, clause: `changes the ${humanField(field)}` };
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: `no longer states the ${humanField(field)}` };
  const from = brief(entity, field, before, context);
  const to = brief(entity, field, after, context);
  return {
    rule: 'detail-changed',
    material: false,
    clause: `changes the ${humanField(field)}${from && to ? ` from${from.slice(1, -1).replace(/^\(/, ' ')} to ${to.slice(2, -1)}` : ''}`,
  };
}

/** The materiality rules that look at what a field means, before any generic verdict; undefined when none applies. */
function specificRule(entity: EntityKind, f: FieldChange, context: Context, old?: Entity, now?: Entity): Verdict | undefined {
  const { field, before, after } = f;
  const label = (group: string, value: unknown) => lower(enumLabel(group, String(value)));
  switch (`${entity}:${field}`) {
    case 'purpose:categories':
    case 'recipient:categories':
    case 'context:categories': {
      const names = (ids: string[]) => ids.map((g) => `“${context.categoryLabel(g)}”`).join(', ');
      // A recipient without `categories` receives every category; a purpose or context without them just does not say.
      if (entity === 'recipient' && before === undefined)
        return { rule: 'less-data', material: false, clause: `now receives only ${names(difference(after, []))}` };
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
    }
    case 'purpose:legalBasis':
      if (before === undefined) return undefined;
      if (after === undefined) return { rule: 'legal-basis-removed', material: true, clause: 'no longer states its legal basis' };
      return {
        rule: 'legal-basis-changed',
        material: true,
        clause: `changes the legal basis from ${label('legalBasis', before)} to ${label('legalBasis', after)}`,
      };
    case 'recipient:condition':
      // Sharing only with consent narrows what happens without it; any other change widens or shifts it.
      if (after === 'consent')
        return {
          rule: 'sharing-condition-narrowed',
          material: false,
          clause: `shares only ${label('condition', after)} instead of ${label('condition', before)}`,
        };
      return {
        rule: 'sharing-condition-changed',
        material: true,
        clause: `shares ${label('condition', after)} instead of ${label('condition', before)}`,
      };
    case 'transfer:mechanisms':
      return {
        rule: 'transfer-changed',
        material: true,
        clause: `changes the safeguards from ${listOf('mechanism', before)} to ${listOf('mechanism', after)}`,
      };
    case 'transfer:destination':
    case 'transfer:recipient':
      return { rule: 'transfer-changed', material: true, clause: `changes the ${field} from “${text(before)}” to “${text(after)}”` };
    case 'category:retention.period':
    case 'cookie:duration': {
      if (before === undefined) return undefined;
      if (after === undefined) {
        // A cookie that becomes a session cookie loses its duration for a good reason.
        if (entity === 'cookie' && now?.lifetime === 'session')
          return { rule: 'shorter-retention', material: false, clause: `no longer lasts ${String(before)}` };
        return { rule: 'retention-unstated', material: true, clause: `no longer states how long it lasts (was ${String(before)})` };
      }
      const difference = days(String(after)) - days(String(before));
      if (Math.abs(difference) < 1e-9)
        return {
          rule: 'detail-changed',
          material: false,
          clause: `states the same period differently: ${String(before)} as ${String(after)}`,
        };
      const longer = difference > 0;
      return {
        rule: longer ? 'longer-retention' : 'shorter-retention',
        material: longer,
        clause: `${longer ? 'keeps data longer' : 'keeps data for less time'}: ${String(before)} to ${String(after)}`,
      };
    }
    case 'cookie:lifetime':
      return after === 'persistent'
        ? { rule: 'longer-retention', material: true, clause: 'becomes a persistent cookie instead of a session cookie' }
        : { rule: 'shorter-retention', material: false, clause: 'becomes a session cookie' };
    case 'cookie:category': {
      if (before === undefined) return undefined;
      if (after === undefined) return { rule: 'detail-removed', material: false, clause: 'no longer states its category' };
      // Strictly necessary cookies are set without consent: moving a cookie into or out of that category changes what people control.
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
    }
    case 'cookie:provider':
      if (before === undefined || after === undefined) return undefined;
      return { rule: 'cookie-provider-changed', material: true, clause: `is now set by ${text(after)} instead of ${text(before)}` };
    case 'cookie:party':
      return after === 'third'
        ? { rule: 'new-third-party-cookie', material: true, clause: 'is now set by a third party' }
        : { rule: 'cookie-detail', material: false, clause: 'is now a first-party cookie' };
    case 'category:sensitive':
      if (after === true) return { rule: 'sensitive-data', material: true, clause: 'is now sensitive data' };
      return before === true
        ? { rule: 'detail-changed', material: false, clause: 'is no longer marked sensitive' }
        : { rule: 'detail-stated', material: false, clause: 'is marked not sensitive' };
    case 'right:fee.amount': {
      if (after === undefined) return { rule: 'fee-removed', material: false, clause: `removes the fee of ${money(old)}` };
      if (Number(after) === 0)
        return { rule: before === undefined ? 'detail-stated' : 'fee-removed', material: false, clause: 'is free of charge' };
      if (before === undefined || Number(before) === 0)
        return { rule: 'new-fee', material: true, clause: `charges a fee of ${money(now)}` };
      if (Number(after) > Number(before))
        return { rule: 'new-fee', material: true, clause: `raises the fee from ${money(old)} to ${money(now)}` };
      return { rule: 'fee-reduced', material: false, clause: `reduces the fee from ${money(old)} to ${money(now)}` };
    }
    case 'right:type':
      return {
        rule: 'right-removed',
        material: true,
        clause: `is now the ${label('right', after)} instead of the ${label('right', before)}`,
      };
    case 'marketing:consent':
      if (after === 'opt-out')
        return {
          rule: 'marketing-opt-out',
          material: true,
          clause: 'sends marketing until you object (opt-out)' + (before ? ' instead of only with your agreement (opt-in)' : ''),
        };
      return before === undefined
        ? undefined
        : { rule: 'marketing-opt-in', material: false, clause: 'sends marketing only with your agreement (opt-in)' };
    case 'cookie-policy:consent.model':
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
    case 'section:automatedDecisions.used':
      if (after === true) return { rule: 'automated-decisions-introduced', material: true, clause: 'makes decisions by automated means' };
      return before === true
        ? { rule: 'automated-decisions-stopped', material: false, clause: 'no longer makes decisions by automated means' }
        : undefined;
    case 'controller:name':
      return { rule: 'controller-changed', material: true, clause: `changes the controller from “${text(before)}” to “${text(after)}”` };
    default:
      return undefined;
  }
}
