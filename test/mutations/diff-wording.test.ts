// How change summaries name things, each helper at its branches: the words of changes.json, the changelog and
// the pull-request comment.
import { describe, expect, it } from 'vitest';
import {
  brief,
  capitalise,
  describeContact,
  describeCookie,
  describeTransfer,
  humanField,
  listOf,
  lower,
  money,
  plural,
  show,
  text,
} from '../../src/diff/wording.js';

const context = { categoryLabel: (id: string) => `Label of ${id}` };

describe('naming entities', () => {
  it('a cookie by its name, provider or party, category and duration or lifetime', () => {
    expect(describeCookie({ id: 'a', name: '_ga', provider: 'Google *Analytics*', category: 'analytics', duration: '2 years' })).toBe(
      'the cookie `_ga` (Google Analytics, analytics, 2 years)',
    );
    expect(describeCookie({ id: 'a', name: 'sid', party: 'first', category: 'strictly-necessary', lifetime: 'session' })).toBe(
      'the cookie `sid` (first party, strictly necessary, session)',
    );
    expect(describeCookie({ id: 'a', name: 'x', party: 'third', lifetime: 'persistent' })).toBe('the cookie `x`');
  });

  it('a transfer by recipient, destination and every mechanism', () => {
    const transfer = { id: 't', recipient: 'Example *Inc.*', destination: 'United States' };
    expect(describeTransfer({ ...transfer, mechanisms: ['adequacy'] })).toBe(
      'the transfer to Example Inc. in United States (Adequacy decision)',
    );
    expect(describeTransfer({ ...transfer, mechanisms: ['adequacy', 'binding-corporate-rules', 'derogation'] })).toMatch(
      /^the transfer to Example Inc\. in United States \(Adequacy decision, Binding corporate rules and [^,]+\)$/,
    );
    expect(describeTransfer({ ...transfer, mechanisms: [] })).toBe('the transfer to Example Inc. in United States (none)');
  });

  it('a contact by role and its first channel: e-mail, else URL, phone, address', () => {
    const contact = { id: 'c', role: 'dpo' };
    expect(describeContact({ ...contact, email: 'a@b.c', url: 'https://b.c', phone: '1', address: 'A' })).toBe(
      'the data protection officer contact (a@b.c)',
    );
    expect(describeContact({ ...contact, url: 'https://b.c', phone: '1', address: 'A' })).toBe(
      'the data protection officer contact (https://b.c)',
    );
    expect(describeContact({ ...contact, phone: '1', address: 'A' })).toBe('the data protection officer contact (1)');
    expect(describeContact({ ...contact, address: 'A' })).toBe('the data protection officer contact (A)');
    expect(describeContact(contact)).toBe('the data protection officer contact');
  });
});

describe('showing values', () => {
  it('enum values by their labels, lists joined, text without Markdown, anything else as JSON', () => {
    expect(show('purpose', 'legalBases', ['legitimate-interests'])).toBe('legitimate interests');
    expect(show('purpose', 'legalBases', ['consent', 'contract'])).toBe('consent, performance of a contract');
    expect(show('marketing', 'consent', 'opt-in')).toBe('opt-in');
    expect(show('cookie-policy', 'consent.model', 'implied')).toBe('implied consent');
    expect(show('recipient', 'type', 'group-company')).toBe('group company');
    expect(show('category', 'sources', [{ type: 'data-subject' }])).toBe('you');
    expect(show('category', 'sources', [{ type: 'third-party', name: '*data* brokers' }])).toBe('third parties: data brokers');
    expect(show('recipient', 'conditions', [{ basis: 'consent' }, { basis: 'contract', text: 'to *deliver* orders' }])).toBe(
      'consent, to deliver orders',
    );
    expect(show('right', 'types', ['access'])).toBe('right of access');
    expect(show('transfer', 'mechanisms', ['adequacy', 'binding-corporate-rules'])).toBe('Adequacy decision, Binding corporate rules');
    expect(show('recipient', 'examples', ['a', 'b'])).toBe('a, b');
    expect(show('purpose', 'description', 'manage *the* Website')).toBe('manage the Website');
    // Only marketing's own `consent` is a marketing consent; its other fields are text.
    expect(show('marketing', 'optOut.instructions', 'Follow *the* link')).toBe('Follow the link');
    expect(show('right', 'fee', { amount: 1 })).toBe('{"amount":1}');
    expect(show('right', 'fee.amount', 10)).toBe('10');
  });

  it('brief: a short value in brackets, nothing for long or structured values', () => {
    expect(brief('purpose', 'legalBases', ['consent'], context)).toBe(' (consent)');
    expect(brief('purpose', 'categories', ['a', 'b'], context)).toBe(' (Label of a, Label of b)');
    expect(brief('context', 'categories', 'a', context)).toBe(' (a)');
    expect(brief('recipient', 'examples', ['a', 'b'], context)).toBe(' (a, b)');
    expect(brief('cookie', 'name', 'x'.repeat(60), context)).toBe(` (${'x'.repeat(60)})`);
    expect(brief('cookie', 'name', 'x'.repeat(61), context)).toBe('');
    expect(brief('right', 'fee', { amount: 1 }, context)).toBe('');
    expect(brief('category', 'sensitive', true, context)).toBe('');
    expect(brief('category', 'label', undefined, context)).toBe('');
  });

  it('listOf: one label, labels joined with “and”, or none', () => {
    expect(listOf('notification', ['email'])).toBe('By e-mail');
    expect(listOf('notification', ['email', 'website', 'in-product'])).toBe('By e-mail, On this website and In our products');
    expect(listOf('notification', [])).toBe('none');
    expect(listOf('notification', 'email')).toBe('none');
  });

  it('money: currency and amount of an entity’s fee', () => {
    expect(money({ id: 'r', fee: { amount: 10, currency: 'GBP' } })).toBe('GBP 10');
    expect(money({ id: 'r' })).toBe('');
    expect(money(undefined)).toBe('');
  });
});

describe('words', () => {
  it('field names as words', () => {
    expect(humanField('legitimateInterest')).toBe('legitimate interest');
    expect(humanField('consent.model')).toBe('consent model');
    expect(humanField('fee.amount')).toBe('fee amount');
  });

  it('text, lower, capitalise, plural', () => {
    expect(text('a *b* [c](https://c.example)')).toBe('a b c');
    expect(text('# Not a heading')).toBe('# Not a heading');
    expect(text(3)).toBe('3');
    expect(text(undefined)).toBe('');
    expect(lower('Consent Given')).toBe('consent Given');
    expect(capitalise('consent given')).toBe('Consent given');
    expect(plural('category')).toBe('data categories');
    expect(plural('context')).toBe('collection contexts');
    expect(plural('related')).toBe('related documents');
    expect(plural('cookie')).toBe('cookies');
    expect(plural('recipient')).toBe('recipients');
  });
});
