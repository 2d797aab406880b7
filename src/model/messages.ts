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
 * Pick the messages for a locale from those available: the exact tag
 * (`en-GB`), then its language (`en`), then English.
 */
export function messagesFor(locale: string, available: ReadonlyMap<string, Messages>): Messages {
  const language = locale.split('-')[0] ?? locale;
  const found = available.get(locale) ?? available.get(language) ?? available.get('en');
  if (!found) throw new Error('No messages for the locale and no English fallback (templates/locales/en.json)');
  return found;
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
