import { schemaAt } from '../model/schema.js';
import { stringKind } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import { normalisePolicy } from '../resolve/normalise.js';
import type { Change, ChangeClass, ChangeSet, EntityKind, FieldChange } from './types.js';
import { reviewRules } from './change-rules.js';
import { fieldPath, isPlainObject, listAt, objectAt, same, strip, type Entity } from './values.js';
import { brief, capitalise, fieldNoun, humanField, lower, plural, text, type Context } from './wording.js';
import { lists, singletons, type ListSpec } from './entities.js';
import { wordDiff } from './words.js';
import { fieldRules, type Verdict } from './field-rules.js';
import { judgeProse, lostAssurances } from './prose-rules.js';
import { requiredRoles } from './widening-rules.js';
import { mergedParts, replacedIds, replacementsOf, withReplacedReferences } from './replacements.js';

/** A duration ("13 months") in days, for comparing (part of the public API). */
export { durationDays as days } from '../util/duration.js';

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
  beforeDocument: Policy,
  afterDocument: Policy,
  labels: DiffLabels = { from: beforeDocument.version, to: afterDocument.version },
  overrides: MaterialityOverrides = {},
): ChangeSet {
  // Documents written in short forms compare as their general forms (idempotent on resolved models).
  const after = normalisePolicy(afterDocument);
  const earlier = normalisePolicy(beforeDocument);
  // Entities the later version says it replaces: references to them compare as references to their replacements.
  const replacements = replacementsOf(earlier, after);
  const before = withReplacedReferences(earlier, replacements);
  const changes: Draft[] = [];
  const context = contextOf(before, after);
  for (const spec of singletons) {
    const a = objectAt(before, spec.path);
    const b = objectAt(after, spec.path);
    if (!a && !b) continue;
    const fields = diffFields(strip(a ?? {}, spec.skip), strip(b ?? {}, spec.skip), spec.path);
    if (a && !b && spec.entity === 'section') {
      // A section that goes takes its assurances ("We never sell your data") with it.
      const lost = fields.flatMap((f) => lostAssurances(f.before, undefined))[0];
      changes.push({
        type: 'removed',
        entity: spec.entity,
        id: spec.id,
        material: lost !== undefined,
        rule: lost ? 'assurance-removed' : 'content-removed',
        summary: lost ? `Removes ${spec.describe}, which said “${lost.replace(/[.!?]$/, '')}”.` : `Removes ${spec.describe}.`,
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
  for (const spec of lists) changes.push(...diffList(spec, before, after, replacements.get(spec.path.join('.')), context));
  const classified = changes.map((change) => withClass(change, overrides[change.rule]));
  const material = classified.some((c) => c.material);
  // A change to review may prove material: until a person decides, it needs what a material one does.
  const minor = classified.some((c) => c.class !== 'editorial');
  return {
    from: labels.from,
    to: labels.to,
    material,
    bump: minor ? 'minor' : classified.length ? 'patch' : 'none',
    changes: classified,
  };
}

/** The changes of one list of entities matched by id: removals, additions, replacements, field changes, and a reordering. */
function diffList(
  spec: ListSpec,
  before: Policy,
  after: Policy,
  replacements: ReadonlyMap<string, string> | undefined,
  context: Context,
): Draft[] {
  const changes: Draft[] = [];
  const replaced = replacements ?? new Map<string, string>();
  const a = listAt(before, spec.path);
  const b = listAt(after, spec.path);
  const beforeById = new Map(a.map((e) => [e.id, e]));
  const afterIds = new Set(b.map((e) => e.id));
  for (const old of a) {
    if (!afterIds.has(old.id) && !replaced.has(old.id)) changes.push(classifyRemoved(spec, old));
  }
  for (const entity of b) {
    const old = beforeById.get(entity.id);
    const parts = replacedIds(entity).filter((id) => replaced.get(id) === entity.id);
    if (parts.length) {
      const replacedParts = parts.map((id) => beforeById.get(id)!);
      changes.push(classifyReplaced(spec, entity, old ? [old, ...replacedParts] : replacedParts, context));
      continue;
    }
    if (!old) {
      changes.push(classifyAdded(spec, entity));
      continue;
    }
    const fields = diffFields(strip(old, layoutKeys), strip(entity, layoutKeys), [...spec.path, '0']);
    if (fields.length) changes.push(classifyChanged(spec.entity, entity.id, spec.describe(entity), fields, context, old, entity));
  }
  const order = (list: Entity[], other: Set<string>) => list.map((e) => e.id).filter((id) => other.has(id));
  const kept = order(a, afterIds);
  const keptAfter = order(b, new Set(beforeById.keys()));
  // Where sections go on the page (`order`, a section's `after`) is layout: at most one reordering, never a detail.
  const moved =
    spec.entity === 'section' &&
    (!same(before.order, after.order) || b.some((e) => beforeById.has(e.id) && !same(beforeById.get(e.id)!.after, e.after)));
  if (moved || kept.join('\0') !== keptAfter.join('\0')) {
    changes.push({
      type: 'changed',
      entity: spec.entity,
      id: spec.path.join('.'),
      material: false,
      rule: 'reordering',
      summary: `Reorders the ${plural(spec.entity)}.`,
    });
  }
  return changes;
}

/**
 * A change before its class is settled (by its rule, its fields' verdicts and
 * the project's overrides); `review` when one of its fields needs a person's judgement.
 */
type Draft = Omit<Change, 'class'> & { review?: boolean };

function withClass(change: Draft, override: boolean | undefined): Change {
  const material = override ?? change.material;
  // A project that overrules a rule decides for it: material or editorial, never review.
  const review = override === undefined && (change.review === true || reviewRules.has(change.rule));
  const kind: ChangeClass = material ? 'material' : review ? 'review' : 'editorial';
  const { type, entity, id, rule, summary, fields } = change;
  return { type, entity, id, material, class: kind, rule, summary, ...(fields ? { fields } : {}) };
}

/** What the field rules need to name things: each data category's label, in either version. */
function contextOf(before: Policy, after: Policy): Context {
  const categoryLabels = new Map<string, string>();
  for (const category of [...before.collection.categories, ...after.collection.categories])
    categoryLabels.set(category.id, text(category.label));
  return { categoryLabel: (id) => categoryLabels.get(id) ?? id };
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

/**
 * Fields that place or identify an entity rather than say anything, and a
 * `review` note (for the author, never published): never compared as details.
 */
const layoutKeys = ['id', 'after', 'replaces', 'review'];

/**
 * An entity that replaces others (a rename: one; a merge: several, or others
 * into one that stays): one change, editorial unless the entity says more than
 * its parts did (a purpose gaining data).
 */
function classifyReplaced(spec: ListSpec, entity: Entity, parts: Entity[], context: Context): Draft {
  const renamed = parts.length === 1 && parts[0]!.id !== entity.id;
  const names = parts.filter((p) => p.id !== entity.id).map((p) => spec.describe(p));
  const action = renamed
    ? `Renames ${names[0]} to ${spec.describe(entity)}`
    : `Merges ${names.join(' and ')} into ${spec.describe(entity)}`;
  const basis = mergedParts(parts);
  // The names are in the sentence already.
  const skip = [...layoutKeys, 'name', 'label', 'title'];
  const fields = diffFields(strip(basis, skip), strip(entity, skip), [...spec.path, '0']);
  const { rule } = { rule: renamed ? 'renamed' : 'merged' };
  const base = { type: 'changed' as const, entity: spec.entity, id: entity.id };
  if (!fields.length) return { ...base, material: false, rule, summary: `${action}.` };
  const changed = classifyChanged(spec.entity, entity.id, spec.describe(entity), fields, context, basis, entity);
  // The details say what the replacement adds: material ones decide, the rest are part of the rename or merge.
  return {
    ...changed,
    rule: changed.material ? changed.rule : rule,
    summary: `${action}; ${lower(changed.summary.slice(0, -` (${spec.describe(entity)}).`.length))}.`,
  };
}

function classifyAdded(spec: ListSpec, e: Entity): Draft {
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
    case 'scope-item':
      return { ...base, material: true, rule: 'scope-widened', summary };
    case 'technology':
      // As for cookies: a third party's, or one not strictly necessary, needs consent and reaches further.
      return e.party === 'third' || e.category !== 'strictly-necessary'
        ? { ...base, material: true, rule: 'new-tracking-technology', summary }
        : { ...base, material: false, rule: 'new-essential-technology', summary };
    case 'right':
      return { ...base, material: false, rule: 'right-added', summary };
    case 'contact':
      return { ...base, material: false, rule: 'contact-detail', summary };
    default:
      return { ...base, material: false, rule: 'content-added', summary };
  }
}

function classifyRemoved(spec: ListSpec, e: Entity): Draft {
  const base = { type: 'removed' as const, entity: spec.entity, id: e.id };
  const summary = `Removes ${spec.describe(e)}.`;
  if (spec.entity === 'right') return { ...base, material: true, rule: 'right-removed', summary };
  if (spec.entity === 'exclusion') return { ...base, material: true, rule: 'scope-widened', summary };
  if (spec.entity === 'not-collected') return { ...base, material: true, rule: 'assurance-removed', summary };
  if (spec.entity === 'control') return { ...base, material: true, rule: 'opt-out-withdrawn', summary };
  if (spec.entity === 'contact' && requiredRoles.has(String(e.role)))
    return { ...base, material: true, rule: 'contact-role-removed', summary };
  if (spec.entity === 'contact') return { ...base, material: false, rule: 'contact-detail', summary };
  return { ...base, material: false, rule: 'content-removed', summary };
}

function classifyChanged(
  entity: EntityKind,
  id: string,
  described: string,
  fields: FieldChange[],
  context: Context,
  old?: Entity,
  now?: Entity,
): Draft {
  const verdicts = fields.map((f) => judgeField(entity, id, f, context, old, now));
  // A rule that names what changed (a decision stopped) says more than the review of the words that go with it.
  const review = verdicts.some((v) => reviewRules.has(v.rule));
  const decisive =
    verdicts.find((v) => v.material) ??
    verdicts.find((v) => v.rule !== 'wording' && !reviewRules.has(v.rule)) ??
    verdicts.find((v) => reviewRules.has(v.rule)) ??
    verdicts[0]!;
  // A whole object that appeared or went (a fee, a retention) reads as one clause, unless a rule said something specific about it.
  const clauses: string[] = [];
  const grouped = new Set<string>();
  fields.forEach((f, i) => {
    const v = verdicts[i]!;
    if (!f.group) {
      clauses.push(v.clause);
      return;
    }
    if (grouped.has(f.group)) return;
    const members = fields.map((g, k) => [g, verdicts[k]!] as const).filter(([g]) => g.group === f.group);
    // Every member of a group that appeared (went) is stated (removed): no word-level edit is possible there.
    const specific = members.find(([, mv]) => mv.rule !== 'detail-stated' && mv.rule !== 'detail-removed');
    grouped.add(f.group);
    clauses.push(specific ? specific[1].clause : `${f.before === undefined ? 'states' : 'no longer states'} the ${humanField(f.group)}`);
  });
  // `fields` is never empty (the callers check), and every verdict has a clause.
  const summary = `${capitalise(clauses.join('; '))} (${described}).`;
  return { type: 'changed', entity, id, material: verdicts.some((v) => v.material), rule: decisive.rule, summary, fields, review };
}

/** The materiality rules for one changed field. */
function judgeField(entity: EntityKind, id: string, f: FieldChange, context: Context, old?: Entity, now?: Entity): Verdict {
  const { field, before, after } = f;
  const key = `${entity}:${f.field}`;
  const specific = Object.hasOwn(fieldRules, key) ? fieldRules[key]!({ entity, id, change: f, context, old, now }) : undefined;
  if (specific) return specific;
  const prose = typeof before === 'string' && (f.words || after === undefined) ? judgeProse(entity, id, f) : undefined;
  if (prose) return prose;
  if (f.words) return { rule: 'wording', material: false, clause: `rewords the ${humanField(field)}` };
  if (before === undefined)
    return {
      rule: 'detail-stated',
      material: false,
      clause: `states the ${fieldNoun(field, after)}${brief(entity, field, after, context)}`,
    };
  if (entity === 'contact') return { rule: 'contact-detail', material: false, clause: `changes the ${fieldNoun(field, after)}` };
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: `no longer states the ${fieldNoun(field, before)}` };
  const from = brief(entity, field, before, context);
  const to = brief(entity, field, after, context);
  return {
    rule: 'detail-changed',
    material: false,
    clause: `changes the ${fieldNoun(field, after)}${from && to ? ` from${from.slice(1, -1).replace(/^\(/, ' ')} to ${to.slice(2, -1)}` : ''}`,
  };
}
