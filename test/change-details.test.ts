// How changed fields are shown: in a pull-request comment (words removed and added, escaped, long edits folded)
// and on reader pages (the three groups, each field in the reader's words, values readable).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../src/diff/types.js';
import { wordDiff } from '../src/diff/words.js';
import { readTemplates } from '../src/load/read-templates.js';
import { formatChanges } from '../src/render/change-formats.js';
import { changeGroups, changeHeadings, changesToHtml } from '../src/render/change-lists.js';
import { fieldMarkdown, isLayoutField, wordSnippets } from '../src/render/field-markdown.js';
import { createRenderer, type Renderer } from '../src/render/templates.js';
import { root } from './support/fixtures.js';

const hostile = 'a `tick` <img src=x onerror=alert(1)> | pipe [link](javascript:alert(1)) &amp; $x$ ![i](y) <!-- c -->';

function change(extra: Partial<Change>): Change {
  return {
    type: 'changed',
    entity: 'purpose',
    id: 'p',
    material: false,
    class: 'editorial',
    rule: 'wording',
    summary: 'Rewords it.',
    ...extra,
  };
}

function set(changes: Change[]): ChangeSet {
  return { from: '1.0.0', to: '1.1.0', material: changes.some((c) => c.material), bump: 'minor', changes };
}

describe('changed words in a pull-request comment', () => {
  it('shows the words removed and added with a few words of context', () => {
    const before = 'We disclose data when we receive a court order from a public authority.';
    const after = 'We disclose data when we receive a warrant, criminal subpoena, or court order from a public authority.';
    expect(wordSnippets(wordDiff(before, after))).toEqual(['… when we receive a **warrant, criminal subpoena, or** court order from a …']);
    expect(wordSnippets(wordDiff('a court order', 'a judge’s warrant'))).toEqual(['a ~~court order~~ → **judge’s warrant**']);
  });

  it('gives each distant edit its own snippet, and folds a field of many edits in <details>', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const edited = words.map((w, i) => (i % 12 === 5 ? `${w}x` : w));
    const lines = fieldMarkdown({
      field: 'description',
      before: words.join(' '),
      after: edited.join(' '),
      words: wordDiff(words.join(' '), edited.join(' ')),
    });
    expect(lines[0]).toBe('  - <details><summary><code>description</code>: 5 edits</summary>');
    expect(lines.filter((l) => l.startsWith('    - '))).toHaveLength(5);
    expect(lines.at(-1)).toBe('    </details>');
    const few = edited.map((w, i) => (i < 20 ? w : words[i]));
    const short = fieldMarkdown({
      field: 'description',
      before: words.join(' '),
      after: few.join(' '),
      words: wordDiff(words.join(' '), few.join(' ')),
    });
    expect(short[0]).toBe('  - `description`:');
    expect(short.join('\n')).not.toContain('<details>');
  });

  it('never shows layout fields, and shows objects in lists by their parts', () => {
    const md = formatChanges(
      set([
        change({
          fields: [
            { field: 'after', before: 'sharing', after: 'contacts' },
            { field: 'order', before: ['a'], after: ['b'] },
            {
              field: 'sources',
              before: [{ type: 'data-subject' }],
              after: [{ type: 'data-subject' }, { type: 'third-party', name: 'data brokers' }],
            },
          ],
        }),
      ]),
      'md',
    );
    expect(md).not.toMatch(/`after`|`order`|\[object Object\]/);
    expect(md).toContain('**data-subject, third-party (data brokers)**');
  });

  it('escapes the document’s text: no HTML, link, image, code or table cell comes from it', () => {
    const md = formatChanges(
      set([
        change({
          fields: [
            {
              field: 'description',
              before: 'provide the service',
              after: `provide the service ${hostile}`,
              words: wordDiff('provide the service', `provide the service ${hostile}`),
            },
            { field: 'purpose', before: 'x', after: hostile },
            { field: 'elements', before: ['x'], after: [hostile] },
          ],
        }),
      ]),
      'md',
    );
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const html: string[] = [];
    const code: string[] = [];
    const kinds = new Set<string>();
    visit(tree, (node) => {
      kinds.add(node.type);
      if (node.type === 'html') html.push((node as { value: string }).value);
      if (node.type === 'inlineCode') code.push((node as { value: string }).value);
    });
    // Only the comment's own markup: <details>, <summary>, <sub> and <code> around keys and rule ids.
    expect(html.filter((h) => !/^(<\/?(details|summary|sub|code)>|[^<>]+|\s)+$/.test(h))).toEqual([]);
    expect(code.sort()).toEqual(['description', 'elements', 'purpose', 'wording']);
    for (const kind of ['link', 'image', 'table', 'inlineMath', 'math']) expect(kinds.has(kind), kind).toBe(false);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
  });
});

