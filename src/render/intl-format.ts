// Dates, durations and money in a locale's words, for the page, the summary and the history pages.
import { parseDuration } from '../util/duration.js';

// Building an Intl formatter costs far more than formatting: formatted values are kept, by locale and value.
// The first formatter of a process costs most (ICU loads its data): a build keeps them in its cache too (see `formattedValues`).
const formatted = new Map<string, string>();
const maxFormatted = 10_000;
let computed = 0;
function remembered(key: string, format: () => string): string {
  let value = formatted.get(key);
  if (value === undefined) {
    if (formatted.size >= maxFormatted) formatted.clear();
    formatted.set(key, (value = format()));
    computed++;
  }
  return value;
}

/**
 * The values formatted in this process, by kind, locale and value, and how
 * many were computed (rather than restored): what a build stores in its cache,
 * keyed by the Node.js and ICU versions, for the next one to restore.
 */
export function formattedValues(): { entries: [key: string, value: string][]; computed: number } {
  return { entries: [...formatted], computed };
}

/** Restore values formatted by an earlier process with the same Node.js and ICU versions (from `formattedValues`); anything else is ignored. */
export function restoreFormattedValues(entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries.slice(0, maxFormatted - formatted.size)) {
    if (
      Array.isArray(entry) &&
      entry.length === 2 &&
      typeof entry[0] === 'string' &&
      typeof entry[1] === 'string' &&
      !formatted.has(entry[0])
    )
      formatted.set(entry[0], entry[1]);
  }
}

/** A language's or a region's name in a locale's words (Intl.DisplayNames); throws as it does for a locale it refuses. */
export function displayName(type: 'language' | 'region', code: string, locale: string): string | undefined {
  // '' stands for no name (Intl gives the code back unless told otherwise, so it never is in practice).
  const name = remembered(`${type}\0${locale}\0${code}`, () => {
    const names = formatter(`names\0${type}\0${locale}`, () => new Intl.DisplayNames([locale], { type }));
    return names.of(code) ?? '';
  });
  return name === '' ? undefined : name;
}

/** One formatter per kind and options, made when first needed: a page formats many values with the same few. */
const formatters = new Map<string, object>();
function formatter<T extends object>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}

/** Format an ISO date (YYYY-MM-DD) for a locale, as a long date ("1 October 2013"). */
export function formatDate(iso: string, locale: string): string {
  return remembered(`date\0${locale}\0${iso}`, () => {
    const long = formatter(`date\0${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
    const date = long.format(new Date(`${iso}T00:00:00Z`));
    // French writes the first of the month as an ordinal (« 1er janvier 2027 »); Intl writes « 1 janvier ».
    return /^fr\b/i.test(locale) && iso.endsWith('-01') ? date.replace(/^1(?=\s)/, '1er') : date;
  });
}

/** Format a duration ("13 months") in a locale's words ("13 mois"); the document states it in English units. */
export function formatDuration(duration: string, locale: string): string {
  const parsed = parseDuration(duration);
  if (!parsed) return duration;
  return remembered(`duration\0${locale}\0${duration}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: parsed.unit, unitDisplay: 'long' }).format(parsed.amount),
  );
}

/**
 * Join a list in a locale's words ("a, b and c"; `disjunction`: "a, b or c").
 * When an item has a comma of its own ("Audio, electronic, visual or similar
 * information"), commas between items would be read as part of the names: the
 * items are then separated by the locale's `semicolon` ("a; b; and c").
 */
export function listFormat(
  locale: string,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
  semicolon = '; ',
  /** Semicolons whatever the items: for items with a label and a colon of their own ("Phone: …"). */
  always = false,
): string {
  if (items.length < 2) return items[0] ?? '';
  const parts = formatter(`list\0${type}\0${locale}`, () => new Intl.ListFormat(locale, { type })).formatToParts(items);
  if (!always && !items.some((item) => item.includes(','))) return parts.map((part) => part.value).join('');
  // The separators the locale writes between items, their comma (and the space after it) a semicolon.
  return parts.map((part) => (part.type === 'literal' ? part.value.replace(/^\s*,\s*/, semicolon) : part.value)).join('');
}

/** What a template writes after each item of a list it joins itself: a comma, or the locale's `semicolon` when an item has a comma; nothing after the last. */
export function separators(items: readonly string[], semicolon: string, always = false): string[] {
  const between = always || items.some((item) => item.includes(',')) ? semicolon : ', ';
  return items.map((_, i) => (i === items.length - 1 ? '' : between));
}

/** Format an amount of money for a locale, without decimals when it is whole ("£10"). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const whole = Number.isInteger(amount);
  // -0 is written with its sign, and its key must differ from 0's.
  return remembered(`money\0${locale}\0${currency}\0${Object.is(amount, -0) ? '-0' : amount}`, () =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(amount),
  );
}
