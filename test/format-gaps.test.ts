// Facts real policies state that the format gained a place for (issue 13's example projects), and labels that
// say no more than the document: a security contact and one for parents, features on by default, the parental
// consent heading, a controller's reach in its own words, marketing consent per audience, the US facts
// (inferences from sensitive information, the Oregon and Minnesota rights, deadlines by state) and "Company" on
// a US-only page. Each is checked on the HTML and the Markdown page, in English and in French.
import { describe, expect, it } from 'vitest';
import { compileSite, createRenderer, readTemplates } from '../src/index.js';
import { diffPolicies } from '../src/diff/diff.js';
import type { Policy } from '../src/model/policy.generated.js';
import { resolve } from '../src/resolve/resolve.js';
import { hygieneRules } from '../src/rules/packs/hygiene.js';
import { htmlText, markdownText } from './support/page-text.js';

const renderer = createRenderer(await readTemplates([]));

function document(edits: Partial<Policy> = {}): Policy {
  return {
    id: 'input',
    title: 'Privacy Policy',
    version: '1.0.0',
    effective: '2026-01-01',
    locale: 'en',
    controller: { name: 'Example Ltd' },
    collection: { categories: [{ id: 'email', label: 'Email address' }] },
    purposes: { items: [{ id: 'service', description: 'provide the service', categories: ['email'], legalBases: ['contract'] }] },
    contacts: {
      items: [
        { id: 'privacy', role: 'general', description: 'Questions about this policy', email: 'privacy@example.com' },
        { id: 'security', role: 'security', description: 'Reporting a vulnerability', email: 'security@example.com' },
        { id: 'parents', role: 'children', description: 'Questions from parents', url: 'https://example.com/parents' },
      ],
    },
    ...edits,
  } as Policy;
}

/**
 * The text of the HTML and the Markdown page of a document, the same on both: a fact's label and value are a
 * `<dt>` and a `<dd>` on one and "label: value" on the other, so the colon goes; no-break spaces read as spaces.
 */
const flat = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/ ?: /g, ' ')
    .replace(/ ?; /g, '; ');

function pages(policy: Policy): { html: string; md: string; rawHtml: string } {
  const site = compileSite([{ id: 'input', working: resolve(policy, 'input.yaml'), releases: [] }], renderer, {
    date: '2026-01-01',
    drafts: false,
  });
  const rawHtml = String(site.files.get('input/index.html'));
  return { html: flat(htmlText(rawHtml)), md: flat(markdownText(String(site.files.get('input/index.md')))), rawHtml };
}

const both = (policy: Policy) => {
  const { html, md } = pages(policy);
  return [html, md];
};

describe('a security contact and a contact for parents', () => {
  const policy = document({
    security: { description: 'We encrypt your data.', contact: 'security' },
    children: { description: 'Not directed to children.', minimumAge: 13, contact: 'parents' },
  });

  it.each(both(policy))('are linked from their sections', (text) => {
    expect(text).toContain('To report a security issue security@example.com');
    expect(text).toContain('Contact for parents https://example.com/parents');
    expect(text).toContain('mailto:security@example.com');
  });

  it('count as references for the hygiene rule', () => {
    const rule = hygieneRules.find((r) => r.id === 'hygiene-contact-unreferenced')!;
    const findings = (p: Policy) => rule.check({ policy: resolve(p, 'x.yaml').policy } as Parameters<typeof rule.check>[0]);
    expect(findings(policy)).toEqual([]);
    expect(findings(document()).map((f) => f.path)).toEqual([
      ['contacts', 'items', 1],
      ['contacts', 'items', 2],
    ]);
  });

  it('the role of the contact for parents has a label of its own', () => {
    expect(pages(policy).html).toContain('Children’s privacy');
    expect(pages({ ...policy, locale: 'fr' }).html).toContain('Protection des données des enfants');
  });
});

describe('features', () => {
  const features = (defaults: string[]) => ({
    items: defaults.map((d, i) => ({ id: `f${i}`, name: `Feature ${d}`, description: `a feature ${d}`, default: d })),
  });
  const withRecipient = (defaults: string[]) =>
    document({
      features: features(defaults) as NonNullable<Policy['features']>,
      purposes: {
        items: [{ id: 'service', description: 'provide the service', categories: ['email'], legalBases: ['contract'], features: ['f0'] }],
      },
      sharing: {
        recipients: [{ id: 'crashes', name: 'Crash reporter', features: defaults.map((_, i) => `f${i}`) }],
      } as NonNullable<Policy['sharing']>,
    });

  it.each(both(withRecipient(['on'])))('on by default: named neutrally, never "only when you use"', (text) => {
    expect(text).not.toContain('Only when');
    expect(text).toContain('Feature Feature on');
  });

  it.each([
    [['user-initiated'], 'Only when you use Feature user-initiated'],
    [['opt-in'], 'Only when you turn on Feature opt-in'],
    [['off', 'opt-in'], 'Only when you turn on Feature off and Feature opt-in'],
    [['user-initiated', 'on'], 'Features Feature user-initiated and Feature on'],
  ])('a recipient whose features are %j', (defaults, expected) => {
    for (const text of both(withRecipient(defaults))) expect(text).toContain(expected);
  });

  it('in French', () => {
    const { html } = pages({ ...withRecipient(['user-initiated']), locale: 'fr' });
    expect(html).toContain('Uniquement si vous utilisez Feature user-initiated');
    expect(html).toContain('Fonctionnalité Feature user-initiated');
  });
});

