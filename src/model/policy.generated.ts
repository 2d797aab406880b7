/* Generated from schema/policy.schema.json by scripts/generate-types.mjs: do not edit. Run `npm run generate:types`. */

/**
 * A jurisdiction: `eu` (GDPR), `uk` (UK GDPR), `ch` (Swiss FADP), `us` (US federal law such as COPPA), `us-ca` (California: CCPA as amended by the CPRA, CalOPPA), a US state with a comprehensive privacy law (`us-va` Virginia, `us-co` Colorado, `us-ct` Connecticut, `us-ut` Utah, `us-tx` Texas, `us-or` Oregon, `us-mt` Montana, `us-ia` Iowa, `us-de` Delaware, `us-ne` Nebraska, `us-nh` New Hampshire, `us-nj` New Jersey, `us-tn` Tennessee, `us-mn` Minnesota, `us-md` Maryland, `us-in` Indiana, `us-ky` Kentucky, `us-ri` Rhode Island) or a consumer-health law (`us-wa` Washington, `us-nv` Nevada), `ca` (Canada, PIPEDA), `ca-qc` (Quebec, Law 25), `br` (Brazil, LGPD).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Jurisdiction".
 */
export type Jurisdiction =
  | 'eu'
  | 'uk'
  | 'ch'
  | 'us'
  | 'us-ca'
  | 'us-va'
  | 'us-co'
  | 'us-ct'
  | 'us-ut'
  | 'us-tx'
  | 'us-or'
  | 'us-mt'
  | 'us-ia'
  | 'us-de'
  | 'us-ne'
  | 'us-nh'
  | 'us-nj'
  | 'us-tn'
  | 'us-mn'
  | 'us-md'
  | 'us-in'
  | 'us-ky'
  | 'us-ri'
  | 'us-wa'
  | 'us-nv'
  | 'ca'
  | 'ca-qc'
  | 'br';
/**
 * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * The `id` of another entity in this document.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "IdRef".
 */
export type IdRef = string;
/**
 * A postal address: one line, or several lines as a YAML block (`|`), each line printed on its own line.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Address".
 */
export type Address = string;
/**
 * An e-mail address.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Email".
 */
export type Email = string;
/**
 * An absolute http or https URL.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Url".
 */
export type Url = string;
/**
 * A telephone number. Write it in international form (`+44 20 7946 0000`) so that it can be dialled from abroad (rule `phone-not-international`).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Phone".
 */
export type Phone = string;
/**
 * A condition of GDPR Art. 9(2) under which special-category data may be processed: `explicit-consent` (a: the person’s explicit consent, for one or more specified purposes), `employment-and-social-security-law` (b: obligations and rights under employment, social security and social protection law, as Union or member-state law or a collective agreement authorises), `vital-interests` (c: to protect the vital interests of the person or of another, where the person is physically or legally incapable of giving consent), `not-for-profit-body` (d: a foundation, association or other not-for-profit body with a political, philosophical, religious or trade union aim, about its members, former members or regular contacts, not disclosed outside it without consent), `manifestly-made-public` (e: data the person has manifestly made public), `legal-claims` (f: the establishment, exercise or defence of legal claims, or courts acting in their judicial capacity), `substantial-public-interest` (g: reasons of substantial public interest, on the basis of Union or member-state law), `health-or-social-care` (h: preventive or occupational medicine, assessing working capacity, medical diagnosis, health or social care or treatment, or managing health or social care systems, on the basis of law or a contract with a health professional), `public-health` (i: reasons of public interest in the area of public health, on the basis of law), `archiving-research-statistics` (j: archiving in the public interest, scientific or historical research or statistics, under Art. 89(1), on the basis of law). In the UK, (b), (h), (i) and (j) need a condition of Part 1, and (g) one of Part 2, of Schedule 1 to the Data Protection Act 2018 (section 10).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "SpecialCategoryCondition".
 */
export type SpecialCategoryCondition =
  | 'explicit-consent'
  | 'employment-and-social-security-law'
  | 'vital-interests'
  | 'not-for-profit-body'
  | 'manifestly-made-public'
  | 'legal-claims'
  | 'substantial-public-interest'
  | 'health-or-social-care'
  | 'public-health'
  | 'archiving-research-statistics';
/**
 * A category of personal information of the CCPA (Cal. Civ. Code 1798.140(v)(1)(A)-(L)): `identifiers` (A), `customer-records` (B, 1798.80(e)), `protected-characteristics` (C), `commercial-information` (D), `biometric-information` (E), `internet-activity` (F), `geolocation` (G), `sensory-data` (H), `professional-information` (I), `education-information` (J), `inferences` (K), `sensitive-personal-information` (L, 1798.140(ae)).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "PersonalInformationCategory".
 */
export type PersonalInformationCategory =
  | 'identifiers'
  | 'customer-records'
  | 'protected-characteristics'
  | 'commercial-information'
  | 'biometric-information'
  | 'internet-activity'
  | 'geolocation'
  | 'sensory-data'
  | 'professional-information'
  | 'education-information'
  | 'inferences'
  | 'sensitive-personal-information';
/**
 * One line of translatable text; inline Markdown (emphasis, links) is allowed.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * A platform: `web`, `desktop` (or one system: `windows`, `macos`, `linux`), `android`, `ios`, `ipados`, `watchos`, `tv`, `other`.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Platform".
 */
export type Platform =
  'web' | 'desktop' | 'windows' | 'macos' | 'linux' | 'android' | 'ios' | 'ipados' | 'watchos' | 'tv' | 'other';
/**
 * The lawful basis of processing under GDPR Art. 6(1).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export type LegalBasis =
  'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests';
/**
 * An ISO 3166-1 alpha-2 country code in capitals (`US`, `IE`, `GB`).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "CountryCode".
 */
export type CountryCode = string;
/**
 * A host name as it appears in a URL, lower case, without scheme, port or path; a leading `*.` matches the domain and any host under it.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Host".
 */
export type Host = string;
/**
 * Direct marketing: how the person agrees to it and how to stop it.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Marketing".
 */
export type Marketing = Marketing1 & {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * `opt-in`: marketing only after the person agrees; `opt-out`: marketing until the person objects. Short form of `consents` with one model for everyone.
   */
  consent?: 'opt-in' | 'opt-out';
  /**
   * How people agree to marketing, for each audience when it differs (opt-in for prospects, opt-out for existing customers).
   *
   * @minItems 1
   * @maxItems 5000
   */
  consents?: [MarketingConsent, ...MarketingConsent[]];
  /**
   * How to stop receiving marketing.
   */
  optOut: {
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    instructions: string;
    /**
     * The `id` of another entity in this document.
     */
    contact?: string;
  };
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
  /**
   * The channels marketing is sent through.
   *
   * @maxItems 5000
   *
   * Items: A marketing channel.
   */
  channels?: ('email' | 'sms' | 'phone' | 'post' | 'push' | 'in-product' | 'online-advertising')[];
};
export type Marketing1 =
  | {
      consent: unknown;
    }
  | {
      consents: unknown;
    };
