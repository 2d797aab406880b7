import { LineCounter, parseDocument } from 'yaml';
import { diagnostic, fileStart, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { jsonSyntaxError } from '../load/json-syntax.js';
import { placeOfKey, placeOfOffset, pointerSegments } from '../load/positions.js';
import { readRegularFile } from '../load/read-safely.js';
import { hostOf, sameSite } from './hosts.js';
import type { ConsentPhase, LeftSite, Observation, ObservedCookie, ObservedHost } from './observation.js';

/*
 * A HAR file (HTTP Archive 1.2, as browsers' developer tools export it) read
 * into an Observation. The user names the file on the command line, so it may
 * be anywhere; it is still input policyc did not write: read as a regular file
 * (never a device or a FIFO, never through a link, as project files are), at
 * most `maxHarBytes`, checked for the fields read before any is used.
 */

/** The largest HAR read: a long session with response bodies runs to tens of MiB. */
export const maxHarBytes = 200 * 1024 * 1024;

/** A page whose HAR `comment` says this was recorded after the consent click, with the pages after it. */
export const afterConsentComment = 'policyc:after-consent';

/** What reading a HAR gave: its observation, or the problems that stopped it, and its text for code frames. */
export interface HarRead {
  observation?: Observation;
  diagnostics: Diagnostic[];
  text?: string;
}

/** Read a HAR file; `shown` is its path as diagnostics name it. */
export function readHar(file: string, shown: string): HarRead {
  const read = readRegularFile(file, maxHarBytes);
  const refuse = (message: string, hint: string): HarRead => ({
    diagnostics: [diagnostic(shown, fileStart, 'scan-har-unreadable', 'scan', message, { hint })],
  });
  if (read.kind === 'missing') return refuse(`There is no HAR file \`${shown}\``, 'Check the path given to `--har`.');
  if (read.kind === 'not-regular') return refuse(`\`${shown}\` is ${read.what}, not a HAR file`, 'Give the path of the file itself.');
  if (read.kind === 'too-large')
    return refuse(
      `\`${shown}\` is over the limit of ${maxHarBytes / 1024 / 1024} MiB`,
      'Export the HAR without response bodies (developer tools: "Export HAR (sanitized)" or without content).',
    );
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  return { ...harObservation(text, shown), text };
}

/** The observation a HAR text holds, or why it is not a HAR. */
export function harObservation(text: string, shown: string): HarRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const error = jsonSyntaxError(text);
    const place = error ? placeOfOffset(text, error.offset) : fileStart;
    return { diagnostics: [invalid(shown, place, `The HAR file is not valid JSON: ${error?.message ?? 'it cannot be read'}`)] };
  }
  const problems = harProblems(value);
  if (problems.length) {
    // Places are looked up only now: parsing the text again (JSON read as YAML) is slow on a large file.
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
    return {
      diagnostics: problems.map((p) =>
        invalid(shown, placeOfKey(doc, lineCounter, pointerSegments(p.pointer)), `The HAR file is not HAR 1.2: ${p.message}`),
      ),
    };
  }
  return { diagnostics: [], observation: observe(value as Har) };
}

function invalid(file: string, place: Place, message: string): Diagnostic {
  return diagnostic(file, place, 'scan-har-invalid', 'scan', message, {
    hint: 'Export the HAR again from the browser (developer tools, Network, "Save all as HAR"); policyc reads HAR 1.2.',
  });
}

// The parts of HAR 1.2 that a scan reads (http://www.softwareishard.com/blog/har-12-spec/).
interface HarHeader {
  name: string;
  value: string;
}
interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  request: { method: string; url: string; headers: HarHeader[] };
  response: { status: number; headers: HarHeader[]; redirectURL?: string; content?: { mimeType?: string } };
}
interface HarPage {
  id: string;
  title?: string;
  comment?: string;
}
interface Har {
  log: { version: string; pages?: HarPage[]; entries: HarEntry[] };
}

interface HarProblem {
  pointer: string;
  message: string;
}

/** At most this many problems are reported: a file wrong throughout says so in the first few. */
const maxProblems = 20;

