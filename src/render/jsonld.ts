import type {
  Contact,
  Controller,
  Cookie,
  DataCategory,
  LegalBasis,
  Policy,
  Purpose,
  Recipient,
  Right,
  Transfer,
  TransferMechanism,
} from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { proseToPlainText } from '../markdown/prose.js';
import { isoDuration } from '../util/duration.js';

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

// A sharing condition is not a legal basis: the graph states none for a recipient, only what the policy says.

/** Recipient kinds (`type`) that name a DPV entity concept by themselves. */
const recipientTypes: Partial<Record<string, string>> = {
  authority: 'dpv:Authority',
};

/** Recipient roles, as the policy states them. */
const recipientRoles: Partial<Record<string, string>> = {
  processor: 'dpv:DataProcessor',
  controller: 'dpv:DataController',
  'joint-controller': 'dpv:DataController',
  'third-party': 'dpv:ThirdParty',
  'public-authority': 'dpv:Authority',
};

/** Where data comes from (data inferred by the controller has no DPV 2.0 term this mapping was checked against: none is claimed). */
const dataSources: Partial<Record<string, string>> = {
  'data-subject': 'dpv:DataSubjectDataSource',
  automatic: 'dpv:DataSubjectDataSource',
  'third-party': 'dpv:ThirdPartyDataSource',
  public: 'dpv:PublicDataSource',
  'other-users': 'dpv:ThirdPartyDataSource',
  affiliate: 'dpv:ThirdPartyDataSource',
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

/** What the node builders share: the page's anchors, literals in the document's language, and the facts several nodes point to. */
interface Graph {
  /** The `@id` of the entity with this page anchor. */
  at(anchor: string): string;
  /** A string in the document's language. */
  lit(value: string): Literal;
  /** The locale's label of an enum value, or the value itself when the locale has none. */
  enumLabel(group: string, value: string): Literal | string;
  /** A legal basis as its DPV concept, and its EU GDPR article when EU law applies. */
  legalBasis(basis: LegalBasis): Node[];
  /** Whether the document declares the `eu` jurisdiction: only then are EU GDPR concepts used. */
  eu: boolean;
  controllerId: string;
  /** The `@id` of each contact, by contact id. */
  contactIds: Map<string, string>;
}

type Literal = { '@value': string; '@language': string };

const ref = (id: string) => ({ '@id': id });
const text = (value: string) => proseToPlainText(value, 'text');
/** The node without its absent values and empty lists, which JSON-LD would read as "no value" anyway. */
const compact = (node: Node): Node =>
  Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
/** The types of a handling node (a fresh list each time: nodes share no values). */
const handlingTypes = (): string[] => ['dpv:PersonalDataHandling', 'dpv:PersonalDataProcess'];
const isHandling = (node: Node) => Array.isArray(node['@type']) && node['@type'].includes('dpv:PersonalDataHandling');

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
  const g = graphContext(p, options);
  const body: Node[] = [
    controllerNode(p.controller, p.contacts.items, g),
    ...p.contacts.items.map((c) => contactNode(c, g)),
    ...p.collection.categories.map((cat) => categoryNode(cat, g)),
    ...p.purposes.items.flatMap((purpose) => purposeNodes(purpose, g)),
    ...(p.sharing?.recipients ?? []).flatMap((recipient) => recipientNodes(recipient, g)),
    ...(p.transfers?.items ?? []).map((transfer) => transferNode(transfer, g)),
    ...(p.cookies?.items ?? []).flatMap((cookie) => cookieNodes(cookie, g)),
    ...(p.rights?.items ?? []).map((right) => rightNode(right, g)),
  ];
  // The notice comes first and lists every handling, in the order of the graph.
  const handlings = body.filter(isHandling).map((node) => node['@id'] as string);
  return { '@context': jsonLdContext, '@graph': [noticeNode(p, handlings, options.url, g), ...body] };
}

