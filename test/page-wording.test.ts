// Pages say exactly what the document says (issue 13): no label states what the author did not, no fact is
// dropped, lists whose names have commas stay readable, and each locale reads as its readers write.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileSite, createRenderer, readTemplates, validate } from '../src/index.js';
import { listFormat } from '../src/render/intl-format.js';
import { root } from './support/fixtures.js';
import { htmlText, markdownText } from './support/page-text.js';
import { tempDir } from './support/project.js';

/** A valid document with what the cases below look at; `edit` changes it before it is built. */
function document(edit: (doc: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const doc: Record<string, any> = {
    id: 'input',
    title: 'Privacy Statement',
    version: '1.0.0',
    effective: '2026-01-01',
    locale: 'en-GB',
    controller: {
      id: 'acme',
      name: 'Acme B.V.',
      country: 'NL',
      contacts: ['privacy-eu'],
      representatives: [
        { region: 'uk', name: 'Acme UK Ltd', address: '1 Quay Street\nManchester M3 3HN\nUnited Kingdom\n', email: 'rep@acme.example' },
      ],
    },
    otherControllers: [{ id: 'acme-uk', name: 'Acme UK Ltd', country: 'GB', contacts: ['privacy-uk'] }],
    scope: {
      intro: 'This statement covers our website.',
      items: [{ id: 'website', name: 'acme.example', type: 'website' }],
      exclusions: [{ id: 'customers', description: 'Data our customers put into the service' }],
    },
    collection: {
      categories: [
        {
          id: 'device',
          label: 'Device data',
          retention: {
            period: '13 months',
            stages: [
              { description: 'kept with the user identifier', period: '13 months', action: 'kept' },
              { description: 'combined into statistics', action: 'anonymised' },
            ],
            end: 'anonymisation',
          },
        },
        { id: 'sound', label: 'Recordings', ccpaCategories: ['identifiers', 'sensory-data'] },
        { id: 'logs', label: 'Logs', retention: { indefinite: true } },
      ],
    },
    retention: { default: { criteria: 'as long as your account is open' } },
    purposes: {
      items: [
        { id: 'service', description: 'provide the service', categories: ['device'] },
        { id: 'billing', description: 'invoice you', categories: ['device'], legalBases: ['contract'] },
      ],
    },
    sharing: {
      recipients: [{ id: 'hosting', name: 'Hosting providers', type: 'service-provider' }],
      sale: {
        sold: false,
        shared: true,
        statement: 'We share identifiers for advertising.',
        categories: ['identifiers', 'sensory-data'],
        sensitive: false,
      },
    },
    cookies: {
      items: [
        { id: 'fbp', name: '_fbp', party: 'first', provider: 'Meta', purpose: 'Advertising', lifetime: 'persistent', duration: '90 days' },
      ],
    },
    rights: {
      items: [{ id: 'access', types: ['access'], description: 'You can ask for a copy.', contact: 'requests' }],
      exercising: { methods: ['privacy-eu', 'privacy-uk'] },
    },
    contacts: {
      items: [
        {
          id: 'requests',
          role: 'access-requests',
          description: 'Requests',
          url: 'https://acme.example/request',
          methods: [
            { label: 'Phone', phone: '+1 888 555 0142', tollFree: true },
            { label: 'Toll-free (US)', phone: '+1 888 555 0199', tollFree: true },
          ],
        },
        { id: 'privacy-eu', role: 'privacy', description: 'Questions', email: 'privacy@acme.example', regions: ['eu'] },
        {
          id: 'privacy-uk',
          role: 'privacy',
          description: 'Questions in the UK',
          email: 'uk@acme.example',
          regions: ['uk'],
          controller: 'acme-uk',
        },
        { id: 'general', role: 'general', description: 'Anything else', phone: '+1 303 555 0188' },
      ],
    },
  };
  edit(doc);
  return doc;
}

/** Whether a page's text states a fact: "Label: value" in Markdown and in a paragraph, "Label value" in an HTML `<dl>`. */
const says = (text: string, label: string, value: string) => text.includes(`${label}: ${value}`) || text.includes(`${label} ${value}`);

interface Built {
  html: string;
  md: string;
  summary: string;
  /** The text a reader sees on each. */
  text: { html: string; md: string; summary: string };
}

async function build(doc: Record<string, unknown>): Promise<Built> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'input.yaml'), stringify(doc));
  const result = await validate({ cwd: dir, files: ['input.yaml'], noRules: true });
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const renderer = createRenderer(await readTemplates([]));
  const site = compileSite(
    result.models.map((m) => ({ id: m.policy.id, working: m, releases: [] })),
    renderer,
    { date: '2026-01-01', drafts: false },
  );
  const html = String(site.files.get('input/index.html'));
  const md = String(site.files.get('input/index.md'));
  const summary = String(site.files.get('input/summary.html'));
  return { html, md, summary, text: { html: htmlText(html), md: markdownText(md), summary: htmlText(summary) } };
}

