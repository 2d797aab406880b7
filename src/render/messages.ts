/** The labels templates print (headings, table headers, enum values), for one locale. */
export interface Messages {
  page: Record<string, string>;
  headings: Record<string, string>;
  enums: Record<string, Record<string, string>>;
  [group: string]: Record<string, unknown>;
}

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
