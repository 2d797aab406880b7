/**
 * Every rule the diff engine (`diff.ts`) classifies a change by, with its
 * verdict unless the project overrides it: material (true) or editorial
 * (false). `materiality` in policyc.config.json may name only these; a test
 * keeps the list equal to the rules the engine can produce.
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
  'longer-retention': true,
  'retention-unstated': true,
  'sensitive-data': true,
  'right-removed': true,
  'new-fee': true,
  'marketing-opt-out': true,
  'cookie-consent-weakened': true,
  'automated-decisions-introduced': true,
  'controller-changed': true,
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
};

/** The ids of the change rules. */
export const changeRuleIds: readonly string[] = Object.keys(changeRules);
