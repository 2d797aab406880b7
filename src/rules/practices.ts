import type { Policy } from '../model/policy.generated.js';
import type { Practice } from './parts.js';

/**
 * Where a document addresses each practice in its structured places. A rule
 * asking only that a practice be addressed uses `addresses`; one asking for a
 * specific structured fact (a retention period per category) reads that fact.
 */
const structured: Readonly<Record<Practice, (policy: Policy) => boolean>> = {
  'first-party-collection': (p) => p.collection.categories.length > 0,
  'third-party-sharing': (p) => Boolean(p.sharing?.recipients?.length),
  'user-choice': (p) => Boolean(p.controls?.items.length || p.marketing?.optOut || p.cookies?.consent),
  'user-access': (p) => Boolean(p.rights?.items.length),
  'data-retention': (p) => Boolean(p.retention || p.collection.categories.some((c) => c.retention)),
  'data-security': (p) => Boolean(p.security),
  'policy-change': (p) => Boolean(p.changes),
  'do-not-track': (p) => Boolean(p.signals?.items.some((s) => s.signal === 'do-not-track')),
  'specific-audiences': (p) => Boolean(p.children || p.rights?.items.some((r) => r.regions?.length)),
  'international-transfers': (p) => Boolean(p.transfers?.items.length),
  children: (p) => Boolean(p.children),
  'government-requests': (p) => Boolean(p.governmentRequests),
  contact: (p) => p.contacts.items.length > 0,
  other: () => false,
};

/** Whether a custom section of the document declares that it covers the practice (`sections[].practices`). */
export function declares(policy: Policy, practice: Practice): boolean {
  return (policy.sections ?? []).some((s) => s.practices?.includes(practice) && s.body.trim() !== '');
}

/** Whether the document addresses the practice: in its structured place, or in a custom section declaring it. */
export function addresses(policy: Policy, practice: Practice): boolean {
  return structured[practice](policy) || declares(policy, practice);
}
