import { readFileSync } from 'node:fs';
import type { Cookie } from '../model/policy.generated.js';
import { parseCsv } from './csv.js';

/*
 * The Open Cookie Database (Apache-2.0, shipped in data/open-cookie-database/
 * with its licence and notice): what a known cookie is, for the categories of
 * undeclared cookies and the entries `scan --fix` suggests.
 */

/** The columns of the database's CSV, in order; scripts/update-cookie-database.mjs checks a new copy against them. */
export const cookieDatabaseColumns = [
  'ID',
  'Platform',
  'Category',
  'Cookie / Data Key name',
  'Domain',
  'Description',
  'Retention period',
  'Data Controller',
  'User Privacy & GDPR Rights Portals',
  'Wildcard match',
] as const;

/** The shipped copy, relative to this module (lib/scan/ and the bundle's folders are both two deep). */
export const cookieDatabaseUrl = new URL('../../data/open-cookie-database/open-cookie-database.csv', import.meta.url);

/** One known cookie or storage key. */
export interface KnownCookie {
  readonly name: string;
  /** The product that sets it (`Google Analytics`): the provider. */
  readonly platform: string;
  /** The database's category: Functional, Analytics, Marketing, Security, Necessary, Personalization. */
  readonly category: string;
  readonly domain: string;
  readonly description: string;
  /** As the database words it: `2 years`, `session`, `Unknown`... */
  readonly retention: string;
  readonly controller: string;
  /** `name` is a prefix: `_ga_` covers `_ga_ABC123`. */
  readonly wildcard: boolean;
}

export interface CookieDatabase {
  readonly entries: readonly KnownCookie[];
  /** The exact-name entries of each name, in the database's order (a name can have several setters). */
  readonly byName: ReadonlyMap<string, readonly KnownCookie[]>;
  /** The prefix entries, longest first, so the most specific one is found first. */
  readonly prefixes: readonly KnownCookie[];
}

/** A database text read, or its first problem (1-based line and column). */
export type DatabaseRead = { database: CookieDatabase } | { problem: string; line: number; column: number };

/** Read the database's CSV text: the header must be `cookieDatabaseColumns`, every record as many fields, `Wildcard match` 0 or 1. */
export function readCookieDatabase(text: string): DatabaseRead {
  const csv = parseCsv(text);
  if ('problem' in csv) return csv;
  const [header, ...rows] = csv.records;
  if (!header || header.join(',') !== cookieDatabaseColumns.join(','))
    return { problem: `the header is not \`${cookieDatabaseColumns.join(',')}\``, line: 1, column: 1 };
  const entries: KnownCookie[] = [];
  for (const [index, row] of rows.entries()) {
    // Records here are one per line only without quoted line breaks: the number is the record's, for the message.
    const line = index + 2;
    if (row.length !== cookieDatabaseColumns.length)
      return { problem: `record ${line - 1} has ${row.length} fields, not ${cookieDatabaseColumns.length}`, line, column: 1 };
    const [, platform, category, name, domain, description, retention, controller, , wildcard] = row as string[];
    if (wildcard !== '0' && wildcard !== '1')
      return { problem: `record ${line - 1} has \`Wildcard match\` \`${wildcard!.slice(0, 20)}\`, not 0 or 1`, line, column: 1 };
    if (!name) return { problem: `record ${line - 1} has no name`, line, column: 1 };
    entries.push({
      name,
      platform: platform!,
      category: category!,
      domain: domain!,
      description: description!,
      retention: retention!,
      controller: controller!,
      wildcard: wildcard === '1',
    });
  }
  const byName = new Map<string, KnownCookie[]>();
  for (const entry of entries) if (!entry.wildcard) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
  const prefixes = entries.filter((e) => e.wildcard).sort((a, b) => b.name.length - a.name.length);
  return { database: { entries, byName, prefixes } };
}

let shipped: CookieDatabase | undefined;

/** The copy shipped with policyc, read once per process. */
export function shippedCookieDatabase(): CookieDatabase {
  if (!shipped) {
    const read = readCookieDatabase(readFileSync(cookieDatabaseUrl, 'utf8'));
    if ('problem' in read) throw new Error(`The shipped Open Cookie Database is damaged: ${read.problem} (line ${read.line})`);
    shipped = read.database;
  }
  return shipped;
}

/**
 * The entry for a cookie: its exact name, else the longest prefix entry it
 * starts with. Of several entries of a name, the first whose domain fits the
 * cookie's (see `fitsDomain`), else the database's first.
 */
export function lookupCookie(database: CookieDatabase, name: string, domain?: string): KnownCookie | undefined {
  const pick = (candidates: readonly KnownCookie[]) =>
    (domain === undefined ? undefined : candidates.find((e) => fitsDomain(e, domain))) ?? candidates[0];
  return pick(database.byName.get(name) ?? []) ?? pick(database.prefixes.filter((e) => name.startsWith(e.name)));
}

/**
 * False when the entry names the domains of a third party (`linkedin.com (3rd
 * party)`, `.linkedin.com`) and the cookie's domain is under none of them.
 * Such an entry may still be the cookie (a tracker's script sets `_fbp` on the
 * site's own domain), so it is only a poorer match, which `scan --fix` says.
 */
export function fitsDomain(entry: KnownCookie, domain: string): boolean {
  const named = entry.domain
    .split(/\s+or\s+|,\s*/)
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d.endsWith('(3rd party)') || d.startsWith('.'))
    .map((d) => d.replace(/\s*\(3rd party\)$/, '').replace(/^\./, ''));
  if (named.length === 0) return true;
  const host = domain.replace(/^\./, '').toLowerCase();
  return named.some((d) => host === d || host.endsWith(`.${d}`));
}

type Category = NonNullable<Cookie['category']>;

/** The database's categories in the schema's words. */
const categories: Record<string, Category> = {
  Necessary: 'strictly-necessary',
  Security: 'strictly-necessary',
  Functional: 'functional',
  Personalization: 'functional',
  Analytics: 'analytics',
  Marketing: 'advertising',
};

/** The schema's category for a known cookie, when the database's maps to one. */
export function knownCategory(known: KnownCookie): Category | undefined {
  return categories[known.category];
}

/** Units of retention periods, in the schema's words (seconds round up to a minute). */
const units: Record<string, string> = {
  second: 'minute',
  sec: 'minute',
  min: 'minute',
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

/**
 * A known cookie's lifetime in the schema's terms: `session`, or persistent
 * with a Duration (`13 months`); undefined when the database's words are not
 * a plain period (`Unknown`, `Varies`, `2 years after last activity`).
 */
export function knownLifetime(known: KnownCookie): { lifetime: 'session' } | { lifetime: 'persistent'; duration: string } | undefined {
  const text = known.retention.trim().toLowerCase();
  if (/^(end of )?sessions?( \(browser\))?$/.test(text)) return { lifetime: 'session' };
  const match = /^(\d{1,6}) ?(second|sec|min|minute|hour|day|week|month|year)s?$/.exec(text);
  if (!match || Number(match[1]) === 0) return undefined;
  const unit = units[match[2]!]!;
  const count = match[2]!.startsWith('sec') ? Math.ceil(Number(match[1]) / 60) : Number(match[1]);
  return { lifetime: 'persistent', duration: `${count} ${unit}${count === 1 ? '' : 's'}` };
}
