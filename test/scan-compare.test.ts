// What a scan saw against what a document declares: each diagnostic, and the severities the law gives by jurisdiction and date.
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../src/model/policy.generated.js';
import { beforeConsentSeverity, compareObservation } from '../src/scan/compare.js';
import { shippedCookieDatabase } from '../src/scan/cookie-database.js';
import type { Declared, DeclaredCookie } from '../src/scan/declared.js';
import type { Observation } from '../src/scan/observation.js';
import { observedCookie, shopPage } from './support/scan.js';

const page = shopPage;
const cookie = observedCookie;

function observation(extra: Partial<Observation> = {}): Observation {
  return {
    source: 'har',
    siteHost: 'www.shop.example',
    pages: [page],
    consented: true,
    cookies: [],
    storage: [],
    hosts: [],
    leftSite: [],
    ...extra,
  };
}

function declaredCookie(id: string, name: string, extra: Partial<DeclaredCookie> = {}): DeclaredCookie {
  return { id, name, party: 'first', lifetime: 'session', category: 'strictly-necessary', path: ['cookies', 'items', id], ...extra };
}

function declared(extra: Partial<Declared> = {}): Declared {
  return { cookies: [], storage: [], hosts: [], jurisdictions: ['eu'], ...extra };
}

/** Each diagnostic as one line: where it points (the document path), severity, rule and message. */
function compare(o: Observation, d: Declared, date = '2026-03-01'): string[] {
  return compareObservation({
    observation: o,
    declared: d,
    file: 'policy/shop.yaml',
    // The place encodes the path, so a test sees which entry a diagnostic points at.
    placeOf: (path) => ({ start: { line: path.length, column: 1 }, end: { line: path.length, column: 1 } }),
    date,
    database: shippedCookieDatabase(),
  }).map((x) => `${x.line} ${x.severity} ${x.ruleId}: ${x.message}`);
}

