// Change summaries told in another language: every materiality rule has a
// sentence in every locale file, and the sentences name the entities in the
// translation of the version concerned.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPolicies } from '../src/diff/diff.js';
import type { ChangeSet } from '../src/diff/types.js';
import type { Policy } from '../src/model/policy.generated.js';
import { localizeChanges } from '../src/render/localize-changes.js';
import { messagesFor, plural, type Messages } from '../src/model/messages.js';
import { changeRuleIds } from '../src/diff/change-rules.js';
import { root } from './support/fixtures.js';

const localesDir = path.join(root, 'templates/locales');
const locales = readdirSync(localesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const files = new Map(
  locales.map((locale) => [locale, JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as Messages] as const),
);
// A regional file (`en-US.json`) holds only what it rewords: its messages are those laid over its language's, as pages get them.
const messagesOf = (locale: string) => messagesFor(locale, files);
const group = (messages: Messages, key: string) => (messages.diff?.[key] ?? {}) as Record<string, unknown>;

/** The entity kinds of the diff, read off the `EntityKind` union in src/diff/types.ts. */
function entityKinds(): string[] {
  const source = readFileSync(path.join(root, 'src/model/sections.ts'), 'utf8');
  const union = /export type EntityKind =([^;]+);/.exec(source)![1]!;
  return [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
}

const fixturesDir = path.join(root, 'test/diff-fixtures');
const fixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const load = (file: string) => parse(readFileSync(file, 'utf8')) as Policy;
const fixture = (name: string) => ({
  before: load(path.join(fixturesDir, name, 'previous.yaml')),
  after: load(path.join(fixturesDir, name, 'input.yaml')),
});

describe('locale files', () => {
  it('are found (en and fr ship)', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'fr']));
  });

  const rules = [...changeRuleIds].sort();
  it.each(locales)('%s has a sentence for every rule the diff can produce', (locale) => {
    const sentences = group(messagesOf(locale), 'rules');
    expect(rules.filter((rule) => typeof sentences[rule] !== 'string' || !sentences[rule])).toEqual([]);
  });

  it.each(locales)('%s has a noun for every kind of entity, and plurals and variants for the same as English', (locale) => {
    const messages = messagesOf(locale);
    const english = messagesOf('en');
    expect(entityKinds().filter((kind) => typeof group(messages, 'entity')[kind] !== 'string')).toEqual([]);
    expect(Object.keys(group(messages, 'entities')).sort()).toEqual(Object.keys(group(english, 'entities')).sort());
    expect(Object.keys(group(messages, 'rules')).sort()).toEqual(Object.keys(group(english, 'rules')).sort());
  });

  it.each(locales)('%s has no sentence for a rule the diff does not know', (locale) => {
    const keys = Object.keys(group(messagesOf(locale), 'rules')).map((key) => key.replace(/\.(added|removed|changed)$/, ''));
    expect(keys.filter((key) => !rules.includes(key))).toEqual([]);
  });

  it.each(locales)('%s counts changes in its plural forms', (locale) => {
    const messages = messagesOf(locale);
    for (const key of ['changeCount', 'materialCount']) {
      for (const n of [0, 1, 2, 48]) expect(plural(messages.changelog?.[key], n, locale), `${key} ${n}`).not.toBe('');
    }
  });
});

