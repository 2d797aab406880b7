import { diagnostic, type Diagnostic, type Place, type Severity } from '../diagnostics/diagnostic.js';
import type { Jurisdiction } from '../model/policy.generated.js';
import { knownCategory, knownLifetime, lookupCookie, type CookieDatabase, type KnownCookie } from './cookie-database.js';
import type { Category, Declared, DeclaredCookie, DeclaredStorage } from './declared.js';
import { hostMatches, namePatternMatches, sameSite, siteOf } from './hosts.js';
import { longestDurationSeconds } from '../util/duration.js';
import type { Observation, ObservedCookie, ObservedStorageKey } from './observation.js';

/*
 * What a scan saw against what the document declares: each difference a
 * diagnostic, at the declared entry it concerns, or at the list an entry is
 * missing from.
 */

export interface CompareInput {
  readonly observation: Observation;
  readonly declared: Declared;
  /** The document's path as diagnostics name it. */
  readonly file: string;
  /** The place of a path of the document (the deepest part of it there is). */
  readonly placeOf: (path: readonly string[]) => Place;
  /** The scan's date (YYYY-MM-DD): the law in force then decides the severity of cookies before consent. */
  readonly date: string;
  readonly database: CookieDatabase;
}

/** Chromium keeps no cookie longer than 400 days, whatever the server asks (RFC 6265bis, "cookie lifetime limits"). */
export const browserCookieCapSeconds = 400 * 24 * 3600;

/** The day the UK exceptions for analytics and functional storage took effect (Data (Use and Access) Act 2025 s.112, SI 2026/82). */
export const ukStorageExceptionsFrom = '2026-02-05';

/** The differences between an observation and a document's declarations. */
export function compareObservation(input: CompareInput): Diagnostic[] {
  return [...cookieDiagnostics(input), ...storageDiagnostics(input), ...hostDiagnostics(input), ...leftSiteDiagnostics(input)];
}

/** The declared cookie an observed one is: the same name (or one its pattern matches), and the declared domain when there is one. */
export function matchCookie(cookies: readonly DeclaredCookie[], cookie: ObservedCookie): DeclaredCookie | undefined {
  return cookies.find(
    (d) =>
      (d.name === cookie.name || (d.pattern !== undefined && namePatternMatches(d.pattern, cookie.name))) &&
      (d.domain === undefined || hostMatches(d.domain, cookie.domain)),
  );
}

