import type { LegalBasis } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { proseToPlainText } from '../markdown/prose.js';

/**
 * The JSON-LD context of `policyJsonLd`: prefixes only, inline, so a consumer
 * never has to fetch anything to read the document. The vocabularies are the
 * W3C Data Privacy Vocabulary (DPV 2) and its personal data (`pd`),
 * technology (`tech`) and EU GDPR (`eu-gdpr`) extensions, plus schema.org.
 */
export const jsonLdContext = {
  dpv: 'https://w3id.org/dpv#',
  pd: 'https://w3id.org/dpv/pd#',
  tech: 'https://w3id.org/dpv/tech#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  schema: 'https://schema.org/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** Options of `policyJsonLd`. */
export interface JsonLdOptions {
  /** Absolute URL of the policy page; every entity's `@id` is this URL with the entity's page anchor (`…/index.html#cookie-ga`). */
  url: string;
  /** The locale's labels (`renderer.messages(locale)`), used to label enum values that have no DPV concept; without them the enum value itself is the label. */
  messages?: Messages;
}

type Node = Record<string, unknown>;

/** Personal data categories by our category id, where the DPV personal data extension has the exact concept. */
const personalData: Record<string, string> = {
  name: 'pd:Name',
  'full-name': 'pd:Name',
  email: 'pd:EmailAddress',
  'email-address': 'pd:EmailAddress',
  phone: 'pd:TelephoneNumber',
  'phone-number': 'pd:TelephoneNumber',
  telephone: 'pd:TelephoneNumber',
  'telephone-number': 'pd:TelephoneNumber',
  'job-title': 'pd:Job',
  job: 'pd:Job',
  'ip-address': 'pd:IPAddress',
  'mac-address': 'pd:MACAddress',
  address: 'pd:PhysicalAddress',
  'postal-address': 'pd:PhysicalAddress',
  'physical-address': 'pd:PhysicalAddress',
  username: 'pd:Username',
  password: 'pd:Password',
  'date-of-birth': 'pd:BirthDate',
  'birth-date': 'pd:BirthDate',
  age: 'pd:Age',
  gender: 'pd:Gender',
  nationality: 'pd:Nationality',
  location: 'pd:Location',
  'user-agent': 'pd:UserAgent',
  'browsing-history': 'pd:BrowserHistory',
  'browsing-behaviour': 'pd:BrowsingBehavior',
  'browsing-behavior': 'pd:BrowsingBehavior',
  'payment-card': 'pd:PaymentCard',
  'bank-account': 'pd:BankAccount',
  picture: 'pd:Picture',
  photo: 'pd:Picture',
};

/** Purposes by our purpose id, where DPV has the exact concept. */
const purposes: Record<string, string> = {
  security: 'dpv:EnforceSecurity',
  'fraud-prevention': 'dpv:FraudPreventionAndDetection',
  marketing: 'dpv:Marketing',
  'direct-marketing': 'dpv:DirectMarketing',
  advertising: 'dpv:Advertising',
  'customer-care': 'dpv:CustomerCare',
  'account-management': 'dpv:AccountManagement',
  'legal-compliance': 'dpv:LegalCompliance',
  recruitment: 'dpv:PersonnelHiring',
  hiring: 'dpv:PersonnelHiring',
  'job-applications': 'dpv:PersonnelHiring',
  'employment-applications': 'dpv:PersonnelHiring',
};

/** Legal bases: the DPV concept, and the EU GDPR article (used when the document declares the `eu` jurisdiction). */
const legalBases: Record<LegalBasis, { dpv: string; gdpr: string }> = {
  consent: { dpv: 'dpv:Consent', gdpr: 'eu-gdpr:A6-1-a' },
  contract: { dpv: 'dpv:Contract', gdpr: 'eu-gdpr:A6-1-b' },
  'legal-obligation': { dpv: 'dpv:LegalObligation', gdpr: 'eu-gdpr:A6-1-c' },
  'vital-interests': { dpv: 'dpv:VitalInterest', gdpr: 'eu-gdpr:A6-1-d' },
  'public-task': { dpv: 'dpv:PublicInterest', gdpr: 'eu-gdpr:A6-1-e' },
  'legitimate-interests': { dpv: 'dpv:LegitimateInterest', gdpr: 'eu-gdpr:A6-1-f' },
};

/** The legal basis a sharing condition implies. */
const conditionBases: Partial<Record<string, LegalBasis>> = {
  consent: 'consent',
  contract: 'contract',
  'legal-obligation': 'legal-obligation',
};

/** Recipient types with a DPV entity concept. */
const recipientTypes: Partial<Record<string, string>> = {
  authority: 'dpv:Authority',
  'service-provider': 'dpv:DataProcessor',
  'business-partner': 'dpv:ThirdParty',
};

/** Where data comes from. */
const dataSources: Record<string, string> = {
  'data-subject': 'dpv:DataSubjectDataSource',
  automatic: 'dpv:DataSubjectDataSource',
  'third-party': 'dpv:ThirdPartyDataSource',
  public: 'dpv:PublicDataSource',
};

/** Data subject rights with their EU GDPR article. */
const gdprRights: Partial<Record<string, string>> = {
  access: 'eu-gdpr:A15',
  rectification: 'eu-gdpr:A16',
  erasure: 'eu-gdpr:A17',
  restriction: 'eu-gdpr:A18',
  portability: 'eu-gdpr:A20',
  objection: 'eu-gdpr:A21',
  'automated-decisions': 'eu-gdpr:A22',
  'withdraw-consent': 'eu-gdpr:A7-3',
  complaint: 'eu-gdpr:A77',
};

/**
 * The policy's facts as JSON-LD in the W3C Data Privacy Vocabulary: the page
 * is a `dpv:PrivacyNotice` (and a `schema:WebPage`) naming its data
 * controller, with one `dpv:PersonalDataHandling` per purpose (its personal
 * data, legal basis and controller), per recipient (sharing), per
 * international transfer (importer, destination, safeguards) and per cookie
 * (the `tech:Cookie`, its purpose and lifetime), and the data subject rights.
 * Every entity's `@id` is the policy URL with its page anchor. Categories,
 * purposes, legal bases, recipients, transfer tools and rights are typed with
 * the DPV concept where one matches exactly, and otherwise described as the
 * generic concept with an `rdfs:label`. EU GDPR concepts are used only when
 * the document declares the `eu` jurisdiction.
 */
export function policyJsonLd(model: PolicyModel, options: JsonLdOptions): object {
  const p = model.policy;
  const url = options.url;
  const at = (anchor: string) => `${url}#${anchor}`;
  const ref = (id: string) => ({ '@id': id });
  const eu = (p.jurisdictions ?? []).includes('eu');
  const text = (value: string) => proseToPlainText(value, 'text');
  const lit = (value: string) => ({ '@value': value, '@language': p.locale });
  const enumLabel = (group: string, value: string) => {
    const label = options.messages?.enums[group]?.[value];
    return label === undefined ? value : lit(label);
  };
  const compact = (node: Node): Node =>
    Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  const legalBasis = (basis: LegalBasis) => [ref(legalBases[basis].dpv), ...(eu ? [ref(legalBases[basis].gdpr)] : [])];

  const controllerId = at('controller');
  const graph: Node[] = [];
  const handlings: string[] = [];

  // Contacts: the supervisory authority is an authority, the others are the controller's contact points.
  const contactIds = new Map(p.contacts.items.map((c) => [c.id, at(`contact-${c.id}`)]));
  const authorities = p.contacts.items.filter((c) => c.role === 'supervisory-authority');
  const contactPoints = p.contacts.items.filter((c) => c.role !== 'supervisory-authority');

  const controller = p.controller;
  graph.push(
    compact({
      '@id': controllerId,
      '@type': ['dpv:DataController', 'schema:Organization'],
      'schema:name': text(controller.name),
      'schema:alternateName': controller.brand === undefined ? undefined : text(controller.brand),
      'schema:url': controller.website ? ref(controller.website.url) : undefined,
      'schema:address': controller.address === undefined ? undefined : text(controller.address),
      'schema:parentOrganization':
        controller.group === undefined ? undefined : { '@type': 'schema:Organization', 'schema:name': text(controller.group) },
      'schema:contactPoint': contactPoints.map((c) => ref(contactIds.get(c.id)!)),
      'dpv:hasDataProtectionOfficer': contactPoints.filter((c) => c.role === 'dpo').map((c) => ref(contactIds.get(c.id)!)),
    }),
  );
  for (const c of p.contacts.items) {
    const authority = c.role === 'supervisory-authority';
    graph.push(
      compact({
        '@id': contactIds.get(c.id),
        '@type': authority
          ? ['dpv:DataProtectionAuthority', 'schema:GovernmentOrganization']
          : c.role === 'dpo'
            ? ['schema:ContactPoint', 'dpv:DataProtectionOfficer']
            : ['schema:ContactPoint'],
        'schema:name': c.name === undefined ? undefined : text(c.name),
        'schema:contactType': authority ? undefined : enumLabel('role', c.role),
        'schema:description': lit(text(c.description)),
        'schema:email': c.email,
        'schema:telephone': c.phone,
        'schema:url': c.url ? ref(c.url) : undefined,
        'schema:address': c.address === undefined ? undefined : text(c.address),
      }),
    );
  }

  const categoryId = (id: string) => at(`category-${id}`);
  for (const cat of p.collection.categories) {
    graph.push(
      compact({
        '@id': categoryId(cat.id),
        '@type': [
          'dpv:PersonalData',
          ...(personalData[cat.id] ? [personalData[cat.id]] : []),
          ...(cat.sensitive ? ['dpv:SensitivePersonalData'] : []),
        ],
        'rdfs:label': lit(text(cat.label)),
        'rdfs:comment': cat.description === undefined ? undefined : lit(text(cat.description)),
        'dpv:hasDataSource': cat.source ? ref(dataSources[cat.source]!) : undefined,
        'dpv:hasStorageCondition': cat.retention
          ? storageDuration(cat.retention.period, cat.retention.criteria && text(cat.retention.criteria))
          : undefined,
      }),
    );
  }

  for (const purpose of p.purposes.items) {
    const purposeId = at(`purpose-${purpose.id}`);
    graph.push(
      compact({
        '@id': purposeId,
        '@type': ['dpv:Purpose', ...(purposes[purpose.id] ? [purposes[purpose.id]] : [])],
        'rdfs:label': lit(text(purpose.description)),
      }),
    );
    const handling = at(`purpose-${purpose.id}-handling`);
    handlings.push(handling);
    graph.push(
      compact({
        '@id': handling,
        '@type': ['dpv:PersonalDataHandling', 'dpv:PersonalDataProcess'],
        'dpv:hasPurpose': ref(purposeId),
        'dpv:hasPersonalData': (purpose.categories ?? []).map((id) => ref(categoryId(id))),
        'dpv:hasLegalBasis': purpose.legalBasis ? legalBasis(purpose.legalBasis) : undefined,
        'dpv:hasJustification':
          purpose.legitimateInterest === undefined
            ? undefined
            : { '@type': 'dpv:Justification', 'rdfs:label': lit(text(purpose.legitimateInterest)) },
        'dpv:hasDataController': ref(controllerId),
      }),
    );
  }

  for (const recipient of p.sharing?.recipients ?? []) {
    const recipientId = at(`recipient-${recipient.id}`);
    const type = recipient.type && recipientTypes[recipient.type];
    graph.push(
      compact({
        '@id': recipientId,
        '@type': ['dpv:Recipient', ...(type ? [type] : [])],
        'rdfs:label': lit(text(recipient.name)),
      }),
    );
    const handling = at(`recipient-${recipient.id}-sharing`);
    handlings.push(handling);
    const basis = conditionBases[recipient.condition];
    graph.push(
      compact({
        '@id': handling,
        '@type': ['dpv:PersonalDataHandling', 'dpv:PersonalDataProcess'],
        'dpv:hasProcessing': ref('dpv:Share'),
        'dpv:hasRecipient': ref(recipientId),
        'dpv:hasPurpose':
          recipient.purpose === undefined ? undefined : { '@type': 'dpv:Purpose', 'rdfs:label': lit(text(recipient.purpose)) },
        'dpv:hasPersonalData': (recipient.categories ?? []).map((id) => ref(categoryId(id))),
        'dpv:hasLegalBasis': basis ? legalBasis(basis) : undefined,
        'dpv:hasDataController': ref(controllerId),
      }),
    );
  }

  for (const transfer of p.transfers?.items ?? []) {
    const id = at(`transfer-${transfer.id}`);
    handlings.push(id);
    const measures: unknown[] = [];
    const bases: unknown[] = [];
    for (const m of transfer.mechanisms) {
      const label = enumLabel('mechanism', m);
      const safeguard = { '@type': 'dpv:SafeguardForDataTransfer', 'rdfs:label': label };
      if (m === 'standard-contractual-clauses') measures.push(eu ? ref('eu-gdpr:StandardContractualClauses') : safeguard);
      else if (m === 'binding-corporate-rules') {
        measures.push(eu ? ref('eu-gdpr:BindingCorporateRules') : safeguard);
        if (eu) bases.push(ref('eu-gdpr:A46-2-b'));
      } else if (m === 'adequacy') bases.push(eu ? ref('eu-gdpr:A45-3') : { '@type': 'dpv:DataTransferLegalBasis', 'rdfs:label': label });
      else if (m === 'derogation') bases.push({ '@type': 'dpv:DataTransferLegalBasis', 'rdfs:label': label });
      else {
        // A framework: the EU-U.S. Data Privacy Framework is an EU adequacy decision (Art. 45(3)); the others are not, or no longer, EU law.
        measures.push(safeguard);
        if (m === 'eu-us-data-privacy-framework' && eu) bases.push(ref('eu-gdpr:A45-3'));
      }
    }
    graph.push(
      compact({
        '@id': id,
        '@type': ['dpv:PersonalDataHandling', 'dpv:PersonalDataProcess'],
        'dpv:hasProcessing': ref('dpv:Transfer'),
        'dpv:hasDataExporter': ref(controllerId),
        'dpv:hasDataImporter': { '@type': ['dpv:DataImporter'], 'rdfs:label': lit(text(transfer.recipient)) },
        'dpv:hasLocation': { '@type': 'dpv:Location', 'rdfs:label': lit(text(transfer.destination)) },
        'dpv:hasLegalBasis': bases,
        'dpv:hasOrganisationalMeasure': measures,
        'dpv:hasDataController': ref(controllerId),
      }),
    );
  }

  for (const cookie of p.cookies?.items ?? []) {
    const cookieId = at(`cookie-${cookie.id}`);
    graph.push({ '@id': cookieId, '@type': 'tech:Cookie', 'rdfs:label': cookie.name });
    const handling = at(`cookie-${cookie.id}-handling`);
    handlings.push(handling);
    graph.push(
      compact({
        '@id': handling,
        '@type': ['dpv:PersonalDataHandling', 'dpv:PersonalDataProcess'],
        'dpv:isImplementedUsingTechnology': ref(cookieId),
        'dpv:hasPurpose': {
          '@type': ['dpv:Purpose', ...(cookie.category === 'advertising' ? ['dpv:Advertising'] : [])],
          'rdfs:label': lit(text(cookie.purpose)),
        },
        'dpv:hasRecipient':
          cookie.party === 'third' && cookie.provider !== undefined
            ? { '@type': 'dpv:ThirdParty', 'rdfs:label': lit(text(cookie.provider)) }
            : undefined,
        'dpv:hasStorageCondition':
          cookie.lifetime === 'session'
            ? { '@type': ['dpv:StorageDuration', 'dpv:UntilEventDuration'], 'rdfs:label': enumLabel('lifetime', 'session') }
            : storageDuration(cookie.duration, undefined),
        'dpv:hasDataController': ref(controllerId),
      }),
    );
  }

  for (const right of p.rights?.items ?? []) {
    const article = eu ? gdprRights[right.type] : undefined;
    graph.push(
      compact({
        '@id': at(`right-${right.id}`),
        '@type': ['dpv:DataSubjectRight', ...(article ? [article] : [])],
        'rdfs:label': right.title === undefined ? enumLabel('right', right.type) : lit(text(right.title)),
        'dpv:isExercisedAt': right.contact ? ref(contactIds.get(right.contact) ?? at(`contact-${right.contact}`)) : undefined,
      }),
    );
  }

  // The notice comes first and lists the handlings collected above.
  graph.unshift(
    compact({
      '@id': url,
      '@type': ['dpv:PrivacyNotice', 'schema:WebPage'],
      'schema:name': lit(text(p.title)),
      'schema:inLanguage': p.locale,
      'schema:version': p.version,
      'schema:dateModified': { '@value': p.effective, '@type': 'xsd:date' },
      'schema:publisher': ref(controllerId),
      'dpv:hasDataController': ref(controllerId),
      'dpv:hasPersonalDataHandling': handlings.map(ref),
      'dpv:hasRight': (p.rights?.items ?? []).map((r) => ref(at(`right-${r.id}`))),
      'dpv:hasAuthority': authorities.map((c) => ref(contactIds.get(c.id)!)),
    }),
  );

  return { '@context': jsonLdContext, '@graph': graph };

  function storageDuration(period: string | undefined, criteria: string | undefined): Node | undefined {
    if (period === undefined && criteria === undefined) return undefined;
    const iso = period === undefined ? undefined : isoDuration(period);
    return compact({
      '@type': ['dpv:StorageDuration', ...(period === undefined ? [] : ['dpv:TemporalDuration'])],
      'rdfs:label': lit([period, criteria].filter(Boolean).join(', ')),
      'rdf:value': iso === undefined ? undefined : { '@value': iso, '@type': 'xsd:duration' },
    });
  }
}

/** An ISO 8601 duration (`P12M`) for one of the document's periods (`12 months`, `1 year`); undefined for anything else. */
export function isoDuration(period: string): string | undefined {
  const m = /^\s*(\d+)\s*(day|week|month|year)s?\s*$/i.exec(period);
  if (!m) return undefined;
  return `P${m[1]}${{ day: 'D', week: 'W', month: 'M', year: 'Y' }[m[2]!.toLowerCase() as 'day']}`;
}

/**
 * A `<script type="application/ld+json">` element holding `data`, safe to
 * place in an HTML page: `<`, `>` and `&` (and the JavaScript line
 * separators) are written as `\u` escapes, which JSON reads as the same
 * characters, so no value can close the element or start a comment.
 */
export function jsonLdScript(data: object): string {
  const json = JSON.stringify(data, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">\n${json}\n</script>`;
}
