import type { Jurisdiction } from '../types.js';

/**
 * One US state with a comprehensive privacy law: when it took effect and
 * which of the requirements policyc checks it imposes. Adding a state is one
 * row; the rules of the `us-states` pack read this table.
 */
export interface UsState {
  jurisdiction: Jurisdiction;
  name: string;
  /** The act, with its codification. */
  law: string;
  /** The date the act took effect (YYYY-MM-DD). */
  effective: string;
  /** Consumers can appeal a refused request, and the privacy notice says how. */
  appeals: boolean;
  /** Consumers can opt out of processing for targeted advertising (Iowa gives only notice of it). */
  targetedAdvertisingOptOut: boolean;
  /** Processing sensitive data needs the consumer's consent (Utah and Iowa ask for notice and an opportunity to opt out; Maryland limits it to what is strictly necessary instead). */
  sensitiveConsent: boolean;
  /** From this date (YYYY-MM-DD) opt-outs sent by a universal opt-out mechanism must be honoured; absent where the act does not require it or policyc could not verify the date. */
  optOutSignalsFrom?: string;
  /** The provision giving consumers the right to opt out of profiling in furtherance of decisions with legal or similarly significant effects; absent where the act gives none (Utah, Iowa). */
  profilingOptOut?: string;
  /** The section saying what the privacy notice contains (among it, how consumers exercise their rights); absent where policyc could not verify it. */
  notice?: string;
}

/**
 * Effective dates from the checklist of the project's legal reference
 * (privacy-requirements.md, section 4); signal dates, sections and the
 * profiling opt-out from the acts' texts, or where the text was not at hand
 * from the state regulators' and practitioners' summaries. A section is
 * cited only as precisely as it was verified: where a subsection could not
 * be confirmed (or was renumbered by a later amendment) the section is cited
 * whole, and where the section could not be found the field is left out.
 * New Jersey's signals date is the act's: six months after its effective date
 * (N.J. Stat. § 56:8-166.11(b)(1)). Nebraska's act makes a global device
 * setting an authorised agent for the opt-outs from its effective date, with
 * no later date (Neb. Rev. Stat. § 87-1111(5)).
 */
