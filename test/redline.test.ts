// The redline aligns two versions by structure before it compares words: sections and entities
// by their anchors, list items within what holds them. Each case edits the sample's document
// one way and checks the marked blocks of the redline exactly, and that nothing else is marked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRenderer, readTemplates } from '../src/index.js';
import type { Policy } from '../src/model/policy.generated.js';
import { redlineHtml } from '../src/render/redline-html.js';
import { redline } from '../src/render/redline.js';
import { resolve } from '../src/resolve/resolve.js';
import { root } from './support/fixtures.js';

type Doc = Record<string, any>;

const labels = {
  movedAfter: 'Moved here: it came after “{block}”.',
  movedFromStart: 'Moved here: it came first.',
  linkChanged: 'The link “{text}” now leads to {to} instead of {from}.',
};

describe('the redline, aligned by structure', async () => {
  const renderer = createRenderer(await readTemplates([]));
  const sample = parse(readFileSync(path.join(root, 'policy/privacy.yaml'), 'utf8')) as Doc;
  const page = (document: Doc) => renderer.renderMarkdown(resolve(document as unknown as Policy, 'privacy.yaml'), { root: '../../' })!;
  const before = page(sample);
  /** The redline of the sample against the sample edited by `edit`, as HTML lines. */
  const compare = (edit: (document: Doc) => void) => {
    const document = structuredClone(sample);
    edit(document);
    return redlineHtml(redline(before, page(document)), labels).split('\n');
  };
  /** The lines that carry a mark: a status class, an insertion or a deletion, a note. */
  const marked = (lines: string[]) => lines.filter((l) => /class="(?!redline-list)|<ins>|<del>/.test(l));

  it('words its notes as the English labels do', () => {
    expect(renderer.messages('en').compare).toMatchObject(labels);
  });

  it('marks nothing when nothing changed', () => {
    expect(marked(compare(() => undefined))).toEqual([]);
  });

  it('shows a moved section once, where it now stands, as moved, with what it holds unmarked', () => {
    // `order` puts the cookies first; the custom section that follows the cookies moves with them.
    const lines = compare((d) => (d.order = ['cookies']));
    expect(marked(lines)).toEqual([
      '<li class="moved">Cookies <span class="redline-note">Moved here: it came after “Other Websites”.</span></li>',
      '<li class="moved">Social Media and Public Forums <span class="redline-note">Moved here: it came after “Cookies”.</span></li>',
      '<h3 class="moved">Cookies</h3>',
      '<p class="redline-note">Moved here: it came after “Other Websites”.</p>',
      '<h3 class="moved">Social Media and Public Forums</h3>',
      '<p class="redline-note">Moved here: it came after “Cookies”.</p>',
    ]);
    // Shown once, at its new place: before the section on collection, its sub-sections after it.
    expect(lines.filter((l) => l.includes('>Cookies</h3>'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('What is a cookie?'))).toEqual(['<h4>What is a cookie?</h4>']);
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('<h3 class="moved">Cookies')).toBeLessThan(at('<h3>What Information We Collect About You'));
    expect(at('<h3 class="moved">Cookies')).toBeLessThan(at('<h4>What is a cookie?'));
    expect(at('<h4>What is a cookie?')).toBeLessThan(at('<h3>What Information We Collect About You'));
  });

  it('shows a list item moved within its list as moved, its details unmarked', () => {
    const lines = compare((d) => {
      const items = d.collection.categories as Doc[];
      items.unshift(items.splice(4, 1)[0]!);
    });
    expect(marked(lines)).toEqual([
      '<li class="moved">IP address: Internet Protocol address used to connect your computer to the Internet <span class="redline-note">Moved here: it came after “Job title”.</span></li>',
    ]);
    const at = lines.findIndex((l) => l.includes('IP address: Internet'));
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '<li>Source: Automatic collection</li>',
      '<li>Retention: 12 months, kept in our server and security logs, then deleted</li>',
      '<li>Name</li>',
    ]);
  });

  it('shows a merge of two categories as one removed whole and one with its words marked', () => {
    const lines = compare((d) => {
      d.collection.categories = (d.collection.categories as Doc[]).filter((c) => c.id !== 'phone-number');
      d.collection.categories[0].description = 'your name, and your phone number when you give it';
      for (const p of [...d.purposes.items, ...d.sharing.recipients] as Doc[])
        if (p.categories) p.categories = (p.categories as string[]).filter((c) => c !== 'phone-number');
    });
    expect(marked(lines)).toEqual([
      '<li class="changed">Name<ins>: your name, and your phone number when you give it</ins></li>',
      '<li class="removed"><del>Phone number</del></li>',
      '<li class="removed"><del>Source: You</del></li>',
      '<li class="removed"><del>Retention: for as long as you use our services or are in contact with us, then for 2 years after our last contact with you</del></li>',
      '<li class="changed">manage customer requests, inquiries, surveys and questionnaires (Legal basis: Legitimate interests; Our legitimate interest: answering the people who contact us and learning from their feedback) (Data used: Name, Email address, <del>Phone number, </del>Job title)</li>',
      '<li class="changed">process your application for employment at SmartFocus (Legal basis: Performance of a contract) (Data used: Name, Email address<del>, Phone number</del>)</li>',
      '<li class="changed">Data shared: Name, Email address, <del>Phone number, </del>Job title</li>',
    ]);
  });

  describe('a renamed entity (a new id)', () => {
    const rename = (label: string) =>
      compare((d) => {
        const category = (d.collection.categories as Doc[]).find((c) => c.id === 'job-title')!;
        category.id = 'role';
        category.label = label;
        for (const p of [...d.purposes.items, ...d.sharing.recipients] as Doc[])
          if (p.categories) p.categories = (p.categories as string[]).map((c) => (c === 'job-title' ? 'role' : c));
      });

    it('is the same entity: an id is no text a reader sees, so nothing is marked', () => {
      expect(marked(rename('Job title'))).toEqual([]);
    });

    it('renamed and relabelled, has only its changed words marked, where it stands and where it is named', () => {
      expect(marked(rename('Job role'))).toEqual([
        '<li class="changed">Job <del>title</del><ins>role</ins></li>',
        '<li class="changed">personalize our services to you (Legal basis: Legitimate interests; Our legitimate interest: offering our customers services that are relevant to them) (Data used: Name, Email address, Job <del>title</del><ins>role</ins>)</li>',
        '<li class="changed">manage customer requests, inquiries, surveys and questionnaires (Legal basis: Legitimate interests; Our legitimate interest: answering the people who contact us and learning from their feedback) (Data used: Name, Email address, Phone number, Job <del>title</del><ins>role</ins>)</li>',
        '<li class="changed">carry out customer and marketing research (Legal basis: Legitimate interests; Our legitimate interest: understanding our customers and markets so that we can improve our products and services) (Data used: Name, Email address, Job <del>title</del><ins>role</ins>)</li>',
        '<li class="changed">Data shared: Name, Email address, Phone number, Job <del>title</del><ins>role</ins></li>',
      ]);
    });
  });

  it('marks a link whose target changed, with its old and new targets', () => {
    const lines = compare((d) => (d.related[0].url = 'https://smartfocus.com/en/terms'));
    expect(marked(lines)).toEqual([
      '<p class="changed">Related documents: Terms of Use <span class="redline-note">The link “Terms of Use” now leads to <ins>https://smartfocus.com/en/terms</ins> instead of <del>https://smartfocus.com/en/terms-of-use</del>.</span></p>',
    ]);
  });

  it('marks a changed link in prose once per link, and not the links that stayed', () => {
    const lines = compare((d) => {
      d.introduction = (d.introduction as string).replace(
        '[Terms of Use](https://smartfocus.com/en/terms-of-use) explain',
        '[Terms of Use](https://example.com/terms) explain',
      );
    });
    const [line, ...rest] = marked(lines);
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^<p class="changed">Smartfocus\.com \(the &quot;Website&quot;\).*carefully\. SmartFocus UK Limited is the controller[^<]*<span class="redline-note">/,
    );
    expect(line!.match(/redline-note/g)).toHaveLength(1);
    expect(line).toContain(
      'The link “Terms of Use” now leads to <ins>https://example.com/terms</ins> instead of <del>https://smartfocus.com/en/terms-of-use</del>.',
    );
  });
});

