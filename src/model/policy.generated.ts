/* Generated from schema/policy.schema.json by scripts/generate-types.mjs: do not edit. Run `npm run generate:types`. */

/**
 * The `id` of another entity in this document.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "IdRef".
 */
export type IdRef = string;
/**
 * The lawful basis of processing under GDPR Art. 6(1).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export type LegalBasis =
  'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests';
/**
 * One line of translatable text; inline Markdown (emphasis, links) is allowed.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * A transfer safeguard: an `adequacy` decision, `standard-contractual-clauses`, `binding-corporate-rules`, a framework (`eu-us-safe-harbor`, `us-swiss-safe-harbor`, `eu-us-privacy-shield`, `swiss-us-privacy-shield`, `eu-us-data-privacy-framework`, `uk-us-data-bridge`, `swiss-us-data-privacy-framework`) or an Art. 49 `derogation`.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "TransferMechanism".
 */
export type TransferMechanism =
  | 'adequacy'
  | 'standard-contractual-clauses'
  | 'binding-corporate-rules'
  | 'eu-us-safe-harbor'
  | 'us-swiss-safe-harbor'
  | 'eu-us-privacy-shield'
  | 'swiss-us-privacy-shield'
  | 'eu-us-data-privacy-framework'
  | 'uk-us-data-bridge'
  | 'swiss-us-data-privacy-framework'
  | 'derogation';
/**
 * An absolute http or https URL.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Url".
 */
export type Url = string;
/**
 * An e-mail address.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Email".
 */
export type Email = string;
/**
 * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * Translatable Markdown prose (paragraphs, lists, links; GitHub-flavoured). Raw HTML is not rendered.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Prose".
 */
export type Prose = string;
/**
 * A period: a whole number and a unit (day, week, month, year), singular or plural.
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
   *
   * Items: A jurisdiction: `eu` (GDPR), `uk` (UK GDPR), `ch` (Swiss FADP), `us-ca` (CCPA/CPRA), `us` (US federal).
   */
  jurisdictions?: ('eu' | 'uk' | 'ch' | 'us-ca' | 'us')[];
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
}
/**
 * Who is responsible for the data (the data controller) and runs the website.
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
   * Its title.
   */
  title: string;
  /**
   * Where it is published.
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
   * @minItems 1
   * @maxItems 5000
   */
  contexts: [CollectionContext, ...CollectionContext[]];
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
   * Short name of the category.
   */
  label: string;
  /**
   * What exactly the category covers.
   */
  description?: string;
  /**
   * Where the data comes from: given by the person (`data-subject`), collected automatically (`automatic`), from a `third-party`, or from `public` sources.
   */
  source?: 'data-subject' | 'automatic' | 'third-party' | 'public';
  retention?: Retention;
  /**
   * True for special-category (GDPR Art. 9) or sensitive (CPRA) data.
   */
  sensitive?: boolean;
}
/**
 * How long data is kept: a fixed period, the criteria that decide it, or both.
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
   * Lead-in to the list of purposes.
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
   * The purpose, as it completes the lead-in sentence.
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
   * The legitimate interest pursued, where `legalBasis` is `legitimate-interests`.
   */
  legitimateInterest?: string;
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
   * @minItems 1
   * @maxItems 5000
   */
  recipients: [Recipient, ...Recipient[]];
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
     * The "Do Not Sell or Share My Personal Information" page, required when selling or sharing.
     */
    optOutUrl?: string;
  };
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
   * Who receives the data.
   */
  name: string;
  /**
   * The kind of recipient.
   */
  type?: 'group-company' | 'service-provider' | 'business-partner' | 'authority' | 'successor' | 'other';
  /**
   * When the data is shared: `always`, with the person's `consent`, to perform a `contract`, where the law requires or permits it (`legal-obligation`), or on a sale or merger (`business-transfer`).
   */
  condition: 'always' | 'consent' | 'contract' | 'legal-obligation' | 'business-transfer';
  /**
   * Why the data is shared with this recipient.
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
}
/**
 * Direct marketing: how the person agrees to it and how to stop it.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Marketing".
 */
export interface Marketing {
  /**
   * Heading of the section; the template's default heading for the document's locale is used when absent.
   */
  title?: string;
  /**
   * Prose shown under the section heading, before its structured content.
   */
  intro?: string;
  /**
   * `opt-in`: marketing only after the person agrees; `opt-out`: marketing until the person objects.
   */
  consent: 'opt-in' | 'opt-out';
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
}
/**
 * Cookies and similar technologies used on the website.
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
   * Every cookie the website sets or lets others set.
   *
   * @minItems 1
   * @maxItems 5000
   */
  items: [Cookie, ...Cookie[]];
  /**
   * What happens when the person refuses or disables cookies.
   */
  refusal?: string;
}
/**
 * A cookie (or similar technology) set by or through the website.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Cookie".
 */
export interface Cookie {
  /**
   * Stable id; the page anchor is `cookie-<id>`.
   */
  id: string;
  /**
   * The cookie's name exactly as set in the browser.
   */
  name: string;
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
   * The consent category of the cookie.
   */
  category?: 'strictly-necessary' | 'functional' | 'analytics' | 'advertising';
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
     * Where to learn more or verify it.
     */
    url: string;
  };
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  copy?: string;
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
}
/**
 * A right of the data subject.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Right".
 */
export interface Right {
  /**
   * A stable kebab-case identifier: lowercase letters and digits separated by single hyphens. Used to match entities across versions and as the page anchor.
   */
  id: string;
  /**
   * Which right: GDPR (`access`, `rectification`, `erasure`, `restriction`, `objection`, `portability`, `withdraw-consent`, `complaint`, `automated-decisions`) or CCPA/CPRA (`know`, `delete`, `correct`, `opt-out-of-sale`, `limit-sensitive`, `non-discrimination`).
   */
  type:
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
    | 'non-discrimination';
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
   * Items: A channel.
   */
  channels?: ('email' | 'website' | 'in-product')[];
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
}
/**
 * A way to reach the controller, or an authority, for one role. It needs at least one of `email`, `url`, `phone` or `address` (rule `contact-no-channel`).
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
   * What the contact is for.
   */
  role: 'general' | 'support' | 'access-requests' | 'privacy' | 'dpo' | 'supervisory-authority';
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
  /**
   * A telephone number.
   */
  phone?: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  address?: string;
}
/**
 * A free Markdown section, placed after a built-in or another custom section.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "CustomSection".
 */
export interface CustomSection {
  /**
   * Stable id; also the section's anchor.
   */
  id: string;
  /**
   * One line of translatable text; inline Markdown (emphasis, links) is allowed.
   */
  title: string;
  /**
   * The `id` of another entity in this document.
   */
  after: string;
  /**
   * The section's text.
   */
  body: string;
}
