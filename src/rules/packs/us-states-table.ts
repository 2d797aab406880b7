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
}

/**
 * Effective dates from the checklist of the project's legal reference
 * (privacy-requirements.md, section 4); signal dates from the acts as
 * reported by the state regulators' and practitioners' summaries. Nebraska,
 * New Jersey and Minnesota also require signals to be honoured, but the date
 * was not verified, so they carry none yet.
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
  },
  {
    jurisdiction: 'us-ne',
    name: 'Nebraska',
    law: 'Nebraska Data Privacy Act, Neb. Rev. Stat. § 87-1101 ff.',
    effective: '2025-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
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
  },
  {
    jurisdiction: 'us-nj',
    name: 'New Jersey',
    law: 'New Jersey Data Privacy Act, N.J. Stat. § 56:8-166.4 ff.',
    effective: '2025-01-15',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
  },
  {
    jurisdiction: 'us-tn',
    name: 'Tennessee',
    law: 'Tennessee Information Protection Act, Tenn. Code Ann. § 47-18-3201 ff.',
    effective: '2025-07-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
  },
  {
    jurisdiction: 'us-mn',
    name: 'Minnesota',
    law: 'Minnesota Consumer Data Privacy Act, Minn. Stat. ch. 325O',
    effective: '2025-07-31',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
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
  },
  {
    jurisdiction: 'us-in',
    name: 'Indiana',
    law: 'Indiana Consumer Data Protection Act, Ind. Code art. 24-15',
    effective: '2026-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
  },
  {
    jurisdiction: 'us-ky',
    name: 'Kentucky',
    law: 'Kentucky Consumer Data Protection Act, Ky. Rev. Stat. § 367.3611 ff.',
    effective: '2026-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
  },
  {
    jurisdiction: 'us-ri',
    name: 'Rhode Island',
    law: 'Rhode Island Data Transparency and Privacy Protection Act, R.I. Gen. Laws ch. 6-48.1',
    effective: '2026-01-01',
    appeals: true,
    targetedAdvertisingOptOut: true,
    sensitiveConsent: true,
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
