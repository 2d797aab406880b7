import type { Policy } from '../../model/policy.generated.js';

type Category = Policy['collection']['categories'][number];
type Statutory = NonNullable<Category['ccpaCategories']>[number];

/**
 * The categories of personal information of Cal. Civ. Code § 1798.140(v)(1)(A)-(L)
 * (before 2023 § 1798.140(o)(1)), each with its statutory name, the words that
 * name it in a policy's text, and the kinds of data that usually fall into it.
 * The order is the order of suggestion: the narrower categories before
 * identifiers, which would otherwise take every "address".
 */
const statutory: readonly { key: Statutory; name: string; term: RegExp; data: RegExp }[] = [
  {
    key: 'biometric-information',
    name: 'Biometric information',
    term: /biometric/i,
    data: /fingerprint|face ?print|facial|voiceprint|iris|retina|biometric/i,
  },
  { key: 'geolocation', name: 'Geolocation data', term: /geolocation/i, data: /location|\bgps\b|geolocation/i },
  {
    key: 'sensory-data',
    name: 'Audio, electronic, visual, thermal, olfactory, or similar information',
    term: /\baudio\b|\bvisual\b|\bthermal\b|\bolfactory\b|sensory/i,
    data: /audio|recording|\bcalls?\b|photo|picture|image|video|camera/i,
  },
  {
    key: 'education-information',
    name: 'Education information',
    term: /education/i,
    data: /school|education|degree|student|transcript|grades?\b/i,
  },
  {
    key: 'professional-information',
    name: 'Professional or employment-related information',
    term: /professional|employment/i,
    data: /employ|\bjob\b|occupation|work history|résumé|resume|\bcv\b|professional|job title/i,
  },
  {
    key: 'customer-records',
    name: 'Customer records (Cal. Civ. Code § 1798.80(e))',
    term: /customer records?|1798\.80/i,
    data: /signature|bank account|credit card|debit card|card number|insurance policy|payment|billing|financial information/i,
  },
  {
    key: 'commercial-information',
    name: 'Commercial information',
    term: /commercial information/i,
    data: /purchase|\borders?\b|transaction|products?\b|shopping|subscription|consuming histor/i,
  },
  {
    key: 'protected-characteristics',
    name: 'Characteristics of protected classifications',
    term: /protected classification/i,
    data: /\bage\b|date of birth|gender|\bsex\b|marital|veteran|military|disabilit|national origin|ancestry/i,
  },
  {
    key: 'inferences',
    name: 'Inferences drawn from other personal information',
    term: /inference/i,
    data: /preference|interests?\b|profil|inferen|predict|segment/i,
  },
  {
    key: 'internet-activity',
    name: 'Internet or other electronic network activity information',
    term: /network activity/i,
    data: /brows|pages?\b|clicks?\b|search history|interaction|usage|\blogs?\b|cookies?\b/i,
  },
  {
    key: 'identifiers',
    name: 'Identifiers',
    term: /identifier/i,
    data: /\bnames?\b|e-?mail|phone|telephone|postal address|\baddress|account|user ?name|\bip\b|device id|advertising id|\balias\b|passport|driver/i,
  },
];

/** The statutory category the data of a category most likely belongs to, from its label, description and elements; sensitive data first. */
export function suggestedCategory(category: Category): { key: Statutory; name: string } | undefined {
  if (category.sensitive) return { key: 'sensitive-personal-information', name: 'Sensitive personal information' };
  const text = [category.label, category.description ?? '', ...(category.elements ?? [])].join(' ');
  return statutory.find((s) => s.data.test(text));
}

/** Whether a text names a statutory category (its term), the suggested one where there is a suggestion. */
export function namesCategory(text: string, suggestion: { key: Statutory } | undefined): boolean {
  if (suggestion?.key === 'sensitive-personal-information') return /sensitive personal information/i.test(text);
  const wanted = suggestion ? statutory.filter((s) => s.key === suggestion.key) : statutory;
  return wanted.some((s) => s.term.test(text));
}
