// The crawl of `policyc scan` without a browser: URLs normalised, same-site
// links only, breadth first, each page once, within the depth and page limits.
import { describe, expect, it } from 'vitest';
import { crawl, CrawlQueue, normaliseUrl, type CrawlPage } from '../src/scan/crawl.js';

describe('normaliseUrl', () => {
  it('resolves against the page, drops the fragment and any credentials', () => {
    expect(normaliseUrl('/about#team', 'https://www.example.com/en/')).toBe('https://www.example.com/about');
    expect(normaliseUrl('about', 'https://www.example.com/en/')).toBe('https://www.example.com/en/about');
    expect(normaliseUrl('HTTPS://User:Secret@WWW.Example.com:443/a?b=1#c')).toBe('https://www.example.com/a?b=1');
    expect(normaliseUrl('  https://example.com  ')).toBe('https://example.com/');
  });

  it('takes only http and https', () => {
    for (const href of ['mailto:a@example.com', 'javascript:alert(1)', 'data:text/html,x', 'ftp://example.com/', 'tel:+441234'])
      expect(normaliseUrl(href, 'https://example.com/'), href).toBeUndefined();
    expect(normaliseUrl('http://[::1', 'https://example.com/')).toBeUndefined();
    expect(normaliseUrl('no base')).toBeUndefined();
  });
});

describe('CrawlQueue', () => {
  const limits = { depth: 2, maxPages: 10 };

  it('follows links within the site (subdomains included) and drops every other site', () => {
    const queue = new CrawlQueue(['https://www.example.com/'], 'www.example.com', limits);
    const home = queue.next()!;
    queue.add(home, [
      'https://shop.example.com/',
      'https://example.com/about',
      'https://example.org/',
      'https://example.com.evil.test/',
      'https://tracker.test/p',
      'mailto:privacy@example.com',
    ]);
    expect([queue.next(), queue.next(), queue.next()]).toEqual([
      { url: 'https://shop.example.com/', depth: 1 },
      { url: 'https://example.com/about', depth: 1 },
      undefined,
    ]);
  });

  it('treats an IP address as its own site', () => {
    const queue = new CrawlQueue(['http://127.0.0.1:8080/'], '127.0.0.1', limits);
    queue.add(queue.next()!, ['http://127.0.0.1:8080/a', 'http://127.0.0.1:9000/b', 'http://127.0.0.2:8080/c']);
    expect([queue.next()?.url, queue.next()?.url, queue.next()]).toEqual(['http://127.0.0.1:8080/a', 'http://127.0.0.1:9000/b', undefined]);
  });

  it('queues each URL once, fragments and seeds included', () => {
    const queue = new CrawlQueue(['https://example.com/', 'https://example.com/#top'], 'example.com', limits);
    const home = queue.next()!;
    queue.add(home, ['/', '/a', '/a#x', 'https://example.com/a']);
    expect([queue.next()?.url, queue.next()]).toEqual(['https://example.com/a', undefined]);
  });

  it('stops following links at the depth limit', () => {
    const queue = new CrawlQueue(['https://example.com/'], 'example.com', { depth: 1, maxPages: 10 });
    const home = queue.next()!;
    queue.add(home, ['/one']);
    const one = queue.next()!;
    expect(one.depth).toBe(1);
    queue.add(one, ['/two']);
    expect(queue.next()).toBeUndefined();
  });

  it('stops at the page limit, counting the pages given', () => {
    const queue = new CrawlQueue(['https://example.com/', 'https://example.com/b'], 'example.com', { depth: 3, maxPages: 2 });
    queue.add(queue.next()!, ['/c', '/d']);
    expect(queue.queued).toBe(1);
    expect(queue.next()?.url).toBe('https://example.com/b');
    expect(queue.next()).toBeUndefined();
    expect([queue.visited, queue.queued]).toEqual([2, 0]);
  });

  it('does not queue where a redirect landed', () => {
    const queue = new CrawlQueue(['https://example.com/'], 'example.com', limits);
    const home = queue.next()!;
    queue.markSeen('https://example.com/en/');
    queue.add(home, ['/en/', '/de/']);
    expect([queue.next()?.url, queue.next()]).toEqual(['https://example.com/de/', undefined]);
  });

  it('skips a given URL that is not http(s)', () => {
    const queue = new CrawlQueue(['file:///etc/passwd', 'https://example.com/'], 'example.com', limits);
    expect([queue.next()?.url, queue.next()]).toEqual(['https://example.com/', undefined]);
  });
});

describe('crawl', () => {
  /** A site as a map of page paths to their links. */
  const site: Record<string, string[]> = {
    '/': ['/a', '/b', 'https://other.test/x'],
    '/a': ['/', '/a1', '/b'],
    '/b': ['/b1'],
    '/a1': ['/a2'],
    '/b1': [],
    '/a2': [],
  };
  const visitor = (seen: string[]) => async (page: CrawlPage) => {
    seen.push(page.url);
    return { links: site[new URL(page.url).pathname] ?? [] };
  };

  it('visits breadth first and reports progress after each page', async () => {
    const seen: string[] = [];
    const progress: [number, number, string][] = [];
    const pages = await crawl(['https://example.com/'], 'example.com', { depth: 2, maxPages: 10 }, visitor(seen), (...args) =>
      progress.push(args),
    );
    const paths = ['/', '/a', '/b', '/a1', '/b1'];
    expect(seen.map((url) => new URL(url).pathname)).toEqual(paths);
    expect(pages.map((p) => [new URL(p.url).pathname, p.depth])).toEqual([
      ['/', 0],
      ['/a', 1],
      ['/b', 1],
      ['/a1', 2],
      ['/b1', 2],
    ]);
    expect(progress.map(([visited, queued]) => [visited, queued])).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 1],
      [5, 0],
    ]);
  });

  it('visits no more pages than the limit', async () => {
    const seen: string[] = [];
    await crawl(['https://example.com/'], 'example.com', { depth: 5, maxPages: 3 }, visitor(seen));
    expect(seen.map((url) => new URL(url).pathname)).toEqual(['/', '/a', '/b']);
  });

  it('visits only the pages given at depth 0', async () => {
    const seen: string[] = [];
    await crawl(['https://example.com/', 'https://example.com/b1'], 'example.com', { depth: 0, maxPages: 10 }, visitor(seen));
    expect(seen.map((url) => new URL(url).pathname)).toEqual(['/', '/b1']);
  });
});
