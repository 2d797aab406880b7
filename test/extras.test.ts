// The extra outputs of one version: the layered summary, the embeddable fragment, the cookie table and its JSON, and the JSON-LD.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../src/api.js';
import { readTemplates } from '../src/load/read-templates.js';
import { cookieTable, extraLabels, fragmentCss, renderFragment, renderSummary, scopeHtml } from '../src/render/extras.js';
import { jsonLdScript, policyJsonLd } from '../src/render/jsonld.js';
import { createRenderer, type Renderer } from '../src/render/templates.js';
import type { PolicyModel } from '../src/resolve/resolve.js';
import { root } from './support/fixtures.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function problems(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

/** A host page embedding a fragment, as a site would. */
function hostPage(fragment: string, head = ''): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Host site</title>\n${head}</head>\n<body>\n<main>\n${fragment}</main>\n</body>\n</html>\n`;
}

const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
const attributeValues = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** How many top-level elements an HTML fragment has. */
function topLevelElements(html: string): number {
  let depth = 0;
  let roots = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) depth--;
    else if (!voidElements.has(name)) {
      if (depth === 0) roots++;
      depth++;
    } else if (depth === 0) roots++;
  }
  return roots;
}

let model: PolicyModel;
let renderer: Renderer;
let fullPage = '';

beforeAll(async () => {
  const result = await validate({ cwd: root });
  model = result.models[0]!;
  expect(model.policy.version).toBe('2.0.0');
  renderer = createRenderer(await readTemplates([]));
  fullPage = renderer.renderPolicy(model)!.html;
});

describe('summary.html', () => {
  let summary = '';
  beforeAll(() => {
    summary = renderSummary(model, renderer, { root: '' })!;
    expect(renderer.diagnostics).toEqual([]);
  });

  it('links every category, purpose, recipient, cookie, transfer, right and contact to its anchor in the full policy', () => {
    const p = model.policy;
    const anchors = [
      ...p.collection.categories.map((c) => `category-${c.id}`),
      ...p.purposes.items.map((x) => `purpose-${x.id}`),
      ...p.sharing!.recipients!.map((r) => `recipient-${r.id}`),
      ...p.cookies!.items!.map((c) => `cookie-${c.id}`),
      ...p.transfers!.items.map((t) => `transfer-${t.id}`),
      ...p.rights!.items.map((r) => `right-${r.id}`),
      ...p.contacts.items.map((c) => `contact-${c.id}`),
    ];
    expect(anchors).toContain('cookie-ga');
    const pageIds = idsOf(fullPage);
    for (const anchor of anchors) {
      expect(summary, anchor).toContain(`href="index.html#${anchor}"`);
      expect(pageIds.has(anchor), `#${anchor} exists on the full page`).toBe(true);
    }
  });

  it('has only links that resolve on the full page', () => {
    const pageIds = idsOf(fullPage);
    const targets = attributeValues(summary, 'href')
      .filter((h) => h.startsWith('index.html#'))
      .map((h) => h.slice('index.html#'.length));
    expect(targets.length).toBeGreaterThan(30);
    expect(targets.filter((t) => !pageIds.has(t))).toEqual([]);
  });

  it('says what, why, who, where, which rights and how to contact us, and links the full policy', () => {
    expect(summary).toContain('<link rel="stylesheet" href="../assets/policy.css">');
    expect(summary).toContain('>Email address</a>');
    expect(summary).toContain(
      '>keep the Website and our services secure and prevent fraud</a> <span class="summary-detail">(Legal basis: Legitimate interests)</span>',
    );
    expect(summary).toContain('>Selected third parties</a> <span class="summary-detail">(Condition: Consent)</span>');
    expect(summary).toContain(
      '>United States</a> <span class="summary-detail">(SmartFocus US, Inc.; Safeguards: EU-U.S. Data Privacy Framework; UK Extension to the EU-U.S. Data Privacy Framework)</span>',
    );
    expect(summary).toContain(
      '>Countries outside the UK and EEA</a> <span class="summary-detail">(Our suppliers and sub-processors; Safeguards: Standard contractual clauses)</span>',
    );
    expect(summary).toContain('>Right of access</a>');
    for (const email of ['support@smartfocus.com', 'info@smartfocus.com', 'contact@smartfocus.com', 'dpo@smartfocus.com']) {
      expect(summary).toContain(`<a href="mailto:${email}">${email}</a>`);
    }
    expect(summary).toContain(`<a href="index.html">${extraLabels.summary.readFull}</a>`);
    expect(summary).toContain('<h1 id="summary-title">Privacy &amp; Cookies Policy: summary</h1>');
  });

  it('places its links and stylesheet relative to root', () => {
    const nested = renderSummary(model, renderer, { root: '../' })!;
    expect(nested).toContain('href="../../assets/policy.css"');
    expect(nested).toContain('href="../index.html#cookie-ga"');
    expect(nested).toContain('<a href="../index.html">');
  });

  it('is valid HTML', async () => {
    expect(await problems(summary, 'summary.html')).toEqual([]);
  });
});

