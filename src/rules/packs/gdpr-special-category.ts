import type { Policy } from '../../model/policy.generated.js';
import type { Finding, Rule } from '../types.js';

/** The GDPR applies from 25 May 2018 (Art. 99(2)); the UK GDPR continues it. */
const gdprDate = '2018-05-25';

/** The special categories of Art. 9(1), in a category's words. */
const specialCategoryTerms =
  /racial|ethnic|political|religio|philosoph|trade union|union membership|genetic|biometric|health|medical|diagnos|sex life|sexual orientation/i;

/**
 * Whether a category marked `sensitive` is special-category data. In a
 * document that also speaks to US law, `sensitive` may mark data sensitive
 * only there (precise geolocation, log-ins, government identifiers): it is
 * special-category data when its words name an Art. 9(1) kind.
 */
function specialCategory(policy: Policy, category: Policy['collection']['categories'][number]): boolean {
  if (!category.sensitive) return false;
  const usLaw = (policy.jurisdictions ?? []).some((j) => j === 'us' || j.startsWith('us-'));
  return !usLaw || specialCategoryTerms.test(`${category.label} ${category.description ?? ''}`);
}

export const gdprSpecialCategoryRules: readonly Rule[] = [
  {
    id: 'gdpr-special-category-condition',
    pack: 'gdpr',
    severity: 'warning',
    title: 'Every category of special-category data states the condition of Art. 9(2) that allows its use',
    explanation:
      'Processing special categories of personal data (racial or ethnic origin, political opinions, religious or philosophical beliefs, trade union membership, genetic data, biometric data that identifies a person, health, sex life or sexual orientation) is prohibited (Art. 9(1)) unless one of the ten conditions of Art. 9(2) applies, on top of a legal basis of Art. 6(1). Art. 13(1)(c) and 14(1)(c) ask the policy for the legal basis of the processing, and the transparency guidelines of the Article 29 Working Party that the EDPB endorsed (WP260 rev.01) read this, for special-category data, as the Art. 9 condition relied on too, with the law it rests on where there is one; explicit consent (Art. 9(2)(a)) can also be withdrawn, which people can only know if they are told that it is relied on. In the UK the conditions of Art. 9(2)(b), (g), (h), (i) and (j) are met only through a condition of Schedule 1 to the Data Protection Act 2018 (section 10). The rule is a warning: the articles name the legal basis, not Art. 9, so the duty to state the condition comes from guidance rather than the text; and `sensitive` also marks data that is sensitive only under US law (precise geolocation, account credentials, government identifiers), which is not special-category data and needs no condition: in a document that also declares a US jurisdiction, a sensitive category is judged only when its label or description names a kind of Art. 9(1). Where a category relies on explicit consent, `gdpr-withdraw-consent` asks for the right to withdraw it (Art. 13(2)(c)).',
    reference:
      'GDPR Art. 9(1)-(2), 13(1)(c), 14(1)(c); UK GDPR Art. 9 with DPA 2018 s. 10 and Sch. 1 (for (b), (g), (h), (i), (j)); Article 29 Working Party Guidelines on transparency (WP260 rev.01), Annex',
    fix: 'Add `specialCategoryConditions` to the category, the conditions of Art. 9(2) it relies on (`explicit-consent`, `health-or-social-care`, ...), and where a condition rests on Union, member-state or UK law, name that law in `specialCategoryBasis`. A category sensitive only under US law needs no condition (in a document declaring a US jurisdiction, it is not judged unless its words name a kind of Art. 9(1)).',
    appliesFrom: gdprDate,
    parts: ['collection'],
    check: ({ policy }) =>
      policy.collection.categories.flatMap((category, i): Finding[] =>
        specialCategory(policy, category) && !category.specialCategoryConditions?.length && !category.specialCategoryBasis?.trim()
          ? [
              {
                message: `The category \`${category.id}\` is marked sensitive but states no condition of Art. 9(2) that allows its use (\`specialCategoryConditions\`)`,
                path: ['collection', 'categories', i],
              },
            ]
          : [],
      ),
  },
];
