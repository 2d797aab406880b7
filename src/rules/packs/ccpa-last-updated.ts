import type { Policy } from '../../model/policy.generated.js';
import { list } from '../text.js';
import type { Rule } from '../types.js';

/** The CCPA took effect on 1 January 2020. */
const ccpaDate = '2020-01-01';

/** The YYYY-MM-DD date `months` months after `date` (negative: before); a day the month lacks becomes its last day (29 February to 28 February). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole years, months and days from one YYYY-MM-DD date to a later one, in words ("2 years, 6 months and 28 days"). */
function age(from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${addMonths(from, months)}T00:00:00Z`)) / 86_400_000);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (months >= 12) parts.push(unit(Math.floor(months / 12), 'year'));
  if (months % 12) parts.push(unit(months % 12, 'month'));
  if (days) parts.push(unit(days, 'day'));
  return list(parts.length ? parts : ['0 days']);
}

/**
 * The date a version's age is measured at: the date it is judged as of when that
 * falls after its effective date (a later date of its in-force period); judged at
 * its effective date, the version in force today is measured as of today, since
 * it is still the policy consumers read, and a superseded one at that date.
 */
function judgedAsOf(policy: Policy, date: string, today: string, superseded: boolean | undefined): string {
  if (date > policy.effective) return date;
  return superseded || today < date ? date : today;
}

export const ccpaLastUpdated: Rule = {
  id: 'ccpa-last-updated',
  pack: 'ccpa',
  severity: 'error',
  title: 'The policy has been updated within the last 12 months',
  explanation:
    'The CCPA requires a business to update the information in its privacy policy at least once every 12 months, and the policy to state the date it was last updated. A policy whose last-updated date is more than 12 months old tells consumers and the California Privacy Protection Agency that it has not been reviewed as the statute requires. A version is judged as of each date it is in force: a version still in force today as of today (so a policy written before 2020 and never updated is out of date now), a version judged at a later date of its period as of that date, never before the CCPA took effect.',
  reference: 'Cal. Civ. Code § 1798.130(a)(5); Cal. Code Regs. tit. 11, § 7011(e)',
  fix: 'Review the policy, update what has changed, and release a new version whose `effective` date is the date of the review.',
  appliesFrom: ccpaDate,
  check: ({ policy, date, today, superseded }) => {
    const asOf = judgedAsOf(policy, date, today, superseded);
    return asOf >= ccpaDate && policy.effective < addMonths(asOf, -12)
      ? [
          {
            message: `The policy was last updated on ${policy.effective}, ${age(policy.effective, asOf)} ago as of ${asOf}; the CCPA requires it to be updated at least once every 12 months`,
            path: ['effective'],
          },
        ]
      : [];
  },
};