function graphContext(p: Policy, options: JsonLdOptions): Graph {
  const at = (anchor: string) => `${options.url}#${anchor}`;
  const eu = (p.jurisdictions ?? []).includes('eu');
  const lit = (value: string): Literal => ({ '@value': value, '@language': p.locale });
  return {
    at,
    lit,
    enumLabel: (group, value) => {
      const label = options.messages?.enums[group]?.[value];
      return label === undefined ? value : lit(label);
    },
    legalBasis: (basis) => [ref(legalBases[basis].dpv), ...(eu ? [ref(legalBases[basis].gdpr)] : [])],
    eu,
    controllerId: at('controller'),
    contactIds: new Map(p.contacts.items.map((c) => [c.id, at(`contact-${c.id}`)])),
  };
}

const categoryId = (id: string, g: Graph) => g.at(`category-${id}`);

/** The page itself: the notice, its controller, its handlings, rights and supervisory authorities. */
function noticeNode(p: Policy, handlings: string[], url: string, g: Graph): Node {
  const authorities = p.contacts.items.filter((c) => c.role === 'supervisory-authority');
  return compact({
    '@id': url,
    '@type': ['dpv:PrivacyNotice', 'schema:WebPage'],
    'schema:name': g.lit(text(p.title)),
    'schema:inLanguage': p.locale,
    'schema:version': p.version,
    'schema:dateModified': { '@value': p.effective, '@type': 'xsd:date' },
    'schema:publisher': ref(g.controllerId),
    'dpv:hasDataController': ref(g.controllerId),
    'dpv:hasPersonalDataHandling': handlings.map(ref),
    'dpv:hasRight': (p.rights?.items ?? []).map((r) => ref(g.at(`right-${r.id}`))),
    'dpv:hasAuthority': authorities.map((c) => ref(g.contactIds.get(c.id)!)),
  });
}

/** The controller, with its contact points (every contact but the supervisory authority) and its DPO. */
function controllerNode(controller: Controller, contacts: Contact[], g: Graph): Node {
  const contactPoints = contacts.filter((c) => c.role !== 'supervisory-authority');
  return compact({
    '@id': g.controllerId,
    '@type': ['dpv:DataController', 'schema:Organization'],
    'schema:name': text(controller.name),
    'schema:alternateName': controller.brand === undefined ? undefined : text(controller.brand),
    'schema:url': controller.website ? ref(controller.website.url) : undefined,
    'schema:address': controller.address === undefined ? undefined : text(controller.address),
    'schema:parentOrganization':
      controller.group === undefined ? undefined : { '@type': 'schema:Organization', 'schema:name': text(controller.group) },
    'schema:contactPoint': contactPoints.map((c) => ref(g.contactIds.get(c.id)!)),
    'dpv:hasDataProtectionOfficer': contactPoints.filter((c) => c.role === 'dpo').map((c) => ref(g.contactIds.get(c.id)!)),
  });
}

/** A contact: the supervisory authority is an authority, the others are the controller's contact points. */
function contactNode(c: Contact, g: Graph): Node {
  const authority = c.role === 'supervisory-authority';
  return compact({
    '@id': g.contactIds.get(c.id),
    '@type': authority
      ? ['dpv:DataProtectionAuthority', 'schema:GovernmentOrganization']
      : c.role === 'dpo'
        ? ['schema:ContactPoint', 'dpv:DataProtectionOfficer']
        : ['schema:ContactPoint'],
    'schema:name': c.name === undefined ? undefined : text(c.name),
    'schema:contactType': authority ? undefined : g.enumLabel('role', c.role),
    'schema:description': g.lit(text(c.description)),
    'schema:email': c.email,
    'schema:telephone': c.phone,
    'schema:url': c.url ? ref(c.url) : undefined,
    'schema:address': c.address === undefined ? undefined : text(c.address),
  });
}

function categoryNode(cat: DataCategory, g: Graph): Node {
  return compact({
    '@id': categoryId(cat.id, g),
    '@type': [
      'dpv:PersonalData',
      ...(personalData[cat.id] ? [personalData[cat.id]] : []),
      ...(cat.sensitive ? ['dpv:SensitivePersonalData'] : []),
    ],
    'rdfs:label': g.lit(text(cat.label)),
    'rdfs:comment': cat.description === undefined ? undefined : g.lit(text(cat.description)),
    'dpv:hasDataSource': single(unique((cat.sources ?? []).map((source) => dataSources[source.type])).map(ref)),
    'dpv:hasStorageCondition': cat.retention
      ? storageDuration(cat.retention.period, cat.retention.criteria && text(cat.retention.criteria), g)
      : undefined,
  });
}

