import { hostOf, sameSite } from './hosts.js';

/*
 * The pages of a scan: the URLs given, then the same-site links found on
 * them, breadth first, to a depth and a number of pages. Pure: the browser
 * is a `visit` function handed in, so the order and the limits are tested
 * without one.
 */

/** A page to visit, and how many links from a given URL led to it (0 for a given URL). */
export interface CrawlPage {
  readonly url: string;
  readonly depth: number;
}

export interface CrawlLimits {
  /** How many links deep to follow from the given URLs (0: only them). */
  readonly depth: number;
  /** The most pages to visit, the given URLs included. */
  readonly maxPages: number;
}

/**
 * A URL as the crawl compares it: absolute, http(s) only, without fragment or
 * credentials; undefined for anything else (mailto:, javascript:, a typo).
 */
export function normaliseUrl(href: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}

/** The queue of a crawl: each URL once, same-site links only, within the limits. */
export class CrawlQueue {
  private readonly pending: CrawlPage[] = [];
  private readonly seen = new Set<string>();
  private taken = 0;

  /** `siteHost`: the host of the first page; links are followed only within its site. */
  constructor(
    seeds: readonly string[],
    private readonly siteHost: string,
    private readonly limits: CrawlLimits,
  ) {
    for (const seed of seeds) {
      const url = normaliseUrl(seed);
      if (url) this.enqueue(url, 0);
    }
  }

  /** The next page to visit, or undefined when the queue is empty or the page limit is reached. */
  next(): CrawlPage | undefined {
    if (this.taken >= this.limits.maxPages) return undefined;
    const page = this.pending.shift();
    if (page) this.taken += 1;
    return page;
  }

  /** Queue the links found on `from` (hrefs, resolved against it), when it is not at the depth limit. */
  add(from: CrawlPage, hrefs: readonly string[]): void {
    if (from.depth >= this.limits.depth) return;
    for (const href of hrefs) {
      const url = normaliseUrl(href, from.url);
      const host = url && hostOf(url);
      if (url && host && sameSite(host, this.siteHost)) this.enqueue(url, from.depth + 1);
    }
  }

  /** Note a URL as visited without queueing it (where a same-site redirect landed). */
  markSeen(href: string): void {
    const url = normaliseUrl(href);
    if (url) this.seen.add(url);
  }

  /** Pages taken so far. */
  get visited(): number {
    return this.taken;
  }

  /** Pages waiting, within what the page limit still allows. */
  get queued(): number {
    return Math.min(this.pending.length, this.limits.maxPages - this.taken);
  }

  private enqueue(url: string, depth: number): void {
    if (this.seen.has(url)) return;
    this.seen.add(url);
    this.pending.push({ url, depth });
  }
}

/** What a visit found: the page's links (hrefs as written), and where it ended up when that differs. */
export interface VisitResult {
  readonly links: readonly string[];
  readonly finalUrl?: string;
}

/**
 * Visit the pages one at a time, breadth first: each given URL, then the
 * same-site links of each page visited. `onProgress` hears after each page.
 * Returns the pages visited, in order.
 */
export async function crawl(
  seeds: readonly string[],
  siteHost: string,
  limits: CrawlLimits,
  visit: (page: CrawlPage) => Promise<VisitResult>,
  onProgress?: (visited: number, queued: number, url: string) => void,
): Promise<CrawlPage[]> {
  const queue = new CrawlQueue(seeds, siteHost, limits);
  const visited: CrawlPage[] = [];
  for (let page = queue.next(); page; page = queue.next()) {
    const result = await visit(page);
    visited.push(page);
    if (result.finalUrl) queue.markSeen(result.finalUrl);
    queue.add(page, result.links);
    onProgress?.(queue.visited, queue.queued, page.url);
  }
  return visited;
}
