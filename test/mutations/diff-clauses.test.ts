// How the diff words and decides a change of several fields at once, at the branches the diff fixtures leave
// open: the decisive rule when a material field follows an editorial one, an object that appears or goes
// without a rule of its own, and a change whose values are too long to quote.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPolicies, type Policy } from '../../src/index.js';
import { root } from '../support/fixtures.js';

const base = () => parse(readFileSync(path.join(root, 'test/diff-fixtures/fee-removed/previous.yaml'), 'utf8')) as Policy;
const changeOf = (edit: (document: Policy) => void, reverse = false) => {
  const before = base();
  const after = base();
  edit(after);
  const { changes } = reverse ? diffPolicies(after, before) : diffPolicies(before, after);
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

describe('a change of several fields', () => {
  it('takes its rule from the material field, even when an editorial one comes first', () => {
    const change = changeOf((document) => {
      const location = document.collection.categories.find((c) => c.id === 'location')!;
      Object.assign(location, { description: 'where your device is', sensitive: true });
    });
    expect(change.fields?.map((f) => f.field)).toEqual(['description', 'sensitive']);
    expect([change.rule, change.material]).toEqual(['sensitive-data', true]);
  });

  const certification = { statement: 'Example Inc. is certified.', url: 'https://example.com/certified' };
  const withCertification = (document: Policy) => {
    document.transfers!.items[0]!.certification = { ...certification };
  };

  it('states an object that appears, as one clause', () => {
    expect(changeOf(withCertification).summary).toBe(
      'States the certification (the transfer to Example Inc. in United States (Standard contractual clauses)).',
    );
  });

  it('no longer states an object that goes, as one clause', () => {
    expect(changeOf(withCertification, true).summary).toBe(
      'No longer states the certification (the transfer to Example Inc. in United States (Standard contractual clauses)).',
    );
  });
});

describe('a changed detail', () => {
  const renameCookie = (from: string, to: string) => {
    const before = base();
    const after = base();
    before.cookies!.items![1]!.name = from;
    after.cookies!.items![1]!.name = to;
    return diffPolicies(before, after).changes[0]!;
  };
  const long = 'x'.repeat(61);

  it('quotes both values when both are short', () => {
    expect(renameCookie('lang', 'locale').summary).toBe(
      'Changes the name from lang to locale (the cookie `locale` (first party, functional, 1 year)).',
    );
  });

  it('quotes neither when one of them is too long to quote', () => {
    for (const [from, to] of [
      [long, 'locale'],
      ['lang', long],
    ]) {
      expect(renameCookie(from!, to!).summary).toMatch(/^Changes the name \(the cookie `/);
    }
  });
});

describe('how an entity is named in a summary', () => {
  it('a related document by its title', () => {
    const change = changeOf((document) => {
      document.related = [{ id: 'terms', title: 'Terms of *Use*', url: 'https://example.com/terms' }];
    });
    expect(change.summary).toBe('Adds the related document “Terms of Use”.');
  });

  it('a right by its own title, else by its type', () => {
    expect(changeOf((document) => void (document.rights!.items[1]!.title = 'Deleting your data')).summary).toBe(
      'States the title (Deleting your data) (the right “Deleting your data”).',
    );
    expect(changeOf((document) => void (document.rights!.items[1]!.description = 'Ask us to delete it.')).summary).toBe(
      'Rewords the description (the right to erasure).',
    );
  });
});
