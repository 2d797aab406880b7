import type { EnglishMessages } from './messages.generated.js';

export type { EnglishMessages } from './messages.generated.js';

/** A message: a string, or its plural forms (`{"one": "{count} change", "other": "{count} changes"}`, see `plural`). */
export type Message = string | { readonly [form: string]: string };

/**
 * One group of a locale's messages: the English ones (`T`), each possibly left
 * out by a locale, and any other looked up by a name that is data
 * (`headings[name]`).
 */
export type MessageGroup<T> = { [K in keyof T]?: T[K] } & {
  readonly [name: string]: (T[keyof T] extends string ? string : Message) | undefined;
};

/**
 * The labels templates print (headings, table headers, enum values), for one
 * locale: templates/locales/<locale>.json, shaped as the English messages
 * (`EnglishMessages`, generated from templates/locales/en.json). A locale's
 * file, or a template folder's own, may leave messages and whole groups out;
 * `page`, `headings` and `enums` are always there.
 */
export type Messages = {
  page: MessageGroup<EnglishMessages['page']>;
  headings: MessageGroup<EnglishMessages['headings']>;
  enums: { [G in keyof EnglishMessages['enums']]?: MessageGroup<EnglishMessages['enums'][G]> } & {
    readonly [group: string]: MessageGroup<Record<string, string>> | undefined;
  };
} & { [G in Exclude<keyof EnglishMessages, 'page' | 'headings' | 'enums'>]?: MessageGroup<EnglishMessages[G]> };

/**
 * Pick the messages for a locale from those available, each message from the
 * most specific file that has it: the exact tag (`en-GB`), then its language
 * (`en`), then English. A project's locale file can so reword one label and
 * leave the rest to policyc's, and `fr-CA.json` need only hold what differs
 * from `fr.json`.
 */
export function messagesFor(locale: string, available: ReadonlyMap<string, Messages>): Messages {
  let byLocale = composed.get(available);
  if (!byLocale) composed.set(available, (byLocale = new Map()));
  let found = byLocale.get(locale);
  if (!found) byLocale.set(locale, (found = compose(locale, available)));
  return found;
}

const composed = new WeakMap<ReadonlyMap<string, Messages>, Map<string, Messages>>();

function compose(locale: string, available: ReadonlyMap<string, Messages>): Messages {
  const language = locale.split('-')[0] ?? locale;
  const layers = [...new Set(['en', language, locale])].flatMap((tag) => available.get(tag) ?? []);
  if (!layers.length) throw new Error('No messages for the locale and no English fallback (templates/locales/en.json)');
  return layers.reduce((below, above) => overlayMessages(below, above));
}

/** The keys of a message's plural forms (`one`, `other`, `=0`): such an object is one message, replaced whole. */
const pluralForm = /^(?:zero|one|two|few|many|other|=\d+)$/;

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.keys(value).every((key) => pluralForm.test(key));

/**
 * Messages with those of `above` laid over those of `below`, group by group
 * (`enums.condition` inside `enums`): a message `above` has replaces the one
 * below, whole (a plural message with all its forms); every other stays.
 */
export function overlayMessages<T extends object>(below: T, above: unknown): T {
  if (!isGroup(above)) return below;
  const result: Record<string, unknown> = { ...(below as Record<string, unknown>) };
  for (const [key, value] of Object.entries(above)) {
    if (key === '__proto__') continue;
    const under = result[key];
    result[key] = isGroup(value) && isGroup(under) ? overlayMessages(under, value) : value;
  }
  return result as T;
}

/** Replace `{name}` placeholders; unknown ones are left as written. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * A counted message in a locale's grammar, with `{count}` filled: `forms` is
 * an object of plural forms (`{"one": "{count} change", "other": "{count}
 * changes"}`), picked by an exact `=N` form first, then the locale's plural
 * category (`Intl.PluralRules`: `zero`, `one`, `two`, `few`, `many`), then
 * `other`. A plain string serves every count.
 */
export function plural(forms: unknown, count: number, locale: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const byForm = (typeof forms === 'object' && forms !== null ? forms : {}) as Record<string, unknown>;
  const chosen =
    text(forms) ?? text(byForm[`=${count}`]) ?? text(byForm[new Intl.PluralRules(locale).select(count)]) ?? text(byForm.other) ?? '';
  return fill(chosen, { count: new Intl.NumberFormat(locale).format(count) });
}
