import { getDomain } from 'tldts';
import { hostCovers } from '../util/patterns.js';

/*
 * Hosts and sites, for telling first parties from third parties and for
 * matching the hosts and names a document declares. One module so the browser,
 * the HAR reader and the comparison agree on what "the same site" means.
 */

/** The lower-case host of a URL, or undefined for a URL that has none (data:, about:, a typo). */
export function hostOf(url: string): string | undefined {
  try {
    const { hostname } = new URL(url);
    if (hostname === '') return undefined;
    return hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The registrable domain of a host (example.co.uk for www.example.co.uk), by
 * the Public Suffix List; an IP address or a single-label host is its own site.
 */
export function siteOf(host: string): string {
  const bare = host.replace(/^\./, '').toLowerCase();
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** True when two hosts belong to the same site (first party to each other). */
export function sameSite(a: string, b: string): boolean {
  return siteOf(a) === siteOf(b);
}

/**
 * True when a declared host matches an observed one: exactly, or, for a
 * declared `*.example.com`, example.com and any host under it (as the diff
 * judges one declaration covering another).
 */
export function hostMatches(declared: string, host: string): boolean {
  return hostCovers(declared.toLowerCase(), host.replace(/^\./, '').toLowerCase());
}

/**
 * True when a name matches a declared pattern in which `*` stands for any run
 * of characters (and nothing else is special). Linear in the name's length per
 * segment, with no regular expression built from input.
 */
export function namePatternMatches(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = name.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