describe('the English page', async () => {
  const page = await build(document());
  const both = [page.text.html, page.text.md];

  it('prints no legal basis for a purpose that states none', () => {
    expect(page.html).not.toContain('Legal basis: )');
    expect(page.html.match(/class="legal-basis"/g)).toHaveLength(1);
    for (const text of both) expect(text).toContain('invoice you (Legal basis: Performance of a contract)');
  });

  it('prints a retention in order: the period, each stage with its period and action, then the end', () => {
    for (const text of both) {
      expect(
        says(
          text,
          'Retention',
          '13 months; kept with the user identifier (13 months, kept); combined into statistics (made anonymous); then made anonymous',
        ),
      ).toBe(true);
      expect(says(text, 'Retention', 'no end date')).toBe(true);
    }
  });

  it('labels the document’s default retention as such, and shows it on a category that states none', () => {
    for (const text of both) {
      expect(text).toContain('Unless another period is given for a category of data: as long as your account is open');
      expect(says(text, 'Retention (default)', 'as long as your account is open')).toBe(true);
    }
    expect(page.text.md).not.toMatch(/Retention: as long as your account is open/);
  });

  it('shows every way to reach a contact where requests go to it, the toll-free flag once', () => {
    for (const text of both) {
      expect(text).toContain(
        'Contact: https://acme.example/request; Phone: +1 888 555 0142 (toll-free) or Toll-free (US): +1 888 555 0199',
      );
      expect(text).not.toContain('0199 (toll-free)');
      expect(text).toContain(
        'Where to send requests: privacy@acme.example (for the European Union), uk@acme.example (for the United Kingdom)',
      );
    }
    expect(page.text.summary).toContain(
      'https://acme.example/request; Phone: +1 888 555 0142 (toll-free); Toll-free (US): +1 888 555 0199 ',
    );
    expect(page.text.summary).toContain('General enquiries +1 303 555 0188');
  });

  it('joins a multi-line address on one line without empty parts', () => {
    for (const text of both) {
      expect(text).toContain('United Kingdom: Acme UK Ltd, 1 Quay Street, Manchester M3 3HN, United Kingdom, rep@acme.example');
      expect(text).not.toMatch(/, ,/);
    }
  });

  it('leads into the scope lists with neutral words, after the author’s own intro', () => {
    for (const text of both) {
      expect(text).toContain('This statement covers our website. What is covered: acme.example');
      expect(text).toContain('What is not covered: Data our customers put into the service');
      expect(text).not.toContain('This policy');
    }
  });

  it('separates names that have commas with semicolons', () => {
    for (const text of both) {
      expect(says(text, 'CCPA category', 'Identifiers and Audio, electronic, visual or similar information')).toBe(true);
      expect(
        says(
          text,
          'Categories of personal information sold or shared in the preceding 12 months',
          'Identifiers and Audio, electronic, visual or similar information',
        ),
      ).toBe(true);
    }
  });

  it('keeps the party of a cookie that names its provider', () => {
    expect(page.text.md).toContain('_fbp Meta (First party)');
    expect(page.text.html).toContain('_fbp Meta (First party)');
    expect(page.text.summary).toContain('_fbp (Meta, First party)');
  });

  it('says neutrally what the sale flags mean', () => {
    for (const text of both) {
      expect(says(text, 'Sensitive personal information used for purposes that give a right to limit its use', 'No')).toBe(true);
      expect(text).not.toContain('beyond what the law allows');
    }
  });

  it('names regions as a sentence does', () => {
    for (const text of both) {
      expect(text).toContain('(for the European Union)');
      expect(text).not.toContain('For European Union');
    }
  });

  it('prints the controllers’ country and contacts, and the controller a contact belongs to', () => {
    for (const text of both) {
      expect(says(text, 'Country', 'Netherlands')).toBe(true);
      expect(says(text, 'Country', 'United Kingdom')).toBe(true);
      expect(says(text, 'Contacts', 'Privacy')).toBe(true);
      expect(says(text, 'Controller', 'Acme UK Ltd')).toBe(true);
    }
  });
});

describe('lists of names', () => {
  it('are joined with the locale’s semicolon when a name has a comma', () => {
    const names = ['Identifiers', 'Audio, electronic, visual or similar information', 'Inferences'];
    expect(listFormat('en-GB', names, 'conjunction', '; ')).toBe(
      'Identifiers; Audio, electronic, visual or similar information and Inferences',
    );
    expect(listFormat('en-US', names, 'conjunction', '; ')).toBe(
      'Identifiers; Audio, electronic, visual or similar information; and Inferences',
    );
    expect(listFormat('fr', names, 'disjunction', '\u202f; ')).toBe(
      'Identifiers\u202f; Audio, electronic, visual or similar information ou Inferences',
    );
    expect(listFormat('en', ['a', 'b', 'c'])).toBe('a, b, and c');
  });
});

