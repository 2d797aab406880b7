import type { Mechanism, Origin } from './frameworks.js';

/** A day on which a set of clauses began or ceased to cover data of an origin, and why. */
export interface Dated {
  date: string;
  reason: string;
}

/** When a set of clauses covers data of one origin: from `from` (included). */
export interface Cover {
  from?: Dated;
}

/**
 * The contractual safeguards whose reach depends on the data's origin, with
 * the day their cover began. The European Commission's clauses (Decision (EU)
 * 2021/914, and the 2001, 2004 and 2010 sets before them) are EU law, which
 * the Swiss FDPIC recognised for Swiss data and, after Brexit, UK law kept
 * for UK data until the UK's own clauses replaced them (see
 * `ukClausesTransition`). The UK's International Data Transfer Agreement and
 * Addendum are UK law, for UK data; the clauses adapted to Swiss law, for
 * Swiss data. Mechanisms not listed here exist under every origin's law.
 */
export const clauses: Partial<Record<Mechanism, Partial<Record<Origin, Cover>>>> = {
  'standard-contractual-clauses': { eu: {}, ch: {}, uk: {} },
  'uk-idta': {
    uk: { from: { date: '2022-03-21', reason: 'the UK International Data Transfer Agreement came into force only on 21 March 2022' } },
  },
  'uk-addendum': {
    uk: { from: { date: '2022-03-21', reason: 'the UK Addendum came into force only on 21 March 2022' } },
  },
  'swiss-scc-adaptation': {
    ch: {
      from: {
        date: '2021-08-27',
        reason: 'the FDPIC recognised the 2021 standard contractual clauses, adapted to Swiss law, only on 27 August 2021',
      },
    },
  },
};

/**
 * The end of the UK's transition from the European Commission's clauses: the
 * IDTA and the Addendum came into force on 21 March 2022; contracts on the old
 * clauses concluded by 21 September 2022 stayed valid until 21 March 2024. The
 * 2021 clauses never covered UK data without the Addendum. From that day UK
 * data needs the IDTA or the Addendum.
 */
export const ukClausesTransition: Dated = {
  date: '2024-03-21',
  reason:
    'since 21 March 2024 UK data needs the UK Addendum to them or the UK International Data Transfer Agreement (the UK’s transitional provisions kept contracts on the old clauses, concluded by 21 September 2022, valid only until that day; the 2021 clauses alone never covered UK data)',
};

/** How a set of clauses covers data of `origin` on `date`: `true`, or why not (`reason` when a date decides it); `undefined` when the mechanism is not one of them. */
export function clauseCover(mechanism: Mechanism, origin: Origin, date: string): true | { reason?: string } | undefined {
  const byOrigin = Object.hasOwn(clauses, mechanism) ? clauses[mechanism] : undefined;
  if (!byOrigin) return undefined;
  const cover = Object.hasOwn(byOrigin, origin) ? byOrigin[origin] : undefined;
  if (!cover) return {};
  if (cover.from && date < cover.from.date) return { reason: cover.from.reason };
  return true;
}

/** Every day on which a set of clauses began to cover an origin: a version in force across one is judged on it too. */
export const clauseDates: readonly string[] = [
  ...new Set(Object.values(clauses).flatMap((byOrigin) => Object.values(byOrigin).flatMap((c) => (c.from ? [c.from.date] : [])))),
].sort();
