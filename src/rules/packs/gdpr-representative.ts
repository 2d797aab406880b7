import { controllersOf, serves } from '../controllers.js';
import { controllerNames, representativesFor } from '../representatives.js';
import type { Finding, Rule } from '../types.js';

/**
 * The states of the European Economic Area, where a controller is established
 * "in the Union" for the GDPR (which the EEA Agreement extends to Iceland,
 * Liechtenstein and Norway).
 */
const eea = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO'.split(' '));

/**
 * The UK GDPR, with its own Art. 27, applies from the end of the transition
 * period: 1 January 2021. Until then the UK applied the GDPR as a part of the
 * Union, and a controller established there was established in the Union.
 */
const ukGdprDate = '2021-01-01';

const names = { eu: 'the European Union', uk: 'the United Kingdom' } as const;

/** Whether a controller established in `country` is established where the region's law applies, on `date`. */
function establishedIn(region: 'eu' | 'uk', country: string, date: string): boolean {
  if (region === 'uk') return country === 'GB';
  return eea.has(country) || (country === 'GB' && date < ukGdprDate);
}

export const gdprRepresentativeRules: readonly Rule[] = [
  {
    id: 'gdpr-representative',
    pack: 'gdpr',
    severity: 'warning',
    title: 'A controller established outside the EU (or the UK) names its representative there',
    explanation:
      'A controller not established in the Union that offers goods or services to people in the Union, or monitors their behaviour there (Art. 3(2)), must designate in writing a representative in the Union (Art. 27(1)), and the policy gives the representative’s identity and contact details (Art. 13(1)(a), 14(1)(a)). The UK GDPR asks the same of a controller not established in the United Kingdom, from 1 January 2021. The rule judges each controller whose `country` is stated (an EEA state is in the Union) for the regions of the document it serves, and takes as its representative one of its `representatives` or a contact of it with role `representative` for the region; it is a warning because Art. 27(2) exempts public authorities and processing that is occasional, low-risk and includes no large-scale processing of special categories or criminal-offence data, which the document cannot show.',
    reference: 'GDPR Art. 3(2), 13(1)(a), 14(1)(a), 27; UK GDPR Art. 27',
    fix: 'Add to the controller’s `representatives` one with the `region` (`eu` or `uk`), its `name` and an `email`, `url`, `phone` or `address`; or, where Art. 27(2) exempts the controller, turn the rule off for the document.',
    appliesFrom: '2018-05-25',
    parts: ['controller'],
    check: ({ policy, date }) => {
      const regions = (['eu', 'uk'] as const).filter((r) => policy.jurisdictions?.includes(r) && (r === 'eu' || date >= ukGdprDate));
      return controllersOf(policy).flatMap(({ controller, path }): Finding[] => {
        const country = controller.country;
        if (!country) return [];
        const { subject, object } = controllerNames(controller, path);
        return regions
          .filter((r) => serves(controller, r))
          .filter((r) => !establishedIn(r, country, date) && !representativesFor(policy, controller, path, r).length)
          .map((r) => ({
            message: `${subject} is established in \`${country}\`, outside ${names[r]}, and serves people there, but names no representative in ${names[r]} (Art. 27)`,
            path,
            hint: `Add to the \`representatives\` of ${object} one with \`region: ${r}\`, its \`name\` and how to reach it.`,
          }));
      });
    },
  },
];