/** A name from the site, short enough for a message. */
function shown(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function cookieDiagnostics(input: CompareInput): Diagnostic[] {
  const { observation, declared } = input;
  const out: Diagnostic[] = [];
  const matched = new Set<DeclaredCookie>();
  const reported = new Set<string>();
  for (const cookie of observation.cookies) {
    const match = matchCookie(declared.cookies, cookie);
    const known = lookupCookie(input.database, cookie.name, cookie.domain);
    const seen: Seen = {
      cookie,
      match,
      known,
      where: `on ${shown(cookie.page)} ${cookie.setBy === 'script' ? 'by a script on' : 'by'} \`${cookie.setter}\``,
    };
    if (match) matched.add(match);
    // Reported once, however many pages and phases it was seen in.
    else if (!reported.has(`${cookie.name}\0${cookie.domain}`)) {
      reported.add(`${cookie.name}\0${cookie.domain}`);
      out.push(undeclaredCookie(input, seen));
    }
    out.push(...beforeConsent(input, seen), ...durationDiagnostic(input, seen));
  }
  return [...out, ...declared.cookies.filter((c) => !matched.has(c)).map((c) => unobservedCookie(input, c))];
}

/** An observed cookie, what it is declared as and known as, and where it was set (for messages). */
interface Seen {
  cookie: ObservedCookie;
  match: DeclaredCookie | undefined;
  known: KnownCookie | undefined;
  where: string;
}

function undeclaredCookie(input: CompareInput, { cookie, known, where }: Seen): Diagnostic {
  return diagnostic(
    input.file,
    input.placeOf(['cookies', 'items']),
    'scan-undeclared-cookie',
    'scan',
    `Cookie \`${shown(cookie.name)}\` (domain \`${cookie.domain}\`) is set ${where} but not declared`,
    { hint: `${knownHint(known)}\`policyc scan --fix\` adds it to \`cookies.items\`, marked for review.` },
  );
}

function beforeConsent(input: CompareInput, { cookie, match, known, where }: Seen): Diagnostic[] {
  const category = match?.category ?? (known ? knownCategory(known) : undefined);
  if (cookie.phase !== 'before-consent' || category === undefined) return [];
  const { jurisdictions } = input.declared;
  const severity = beforeConsentSeverity(jurisdictions, category, input.date);
  if (!severity) return [];
  return [
    diagnostic(
      input.file,
      input.placeOf(match ? match.path : ['cookies', 'items']),
      'scan-cookie-before-consent',
      'scan',
      `Cookie \`${shown(cookie.name)}\` (${category}${match ? '' : ', by the Open Cookie Database'}) is set ${where} before the visitor consented`,
      { severity, hint: beforeConsentHint(jurisdictions, category, input.date) },
    ),
  ];
}

function durationDiagnostic(input: CompareInput, { cookie, match, where }: Seen): Diagnostic[] {
  const shorter = match && cookie.maxAgeSeconds !== undefined ? durationShorter(match, cookie.maxAgeSeconds) : undefined;
  if (!match || !shorter) return [];
  return [
    diagnostic(
      input.file,
      input.placeOf([...match.path, match.duration ? 'duration' : 'lifetime']),
      'scan-duration-shorter',
      'scan',
      shorter(where),
      {
        severity: 'warning',
        hint: 'Declare the lifetime the browser keeps the cookie (at most 400 days in Chromium), or shorten the cookie.',
      },
    ),
  ];
}

function unobservedCookie(input: CompareInput, cookie: DeclaredCookie): Diagnostic {
  const { pages, consented } = input.observation;
  // Unseen because the scan never consented: the cookie may well be set after consent.
  const couldNotSee = !consented && cookie.category !== undefined && cookie.category !== 'strictly-necessary';
  return diagnostic(
    input.file,
    input.placeOf(cookie.path),
    'scan-unobserved-cookie',
    'scan',
    `Cookie \`${cookie.id}\` (\`${cookie.pattern ?? cookie.name}\`) was not seen on the ${pages.length} ${pages.length === 1 ? 'page' : 'pages'} scanned${couldNotSee ? ', which were not scanned after consent' : ''}`,
    {
      severity: couldNotSee ? 'info' : 'warning',
      hint: couldNotSee
        ? 'Scan with `--accept SELECTOR` (the consent button) to see the cookies set after consent.'
        : 'Remove it if the site no longer sets it, or scan the pages that set it.',
    },
  );
}

/** What the Open Cookie Database says of a cookie, for a hint. */
function knownHint(known: KnownCookie | undefined): string {
  if (!known) return 'The Open Cookie Database does not know it. ';
  const lifetime = knownLifetime(known);
  const parts = [
    known.platform,
    knownCategory(known) ?? known.category,
    lifetime ? (lifetime.lifetime === 'session' ? 'session' : lifetime.duration) : undefined,
  ].filter(Boolean);
  return `The Open Cookie Database knows it: ${parts.join(', ')}. `;
}

/** Which regimes, by the document's jurisdictions, require consent for a category on a date, and how firmly. */
export function beforeConsentSeverity(jurisdictions: readonly Jurisdiction[], category: Category, date: string): Severity | undefined {
  const levels = jurisdictions.map((j) => jurisdictionSeverity(j, category, date)).filter((s): s is Severity => s !== undefined);
  if (levels.includes('error')) return 'error';
  return levels.includes('warning') ? 'warning' : undefined;
}

function jurisdictionSeverity(jurisdiction: Jurisdiction, category: Category, date: string): Severity | undefined {
  if (category === 'strictly-necessary') return undefined;
  // ePrivacy Directive 2002/58/EC Art. 5(3): consent unless strictly necessary.
  if (jurisdiction === 'eu') return 'error';
  // PECR reg. 6; since 2026-02-05 its Schedule A1 exempts statistical (analytics) and appearance/function storage when the user is told and can object.
  if (jurisdiction === 'uk')
    return (category === 'analytics' || category === 'functional') && date >= ukStorageExceptionsFrom ? 'warning' : 'error';
  // Swiss revFADP and the Telecommunications Act art. 45c: information and a way to refuse, not prior consent.
  if (jurisdiction === 'ch') return 'warning';
  return undefined;
}

function beforeConsentHint(jurisdictions: readonly Jurisdiction[], category: Category, date: string): string {
  const law: string[] = [];
  if (jurisdictions.includes('eu')) law.push('EU: ePrivacy Directive Art. 5(3) requires consent first');
  if (jurisdictions.includes('uk'))
    law.push(
      (category === 'analytics' || category === 'functional') && date >= ukStorageExceptionsFrom
        ? 'UK: PECR reg. 6 and Schedule A1 (Data (Use and Access) Act 2025 s.112) allow it without consent only if visitors are told and can object simply'
        : 'UK: PECR reg. 6 requires consent first',
    );
  if (jurisdictions.includes('ch')) law.push('Switzerland: FADP and TCA art. 45c require information and a way to refuse');
  return `${law.join('; ')}. Set it only after the consent click, or declare it \`strictly-necessary\` if it is.`;
}

/** Slack for the clock of an Expires date against the response time. */
const toleranceSeconds = 60;

/** The message when a declared lifetime is shorter than the observed one, else undefined. */
function durationShorter(declared: DeclaredCookie, observedSeconds: number): ((where: string) => string) | undefined {
  const kept = Math.min(observedSeconds, browserCookieCapSeconds);
  const days = Math.round(kept / 86400);
  const observed = days >= 1 ? `${days} ${days === 1 ? 'day' : 'days'}` : `${Math.max(1, Math.round(kept / 60))} minutes`;
  if (declared.lifetime === 'session')
    return (where) => `Cookie \`${declared.id}\` is declared a session cookie, but is set ${where} to last ${observed}`;
  const seconds = declared.duration === undefined ? undefined : longestDurationSeconds(declared.duration);
  if (seconds === undefined || seconds + toleranceSeconds >= kept) return undefined;
  return (where) => `Cookie \`${declared.id}\` is declared to last ${declared.duration}, but is set ${where} to last ${observed}`;
}

function storageDiagnostics(input: CompareInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const item of input.observation.storage) {
    const key = `${item.kind}\0${item.key}`;
    if (seen.has(key) || matchStorage(input.declared.storage, item)) continue;
    seen.add(key);
    const storage = item.kind === 'local' ? 'local storage' : 'session storage';
    out.push(
      diagnostic(
        input.file,
        input.placeOf(['cookies', 'technologies']),
        'scan-undeclared-storage',
        'scan',
        `The ${storage} key \`${shown(item.key)}\` of \`${shown(item.origin)}\` is written on ${shown(item.page)} but not declared`,
        {
          hint: `Declare it in the \`keys\` of a technology of type \`${item.kind}-storage\`; \`policyc scan --fix\` adds one, marked for review.`,
        },
      ),
    );
  }
  return out;
}

