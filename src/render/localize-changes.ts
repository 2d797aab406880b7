import { entityAt } from '../diff/diff.js';
import type { Change, ChangeSet, EntityKind, FieldChange } from '../diff/types.js';
import { wordDiff } from '../diff/words.js';
import type { Policy } from '../model/policy.generated.js';
import { fill, type Messages } from '../model/messages.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { proseToPlainText } from '../markdown/prose.js';

/** One side of a change set: the version's source policy, and its translation into the target language when it has one. */
export interface LocalizedSide {
  source: Policy;
  translated?: Policy;
}

/** What a change set is translated with: the target language's messages and the two versions compared. */
export interface LocalizeSettings {
  /** The target locale (BCP 47), for capitalisation. */
  locale: string;
  /** The target language's messages: `diff.rules`, `diff.entity`, `diff.entities`, and `headings` and `enums` for names. */
  messages: Messages;
  from: LocalizedSide;
  to: LocalizedSide;
}

/**
 * A change set told in another language. Each change's summary becomes the
 * sentence of its rule in `diff.rules` (`<rule>.<type>`, such as
 * `contact-detail.added`, when the language has one, else `<rule>`), with
 * `{entity}` (the entity kind's noun, `diff.entity`), `{entities}` (its
 * plural, `diff.entities`) and `{name}` filled in. The name is the entity's
 * label as plain text, from the version concerned (the new one for additions
 * and changes, the old one for removals) in its translation when it has one,
 * else in the source. A rule the language lacks keeps its source summary.
 *
 * Field detail is in the language of the versions compared, so it is kept
 * only as word-level edits between the two translations, when both versions
 * have one; every other detail is dropped.
 */
export function localizeChanges(set: ChangeSet, settings: LocalizeSettings): ChangeSet {
  return { ...set, changes: set.changes.map((change) => localizeChange(change, settings)) };
}

function localizeChange(change: Change, settings: LocalizeSettings): Change {
  const { template, entity, entities } = ruleWording(change, settings.messages);
  const { fields: _sourceFields, ...rest } = change;
  const fields = translatedFields(change, settings);
  const summary =
    template === undefined
      ? change.summary
      : capitalise(
          fill(template, {
            entity: entity ?? change.entity,
            entities: entities ?? change.entity,
            name: escapeMarkdown(nameOf(change, change.type === 'removed' ? settings.from : settings.to, settings.messages)),
          }),
          settings.locale,
        );
  return { ...rest, summary, ...(fields.length ? { fields } : {}) };
}

/** The field that names each kind of entity (a transfer and the built-in sections are named otherwise). */
/**
 * How a locale words a change: the sentence of its rule in `diff.rules`
 * (`<rule>.<type>`, else `<rule>`), and the words for its kind of entity
 * (`diff.entity`, `diff.entities`); each undefined where the locale has none.
 */
export function ruleWording(change: Pick<Change, 'rule' | 'type' | 'entity'>, messages: Messages) {
  const diff = group(messages.diff);
  const rules = group(diff.rules);
  return {
    template: text(rules[`${change.rule}.${change.type}`]) ?? text(rules[change.rule]),
    entity: text(group(diff.entity)[change.entity]),
    entities: text(group(diff.entities)[change.entity]),
    /** The words for a section, which stand in for a kind of entity the locale does not name. */
    section: text(group(diff.entity).section),
  };
}

const nameField: Partial<Record<EntityKind, string>> = {
  document: 'title',
  controller: 'name',
  related: 'title',
  'scope-item': 'name',
  exclusion: 'description',
  context: 'description',
  'not-collected': 'label',
  feature: 'name',
  technology: 'name',
  'cookie-category': 'title',
  signal: 'name',
  control: 'name',
  category: 'label',
  purpose: 'description',
  recipient: 'name',
  cookie: 'name',
  certification: 'name',
  right: 'title',
  contact: 'name',
  section: 'title',
  marketing: 'title',
  'cookie-policy': 'title',
  changes: 'title',
};

/** How a change names its entity, as plain text in the side's translation, else its source; the id when the side lacks the entity. */
export function nameOf(change: Pick<Change, 'entity' | 'id'>, side: LocalizedSide, messages: Messages): string {
  const entity =
    (side.translated && entityAt(side.translated, change.entity, change.id)) ?? entityAt(side.source, change.entity, change.id);
  if (!entity) return change.id;
  const field = nameField[change.entity];
  // A cookie's name is a literal, not Markdown: `_ga_*` is not emphasis.
  const value = field ? entity[field] : undefined;
  const named =
    (change.entity === 'cookie' && typeof value === 'string' && value ? value : plainText(value)) ??
    fallbackName[change.entity]?.(entity, messages, change.id);
  // The built-in sections without a title of their own: the locale's heading.
  return named || (messages.headings[change.id] ?? change.id);
}

/** How an entity without its naming field is named: by its kind's label in the locale. */
const fallbackName: Partial<Record<EntityKind, (entity: Record<string, unknown>, messages: Messages, id: string) => string | undefined>> = {
  transfer: (e, _m, id) => `${plainText(e.recipient) ?? id} (${plainText(e.destination) ?? ''})`,
  right: (e, m) => (Array.isArray(e.types) ? e.types.map((t) => m.enums.right?.[String(t)] ?? String(t)).join(', ') : undefined),
  contact: (e, m) => m.enums.role?.[String(e.role)] ?? String(e.role),
  technology: (e, m) => m.enums.technology?.[String(e.type)],
  'cookie-category': (e, m) => m.enums.cookieCategory?.[String(e.category)],
  signal: (e, m) => m.enums.signal?.[String(e.signal)],
};

const plainText = (value: unknown) => (typeof value === 'string' && value ? proseToPlainText(value, 'text') : undefined);

/** Word-level edits of the change's text fields, between the two translations; none unless both versions are translated. */
function translatedFields(change: Change, settings: LocalizeSettings): FieldChange[] {
  const before = settings.from.translated && entityAt(settings.from.translated, change.entity, change.id);
  const after = settings.to.translated && entityAt(settings.to.translated, change.entity, change.id);
  if (!before || !after) return [];
  return (change.fields ?? []).flatMap((f) => {
    const a = f.words && valueAt(before, f.field);
    const b = f.words && valueAt(after, f.field);
    return typeof a === 'string' && typeof b === 'string' && a !== b
      ? [{ field: f.field, before: a, after: b, words: wordDiff(a, b) }]
      : [];
  });
}

/** The value at a dotted field path (`fee.amount`) of an entity. */
function valueAt(entity: Record<string, unknown>, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), entity);
}

function group(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A sentence with its first letter in capitals, as the locale writes them. */
export function capitalise(sentence: string, locale: string): string {
  return sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
}
