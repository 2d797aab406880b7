// Observations for the scan tests: a cookie seen on the test shop's home page.
import type { ObservedCookie } from '../../src/scan/observation.js';

/** The page the scan tests' cookies are seen on. */
export const shopPage = 'https://www.shop.example/';

/** A first-party cookie set by a header on the shop's home page after consent, with `extra` changed. */
export function observedCookie(name: string, extra: Partial<ObservedCookie> = {}): ObservedCookie {
  return {
    name,
    domain: 'www.shop.example',
    path: '/',
    httpOnly: false,
    secure: true,
    setBy: 'header',
    setter: 'www.shop.example',
    page: shopPage,
    phase: 'after-consent',
    ...extra,
  };
}
