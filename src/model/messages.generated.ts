/* Generated from templates/locales/en.json by scripts/generate-messages-type.mjs: do not edit. Run `npm run generate:types`. */

/**
 * The messages of templates/locales/en.json, as they are: every locale file has
 * this shape. Code reads a locale's messages as `Messages` (src/model/messages.ts),
 * which allows for a message a locale leaves out.
 */
export interface EnglishMessages {
  page: {
    /** Skip to content */
    skipToContent: string;
    /** Contents */
    contents: string;
    /** Version */
    version: string;
    /** Effective from */
    effective: string;
    /** Last updated */
    lastUpdated: string;
    /** Policies */
    documents: string;
    /** Related documents */
    related: string;
    /** Data controller */
    controller: string;
    /** part of the */
    partOf: string;
    /** How {controller} collects, uses and protects personal information. */
    descriptionOf: string;
    /** Language */
    language: string;
  };
  headings: {
    /** What information we collect */
    collection: string;
    /** How we use your information */
    purposes: string;
    /** Who we share your information with */
    sharing: string;
    /** Marketing */
    marketing: string;
    /** Cookies */
    cookies: string;
    /** International transfers */
    transfers: string;
    /** Certifications */
    certifications: string;
    /** Your rights */
    rights: string;
    /** Changes to this policy */
    changes: string;
    /** Contact us */
    contacts: string;
  };
  collection: {
    /** When we collect information */
    contexts: string;
    /** What information we collect */
    categories: string;
    /** Kept for */
    retention: string;
    /** Sensitive data */
    sensitive: string;
  };
  purposes: {
    /** Legal basis */
    legalBasis: string;
    /** Data used */
    categories: string;
    /** Our legitimate interest */
    legitimateInterest: string;
    /** Automated decision-making */
    automatedDecisions: string;
  };
  sharing: {
    /** When */
    condition: string;
    /** For example */
    examples: string;
    /** Data shared */
    categories: string;
  };
  marketing: {
    /** To stop receiving marketing */
    optOut: string;
    /** or contact us at */
    orContact: string;
  };
  cookies: {
    /** What is a cookie? */
    explanation: string;
    /** What cookies we use */
    usage: string;
    /** Your consent */
    consent: string;
    /** How long cookies last */
    lifetimes: string;
    /** Cookies used on this website */
    table: string;
    /** Cookie */
    name: string;
    /** Provider */
    provider: string;
    /** Purpose */
    purpose: string;
    /** Lifetime */
    lifetime: string;
    /** Category */
    category: string;
    /** First party */
    firstParty: string;
    /** Refusing cookies */
    refusal: string;
  };
  transfers: {
    /** Destination */
    destination: string;
    /** Recipient */
    recipient: string;
    /** Safeguards */
    mechanisms: string;
    /** Certification */
    certification: string;
    /** Copy of the safeguards */
    copy: string;
  };
  certifications: {
    /** Awarded by */
    issuer: string;
    /** Verify this seal */
    verify: string;
    /** Unresolved concerns */
    dispute: string;
  };
  rights: {
    /** Contact */
    contact: string;
    /** Fee */
    fee: string;
  };
  changes: {
    /** How we tell you */
    notification: string;
  };
  enums: {
    legalBasis: {
      /** Consent */
      consent: string;
      /** Performance of a contract */
      contract: string;
      /** Legal obligation */
      'legal-obligation': string;
      /** Vital interests */
      'vital-interests': string;
      /** Public task */
      'public-task': string;
      /** Legitimate interests */
      'legitimate-interests': string;
    };
    condition: {
      /** Always */
      always: string;
      /** With your consent */
      consent: string;
      /** To perform a contract */
      contract: string;
      /** Where required or permitted by law */
      'legal-obligation': string;
      /** On a sale or merger of the business */
      'business-transfer': string;
    };
    recipientType: {
      /** Group company */
      'group-company': string;
      /** Service provider */
      'service-provider': string;
      /** Business partner */
      'business-partner': string;
      /** Authority */
      authority: string;
      /** Successor */
      successor: string;
      /** Other */
      other: string;
    };
    source: {
      /** Provided by you */
      'data-subject': string;
      /** Collected automatically */
      automatic: string;
      /** From third parties */
      'third-party': string;
      /** From public sources */
      public: string;
    };
    lifetime: {
      /** Session */
      session: string;
      /** Persistent */
      persistent: string;
    };
    party: {
      /** First party */
      first: string;
      /** Third party */
      third: string;
    };
    cookieCategory: {
      /** Strictly necessary */
      'strictly-necessary': string;
      /** Functional */
      functional: string;
      /** Analytics */
      analytics: string;
      /** Advertising */
      advertising: string;
    };
    consentModel: {
      /** Implied consent */
      implied: string;
      /** Opt-in */
      'opt-in': string;
      /** Opt-out */
      'opt-out': string;
    };
    marketingConsent: {
      /** Only with your agreement (opt-in) */
      'opt-in': string;
      /** Until you object (opt-out) */
      'opt-out': string;
    };
    mechanism: {
      /** Adequacy decision */
      adequacy: string;
      /** Standard contractual clauses */
      'standard-contractual-clauses': string;
      /** Binding corporate rules */
      'binding-corporate-rules': string;
      /** U.S.-EU Safe Harbor Framework */
      'eu-us-safe-harbor': string;
      /** US-Swiss Safe Harbor Framework */
      'us-swiss-safe-harbor': string;
      /** EU-U.S. Privacy Shield */
      'eu-us-privacy-shield': string;
      /** Swiss-U.S. Privacy Shield */
      'swiss-us-privacy-shield': string;
      /** EU-U.S. Data Privacy Framework */
      'eu-us-data-privacy-framework': string;
      /** UK Extension to the EU-U.S. Data Privacy Framework */
      'uk-us-data-bridge': string;
      /** Swiss-U.S. Data Privacy Framework */
      'swiss-us-data-privacy-framework': string;
      /** Derogation for specific situations (GDPR Art. 49) */
      derogation: string;
    };
    right: {
      /** Right of access */
      access: string;
      /** Right to rectification */
      rectification: string;
      /** Right to erasure */
      erasure: string;
      /** Right to restriction of processing */
      restriction: string;
      /** Right to object */
      objection: string;
      /** Right to data portability */
      portability: string;
      /** Right to withdraw consent */
      'withdraw-consent': string;
      /** Right to complain to a supervisory authority */
      complaint: string;
      /** Rights related to automated decision-making */
      'automated-decisions': string;
      /** Right to know */
      know: string;
      /** Right to delete */
      delete: string;
      /** Right to correct */
      correct: string;
      /** Right to opt out of sale or sharing */
      'opt-out-of-sale': string;
      /** Right to limit use of sensitive personal information */
      'limit-sensitive': string;
      /** Right to non-discrimination */
      'non-discrimination': string;
    };
    role: {
      /** General enquiries */
      general: string;
      /** Support */
      support: string;
      /** Access requests */
      'access-requests': string;
      /** Privacy team */
      privacy: string;
      /** Data protection officer */
      dpo: string;
      /** Supervisory authority */
      'supervisory-authority': string;
    };
    notification: {
      /** By e-mail */
      email: string;
      /** On this website */
      website: string;
      /** In our products */
      'in-product': string;
    };
  };
  email: {
    /** Changes to our {title}: version {version}, effective {effective} */
    subject: string;
    /** {count} changes to our {title}, effective {effective}. Here is what changes for you. */
    preheader: string;
    /** We are updating our {title} */
    heading: string;
    /** Version {version} of our {title} takes effect on {effective}. It replaces version {previous}. */
    intro: string;
    /** What changes for you */
    material: string;
    /** Other changes */
    editorial: string;
    /** {count} editorial changes, such as wording and contact details. */
    editorialCount: string;
    /** Read the new policy */
    readPolicy: string;
    /** See every change marked */
    readRedline: string;
    /** Change history */
    readChangelog: string;
    /** Questions? Contact us at {contact}. */
    questions: string;
    /** You receive this e-mail because the law requires us to tell you about changes to how we handle your personal information. */
    footer: string;
    /** 1 change to our {title}, effective {effective}. Here is what changes for you. */
    preheaderOne: string;
    /** 1 editorial change, such as wording or contact details. */
    editorialCountOne: string;
  };
  versions: {
    /** Versions of the {title} */
    title: string;
    /** Version */
    version: string;
    /** Effective */
    effective: string;
    /** until */
    until: string;
    /** from */
    from: string;
    /** Changes */
    summary: string;
    /** in effect */
    current: string;
    /** upcoming */
    upcoming: string;
    /** superseded */
    superseded: string;
    /** First published version. */
    initial: string;
    /** All versions */
    allVersions: string;
    /** What changed */
    changelog: string;
    /** Previous version */
    previous: string;
    /** Next version */
    next: string;
    /** Compare with the previous version */
    compare: string;
    /** This is version {version}, in effect {range}. */
    thisVersion: string;
    /** This is version {version}, in effect from {effective}. */
    currentVersion: string;
    /** Version {version} takes effect on {effective}. */
    upcomingNotice: string;
    /** Read it now */
    readUpcoming: string;
    /** This version is no longer in effect: version {version} replaced it on {effective}. */
    supersededNotice: string;
    /** This version takes effect on {effective}. */
    notYetInEffect: string;
    /** Draft: this is not a published version of the policy. It shows the working copy and how it differs from version {version}. */
    draftBanner: string;
    /** Changes since version {version} */
    changes: string;
    /** Version {version} of this policy, the one in effect, is available in {language} only. */
    untranslated: string;
    /** Read it in {language} */
    readOriginal: string;
    /** Available in this language: */
    availableHere: string;
  };
  changelog: {
    /** Changelog of the {title} */
    title: string;
    /** Material */
    material: string;
    /** Editorial */
    editorial: string;
    /** Material changes */
    materialChanges: string;
    /** Editorial changes */
    editorialChanges: string;
    /** No changes. */
    noChanges: string;
    /** Rule */
    rule: string;
    /** Before */
    before: string;
    /** After */
    after: string;
    /** Field */
    field: string;
    /** See the changes marked in the whole policy */
    redline: string;
    changeCount: {
      /** {count} change */
      one: string;
      /** {count} changes */
      other: string;
    };
    materialCount: {
      /** {count} material */
      other: string;
    };
    /** {changes}, {material} */
    counts: string;
  };
  compare: {
    /** {title}: changes from {from} to {to} */
    title: string;
    /** Inserted text is underlined and shown as [+ … +]; deleted text is struck through and shown as [− … −]. */
    legend: string;
    /** inserted */
    inserted: string;
    /** deleted */
    deleted: string;
  };
  summary: {
    /** {title}: summary */
    title: string;
    /** The main points of our {title} (version {version}, in effect from {effective}). Each item links to the details in the full policy. */
    intro: string;
    /** Read the full policy */
    readFull: string;
    /** Cookies we use */
    cookies: string;
  };
  diff: {
    entity: {
      /** the policy */
      document: string;
      /** the controller */
      controller: string;
      /** the related document */
      related: string;
      /** the collection context */
      context: string;
      /** the data category */
      category: string;
      /** the purpose */
      purpose: string;
      /** the recipient */
      recipient: string;
      /** the section */
      marketing: string;
      /** the cookie */
      cookie: string;
      /** the section */
      'cookie-policy': string;
      /** the transfer */
      transfer: string;
      /** the certification */
      certification: string;
      /** the right */
      right: string;
      /** the section */
      changes: string;
      /** the contact */
      contact: string;
      /** the section */
      section: string;
    };
    entities: {
      /** the related documents */
      related: string;
      /** the collection contexts */
      context: string;
      /** the data categories */
      category: string;
      /** the purposes */
      purpose: string;
      /** the recipients */
      recipient: string;
      /** the cookies */
      cookie: string;
      /** the transfers */
      transfer: string;
      /** the certifications */
      certification: string;
      /** the rights */
      right: string;
      /** the contacts */
      contact: string;
      /** the sections */
      section: string;
    };
    rules: {
      /** Adds {entity} “{name}”. */
      'content-added': string;
      /** Removes {entity} “{name}”. */
      'content-removed': string;
      /** Reorders {entities}. */
      reordering: string;
      /** Adds {entity} “{name}”. */
      'new-data-category': string;
      /** Adds {entity} “{name}”. */
      'new-collection-context': string;
      /** Adds {entity} “{name}”. */
      'new-purpose': string;
      /** Adds {entity} “{name}”. */
      'new-recipient': string;
      /** Adds {entity} “{name}”. */
      'new-transfer': string;
      /** Adds {entity} “{name}”, set by a third party. */
      'new-third-party-cookie': string;
      /** {entity} “{name}” is now set by a third party. */
      'new-third-party-cookie.changed': string;
      /** Adds {entity} “{name}”, which is not strictly necessary. */
      'new-non-essential-cookie': string;
      /** Adds {entity} “{name}”, which is strictly necessary. */
      'new-essential-cookie': string;
      /** Adds {entity} “{name}”. */
      'right-added': string;
      /** Removes {entity} “{name}”. */
      'right-removed': string;
      /** Replaces a right with {entity} “{name}”. */
      'right-removed.changed': string;
      /** Updates {entity} “{name}”. */
      'contact-detail': string;
      /** Adds {entity} “{name}”. */
      'contact-detail.added': string;
      /** Removes {entity} “{name}”. */
      'contact-detail.removed': string;
      /** Rewords {entity} “{name}”. */
      wording: string;
      /** States a detail of {entity} “{name}”. */
      'detail-stated': string;
      /** Changes a detail of {entity} “{name}”. */
      'detail-changed': string;
      /** No longer states a detail of {entity} “{name}”. */
      'detail-removed': string;
      /** {entity} “{name}” uses or receives less data. */
      'less-data': string;
      /** {entity} “{name}” uses more data. */
      'purpose-uses-more-data': string;
      /** {entity} “{name}” receives more data. */
      'recipient-receives-more-data': string;
      /** {entity} “{name}” relies on another legal basis. */
      'legal-basis-changed': string;
      /** {entity} “{name}” no longer states its legal basis. */
      'legal-basis-removed': string;
      /** {entity} “{name}” receives data on another condition. */
      'sharing-condition-changed': string;
      /** {entity} “{name}” receives data only with your consent. */
      'sharing-condition-narrowed': string;
      /** Changes the safeguards, destination or recipient of {entity} “{name}”. */
      'transfer-changed': string;
      /** Keeps data longer: {entity} “{name}”. */
      'longer-retention': string;
      /** Keeps data for less time: {entity} “{name}”. */
      'shorter-retention': string;
      /** No longer states how long data is kept: {entity} “{name}”. */
      'retention-unstated': string;
      /** {entity} “{name}” is now set without consent, as strictly necessary. */
      'cookie-now-essential': string;
      /** {entity} “{name}” is no longer strictly necessary. */
      'cookie-now-non-essential': string;
      /** {entity} “{name}” changes category. */
      'cookie-category-changed': string;
      /** {entity} “{name}” is now set by another company. */
      'cookie-provider-changed': string;
      /** {entity} “{name}” is now a first-party cookie. */
      'cookie-detail': string;
      /** {entity} “{name}” is now sensitive data. */
      'sensitive-data': string;
      /** Charges a fee, or a higher fee, for {entity} “{name}”. */
      'new-fee': string;
      /** Reduces the fee for {entity} “{name}”. */
      'fee-reduced': string;
      /** Removes the fee for {entity} “{name}”. */
      'fee-removed': string;
      /** Sends marketing until you object (opt-out). */
      'marketing-opt-out': string;
      /** Sends marketing only with your agreement (opt-in). */
      'marketing-opt-in': string;
      /** Weakens how consent to cookies is obtained. */
      'cookie-consent-weakened': string;
      /** Asks for consent before setting cookies. */
      'cookie-consent-strengthened': string;
      /** Makes decisions by automated means. */
      'automated-decisions-introduced': string;
      /** No longer makes decisions by automated means. */
      'automated-decisions-stopped': string;
      /** Another company becomes the controller: “{name}”. */
      'controller-changed': string;
    };
  };
}
