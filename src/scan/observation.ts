/*
 * What a scan saw on a site, whichever way it was seen (a headless browser or
 * a HAR file). The comparison with the document works on this alone, so the
 * two ways of observing share every check.
 */

/** Before the visitor consented, or after the consent click. */
export type ConsentPhase = 'before-consent' | 'after-consent';

/** How a cookie reached the browser. */
export type CookieSetter = 'header' | 'script';

export interface ObservedCookie {
  readonly name: string;
  /** The cookie's domain as the browser stored it, without a leading dot. */
  readonly domain: string;
  readonly path: string;
  /** Seconds from when it was set until it expires; absent for a session cookie. */
  readonly maxAgeSeconds?: number;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite?: 'Strict' | 'Lax' | 'None';
  /** `header`: a Set-Cookie response header; `script`: document.cookie or the Cookie Store API. */
  readonly setBy: CookieSetter;
  /** The host of the response or of the script that set it (the setter). */
  readonly setter: string;
  /** The page being visited when it was first seen. */
  readonly page: string;
  readonly phase: ConsentPhase;
}

export interface ObservedStorageKey {
  readonly kind: 'local' | 'session';
  readonly key: string;
  /** The origin whose storage holds the key (the page's, or a frame's). */
  readonly origin: string;
  readonly page: string;
  readonly phase: ConsentPhase;
}

export interface ObservedHost {
  readonly host: string;
  /** The first page on which the browser contacted it. */
  readonly page: string;
  readonly phase: ConsentPhase;
  /** The URL of the first request to it, for the report. */
  readonly url: string;
}

/** A page that sent the scan off the site (a redirect or a link followed elsewhere); it is not scanned. */
export interface LeftSite {
  readonly page: string;
  readonly to: string;
}

export interface Observation {
  /** `browser` or `har`, for the report. */
  readonly source: 'browser' | 'har';
  /** The host of the first page: what counts as first party. */
  readonly siteHost: string;
  /** The pages visited, in the order they were visited. */
  readonly pages: readonly string[];
  /** Whether a consent click happened (so `after-consent` entries exist). */
  readonly consented: boolean;
  readonly cookies: readonly ObservedCookie[];
  readonly storage: readonly ObservedStorageKey[];
  readonly hosts: readonly ObservedHost[];
  readonly leftSite: readonly LeftSite[];
}
