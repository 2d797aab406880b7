import type { Policy } from '../model/policy.generated.js';
import { list } from './text.js';

/** Where the document relies on consent, as phrases of a message ("for the purpose `x`"): purposes, cookies, marketing, sharing, special-category data. */
export function consentReliances(policy: Policy): string[] {
  const ids = (items: { id: string }[]) => list(items.map((i) => `\`${i.id}\``));
  const out: string[] = [];
  const purposes = policy.purposes.items.filter((p) => p.legalBases?.includes('consent'));
  if (purposes.length) out.push(`for the ${purposes.length === 1 ? 'purpose' : 'purposes'} ${ids(purposes)}`);
  const cookies = policy.cookies?.consent?.model;
  if (cookies === 'opt-in' || cookies === 'implied') out.push(`for cookies (\`cookies.consent\`: \`${cookies}\`)`);
  if (policy.marketing?.consents?.some((c) => c.model === 'opt-in')) out.push('for marketing (an `opt-in` in `marketing.consents`)');
  const recipients = (policy.sharing?.recipients ?? []).filter((r) => r.conditions?.some((c) => c.basis === 'consent'));
  if (recipients.length) out.push(`for sharing with ${ids(recipients)}`);
  // Explicit consent that lifts the ban on special-category data (GDPR Art. 9(2)(a)) can be withdrawn like any other.
  const special = policy.collection.categories.filter((c) => c.specialCategoryConditions?.includes('explicit-consent'));
  if (special.length)
    out.push(
      `for the ${special.length === 1 ? 'category' : 'categories'} ${ids(special)} (\`explicit-consent\` in \`specialCategoryConditions\`)`,
    );
  return out;
}
