/**
 * The files `policyc init` writes into a new policy repository. They are
 * plain strings (not files under `templates/`, whose every file is a page
 * template), so they ship inside the compiled package with no extra lookup.
 * Everything here is deterministic: no clock, no machine-specific value.
 */

/** The starter document's effective date: a fixed placeholder, replaced by the legal team. */
export const starterEffective = '2026-01-01';

/**
 * A complete GDPR-era starter policy (EU and UK), with placeholders such as
 * `Example Ltd` and `privacy@example.com` to replace. Every purpose has a
 * legal basis and its data categories, every category a retention, every
 * GDPR right a contact, every cookie a category and a duration.
 */
export function starterPolicy(id: string): string {
  return `# yaml-language-server: $schema=../node_modules/policyc/schema/policy.schema.json
# The working document of your privacy policy. Replace every "Example" placeholder,
# check it with \`npx policyc validate\`, and see the page with \`npx policyc serve\`.

# Identity: the id matches the file name; the version and date change with \`policyc release\`.
id: ${id}
title: Privacy Policy
version: 1.0.0
effective: ${starterEffective}
locale: en-GB
jurisdictions: [eu, uk]

# Who is responsible for the data (the controller), as registered.
controller:
  name: Example Ltd
  brand: Example
  website:
    name: Example.com
    url: https://www.example.com
  address: 1 Example Street, London EC1A 1AA, United Kingdom
  registration: Registered in England and Wales, company number 00000000

# The opening paragraphs, in Markdown.
introduction: |
  Example Ltd ("we", "us") respects your privacy. This policy explains what personal data we collect when you use [Example.com](https://www.example.com) and our services, why we use it, who we share it with, how long we keep it, and the rights you have over it.

  Example Ltd is the controller of your personal data for the purposes of the UK GDPR and the EU GDPR.

# What data is collected, when, where it comes from and how long it is kept.
collection:
  contextsIntro: "We collect personal data about you when you:"
  contexts:
    - id: account
      description: create an account or use our services
      categories: [contact-details, account-data]
    - id: contact-us
      description: contact us by e-mail, phone or through the Website
      categories: [contact-details, correspondence]
    - id: website-visit
      description: visit the Website
      categories: [device-data]
  categoriesIntro: "The personal data we collect is:"
  categories:
    - id: contact-details
      label: Contact details
      description: your name and e-mail address
      source: data-subject
      retention:
        period: 2 years
        criteria: for as long as you have an account or are in contact with us, then for 2 years
    - id: account-data
      label: Account data
      description: your username, password (stored encrypted) and settings
      source: data-subject
      retention:
        criteria: for as long as your account is open, then deleted within 30 days
    - id: correspondence
      label: Correspondence
      description: the messages you send us and our replies
      source: data-subject
      retention:
        period: 2 years
    - id: device-data
      label: Device and usage data
      description: your IP address, browser, device type and the pages you visit
      source: automatic
      retention:
        period: 13 months
  obligation: |
    You do not have to give us your personal data. However, without your contact details and account data we cannot create your account or provide our services to you.

# Why the data is used, on which legal basis, and which data each purpose uses.
purposes:
  itemsIntro: "We use your personal data to:"
  items:
    - id: provide-service
      description: provide our services to you and manage your account
      categories: [contact-details, account-data]
      legalBasis: contract
    - id: answer-enquiries
      description: answer your questions and requests
      categories: [contact-details, correspondence]
      legalBasis: legitimate-interests
      legitimateInterest: answering the people who contact us
    - id: security
      description: keep the Website and our services secure and prevent fraud
      categories: [device-data]
      legalBasis: legitimate-interests
      legitimateInterest: protecting our services and our users from attacks, misuse and fraud
    - id: analytics
      description: understand how the Website is used so that we can improve it
      categories: [device-data]
      legalBasis: consent
    - id: marketing
      description: send you news about our products and services
      categories: [contact-details]
      legalBasis: consent
    - id: legal-obligations
      description: keep the records the law requires, such as tax and accounting records
      categories: [contact-details, account-data]
      legalBasis: legal-obligation
  # Whether decisions with legal or similar effects are made by automated means alone (GDPR Art. 22).
  automatedDecisions:
    used: false
    description: |
      We do not make decisions about you by automated means alone, including profiling, that have legal or similarly significant effects on you.

# Who receives the data, and on what condition.
sharing:
  recipients:
    - id: service-providers
      name: Our service providers
      type: service-provider
      condition: contract
      examples:
        - hosting providers
        - e-mail delivery services
        - analytics providers
      purpose: to run the Website and our services for us, under contract and only on our instructions
    - id: authorities
      name: Public authorities, where the law requires us to share data
      type: authority
      condition: legal-obligation
    - id: successors
      name: A buyer of all or part of our business
      type: successor
      condition: business-transfer

# Marketing messages: whether people must agree first, and how they stop them.
marketing:
  consent: opt-in
  optOut:
    instructions: follow the unsubscribe link in any of our e-mails, or write to us
    contact: privacy

# Every cookie the Website sets or lets others set, with its category and how long it lasts.
cookies:
  explanation: |
    Cookies are small text files that a website stores on your device when you visit it, and reads on later visits.
  usage: |
    We use cookies that are strictly necessary to run the Website and, only if you agree, cookies that help us understand how the Website is used.
  consent:
    model: opt-in
    notice: When you first visit the Website, a banner asks for your consent before we set any cookie that is not strictly necessary; you can change your choice at any time through the "Cookie settings" link at the foot of every page.
  items:
    - id: session
      name: session
      party: first
      purpose: Keeps you signed in while you use the Website
      lifetime: session
      category: strictly-necessary
    - id: cookie-consent
      name: cookie_consent
      party: first
      purpose: Remembers your cookie choices
      lifetime: persistent
      duration: 6 months
      category: strictly-necessary
    - id: ga
      name: _ga
      party: third
      provider: Google Analytics
      purpose: Counts visits and shows us how the Website is used
      lifetime: persistent
      duration: 13 months
      category: analytics
  refusal: |
    If you refuse cookies that are not strictly necessary, you can still use the whole Website.

# Transfers outside the UK and the EEA, and the safeguard that protects each one.
transfers:
  items:
    - id: service-providers-sccs
      destination: Countries outside the UK and the EEA
      recipient: Our service providers
      mechanisms: [standard-contractual-clauses, uk-addendum]
      description: |
        Where our service providers process your personal data in a country without an adequacy decision, we protect it with the standard contractual clauses approved by the European Commission and, for data from the UK, the International Data Transfer Addendum.
      copy: You can ask for a copy of these clauses by writing to privacy@example.com.

# Your rights under the GDPR, and whom to contact to exercise each one.
rights:
  intro: |
    To exercise any of these rights, contact us as shown. We answer within one month, free of charge, and may first ask you to confirm your identity.
  items:
    - id: access
      type: access
      description: You can ask for a copy of the personal data we hold about you.
      contact: privacy
    - id: rectification
      type: rectification
      description: You can ask us to correct personal data that is inaccurate or to complete data that is incomplete.
      contact: dpo
    - id: erasure
      type: erasure
      description: You can ask us to delete your personal data, for example when we no longer need it.
      contact: dpo
    - id: restriction
      type: restriction
      description: You can ask us to limit how we use your personal data, for example while we check its accuracy.
      contact: dpo
    - id: objection
      type: objection
      description: You can object to our use of your personal data based on our legitimate interests, and at any time to its use for direct marketing.
      contact: dpo
    - id: portability
      type: portability
      description: You can ask for the personal data you gave us in a structured, machine-readable format, or ask us to send it to another organisation.
      contact: dpo
    - id: withdraw-consent
      type: withdraw-consent
      description: Where we rely on your consent, you can withdraw it at any time; this does not affect what we did before.
      contact: dpo
    - id: complaint
      type: complaint
      description: You can complain to the Information Commissioner's Office, or to the data protection authority where you live or work in the EEA. We would appreciate the chance to deal with your concern first.
      contact: ico

# How people are told when this policy changes.
changes:
  description: |
    We may update this policy from time to time. We will tell you of any significant change by e-mail and on the Website before it takes effect.
  channels: [email, website]

# The contacts referred to above: the privacy team, the data protection officer, the supervisory authority.
contacts:
  items:
    - id: privacy
      role: privacy
      name: Privacy team
      description: Questions about this policy, requests for a copy of your data, and marketing preferences
      email: privacy@example.com
      address: Example Ltd, 1 Example Street, London EC1A 1AA, United Kingdom
    - id: dpo
      role: dpo
      name: Data Protection Officer
      description: Exercising your data protection rights, and any concern about how we use your personal data
      email: dpo@example.com
    - id: ico
      role: supervisory-authority
      name: Information Commissioner's Office
      description: The UK supervisory authority for data protection
      url: https://ico.org.uk/make-a-complaint/
      phone: "+44 303 123 1113"

# The line at the foot of the page.
copyright: © Example Ltd
`;
}

