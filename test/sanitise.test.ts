// Prose sanitising (src/markdown/sanitise.ts), function by function: what a page may link to and
// load. The pages' side of it (prose rendered to HTML, XSS payloads) is in prose.test.ts and
// test/faults/xss.test.ts; these pin the decisions themselves, each at its edge.
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { definitionUrls, imageAllowed, makeSafe, remoteImageHost, safeUrl, shiftHeadings } from '../src/markdown/sanitise.js';

const parse = (markdown: string): Root => unified().use(remarkParse).parse(markdown);

/** The tree as its node types and URLs, depth first: what makeSafe kept. */
function shape(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
    out.push(node.url === undefined ? node.type : `${node.type} ${node.url}`);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree);
  return out;
}

describe('safeUrl', () => {
  it.each(['https://example.com', 'HTTP://example.com', 'mailto:dpo@example.com', 'tel:+441234', '#rights', '/privacy/', './a', '../b'])(
    'lets %s through',
    (url) => expect(safeUrl.test(url)).toBe(true),
  );
  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x', 'ftp://example.com', ' https://example.com'])(
    'stops %j',
    (url) => expect(safeUrl.test(url)).toBe(false),
  );
});

describe('remoteImageHost', () => {
  it('is undefined for the site’s own images, relative or absolute-path', () => {
    expect(remoteImageHost('logo.png')).toBeUndefined();
    expect(remoteImageHost('/assets/logo.png')).toBeUndefined();
    expect(remoteImageHost('../logo.png')).toBeUndefined();
  });

  it('names the host of an image elsewhere, however the URL reaches it', () => {
    expect(remoteImageHost('https://cdn.example/x.png')).toBe('cdn.example');
    expect(remoteImageHost('//cdn.example/x.png')).toBe('cdn.example');
    expect(remoteImageHost('/\\cdn.example/x.png')).toBe('cdn.example');
  });

  it('trims the URL as the page would, no-break spaces included (which URL parsing alone keeps)', () => {
    expect(remoteImageHost('\u00a0https://tracker.example/p.gif\u00a0')).toBe('tracker.example');
  });

  it('is empty for a URL with no host, or one that does not parse', () => {
    expect(remoteImageHost('mailto:dpo@example.com')).toBe('');
    expect(remoteImageHost('https://[bad')).toBe('');
  });
});

describe('imageAllowed', () => {
  const hosts = ['cdn.example'];

  it('allows the site’s own images', () => {
    expect(imageAllowed('logo.png', [])).toBe(true);
  });

  it('allows an allowed host over http and https, and no other host', () => {
    expect(imageAllowed('https://cdn.example/x.png', hosts)).toBe(true);
    expect(imageAllowed('HTTP://cdn.example/x.png', hosts)).toBe(true);
    expect(imageAllowed('https://other.example/x.png', hosts)).toBe(false);
    expect(imageAllowed('https://cdn.example/x.png', [])).toBe(false);
  });

  it('allows an allowed host only when the URL says http(s) itself', () => {
    expect(imageAllowed('//cdn.example/x.png', hosts)).toBe(false);
    expect(imageAllowed('ftp://cdn.example/x.png?next=https://cdn.example/', hosts)).toBe(false);
    expect(imageAllowed('\u00a0https://cdn.example/x.png', hosts)).toBe(true);
  });

  it('never allows an image with no host', () => {
    expect(imageAllowed('mailto:cdn.example', ['cdn.example', ''])).toBe(false);
    // An http(s) URL without a host does not parse: its host is '' too, even if '' were listed.
    expect(imageAllowed('https://', [''])).toBe(false);
  });
});

describe('makeSafe', () => {
  it('drops raw HTML, and the paragraph it leaves empty', () => {
    const tree = parse('<script>alert(1)</script>\n\nText <b>bold</b> here.');
    makeSafe(tree, []);
    expect(shape(tree)).toEqual(['root', 'paragraph', 'text', 'text', 'text']);
  });

  it('drops two raw HTML nodes in a row (it looks again at the place it removed from)', () => {
    const tree = parse('a <i><b> b');
    makeSafe(tree, []);
    expect(shape(tree)).toEqual(['root', 'paragraph', 'text', 'text']);
  });

  it('drops images and definitions with unsafe targets, and keeps only the text of such links', () => {
    const tree = parse('![x](javascript:alert(1)) [see](javascript:alert(2)) [ok](https://example.com)\n\n[d]: data:text/html,x');
    makeSafe(tree, []);
    expect(shape(tree)).toEqual(['root', 'paragraph', 'text', 'text', 'text', 'link https://example.com', 'text']);
  });

  it('judges a target as trimmed', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: ' https://example.com/', children: [{ type: 'text', value: 'link' }] },
            { type: 'image', url: ' /logo.png' },
          ],
        },
        { type: 'definition', identifier: 'd', label: 'd', url: ' https://example.com/' },
      ],
    };
    makeSafe(tree, []);
    expect(shape(tree)).toEqual([
      'root',
      'paragraph',
      'link  https://example.com/',
      'text',
      'image  /logo.png',
      'definition  https://example.com/',
    ]);
  });

  it('drops images from hosts not allowed, through a reference too, and keeps the definition for links', () => {
    const tree = parse(
      '![a](https://tracker.example/p.gif) ![b][t] [c][t] ![d](https://cdn.example/ok.png)\n\n[t]: https://tracker.example/q.gif',
    );
    makeSafe(tree, ['cdn.example']);
    expect(shape(tree)).toEqual([
      'root',
      'paragraph',
      'text',
      'text',
      'linkReference',
      'text',
      'text',
      'image https://cdn.example/ok.png',
      'definition https://tracker.example/q.gif',
    ]);
  });
});

describe('definitionUrls', () => {
  it('maps each label to its target, the first definition winning as in CommonMark', () => {
    const tree = parse('[a]: https://one.example\n[A]: https://two.example\n[b]: /local');
    expect([...definitionUrls(tree)]).toEqual([
      ['a', 'https://one.example'],
      ['b', '/local'],
    ]);
  });
});

describe('shiftHeadings', () => {
  const depths = (tree: Root) => tree.children.flatMap((node) => (node.type === 'heading' ? [node.depth] : []));

  it('moves the shallowest heading to the base, keeping the steps between them', () => {
    const tree = parse('### a\n\n#### b\n\ntext\n\n### c');
    shiftHeadings(tree, 2);
    expect(depths(tree)).toEqual([2, 3, 2]);
    // Only headings: nothing else gains a depth.
    expect(tree.children[2]).not.toHaveProperty('depth');
  });

  it('never goes deeper than h6', () => {
    const tree = parse('# a\n\n### b\n\n###### c');
    shiftHeadings(tree, 3);
    expect(depths(tree)).toEqual([3, 5, 6]);
  });

  it('leaves a tree without headings as it was', () => {
    const tree = parse('text');
    shiftHeadings(tree, 2);
    expect(shape(tree)).toEqual(['root', 'paragraph', 'text']);
  });
});
