import type { Policy } from '../../model/policy.generated.js';
import { hasRight, list, theRight, type RightType } from '../text.js';
import type { Rule, RuleContext } from '../types.js';
import { healthStates, usStates, type UsState } from './us-states-table.js';

/** The first date a state law of the pack applies: Virginia's, 1 January 2023 (the earliest `effective` of the table). */
const firstDate = '2023-01-01';
/** Washington's and Nevada's consumer-health laws apply from 31 March 2024. */
const healthDate = '2024-03-31';

/** The states the document declares whose law is in force on the date it is judged as of, and that impose `requirement`. */
function statesInForce(context: RuleContext, requirement: (state: UsState) => boolean): UsState[] {
  const declared = new Set(context.policy.jurisdictions ?? []);
  return usStates.filter((s) => declared.has(s.jurisdiction) && context.date >= s.effective && requirement(s));
}

/**
 * The days a rule's verdict can change on: the dates (by default the
 * effective dates) of the states that impose `requirement`, so that a version
 * in force across one is judged on it too (see `lawDates`).
 */
function stateDates(
  requirement: (state: UsState) => boolean,
  dateOf: (state: UsState) => string | undefined = (s) => s.effective,
): string[] {
  const dates = usStates.filter(requirement).map(dateOf);
  return [...new Set(dates.filter((d): d is string => Boolean(d)))].sort();
}

/** The states in `states` whose people the policy does not give the right: a right limited to other regions is not theirs (`us` covers every state). */
function lacking(policy: Policy, type: RightType, states: readonly UsState[]): UsState[] {
  return states.filter((s) => !hasRight(policy, type, [s.jurisdiction, 'us']));
}

/** "the law of Virginia (Virginia Consumer Data Protection Act, …) requires", "the laws of Virginia (…) and Colorado (…) require". */
function lawsOf(states: readonly { name: string; law: string }[], verb: 'requires' | 'gives'): string {
  const names = list(states.map((s) => `${s.name} (${s.law})`));
  return states.length === 1 ? `the law of ${names} ${verb}` : `the laws of ${names} ${verb.slice(0, -1)}`;
}

/** Where a finding about the rights points: the rights, or the document when it has none. */
function rightsPath(policy: Policy): (string | number)[] {
  return policy.rights ? ['rights'] : [];
}

/** Whether the policy processes personal data for targeted advertising: shared for cross-context behavioural advertising, given to an advertising partner, or collected by advertising cookies or trackers. */
function targetedAdvertising(policy: Policy): boolean {
  const cookies = policy.cookies;
  return Boolean(
    policy.sharing?.sale?.shared ||
    policy.sharing?.recipients?.some((r) => r.type === 'advertising-partner' || r.disclosures?.some((d) => d.kind === 'shared')) ||
    cookies?.items?.some((c) => c.category === 'advertising') ||
    cookies?.technologies?.some((t) => t.category === 'advertising') ||
    cookies?.categories?.some((c) => c.category === 'advertising'),
  );
}

/** Whether the policy says personal data is sold. */
function sold(policy: Policy): boolean {
  return Boolean(policy.sharing?.sale?.sold || policy.sharing?.recipients?.some((r) => r.disclosures?.some((d) => d.kind === 'sold')));
}

/**
 * Sensitive data as the state laws define it (Va. Code § 59.1-575 and its
 * followers), in a category's words. `sensitive: true` also marks GDPR special
 * categories and the CPRA's sensitive personal information, which includes
 * account log-ins and government identifiers that most state laws leave out.
 */
const stateSensitiveTerms =
  /racial|ethnic|religio|health|diagnos|sex life|sexual orientation|citizenship|immigration|genetic|biometric|precise geolocation|child/i;

/** Health data in a category's words: consumer health data under Washington's and Nevada's laws. */
const healthTerms = /\bhealth\b|\bmedical\b|\bdiagnos|\bsymptom|\bmedication|\breproductive\b|\bpregnan/i;