describe('fragment.html', () => {
  let fragment = '';
  beforeAll(() => {
    fragment = renderFragment(model, renderer)!;
    expect(renderer.diagnostics).toEqual([]);
  });

  it('is one <div class="policyc-policy" lang> and no document', () => {
    expect(fragment).not.toMatch(/<(html|head|body)\b/i);
    expect(fragment).not.toMatch(/<!DOCTYPE/i);
    expect(fragment.startsWith('<div class="policyc-policy" lang="en-GB">')).toBe(true);
    expect(fragment.trimEnd().endsWith('</div>')).toBe(true);
    expect(topLevelElements(fragment)).toBe(1);
    expect(fragment.match(/class="policyc-policy"/g)).toHaveLength(1);
  });

  it('keeps the policy body and drops the page chrome', () => {
    expect(fragment).toContain('<h1 id="policyc-policy-title">Privacy &amp; Cookies Policy</h1>');
    expect(fragment).toContain('<tr id="policyc-cookie-ga">');
    expect(fragment).toContain('<li id="policyc-category-email-address">');
    expect(fragment).not.toContain('skip-link');
    expect(fragment).not.toContain('site-header');
    expect(fragment).not.toContain('<main');
    expect(fragment).not.toContain('<link');
  });

  it('prefixes every class and id with policyc-', () => {
    const classes = attributeValues(fragment, 'class').flatMap((v) => v.split(/\s+/).filter(Boolean));
    const ids = [...idsOf(fragment)];
    expect(classes.length).toBeGreaterThan(20);
    expect(ids.length).toBeGreaterThan(50);
    expect(classes.filter((c) => !c.startsWith('policyc-'))).toEqual([]);
    expect(ids.filter((id) => !id.startsWith('policyc-'))).toEqual([]);
  });

  it('resolves every in-page link and id reference inside the fragment', () => {
    const ids = idsOf(fragment);
    const internal = attributeValues(fragment, 'href')
      .filter((h) => h.startsWith('#'))
      .map((h) => h.slice(1));
    expect(internal).toContain('policyc-cookies');
    expect(internal).toContain('policyc-category-email-address');
    expect(internal.filter((id) => !ids.has(id))).toEqual([]);
    const references = ['aria-labelledby', 'aria-describedby', 'for']
      .flatMap((a) => attributeValues(fragment, a))
      .flatMap((v) => v.split(/\s+/));
    expect(references.length).toBeGreaterThan(5);
    expect(references.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('links its stylesheet when given one, and is valid HTML inside a host page', async () => {
    const styled = renderFragment(model, renderer, { stylesheet: 'https://example.com/assets/fragment.css' })!;
    expect(styled).toContain(
      '<div class="policyc-policy" lang="en-GB">\n<link rel="stylesheet" href="https://example.com/assets/fragment.css">',
    );
    expect(topLevelElements(styled)).toBe(1);
    expect(await problems(hostPage(fragment), 'host-fragment.html')).toEqual([]);
    expect(await problems(hostPage(styled), 'host-fragment-styled.html')).toEqual([]);
  });

  it('ships a stylesheet whose every rule is scoped under .policyc-policy', () => {
    const selectors = [...fragmentCss.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)]
      .map((m) => m[1]!.trim())
      .filter((s) => !s.startsWith('@'))
      .flatMap((s) => s.split(',').map((x) => x.trim()));
    expect(selectors.length).toBeGreaterThan(10);
    expect(selectors.filter((s) => !s.startsWith('.policyc-policy'))).toEqual([]);
  });
});

describe('scopeHtml', () => {
  it('prefixes classes, ids and id references, once', () => {
    const html =
      '<nav class="toc main" aria-labelledby="a b"><label for="x">X</label><a href="#a">in</a> <a href="https://example.com/#a">out</a><p id="a">text with class="x" and href="#y"</p></nav>';
    const scoped = scopeHtml(html);
    expect(scoped).toBe(
      '<nav class="policyc-toc policyc-main" aria-labelledby="policyc-a policyc-b"><label for="policyc-x">X</label><a href="#policyc-a">in</a> <a href="https://example.com/#a">out</a><p id="policyc-a">text with class="x" and href="#y"</p></nav>',
    );
    expect(scopeHtml(scoped)).toBe(scoped);
  });
});

describe('cookies.html and cookies.json', () => {
  let table: { html: string; json: string };
  beforeAll(() => {
    table = cookieTable(model, renderer)!;
    expect(renderer.diagnostics).toEqual([]);
  });

  it('lists every cookie of the sample with its facts, as plain JSON', () => {
    expect(table.json.endsWith('}\n')).toBe(true);
    const data = JSON.parse(table.json) as { policy: string; version: string; effective: string; cookies: Record<string, unknown>[] };
    expect(table.json).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(data).toMatchObject({ policy: 'privacy', version: '2.0.0', effective: '2027-01-01' });
    expect(data.cookies.map((c) => c.name)).toEqual(model.policy.cookies!.items!.map((c) => c.name));
    expect(data.cookies.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'ASP.NET_SessionId',
        '__ar_v4',
        '_ga',
        'AdRoll',
        'GeolocatedCountry',
        'Google AdWords Conversion',
        'Smartfocus#lang',
        '_fbp',
      ]),
    );
    expect(data.cookies.find((c) => c.name === '_ga')).toEqual({
      id: 'ga',
      name: '_ga',
      party: 'third',
      provider: 'Google Analytics',
      purpose: 'Enables us to track non-personal visitor information such as number of visits, visit length and referrer',
      lifetime: 'persistent',
      duration: '2 years',
      category: 'analytics',
    });
    expect(data.cookies.find((c) => c.name === 'ASP.NET_SessionId')).toMatchObject({
      party: 'first',
      provider: null,
      lifetime: 'session',
      duration: null,
      category: 'strictly-necessary',
    });
  });

  it('renders the table alone, with a caption and header cells, scoped like the fragment', async () => {
    const html = table.html;
    expect(html.startsWith('<div class="policyc-policy policyc-cookies" lang="en-GB">')).toBe(true);
    expect(topLevelElements(html)).toBe(1);
    expect(html).toContain('<caption>Cookies used on this website</caption>');
    expect(html.match(/<th scope="col">/g)).toHaveLength(5);
    expect(html.match(/<th scope="row">/g)).toHaveLength(model.policy.cookies!.items!.length);
    expect(html).toContain('<tr id="policyc-cookie-fbp"><th scope="row"><code>_fbp</code></th><td>Meta (Third party)</td>');
    expect(html).not.toMatch(/<(html|head|body|h[1-6])\b/);
    const classes = attributeValues(html, 'class').flatMap((v) => v.split(/\s+/));
    expect(classes.filter((c) => !c.startsWith('policyc-'))).toEqual([]);
    expect([...idsOf(html)].filter((id) => !id.startsWith('policyc-'))).toEqual([]);
    expect(await problems(hostPage(html), 'host-cookies.html')).toEqual([]);
  });

  it('gives the pattern and domain of a cookie that states them, in the table and the JSON', () => {
    const items = model.policy.cookies!.items!.map((c) => (c.id === 'ga' ? { ...c, pattern: '_ga_*', domain: 'smartfocus.com' } : c));
    const policy = { ...model.policy, cookies: { ...model.policy.cookies!, items } };
    const wide = cookieTable({ ...model, policy }, renderer)!;
    const data = JSON.parse(wide.json) as { cookies: Record<string, unknown>[] };
    expect(data.cookies.find((c) => c.id === 'ga')).toMatchObject({ pattern: '_ga_*', domain: 'smartfocus.com' });
    expect(data.cookies.find((c) => c.id === 'fbp')).not.toHaveProperty('pattern');
    expect(wide.html).toContain(
      '<code>_ga</code><br><span class="policyc-cookie-pattern"><code>_ga_*</code> (names that begin with <code>_ga_</code>)</span>',
    );
    expect(wide.html).toContain('<th scope="col">Domain</th>');
  });

  it('is undefined for a document without cookies', () => {
    const { cookies: _omitted, ...policy } = model.policy;
    expect(cookieTable({ ...model, policy }, renderer)).toBeUndefined();
  });
});

