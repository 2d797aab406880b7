// Injection: an XSS corpus in every free-text field of the document and of its translation. No output of any
// kind (page, fragment, summary, e-mail, feed, Markdown, JSON-LD block) may carry markup or a URL that runs.
// test/browser/xss.test.ts loads the same pages in Chromium and checks that nothing runs.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { simpleParser } from 'mailparser';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostileSite, xssCorpus, type HostileSite } from '../support/hostile.js';

let site: HostileSite;
beforeAll(async () => {
  site = await buildHostileSite();
}, 120_000);
afterAll(() => rmSync(site.dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(site.out, file), 'utf8');
const ofType = (pattern: RegExp) => site.written.filter((f) => pattern.test(f));

// Elements that run code, load documents or change where links go; none of our templates uses one.
const forbiddenElements = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'form',
  'svg',
  'math',
  'style',
  'noscript',
  'template',
  'portal',
]);
const urlAttributes = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'cite',
  'srcset',
  'ping',
  'manifest',
]);
const runnableScheme = /^(javascript|vbscript|data):/i;

/** Everything in an HTML document that could run: disallowed elements, event handlers, script URLs, script blocks that are not JSON-LD. */
function executableParts(html: string): string[] {
  const found: string[] = [];
  let script: { type: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (forbiddenElements.has(name)) found.push(`<${name}>`);
        if (name === 'meta' && attributes['http-equiv']) found.push(`<meta http-equiv=${attributes['http-equiv']}>`);
        if (name === 'script') script = { type: attributes.type ?? '', text: '' };
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) found.push(`<${name} ${attribute}>`);
          if (attribute === 'srcdoc') found.push(`<${name} srcdoc>`);
          // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
          if (urlAttributes.has(attribute) && runnableScheme.test(value.replace(/[\u0000-\u0020]/g, '')))
            found.push(`<${name} ${attribute}="${value}">`);
        }
      },
      ontext(text) {
        if (script) script.text += text;
      },
      onclosetag(name) {
        if (name !== 'script' || !script) return;
        if (script.type !== 'application/ld+json') found.push(`<script type="${script.type}">`);
        else {
          try {
            JSON.parse(script.text);
          } catch {
            found.push('a JSON-LD block that is not JSON (its text was cut short by markup)');
          }
        }
        script = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** policyc's own anchors, the one raw HTML a Markdown page has: `<a id="cookie-ga"></a>` (inline, an opening and a closing node) with an id of an id's characters. */
const ownAnchor = /^<a id="[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*">$/;

/** What a Markdown renderer that passes raw HTML through would turn into markup or a runnable link. */
function executableMarkdown(markdown: string): string[] {
  const found: string[] = [];
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  visit(tree, (node, index, parent) => {
    const sibling = (offset: number) =>
      index === undefined ? undefined : (parent?.children[index + offset] as { value?: string } | undefined)?.value;
    const value = (node as { value?: string }).value ?? '';
    const anchor = (ownAnchor.test(value) && sibling(1) === '</a>') || (value === '</a>' && ownAnchor.test(sibling(-1) ?? ''));
    if (node.type === 'html' && !anchor) found.push(`raw HTML ${JSON.stringify(value.slice(0, 60))}`);
    const url = (node as { url?: string }).url;
    if (url !== undefined && runnableScheme.test(url.replace(/[\u0000-\u0020]/g, ''))) found.push(`${node.type} to ${url}`);
  });
  return found;
}

describe('an XSS corpus in every text of the document and the translation', () => {
  it('reaches every kind of output (so the checks below are not vacuous)', () => {
    expect(site.poisoned.document).toBeGreaterThan(100);
    expect(site.poisoned.translation).toBeGreaterThan(100);
    for (const file of [
      'privacy/index.html',
      'privacy/fr/index.html',
      'privacy/fragment.html',
      'privacy/summary.html',
      'privacy/cookies.html',
      'privacy/changelog/index.html',
      'privacy/fr/changelog/index.html',
      'privacy/feed.xml',
      'privacy/notify/2.0.0...2.1.0/email.html',
      'privacy/fr/notify/2.0.0...2.1.0/email.html',
      'privacy/index.md',
      'privacy/CHANGELOG.md',
    ]) {
      expect(site.written, file).toContain(file);
      // Markdown shows the text's underscores backslashed.
      expect(file.endsWith('.md') ? read(file).replace(/\\_/g, '_') : read(file), file).toContain('__pwned');
    }
  });

  it('no HTML page, fragment or e-mail carries a script, an event handler or a script URL', () => {
    const pages = ofType(/\.html$/);
    expect(pages.length).toBeGreaterThan(15);
    const findings = Object.fromEntries(pages.map((f) => [f, executableParts(read(f))]).filter(([, parts]) => parts!.length));
    expect(findings).toEqual({});
  });

  it('the JSON-LD block in the page head stays one JSON value, whatever the text says', () => {
    const page = read('privacy/index.html');
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!) as unknown;
    expect(JSON.stringify(data)).toContain('__pwned(12)');
    expect(JSON.parse(read('privacy/policy.jsonld'))).toEqual(data);
  });

  it('no Markdown output carries raw HTML or a script link, even for a renderer that passes HTML through', () => {
    const files = ofType(/\.md$/);
    expect(files.length).toBeGreaterThan(5);
    const findings = Object.fromEntries(files.map((f) => [f, executableMarkdown(read(f))]).filter(([, parts]) => parts!.length));
    expect(findings).toEqual({});
  });

  it('the Atom feed is well-formed XML whose HTML content is as inert as the pages', () => {
    const xml = read('privacy/feed.xml');
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml) as {
      feed: { entry: { content: { '#text': string } }[] };
    };
    const entries = feed.feed.entry;
    expect(entries.length).toBe(3);
    for (const entry of entries) expect(executableParts(entry.content['#text'] ?? '')).toEqual([]);
    expect(xml).not.toMatch(/<script/i);
  });

  it('each notification e-mail is one message whose headers the text cannot change, and whose HTML is inert', async () => {
    for (const file of ofType(/email\.eml$/)) {
      const mail = await simpleParser(read(file));
      expect([...mail.headers.keys()].sort(), file).toEqual([
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'subject',
        'to',
      ]);
      expect(mail.subject, file).not.toMatch(/[\r\n]/);
      expect(executableParts(String(mail.html)), file).toEqual([]);
    }
    for (const file of ofType(/subject\.txt$/)) expect(read(file).trimEnd(), file).not.toMatch(/[\r\n]/);
  });

  it('Handlebars syntax in data is printed as text, never run as a template', () => {
    const handlebars = xssCorpus.filter((p) => p.startsWith('{{'));
    const pages = ofType(/\.html$/)
      .map(read)
      .join('\n');
    for (const text of handlebars) expect(pages).toContain(text.replace(/"/g, '&quot;'));
  });

  it('every JSON output parses', () => {
    for (const file of ofType(/\.(json|jsonld)$/)) expect(() => JSON.parse(read(file)), file).not.toThrow();
  });
});