describe('the parental consent heading', () => {
  const policy = document({
    children: { description: 'Teenagers.', parentalConsent: { age: 16, description: 'A parent confirms by e-mail.' } },
  });

  it.each(both(policy))('reads as a sentence', (text) => {
    expect(text).toContain('Parental consent for children under 16');
    expect(text).not.toContain('(<');
  });

  it('in French', () => {
    expect(pages({ ...policy, locale: 'fr' }).html).toContain('Consentement parental pour les enfants de moins de 16 ans');
  });
});

describe('a controller', () => {
  it.each(
    both(
      document({
        jurisdictions: ['eu', 'uk'],
        controller: { name: 'Example B.V.', regions: ['eu'], appliesTo: 'everyone outside the United Kingdom' },
      }),
    ),
  )('says where it applies in its own words, instead of its regions', (text) => {
    expect(text).toContain('Controller for everyone outside the United Kingdom');
    expect(text).not.toContain('European Union');
  });

  it.each([
    [['us', 'us-ca'], 'Company Example Ltd', 'Entreprise Example Ltd'],
    [['eu', 'us-ca'], 'Data controller Example Ltd', 'Responsable du traitement Example Ltd'],
    [undefined, 'Data controller Example Ltd', 'Responsable du traitement Example Ltd'],
  ] as const)('written for %j, is named "%s"', (jurisdictions, english, french) => {
    const policy = document(jurisdictions ? { jurisdictions: [...jurisdictions] } : {});
    for (const text of both(policy)) expect(text).toContain(english);
    expect(pages({ ...policy, locale: 'fr' }).html).toContain(french);
  });

  it('on a US-only page, its regions are where it is responsible', () => {
    const { html } = pages(document({ jurisdictions: ['us-ca'], controller: { name: 'Example Inc.', regions: ['us-ca'] } }));
    expect(html).toContain('Responsible for California');
    expect(html).not.toContain('ontroller');
  });
});

describe('marketing consent per audience', () => {
  const optOut = { instructions: 'follow the unsubscribe link' };
  const perAudience = document({
    marketing: {
      consents: [
        { model: 'opt-in', audience: 'people who asked for our newsletter' },
        { model: 'opt-out', audience: 'contacts at our existing customers' },
      ],
      optOut,
    },
  });

  it.each(both(perAudience))('prints each model with its audience', (text) => {
    expect(text).toContain('Consent Opt-in for people who asked for our newsletter; Opt-out for contacts at our existing customers');
  });

  it('in French, with the locale’s separators', () => {
    const { html, rawHtml } = pages({ ...perAudience, locale: 'fr' });
    expect(html).toContain(
      'Opt-in (accord préalable) pour people who asked for our newsletter; Opt-out (droit d’opposition) pour contacts',
    );
    expect(rawHtml).toContain('newsletter\u202f; Opt-out');
  });

  it('the short form means one model for everyone', () => {
    const short = document({ marketing: { consent: 'opt-in', optOut } });
    const general = document({ marketing: { consents: [{ model: 'opt-in' }], optOut } });
    expect(resolve(short, 'x.yaml').policy.marketing).toEqual({ consents: [{ model: 'opt-in' }], optOut });
    expect(pages(short).rawHtml).toBe(pages(general).rawHtml);
    expect(diffPolicies(short, { ...general, version: '1.0.1' }).changes).toEqual([]);
  });

  it('opt-out for a new audience is a material change', () => {
    const before = document({ marketing: { consent: 'opt-in', optOut } });
    const after = { ...perAudience, version: '1.1.0' };
    const [change] = diffPolicies(before, after).changes;
    expect(change).toMatchObject({ rule: 'marketing-opt-out', material: true });
    expect(change!.summary).toContain('until you object (opt-out) for contacts at our existing customers');
    const [back] = diffPolicies(after, { ...before, version: '1.2.0' }).changes;
    expect(back).toMatchObject({ rule: 'marketing-opt-in', material: false });
  });
});

describe('US facts', () => {
  const policy = document({
    jurisdictions: ['us-ca', 'us-or', 'us-mn', 'us-co'],
    sharing: {
      sale: { sold: false, shared: false, statement: 'We do not sell or share your personal information.', sensitiveInferences: false },
    },
    rights: {
      items: [
        { id: 'third-parties', types: ['list-third-parties'], regions: ['us-or', 'us-mn'], description: 'Ask us for the list.' },
        { id: 'profiling', types: ['question-profiling'], regions: ['us-mn'], description: 'Ask us to review the decision.' },
      ],
      exercising: {
        responseTime: 'within 45 days',
        deadlines: [
          { regions: ['us-co', 'us-mn'], responseTime: 'within 45 days', appealResponseTime: 'within 60 days' },
          { regions: ['us-or'], appealResponseTime: 'within 45 days', description: 'We tell you in writing what we decided.' },
        ],
      },
    },
  } as Partial<Policy>);

  it.each(both(policy))('reach the page', (text) => {
    expect(text).toContain('Sensitive personal information used to infer characteristics about you No');
    expect(text).toContain('Right to a list of the specific third parties your personal data was disclosed to');
    expect(text).toContain('Right to question the result of a profiling decision');
    expect(text).toContain('Deadlines where you live');
    expect(text).toMatch(/Colorado and Minnesota When we answer within 45 days When we decide an appeal within 60 days/);
    expect(text).toMatch(/Oregon When we decide an appeal within 45 days We tell you in writing what we decided\./);
  });

  it('in French', () => {
    const { html } = pages({ ...policy, locale: 'fr' });
    expect(html).toContain('Délais selon votre lieu de résidence');
    expect(html).toContain('Délai de décision sur un recours within 60 days');
    expect(html).toContain('Droit de contester le résultat d’une décision de profilage');
  });
});