/** A purpose, and its handling: the categories processed for it, on which legal basis. */
function purposeNodes(purpose: Purpose, g: Graph): Node[] {
  const purposeId = g.at(`purpose-${purpose.id}`);
  const node = compact({
    '@id': purposeId,
    '@type': ['dpv:Purpose', ...(purposes[purpose.id] ? [purposes[purpose.id]] : [])],
    'rdfs:label': g.lit(text(purpose.description)),
  });
  const handling = compact({
    '@id': g.at(`purpose-${purpose.id}-handling`),
    '@type': handlingTypes(),
    'dpv:hasPurpose': ref(purposeId),
    'dpv:hasPersonalData': (purpose.categories ?? []).map((id) => ref(categoryId(id, g))),
    'dpv:hasLegalBasis': (purpose.legalBases ?? []).flatMap((basis) => g.legalBasis(basis)),
    'dpv:hasJustification':
      purpose.legitimateInterest === undefined
        ? undefined
        : { '@type': 'dpv:Justification', 'rdfs:label': g.lit(text(purpose.legitimateInterest)) },
    'dpv:hasDataController': ref(g.controllerId),
  });
  return [node, handling];
}

/** A recipient, and the sharing with it: what is shared, what for, on which basis its condition implies. */
function recipientNodes(recipient: Recipient, g: Graph): Node[] {
  const recipientId = g.at(`recipient-${recipient.id}`);
  const types = unique([recipient.type && recipientTypes[recipient.type], recipient.role && recipientRoles[recipient.role]]);
  const node = compact({
    '@id': recipientId,
    '@type': ['dpv:Recipient', ...types],
    'rdfs:label': g.lit(text(recipient.name)),
  });
  const sharing = compact({
    '@id': g.at(`recipient-${recipient.id}-sharing`),
    '@type': handlingTypes(),
    'dpv:hasProcessing': ref('dpv:Share'),
    'dpv:hasRecipient': ref(recipientId),
    'dpv:hasPurpose':
      recipient.purpose === undefined ? undefined : { '@type': 'dpv:Purpose', 'rdfs:label': g.lit(text(recipient.purpose)) },
    'dpv:hasPersonalData': (recipient.categories ?? []).map((id) => ref(categoryId(id, g))),
    'dpv:hasDataController': ref(g.controllerId),
  });
  return [node, sharing];
}

/** An international transfer: exporter, importer, destination, and its safeguards. */
function transferNode(transfer: Transfer, g: Graph): Node {
  const { measures, bases } = transferSafeguards(transfer.mechanisms, g);
  return compact({
    '@id': g.at(`transfer-${transfer.id}`),
    '@type': handlingTypes(),
    'dpv:hasProcessing': ref('dpv:Transfer'),
    'dpv:hasDataExporter': ref(g.controllerId),
    'dpv:hasDataImporter': { '@type': ['dpv:DataImporter'], 'rdfs:label': g.lit(text(transfer.recipient)) },
    'dpv:hasLocation': { '@type': 'dpv:Location', 'rdfs:label': g.lit(text(transfer.destination)) },
    'dpv:hasLegalBasis': bases,
    'dpv:hasOrganisationalMeasure': measures,
    'dpv:hasDataController': ref(g.controllerId),
  });
}

/**
 * What a transfer's mechanisms say in DPV: safeguards (organisational
 * measures) and legal bases. Under EU law the EU GDPR concepts and articles;
 * otherwise generic safeguards and bases labelled with the mechanism.
 */