describe('the French page', async () => {
  const page = await build(document((doc) => (doc.locale = 'fr')));

  it('reads as French: regions, retention and list separators', () => {
    for (const text of [page.text.html, page.text.md]) {
      expect(text).toContain('(pour l’Union européenne)');
      expect(text).toContain('13 mois ; kept with the user identifier (13 mois, conservation)');
      expect(text).toContain('; puis anonymisation');
      expect(text).toContain('Ce qui est couvert : acme.example');
      expect(text).not.toContain('Base légale : )');
    }
  });
});

describe('an en-US page', async () => {
  const en = JSON.parse(readFileSync(path.join(root, 'templates/locales/en.json'), 'utf8'));
  const enUS = JSON.parse(readFileSync(path.join(root, 'templates/locales/en-US.json'), 'utf8'));

  it('has en-US.json hold only labels of en.json that it words otherwise', () => {
    const leaves = (value: unknown, at: string[] = []): [string[], unknown][] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, child]) => leaves(child, [...at, key]))
        : [[at, value]];
    const english = (keys: string[]) => keys.reduce<any>((node, key) => node?.[key], en);
    const found = leaves(enUS);
    expect(found.length).toBeGreaterThan(0);
    for (const [keys, value] of found) {
      expect(typeof english(keys), keys.join('.')).toBe('string');
      expect(value, keys.join('.')).not.toBe(english(keys));
    }
  });

  it('is worded as Americans write', async () => {
    const page = await build(
      document((doc) => {
        doc.locale = 'en-US';
        doc.signals = { items: [{ id: 'gpc', signal: 'global-privacy-control', response: 'honoured', statement: 'We act on it.' }] };
        doc.rights.exercising.authorisedAgents = 'An agent can ask for you.';
      }),
    );
    for (const text of [page.text.html, page.text.md]) {
      expect(text).toContain('Authorized agents');
      expect(says(text, 'Response', 'Honored')).toBe(true);
      expect(text).toContain('General inquiries');
      expect(says(text, 'Shared for cross-context behavioral advertising', 'Yes')).toBe(true);
      expect(text).not.toMatch(/behavioural|Authorised|Honoured|enquiries/);
    }
  });
});

describe('cookie patterns and domains, storage keys and hosts (issue 18)', () => {
  const scanned = (locale: string) =>
    document((doc) => {
      doc.locale = locale;
      doc.cookies.items.push(
        {
          id: 'ga4',
          name: '_ga_<container>',
          pattern: '_ga_*',
          domain: 'acme.example',
          party: 'first',
          provider: 'Google',
          purpose: 'Statistics',
          lifetime: 'persistent',
          duration: '2 years',
        },
        {
          id: 'hj',
          name: '_hjSession_<site>',
          pattern: '_hj*Session*',
          party: 'first',
          purpose: 'Replay',
          lifetime: 'persistent',
          duration: '30 minutes',
          review: 'check the purpose',
        },
      );
      doc.cookies.technologies = [
        {
          id: 'tabs',
          type: 'session-storage',
          purpose: 'Remember open tabs',
          keys: ['tabs', 'draft:*'],
          hosts: ['cdn.acme.example', '*.widgets.example'],
        },
      ];
      doc.sharing.recipients[0].hosts = ['*.hosting.example'];
      doc.sharing.recipients[0].since = '2026-03-01';
    });

  it('names the cookies a pattern covers, the domain, storage and hosts, in English', async () => {
    const page = await build(scanned('en-GB'));
    for (const text of [page.text.html, page.text.md]) {
      expect(text).toContain('_ga_* (names that begin with _ga_)');
      expect(text).toContain('_hj*Session* (names of this form, * standing for any characters)');
      expect(text).toContain('30 minutes');
      expect(text).toContain('acme.example');
      expect(text).toContain('Session storage');
      expect(says(text, 'Storage keys', 'tabs and draft:*')).toBe(true);
      expect(says(text, 'Domains contacted from your browser', 'cdn.acme.example and *.widgets.example')).toBe(true);
      expect(says(text, 'Domains contacted from your browser', '*.hosting.example')).toBe(true);
      expect(says(text, 'Receives data since', '1 March 2026')).toBe(true);
      expect(text).not.toContain('check the purpose');
    }
    expect(page.html).toContain('<code>_ga_*</code> (names that begin with <code>_ga_</code>)');
    expect(page.html).toContain('<th scope="col">Domain</th>');
  });

  it('in French', async () => {
    const page = await build(scanned('fr'));
    for (const text of [page.text.html, page.text.md]) {
      expect(text).toContain('_ga_* (les noms qui commencent par _ga_)');
      expect(text).toMatch(/Persistant \(30[\s\u00a0]minutes\)/);
      expect(text).toContain('Stockage de session');
      expect(text).toMatch(/Clés de stockage( :)? tabs et draft:\*/);
      expect(text).toMatch(/Reçoit des données depuis( :)? 1er mars 2026/);
    }
  });
});
