// Every page's in-page links land, and a document's HTML and Markdown pages carry the same anchors:
// a link an author writes in prose (`[see](#collection)`, `(#cookie-ga)`) works on both.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, compileSite, createRenderer, hasErrors, readTemplates, validate } from '../src/index.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

interface PageAnchors {
  /** Every id (HTML) or explicit anchor (Markdown) on the page. */
  anchors: string[];
  /** The targets of its same-page links (`#x`). */
  links: string[];
  /** Ids that are the page's chrome, not the document's: the skip link's target and the ids that label or describe (a region's heading, footnotes' heading). */
  chrome: Set<string>;
}

/** An HTML page's ids and same-page links. */
function htmlAnchors(html: string): PageAnchors {
  const anchors: string[] = [];
  const links: string[] = [];
  const chrome = new Set<string>(['main']);
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (attributes.id !== undefined) anchors.push(attributes.id);
      if (attributes.href?.startsWith('#')) links.push(decodeURIComponent(attributes.href.slice(1)));
      for (const id of `${attributes['aria-labelledby'] ?? ''} ${attributes['aria-describedby'] ?? ''}`.split(/\s+/))
        if (id) chrome.add(id);
    },
  });
  parser.write(html);
  parser.end();
  return { anchors, links, chrome };
}

/** The only raw HTML a Markdown page may hold: policyc's own anchors (inline, parsed as an opening tag and a closing one). */
const markdownAnchor = /^<a id="([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)">(<\/a>)?$/;

/**
 * A Markdown page's explicit anchors and same-page links. Heading slugs are not
 * counted: renderers make them differently (and from words that change with a
 * translation), so policyc's links must not depend on them.
 */
function markdownAnchors(markdown: string): PageAnchors & { rawHtml: string[] } {
  const anchors: string[] = [];
  const links: string[] = [];
  const rawHtml: string[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown), (node, index, parent) => {
    if (node.type === 'html') {
      const anchor = markdownAnchor.exec(node.value);
      const next = index === undefined ? undefined : parent?.children[index + 1];
      const closed = anchor?.[2] !== undefined || (next?.type === 'html' && next.value === '</a>');
      const closing =
        node.value === '</a>' &&
        index !== undefined &&
        markdownAnchor.test((parent?.children[index - 1] as { value?: string }).value ?? '');
      if (anchor && closed) anchors.push(anchor[1]!);
      else if (!closing) rawHtml.push(node.value);
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url.startsWith('#')) links.push(decodeURIComponent(node.url.slice(1)));
  });
  return { anchors, links, chrome: new Set(), rawHtml };
}

/** The anchors that belong to the document: not the page's chrome, nor those a renderer makes for prose footnotes. */
function documentAnchors(page: PageAnchors): string[] {
  return [...new Set(page.anchors.filter((id) => !page.chrome.has(id) && !id.startsWith('user-content-')))].sort();
}

/** Every file below `dir`, by relative path. */
function filesBelow(dir: string, sub = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) for (const [k, v] of filesBelow(dir, rel)) out.set(k, v);
    else if (/\.(html|md)$/.test(name)) out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
  }
  return out;
}

/** A fixture's pages, compiled in memory as the fixture tests do. */
async function fixturePages(name: string): Promise<Map<string, string>> {
  const dir = path.join(root, 'test/fixtures', name);
  const result = await validate({ cwd: dir, files: ['input.yaml'], noRules: true });
  expect(hasErrors(result.diagnostics)).toBe(false);
  const site = compileSite(
    result.models.map((m) => ({ id: m.policy.id, working: m, releases: [] })),
    createRenderer(await readTemplates([])),
    { date: '2026-01-01', drafts: false },
  );
  const out = new Map<string, string>();
  for (const [file, content] of site.files) if (/\.(html|md)$/.test(file) && typeof content === 'string') out.set(file, content);
  return out;
}

const projects: Record<string, Map<string, string>> = {};

