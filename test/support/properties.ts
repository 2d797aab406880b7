/**
 * How many cases a property test tries. `npm test` (and so CI) tries `full`;
 * the quick loop, `npm run test:fast`, tries a tenth of them (at least 20)
 * with the same seeds, so that the fast tier takes seconds.
 * `POLICYC_PROPERTY_RUNS=full` (or `quick`) chooses either anywhere.
 */
export function propertyRuns(full: number): number {
  const chosen = process.env.POLICYC_PROPERTY_RUNS ?? (process.env.npm_lifecycle_event === 'test:fast' ? 'quick' : 'full');
  if (chosen !== 'quick' && chosen !== 'full') throw new Error(`POLICYC_PROPERTY_RUNS is “${chosen}”: set it to quick or full`);
  return chosen === 'quick' ? Math.max(20, Math.ceil(full / 10)) : full;
}
