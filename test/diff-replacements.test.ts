// Renames and merges the document declares (`replaces`), layout that is never a detail, and how the formats count changes to review.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPolicies } from '../src/diff/diff.js';
import { formatChanges } from '../src/render/change-formats.js';
import type { Policy } from '../src/model/policy.generated.js';
import { root } from './support/fixtures.js';

// Edited freely below, as YAML would be: the diff takes it as a policy.
type Document = Record<string, any>;
const base = (): Document => parse(readFileSync(path.join(root, 'test/diff-fixtures/content-added/previous.yaml'), 'utf8')) as Document;
const diff = (before: Document, after: Document) => diffPolicies(before as Policy, after as Policy);

describe('replaces', () => {
  it('merges an entity into one that stays: one change, no removal', () => {
    const before = base();
    const after = base();
    after.purposes.items[0].categories = ['email', 'ip-address'];
    after.purposes.items[0].replaces = ['security'];
    after.purposes.items.splice(1, 1);
    const set = diff(before, after);
    expect(set.changes.map((c) => [c.type, c.id, c.rule])).toEqual([['changed', 'service', 'legal-basis-changed']]);
    expect(set.changes[0]!.summary).toMatch(/^Merges the purpose “keep the Website secure” .* into the purpose “provide the service”/);
  });

  it('ignores an id the later version still has, or the earlier one never had', () => {
    const before = base();
    const after = base();
    after.purposes.items[0].replaces = ['security', 'never-there'];
    expect(diff(before, after).changes).toEqual([]);
  });

  it('is a bookkeeping field: stating it alone is no change', () => {
    const before = base();
    const after = base();
    after.collection.categories[0].replaces = ['old-email'];
    expect(diff(before, after).changes).toEqual([]);
  });
});

describe('layout', () => {
  it('a new order of sections is one reordering, and no summary names a layout field', () => {
    const before = base();
    before.sections = [{ id: 'extra', title: 'More', body: 'More about us.', after: 'sharing' }];
    const after = structuredClone(before);
    after.order = ['contacts', 'collection'];
    after.sections[0].after = 'contacts';
    const set = diff(before, after);
    expect(set.changes.map((c) => [c.rule, c.class])).toEqual([['reordering', 'editorial']]);
    for (const format of ['text', 'md', 'html'] as const) expect(formatChanges(set, format)).not.toMatch(/\b(after|order)\b/);
  });
});

describe('a review note', () => {
  it('is for the author, never published: adding, rewording or deleting one is no change', () => {
    const before = base();
    const after = base();
    after.cookies.items[0].review = 'added by policyc scan from the Open Cookie Database: check the purpose';
    expect(diff(before, after).changes).toEqual([]);
    const reworded = structuredClone(after);
    reworded.cookies.items[0].review = 'check the duration';
    expect(diff(after, reworded).changes).toEqual([]);
    expect(diff(after, before).changes).toEqual([]);
  });
});

describe('changes to review in the formats', () => {
  it('are counted and listed apart, between material and editorial ones', () => {
    const before = base();
    const after = base();
    after.collection.categories[0].retention.criteria = 'while you keep your account';
    after.cookies.items[1].purpose = 'Remembers the language you chose';
    after.sharing.recipients.push({ id: 'ads', name: 'Advertisers', type: 'third-party', condition: 'consent' });
    const set = diff(before, after);
    expect(set.changes.map((c) => c.class).sort()).toEqual(['editorial', 'material', 'review']);
    const text = formatChanges(set, 'text');
    expect(text).toContain('3 changes, 1 material, 1 to review');
    expect(text.split('\n').map((l) => l.trim().split(' ')[0])).toEqual(expect.arrayContaining(['material', 'review', 'editorial']));
    const md = formatChanges(set, 'md');
    expect(md.indexOf('### Material changes')).toBeLessThan(md.indexOf('### Changes to review'));
    expect(md.indexOf('### Changes to review')).toBeLessThan(md.indexOf('Editorial changes (1)'));
    expect(JSON.parse(formatChanges(set, 'json')).changes.map((c: { class: string }) => c.class)).toEqual(set.changes.map((c) => c.class));
  });
});