beforeAll(async () => {
  const out = path.join(tempDir(), 'dist');
  // Drafts too: the draft banner and its changes section are part of a page.
  await build({ cwd: root, out, date: '2026-11-29' });
  projects.sample = filesBelow(out);
  for (const fixture of ['full-featured', 'introduction-headings', 'minimal', 'xss']) projects[fixture] = await fixturePages(fixture);
});

describe.each(['sample', 'full-featured', 'introduction-headings', 'minimal', 'xss'])('anchors of %s', (project) => {
  it('has the pages of a document in both formats', () => {
    const pages = [...projects[project]!.keys()];
    expect(pages.filter((p) => p.endsWith('/index.md')).length).toBeGreaterThan(0);
  });

  it('every same-page link of every page lands on an anchor of that page', () => {
    const broken: string[] = [];
    for (const [file, text] of projects[project]!) {
      const page = file.endsWith('.md') ? markdownAnchors(text) : htmlAnchors(text);
      const anchors = new Set(page.anchors);
      for (const link of page.links) if (!anchors.has(link)) broken.push(`${file}: #${link}`);
    }
    expect(broken).toEqual([]);
  });

  it('no page has an id twice', () => {
    const twice: string[] = [];
    for (const [file, text] of projects[project]!) {
      const page = file.endsWith('.md') ? markdownAnchors(text) : htmlAnchors(text);
      const seen = new Set<string>();
      for (const id of page.anchors) {
        if (seen.has(id)) twice.push(`${file}: ${id}`);
        seen.add(id);
      }
    }
    expect(twice).toEqual([]);
  });

  it('a Markdown page holds no raw HTML but its own anchors', () => {
    for (const [file, text] of projects[project]!) {
      if (file.endsWith('.md')) expect(markdownAnchors(text).rawHtml, file).toEqual([]);
    }
  });

  it("an HTML page and its Markdown twin have the same document anchors, and the Markdown page's contents link to the same ones", () => {
    const pairs = [...projects[project]!.keys()].filter((file) => file.endsWith('index.md'));
    for (const md of pairs) {
      const html = md.replace(/\.md$/, '.html');
      expect(projects[project]!.has(html), `${md} has an HTML twin`).toBe(true);
      const htmlPage = htmlAnchors(projects[project]!.get(html)!);
      const mdPage = markdownAnchors(projects[project]!.get(md)!);
      expect(documentAnchors(mdPage), md).toEqual(documentAnchors(htmlPage));
      expect(documentAnchors(htmlPage).length, html).toBeGreaterThan(5);
      expect(contents(projects[project]!.get(md)!, 'md'), md).toEqual(contents(projects[project]!.get(html)!, 'html'));
    }
  });
});

/** The anchors the table of contents links to, in order, nested entries marked with `>`. */
function contents(text: string, format: 'html' | 'md'): string[] {
  if (format === 'html') {
    const nav = /<nav class="toc"[\s\S]*?<\/nav>/.exec(text)?.[0] ?? '';
    const out: string[] = [];
    let depth = 0;
    const parser = new Parser({
      onopentag(name, attributes) {
        if (name === 'ol') depth++;
        if (name === 'a' && attributes.href) out.push(`${'>'.repeat(depth - 1)}${attributes.href}`);
      },
      onclosetag(name) {
        if (name === 'ol') depth--;
      },
    });
    parser.write(nav);
    parser.end();
    return out;
  }
  // The list right after the contents heading (the first `##`).
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  const at = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2);
  const list = tree.children[at + 1];
  const out: string[] = [];
  const walk = (node: unknown, depth: number) => {
    const n = node as { type: string; url?: string; children?: unknown[] };
    if (n.type === 'list') depth++;
    if (n.type === 'link') out.push(`${'>'.repeat(depth - 1)}${n.url}`);
    for (const child of n.children ?? []) walk(child, depth);
  };
  if (list?.type === 'list') walk(list, 0);
  return out;
}