/**
 * Marks an entry written by a tool (such as `policyc scan --fix`) for a person to check, with what to check. `validate` warns while it is present and `release` refuses; delete it once the entry is checked.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "ReviewNote".
 */
export type ReviewNote = string;
/**
 * A transfer safeguard. `adequacy`: an adequacy decision (GDPR Art. 45) for the destination. `standard-contractual-clauses`: the European Commission's standard contractual clauses (Art. 46(2)(c)); for data from Switzerland, as the Swiss FDPIC recognises them; for data from the UK they stand alone only until 21 March 2024, the end of the UK's transition. `uk-idta`: the UK International Data Transfer Agreement, in force from 21 March 2022, for data from the UK. `uk-addendum`: the UK International Data Transfer Addendum to the European Commission's standard contractual clauses, in force from 21 March 2022, for data from the UK. `swiss-scc-adaptation`: the European Commission's 2021 standard contractual clauses with the adaptations to Swiss law the FDPIC required when it recognised them on 27 August 2021, for data from Switzerland. `binding-corporate-rules` (Art. 47). `code-of-conduct`: an approved code of conduct with binding and enforceable commitments of the recipient (Art. 46(2)(e)). `certification-mechanism`: an approved certification mechanism with binding and enforceable commitments of the recipient (Art. 46(2)(f)); a U.S. framework is named by its own value. `public-authority-instrument`: a legally binding and enforceable instrument between public authorities or bodies (Art. 46(2)(a)). `ad-hoc-contractual-clauses`: contractual clauses authorised by the competent supervisory authority (Art. 46(3)(a)). `administrative-arrangement`: provisions in administrative arrangements between public authorities or bodies, authorised by the competent supervisory authority (Art. 46(3)(b)). A U.S. framework, each for data from its own origin: `eu-us-safe-harbor`, `us-swiss-safe-harbor`, `eu-us-privacy-shield`, `swiss-us-privacy-shield`, `eu-us-data-privacy-framework`, `uk-us-data-bridge`, `swiss-us-data-privacy-framework`. `derogation`: a derogation for a specific situation (Art. 49), named in the transfer's `derogation`.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "TransferMechanism".
 */
export type TransferMechanism =
  | 'adequacy'
  | 'standard-contractual-clauses'
  | 'uk-idta'
  | 'uk-addendum'
  | 'swiss-scc-adaptation'
  | 'binding-corporate-rules'
  | 'code-of-conduct'
  | 'certification-mechanism'
  | 'public-authority-instrument'
  | 'ad-hoc-contractual-clauses'
  | 'administrative-arrangement'
  | 'eu-us-safe-harbor'
  | 'us-swiss-safe-harbor'
  | 'eu-us-privacy-shield'
  | 'swiss-us-privacy-shield'
  | 'eu-us-data-privacy-framework'
  | 'uk-us-data-bridge'
  | 'swiss-us-data-privacy-framework'
  | 'derogation';
/**
 * A right of the data subject.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Right".
 */
export type Right = Right1 & {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * Short form of `types` with one type.
   */
  type?:
    | 'access'
    | 'rectification'
    | 'erasure'
    | 'restriction'
    | 'objection'
    | 'portability'
    | 'withdraw-consent'
    | 'complaint'
    | 'automated-decisions'
    | 'know'
    | 'delete'
    | 'correct'
    | 'opt-out-of-sale'
    | 'limit-sensitive'
    | 'non-discrimination'
    | 'appeal'
    | 'opt-out-of-targeted-advertising'
    | 'opt-out-of-profiling'
    | 'shine-the-light'
    | 'minors-content-removal'
    | 'post-mortem-instructions'
    | 'consent-to-sensitive'
    | 'list-third-parties'
    | 'question-profiling';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  title?: string;
  /**
   * What the right is and how to exercise it.
   */
  description: string;
  /**
   * The `id` of another entity in this document.
   */
  contact?: string;
  /**
   * A fee charged for exercising the right.
   */
  fee?: {
    /**
     * The fee, in the currency's major unit.
     */
    amount: number;
    /**
     * ISO 4217 currency code.
     */
    currency: string;
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    reason?: string;
  };
  /**
   * The rights this entry describes, when it covers several.
   *
   * @minItems 1
   * @maxItems 5000
   */
  types?: [RightType, ...RightType[]];
  /**
   * Who has the right (everyone, when absent).
   *
   * @maxItems 5000
   */
  regions?: Jurisdiction[];
};
export type Right1 =
  | {
      type: unknown;
    }
  | {
      types: unknown;
    };
/**
 * Which right: GDPR (`access`, `rectification`, `erasure`, `restriction`, `objection`, `portability`, `withdraw-consent`, `complaint`, `automated-decisions`); CCPA/CPRA (`know`, `delete`, `correct`, `opt-out-of-sale`, `limit-sensitive`, `non-discrimination`); the other US state laws (`appeal`, `opt-out-of-targeted-advertising`, `opt-out-of-profiling`, `consent-to-sensitive`; Oregon’s and Minnesota’s `list-third-parties`, a list of the specific third parties personal data was disclosed to; Minnesota’s `question-profiling`, questioning the result of a profiling decision); California’s Shine the Light (`shine-the-light`, Civ. Code 1798.83) and minors’ removal of posted content (`minors-content-removal`, Bus. & Prof. Code 22581); instructions for after death (`post-mortem-instructions`, French law 78-17 Art. 85).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "RightType".
 */
export type RightType =
  | 'access'
  | 'rectification'
  | 'erasure'
  | 'restriction'
  | 'objection'
  | 'portability'
  | 'withdraw-consent'
  | 'complaint'
  | 'automated-decisions'
  | 'know'
  | 'delete'
  | 'correct'
  | 'opt-out-of-sale'
  | 'limit-sensitive'
  | 'non-discrimination'
  | 'appeal'
  | 'opt-out-of-targeted-advertising'
  | 'opt-out-of-profiling'
  | 'shine-the-light'
  | 'minors-content-removal'
  | 'post-mortem-instructions'
  | 'consent-to-sensitive'
  | 'list-third-parties'
  | 'question-profiling';
/**
 * One way to reach a contact. Exactly one of `email`, `url`, `phone`, `address` or `instructions`.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "ContactMethod".
 */
export type ContactMethod = {
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  label?: string;
  email?: Email;
  url?: Url;
  phone?: Phone;
  /**
   * True for a toll-free number (Civ. Code 1798.130(a)(1)).
   */
  tollFree?: boolean;
  address?: Address;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  instructions?: string;
} & ContactMethod1;
export type ContactMethod1 =
  | {
      email: unknown;
    }
  | {
      url: unknown;
    }
  | {
      phone: unknown;
    }
  | {
      address: unknown;
    }
  | {
      instructions: unknown;
    };
