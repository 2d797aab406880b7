import { review } from '../../src/index.js';

/**
 * Decide every change to review of a project's working document, as
 * `policyc review --decide` does: for tests whose release is about something
 * else than the decisions (a reworded purpose is to review, and a release
 * refuses while one is undecided).
 */
export async function decideReviews(cwd: string, as: 'material' | 'editorial' = 'editorial'): Promise<void> {
  const listed = await review({ cwd });
  for (const item of listed.items ?? []) await review({ cwd, decide: item.key, as, by: 'A Reviewer', today: '2026-12-01' });
}