/** The problems of a parsed HAR's shape, as JSON pointers: each field a scan reads must be there with its type. */
function harProblems(value: unknown): HarProblem[] {
  const problems: HarProblem[] = [];
  const want = (ok: boolean, pointer: string, message: string) => {
    if (!ok && problems.length < maxProblems) problems.push({ pointer, message });
    return ok;
  };
  if (!want(isObject(value), '', 'it must be a JSON object with a `log`')) return problems;
  const log = (value as Record<string, unknown>).log;
  if (!want(isObject(log), '/log', '`log` must be an object')) return problems;
  const { version, pages, entries } = log as Record<string, unknown>;
  want(typeof version === 'string' && /^1\.[12]$/.test(version), '/log/version', '`log.version` must be "1.2" (or "1.1")');
  if (pages !== undefined && want(Array.isArray(pages), '/log/pages', '`log.pages` must be a list'))
    for (const [i, page] of (pages as unknown[]).entries())
      want(isObject(page) && typeof page.id === 'string', `/log/pages/${i}`, `\`log.pages[${i}]\` must be an object with an \`id\``);
  if (!want(Array.isArray(entries), '/log/entries', '`log.entries` must be a list')) return problems;
  for (const [i, entry] of (entries as unknown[]).entries()) {
    const at = `/log/entries/${i}`;
    if (!want(isObject(entry), at, `\`log.entries[${i}]\` must be an object`)) continue;
    const e = entry as Record<string, unknown>;
    want(
      typeof e.startedDateTime === 'string' && !Number.isNaN(Date.parse(e.startedDateTime)),
      `${at}/startedDateTime`,
      `\`log.entries[${i}].startedDateTime\` must be an ISO 8601 date and time`,
    );
    want(e.pageref === undefined || typeof e.pageref === 'string', `${at}/pageref`, `\`log.entries[${i}].pageref\` must be text`);
    const request = e.request as Record<string, unknown>;
    const response = e.response as Record<string, unknown>;
    if (want(isObject(request), `${at}/request`, `\`log.entries[${i}].request\` must be an object`)) {
      want(typeof request.url === 'string', `${at}/request/url`, `\`log.entries[${i}].request.url\` must be text`);
      want(typeof request.method === 'string', `${at}/request/method`, `\`log.entries[${i}].request.method\` must be text`);
      headerProblems(request.headers, `${at}/request/headers`, `log.entries[${i}].request.headers`, want);
    }
    if (want(isObject(response), `${at}/response`, `\`log.entries[${i}].response\` must be an object`)) {
      want(typeof response.status === 'number', `${at}/response/status`, `\`log.entries[${i}].response.status\` must be a number`);
      headerProblems(response.headers, `${at}/response/headers`, `log.entries[${i}].response.headers`, want);
    }
  }
  return problems;
}

