import type { Change } from '../diff/types.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { fill, type Messages } from '../model/messages.js';
import { capitalise, nameOf, ruleWording, type LocalizedSide } from '../render/localize-changes.js';

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
  const wording = ruleWording(change, settings.messages);
  const entity = wording.entity ?? wording.section ?? '';
  const entities = wording.entities ?? entity;
  const { template } = wording;
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

/** The locale's generic sentence for a change, from its `email` group. */
function label(messages: Messages, key: string): string {
  const value = (messages.email as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '{entity}';
}
