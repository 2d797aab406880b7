import { enumLabel } from '../model/labels.js';
import type { Policy } from '../model/policy.generated.js';
import { frameworkOf, type Mechanism } from './frameworks.js';

/** A type of right, as the schema names them (`access`, `know`, ...). */
export type RightType = NonNullable<NonNullable<Policy['rights']>['items'][number]['types']>[number];

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function list(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "the right of access (`access`)": a right type as a lawyer reads it, with the value to write. */
export function theRight(type: RightType): string {
  const label = enumLabel('right', type);
  return `the ${label.charAt(0).toLowerCase()}${label.slice(1)} (\`${type}\`)`;
}

/**
 * A transfer mechanism inside a sentence: a framework by its name ("EU-U.S.
 * Data Privacy Framework"), another safeguard in lower case ("standard
 * contractual clauses"), unless its label starts with an acronym ("UK
 * International Data Transfer Agreement").
 */
export function mechanismName(mechanism: Mechanism): string {
  const label = enumLabel('mechanism', mechanism);
  return frameworkOf(mechanism) || !/^.[a-z]/.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** A region a right can be limited to (`rights.items[].regions`). */
type Region = NonNullable<NonNullable<Policy['rights']>['items'][number]['regions']>[number];

/**
 * Whether the policy grants a right of this type (one right may serve several
 * types) to the people of one of `regions`: a right limited to other regions
 * (`regions: [us-ca]`) is not theirs. Without `regions`, any right counts.
 */
export function hasRight(policy: Policy, type: RightType, regions?: readonly Region[]): boolean {
  return (policy.rights?.items ?? []).some(
    (r) => r.types?.includes(type) && (!regions || !r.regions?.length || r.regions.some((g) => regions.includes(g))),
  );
}