function headerProblems(
  headers: unknown,
  pointer: string,
  shown: string,
  want: (ok: boolean, pointer: string, message: string) => boolean,
): void {
  if (!want(Array.isArray(headers), pointer, `\`${shown}\` must be a list`)) return;
  for (const [i, header] of (headers as unknown[]).entries())
    want(
      isObject(header) && typeof header.name === 'string' && typeof header.value === 'string',
      `${pointer}/${i}`,
      `\`${shown}[${i}]\` must be an object with a \`name\` and a \`value\`, both text`,
    );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of a HAR as a scan sees them: the page each belongs to and its phase. */
function observe(har: Har): Observation {
  const entries = har.log.entries.filter((e) => /^https?:/i.test(e.request.url) && hostOf(e.request.url) !== undefined);
  const placed = placeEntries(har, entries);
  const siteHost = placed.siteHost;
  const cookies: ObservedCookie[] = [];
  const hosts: ObservedHost[] = [];
  const seenCookies = new Set<string>();
  const seenHosts = new Set<string>();
  const setByHeader = new Set<string>();
  const add = (cookie: ObservedCookie) => {
    const key = `${cookie.name}\0${cookie.domain}\0${cookie.phase}`;
    if (seenCookies.has(key)) return;
    seenCookies.add(key);
    cookies.push(cookie);
  };
  for (const { entry, page, phase } of placed.entries) {
    const host = hostOf(entry.request.url)!;
    if (!seenHosts.has(host)) {
      seenHosts.add(host);
      hosts.push({ host, page, phase, url: entry.request.url });
    }
    const started = Date.parse(entry.startedDateTime);
    for (const header of entry.response.headers.filter((h) => h.name.toLowerCase() === 'set-cookie'))
      // Some exporters join several Set-Cookie headers into one value, a cookie a line.
      for (const line of header.value.split('\n')) {
        const cookie = parseSetCookie(line, entry.request.url, started);
        if (!cookie) continue;
        setByHeader.add(cookie.name);
        if (cookie.maxAgeSeconds !== undefined && cookie.maxAgeSeconds <= 0) continue;
        add({ ...cookie, setBy: 'header', setter: host, page, phase });
      }
  }
  // A cookie the browser sends that no response set was set by a script. A HAR names no script, so the setter is the
  // page's host when the request goes to the page's site, else the host the cookie is sent to (a third-party frame's).
  for (const { entry, page, phase } of placed.entries) {
    const host = hostOf(entry.request.url)!;
    const pageHost = hostOf(page) ?? host;
    for (const name of requestCookieNames(entry)) {
      if (setByHeader.has(name)) continue;
      add({
        name,
        domain: host,
        path: '/',
        httpOnly: false,
        secure: false,
        setBy: 'script',
        setter: sameSite(host, pageHost) ? pageHost : host,
        page,
        phase,
      });
    }
  }
  return {
    source: 'har',
    siteHost,
    pages: placed.pages,
    consented: placed.entries.some((e) => e.phase === 'after-consent'),
    cookies,
    storage: [],
    hosts,
    leftSite: placed.leftSite,
  };
}

interface PlacedEntry {
  entry: HarEntry;
  page: string;
  phase: ConsentPhase;
}

/**
 * The page of each entry. With `log.pages`, an entry's `pageref` names it and
 * the page's URL is its first entry's; without, each HTML document of the
 * site starts a page. A page on another site is left, not scanned. The phase
 * is `before-consent` until a page whose comment is `policyc:after-consent`.
 */
function placeEntries(
  har: Har,
  entries: readonly HarEntry[],
): { siteHost: string; pages: string[]; entries: PlacedEntry[]; leftSite: LeftSite[] } {
  const pageOf = harPages(har, entries);
  const firstUrl = entries[0]?.request.url ?? '';
  const siteHost = hostOf(pageOf.first ?? firstUrl) ?? '';
  const pages: string[] = [];
  const leftSite: LeftSite[] = [];
  const placed: PlacedEntry[] = [];
  let current = firstUrl;
  for (const entry of entries) {
    const known = pageOf.url(entry);
    // Without log.pages, an HTML document of the site starts a page.
    const page = known ?? (isSiteDocument(entry, siteHost) || pages.length === 0 ? entry.request.url : current);
    if (!pages.includes(page)) {
      const host = hostOf(page);
      if (host !== undefined && !sameSite(host, siteHost)) {
        if (!leftSite.some((l) => l.to === page)) leftSite.push({ page: current, to: page });
        continue;
      }
      pages.push(page);
    }
    current = page;
    placed.push({ entry, page, phase: pageOf.phase(entry) });
  }
  return { siteHost, pages, entries: placed, leftSite };
}

/** The HAR's own pages: the URL of an entry's page (its first entry's), the first page's, and the phase of an entry. */
function harPages(har: Har, entries: readonly HarEntry[]) {
  const listed = har.log.pages ?? [];
  const pageUrl = new Map<string, string>();
  for (const entry of entries)
    if (entry.pageref !== undefined && !pageUrl.has(entry.pageref)) pageUrl.set(entry.pageref, entry.request.url);
  const afterConsentFrom = listed.findIndex((p) => p.comment?.includes(afterConsentComment));
  const index = new Map(listed.map((p, i) => [p.id, i]));
  return {
    first: listed[0] ? pageUrl.get(listed[0].id) : undefined,
    url: (entry: HarEntry) => (entry.pageref === undefined ? undefined : pageUrl.get(entry.pageref)),
    phase: (entry: HarEntry): ConsentPhase =>
      afterConsentFrom !== -1 && entry.pageref !== undefined && (index.get(entry.pageref) ?? -1) >= afterConsentFrom
        ? 'after-consent'
        : 'before-consent',
  };
}

/** A GET of an HTML page on the site: without `log.pages`, what starts a page. */
function isSiteDocument(entry: HarEntry, siteHost: string): boolean {
  const host = hostOf(entry.request.url);
  return (
    entry.request.method.toUpperCase() === 'GET' &&
    host !== undefined &&
    sameSite(host, siteHost) &&
    /^text\/html\b/i.test(entry.response.content?.mimeType ?? '') &&
    entry.response.status >= 200 &&
    entry.response.status < 300
  );
}

/** The names of the cookies a request sends (its Cookie headers). */
function requestCookieNames(entry: HarEntry): string[] {
  return entry.request.headers
    .filter((h) => h.name.toLowerCase() === 'cookie')
    .flatMap((h) => h.value.split(';'))
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(isCookieName);
}

/** A name a browser would store: not empty, no control characters (which browsers refuse), not absurdly long. */
function isCookieName(name: string): boolean {
  return name !== '' && name.length <= 4096 && !/[\u0000-\u001f\u007f]/.test(name);
}

type ParsedCookie = Omit<ObservedCookie, 'setBy' | 'setter' | 'page' | 'phase'>;

/**
 * One Set-Cookie header value (RFC 6265 section 5.2): its name, and the
 * attributes a scan compares. Max-Age wins over Expires; Expires counts from
 * when the response arrived (the entry's start). A negative lifetime deletes.
 */
export function parseSetCookie(value: string, url: string, started: number): ParsedCookie | undefined {
  const [pair, ...attributes] = value.split(';');
  const eq = pair!.indexOf('=');
  const name = (eq === -1 ? '' : pair!.slice(0, eq)).trim();
  if (eq === -1 || !isCookieName(name)) return undefined;
  const a = cookieAttributes(attributes);
  const expires = a.expires === undefined ? undefined : Math.round((a.expires - (Number.isNaN(started) ? 0 : started)) / 1000);
  const seconds = a.maxAge ?? expires;
  return {
    name,
    domain: a.domain ?? hostOf(url) ?? '',
    path: a.path ?? defaultPath(url),
    ...(seconds === undefined ? {} : { maxAgeSeconds: seconds }),
    httpOnly: a.httpOnly,
    secure: a.secure,
    ...(a.sameSite ? { sameSite: a.sameSite } : {}),
  };
}

interface CookieAttributes {
  maxAge?: number;
  /** Milliseconds since the epoch. */
  expires?: number;
  domain?: string;
  path?: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: ObservedCookie['sameSite'];
}

const sameSiteWords: Record<string, ObservedCookie['sameSite']> = { strict: 'Strict', lax: 'Lax', none: 'None' };

/** The attributes after a Set-Cookie's name and value; one not understood is ignored, as browsers ignore it. */
function cookieAttributes(attributes: readonly string[]): CookieAttributes {
  const out: CookieAttributes = { httpOnly: false, secure: false };
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const arg = at === -1 ? '' : attribute.slice(at + 1).trim();
    if (key === 'max-age' && /^-?\d+$/.test(arg)) out.maxAge = Number(arg);
    else if (key === 'expires' && !Number.isNaN(Date.parse(arg))) out.expires = Date.parse(arg);
    else if (key === 'domain' && arg !== '') out.domain = arg.replace(/^\./, '').toLowerCase();
    else if (key === 'path' && arg.startsWith('/')) out.path = arg;
    else if (key === 'httponly') out.httpOnly = true;
    else if (key === 'secure') out.secure = true;
    else if (key === 'samesite' && Object.hasOwn(sameSiteWords, arg.toLowerCase())) out.sameSite = sameSiteWords[arg.toLowerCase()];
  }
  return out;
}

/** The cookie path a response gives when Set-Cookie names none: the request path up to its last `/`. */
function defaultPath(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return '/';
  }
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}
