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
    /** Company */
    company: string;
    /** part of the */
    partOf: string;
    /** How {controller} collects, uses and protects personal information. */
    descriptionOf: string;
    /** Language */
    language: string;
    /** This notice supplements */
    parent: string;
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
    /** What this policy covers */
    scope: string;
    /** Features and the data they use */
    features: string;
    /** Privacy signals */
    signals: string;
    /** How long we keep information */
    retention: string;
    /** How we protect information */
    security: string;
    /** Children */
    children: string;
    /** Your settings and controls */
    controls: string;
    /** Requests from authorities */
    governmentRequests: string;
  };
  collection: {
    /** When we collect information */
    contexts: string;
    /** What information we collect */
    categories: string;
    /** Retention */
    retention: string;
    /** Sensitive data */
    sensitive: string;
    /** What we do not collect */
    notCollected: string;
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
    /** Condition */
    condition: string;
    /** For example */
    examples: string;
    /** Data shared */
    categories: string;
    /** Sale and sharing of personal information */
    sale: string;
    /** Do Not Sell or Share My Personal Information */
    optOut: string;
    /** Limit the Use of My Sensitive Personal Information */
    limit: string;
  };
  marketing: {
    /** To stop receiving marketing */
    optOut: string;
    /** or contact us at */
    orContact: string;
    /** {model} for {audience} */
    consentFor: string;
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
    /** Domain */
    domain: string;
    /** names that begin with {part} */
    namesBeginning: string;
    /** names that end with {part} */
    namesEnding: string;
    /** names of this form, * standing for any characters */
    namesLike: string;
    /** First party */
    firstParty: string;
    /** Refusing cookies */
    refusal: string;
    /** Other tracking technologies */
    technologies: string;
    /** Categories of cookies */
    categories: string;
    /** The full list of cookies */
    list: string;
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
    /** Issuer */
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
    /** How to exercise your rights */
    exercising: string;
    /** How we verify requests */
    verification: string;
    /** Authorised agents */
    authorisedAgents: string;
    /** Appeals */
    appeals: string;
    /** When we answer */
    responseTime: string;
    /** Deadlines where you live */
    deadlines: string;
    /** When we decide an appeal */
    appealResponseTime: string;
    /** Request metrics */
    metrics: string;
    /** Where to send requests */
    methods: string;
  };
  changes: {
    /** How we tell you */
    notification: string;
    /** The history of this policy */
    history: string;
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
      /** No condition stated */
      always: string;
      /** Consent */
      consent: string;
      /** Contract */
      contract: string;
      /** Legal obligation */
      'legal-obligation': string;
      /** Legal claims */
      'legal-claims': string;
      /** Vital interests */
      'vital-interests': string;
      /** Legitimate interests */
      'legitimate-interests': string;
      /** At your direction */
      'user-direction': string;
      /** Use of a feature */
      'feature-use': string;
      /** Business transfer */
      'business-transfer': string;
      /** Other */
      other: string;
    };
    recipientType: {
      /** Group company */
      'group-company': string;
      /** Service provider */
      'service-provider': string;
      /** Business partner */
      'business-partner': string;
      /** Advertising partner */
      'advertising-partner': string;
      /** Analytics provider */
      'analytics-provider': string;
      /** Payment provider */
      'payment-provider': string;
      /** Authority */
      authority: string;
      /** Successor */
      successor: string;
      /** Other users */
      'other-users': string;
      /** Other */
      other: string;
    };
    source: {
      /** You */
      'data-subject': string;
      /** Automatic collection */
      automatic: string;
      /** Inferred or generated */
      inferred: string;
      /** Third parties */
      'third-party': string;
      /** Public sources */
      public: string;
      /** Other users */
      'other-users': string;
      /** Affiliates */
      affiliate: string;
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
      /** Social media */
      'social-media': string;
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
      /** Opt-in */
      'opt-in': string;
      /** Opt-out */
      'opt-out': string;
    };
    mechanism: {
      /** Adequacy decision */
      adequacy: string;
      /** Standard contractual clauses */
      'standard-contractual-clauses': string;
      /** UK International Data Transfer Agreement */
      'uk-idta': string;
      /** UK International Data Transfer Addendum to the standard contractual clauses */
      'uk-addendum': string;
      /** Standard contractual clauses adapted to Swiss law */
      'swiss-scc-adaptation': string;
      /** Binding corporate rules */
      'binding-corporate-rules': string;
      /** Approved code of conduct */
      'code-of-conduct': string;
      /** Approved certification mechanism */
      'certification-mechanism': string;
      /** Binding instrument between public authorities */
      'public-authority-instrument': string;
      /** Contractual clauses authorised by a supervisory authority */
      'ad-hoc-contractual-clauses': string;
      /** Administrative arrangement between public authorities */
      'administrative-arrangement': string;
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
      /** Derogation for a specific situation */
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
      /** Right to appeal */
      appeal: string;
      /** Right to opt out of targeted advertising */
      'opt-out-of-targeted-advertising': string;
      /** Right to opt out of profiling */
      'opt-out-of-profiling': string;
      /** Right to know about disclosures for direct marketing (Shine the Light) */
      'shine-the-light': string;
      /** Right of minors to remove posted content */
      'minors-content-removal': string;
      /** Right to give instructions for after your death */
      'post-mortem-instructions': string;
      /** Right to consent to the processing of sensitive data */
      'consent-to-sensitive': string;
      /** Right to a list of the specific third parties your personal data was disclosed to */
      'list-third-parties': string;
      /** Right to question the result of a profiling decision */
      'question-profiling': string;
    };
    role: {
      /** General enquiries */
      general: string;
      /** Support */
      support: string;
      /** Access requests */
      'access-requests': string;
      /** Privacy */
      privacy: string;
      /** Data protection officer */
      dpo: string;
      /** Supervisory authority */
      'supervisory-authority': string;
      /** Representative */
      representative: string;
      /** Dispute resolution */
      ombudsman: string;
      /** Security */
      security: string;
      /** Children’s privacy */
      children: string;
    };
    notification: {
      /** By e-mail */
      email: string;
      /** On this website */
      website: string;
      /** In our products */
      'in-product': string;
      /** In this policy */
      'notice-in-policy': string;
      /** On our blog */
      blog: string;
      /** In the public history of this policy */
      repository: string;
      /** On social media */
      'social-media': string;
      /** By push notification */
      push: string;
      /** By post */
      post: string;
    };
    recipientRole: {
      /** Processor */
      processor: string;
      /** Independent controller */
      controller: string;
      /** Joint controller */
      'joint-controller': string;
      /** Third party */
      'third-party': string;
      /** Public authority */
      'public-authority': string;
    };
    technology: {
      /** Local storage */
      'local-storage': string;
      /** Session storage */
      'session-storage': string;
      /** Pixel */
      pixel: string;
      /** Web beacon */
      'web-beacon': string;
      /** Software development kit (SDK) */
      sdk: string;
      /** Device fingerprinting */
      fingerprinting: string;
      /** Session replay */
      'session-replay': string;
      /** Server-side tracking */
      'server-side': string;
      /** Other technology */
      other: string;
    };
    signal: {
      /** Do Not Track */
      'do-not-track': string;
      /** Global Privacy Control */
      'global-privacy-control': string;
      /** Other signal */
      other: string;
    };
    signalResponse: {
      /** Honoured */
      honoured: string;
      /** Not honoured */
      'not-honoured': string;
      /** Partly honoured */
      'partly-honoured': string;
    };
    platform: {
      /** Web */
      web: string;
      /** Desktop */
      desktop: string;
      /** Windows */
      windows: string;
      /** macOS */
      macos: string;
      /** Linux */
      linux: string;
      /** Android */
      android: string;
      /** iOS */
      ios: string;
      /** iPadOS */
      ipados: string;
      /** watchOS */
      watchos: string;
      /** TV */
      tv: string;
      /** Other */
      other: string;
    };
    featureDefault: {
      /** On by default */
      on: string;
      /** Off by default */
      off: string;
      /** Opt-in */
      'opt-in': string;
      /** Started by you */
      'user-initiated': string;
    };
    processing: {
      /** On the device */
      'on-device': string;
      /** Aggregated */
      aggregated: string;
      /** De-identified */
      'de-identified': string;
      /** Pseudonymised */
      pseudonymised: string;
      /** Encrypted */
      encrypted: string;
    };
    scopeType: {
      /** Website */
      website: string;
      /** App */
      app: string;
      /** Product */
      product: string;
      /** Service */
      service: string;
      /** Device */
      device: string;
      /** Other */
      other: string;
    };
    controlType: {
      /** Setting */
      setting: string;
      /** Opt-out link */
      'opt-out-link': string;
      /** Browser setting */
      browser: string;
      /** Device setting */
      device: string;
      /** Account page */
      account: string;
      /** Industry tool */
      'industry-tool': string;
      /** Other */
      other: string;
    };
    securityMeasure: {
      /** Encryption in transit */
      'encryption-in-transit': string;
      /** Encryption at rest */
      'encryption-at-rest': string;
      /** Access control */
      'access-control': string;
      /** Authentication */
      authentication: string;
      /** Pseudonymisation */
      pseudonymisation: string;
      /** Security programme */
      'security-programme': string;
      /** Staff training */
      training: string;
      /** Audits */
      audits: string;
      /** Certification */
      certification: string;
      /** Incident response */
      'incident-response': string;
      /** Other measures */
      other: string;
    };
    disclosure: {
      /** Sold */
      sold: string;
      /** Shared for cross-context behavioural advertising */
      shared: string;
      /** Disclosed for a business purpose */
      'business-purpose': string;
    };
    ccpaCategory: {
      /** Identifiers */
      identifiers: string;
      /** Customer records */
      'customer-records': string;
      /** Characteristics of protected classifications */
      'protected-characteristics': string;
      /** Commercial information */
      'commercial-information': string;
      /** Biometric information */
      'biometric-information': string;
      /** Internet or other electronic network activity */
      'internet-activity': string;
      /** Geolocation data */
      geolocation: string;
      /** Audio, electronic, visual or similar information */
      'sensory-data': string;
      /** Professional or employment-related information */
      'professional-information': string;
      /** Education information */
      'education-information': string;
      /** Inferences */
      inferences: string;
      /** Sensitive personal information */
      'sensitive-personal-information': string;
    };
    userNotice: {
      /** Always */
      always: string;
      /** Unless the law prohibits it */
      'unless-prohibited': string;
      /** Never */
      never: string;
      /** Case by case */
      'case-by-case': string;
    };
    specialCategoryCondition: {
      /** Your explicit consent */
      'explicit-consent': string;
      /** Employment, social security and social protection law */
      'employment-and-social-security-law': string;
      /** Protecting your life or someone else’s, when you cannot give consent */
      'vital-interests': string;
      /** Our work as a not-for-profit body, with our members and regular contacts */
      'not-for-profit-body': string;
      /** Information you have clearly made public yourself */
      'manifestly-made-public': string;
      /** Establishing, exercising or defending legal claims */
      'legal-claims': string;
      /** Substantial public interest, as the law provides */
      'substantial-public-interest': string;
      /** Health or social care, such as medical diagnosis or treatment */
      'health-or-social-care': string;
      /** Public health, as the law provides */
      'public-health': string;
      /** Archiving in the public interest, research or statistics */
      'archiving-research-statistics': string;
    };
    retentionAction: {
      /** kept */
      kept: string;
      /** in the trash */
      trash: string;
      /** deleted from our servers */
      'deleted-from-servers': string;
      /** deleted from our backups */
      'deleted-from-backups': string;
      /** made anonymous */
      anonymised: string;
      /** archived */
      archived: string;
    };
    retentionEnd: {
      /** then deleted */
      deletion: string;
      /** then made anonymous */
      anonymisation: string;
    };
    jurisdiction: {
      /** European Union */
      eu: string;
      /** United Kingdom */
      uk: string;
      /** Switzerland */
      ch: string;
      /** United States */
      us: string;
      /** California */
      'us-ca': string;
      /** Virginia */
      'us-va': string;
      /** Colorado */
      'us-co': string;
      /** Connecticut */
      'us-ct': string;
      /** Utah */
      'us-ut': string;
      /** Texas */
      'us-tx': string;
      /** Oregon */
      'us-or': string;
      /** Montana */
      'us-mt': string;
      /** Iowa */
      'us-ia': string;
      /** Delaware */
      'us-de': string;
      /** Nebraska */
      'us-ne': string;
      /** New Hampshire */
      'us-nh': string;
      /** New Jersey */
      'us-nj': string;
      /** Tennessee */
      'us-tn': string;
      /** Minnesota */
      'us-mn': string;
      /** Maryland */
      'us-md': string;
      /** Indiana */
      'us-in': string;
      /** Kentucky */
      'us-ky': string;
      /** Rhode Island */
      'us-ri': string;
      /** Washington */
      'us-wa': string;
      /** Nevada */
      'us-nv': string;
      /** Canada */
      ca: string;
      /** Quebec */
      'ca-qc': string;
      /** Brazil */
      br: string;
    };
    jurisdictionInSentence: {
      /** the European Union */
      eu: string;
      /** the United Kingdom */
      uk: string;
      /** Switzerland */
      ch: string;
      /** the United States */
      us: string;
      /** California */
      'us-ca': string;
      /** Virginia */
      'us-va': string;
      /** Colorado */
      'us-co': string;
      /** Connecticut */
      'us-ct': string;
      /** Utah */
      'us-ut': string;
      /** Texas */
      'us-tx': string;
      /** Oregon */
      'us-or': string;
      /** Montana */
      'us-mt': string;
      /** Iowa */
      'us-ia': string;
      /** Delaware */
      'us-de': string;
      /** Nebraska */
      'us-ne': string;
      /** New Hampshire */
      'us-nh': string;
      /** New Jersey */
      'us-nj': string;
      /** Tennessee */
      'us-tn': string;
      /** Minnesota */
      'us-mn': string;
      /** Maryland */
      'us-md': string;
      /** Indiana */
      'us-in': string;
      /** Kentucky */
      'us-ky': string;
      /** Rhode Island */
      'us-ri': string;
      /** Washington */
      'us-wa': string;
      /** Nevada */
      'us-nv': string;
      /** Canada */
      ca: string;
      /** Quebec */
      'ca-qc': string;
      /** Brazil */
      br: string;
    };
    marketingChannel: {
      /** E-mail */
      email: string;
      /** Text message */
      sms: string;
      /** Telephone */
      phone: string;
      /** Post */
      post: string;
      /** Push notification */
      push: string;
      /** In our products */
      'in-product': string;
      /** Online advertising */
      'online-advertising': string;
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
    /** You receive this e-mail to let you know about changes to our {title}. */
    footer: string;
    /** 1 change to our {title}, effective {effective}. Here is what changes for you. */
    preheaderOne: string;
    /** 1 editorial change, such as wording or contact details. */
    editorialCountOne: string;
    /** {count} other changes, such as rewording, are listed in the {changelog} and marked in the {redline}. */
    others: string;
    /** 1 other change, such as rewording, is listed in the {changelog} and marked in the {redline}. */
    othersOne: string;
    /** change history */
    changelogLink: string;
    /** comparison of the two versions */
    redlineLink: string;
    /** Adds {entity}. */
    changeAdded: string;
    /** Removes {entity}. */
    changeRemoved: string;
    /** Changes {entity}. */
    changeChanged: string;
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
    /** Marked for review: to check before the release */
    markedForReview: string;
    /** Version {version} of this policy, the one in effect, is available in {language} only. */
    untranslated: string;
    /** Read it in {language} */
    readOriginal: string;
    /** Available in this language: */
    availableHere: string;
    /** Released by {name} */
    releasedBy: string;
    /** approved by {name} */
    approvedBy: string;
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
    /** Changes to review */
    reviewChanges: string;
    /** Editorial changes */
    editorialChanges: string;
    fields: {
      /** Address */
      address: string;
      /** Automated decision-making */
      'automatedDecisions.description': string;
      /** Automated decisions made */
      'automatedDecisions.used': string;
      /** Text */
      body: string;
      /** Data */
      categories: string;
      /** Data used */
      'purpose:categories': string;
      /** Data shared */
      'recipient:categories': string;
      /** Introduction */
      categoriesIntro: string;
      /** Category */
      category: string;
      /** Certification */
      'certification.statement': string;
      /** Certification link */
      'certification.url': string;
      /** Conditions */
      conditions: string;
      /** Consent */
      'consent.model': string;
      /** Consent notice */
      'consent.notice': string;
      /** Consent */
      consents: string;
      /** Copyright */
      copyright: string;
      /** Countries */
      countries: string;
      /** Description */
      description: string;
      /** What it is for */
      'purpose:description': string;
      /** Destination */
      destination: string;
      /** Duration */
      duration: string;
      /** Domain */
      domain: string;
      /** Hosts contacted */
      hosts: string;
      /** Storage keys */
      keys: string;
      /** Cookie names */
      pattern: string;
      /** Receives data since */
      since: string;
      /** Includes */
      elements: string;
      /** Email address */
      email: string;
      /** Examples */
      examples: string;
      /** Fee */
      'fee.amount': string;
      /** Currency of the fee */
      'fee.currency': string;
      /** Reason for the fee */
      'fee.reason': string;
      /** Introduction */
      intro: string;
      /** Introduction */
      introduction: string;
      /** Name */
      label: string;
      /** Legal basis */
      legalBases: string;
      /** Legitimate interest */
      legitimateInterest: string;
      /** Lifetime */
      lifetime: string;
      /** Safeguards */
      mechanisms: string;
      /** Minimum age */
      minimumAge: string;
      /** Name */
      name: string;
      /** Obligation */
      obligation: string;
      /** How to opt out */
      'optOut.instructions': string;
      /** Age for parental consent */
      'parentalConsent.age': string;
      /** Parental consent */
      'parentalConsent.description': string;
      /** First or third party */
      party: string;
      /** Phone number */
      phone: string;
      /** Platforms */
      platforms: string;
      /** How the data is processed */
      processing: string;
      /** Provider */
      provider: string;
      /** Purpose */
      purpose: string;
      /** Purposes */
      purposes: string;
      /** Recipient */
      recipient: string;
      /** Regions */
      regions: string;
      /** Registration */
      registration: string;
      /** How long it is kept */
      'retention.criteria': string;
      /** Retention period */
      'retention.period': string;
      /** Role */
      role: string;
      /** Page to opt out of sale or sharing */
      'sale.optOutUrl': string;
      /** Shared for cross-context behavioural advertising */
      'sale.shared': string;
      /** Sold */
      'sale.sold': string;
      /** Sensitive data */
      sensitive: string;
      /** What allows us to use sensitive data (details) */
      specialCategoryBasis: string;
      /** What allows us to use sensitive data */
      specialCategoryConditions: string;
      /** Sources */
      sources: string;
      /** What a request must meet */
      threshold: string;
      /** Title */
      title: string;
      /** Type */
      type: string;
      /** Rights */
      types: string;
      /** Link */
      url: string;
    };
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
    /** The id in brackets after each change names the rule that classed it as material or editorial (policyc's materiality rules). */
    ruleNote: string;
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
    /** Moved here: it came after “{block}”. */
    movedAfter: string;
    /** Moved here: it came first. */
    movedFromStart: string;
    /** The link “{text}” now leads to {to} instead of {from}. */
    linkChanged: string;
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
      /** the covered product or service */
      'scope-item': string;
      /** the exclusion */
      exclusion: string;
      /** the category not collected */
      'not-collected': string;
      /** the feature */
      feature: string;
      /** the tracking technology */
      technology: string;
      /** the cookie category */
      'cookie-category': string;
      /** the privacy signal */
      signal: string;
      /** the setting */
      control: string;
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
      /** the controllers */
      controller: string;
      /** the covered products and services */
      'scope-item': string;
      /** the exclusions */
      exclusion: string;
      /** the categories not collected */
      'not-collected': string;
      /** the features */
      feature: string;
      /** the tracking technologies */
      technology: string;
      /** the cookie categories */
      'cookie-category': string;
      /** the privacy signals */
      signal: string;
      /** the settings */
      control: string;
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
      /** {entity} “{name}” receives data on fewer conditions. */
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
      /** {entity} “{name}” is now set for another domain. */
      'cookie-domain-changed': string;
      /** {entity} “{name}” now covers more cookie names. */
      'cookie-names-widened': string;
      /** {entity} “{name}” now contacts more hosts; a person must judge whether a new party receives data. */
      'hosts-widened': string;
      /** {entity} “{name}” is now sensitive data. */
      'sensitive-data': string;
      /** {entity} “{name}” no longer says what allows us to use this sensitive data. */
      'special-category-condition-removed': string;
      /** {entity} “{name}” is no longer used on the basis of your explicit consent. */
      'special-category-consent-replaced': string;
      /** {entity} “{name}” is used on another ground allowed for sensitive data. */
      'special-category-condition-changed': string;
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
      /** Now sells personal information, or shares it for cross-context behavioural advertising. */
      'sale-or-share-started': string;
      /** Withdraws a way to opt out: {entity} “{name}”. */
      'opt-out-withdrawn': string;
      /** No longer gives a way to opt out of the sale or sharing of personal information. */
      'opt-out-withdrawn.changed': string;
      /** Removes {entity} “{name}”, which people need to exercise their rights. */
      'contact-role-removed': string;
      /** {entity} “{name}” no longer serves a role people need to exercise their rights. */
      'contact-role-removed.changed': string;
      /** Broadens {entity} “{name}”. */
      'purpose-broadened': string;
      /** Rewords {entity} “{name}”; a person must judge whether it changes what data is used for. */
      'purpose-reworded': string;
      /** {entity} “{name}” now also comes from other sources. */
      'new-source': string;
      /** Widens what the policy covers: {entity} “{name}”. */
      'scope-widened': string;
      /** No longer states what a government request must meet before data is disclosed. */
      'threshold-removed': string;
      /** Rewords what a government request must meet before data is disclosed. */
      'threshold-reworded': string;
      /** Removes a statement of what is not done: {entity} “{name}”. */
      'assurance-removed': string;
      /** {entity} “{name}” now reaches more places or platforms. */
      'flow-widened': string;
      /** {entity} “{name}” no longer says its data is protected as before (kept on the device, aggregated, de-identified, pseudonymised or encrypted): it may now be tied to you. */
      'safeguard-removed': string;
      /** {entity} “{name}” now includes more data. */
      'new-data-element': string;
      /** Adds {entity} “{name}”, which is set by a third party or is not strictly necessary. */
      'new-tracking-technology': string;
      /** Adds {entity} “{name}”, which is strictly necessary. */
      'new-essential-technology': string;
      /** Changes what children may use the service, or how their parents agree to it. */
      'parental-consent-changed': string;
      /** Renames {entity} “{name}”. */
      renamed: string;
      /** Merges others into {entity} “{name}”. */
      merged: string;
      /** Changes a link in {entity} “{name}”. */
      'link-changed': string;
      /** Rewords {entity} “{name}”; a person must judge whether it changes what is done with data. */
      'wording-review': string;
    };
  };
  punctuation: {
    /** :  */
    colon: string;
    /** ;  */
    semicolon: string;
    /** . */
    stop: string;
    /** “ */
    openQuote: string;
    /** ” */
    closeQuote: string;
  };
  facts: {
    /** Condition */
    condition: string;
    /** Conditions */
    conditions: string;
    /** Kind */
    kind: string;
    /** Role */
    role: string;
    /** Countries */
    countries: string;
    /** Privacy policy */
    privacyPolicy: string;
    /** Storage keys */
    keys: string;
    /** Domains contacted from your browser */
    hosts: string;
    /** Receives data since */
    since: string;
    /** Purposes */
    purposes: string;
    /** Features */
    features: string;
    /** Feature */
    feature: string;
    /** Only when you use */
    onlyWhenUsed: string;
    /** Only when you turn on */
    onlyWhenOn: string;
    /** Data shared */
    dataShared: string;
    /** For example */
    examples: string;
    /** Sold */
    sold: string;
    /** Shared for cross-context behavioural advertising */
    shared: string;
    /** Disclosed for a business purpose */
    businessPurpose: string;
    /** Source */
    sources: string;
    /** Includes */
    elements: string;
    /** CCPA category */
    ccpaCategories: string;
    /** Retention */
    retention: string;
    /** Platforms */
    platforms: string;
    /** Used for */
    usedFor: string;
    /** What allows us to use this sensitive data */
    specialCategoryConditions: string;
    /** Legal basis */
    legalBasis: string;
    /** Legitimate interest */
    legitimateInterest: string;
    /** Data used */
    dataUsed: string;
    /** Provider */
    provider: string;
    /** Purpose */
    purpose: string;
    /** Category */
    category: string;
    /** Set by */
    party: string;
    /** How to refuse */
    optOut: string;
    /** List */
    list: string;
    /** Response */
    response: string;
    /** What it does */
    effect: string;
    /** Default */
    default: string;
    /** Where */
    regions: string;
    /** Processing */
    processing: string;
    /** Shared with */
    sharedWith: string;
    /** Settings */
    controls: string;
    /** Where to find it */
    location: string;
    /** Link */
    link: string;
    /** Type */
    type: string;
    /** Covered instead by */
    governedBy: string;
    /** Measures */
    measures: string;
    /** To report a security issue */
    securityContact: string;
    /** Minimum age */
    minimumAge: string;
    /** Directed to children */
    directed: string;
    /** Data of younger children collected knowingly */
    knowinglyCollects: string;
    /** Parental consent */
    parentalConsent: string;
    /** Parental consent for children under {age} */
    parentalConsentUnder: string;
    /** Contact for parents */
    parentsContact: string;
    /** How long children’s information is kept */
    childrenRetention: string;
    /** What a request must meet */
    threshold: string;
    /** Whether you are told */
    userNotice: string;
    /** Transparency report */
    transparencyReport: string;
    /** Who has this right */
    rightRegions: string;
    /** Contact */
    contact: string;
    /** Fee */
    fee: string;
    /** From */
    origin: string;
    /** Derogation relied on */
    derogation: string;
    /** Channels */
    channels: string;
    /** Stages */
    stages: string;
    /** no end date */
    indefinite: string;
    /** Organisation */
    organisation: string;
    /** Address */
    address: string;
    /** toll-free */
    tollFree: string;
    /** Consent */
    consentModel: string;
    /** Yes */
    yes: string;
    /** No */
    no: string;
    /** Representatives */
    representatives: string;
    /** Controller for */
    controllerFor: string;
    /** Responsible for */
    companyFor: string;
    /** Services */
    services: string;
    /** Personal information of consumers under 16 sold or shared */
    minors: string;
    /** Sensitive personal information used for purposes that give a right to limit its use */
    sensitiveUse: string;
    /** Sensitive personal information used to infer characteristics about you */
    sensitiveInferences: string;
    /** Rights */
    rights: string;
    /** for */
    contactRegions: string;
    /** Categories of personal information sold or shared in the preceding 12 months */
    saleCategories: string;
    /** Retention (default) */
    retentionDefault: string;
    /** Country */
    country: string;
    /** Contacts */
    contacts: string;
    /** Controller */
    contactController: string;
    /** Data collected */
    dataCollected: string;
  };
  scope: {
    /** What is covered */
    covers: string;
    /** What is not covered */
    excludes: string;
  };
  controllers: {
    /** Other controllers */
    others: string;
    /** Representatives */
    representatives: string;
  };
  retention: {
    /** Unless another period is given for a category of data */
    default: string;
  };
  subprocessors: {
    /** Subprocessors */
    title: string;
    /** Subprocessors: {title} */
    heading: string;
    /** These are the service providers that process personal data on our behalf (our subprocessors), where they process it and how transfers outside the European Economic Area and the United Kingdom are protected. */
    intro: string;
    /** Subprocessor */
    name: string;
    /** Purpose */
    purpose: string;
    /** Location */
    location: string;
    /** Transfer safeguards */
    mechanisms: string;
    /** Added */
    since: string;
    /** upcoming */
    upcoming: string;
    /** None needed */
    noMechanism: string;
    /** We use no subprocessors. */
    none: string;
    /** We announce a new subprocessor at least {notice} before it starts processing personal data. */
    notice: string;
    /** How to object */
    objection: string;
    /** Subscribe to notice of changes */
    subscribe: string;
    /** Feed of changes to this list */
    feed: string;
    /** Read the {title} */
    policy: string;
    /** Adds {name} ({location}), from {date}: {purpose}. */
    added: string;
    /** Adds {name} ({location}), from {date}. */
    addedBare: string;
    /** Removes {name}. */
    removed: string;
    /** Changes the {fields} of {name}. */
    changed: string;
    /** location */
    fieldLocation: string;
    /** transfer safeguards */
    fieldMechanisms: string;
    /** purpose */
    fieldPurpose: string;
    /** Subprocessors in version {version} */
    entryTitle: string;
    /** {count} changes to the subprocessors of our {title}. */
    entrySummary: string;
    /** 1 change to the subprocessors of our {title}. */
    entrySummaryOne: string;
    /** Changes to our subprocessors: {title}, effective {effective} */
    subject: string;
    /** Version {version} of our {title}, effective {effective}, changes the list of subprocessors that process personal data on our behalf: */
    emailIntro: string;
    /** See the list of subprocessors */
    readList: string;
    /** You receive this e-mail because you subscribed to notice of changes to our subprocessors. */
    footer: string;
  };
}