describe('localizeChanges', () => {
  const fr = messagesOf('fr');

  it.each(fixtures)('tells the %s fixture in every locale, every placeholder filled', (name) => {
    const { before, after } = fixture(name);
    const set = diffPolicies(before, after);
    for (const locale of locales) {
      const told = localizeChanges(set, { locale, messages: messagesOf(locale), from: { source: before }, to: { source: after } });
      expect(told.changes.map((c) => c.rule)).toEqual(set.changes.map((c) => c.rule));
      for (const change of told.changes) {
        expect(change.summary, `${locale} ${change.rule}`).not.toMatch(/\{\w+\}/);
        expect(change.summary, `${locale} ${change.rule}`).toMatch(/^\p{Lu}/u);
        expect(change.fields, 'no detail in the source language').toBeUndefined();
      }
      if (locale === 'fr') expect(told.changes.map((c) => c.summary)).not.toEqual(set.changes.map((c) => c.summary));
    }
  });

  it('names an added entity from the new version’s translation, else from its source', () => {
    const { before, after } = fixture('new-purpose');
    const set = diffPolicies(before, after);
    const added = set.changes.find((c) => c.rule === 'new-purpose')!;
    const translated = structuredClone(after);
    translated.purposes!.items.find((p) => p.id === added.id)!.description = 'mesurer l’audience du site';
    const withTranslation = localizeChanges(set, {
      locale: 'fr',
      messages: fr,
      from: { source: before },
      to: { source: after, translated },
    });
    expect(withTranslation.changes.find((c) => c.id === added.id)!.summary).toBe(
      'Ajoute la finalité «\u00a0mesurer l’audience du site\u00a0».',
    );
    const without = localizeChanges(set, { locale: 'fr', messages: fr, from: { source: before }, to: { source: after } });
    const source = after.purposes!.items.find((p) => p.id === added.id)!.description;
    expect(without.changes.find((c) => c.id === added.id)!.summary).toBe(`Ajoute la finalité «\u00a0${source}\u00a0».`);
  });

  it('names a cookie by its name as it is, not read as Markdown', () => {
    const { before, after } = fixture('cookie-names-widened');
    const renamed = structuredClone(after);
    const changed = diffPolicies(before, renamed).changes[0]!;
    renamed.cookies!.items!.find((c) => c.id === changed.id)!.name = '_ga_*_x_';
    const told = localizeChanges(diffPolicies(before, renamed), {
      locale: 'fr',
      messages: fr,
      from: { source: before },
      to: { source: renamed },
    });
    expect(told.changes.find((c) => c.id === changed.id)!.summary).toContain(String.raw`\_ga\_\*\_x\_`);
  });

  it('names a removed entity from the old version', () => {
    const { before, after } = fixture('content-removed');
    const set = diffPolicies(before, after);
    const removed = set.changes.find((c) => c.type === 'removed')!;
    const oldOnly = structuredClone(before);
    const told = localizeChanges(set, { locale: 'fr', messages: fr, from: { source: before, translated: oldOnly }, to: { source: after } });
    expect(told.changes.find((c) => c.id === removed.id)!.summary).toMatch(/^Supprime /);
  });

  it('uses a sentence for the type of change when the locale has one', () => {
    const { before, after } = fixture('contact-detail-added');
    const set = diffPolicies(before, after);
    const told = localizeChanges(set, { locale: 'fr', messages: fr, from: { source: before }, to: { source: after } });
    expect(told.changes.find((c) => c.rule === 'contact-detail' && c.type === 'added')!.summary).toMatch(/^Ajoute le contact «\u00a0/);
  });

  it('keeps word-level detail only between two translations', () => {
    const { before, after } = fixture('wording');
    const set = diffPolicies(before, after);
    const reworded = set.changes.find((c) => c.rule === 'wording')!;
    const field = reworded.fields!.find((f) => f.words)!.field;
    expect(
      localizeChanges(set, { locale: 'fr', messages: fr, from: { source: before }, to: { source: after, translated: after } }).changes.find(
        (c) => c.id === reworded.id,
      )!.fields,
    ).toBeUndefined();
    const both = localizeChanges(set, {
      locale: 'fr',
      messages: fr,
      from: { source: before, translated: before },
      to: { source: after, translated: after },
    });
    const detail = both.changes.find((c) => c.id === reworded.id)!.fields!;
    expect(detail.map((f) => f.field)).toEqual([field]);
    expect(detail[0]!.words!.some((w) => w.added || w.removed)).toBe(true);
  });

  it('keeps the source summary of a rule the locale file lacks', () => {
    const { before, after } = fixture('new-purpose');
    const set: ChangeSet = diffPolicies(before, after);
    const partial = { ...fr, diff: { ...fr.diff, rules: {} } } as Messages;
    expect(
      localizeChanges(set, { locale: 'fr', messages: partial, from: { source: before }, to: { source: after } }).changes.map(
        (c) => c.summary,
      ),
    ).toEqual(set.changes.map((c) => c.summary));
  });
});

describe('plural', () => {
  const counts = { '=0': 'aucune', one: '{count} seule', other: '{count} plusieurs' };
  it('picks an exact form, then the locale’s category, then other', () => {
    expect(plural(counts, 0, 'fr')).toBe('aucune');
    expect(plural(counts, 1, 'fr')).toBe('1 seule');
    expect(plural(counts, 2, 'fr')).toBe('2 plusieurs');
    expect(plural({ other: '{count} x' }, 1, 'en')).toBe('1 x');
    expect(plural('{count} always', 3, 'en')).toBe('3 always');
  });
});