export const usStateRules: readonly Rule[] = [
  {
    id: 'us-appeals',
    pack: 'us-states',
    severity: 'error',
    title: 'The policy says how to appeal a refused request, in the states that give that right',
    explanation:
      'Virginia and the states whose comprehensive privacy laws followed it (all but Utah) let a consumer appeal a controller’s refusal to act on a rights request, and require the privacy notice to say how consumers exercise their rights, including how to appeal. policyc looks for a right of type `appeal` that the people of the state have, or for `rights.exercising.appeals`.',
    reference:
      'Va. Code § 59.1-577(C) and 59.1-578(C); Colo. Rev. Stat. § 6-1-1306(3) and 6-1-1308(1); and the corresponding sections of the other states’ acts (see the state in the message)',
    fix: 'Describe the appeal in `rights.exercising.appeals` (how to appeal, and how soon it is decided), or add a right with `type: appeal` for the states concerned.',
    appliesFrom: firstDate,
    dates: stateDates((s) => s.appeals),
    parts: ['rights'],
    check: (context) => {
      const { policy } = context;
      if (policy.rights?.exercising?.appeals?.trim()) return [];
      const missing = lacking(
        policy,
        'appeal',
        statesInForce(context, (s) => s.appeals),
      );
      if (!missing.length) return [];
      return [
        {
          message: `The policy does not say how to appeal a refused request, which ${lawsOf(missing, 'requires')}`,
          path: rightsPath(policy),
        },
      ];
    },
  },
  {
    id: 'us-targeted-advertising-opt-out',
    pack: 'us-states',
    severity: 'error',
    title: 'Targeted advertising comes with the right to opt out of it',
    explanation:
      'Every comprehensive state privacy law of the pack except Iowa’s gives consumers the right to opt out of the processing of their personal data for targeted advertising, and requires a controller that processes personal data for targeted advertising to disclose it clearly and conspicuously, with how to opt out. policyc sees targeted advertising in personal information shared for cross-context behavioural advertising, an advertising partner among the recipients, or advertising cookies and trackers.',
    reference:
      'Va. Code § 59.1-577(A)(5) and 59.1-578(D); Colo. Rev. Stat. § 6-1-1306(1)(a) and 6-1-1308(1)(b); and the corresponding sections of the other states’ acts (see the state in the message)',
    fix: 'Add a right with `type: opt-out-of-targeted-advertising` for the states concerned, saying how to opt out (a link or a setting); or, if no personal data is processed for targeted advertising, correct the sharing or cookie entries that say so.',
    appliesFrom: firstDate,
    dates: stateDates((s) => s.targetedAdvertisingOptOut),
    parts: ['sharing', 'cookies', 'rights'],
    check: (context) => {
      const { policy } = context;
      if (!targetedAdvertising(policy)) return [];
      const missing = lacking(
        policy,
        'opt-out-of-targeted-advertising',
        statesInForce(context, (s) => s.targetedAdvertisingOptOut),
      );
      if (!missing.length) return [];
      return [
        {
          message: `Personal data is processed for targeted advertising, but the policy does not state ${theRight('opt-out-of-targeted-advertising')}, which ${lawsOf(missing, 'gives')}`,
          path: rightsPath(policy),
        },
      ];
    },
  },
  {
    id: 'us-profiling-opt-out',
    pack: 'us-states',
    severity: 'warning',
    title: 'Automated decisions with significant effects come with the right to opt out of profiling, in the states that give it',
    explanation:
      'Every comprehensive state privacy law of the pack except Utah’s and Iowa’s gives consumers the right to opt out of profiling in furtherance of decisions that produce legal or similarly significant effects concerning them (credit, housing, insurance, education, criminal justice, employment, health care, access to basic necessities), some only where the decisions are solely automated. The privacy notice must say how consumers exercise their rights, and Colorado’s rules (4 Colo. Code Regs. 904-3, rules 6.03(A)(1)(c) and 9.03(A)(7)), Oregon (Or. Rev. Stat. § 646A.578(4)(h)), New Jersey (N.J. Stat. § 56:8-166.6(b)) and Minnesota (Minn. Stat. § 325M.16, subd. 1(b)) ask it to name such profiling and how to opt out of it. policyc reads `purposes.automatedDecisions.used: true` as such decisions, and looks for a right of type `opt-out-of-profiling` that the people of the state have. A warning, not an error: `automatedDecisions` is described in the GDPR’s terms, which reach further than the state laws’ closed list of significant decisions, and a document without it (or with `used: false`) is not judged.',
    reference:
      'Va. Code § 59.1-577(A)(5)(iii) and 59.1-578; Colo. Rev. Stat. § 6-1-1306(1)(a)(I)(C) and 6-1-1308(1)(a); 4 Colo. Code Regs. 904-3, rule 9.03; and the provision of each other state named in the message',
    fix: 'Add a right with `type: opt-out-of-profiling` for the states concerned (or without `regions`), saying how to opt out; or, if no decisions with legal or similarly significant effects are made by automated means, set `purposes.automatedDecisions.used: false`.',
    appliesFrom: firstDate,
    dates: stateDates((s) => Boolean(s.profilingOptOut)),
    parts: ['purposes', 'rights'],
    check: (context) => {
      const { policy } = context;
      if (!policy.purposes.automatedDecisions?.used) return [];
      const missing = lacking(
        policy,
        'opt-out-of-profiling',
        statesInForce(context, (s) => Boolean(s.profilingOptOut)),
      );
      if (!missing.length) return [];
      const provisions = missing.map(
        (s) => `${s.name} (${[s.profilingOptOut, s.notice && `privacy notice: ${s.notice}`].filter(Boolean).join('; ')})`,
      );
      const laws = missing.length === 1 ? `the law of ${provisions[0]} gives` : `the laws of ${list(provisions)} give`;
      return [
        {
          message: `Decisions with legal or similarly significant effects are made by automated means, but the policy does not state ${theRight('opt-out-of-profiling')}, which ${laws}`,
          path: ['purposes', 'automatedDecisions'],
        },
      ];
    },
  },
  {
    id: 'us-sale-opt-out',
    pack: 'us-states',
    severity: 'error',
    title: 'A sale of personal data comes with the right to opt out of it',
    explanation:
      'Every comprehensive state privacy law of the pack gives consumers the right to opt out of the sale of their personal data, and requires a controller that sells personal data to disclose it clearly and conspicuously, with how to opt out.',
    reference:
      'Va. Code § 59.1-577(A)(5) and 59.1-578(D); Utah Code § 13-61-201; and the corresponding sections of the other states’ acts (see the state in the message)',
    fix: 'Add a right with `type: opt-out-of-sale` for the states concerned (or without `regions`), saying how to opt out.',
    appliesFrom: firstDate,
    dates: stateDates(() => true),
    parts: ['sharing', 'rights'],
    check: (context) => {
      const { policy } = context;
      if (!sold(policy)) return [];
      const missing = lacking(
        policy,
        'opt-out-of-sale',
        statesInForce(context, () => true),
      );
      if (!missing.length) return [];
      return [
        {
          message: `Personal data is sold, but the policy does not state ${theRight('opt-out-of-sale')}, which ${lawsOf(missing, 'gives')}`,
          path: rightsPath(policy),
        },
      ];
    },
  },
  {
    id: 'us-sensitive-consent',
    pack: 'us-states',
    severity: 'error',
    title: 'Sensitive data is processed with consent, in the states that require it',
    explanation:
      'Virginia, Colorado, Connecticut, Texas, Oregon, Montana and most later states allow sensitive data (racial or ethnic origin, religious beliefs, health, sex life or sexual orientation, citizenship, genetic or biometric data, a child’s data, precise geolocation) to be processed only with the consumer’s consent. Utah and Iowa ask instead for clear notice and an opportunity to opt out, and Maryland limits it to what is strictly necessary, so they are not judged by this rule. policyc looks for a right of type `consent-to-sensitive` that the people of the state have, where a category marked `sensitive` is sensitive data in the state laws’ sense (its label or description names one of those kinds: account log-ins, for one, are sensitive personal information in California only).',
    reference:
      'Va. Code § 59.1-578(A)(5); Colo. Rev. Stat. § 6-1-1308(7); and the corresponding sections of the other states’ acts (see the state in the message)',
    fix: 'Add a right with `type: consent-to-sensitive` for the states concerned, saying that sensitive data is processed only with consent and how to give and withdraw it; or, if the category is not sensitive data, remove `sensitive: true`.',
    appliesFrom: firstDate,
    dates: stateDates((s) => s.sensitiveConsent),
    parts: ['collection', 'rights'],
    check: (context) => {
      const { policy } = context;
      const index = policy.collection.categories.findIndex(
        (c) => c.sensitive && stateSensitiveTerms.test(`${c.label} ${c.description ?? ''}`),
      );
      if (index < 0) return [];
      const missing = lacking(
        policy,
        'consent-to-sensitive',
        statesInForce(context, (s) => s.sensitiveConsent),
      );
      if (!missing.length) return [];
      const category = policy.collection.categories[index]!;
      return [
        {
          message: `The sensitive category \`${category.id}\` is collected, but the policy does not state ${theRight('consent-to-sensitive')}, which ${lawsOf(missing, 'requires')}`,
          path: ['collection', 'categories', index],
        },
      ];
    },
  },
  {
    id: 'us-opt-out-signals',
    pack: 'us-states',
    severity: 'error',
    title: 'Universal opt-out signals are honoured, in the states that require it',
    explanation:
      'A growing number of states require a controller that sells personal data or processes it for targeted advertising to honour a consumer’s opt-out sent by a universal opt-out mechanism such as Global Privacy Control: Colorado from 1 July 2024; Connecticut, Texas, Montana and New Hampshire from 1 January 2025, and Nebraska with its act on the same day (a global device setting acts as the consumer’s agent; a controller need not honour it unless it honours such requests under another state’s law); New Jersey from 15 July 2025, six months after its act; Minnesota with its act on 31 July 2025; Maryland from 1 October 2025; Oregon and Delaware from 1 January 2026. policyc looks for a signal in `signals.items` (Global Privacy Control or another) that is honoured, wholly or in part.',
    reference:
      'Colo. Rev. Stat. § 6-1-1306(1)(a)(IV); 4 Colo. Code Regs. 904-3, part 5; and the corresponding sections of the other states’ acts (see the state in the message)',
    fix: 'Add to `signals.items` an entry with `signal: global-privacy-control` and `response: honoured`, saying what it does (`effect`: it opts the browser or device out of sale and targeted advertising).',
    appliesFrom: '2024-07-01',
    dates: stateDates(
      (s) => Boolean(s.optOutSignalsFrom),
      (s) => s.optOutSignalsFrom,
    ),
    parts: ['sharing', 'cookies'],
    check: (context) => {
      const { policy } = context;
      if (!sold(policy) && !targetedAdvertising(policy)) return [];
      const states = statesInForce(context, (s) => Boolean(s.optOutSignalsFrom && context.date >= s.optOutSignalsFrom));
      if (!states.length) return [];
      const honoured = policy.signals?.items.some((s) => s.signal !== 'do-not-track' && s.response !== 'not-honoured');
      if (honoured) return [];
      return [
        {
          message: `Personal data is sold or processed for targeted advertising, but the policy does not say that universal opt-out signals such as Global Privacy Control are honoured, which ${lawsOf(states, 'requires')}`,
          path: policy.signals ? ['signals'] : policy.sharing?.sale ? ['sharing', 'sale'] : policy.sharing ? ['sharing'] : [],
        },
      ];
    },
  },
  {
    id: 'us-consumer-health-policy',
    pack: 'us-states',
    severity: 'error',
    title: 'Consumer health data comes with a consumer health data privacy policy',
    explanation:
      'Washington’s My Health My Data Act and Nevada’s SB 370, both in force from 31 March 2024, require an entity that collects consumer health data to publish a separate consumer health data privacy policy (the categories of health data collected and their sources, the purposes, the categories shared and with whom, and how to exercise the rights), with a prominent link to it on its homepage. policyc sees health data in a category whose label or description speaks of health, medical or reproductive data, and looks for a related document (`related`) or a custom section (`sections`) whose title names consumer health data.',
    reference: 'Rev. Code Wash. § 19.373.020; Nevada SB 370 (2023)',
    fix: 'Publish a consumer health data privacy policy and list it in `related` (its `title` naming consumer health data, and its `url`), link it from the homepage, or give it as a custom section titled accordingly.',
    appliesFrom: healthDate,
    parts: ['collection'],
    check: ({ policy, date }) => {
      const declared = new Set(policy.jurisdictions ?? []);
      const states = healthStates.filter((s) => declared.has(s.jurisdiction) && date >= s.effective);
      if (!states.length) return [];
      const index = policy.collection.categories.findIndex((c) => healthTerms.test(`${c.label} ${c.description ?? ''}`));
      if (index < 0) return [];
      const titled = (title: string) => /health/i.test(title);
      if (policy.related?.some((r) => titled(r.title)) || policy.sections?.some((s) => titled(s.title))) return [];
      return [
        {
          message: `The category \`${policy.collection.categories[index]!.id}\` is consumer health data, but the policy names no consumer health data privacy policy, which ${lawsOf(states, 'requires')}`,
          path: ['collection', 'categories', index],
        },
      ];
    },
  },
];
