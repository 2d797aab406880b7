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
  const chosen = text(forms) ?? text(byForm[`=${count}`]) ?? text(byForm[new Intl.PluralRules(locale).select(count)]) ?? text(byForm.other) ?? '';
  return fill(chosen, { count: new Intl.NumberFormat(locale).format(count) });
}