/**
 * A practice a privacy policy describes, after the OPP-115 categories (Wilson et al., ACL 2016): `first-party-collection` (collection and use), `third-party-sharing` (sharing and collection by others), `user-choice` (choice and control), `user-access` (access, edit and deletion), `data-retention`, `data-security`, `policy-change`, `do-not-track`, `specific-audiences` (audiences such as Californians or Europeans), plus `international-transfers`, `children`, `government-requests`, `contact` and `other`.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Practice".
 */
export type Practice =
  | 'first-party-collection'
  | 'third-party-sharing'
  | 'user-choice'
  | 'user-access'
  | 'data-retention'
  | 'data-security'
  | 'policy-change'
  | 'do-not-track'
  | 'specific-audiences'
  | 'international-transfers'
  | 'children'
  | 'government-requests'
  | 'contact'
  | 'other';
/**
 * A section of the page: the name of a built-in section (`collection`, `governmentRequests`) or the `id` of a custom section.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "SectionRef".
 */
export type SectionRef = string;
/**
 * Translatable Markdown prose (paragraphs, lists, links; GitHub-flavoured). Raw HTML is not rendered.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Prose".
 */
export type Prose = string;
/**
 * A period: a whole number and a unit (minute, hour, day, week, month, year), singular or plural.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = string;
/**
 * One line of translatable text; inline Markdown (emphasis, links) is allowed.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "SectionTitle".
 */
export type SectionTitle = string;
/**
 * Prose shown under the section heading, before its structured content.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "SectionIntro".
 */
export type SectionIntro = string;
/**
 * Prose shown after the section's structured content.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "SectionClosing".
 */
export type SectionClosing = string;
/**
 * A name in which `*` stands for any run of characters (a suffix per site or per user), matched against the whole name.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "NamePattern".
 */
export type NamePattern = string;

/**
 * A privacy policy as structured data: what is collected, why, who receives it, where it goes, cookies, rights and contacts. Edited by legal in policy/<id>.yaml and compiled by policyc.
 */