describe('compareObservation', () => {
  it('reports an undeclared cookie with its page and setter, and says what the Open Cookie Database knows', () => {
    const found = compareObservation({
      observation: observation({ cookies: [cookie('_hjSessionUser_77', { setBy: 'script' })] }),
      declared: declared(),
      file: 'policy/shop.yaml',
      placeOf: () => ({ start: { line: 3, column: 3 }, end: { line: 3, column: 8 } }),
      date: '2026-03-01',
      database: shippedCookieDatabase(),
    });
    expect(found).toEqual([
      {
        file: 'policy/shop.yaml',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 8,
        ruleId: 'scan-undeclared-cookie',
        severity: 'error',
        source: 'scan',
        message:
          'Cookie `_hjSessionUser_77` (domain `www.shop.example`) is set on https://www.shop.example/ by a script on `www.shop.example` but not declared',
        hint: 'The Open Cookie Database knows it: Hotjar, functional, 365 days. `policyc scan --fix` adds it to `cookies.items`, marked for review.',
      },
    ]);
  });

  it('matches names by a declared pattern, and by the declared domain when there is one', () => {
    const d = declared({
      cookies: [
        declaredCookie('ga-property', '_ga_ABC', { pattern: '_ga_*', category: 'analytics', lifetime: 'persistent', duration: '2 years' }),
        declaredCookie('ads', 'uid', { domain: '*.ads.example', party: 'third', category: 'advertising' }),
      ],
    });
    const o = observation({
      cookies: [
        cookie('_ga_XYZ789', { maxAgeSeconds: 63072000 }),
        cookie('uid', { domain: 'ads.example', setter: 'px.ads.example' }),
        cookie('uid', { domain: 'other.example', setter: 'other.example' }),
      ],
    });
    expect(compare(o, d)).toEqual([
      '2 error scan-undeclared-cookie: Cookie `uid` (domain `other.example`) is set on https://www.shop.example/ by `other.example` but not declared',
    ]);
  });

  it('reports a declared cookie never seen: a warning, or information when only a consent click could have shown it', () => {
    const d = declared({ cookies: [declaredCookie('session', 'sid'), declaredCookie('stats', '_stats', { category: 'analytics' })] });
    expect(compare(observation(), d)).toEqual([
      '3 warning scan-unobserved-cookie: Cookie `session` (`sid`) was not seen on the 1 page scanned',
      '3 warning scan-unobserved-cookie: Cookie `stats` (`_stats`) was not seen on the 1 page scanned',
    ]);
    expect(compare(observation({ consented: false }), d)).toEqual([
      '3 warning scan-unobserved-cookie: Cookie `session` (`sid`) was not seen on the 1 page scanned',
      '3 info scan-unobserved-cookie: Cookie `stats` (`_stats`) was not seen on the 1 page scanned, which were not scanned after consent',
    ]);
  });

  it('reports a cookie needing consent set before it, by its declared category or else the Open Cookie Database’s', () => {
    const d = declared({ cookies: [declaredCookie('stats', '_stats', { category: 'analytics' }), declaredCookie('session', 'sid')] });
    const o = observation({
      consented: false,
      cookies: [
        cookie('_stats', { phase: 'before-consent' }),
        cookie('sid', { phase: 'before-consent' }),
        cookie('_fbp', { phase: 'before-consent' }),
      ],
    });
    expect(compare(o, d).filter((l) => l.includes('before-consent'))).toEqual([
      '3 error scan-cookie-before-consent: Cookie `_stats` (analytics) is set on https://www.shop.example/ by `www.shop.example` before the visitor consented',
      '2 error scan-cookie-before-consent: Cookie `_fbp` (advertising, by the Open Cookie Database) is set on https://www.shop.example/ by `www.shop.example` before the visitor consented',
    ]);
  });

  it('reports a declared duration shorter than the expiry seen, counting at most the 400 days Chromium keeps', () => {
    const d = declared({
      cookies: [
        declaredCookie('year', 'a', { lifetime: 'persistent', duration: '1 year' }),
        declaredCookie('long', 'b', { lifetime: 'persistent', duration: '13 months' }),
        declaredCookie('session', 'c'),
        declaredCookie('day', 'd', { lifetime: 'persistent', duration: '1 day' }),
      ],
    });
    const twoYears = 730 * 86400;
    const o = observation({
      cookies: [
        cookie('a', { maxAgeSeconds: twoYears }),
        cookie('b', { maxAgeSeconds: twoYears }),
        cookie('c', { maxAgeSeconds: 3600 }),
        cookie('d', { maxAgeSeconds: 86400 + 30 }),
      ],
    });
    expect(compare(o, d)).toEqual([
      '4 warning scan-duration-shorter: Cookie `year` is declared to last 1 year, but is set on https://www.shop.example/ by `www.shop.example` to last 400 days',
      '4 warning scan-duration-shorter: Cookie `session` is declared a session cookie, but is set on https://www.shop.example/ by `www.shop.example` to last 60 minutes',
    ]);
    // 13 months (at most 403 days) is not shorter than the 400 days Chromium keeps a two-year cookie.
  });

  it('reports a third party no recipient, technology or cookie accounts for', () => {
    const host = (h: string) => ({ host: h, page, phase: 'before-consent' as const, url: `https://${h}/x.js` });
    const d = declared({
      hosts: [{ host: '*.analytics.example', by: 'recipient `analytics`' }],
      cookies: [declaredCookie('ads', 'uid', { party: 'third', category: 'advertising' })],
    });
    const o = observation({
      hosts: [
        host('www.shop.example'),
        host('static.shop.example'),
        host('collect.analytics.example'),
        host('px.ads.example'),
        host('cdn.unknown.example'),
      ],
      cookies: [cookie('uid', { domain: 'ads.example', setter: 'px.ads.example' })],
    });
    expect(compare(o, d)).toEqual([
      '2 warning scan-unknown-host: The third party `cdn.unknown.example` is contacted on https://www.shop.example/ (https://cdn.unknown.example/x.js), and no recipient, technology or cookie of the document names it',
    ]);
  });

  it('reports undeclared storage keys, and a page that left the site', () => {
    const key = (kind: 'local' | 'session', k: string) => ({
      kind,
      key: k,
      origin: 'https://www.shop.example',
      page,
      phase: 'after-consent' as const,
    });
    const d = declared({ storage: [{ id: 'cart', kind: 'local', keys: ['cart', 'wish-*'], path: ['cookies', 'technologies', '0'] }] });
    const o = observation({
      storage: [key('local', 'cart'), key('local', 'wish-1'), key('local', 'ab'), key('session', 'cart')],
      leftSite: [{ page, to: 'https://login.other.example/' }],
    });
    expect(compare(o, d)).toEqual([
      '2 error scan-undeclared-storage: The local storage key `ab` of `https://www.shop.example` is written on https://www.shop.example/ but not declared',
      '2 error scan-undeclared-storage: The session storage key `cart` of `https://www.shop.example` is written on https://www.shop.example/ but not declared',
      '0 info scan-page-left-site: https://www.shop.example/ leads off the site to https://login.other.example/, which was not scanned',
    ]);
  });
});

describe('beforeConsentSeverity', () => {
  const severity = (jurisdictions: Jurisdiction[], category: Parameters<typeof beforeConsentSeverity>[1], date: string) =>
    beforeConsentSeverity(jurisdictions, category, date);

  it('is an error in the EU for every category but strictly necessary', () => {
    expect(severity(['eu'], 'analytics', '2026-03-01')).toBe('error');
    expect(severity(['eu'], 'functional', '2026-03-01')).toBe('error');
    expect(severity(['eu'], 'strictly-necessary', '2026-03-01')).toBeUndefined();
  });

  it('in the UK, is a warning for analytics and functional from 2026-02-05 (Data (Use and Access) Act 2025 s.112), an error before', () => {
    expect(severity(['uk'], 'analytics', '2026-02-04')).toBe('error');
    expect(severity(['uk'], 'analytics', '2026-02-05')).toBe('warning');
    expect(severity(['uk'], 'functional', '2026-02-05')).toBe('warning');
    expect(severity(['uk'], 'advertising', '2026-02-05')).toBe('error');
    expect(severity(['uk'], 'social-media', '2030-01-01')).toBe('error');
  });

  it('is a warning in Switzerland, nothing elsewhere, and the strictest of the document’s jurisdictions', () => {
    expect(severity(['ch'], 'advertising', '2026-03-01')).toBe('warning');
    expect(severity(['us', 'us-ca'], 'advertising', '2026-03-01')).toBeUndefined();
    expect(severity(['uk', 'ch'], 'analytics', '2026-03-01')).toBe('warning');
    expect(severity(['uk', 'eu'], 'analytics', '2026-03-01')).toBe('error');
  });
});
