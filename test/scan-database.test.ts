// The CSV reader and the Open Cookie Database policyc ships: RFC 4180 quoting, the columns checked, lookups by name and prefix.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/scan/csv.js';
import {
  cookieDatabaseColumns,
  cookieDatabaseUrl,
  knownCategory,
  knownLifetime,
  fitsDomain,
  lookupCookie,
  readCookieDatabase,
  shippedCookieDatabase,
  type KnownCookie,
} from '../src/scan/cookie-database.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"multi\nline",,x\n')).toEqual({
      records: [
        ['a', 'b,c', 'say "hi"'],
        ['multi\nline', '', 'x'],
      ],
    });
  });

  it('keeps a last record without a line break, and an empty last field', () => {
    expect(parseCsv('a,b\nc,')).toEqual({
      records: [
        ['a', 'b'],
        ['c', ''],
      ],
    });
  });

  it('skips a byte order mark and adds no record for a final line break', () => {
    expect(parseCsv('\uFEFFa\n')).toEqual({ records: [['a']] });
  });

  it('says where an unclosed quote opens', () => {
    expect(parseCsv('a,b\nc,"d\ne')).toEqual({ problem: 'a quoted field is not closed', line: 2, column: 3 });
  });

  it('refuses a quote inside an unquoted field, and text after a closing quote', () => {
    expect(parseCsv('ab"c')).toEqual({
      problem: 'a double quote inside an unquoted field (quote the field and double the quote)',
      line: 1,
      column: 3,
    });
    expect(parseCsv('"a"b')).toEqual({ problem: 'a quoted field is followed by more than a comma or a line break', line: 1, column: 4 });
  });
});

describe('the Open Cookie Database', () => {
  const header = cookieDatabaseColumns.join(',');

  it('ships every record of its CSV, with the columns policyc reads', () => {
    const text = readFileSync(cookieDatabaseUrl, 'utf8');
    expect(text.split('\n')[0]).toBe(header);
    expect(shippedCookieDatabase().entries.length).toBe(2264);
  });

  it('finds a cookie by its exact name, else by the longest prefix entry', () => {
    const db = shippedCookieDatabase();
    expect(lookupCookie(db, '_ga')).toMatchObject({ platform: 'Google Analytics', category: 'Analytics', wildcard: false });
    expect(lookupCookie(db, '_ga_ABC123')).toMatchObject({ name: '_ga_', wildcard: true });
    expect(lookupCookie(db, 'no-such-cookie-anywhere')).toBeUndefined();
  });

  it('tells an entry listed for a third party’s domain from a cookie of another domain', () => {
    const db = shippedCookieDatabase();
    // `lang` is listed for linkedin.com (3rd party): it fits a LinkedIn cookie, not a site's own.
    const lang = lookupCookie(db, 'lang', 'shop.example')!;
    expect(fitsDomain(lang, 'www.linkedin.com')).toBe(true);
    expect(fitsDomain(lang, 'shop.example')).toBe(false);
    // `_ga` names no domain: it fits any.
    expect(fitsDomain(lookupCookie(db, '_ga')!, 'shop.example')).toBe(true);
  });

  it('refuses a copy whose header or records are not the expected ones', () => {
    expect(readCookieDatabase('ID,Name\n1,x\n')).toMatchObject({ line: 1, problem: expect.stringContaining('the header is not') });
    expect(readCookieDatabase(`${header}\n1,a,b\n`)).toEqual({ problem: 'record 1 has 3 fields, not 10', line: 2, column: 1 });
    expect(readCookieDatabase(`${header}\n1,P,Analytics,n,,d,1 day,C,u,yes\n`)).toEqual({
      problem: 'record 1 has `Wildcard match` `yes`, not 0 or 1',
      line: 2,
      column: 1,
    });
  });

  const known = (category: string, retention: string): KnownCookie => ({
    name: 'x',
    platform: 'P',
    category,
    domain: '',
    description: '',
    retention,
    controller: '',
    wildcard: false,
  });

  it('maps its categories and retention periods to the schema’s', () => {
    expect(
      ['Necessary', 'Security', 'Functional', 'Personalization', 'Analytics', 'Marketing', 'Other'].map((c) => knownCategory(known(c, ''))),
    ).toEqual(['strictly-necessary', 'strictly-necessary', 'functional', 'functional', 'analytics', 'advertising', undefined]);
    expect(
      [
        '2 years',
        '1 Year',
        'Session',
        'End of session (browser)',
        '30 mins',
        '90 seconds',
        '13 months',
        'Unknown',
        '2 years after last activity',
      ].map((r) => knownLifetime(known('Analytics', r))),
    ).toEqual([
      { lifetime: 'persistent', duration: '2 years' },
      { lifetime: 'persistent', duration: '1 year' },
      { lifetime: 'session' },
      { lifetime: 'session' },
      { lifetime: 'persistent', duration: '30 minutes' },
      { lifetime: 'persistent', duration: '2 minutes' },
      { lifetime: 'persistent', duration: '13 months' },
      undefined,
      undefined,
    ]);
  });
});