export interface Policy {
  /**
   * Where editors find this schema; ignored by policyc.
   */
  $schema?: string;
  /**
   * Stable identifier of the document; also its file name (policy/<id>.yaml) and its folder in dist/.
   */
  id: string;
  /**
   * The document's title, shown as the page heading.
   */
  title: string;
  /**
   * Semantic version of this revision of the document (MAJOR.MINOR.PATCH).
   */
  version: string;
  /**
   * The date from which this version applies (ISO 8601, YYYY-MM-DD); shown as the last-updated date.
   */
  effective: string;
  /**
   * BCP 47 language tag of the document's prose.
   */
  locale: string;
  /**
   * Legal regimes the document is written for; compliance rules are chosen by them.
   *
   * @maxItems 5000
   */
  jurisdictions?: Jurisdiction[];
  controller: Controller;
  /**
   * Opening paragraphs shown before the first section (who we are, what this policy covers).
   */
  introduction?: string;
  /**
   * Related documents the policy refers to, such as the Terms of Use.
   *
   * @maxItems 5000
   */
  related?: RelatedDocument[];
  collection: Collection;
  purposes: Purposes;
  sharing?: Sharing;
  marketing?: Marketing;
  cookies?: Cookies;
  transfers?: Transfers;
  certifications?: Certifications;
  rights?: Rights;
  changes?: Changes;
  contacts: Contacts;
  /**
   * Free Markdown sections for what the model does not cover, each placed after a named section.
   *
   * @maxItems 5000
   */
  sections?: CustomSection[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  copyright?: string;
  scope?: Scope;
  /**
   * Further controllers besides `controller`, for example one per region or service; each needs an `id` and says where (`regions`) or for what (`services`) it is the controller.
   *
   * @maxItems 5000
   */
  otherControllers?: Controller[];
  /**
   * A company-wide policy this document defers to (for example a product notice that relies on the main privacy policy for legal bases, rights and contacts). Its pages link to the parent; the compliance rules read the parent for what is deferred.
   */
  parent?: (
    | {
        document: unknown;
      }
    | {
        url: unknown;
      }
  ) & {
    /**
     * The `id` of another entity in this document.
     */
    document?: string;
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    title?: string;
    /**
     * An absolute http or https URL.
     */
    url?: string;
    /**
     * What this document leaves to the parent.
     *
     * @minItems 1
     * @maxItems 5000
     *
     * Items: What the parent states for this document.
     */
    defers: [
      (
        | 'controller'
        | 'collection'
        | 'purposes'
        | 'legal-bases'
        | 'sharing'
        | 'retention'
        | 'cookies'
        | 'transfers'
        | 'rights'
        | 'security'
        | 'children'
        | 'changes'
        | 'contacts'
      ),
      ...(
        | 'controller'
        | 'collection'
        | 'purposes'
        | 'legal-bases'
        | 'sharing'
        | 'retention'
        | 'cookies'
        | 'transfers'
        | 'rights'
        | 'security'
        | 'children'
        | 'changes'
        | 'contacts'
      )[]
    ];
  };
  /**
   * The order of the sections on the page: built-in section names and custom section ids. Sections not listed follow in the default order.
   *
   * @maxItems 5000
   */
  order?: SectionRef[];
  retention?: RetentionSection;
  signals?: Signals;
  security?: Security;
  children?: Children;
  governmentRequests?: GovernmentRequests;
  features?: Features;
  controls?: Controls;
}
/**
 * Who is responsible for the data (the data controller) and runs the website. A document with several controllers names the others in `otherControllers`.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Controller".
 */
export interface Controller {
  /**
   * Legal name of the controller.
   */
  name: string;
  /**
   * The name the company trades under.
   */
  brand?: string;
  /**
   * The group of companies the controller belongs to.
   */
  group?: string;
  /**
   * The website this policy covers.
   */
  website?: {
    /**
     * How the policy names the website.
     */
    name?: string;
    /**
     * The website's address.
     */
    url: string;
  };
  /**
   * Registered postal address.
   */
  address?: string;
  /**
   * Company registration number and register.
   */
  registration?: string;
  /**
   * True when the controller must designate a data protection officer (GDPR Art. 37); the `gdpr` rules then require a contact with role `dpo`.
   */
  dpoRequired?: boolean;
  /**
   * True when the business operates exclusively online and has a direct relationship with the consumers from whom it collects personal information (Cal. Civ. Code 1798.130(a)(1)(A), 11 CCR 7020(a)): it then need give only an e-mail address for requests to know, delete and correct. A business that also deals with consumers other than online, or has no direct relationship with them, is not. When false or absent, the `ccpa` rules ask for two or more methods, one of them a toll-free telephone number (11 CCR 7020(b)).
   */
  operatesExclusivelyOnline?: boolean;
  /**
   * Id of the controller, for contacts and sections that name it (`controller` when absent).
   */
  id?: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * Country where it is established.
   */
  country?: string;
  /**
   * Where it is the controller (every region of the document when absent).
   *
   * @maxItems 5000
   */
  regions?: Jurisdiction[];
  /**
   * Where or for whom it is the controller, in the policy’s own words; printed instead of the names of its `regions`.
   */
  appliesTo?: string;
  /**
   * Ids of the `scope` items it is the controller for (all, when absent).
   *
   * @maxItems 5000
   */
  services?: IdRef[];
  /**
   * Ids of its contacts.
   *
   * @maxItems 5000
   */
  contacts?: IdRef[];
  /**
   * Its representatives (GDPR and UK GDPR Art. 27, Swiss FADP Art. 14).
   *
   * @maxItems 5000
   */
  representatives?: Representative[];
}
/**
 * A representative in a region where the controller is not established (GDPR Art. 27, UK GDPR Art. 27, Swiss FADP Art. 14).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Representative".
 */
export interface Representative {
  /**
   * Where it represents the controller.
   */
  region: 'eu' | 'uk' | 'ch';
  /**
   * Its name.
   */
  name: string;
  address?: Address;
  email?: Email;
  url?: Url;
  phone?: Phone;
}
/**
 * A document the policy refers to.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "RelatedDocument".
 */
export interface RelatedDocument {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * Its title.
   */
  title: string;
  /**
   * An absolute http or https URL.
   */
  url: string;
}
/**
 * What information is collected and in which situations.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Collection".
 */
export interface Collection {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * Lead-in to the list of contexts.
   */
  contextsIntro?: string;
  /**
   * The situations in which data is collected.
   *
   * @maxItems 5000
   */
  contexts?: CollectionContext[];
  /**
   * Lead-in to the list of data categories.
   */
  categoriesIntro?: string;
  /**
   * The categories of personal data collected.
   *
   * @minItems 1
   * @maxItems 5000
   */
  categories: [DataCategory, ...DataCategory[]];
  /**
   * Whether people must provide their data (a statutory or contractual requirement) and what happens if they do not (GDPR Art. 13(2)(e)).
   */
  obligation?: string;
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
  /**
   * Categories of data the policy states are not collected.
   *
   * @maxItems 5000
   */
  notCollected?: NotCollected[];
}
/**
 * A situation in which data is collected.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "CollectionContext".
 */
export interface CollectionContext {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * The situation, as it completes the lead-in sentence.
   */
  description: string;
  /**
   * Ids of the data categories collected in this situation.
   *
   * @maxItems 5000
   */
  categories?: IdRef[];
}
/**
 * A category of personal data.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "DataCategory".
 */
export interface DataCategory {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * Short name of the category.
   */
  label: string;
  /**
   * What exactly the category covers.
   */
  description?: string;
  /**
   * Short form of `sources` with one source: `data-subject`, `automatic`, `third-party` or `public` (the general form also has `inferred` and named sources).
   */
  source?: 'data-subject' | 'automatic' | 'third-party' | 'public';
  retention?: Retention;
  /**
   * True for special-category (GDPR Art. 9) or sensitive (CPRA) data.
   */
  sensitive?: boolean;
  /**
   * The conditions of GDPR Art. 9(2) (and UK GDPR Art. 9(2)) that lift the prohibition of processing special-category data, for a category with `sensitive: true`: the ground the controller relies on for each processing of it (several when different purposes rest on different grounds). The purpose’s own legal basis of Art. 6(1) stays on the purpose (`legalBasis`).
   *
   * @minItems 1
   * @maxItems 10
   */
  specialCategoryConditions?:
    | [SpecialCategoryCondition]
    | [SpecialCategoryCondition, SpecialCategoryCondition]
    | [SpecialCategoryCondition, SpecialCategoryCondition, SpecialCategoryCondition]
    | [SpecialCategoryCondition, SpecialCategoryCondition, SpecialCategoryCondition, SpecialCategoryCondition]
    | [
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition
      ]
    | [
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition
      ]
    | [
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition
      ]
    | [
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition
      ]
    | [
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition
      ]
    | [
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition,
        SpecialCategoryCondition
      ];
  /**
   * The condition in the policy’s own words, printed after the conditions: the law it rests on, where one is needed (the Union or member-state law of Art. 9(2)(b), (g), (h), (i) or (j); in the UK, the condition of Schedule 1 to the Data Protection Act 2018), or which condition serves which purpose.
   */
  specialCategoryBasis?: string;
  /**
   * Where the data comes from.
   *
   * @minItems 1
   * @maxItems 5000
   */
  sources?: [DataSource, ...DataSource[]];
  /**
   * The CCPA categories of personal information it falls into (Cal. Civ. Code 1798.140(v)(1)).
   *
   * @maxItems 5000
   */
  ccpaCategories?: PersonalInformationCategory[];
  /**
   * The data elements within the category.
   *
   * @maxItems 5000
   */
  elements?: Text[];
  /**
   * Ids of the purposes it is used for, when the purposes do not list it.
   *
   * @maxItems 5000
   */
  purposes?: IdRef[];
  /**
   * Where it is collected (all platforms, when absent).
   *
   * @maxItems 5000
   */
  platforms?: Platform[];
}
/**
 * How long data is kept, as the policy states it: a period, the criteria that decide it, stages of deletion, anonymisation, or indefinite keeping.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Retention".
 */
export interface Retention {
  /**
   * The longest time the data is kept.
   */
  period?: string;
  /**
   * What decides how long it is kept.
   */
  criteria?: string;
  /**
   * The statement in the policy’s words, printed instead of a label built from the fields.
   */
  description?: string;
  /**
   * Steps in the order they happen (for example: 30 days in the trash, then removed from servers, then from backups).
   *
   * @minItems 1
   * @maxItems 5000
   */
  stages?: [RetentionStage, ...RetentionStage[]];
  /**
   * What happens at the end: the data is deleted, or made anonymous and kept.
   */
  end?: 'deletion' | 'anonymisation';
  /**
   * True when the data is kept with no end.
   */
  indefinite?: boolean;
}
/**
 * One step of keeping and deleting data.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "RetentionStage".
 */
export interface RetentionStage {
  /**
   * The step, in the policy’s words.
   */
  description: string;
  /**
   * How long the step lasts.
   */
  period?: string;
  /**
   * What happens in the step.
   */
  action?: 'kept' | 'trash' | 'deleted-from-servers' | 'deleted-from-backups' | 'anonymised' | 'archived';
}
/**
 * A source of a category of data.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "DataSource".
 */
export interface DataSource {
  /**
   * The kind of source: given by the person (`data-subject`), collected automatically (`automatic`), `inferred` or generated from other data, from a `third-party` (name it in `name`), from `public` sources, from `other-users`, from an `affiliate`.
   */
  type: 'data-subject' | 'automatic' | 'inferred' | 'third-party' | 'public' | 'other-users' | 'affiliate';
  /**
   * Who the source is.
   */
  name?: string;
  /**
   * More about the source.
   */
  description?: string;
}
/**
 * A category of data that is not collected.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "NotCollected".
 */
export interface NotCollected {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  label: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  description?: string;
  ccpaCategory?: PersonalInformationCategory;
}
/**
 * What the data is used for.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Purposes".
 */
export interface Purposes {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  itemsIntro?: string;
  /**
   * The purposes, each with the data it uses and its legal basis.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Purpose, ...Purpose[]];
  /**
   * Whether decisions with legal or similarly significant effects are made by automated means, including profiling (GDPR Art. 13(2)(f)).
   */
  automatedDecisions?: {
    /**
     * True when such automated decisions are made.
     */
    used: boolean;
    /**
     * The statement: that none are made, or the logic involved and its consequences.
     */
    description: string;
  };
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * One purpose of processing.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Purpose".
 */
export interface Purpose {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  description: string;
  /**
   * Ids of the data categories this purpose uses.
   *
   * @maxItems 5000
   */
  categories?: IdRef[];
  legalBasis?: LegalBasis;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  legitimateInterest?: string;
  /**
   * The legal bases, when several apply (each for part of the processing).
   *
   * @minItems 1
   * @maxItems 5000
   */
  legalBases?: [LegalBasis, ...LegalBasis[]];
  /**
   * Ids of the features the purpose belongs to.
   *
   * @maxItems 5000
   */
  features?: IdRef[];
}
/**
 * Who the data is shared with, and when.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Sharing".
 */
export interface Sharing {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The recipients of personal data, each with when it is shared.
   *
   * @maxItems 5000
   */
  recipients?: Recipient[];
  /**
   * The list of subprocessors (the recipients whose `role` is `processor`) published for business customers, and how they learn of changes ahead (GDPR Art. 28(2) and (4)).
   */
  subprocessors?: {
    /**
     * Heading of the section; the template's default heading for the document's locale is used when absent.
     */
    title?: string;
    /**
     * Prose shown under the section heading, before its structured content.
     */
    intro?: string;
    /**
     * How long before a new subprocessor’s `since` date it is announced; `release` checks it.
     */
    notice: string;
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    objection: string;
    /**
     * An absolute http or https URL.
     */
    subscribe?: string;
  };
  /**
   * Whether personal information is sold or shared for cross-context behavioural advertising (CCPA/CPRA), and how to opt out.
   */
  sale?: {
    /**
     * True when personal information is sold (CCPA § 1798.140(ad)).
     */
    sold: boolean;
    /**
     * True when personal information is shared for cross-context behavioural advertising (CPRA § 1798.140(ah)).
     */
    shared: boolean;
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    statement: string;
    /**
     * An absolute http or https URL.
     */
    optOutUrl?: string;
    /**
     * True when personal information of consumers under 16 is sold or shared (Civ. Code 1798.120(c), 11 CCR 7011(e)); the statement should then say so.
     */
    minors?: boolean;
    /**
     * True when sensitive personal information is used or disclosed for purposes beyond those 11 CCR 7027 allows, so that the right to limit applies (Civ. Code 1798.121).
     */
    sensitive?: boolean;
    /**
     * False when sensitive personal information is collected and processed without the purpose of inferring characteristics about consumers (11 CCR 7027(m)), so that the right to limit does not apply to it; true when it is used to infer them.
     */
    sensitiveInferences?: boolean;
    /**
     * An absolute http or https URL.
     */
    limitUrl?: string;
    /**
     * The categories sold or shared in the preceding 12 months.
     *
     * @maxItems 5000
     */
    categories?: PersonalInformationCategory[];
  };
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A recipient or category of recipients of personal data.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Recipient".
 */
export interface Recipient {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name: string;
  /**
   * The kind of recipient (`group-company`, `service-provider`, `business-partner`, `advertising-partner`, `analytics-provider`, `payment-provider`, `authority`, `successor`, `other-users`, `other`).
   */
  type?:
    | 'group-company'
    | 'service-provider'
    | 'business-partner'
    | 'advertising-partner'
    | 'analytics-provider'
    | 'payment-provider'
    | 'authority'
    | 'successor'
    | 'other-users'
    | 'other';
  /**
   * Short form of `conditions` with one condition; `always` means no condition is stated.
   */
  condition?: 'always' | 'consent' | 'contract' | 'legal-obligation' | 'business-transfer';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  purpose?: string;
  /**
   * Examples of recipients in this category.
   *
   * @maxItems 5000
   */
  examples?: Text[];
  /**
   * Ids of the data categories this recipient receives (all, when absent).
   *
   * @maxItems 5000
   */
  categories?: IdRef[];
  /**
   * When the data is shared: each condition, with the policy’s own words where it has them.
   *
   * @minItems 1
   * @maxItems 5000
   */
  conditions?: [SharingCondition, ...SharingCondition[]];
  /**
   * The recipient’s role: a `processor` (service provider) acting on instructions, an independent `controller`, a `joint-controller`, another `third-party`, or a `public-authority`.
   */
  role?: 'processor' | 'controller' | 'joint-controller' | 'third-party' | 'public-authority';
  /**
   * Where the recipient processes the data.
   *
   * @maxItems 5000
   */
  countries?: CountryCode[];
  /**
   * The hosts a visitor’s browser contacts for this recipient, so that `policyc scan` can account for them.
   *
   * @maxItems 5000
   */
  hosts?: Host[];
  /**
   * The date from which the recipient receives the data (ISO 8601); for a processor, the date it is added to the subprocessor list, which must be announced `sharing.subprocessors.notice` ahead.
   */
  since?: string;
  /**
   * An absolute http or https URL.
   */
  privacyPolicy?: string;
  /**
   * Ids of the purposes the data is shared for.
   *
   * @maxItems 5000
   */
  purposes?: IdRef[];
  /**
   * Ids of the features whose use leads to the sharing. The page says “only when you use” or “only when you turn on” a feature only where its `default` is `user-initiated`, or `opt-in` or `off`.
   *
   * @maxItems 5000
   */
  features?: IdRef[];
  /**
   * What the recipient receives under the CCPA: the categories sold, shared for cross-context behavioural advertising or disclosed for a business purpose (11 CCR 7011(e)).
   *
   * @maxItems 5000
   */
  disclosures?: Disclosure[];
}
/**
 * A condition under which data is shared.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "SharingCondition".
 */
export interface SharingCondition {
  /**
   * The kind of condition: the person’s `consent`, to perform a `contract`, a `legal-obligation` (required by law), to establish or defend `legal-claims`, `vital-interests`, `legitimate-interests`, at the person’s direction (`user-direction`), when the person uses a feature (`feature-use`), on a sale or merger (`business-transfer`), or `other` (say which in `text`).
   */
  basis:
    | 'consent'
    | 'contract'
    | 'legal-obligation'
    | 'legal-claims'
    | 'vital-interests'
    | 'legitimate-interests'
    | 'user-direction'
    | 'feature-use'
    | 'business-transfer'
    | 'other';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  text?: string;
}
/**
 * Categories of personal information a recipient receives, and how (CCPA).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Disclosure".
 */
export interface Disclosure {
  /**
   * `sold` (Civ. Code 1798.140(ad)), `shared` for cross-context behavioural advertising (1798.140(ah)), or disclosed for a `business-purpose` (1798.140(e)).
   */
  kind: 'sold' | 'shared' | 'business-purpose';
  /**
   * The categories of personal information.
   *
   * @minItems 1
   * @maxItems 5000
   */
  categories: [PersonalInformationCategory, ...PersonalInformationCategory[]];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  purpose?: string;
}
/**
 * How one audience agrees to marketing.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "MarketingConsent".
 */
export interface MarketingConsent {
  /**
   * `opt-in`: marketing only after the person agrees; `opt-out`: marketing until the person objects (such as the soft opt-in for existing customers).
   */
  model: 'opt-in' | 'opt-out';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  audience?: string;
}
/**
 * Cookies and similar tracking technologies used on the websites and apps.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Cookies".
 */
export interface Cookies {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * What a cookie is.
   */
  explanation?: string;
  /**
   * Why and how the website uses cookies.
   */
  usage?: string;
  /**
   * How the person consents to cookies.
   */
  consent?: {
    /**
     * `implied`: by using the site; `opt-in`: a banner or settings ask first; `opt-out`: set until refused.
     */
    model: 'implied' | 'opt-in' | 'opt-out';
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    notice: string;
  };
  /**
   * Explanations of session and persistent cookies.
   */
  lifetimes?: {
    /**
     * What session cookies are and how they are used.
     */
    session?: string;
    /**
     * What persistent cookies are and how they are used.
     */
    persistent?: string;
  };
  /**
   * The cookies the website sets or lets others set, by name.
   *
   * @maxItems 5000
   */
  items?: Cookie[];
  /**
   * What happens when the person refuses or disables cookies.
   */
  refusal?: string;
  /**
   * Tracking technologies other than named cookies: local storage, pixels and web beacons, SDKs, fingerprinting.
   *
   * @maxItems 5000
   */
  technologies?: Technology[];
  /**
   * The categories of cookies and technologies, described without naming each one.
   *
   * @maxItems 5000
   */
  categories?: CookieCategory[];
  /**
   * A list of the cookies kept elsewhere (for example in a consent tool), linked instead of copied.
   */
  list?: {
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    label?: string;
    url: Url;
  };
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A cookie (or similar technology) set by or through the website.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Cookie".
 */
export interface Cookie {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * The cookie's name exactly as set in the browser.
   */
  name: string;
  /**
   * Names that vary (a suffix per site or per user): the cookie is every name the pattern matches, `name` the one shown.
   */
  pattern?: string;
  /**
   * A host name as it appears in a URL, lower case, without scheme, port or path; a leading `*.` matches the domain and any host under it.
   */
  domain?: string;
  /**
   * `first`: set by the website's own domain; `third`: set by another company's domain.
   */
  party: 'first' | 'third';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  provider?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  purpose: string;
  /**
   * `session`: deleted when the browser closes; `persistent`: kept until it expires or is deleted.
   */
  lifetime: 'session' | 'persistent';
  /**
   * How long a persistent cookie lasts.
   */
  duration?: string;
  /**
   * The consent category: `strictly-necessary`, `functional` (preferences), `analytics` (performance), `advertising` (targeting), `social-media`.
   */
  category?: 'strictly-necessary' | 'functional' | 'analytics' | 'advertising' | 'social-media';
  review?: ReviewNote;
}
/**
 * A tracking technology other than a named cookie.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Technology".
 */
export interface Technology {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * What it is: `local-storage` or `session-storage` (and similar browser storage), a `pixel` or `web-beacon` (a tiny image or script in a page or e-mail), an `sdk` in an app, device `fingerprinting`, `session-replay`, `server-side` tracking, `other`.
   */
  type:
    | 'local-storage'
    | 'session-storage'
    | 'pixel'
    | 'web-beacon'
    | 'sdk'
    | 'fingerprinting'
    | 'session-replay'
    | 'server-side'
    | 'other';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  provider?: string;
  /**
   * The storage keys it writes, for `local-storage` and `session-storage`; `*` stands for any run of characters.
   *
   * @maxItems 5000
   */
  keys?: string[];
  /**
   * The hosts the browser contacts for it.
   *
   * @maxItems 5000
   */
  hosts?: Host[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  purpose: string;
  /**
   * The consent category: `strictly-necessary`, `functional` (preferences), `analytics` (performance), `advertising` (targeting), `social-media`.
   */
  category?: 'strictly-necessary' | 'functional' | 'analytics' | 'advertising' | 'social-media';
  /**
   * `first`: set by the website's own domain; `third`: set by another company's domain.
   */
  party?: 'first' | 'third';
  /**
   * Where it is used.
   *
   * @maxItems 5000
   */
  platforms?: Platform[];
  retention?: Retention;
  /**
   * An absolute http or https URL.
   */
  privacyPolicy?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  optOut?: string;
  review?: ReviewNote;
}
/**
 * A category of cookies and similar technologies.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "CookieCategory".
 */
export interface CookieCategory {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * The consent category: `strictly-necessary`, `functional` (preferences), `analytics` (performance), `advertising` (targeting), `social-media`.
   */
  category: 'strictly-necessary' | 'functional' | 'analytics' | 'advertising' | 'social-media';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  title?: string;
  /**
   * What they do.
   */
  description: string;
  /**
   * Examples of providers or cookies.
   *
   * @maxItems 5000
   */
  examples?: Text[];
  /**
   * An absolute http or https URL.
   */
  listUrl?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  optOut?: string;
}
/**
 * International transfers of personal data and their safeguards.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Transfers".
 */
export interface Transfers {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * Each transfer outside the origin area, with its safeguards.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Transfer, ...Transfer[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A transfer of personal data to a country outside the origin's area, with its safeguards.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Transfer".
 */
export interface Transfer {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  destination: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  recipient: string;
  /**
   * The legal safeguards the transfer relies on.
   *
   * @minItems 1
   * @maxItems 5000
   */
  mechanisms: [TransferMechanism, ...TransferMechanism[]];
  /**
   * What the recipient commits to under the safeguards.
   */
  description?: string;
  /**
   * Where the recipient's certification under the framework can be checked.
   */
  certification?: {
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    statement?: string;
    /**
     * An absolute http or https URL.
     */
    url: string;
  };
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  copy?: string;
  /**
   * Where the data comes from (every region of the document when absent).
   *
   * @maxItems 5000
   *
   * Items: A region data leaves.
   */
  origin?: ('eu' | 'uk' | 'ch' | 'other')[];
  /**
   * An ISO 3166-1 alpha-2 country code in capitals (`US`, `IE`, `GB`).
   */
  country?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  derogation?: string;
}
/**
 * Privacy seals and certifications.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Certifications".
 */
export interface Certifications {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The seals and certifications held.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Certification, ...Certification[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A privacy seal or certification.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Certification".
 */
export interface Certification {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  issuer: string;
  /**
   * What the seal signifies.
   */
  description?: string;
  /**
   * What the seal covers and does not cover.
   */
  scope?: string;
  /**
   * Where the seal can be verified.
   */
  verification?: {
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    label?: string;
    url: Url;
  };
  /**
   * Where to take an unresolved concern.
   */
  dispute?: {
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    description?: string;
    url: Url;
  };
}
/**
 * The rights people have over their data and how to exercise them.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Rights".
 */
export interface Rights {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * Each right, and how to exercise it.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Right, ...Right[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
  /**
   * How to exercise the rights, after the list of rights.
   */
  exercising?: {
    /**
     * How to make a request.
     */
    description?: string;
    /**
     * Ids of the contacts that take requests.
     *
     * @maxItems 5000
     */
    methods?: IdRef[];
    /**
     * How requests are verified (11 CCR 7011(e)(3)).
     */
    verification?: string;
    /**
     * How an authorised agent can make a request (11 CCR 7011(e)(3)(H)).
     */
    authorisedAgents?: string;
    /**
     * How to appeal a refusal, where a state law gives that right (Virginia, Colorado, Connecticut and the states that followed).
     */
    appeals?: string;
    /**
     * One line of translatable text; inline Markdown (emphasis, links) is allowed.
     */
    responseTime?: string;
    /**
     * Response and appeal deadlines where they differ by region (each US state law sets its own); `responseTime` states the general one.
     *
     * @maxItems 5000
     */
    deadlines?: {
      /**
       * Where these deadlines apply.
       *
       * @minItems 1
       * @maxItems 5000
       */
      regions: [Jurisdiction, ...Jurisdiction[]];
      /**
       * One line of translatable text; inline Markdown (emphasis, links) is allowed.
       */
      responseTime?: string;
      /**
       * One line of translatable text; inline Markdown (emphasis, links) is allowed.
       */
      appealResponseTime?: string;
      /**
       * One line of translatable text; inline Markdown (emphasis, links) is allowed.
       */
      description?: string;
    }[];
    /**
     * An absolute http or https URL.
     */
    metrics?: string;
  };
}
/**
 * How changes to the policy are made and announced.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Changes".
 */
export interface Changes {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * The policy's statement about changes.
   */
  description: string;
  /**
   * The channels through which people are told of changes.
   *
   * @maxItems 5000
   *
   * Items: A channel: `email`, `website` (a notice on the site), `in-product`, `notice-in-policy` (the date at the top), `blog`, `repository` (a public repository of the policy’s history), `social-media`, `push` notification, `post`.
   */
  channels?: (
    'email' | 'website' | 'in-product' | 'notice-in-policy' | 'blog' | 'repository' | 'social-media' | 'push' | 'post'
  )[];
  /**
   * An absolute http or https URL.
   */
  history?: string;
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * Who to contact, by role.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Contacts".
 */
export interface Contacts {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The contacts, one per role.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Contact, ...Contact[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A way to reach the controller, or an authority, for one role. It needs at least one of `email`, `url`, `phone`, `address` or `methods` (rule `contact-no-channel`).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Contact".
 */
export interface Contact {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * What the contact is for: `general`, `support`, `access-requests`, `privacy`, `dpo` (data protection officer), `supervisory-authority`, `representative` (Art. 27), `ombudsman` (a dispute-resolution body), `security` (reporting vulnerabilities), `children` (for parents and guardians, about children’s data).
   */
  role:
    | 'general'
    | 'support'
    | 'access-requests'
    | 'privacy'
    | 'dpo'
    | 'supervisory-authority'
    | 'representative'
    | 'ombudsman'
    | 'security'
    | 'children';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  description: string;
  email?: Email;
  url?: Url;
  phone?: Phone;
  /**
   * A postal address: one line, or several lines as a YAML block (`|`), each line printed on its own line.
   */
  address?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  organisation?: string;
  /**
   * The `id` of another entity in this document.
   */
  controller?: string;
  /**
   * An ISO 3166-1 alpha-2 country code in capitals (`US`, `IE`, `GB`).
   */
  country?: string;
  /**
   * Who it is for (everyone, when absent).
   *
   * @maxItems 5000
   */
  regions?: Jurisdiction[];
  /**
   * Further ways to reach it (a toll-free number, a web form, a second address).
   *
   * @maxItems 5000
   */
  methods?: ContactMethod[];
}
/**
 * A free Markdown section, placed after a built-in or another custom section.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "CustomSection".
 */
export interface CustomSection {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  title: string;
  /**
   * The section it follows: a built-in section (`introduction`, `scope`, `collection`, `purposes`, `features`, `sharing`, `marketing`, `cookies`, `signals`, `transfers`, `retention`, `security`, `children`, `certifications`, `rights`, `controls`, `governmentRequests`, `changes`, `contacts`) or the id of another custom section. Absent: at the end, or where `order` puts it.
   */
  after?: string;
  /**
   * The section's text.
   */
  body: string;
  /**
   * The practices the section covers, so that rules looking for them see they are addressed.
   *
   * @maxItems 5000
   */
  practices?: Practice[];
}
/**
 * What the policy covers: products, services, websites and apps, and what it does not cover.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Scope".
 */
export interface Scope {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The products, services, websites and apps the policy covers.
   *
   * @maxItems 5000
   */
  items?: ScopeItem[];
  /**
   * What the policy does not cover, and what governs it instead.
   *
   * @maxItems 5000
   */
  exclusions?: ScopeExclusion[];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A product, service, website or app the policy covers.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "ScopeItem".
 */
export interface ScopeItem {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name: string;
  /**
   * What it is.
   */
  type?: 'website' | 'app' | 'product' | 'service' | 'device' | 'other';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  description?: string;
  /**
   * An absolute http or https URL.
   */
  url?: string;
  /**
   * The platforms it runs on.
   *
   * @maxItems 5000
   */
  platforms?: Platform[];
}
/**
 * Something the policy does not cover.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "ScopeExclusion".
 */
export interface ScopeExclusion {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  description: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  governedBy?: string;
  /**
   * An absolute http or https URL.
   */
  url?: string;
}
/**
 * How long data is kept, for the document as a whole.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "RetentionSection".
 */
export interface RetentionSection {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The retention statement.
   */
  description?: string;
  default?: Retention1;
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * How long data is kept, as the policy states it: a period, the criteria that decide it, stages of deletion, anonymisation, or indefinite keeping.
 */
export interface Retention1 {
  /**
   * The longest time the data is kept.
   */
  period?: string;
  /**
   * What decides how long it is kept.
   */
  criteria?: string;
  /**
   * The statement in the policy’s words, printed instead of a label built from the fields.
   */
  description?: string;
  /**
   * Steps in the order they happen (for example: 30 days in the trash, then removed from servers, then from backups).
   *
   * @minItems 1
   * @maxItems 5000
   */
  stages?: [RetentionStage, ...RetentionStage[]];
  /**
   * What happens at the end: the data is deleted, or made anonymous and kept.
   */
  end?: 'deletion' | 'anonymisation';
  /**
   * True when the data is kept with no end.
   */
  indefinite?: boolean;
}
/**
 * How the website and apps respond to browser privacy signals.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Signals".
 */
export interface Signals {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * Each signal, and how it is handled.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Signal, ...Signal[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A privacy signal and how it is handled.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Signal".
 */
export interface Signal {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * `do-not-track` (the DNT header; CalOPPA, Bus. & Prof. Code 22575(b)(5)), `global-privacy-control` (an opt-out preference signal, 11 CCR 7025), `other` (name it).
   */
  signal: 'do-not-track' | 'global-privacy-control' | 'other';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name?: string;
  /**
   * Whether the signal is honoured.
   */
  response: 'honoured' | 'not-honoured' | 'partly-honoured';
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  effect?: string;
  /**
   * The policy’s statement about the signal.
   */
  statement: string;
}
/**
 * How data is protected.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Security".
 */
export interface Security {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The security statement.
   */
  description: string;
  /**
   * The measures taken, as the policy names them.
   *
   * @maxItems 5000
   *
   * Items: A security measure.
   */
  measures?: (
    | 'encryption-in-transit'
    | 'encryption-at-rest'
    | 'access-control'
    | 'authentication'
    | 'pseudonymisation'
    | 'security-programme'
    | 'training'
    | 'audits'
    | 'certification'
    | 'incident-response'
    | 'other'
  )[];
  /**
   * The `id` of another entity in this document.
   */
  contact?: string;
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * Children’s data.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Children".
 */
export interface Children {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The policy’s statement about children.
   */
  description: string;
  /**
   * The age below which the service is not offered or data is not knowingly collected.
   */
  minimumAge?: number;
  /**
   * True when the service is directed to children (COPPA, 16 CFR 312.2).
   */
  directed?: boolean;
  /**
   * True when data of children under `minimumAge` is knowingly collected.
   */
  knowinglyCollects?: boolean;
  /**
   * How parental consent is obtained (COPPA 16 CFR 312.5, GDPR Art. 8).
   */
  parentalConsent?: {
    /**
     * The age below which it is required.
     */
    age?: number;
    /**
     * How it is obtained, and what parents can do.
     */
    description: string;
  };
  retention?: Retention2;
  /**
   * The `id` of another entity in this document.
   */
  contact?: string;
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * How long data is kept, as the policy states it: a period, the criteria that decide it, stages of deletion, anonymisation, or indefinite keeping.
 */
export interface Retention2 {
  /**
   * The longest time the data is kept.
   */
  period?: string;
  /**
   * What decides how long it is kept.
   */
  criteria?: string;
  /**
   * The statement in the policy’s words, printed instead of a label built from the fields.
   */
  description?: string;
  /**
   * Steps in the order they happen (for example: 30 days in the trash, then removed from servers, then from backups).
   *
   * @minItems 1
   * @maxItems 5000
   */
  stages?: [RetentionStage, ...RetentionStage[]];
  /**
   * What happens at the end: the data is deleted, or made anonymous and kept.
   */
  end?: 'deletion' | 'anonymisation';
  /**
   * True when the data is kept with no end.
   */
  indefinite?: boolean;
}
/**
 * Requests from governments and law enforcement.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "GovernmentRequests".
 */
export interface GovernmentRequests {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The policy’s statement about such requests.
   */
  description: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  threshold?: string;
  /**
   * Whether the people concerned are told of a request: `always`, `unless-prohibited` by law, `never`, `case-by-case`.
   */
  userNotice?: 'always' | 'unless-prohibited' | 'never' | 'case-by-case';
  /**
   * An absolute http or https URL.
   */
  transparencyReport?: string;
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * The features of the product, and the data each one uses (app notices are organised by feature).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Features".
 */
export interface Features {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The features, each with the data it uses.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Feature, ...Feature[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A feature and its data flow.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Feature".
 */
export interface Feature {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name: string;
  /**
   * What it does with data.
   */
  description: string;
  /**
   * Its default: `on` by default (the person can turn it off), `off` by default, `opt-in` (asked first), or `user-initiated` (only when the person starts it).
   */
  default?: 'on' | 'off' | 'opt-in' | 'user-initiated';
  /**
   * Where it exists (all platforms, when absent).
   *
   * @maxItems 5000
   */
  platforms?: Platform[];
  /**
   * Where it is offered (everywhere, when absent).
   *
   * @maxItems 5000
   */
  regions?: Jurisdiction[];
  /**
   * How its data is processed.
   *
   * @maxItems 5000
   *
   * Items: How the data is processed.
   */
  processing?: ('on-device' | 'aggregated' | 'de-identified' | 'pseudonymised' | 'encrypted')[];
  /**
   * Ids of the data categories it uses.
   *
   * @maxItems 5000
   */
  categories?: IdRef[];
  /**
   * The data elements it uses.
   *
   * @maxItems 5000
   */
  elements?: Text[];
  /**
   * Ids of the purposes it serves.
   *
   * @maxItems 5000
   */
  purposes?: IdRef[];
  /**
   * Ids of the recipients its data goes to.
   *
   * @maxItems 5000
   */
  recipients?: IdRef[];
  /**
   * Ids of the controls that turn it off or change it.
   *
   * @maxItems 5000
   */
  controls?: IdRef[];
}
/**
 * The settings and tools people use to control their data (distinct from legal rights).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Controls".
 */
export interface Controls {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * The settings and tools.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Control, ...Control[]];
  /**
   * Prose shown after the section's structured content.
   */
  closing?: string;
}
/**
 * A setting or tool.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Control".
 */
export interface Control {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * The ids of entities of earlier versions that this one replaces: one for a rename, several for a merge. The semantic diff then reports one change ("merges A and B into C") rather than removals and an addition.
   *
   * @maxItems 5000
   */
  replaces?: Id[];
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  name: string;
  /**
   * What it does.
   */
  description: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  location?: string;
  /**
   * An absolute http or https URL.
   */
  url?: string;
  /**
   * Where it is available (everywhere, when absent).
   *
   * @maxItems 5000
   */
  platforms?: Platform[];
  /**
   * The kind: a `setting` in the product, an `opt-out-link`, a `browser` or `device` setting, an `account` page, an `industry-tool` (such as an advertising opt-out page), `other`.
   */
  type?: 'setting' | 'opt-out-link' | 'browser' | 'device' | 'account' | 'industry-tool' | 'other';
}