export const usStates: readonly UsState[] = [
  {
    jurisdiction: 'us-va',
    name: 'Virginia',
    law: 'Virginia Consumer Data Protection Act, Va. Code §§ 59.1-575 to 59.1-585',
    effective: '2023-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    profilingOptOut: 'Va. Code § 59.1-577(A)(5)(iii)',
    notice: 'Va. Code § 59.1-578',
  },
  {
    jurisdiction: 'us-co',
    name: 'Colorado',
    law: 'Colorado Privacy Act, Colo. Rev. Stat. § 6-1-1301 ff.',
    effective: '2023-07-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2024-07-01',
    profilingOptOut: 'Colo. Rev. Stat. § 6-1-1306(1)(a)(I)(C)',
    notice: 'Colo. Rev. Stat. § 6-1-1308(1)(a); 4 Colo. Code Regs. 904-3, rules 6.03 and 9.03',
  },
  {
    jurisdiction: 'us-ct',
    name: 'Connecticut',
    law: 'Connecticut Data Privacy Act, Conn. Gen. Stat. § 42-515 ff.',
    effective: '2023-07-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-01-01',
    profilingOptOut: 'Conn. Gen. Stat. § 42-518',
    notice: 'Conn. Gen. Stat. § 42-520',
  },
  {
    jurisdiction: 'us-ut',
    name: 'Utah',
    law: 'Utah Consumer Privacy Act, Utah Code § 13-61-101 ff.',
    effective: '2023-12-31',
    appeals: false,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: false,
  },
  {
    jurisdiction: 'us-tx',
    name: 'Texas',
    law: 'Texas Data Privacy and Security Act, Tex. Bus. & Com. Code ch. 541',
    effective: '2024-07-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-01-01',
    profilingOptOut: 'Tex. Bus. & Com. Code § 541.051(b)(5)(C)',
    notice: 'Tex. Bus. & Com. Code § 541.102(a)',
  },
  {
    jurisdiction: 'us-or',
    name: 'Oregon',
    law: 'Oregon Consumer Privacy Act, Or. Rev. Stat. § 646A.570 ff.',
    effective: '2024-07-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2026-01-01',
    profilingOptOut: 'Or. Rev. Stat. § 646A.574(1)(d)(C)',
    notice: 'Or. Rev. Stat. § 646A.578(4)',
  },
  {
    jurisdiction: 'us-mt',
    name: 'Montana',
    law: 'Montana Consumer Data Privacy Act, Mont. Code Ann. § 30-14-2801 ff.',
    effective: '2024-10-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-01-01',
    profilingOptOut: 'Mont. Code Ann. § 30-14-2808',
  },
  {
    jurisdiction: 'us-ia',
    name: 'Iowa',
    law: 'Iowa Consumer Data Protection Act, Iowa Code ch. 715D',
    effective: '2025-01-01',
    appeals: true,
    targetedAdvertisingOptOut: false,
    sensitiveConsent: false,
  },
  {
    jurisdiction: 'us-de',
    name: 'Delaware',
    law: 'Delaware Personal Data Privacy Act, Del. Code tit. 6, ch. 12D',
    effective: '2025-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2026-01-01',
    profilingOptOut: 'Del. Code tit. 6, § 12D-104(a)',
    notice: 'Del. Code tit. 6, § 12D-106',
  },
  {
    jurisdiction: 'us-ne',
    name: 'Nebraska',
    law: 'Nebraska Data Privacy Act, Neb. Rev. Stat. § 87-1101 ff.',
    effective: '2025-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-01-01',
    profilingOptOut: 'Neb. Rev. Stat. § 87-1107(2)(e)',
    notice: 'Neb. Rev. Stat. § 87-1113',
  },
  {
    jurisdiction: 'us-nh',
    name: 'New Hampshire',
    law: 'New Hampshire privacy act, N.H. Rev. Stat. ch. 507-H',
    effective: '2025-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-01-01',
    profilingOptOut: 'N.H. Rev. Stat. § 507-H:4, I(e)',
  },
  {
    jurisdiction: 'us-nj',
    name: 'New Jersey',
    law: 'New Jersey Data Privacy Act, N.J. Stat. § 56:8-166.4 ff.',
    effective: '2025-01-15',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-07-15',
    profilingOptOut: 'N.J. Stat. § 56:8-166.10(a)(5)(c)',
    notice: 'N.J. Stat. § 56:8-166.6(a) and (b)',
  },
  {
    jurisdiction: 'us-tn',
    name: 'Tennessee',
    law: 'Tennessee Information Protection Act, Tenn. Code Ann. § 47-18-3301 ff.',
    effective: '2025-07-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    profilingOptOut: 'Tenn. Code Ann. § 47-18-3304(a)(2)(E)(iii)',
  },
  {
    jurisdiction: 'us-mn',
    name: 'Minnesota',
    law: 'Minnesota Consumer Data Privacy Act, Minn. Stat. §§ 325M.10 to 325M.21',
    effective: '2025-07-31',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    optOutSignalsFrom: '2025-07-31',
    profilingOptOut: 'Minn. Stat. § 325M.14',
    notice: 'Minn. Stat. § 325M.16, subd. 1',
  },
  {
    jurisdiction: 'us-md',
    name: 'Maryland',
    law: 'Maryland Online Data Privacy Act, Md. Code, Com. Law § 14-4701 ff.',
    effective: '2025-10-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: false,
    optOutSignalsFrom: '2025-10-01',
    profilingOptOut: 'Md. Code, Com. Law § 14-4705(b)(7)(iii)',
  },
  {
    jurisdiction: 'us-in',
    name: 'Indiana',
    law: 'Indiana Consumer Data Protection Act, Ind. Code art. 24-15',
    effective: '2026-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    profilingOptOut: 'Ind. Code § 24-15-3-1(b)(5)',
    notice: 'Ind. Code § 24-15-4-3',
  },
  {
    jurisdiction: 'us-ky',
    name: 'Kentucky',
    law: 'Kentucky Consumer Data Protection Act, Ky. Rev. Stat. § 367.3611 ff.',
    effective: '2026-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    profilingOptOut: 'Ky. Rev. Stat. § 367.3615(2)(e)',
    notice: 'Ky. Rev. Stat. § 367.3617',
  },
  {
    jurisdiction: 'us-ri',
    name: 'Rhode Island',
    law: 'Rhode Island Data Transparency and Privacy Protection Act, R.I. Gen. Laws ch. 6-48.1',
    effective: '2026-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
    profilingOptOut: 'R.I. Gen. Laws § 6-48.1-5(e)(4)',
  },
];

/** A state with a consumer-health privacy law: a consumer health data privacy policy is required where health data is collected. */
export interface HealthState {
  jurisdiction: Jurisdiction;
  name: string;
  law: string;
  effective: string;
}

/** Both took effect on 31 March 2024 (privacy-requirements.md, section 4). */
export const healthStates: readonly HealthState[] = [
  { jurisdiction: 'us-wa', name: 'Washington', law: 'My Health My Data Act, Rev. Code Wash. ch. 19.373', effective: '2024-03-31' },
  { jurisdiction: 'us-nv', name: 'Nevada', law: 'Nevada SB 370 (2023), consumer health data', effective: '2024-03-31' },
];
