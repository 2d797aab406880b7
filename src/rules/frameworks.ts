import type { Policy } from '../model/policy.generated.js';

/** A transfer of a document. */
export type Transfer = NonNullable<Policy['transfers']>['items'][number];

/** A transfer mechanism (`transfers.items[].mechanisms`). */
export type Mechanism = Transfer['mechanisms'][number];

/** A region whose law restricts transfers: the EU/EEA, the UK, Switzerland. */
export type Origin = 'eu' | 'uk' | 'ch';

/** A framework of the U.S. Department of Commerce: the data it covers, and when it could be relied on. */
export interface Framework {
  /** The origin of the data it covers: each framework covers its own only. */
  origin: Origin;
  /** The day it could first be relied on, and why. */
  from?: { date: string; reason: string };
  /** The day it ended, and why. */
  until?: { date: string; reason: string };
}

/**
 * The certification frameworks for transfers to the United States. The
 * EU-US frameworks are adequacy decisions for EU/EEA data, the UK Extension
 * for UK data, the Swiss ones for Swiss data (Swiss-US Safe Harbor and Privacy
 * Shield were recognised by the Swiss FDPIC, the Swiss-US DPF by the Federal
 * Council in Annex 1 of the Data Protection Ordinance).
 */
export const frameworks: Partial<Record<Mechanism, Framework>> = {
  'eu-us-safe-harbor': {
    origin: 'eu',
    from: { date: '2000-07-26', reason: 'the European Commission adopted it (Decision 2000/520/EC) on 26 July 2000' },
    until: { date: '2015-10-06', reason: 'the CJEU invalidated it in Schrems I (C-362/14) on 6 October 2015' },
  },
  'us-swiss-safe-harbor': {
    origin: 'ch',
    until: { date: '2015-10-22', reason: 'the Swiss FDPIC declared it no longer adequate on 22 October 2015' },
  },
  'eu-us-privacy-shield': {
    origin: 'eu',
    from: { date: '2016-07-12', reason: 'the European Commission adopted it (Decision (EU) 2016/1250) only on 12 July 2016' },
    until: { date: '2020-07-16', reason: 'the CJEU invalidated it in Schrems II (C-311/18) on 16 July 2020' },
  },
  'swiss-us-privacy-shield': {
    origin: 'ch',
    from: { date: '2017-04-12', reason: 'it opened for certification only on 12 April 2017' },
    until: { date: '2020-09-08', reason: 'the Swiss FDPIC found it inadequate on 8 September 2020' },
  },
  'eu-us-data-privacy-framework': {
    origin: 'eu',
    from: {
      date: '2023-07-10',
      reason: 'the European Commission adopted its adequacy decision (Decision (EU) 2023/1795) only on 10 July 2023',
    },
  },
  'uk-us-data-bridge': {
    origin: 'uk',
    from: { date: '2023-10-12', reason: 'the UK Extension (the UK-US data bridge) took effect only on 12 October 2023' },
  },
  'swiss-us-data-privacy-framework': {
    origin: 'ch',
    from: { date: '2024-09-15', reason: 'the Swiss Federal Council recognised it only from 15 September 2024' },
  },
};

/** The framework a mechanism names, if it names one. */
export function frameworkOf(mechanism: Mechanism): Framework | undefined {
  return Object.hasOwn(frameworks, mechanism) ? frameworks[mechanism] : undefined;
}

/** Whether a framework could be relied on on `date`. */
export function inForce(framework: Framework, date: string): boolean {
  return (!framework.from || date >= framework.from.date) && (!framework.until || date < framework.until.date);
}

/**
 * The UK left the EU's transfer regime when the Brexit transition period
 * ended (31 December 2020): until then UK data was EU data, and an EU-US
 * framework covered it.
 */
const ukLeftEu = '2021-01-01';

/** Whether a framework covers data from `origin` on `date`. */
export function covers(framework: Framework, origin: Origin, date: string): boolean {
  return framework.origin === origin || (origin === 'uk' && framework.origin === 'eu' && date < ukLeftEu);
}

/**
 * Where a transfer's data comes from: its `origin` (the regions of the EU,
 * the UK and Switzerland among them) or, when it states none, every one of
 * those regions the document declares among its `jurisdictions`.
 */
export function originsOf(transfer: Transfer, policy: Policy): Origin[] {
  const regions: readonly string[] = transfer.origin ?? policy.jurisdictions ?? [];
  return (['eu', 'uk', 'ch'] as const).filter((o) => regions.includes(o));
}

/** Mechanisms that are adequacy findings (an adequacy decision, or a framework that is one) or a derogation of Art. 49: no copy to give. */
export const notSafeguards: readonly Mechanism[] = ['adequacy', 'derogation', ...(Object.keys(frameworks) as Mechanism[])];

/** Every day on which a framework began or ended, or its coverage changed: a version in force across one is judged on it too. */
export const frameworkDates: readonly string[] = [
  ...new Set([ukLeftEu, ...Object.values(frameworks).flatMap((f) => [f.from?.date, f.until?.date].filter((d): d is string => !!d))]),
].sort();
