import type { Change } from '../diff/types.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { fill, type Messages } from '../model/messages.js';
import { nameOf, type LocalizedSide } from '../render/localize-changes.js';

/** What changes are told with: the readers' language and the two versions compared (each in its translation when it has one). */
export interface PlainSettings {
  locale: string;
  messages: Messages;
  from: LocalizedSide;
  to: LocalizedSide;
}

/**
 * A change told to readers: the sentence of its rule in the locale's
 * `diff.rules` (`<rule>.<type>`, else `<rule>`) with the entity's display
 * name, in every language (the source's too). The diff's own summary is never
 * used: it can quote ids and field names ("changes the certification url").
 * A rule without a sentence, or an entity with no name but its id, gets the
 * locale's generic sentence (`email.changeAdded`, `changeRemoved`,
 * `changeChanged`), which names only the kind of entity. Inline Markdown.
 */
export function plainSentence(change: Change, settings: PlainSettings): string {
  const diff = group(settings.messages.diff);
  const rules = group(diff.rules);
  const entity = text(group(diff.entity)[change.entity]) ?? text(group(diff.entity).section) ?? '';
  const entities = text(group(diff.entities)[change.entity]) ?? entity;
  const template = text(rules[`${change.rule}.${change.type}`]) ?? text(rules[change.rule]);
  const name = template?.includes('{name}')
    ? nameOf(change, change.type === 'removed' ? settings.from : settings.to, settings.messages)
    : '';
  const generic = template === undefined || (template.includes('{name}') && (name === change.id || !name.trim()));
  const sentence = generic
    ? fill(
        label(settings.messages, change.type === 'added' ? 'changeAdded' : change.type === 'removed' ? 'changeRemoved' : 'changeChanged'),
        {
          entity,
        },
      )
    : fill(template, { entity, entities, name: escapeMarkdown(name) });
  return capitalise(sentence, settings.locale);
}

function label(messages: Messages, key: string): string {
  return text(group(messages.email)[key]) ?? '{entity}';
}

function group(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function capitalise(sentence: string, locale: string): string {
  return sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
}
