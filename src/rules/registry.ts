import { ccpaRules } from './packs/ccpa.js';
import { childrenRules } from './packs/children.js';
import { cookieRules } from './packs/cookies.js';
import { fadpRules } from './packs/fadp.js';
import { gdprRules } from './packs/gdpr.js';
import { gdprSpecialCategoryRules } from './packs/gdpr-special-category.js';
import { hygieneRules } from './packs/hygiene.js';
import { marketingRules } from './packs/marketing.js';
import { transferRules } from './packs/transfers.js';
import { usStateRules } from './packs/us-states.js';
import type { Rule } from './types.js';

/** Every compliance rule, pack by pack, in the order `policyc rules` lists them. */
export const allRules: readonly Rule[] = [
  ...gdprRules,
  ...gdprSpecialCategoryRules,
  ...ccpaRules,
  ...usStateRules,
  ...transferRules,
  ...cookieRules,
  ...marketingRules,
  ...hygieneRules,
  ...fadpRules,
  ...childrenRules,
];