/** `policyc.config.json`: where the site is published (used for absolute links in the feed and e-mails). */
export const starterConfig = `${JSON.stringify({ baseUrl: 'https://www.example.com/legal/' }, null, 2)}\n`;

/** What a pull request must change for the workflow to run: the policy, its config and templates, policyc's version, the workflow. */
export const starterWorkflowPaths = [
  'policy/**',
  'policyc.config.json',
  'templates/**',
  'package.json',
  'package-lock.json',
  '.github/workflows/policy.yml',
];

/**
 * The GitHub Actions workflow: on pull requests that touch the policy, the
 * policyc Action (action.yml, at the tag of the version `init` ran) validates
 * against the base branch, uploads the findings to code scanning and keeps one
 * comment with the plain-language diff; on pushes to main, build the site.
 * Node.js 24 (maintained; 20 is at its end of life). policyc's cache and the
 * key that signs its entries are kept between runs: both live in the same
 * GitHub cache scope, which a pull request cannot write for the main branch.
 */
export function starterWorkflow(policycVersion: string): string {
  const paths = starterWorkflowPaths.map((p) => `      - '${p}'`).join('\n');
  const setup = `      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      # policyc's cache (checked snapshots, rendered pages) and its key; after npm ci, which empties node_modules.
      - uses: actions/cache@v4
        with:
          path: |
            node_modules/.cache/policyc
            ~/.cache/policyc
          key: policyc-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: policyc-\${{ runner.os }}-`;
  return `# Checks every pull request that touches the policy, and builds the site on main.
name: Policy

on:
  pull_request:
    paths:
${paths}
  push:
    branches: [main]
    paths:
${paths}

permissions: {}

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      # The one comment with what changed (a pull request from a fork gets a read-only token: no comment there).
      pull-requests: write
      # Upload of the findings to code scanning; actions: read lets it work in a private repository.
      security-events: write
      actions: read
    steps:
${setup}
      # Validates against the base branch (fetched by the action: a document the base lacks is all new),
      # uploads SARIF to code scanning, and comments with the diff. See docs/ci.md of policyc.
      - uses: policyc/policyc@v${policycVersion}
        id: policyc
        with:
          fail-on: error

  build:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
${setup}
      - name: Build the site
        run: npx policyc build
      # Publish dist/ from here (GitHub Pages, your CDN, or your website's repository).
      - uses: actions/upload-artifact@v4
        with:
          name: policy-site
          path: dist/
`;
}

