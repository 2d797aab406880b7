/**
 * The class of a change: `material` (people must be told before it applies),
 * `editorial`, or `review` (its effect on readers is for a person to judge;
 * until one does, the release needs at least a minor version).
 */
export type ChangeClass = 'material' | 'editorial' | 'review';

/**
 * The rules whose changes the engine cannot judge: text reworded where it
 * may change what is done with data. Not material by default, never editorial.
 */
export const reviewRules: ReadonlySet<string> = new Set([
  'wording-review',
  'threshold-reworded',
  'purpose-reworded',
  'special-category-condition-changed',
  'hosts-widened',
]);

/**
 * Every rule the diff engine (`diff.ts`) classifies a change by, with its
 * verdict unless the project overrides it: material (true) or not (false;
 * editorial, or review for the rules of `reviewRules`). `materiality` in
 * policyc.config.json may name only these; a test keeps the list equal to the
 * rules the engine can produce.
 */
export const changeRules: Readonly<Record<string, boolean>> = {
  'new-data-category': true,
  'new-collection-context': true,
  'new-purpose': true,
  'purpose-uses-more-data': true,
  'legal-basis-changed': true,
  'legal-basis-removed': true,
  'new-recipient': true,
  'sharing-condition-changed': true,
  'recipient-receives-more-data': true,
  'new-transfer': true,
  'transfer-changed': true,
  'new-third-party-cookie': true,
  'new-non-essential-cookie': true,
  'cookie-provider-changed': true,
  'cookie-now-non-essential': true,
  'cookie-now-essential': true,
  'cookie-domain-changed': true,
  'cookie-names-widened': true,
  'longer-retention': true,
  'retention-unstated': true,
  'sensitive-data': true,
  'special-category-condition-removed': true,
  'special-category-consent-replaced': true,
  'right-removed': true,
  'new-fee': true,
  'marketing-opt-out': true,
  'cookie-consent-weakened': true,
  'automated-decisions-introduced': true,
  'controller-changed': true,
  'sale-or-share-started': true,
  'opt-out-withdrawn': true,
  'contact-role-removed': true,
  'purpose-broadened': true,
  'new-source': true,
  'scope-widened': true,
  'threshold-removed': true,
  'assurance-removed': true,
  'flow-widened': true,
  'safeguard-removed': true,
  'new-data-element': true,
  'new-tracking-technology': true,
  'parental-consent-changed': true,
  wording: false,
  reordering: false,
  'contact-detail': false,
  'detail-stated': false,
  'detail-changed': false,
  'detail-removed': false,
  'content-added': false,
  'content-removed': false,
  'less-data': false,
  'shorter-retention': false,
  'right-added': false,
  'fee-removed': false,
  'fee-reduced': false,
  'new-essential-cookie': false,
  'cookie-category-changed': false,
  'cookie-detail': false,
  'sharing-condition-narrowed': false,
  'marketing-opt-in': false,
  'cookie-consent-strengthened': false,
  'automated-decisions-stopped': false,
  'new-essential-technology': false,
  renamed: false,
  merged: false,
  'link-changed': false,
  'wording-review': false,
  'threshold-reworded': false,
  'purpose-reworded': false,
  'special-category-condition-changed': false,
  'hosts-widened': false,
};

/** The ids of the change rules. */
export const changeRuleIds: readonly string[] = Object.keys(changeRules);

/** The class a rule gives a change by default. */
export function ruleClass(rule: string): ChangeClass {
  if (changeRules[rule]) return 'material';
  return reviewRules.has(rule) ? 'review' : 'editorial';
}