describe('change lists on reader pages', () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = createRenderer(await readTemplates([]));
  });

  const changes = set([
    change({
      class: 'review',
      rule: 'threshold-reworded',
      entity: 'section',
      id: 'governmentRequests',
      fields: [{ field: 'threshold', before: 'a court order', after: 'a warrant', words: wordDiff('a court order', 'a warrant') }],
    }),
    change({
      material: true,
      class: 'material',
      rule: 'new-source',
      entity: 'category',
      id: 'email',
      fields: [
        {
          field: 'sources',
          before: [{ type: 'data-subject' }],
          after: [{ type: 'data-subject' }, { type: 'third-party', name: 'data brokers' }],
        },
        { field: 'retention.criteria', after: 'as long as your account is open', group: 'retention' },
        { field: 'after', before: 'sharing', after: 'contacts' },
      ],
    }),
    change({
      entity: 'purpose',
      id: 'ads',
      rule: 'detail-stated',
      fields: [
        { field: 'categories', after: ['email', 'ip-address'] },
        { field: 'legalBases', before: ['consent'], after: ['legitimate-interests'] },
      ],
    }),
  ]);

  it('groups material changes, changes to review and editorial ones, in the reader’s language', () => {
    for (const [lang, headings] of [
      ['en', ['Material changes', 'Changes to review', 'Editorial changes']],
      ['fr', ['Modifications substantielles', 'Modifications à examiner', 'Modifications rédactionnelles']],
    ] as const) {
      const html = changesToHtml(changeGroups(changes), 3, changeHeadings(renderer.messages(lang)));
      expect([...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(headings);
      expect(html.indexOf('class="changes review"')).toBeLessThan(html.indexOf('class="changes editorial"'));
    }
  });

  it('names each field in the reader’s words and shows values readably, never a key, an id or [object Object]', () => {
    const groups = { ...changeGroups(changes), categoryLabels: { email: 'Email address', 'ip-address': 'IP address' } };
    const html = changesToHtml(groups, 3, changeHeadings(renderer.messages('en')));
    expect(html).not.toMatch(/<code>|\[object Object\]|retention\.criteria|legitimate-interests|ip-address<|sharing|contacts/);
    expect(html).toContain('<li>How long it is kept: <ins>as long as your account is open</ins></li>');
    expect(html).toContain('<li>Sources: <del>You</del> → <ins>You, Third parties: data brokers</ins></li>');
    expect(html).toContain('<li>Data used: <ins>Email address, IP address</ins></li>');
    expect(html).toContain('<li>Legal basis: <del>Consent</del> → <ins>Legitimate interests</ins></li>');
    expect(html).toContain('<li>What a request must meet: a <del>court order</del><ins>warrant</ins></li>');
    const fr = changesToHtml(groups, 3, changeHeadings(renderer.messages('fr')));
    expect(fr).toContain('<li>Durée de conservation\u00a0: <ins>');
    expect(fr).toContain('<li>Base légale\u00a0: <del>Consentement</del> → <ins>Intérêt légitime</ins></li>');
  });

  it('keeps keys for reviewers in `policyc diff --format html`, with the changes to review on their own', () => {
    const page = formatChanges(changes, 'html');
    expect(page).toContain('<h2>Changes to review</h2>');
    expect(page).toContain('<code>retention.criteria</code>');
    expect(page).not.toMatch(/\[object Object\]|<code>after<\/code>/);
  });

  it('has a name in English and French for every field the diff fixtures change', () => {
    const dir = path.join(root, 'test/diff-fixtures');
    const fields = new Set<string>();
    for (const name of readdirSync(dir)) {
      const found = JSON.parse(readFileSync(path.join(dir, name, 'changes.json'), 'utf8')) as ChangeSet;
      for (const c of found.changes) for (const f of c.fields ?? []) if (!isLayoutField(f.field)) fields.add(`${c.entity}:${f.field}`);
    }
    expect(fields.size).toBeGreaterThan(40);
    for (const lang of ['en', 'fr']) {
      const names = renderer.messages(lang).changelog?.fields as Record<string, string>;
      const unnamed = [...fields].filter((key) => {
        const field = key.slice(key.indexOf(':') + 1);
        return !(names[key] ?? names[field] ?? names[field.slice(field.lastIndexOf('.') + 1)]);
      });
      expect(unnamed, lang).toEqual([]);
    }
  });
});