/** A technology of the key's kind that lists it (or, listing no keys, declares the kind as a whole). */
export function matchStorage(storage: readonly DeclaredStorage[], item: ObservedStorageKey): DeclaredStorage | undefined {
  return storage.find((s) => s.kind === item.kind && (s.keys.length === 0 || s.keys.some((k) => namePatternMatches(k, item.key))));
}

function hostDiagnostics(input: CompareInput): Diagnostic[] {
  const { observation, declared } = input;
  // A host that set a declared cookie is that cookie's provider.
  const setters = observation.cookies.filter((c) => c.setBy === 'header' && matchCookie(declared.cookies, c)).map((c) => c.setter);
  return observation.hosts
    .filter((h) => !sameSite(h.host, observation.siteHost))
    .filter((h) => !declared.hosts.some((d) => hostMatches(d.host, h.host)) && !setters.includes(h.host))
    .map((h) =>
      diagnostic(
        input.file,
        input.placeOf(['sharing', 'recipients']),
        'scan-unknown-host',
        'scan',
        `The third party \`${h.host}\` is contacted on ${shown(h.page)} (${shown(h.url)}), and no recipient, technology or cookie of the document names it`,
        {
          severity: 'warning',
          hint: `Add \`${h.host}\` (or \`*.${siteOf(h.host)}\`) to the \`hosts\` of the recipient or technology it belongs to, or declare one.`,
        },
      ),
    );
}

function leftSiteDiagnostics(input: CompareInput): Diagnostic[] {
  return input.observation.leftSite.map((left) =>
    diagnostic(
      input.file,
      input.placeOf([]),
      'scan-page-left-site',
      'scan',
      `${shown(left.page)} leads off the site to ${shown(left.to)}, which was not scanned`,
      { severity: 'info', hint: 'Scan the other site with its own document, or give its pages as URLs if they belong to this one.' },
    ),
  );
}