/** The lines `.gitignore` must hold. */
// `.dist.*`: the build's lock and staging folders beside dist/ (never committed: a committed lock would be read as another build's).
export const starterGitignoreLines = ['dist/', '.dist.*', 'node_modules/'];

/** `package.json` for a repository that has none: policyc as a development dependency, and scripts for each step. */
export function starterPackageJson(policycVersion: string): string {
  const pkg = {
    private: true,
    scripts: {
      validate: 'policyc validate',
      diff: 'policyc diff',
      release: 'policyc release',
      build: 'policyc build',
      serve: 'policyc serve',
    },
    devDependencies: { policyc: `^${policycVersion}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** A short README: how to edit, validate, release and build. */
export function starterReadme(id: string): string {
  return `# Privacy policy

This repository holds our privacy policy as data: \`policy/${id}.yaml\` is the working document, and [policyc](https://www.npmjs.com/package/policyc) checks it and compiles it into web pages.

## Set up

\`\`\`sh
npm install            # installs policyc; commit package-lock.json
\`\`\`

## Edit

1. In a branch, edit \`policy/${id}.yaml\`. Replace every "Example" placeholder first. Editors with the YAML language server (VS Code's YAML extension, JetBrains IDEs, Neovim, Zed) check and complete it as you type.
2. Preview it: \`npx policyc serve\`, then open http://127.0.0.1:4000/${id}/index.html; the page rebuilds on every save.
3. Check it: \`npx policyc validate\`. Every problem is reported at its line and column with a rule id and a hint.
4. Open a pull request. CI (\`.github/workflows/policy.yml\`) validates it against the base branch (\`--base\`: released versions must stay as they were, and a config change that loosens a check is flagged) and comments with what changed, in plain language, material changes first.

## Release

When the pull request is approved, freeze the working document as a version:

\`\`\`sh
npx policyc release --effective YYYY-MM-DD
\`\`\`

This writes \`policy/history/${id}/\` and updates \`version\` and \`effective\` in \`policy/${id}.yaml\`; commit all of it. Released versions never change.

## Build

\`\`\`sh
npx policyc build      # writes dist/: the policy in effect, every version, a changelog, a feed
\`\`\`

CI builds the site on every push to \`main\`; publish \`dist/\`. Set the address it is published at in \`policyc.config.json\` (\`baseUrl\`).
`;
}