describe('the redline of two Markdown pages', () => {
  const html = (before: string, after: string) => redlineHtml(redline(before, after), labels).split('\n');

  it('does not take one entity for another: a cookie replaced by another in its place is one deleted, one inserted', () => {
    const page = (row: string) =>
      `## <a id="cookies"></a>Cookies\n\n| Cookie | Purpose |\n| - | - |\n| <a id="cookie-a"></a>_ga | Keeps you signed in |\n${row}\n`;
    expect(
      html(page('| <a id="cookie-x"></a>trackx | Tracks visits |'), page('| <a id="cookie-fbp"></a>_fbp | Measures advertising |')),
    ).toEqual([
      '<h3>Cookies</h3>',
      '<ul class="redline-list">',
      '<li>Cookie · Purpose</li>',
      '<li>_ga · Keeps you signed in</li>',
      '<li class="removed"><del>trackx · Tracks visits</del></li>',
      '<li class="added"><ins>_fbp · Measures advertising</ins></li>',
      '</ul>',
    ]);
  });

  it('pairs a detail that keeps its label, and reads a hard break as no text', () => {
    const before =
      '## <a id="t"></a>Transfers\n\n- <a id="transfer-us"></a>**Recipient**: Us Inc.\n  - Safeguards: Safe Harbor\n  - Note: Old\n\nLine one\\\nLine two\n';
    const after =
      '## <a id="t"></a>Transfers\n\n- <a id="transfer-us"></a>**Recipient**: Us Inc.\n  - Safeguards: Data Privacy Framework\n  - Note: New words entirely\n\nLine one\\\nLine two\n';
    expect(html(before, after)).toEqual([
      '<h3>Transfers</h3>',
      '<ul class="redline-list">',
      '<li>Recipient: Us Inc.</li>',
      '<li class="changed">Safeguards: <del>Safe Harbor</del><ins>Data Privacy Framework</ins></li>',
      '<li class="changed">Note: <del>Old</del><ins>New words entirely</ins></li>',
      '</ul>',
      '<p>Line one</p>',
      '<p>Line two</p>',
    ]);
  });

  it('shows a block moved to the start as having come from elsewhere', () => {
    expect(html('- a\n- b\n- c\n', '- c\n- a\n- b\n')).toEqual([
      '<ul class="redline-list">',
      '<li class="moved">c <span class="redline-note">Moved here: it came after “b”.</span></li>',
      '<li>a</li>',
      '<li>b</li>',
      '</ul>',
    ]);
    expect(html('- a\n- b\n- c\n', '- b\n- c\n- a\n')).toEqual([
      '<ul class="redline-list">',
      '<li>b</li>',
      '<li>c</li>',
      '<li class="moved">a <span class="redline-note">Moved here: it came first.</span></li>',
      '</ul>',
    ]);
  });

  it('is not quadratic in a long list that mostly agrees', () => {
    // Entities told apart by their ids only (the same words keep the plain-text conversion, memoised, out of the timing).
    const list = (n: number, skip: number) =>
      Array.from({ length: n }, (_, i) => (i === skip ? '' : `- <a id="cookie-c${i}"></a>cookie\n  - Lifetime: 1 day\n`)).join('');
    const started = performance.now();
    const blocks = redline(list(10_000, 5), list(10_000, 7_500));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(blocks).toHaveLength(2 * 10_000);
    const marked = blocks.flatMap((b, i) => (b.status === 'same' ? [] : [[i, b.status]]));
    expect(marked).toEqual([
      [10, 'added'],
      [11, 'added'],
      [15_000, 'removed'],
      [15_001, 'removed'],
    ]);
  });
});