function transferSafeguards(mechanisms: TransferMechanism[], g: Graph): { measures: unknown[]; bases: unknown[] } {
  const { eu } = g;
  const measures: unknown[] = [];
  const bases: unknown[] = [];
  for (const m of mechanisms) {
    const label = g.enumLabel('mechanism', m);
    const safeguard = { '@type': 'dpv:SafeguardForDataTransfer', 'rdfs:label': label };
    if (m === 'standard-contractual-clauses') measures.push(eu ? ref('eu-gdpr:StandardContractualClauses') : safeguard);
    else if (m === 'binding-corporate-rules') {
      measures.push(eu ? ref('eu-gdpr:BindingCorporateRules') : safeguard);
      if (eu) bases.push(ref('eu-gdpr:A46-2-b'));
    } else if (m === 'adequacy') bases.push(eu ? ref('eu-gdpr:A45-3') : { '@type': 'dpv:DataTransferLegalBasis', 'rdfs:label': label });
    else if (m === 'derogation') bases.push({ '@type': 'dpv:DataTransferLegalBasis', 'rdfs:label': label });
    else {
      // Another safeguard (the UK's and Swiss clauses, codes, certifications, public-authority instruments) or a framework: the EU-U.S. Data Privacy Framework is an EU adequacy decision (Art. 45(3)); the other frameworks are not, or no longer, EU law.
      measures.push(safeguard);
      if (m === 'eu-us-data-privacy-framework' && eu) bases.push(ref('eu-gdpr:A45-3'));
    }
  }
  return { measures, bases };
}

/** A cookie, and its handling: its purpose, its third-party provider, and how long it lives. */
function cookieNodes(cookie: Cookie, g: Graph): Node[] {
  const cookieId = g.at(`cookie-${cookie.id}`);
  const handling = compact({
    '@id': g.at(`cookie-${cookie.id}-handling`),
    '@type': handlingTypes(),
    'dpv:isImplementedUsingTechnology': ref(cookieId),
    'dpv:hasPurpose': {
      '@type': ['dpv:Purpose', ...(cookie.category === 'advertising' ? ['dpv:Advertising'] : [])],
      'rdfs:label': g.lit(text(cookie.purpose)),
    },
    'dpv:hasRecipient':
      cookie.party === 'third' && cookie.provider !== undefined
        ? { '@type': 'dpv:ThirdParty', 'rdfs:label': g.lit(text(cookie.provider)) }
        : undefined,
    'dpv:hasStorageCondition':
      cookie.lifetime === 'session'
        ? { '@type': ['dpv:StorageDuration', 'dpv:UntilEventDuration'], 'rdfs:label': g.enumLabel('lifetime', 'session') }
        : storageDuration(cookie.duration, undefined, g),
    'dpv:hasDataController': ref(g.controllerId),
  });
  return [{ '@id': cookieId, '@type': 'tech:Cookie', 'rdfs:label': cookie.name }, handling];
}

/** A data subject right, with its EU GDPR article when EU law applies, and where to exercise it. */
function rightNode(right: Right, g: Graph): Node {
  const types = right.types ?? [];
  const articles = g.eu ? unique(types.map((type) => gdprRights[type])) : [];
  return compact({
    '@id': g.at(`right-${right.id}`),
    '@type': ['dpv:DataSubjectRight', ...articles],
    'rdfs:label': right.title === undefined ? single(types.map((type) => g.enumLabel('right', type))) : g.lit(text(right.title)),
    'dpv:isExercisedAt': right.contact ? ref(g.contactIds.get(right.contact) ?? g.at(`contact-${right.contact}`)) : undefined,
  });
}

/** How long data is kept: a period (with its ISO 8601 duration when it has one) and/or the criteria that decide it. */
function storageDuration(period: string | undefined, criteria: string | undefined, g: Graph): Node | undefined {
  if (period === undefined && criteria === undefined) return undefined;
  const iso = period === undefined ? undefined : isoDuration(period);
  return compact({
    '@type': ['dpv:StorageDuration', ...(period === undefined ? [] : ['dpv:TemporalDuration'])],
    'rdfs:label': g.lit([period, criteria].filter(Boolean).join(', ')),
    'rdf:value': iso === undefined ? undefined : { '@value': iso, '@type': 'xsd:duration' },
  });
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

/** The defined values, each once, in first-seen order. */
function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

/** One value as itself, several as a list (JSON-LD reads both alike; a single value stays as it was written before lists). */
function single<T>(values: T[]): T | T[] | undefined {
  return values.length === 1 ? values[0] : values;
}