describe('JSON-LD', () => {
  const url = 'https://smartfocus.com/privacy/index.html';
  const fetched: string[] = [];
  // No network: the context is inline, and any attempt to load a document fails the test.
  const documentLoader = async (address: string): Promise<never> => {
    fetched.push(address);
    throw new Error(`JSON-LD tried to load ${address}`);
  };
  let quads: string[] = [];

  beforeAll(async () => {
    const doc = policyJsonLd(model, { url, messages: renderer.messages(model.policy.locale) });
    const nquads = (await jsonld.toRDF(
      doc as jsonld.JsonLdDocument,
      { format: 'application/n-quads', documentLoader, safe: true } as jsonld.Options.ToRdf,
    )) as string;
    quads = nquads.split('\n').filter(Boolean);
  });

  const DPV = 'https://w3id.org/dpv#';
  const PD = 'https://w3id.org/dpv/pd#';
  const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  const has = (s: string, p: string, o: string) => quads.includes(`<${s}> <${p}> ${o.startsWith('"') ? o : `<${o}>`} .`);

  it('parses as JSON-LD offline, into absolute IRIs only', async () => {
    expect(fetched).toEqual([]);
    expect(quads.length).toBeGreaterThan(300);
    const iris = quads.flatMap((q) => [...q.matchAll(/<([^>]*)>/g)].map((m) => m[1]!));
    expect(iris.filter((iri) => !/^https?:\/\//.test(iri))).toEqual([]);
    const expanded = await jsonld.expand(
      policyJsonLd(model, { url }) as jsonld.JsonLdDocument,
      { documentLoader } as jsonld.Options.Expand,
    );
    expect(expanded.length).toBeGreaterThan(50);
    expect(fetched).toEqual([]);
  });

  it('describes the notice and its controller', () => {
    expect(has(url, RDF_TYPE, `${DPV}PrivacyNotice`)).toBe(true);
    expect(has(url, RDF_TYPE, 'https://schema.org/WebPage')).toBe(true);
    expect(has(url, `${DPV}hasDataController`, `${url}#controller`)).toBe(true);
    expect(has(`${url}#controller`, RDF_TYPE, `${DPV}DataController`)).toBe(true);
    expect(has(`${url}#controller`, 'https://schema.org/name', '"SmartFocus UK Limited"')).toBe(true);
    expect(has(`${url}#controller`, `${DPV}hasDataProtectionOfficer`, `${url}#contact-dpo`)).toBe(true);
  });

  it('has a personal data handling per purpose, with its purpose, personal data and legal basis', () => {
    const handling = `${url}#purpose-interactive-features-handling`;
    expect(has(url, `${DPV}hasPersonalDataHandling`, handling)).toBe(true);
    expect(has(handling, RDF_TYPE, `${DPV}PersonalDataHandling`)).toBe(true);
    expect(has(handling, `${DPV}hasPurpose`, `${url}#purpose-interactive-features`)).toBe(true);
    expect(has(`${url}#purpose-interactive-features`, RDF_TYPE, `${DPV}Purpose`)).toBe(true);
    expect(has(handling, `${DPV}hasPersonalData`, `${url}#category-email-address`)).toBe(true);
    expect(has(`${url}#category-email-address`, RDF_TYPE, `${PD}EmailAddress`)).toBe(true);
    expect(has(`${url}#category-ip-address`, RDF_TYPE, `${PD}IPAddress`)).toBe(true);
    expect(has(`${url}#category-phone-number`, RDF_TYPE, `${PD}TelephoneNumber`)).toBe(true);
    // A consent purpose: DPV's consent and GDPR Art. 6(1)(a), since the sample declares the EU jurisdiction.
    expect(has(handling, `${DPV}hasLegalBasis`, `${DPV}Consent`)).toBe(true);
    expect(has(handling, `${DPV}hasLegalBasis`, `${GDPR}A6-1-a`)).toBe(true);
    expect(has(`${url}#purpose-security-handling`, `${DPV}hasLegalBasis`, `${GDPR}A6-1-f`)).toBe(true);
    expect(has(`${url}#purpose-security`, RDF_TYPE, `${DPV}EnforceSecurity`)).toBe(true);
  });

  it('describes the transfers with their safeguards', () => {
    const sccs = `${url}#transfer-suppliers-sccs`;
    expect(has(sccs, `${DPV}hasProcessing`, `${DPV}Transfer`)).toBe(true);
    expect(has(sccs, `${DPV}hasOrganisationalMeasure`, `${GDPR}StandardContractualClauses`)).toBe(true);
    expect(has(`${url}#transfer-smartfocus-us`, `${DPV}hasLegalBasis`, `${GDPR}A45-3`)).toBe(true);
    expect(has(`${url}#transfer-smartfocus-us`, `${DPV}hasDataExporter`, `${url}#controller`)).toBe(true);
  });

  it('describes recipients, cookies, retention and rights', () => {
    expect(has(`${url}#recipient-selected-third-parties-sharing`, `${DPV}hasRecipient`, `${url}#recipient-selected-third-parties`)).toBe(
      true,
    );
    // A recipient's kind says nothing of its role: the sample states none, so none is claimed.
    expect(has(`${url}#recipient-selected-third-parties`, RDF_TYPE, `${DPV}Recipient`)).toBe(true);
    expect(has(`${url}#recipient-selected-third-parties`, RDF_TYPE, `${DPV}ThirdParty`)).toBe(false);
    expect(has(`${url}#cookie-ga`, RDF_TYPE, 'https://w3id.org/dpv/tech#Cookie')).toBe(true);
    expect(has(`${url}#cookie-ga-handling`, `${DPV}isImplementedUsingTechnology`, `${url}#cookie-ga`)).toBe(true);
    expect(quads.some((q) => q.includes('"P2Y"^^<http://www.w3.org/2001/XMLSchema#duration>'))).toBe(true);
    expect(quads.some((q) => q.includes('"P12M"^^<http://www.w3.org/2001/XMLSchema#duration>'))).toBe(true);
    expect(has(`${url}#right-access`, RDF_TYPE, `${GDPR}A15`)).toBe(true);
    expect(has(`${url}#right-complaint`, `${DPV}isExercisedAt`, `${url}#contact-ico`)).toBe(true);
  });

  it('uses only DPV terms that exist (checked against DPV 2.0), in the sample and in every mapping', () => {
    // Every term below was checked in the DPV 2.0 sources (w3c/dpv, 2.0/**/*.csv): core, pd, tech and legal/eu/gdpr.
    const known = new Set([
      ...[
        'PrivacyNotice',
        'DataController',
        'DataProtectionOfficer',
        'DataProtectionAuthority',
        'PersonalDataHandling',
        'PersonalDataProcess',
        'PersonalData',
        'SensitivePersonalData',
        'Purpose',
        'EnforceSecurity',
        'FraudPreventionAndDetection',
        'Marketing',
        'DirectMarketing',
        'Advertising',
        'CustomerCare',
        'AccountManagement',
        'LegalCompliance',
        'PersonnelHiring',
        'Recipient',
        'ThirdParty',
        'DataProcessor',
        'Authority',
        'DataImporter',
        'Location',
        'Justification',
        'StorageDuration',
        'TemporalDuration',
        'UntilEventDuration',
        'DataSubjectDataSource',
        'ThirdPartyDataSource',
        'PublicDataSource',
        'Consent',
        'Contract',
        'LegalObligation',
        'VitalInterest',
        'PublicInterest',
        'LegitimateInterest',
        'Share',
        'Transfer',
        'SafeguardForDataTransfer',
        'DataTransferLegalBasis',
        'DataSubjectRight',
        'hasPersonalDataHandling',
        'hasDataController',
        'hasPurpose',
        'hasPersonalData',
        'hasLegalBasis',
        'hasJustification',
        'hasRecipient',
        'hasProcessing',
        'hasDataExporter',
        'hasDataImporter',
        'hasLocation',
        'hasOrganisationalMeasure',
        'hasStorageCondition',
        'hasDataSource',
        'hasRight',
        'hasAuthority',
        'hasDataProtectionOfficer',
        'isExercisedAt',
        'isImplementedUsingTechnology',
      ].map((t) => `dpv:${t}`),
      ...[
        'A6-1-a',
        'A6-1-b',
        'A6-1-c',
        'A6-1-d',
        'A6-1-e',
        'A6-1-f',
        'A45-3',
        'A46-2-b',
        'StandardContractualClauses',
        'BindingCorporateRules',
      ]
        .concat(['A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A22', 'A7-3', 'A77'])
        .map((t) => `eu-gdpr:${t}`),
      ...[
        'Name',
        'EmailAddress',
        'TelephoneNumber',
        'Job',
        'IPAddress',
        'MACAddress',
        'PhysicalAddress',
        'Username',
        'Password',
        'BirthDate',
        'Age',
        'Gender',
      ]
        .concat(['Nationality', 'Location', 'UserAgent', 'BrowserHistory', 'BrowsingBehavior', 'PaymentCard', 'BankAccount', 'Picture'])
        .map((t) => `pd:${t}`),
      'tech:Cookie',
    ]);
    const prefixes = { dpv: DPV, pd: PD, 'eu-gdpr': GDPR, tech: 'https://w3id.org/dpv/tech#' };
    const iris = new Map(
      [...known].map((term) => [term.replace(/^([a-z-]+):/, (_, prefix: keyof typeof prefixes) => prefixes[prefix]), term]),
    );
    const used = new Set(quads.flatMap((q) => [...q.matchAll(/<(https:\/\/w3id\.org\/dpv[^>]*)>/g)].map((m) => m[1]!)));
    expect([...used].filter((iri) => !iris.has(iri))).toEqual([]);
    // Every term the module can write, not only those the sample needs.
    const source = readFileSync(path.join(root, 'src/render/jsonld.ts'), 'utf8');
    const written = new Set([...source.matchAll(/'((?:dpv|pd|eu-gdpr|tech):[A-Za-z0-9-]+)'/g)].map((m) => m[1]!));
    expect(written.size).toBeGreaterThan(60);
    expect([...written].filter((term) => !known.has(term))).toEqual([]);
  });
});

describe('jsonLdScript', () => {
  it('cannot be closed or commented out by a hostile value', () => {
    const hostile = '</script><script>alert(1)</script><!-- & -->';
    const script = jsonLdScript({ name: hostile });
    expect(script.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(script.endsWith('</script>')).toBe(true);
    const inner = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(inner).not.toMatch(/[<>&]/);
    expect(inner).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(inner)).toEqual({ name: hostile });
  });

  it('gives a cookie lasting minutes or hours its ISO 8601 time duration', () => {
    const items = model.policy.cookies!.items!.map((c) => (c.id === 'ga' ? { ...c, duration: '30 minutes' } : c));
    const minutes: PolicyModel = { ...model, policy: { ...model.policy, cookies: { ...model.policy.cookies!, items } } };
    const json = JSON.stringify(policyJsonLd(minutes, { url: 'https://example.com/privacy/index.html' }));
    expect(json).toContain(
      '"rdfs:label":{"@value":"30 minutes","@language":"en-GB"},"rdf:value":{"@value":"PT30M","@type":"xsd:duration"}',
    );
  });

  it('escapes a hostile cookie name in the policy, and is valid in a page head', async () => {
    const items = model.policy.cookies!.items!.map((c, i) =>
      i === 0 ? { ...c, name: '</script><script>alert(1)</script>' } : c,
    ) as NonNullable<NonNullable<typeof model.policy.cookies>['items']>;
    const hostileModel: PolicyModel = { ...model, policy: { ...model.policy, cookies: { ...model.policy.cookies!, items } } };
    const data = policyJsonLd(hostileModel, { url: 'https://example.com/privacy/index.html' });
    const script = jsonLdScript(data);
    expect(script.match(/<\/script/g)).toHaveLength(1);
    expect(script).not.toContain('<script>');
    const inner = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(JSON.parse(inner)).toEqual(data);
    expect(inner).toContain('Privacy \\u0026 Cookies Policy');
    expect(await problems(hostPage('<p>Policy</p>\n', `${script}\n`), 'jsonld-head.html')).toEqual([]);
  });
});
