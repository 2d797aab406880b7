import type { Contact, Policy } from '../../model/policy.generated.js';
import { addresses } from '../practices.js';
import { hasRight, list } from '../text.js';
import type { Finding, Rule } from '../types.js';
import { controllersOf, reachable, serves } from '../controllers.js';
import { controllerNames, representativesFor } from '../representatives.js';

/**
 * The revised Federal Act on Data Protection is in force from 1 September 2023.
 * It asks less than the GDPR: no legal basis and no list of rights in the
 * notice (Art. 19), so these rules are its own, not the GDPR's.
 */
const fadpDate = '2023-09-01';

/** The roles through which a person reaches the controller itself about their data. */
const controllerRoles: readonly Contact['role'][] = ['general', 'privacy', 'dpo', 'access-requests'];

/** The transfers of Swiss data: those whose `origin` includes `ch`, or that state no origin (every region of the document). */
function swissTransfers(policy: Policy) {
  return (policy.transfers?.items ?? [])
    .map((transfer, i) => ({ transfer, i }))
    .filter(({ transfer }) => !transfer.origin?.length || transfer.origin.includes('ch'));
}

export const fadpRules: readonly Rule[] = [
  {
    id: 'fadp-controller-identity',
    pack: 'fadp',
    severity: 'error',
    title: 'The policy names the controller and gives its contact details',
    explanation:
      'When personal data is collected, the controller must tell people at least its identity and contact details (Art. 19(2)(a)), so that they know who is responsible and where to exercise their rights. The controller’s postal address, or a contact through which it answers about data (role `general`, `privacy`, `dpo` or `access-requests`), gives its contact details.',
    reference: 'FADP (revised) Art. 19(2)(a)',
    fix: 'Give `controller.name` the controller’s legal name, and `controller.address` or a contact with role `general`, `privacy`, `dpo` or `access-requests` that has an `email`, `url`, `phone` or `address`.',
    appliesFrom: fadpDate,
    parts: ['controller', 'contacts'],
    check: ({ policy }) => {
      const out: Finding[] = [];
      if (!policy.controller.name.trim())
        out.push({ message: 'The controller is not named: `controller.name` is blank', path: ['controller', 'name'] });
      const contact = policy.contacts.items.some((c) => controllerRoles.includes(c.role) && reachable(c));
      if (!policy.controller.address?.trim() && !contact)
        out.push({
          message:
            'The policy gives no contact details of the controller: no `controller.address`, and no contact with role `general`, `privacy`, `dpo` or `access-requests` has an e-mail, URL, phone number or address',
          path: ['contacts'],
        });
      return out;
    },
  },
  {
    id: 'fadp-recipients',
    pack: 'fadp',
    severity: 'warning',
    title: 'The policy says to whom personal data is disclosed',
    explanation:
      'Where personal data is disclosed, people must be told the recipients or the categories of recipients (Art. 19(2)(c)). A policy that says nothing about disclosure leaves them unable to tell whether their data goes anywhere; where nothing is disclosed, saying so in a section on sharing removes the doubt.',
    reference: 'FADP (revised) Art. 19(2)(c)',
    fix: 'List the recipients, or their categories, in `sharing.recipients`, or add a custom section with `practices: [third-party-sharing]` that says to whom data is disclosed (or that it is disclosed to no one).',
    appliesFrom: fadpDate,
    parts: ['sharing'],
    check: ({ policy }) =>
      addresses(policy, 'third-party-sharing')
        ? []
        : [{ message: 'The policy does not say to whom personal data is disclosed, or that it is disclosed to no one', path: ['sharing'] }],
  },
  {
    id: 'fadp-disclosure-abroad',
    pack: 'fadp',
    severity: 'error',
    title: 'Where data is disclosed abroad, the policy names the countries and the safeguard or exception',
    explanation:
      'Where personal data is disclosed abroad, people must be told the State or international body it goes to and, where that State lacks adequate protection, the safeguards relied on under Art. 16(2) (such as contractual clauses or binding corporate rules) or the exception applied under Art. 17 (such as the person’s explicit consent) (Art. 19(4)). The duty applies to every country abroad, adequate or not: a recipient processing data in another country is a disclosure abroad that the policy must name. An exception stated only as `derogation` does not say which one is applied.',
    reference: 'FADP (revised) Art. 19(4), with Art. 16(2) and 17',
    fix: 'Add to `transfers.items` each country recipients process Swiss data in (`country`, `destination`, `mechanisms`), and where a transfer relies on an exception (`derogation`), say which one in `derogation`.',
    appliesFrom: fadpDate,
    parts: ['transfers', 'sharing'],
    check: ({ policy }) => {
      const out: Finding[] = [];
      const transfers = swissTransfers(policy);
      // A transfer without a country code may name any country in its words: only coded transfers can be matched.
      const matchable = transfers.every(({ transfer }) => transfer.country);
      const named = new Set(transfers.map(({ transfer }) => transfer.country));
      if (!transfers.length || matchable)
        (policy.sharing?.recipients ?? []).forEach((recipient, r) => {
          const abroad = (recipient.countries ?? []).filter((c) => c !== 'CH' && !named.has(c));
          if (!abroad.length) return;
          out.push({
            message: `The recipient \`${recipient.id}\` processes data in ${list(abroad.map((c) => `\`${c}\``))}, but no transfer names ${abroad.length === 1 ? 'that country' : 'those countries'}`,
            path: ['sharing', 'recipients', r, 'countries'],
            hint: `Add a transfer to \`transfers.items\` for ${list(abroad.map((c) => `\`${c}\``))} with its \`country\`, \`destination\` and \`mechanisms\`.`,
          });
        });
      for (const { transfer, i } of transfers)
        if (transfer.mechanisms.includes('derogation') && !transfer.derogation?.trim())
          out.push({
            message: `The transfer \`${transfer.id}\` relies on an exception (\`derogation\`) but does not say which one`,
            path: ['transfers', 'items', i],
            hint: `Say in \`derogation\` which exception of Art. 17 the transfer \`${transfer.id}\` relies on (for example the person’s explicit consent, or the conclusion or performance of a contract with them).`,
          });
      return out;
    },
  },
  {
    id: 'fadp-automated-decisions',
    pack: 'fadp',
    severity: 'warning',
    title: 'Where decisions are made by automated means alone, people can state their view and ask for a human review',
    explanation:
      'The controller must inform people of any decision based exclusively on automated processing that has a legal consequence for them or considerably affects them, and on request let them state their point of view and ask that the decision be reviewed by a natural person (Art. 21(1) and (2)). This does not apply where the decision is directly connected with a contract with the person and their request is granted, or where they explicitly consented to it being automated (Art. 21(3)); a policy relying on either should say so.',
    reference: 'FADP (revised) Art. 21',
    fix: 'Add a right with type `automated-decisions` (for everyone, or with `regions` including `ch`) saying how to state one’s view and ask for a review by a person, or, where an exception of Art. 21(3) applies, say which in `purposes.automatedDecisions.description` (the rule cannot read it: turn it off for the project in `policyc.config.json`).',
    appliesFrom: fadpDate,
    parts: ['purposes', 'rights'],
    check: ({ policy }) =>
      policy.purposes.automatedDecisions?.used && !hasRight(policy, 'automated-decisions', ['ch'])
        ? [
            {
              message:
                'Decisions are made by automated means alone (`purposes.automatedDecisions.used: true`), but no right with type `automated-decisions` tells people in Switzerland how to state their view or ask for a review by a person',
              path: ['purposes', 'automatedDecisions'],
            },
          ]
        : [],
  },
  {
    id: 'fadp-representative',
    pack: 'fadp',
    severity: 'warning',
    title: 'A controller domiciled outside Switzerland publishes the name and address of its representative in Switzerland',
    explanation:
      'A private controller with its registered office or domicile abroad that processes personal data of persons in Switzerland must designate a representative in Switzerland where the processing is connected with offering them goods or services or monitoring their behaviour, is extensive, is carried out regularly and poses a high risk to their personality (Art. 14(1)); the representative is the point of contact for them and for the Commissioner (Art. 14(2)), and the controller publishes the representative’s name and address (Art. 14(3)). The rule judges each controller serving Switzerland whose `country` is stated and is not `CH`, and takes as its representative one of its `representatives` with `region: ch`, or a contact of it with role `representative` for `ch`; it asks for the representative’s name and postal address. It is a warning because the conditions of Art. 14(1) must all be met and the document cannot show whether the processing is extensive, regular and high-risk, nor whether the controller is a federal body, to which Art. 14 does not apply.',
    reference: 'FADP (revised) Art. 14',
    fix: 'Add to the controller’s `representatives` one with `region: ch`, its `name` and its postal `address`; or, where the conditions of Art. 14(1) are not all met, turn the rule off for the project in `policyc.config.json`.',
    appliesFrom: fadpDate,
    parts: ['controller', 'contacts'],
    check: ({ policy }) =>
      controllersOf(policy).flatMap(({ controller, path }): Finding[] => {
        const country = controller.country;
        if (!country || country === 'CH' || !serves(controller, 'ch')) return [];
        const { subject, object } = controllerNames(controller, path);
        const representatives = representativesFor(policy, controller, path, 'ch');
        if (!representatives.length)
          return [
            {
              message: `${subject} is established in \`${country}\`, outside Switzerland, and serves people there, but names no representative in Switzerland (Art. 14)`,
              path,
              hint: `Add to the \`representatives\` of ${object} one with \`region: ch\`, its \`name\` and its postal \`address\`.`,
            },
          ];
        // Art. 14(3): the name and the address are published, both.
        if (representatives.some((r) => r.name && r.address)) return [];
        const first = representatives[0]!;
        const missing = [first.name ? '' : 'name', first.address ? '' : 'postal address'].filter(Boolean);
        return [
          {
            message: `${subject} names its representative in Switzerland${first.name ? ` (${first.name})` : ''} without its ${missing.join(' and ')}, which Art. 14(3) asks the controller to publish`,
            path: first.path,
            hint: `Give the representative in Switzerland its ${list(missing.map((m) => (m === 'name' ? '`name`' : 'postal `address`')))}.`,
          },
        ];
      }),
  },
];
