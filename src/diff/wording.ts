// How change summaries name things: entities, values, fields.
import { enumLabel } from '../model/labels.js';
import { proseToPlainText } from '../markdown/prose-tree.js';
import type { EntityKind } from './types.js';
import type { Entity } from './values.js';

/** What rules need to know beyond the field: how to name a data category. */
export interface Context {
  categoryLabel(id: string): string;
}

export function describeCookie(e: Entity): string {
  const details = [
    e.provider ? text(e.provider) : e.party === 'first' ? 'first party' : undefined,
    e.category ? lower(enumLabel('cookieCategory', String(e.category))) : undefined,
    e.duration ? String(e.duration) : e.lifetime === 'session' ? 'session' : undefined,
  ].filter(Boolean);
  return `the cookie \`${String(e.name)}\`${details.length ? ` (${details.join(', ')})` : ''}`;
}

export function describeTransfer(e: Entity): string {
  return `the transfer to ${text(e.recipient)} in ${text(e.destination)} (${listOf('mechanism', e.mechanisms)})`;
}

export function describeContact(e: Entity): string {
  const channel = e.email ?? e.url ?? e.phone ?? e.address;
  return `the ${lower(enumLabel('role', String(e.role)))} contact${channel ? ` (${String(channel)})` : ''}`;
}

// The locale group that labels a field's values, by `entity:field`, else by field.
const enumGroups: Record<string, string> = {
  'right:types': 'right',
  'technology:type': 'technology',
  'signal:signal': 'signal',
  legalBases: 'legalBasis',
  specialCategoryConditions: 'specialCategoryCondition',
  type: 'recipientType',
  lifetime: 'lifetime',
  party: 'party',
  category: 'cookieCategory',
  mechanisms: 'mechanism',
  role: 'role',
  channels: 'notification',
  'consent.model': 'consentModel',
};

/** The locale group (`enums.<group>`) that labels the values of an entity's field, if any. */
export function enumGroupOf(entity: EntityKind, field: string): string | undefined {
  return enumGroups[`${entity}:${field}`] ?? enumGroups[field];
}

/** A value as a summary shows it: enum labels, lists joined, text without Markdown. */
export function show(entity: EntityKind, field: string, value: unknown): string {
  const group = enumGroupOf(entity, field);
  if (Array.isArray(value)) {
    // A general form's list reads as its short form did: lower-case labels ("performance of a contract").
    const label = (v: unknown) => (generalForms[field] ? lower(enumLabel(group!, String(v))) : enumLabel(group!, String(v)));
    return value.map((v) => (isItem(v) ? itemName(field, v) : group ? label(v) : String(v))).join(', ');
  }
  if (typeof value === 'string') return group ? lower(enumLabel(group, value)) : text(value);
  return JSON.stringify(value);
}

const isItem = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** How an enum value is labelled: `enums.<group>.<value>` of some locale. */
export type EnumLabel = (group: string, value: string) => string;

/**
 * An object in a list (a source, a condition) as a summary names it: the
 * author's words, else its kind's label (English unless `label` says
 * otherwise), never `[object Object]`.
 */
export function itemName(field: string, value: Record<string, unknown>, label: EnumLabel = enumLabel): string {
  if (typeof value.text === 'string') return text(value.text);
  if (field === 'conditions') return lower(label('condition', String(value.basis)));
  if (field === 'consents') {
    const model = lower(label('marketingConsent', String(value.model)));
    return typeof value.audience === 'string' ? `${model} for ${text(value.audience)}` : model;
  }
  if (field === 'sources') {
    const kind = lower(label('source', String(value.type)));
    return typeof value.name === 'string' ? `${kind}: ${text(value.name)}` : kind;
  }
  const named = value.name ?? value.label ?? value.description ?? value.title;
  if (typeof named === 'string') return text(named);
  // Anything else by its readable parts: its words and numbers, in order.
  const parts = Object.values(value).filter((v) => typeof v === 'string' || typeof v === 'number');
  return parts.length ? parts.map(text).join(', ') : '';
}

/** A short value in brackets for a summary (` (2 years)`), or nothing when the value is long prose. */
export function brief(entity: EntityKind, field: string, value: unknown, context: Context): string {
  if (value === undefined || typeof value === 'boolean') return '';
  if (field === 'categories' && Array.isArray(value)) return ` (${value.map((v) => context.categoryLabel(String(v))).join(', ')})`;
  const shown = show(entity, field, value);
  return shown.length > 60 || shown.startsWith('{') ? '' : ` (${shown})`;
}

export function listOf(group: string, value: unknown): string {
  const items = Array.isArray(value) ? value.map((v) => enumLabel(group, String(v))) : [];
  return items.length <= 1 ? (items[0] ?? 'none') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function money(e: Entity | undefined): string {
  const fee = (e?.fee ?? {}) as { amount?: number; currency?: string };
  return `${fee.currency ?? ''} ${fee.amount ?? ''}`.trim();
}

/** The general forms of fields a document may write in a short form, by the noun of one of them. */
const generalForms: Record<string, string> = {
  legalBases: 'legal basis',
  sources: 'source',
  types: 'type',
  conditions: 'condition',
  consents: 'consent',
};

/** How a summary names a field holding `value`: a general form with one item is named as its short form ("the legal basis"). */
export function fieldNoun(field: string, value: unknown): string {
  const single = generalForms[field];
  return single && Array.isArray(value) && value.length === 1 ? single : humanField(field);
}

export function humanField(field: string): string {
  return field
    .replace(/([A-Z])/g, ' $1')
    .replace(/\./g, ' ')
    .toLowerCase();
}

export function text(value: unknown): string {
  return typeof value === 'string' ? proseToPlainText(value, 'text') : String(value ?? '');
}

export function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function plural(entity: EntityKind): string {
  const names: Partial<Record<EntityKind, string>> = {
    category: 'data categories',
    context: 'collection contexts',
    related: 'related documents',
    cookie: 'cookies',
  };
  return names[entity] ?? `${entity}s`;
}
