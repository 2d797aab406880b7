import { clauseCover, clauseDates } from './clauses.js';
import { covers, frameworkDates, frameworkOf, type Mechanism, type Origin } from './frameworks.js';

/**
 * Whether a mechanism covers data of `origin` on `date`: `true`, or why not
 * (`reason` when a date decides it). A framework covers its own origin (its
 * validity is `transfers-mechanism-invalid`'s to judge); the clauses of
 * clauses.ts their origins over their days; every other mechanism (an
 * adequacy decision, binding corporate rules, a code of conduct, a
 * derogation...) exists under every origin's law and is taken to cover it.
 */
export function coverage(mechanism: Mechanism, origin: Origin, date: string): true | { reason?: string } {
  const framework = frameworkOf(mechanism);
  if (framework) return covers(framework, origin, date) || {};
  return clauseCover(mechanism, origin, date) ?? true;
}

/** Every day on which a mechanism's coverage of an origin changes. */
export const coverageDates: readonly string[] = [...new Set([...frameworkDates, ...clauseDates])].sort();
