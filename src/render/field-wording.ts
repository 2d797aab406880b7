// How a reader page names a changed field and its values: in the reader's words, never keys, ids or `[object Object]`.
import type { Change, FieldChange } from '../diff/types.js';
import { enumGroupOf, humanField, itemName } from '../diff/wording.js';
import { englishLabels } from '../model/labels.js';
import { fill, type Messages } from '../model/messages.js';
import { proseToPlainText } from '../markdown/prose.js';

/** How rows of field detail are worded on a page for readers. */
export interface FieldWording {
  /** The field's name for readers ("How long it is kept", not `retention.criteria`). */
  label(change: Pick<Change, 'entity'>, field: FieldChange): string;
  /** What stands between a field's name and its values (`punctuation.colon`: ": ", French " : "). */
  colon: string;
  /** A value of the field as plain text: enum values by their labels, data categories by their names, objects by their readable parts. */
  value(change: Pick<Change, 'entity'>, field: FieldChange, value: unknown, categories?: Readonly<Record<string, string>>): string;
}

/**
 * The field wording of a locale's messages: a field is named by
 * `changelog.fields` (`<entity>:<field>`, then the dotted field, then its last
 * segment), else by the English words of its key; values by `enums`, `facts.yes`
 * and `facts.no`, falling back to the built-in English labels; the two apart
 * by `punctuation.colon`.
 */
export function readerFieldWording(messages: Messages = englishLabels): FieldWording {
  const names = group(messages.changelog?.fields);
  const englishNames = group(englishLabels.changelog?.fields);
  const enumLabel = (g: string, v: string) => str(group(messages.enums?.[g])[v]) ?? str(group(englishLabels.enums?.[g])[v]) ?? v;
  const lookup = (table: Record<string, unknown>, entity: string, field: string) =>
    str(table[`${entity}:${field}`]) ?? str(table[field]) ?? str(table[field.slice(field.lastIndexOf('.') + 1)]);
  /** An object in a list by its readable parts: a summary's words for it ("third parties: data brokers"), first in a row here. */
  const objectText = (field: string, item: Record<string, unknown>): string => {
    if (field === 'consents' && typeof item.audience === 'string') {
      const model = enumLabel('marketingConsent', String(item.model));
      return fill(str(messages.marketing?.consentFor) ?? '{model} for {audience}', {
        model,
        audience: proseToPlainText(item.audience, 'text'),
      });
    }
    return capitalise(itemName(field, item, enumLabel));
  };
  const one = (entity: Change['entity'], field: string, value: unknown, categories?: Readonly<Record<string, string>>): string => {
    if (typeof value === 'boolean') return str(value ? messages.facts?.yes : messages.facts?.no) ?? (value ? 'Yes' : 'No');
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') {
      if (field.endsWith('categories') && categories?.[value]) return categories[value];
      const last = field.slice(field.lastIndexOf('.') + 1);
      const g = enumGroupOf(entity, last) ?? enumGroupOf(entity, field) ?? listGroups[last];
      return g ? enumLabel(g, value) : proseToPlainText(value, 'text');
    }
    if (Array.isArray(value)) return value.map((v) => one(entity, field, v, categories)).join(', ');
    if (typeof value === 'object' && value !== null) return objectText(field, value as Record<string, unknown>);
    return '';
  };
  return {
    colon: str(messages.punctuation?.colon) ?? ': ',
    label: ({ entity }, { field }) => lookup(names, entity, field) ?? lookup(englishNames, entity, field) ?? capitalise(humanField(field)),
    value: ({ entity }, { field }, value, categories) => one(entity, field, value, categories),
  };
}

/** Lists of enum values that summaries leave as written but readers see by their labels. */
const listGroups: Record<string, string> = { platforms: 'platform', processing: 'processing' };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function group(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
