// How change summaries name things: entities, values, fields.
import { enumLabel } from '../model/labels.js';
import { proseToPlainText } from '../markdown/prose.js';
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

const enumGroups: Record<string, string> = {
  legalBasis: 'legalBasis',
  condition: 'condition',
  type: 'recipientType',
  source: 'source',
  lifetime: 'lifetime',
  party: 'party',
  category: 'cookieCategory',
  mechanisms: 'mechanism',
  role: 'role',
  channels: 'notification',
  'consent.model': 'consentModel',
};

/** A value as a summary shows it: enum labels, lists joined, text without Markdown. */
export function show(entity: EntityKind, field: string, value: unknown): string {
  const group = entity === 'marketing' && field === 'consent' ? 'marketingConsent' : enumGroups[field];
  if (Array.isArray(value)) return value.map((v) => (group ? enumLabel(group, String(v)) : String(v))).join(', ');
  if (typeof value === 'string') return group ? lower(enumLabel(group, value)) : text(value);
  return JSON.stringify(value);
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

// A month is a twelfth of a year, so "12 months" and "1 year" compare equal.
const unitDays: Record<string, number> = { day: 1, week: 7, month: 365 / 12, year: 365 };

/** A duration ("13 months") in days, for comparing. */
export function days(duration: string): number {
  const match = /^(\d+) (day|week|month|year)s?$/.exec(duration);
  return match ? Number(match[1]) * unitDays[match[2]!]! : Number.NaN;
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
