import type { Policy } from '../model/policy.generated.js';

/** The regimes whose law calls the company responsible for the data its "controller" (GDPR, UK GDPR, Swiss FADP, LGPD). */
const controllerRegimes: readonly string[] = ['eu', 'uk', 'ch', 'br'];

/**
 * Whether the page may call the company a (data) controller: the document is
 * written for a regime that uses the term, or does not say which regimes it is
 * written for. A US-only notice names a "Company" instead.
 */
export function controllerTerms(policy: Pick<Policy, 'jurisdictions'>): boolean {
  return !policy.jurisdictions?.length || policy.jurisdictions.some((j) => controllerRegimes.includes(j));
}
