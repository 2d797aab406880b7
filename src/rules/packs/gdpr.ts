import { enumLabel } from '../../model/labels.js';
import type { Contact, Controller, Policy } from '../../model/policy.generated.js';
import { notSafeguards, type Mechanism } from '../frameworks.js';
import { addresses } from '../practices.js';
import { hasRight, list, statesRetention, theRight, type RightType } from '../text.js';
import type { Finding, Rule } from '../types.js';

/** The GDPR applies from 25 May 2018 (Art. 99(2)); the UK GDPR continues it. */
const gdprDate = '2018-05-25';

type ContactRole = Contact['role'];

/** The regions the GDPR and the UK GDPR protect: a right limited to others is not theirs. */
const gdprRegions = ['eu', 'uk'] as const;

/** The rights whose existence Art. 13(2)(b) and 14(2)(c) require a policy to state. */
const dataSubjectRights: readonly RightType[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'];

/** The roles through which a person reaches the controller itself (not an authority, not a marketing mailbox). */
const controllerRoles: readonly ContactRole[] = ['general', 'privacy', 'dpo'];

/**
 * Transfer safeguards under Art. 46 and 47 of which Art. 13(1)(f) requires the
 * means to obtain a copy: every mechanism that is not an adequacy finding (an
 * adequacy decision, or a framework that is one) nor a derogation of Art. 49.
 */
const isSafeguard = (mechanism: Mechanism) => !notSafeguards.includes(mechanism);

/** A contact gives at least one way to reach it: its own e-mail, URL, phone or address, or one of its `methods`. */
function reachable(contact: Contact): boolean {
  const direct = (c: { email?: string | undefined; url?: string | undefined; phone?: string | undefined; address?: string | undefined }) =>
    Boolean(c.email || c.url || c.phone || c.address?.trim());
  return direct(contact) || (contact.methods ?? []).some(direct);
}

/** Every controller of the document with its path: `controller`, then each of `otherControllers`. */
function controllersOf(policy: Policy): { controller: Controller; path: (string | number)[] }[] {
  return [
    { controller: policy.controller, path: ['controller'] },
    ...(policy.otherControllers ?? []).map((controller, i) => ({ controller, path: ['otherControllers', i] })),
  ];
}

/**
 * The contacts through which a controller is reached: those it lists
 * (`contacts`) or that name it (`controller`), and those assigned to no
 * controller, which serve every one.
 */
function contactsOf(policy: Policy, controller: Controller): Contact[] {
  const id = controller.id ?? 'controller';
  const listed = new Set(controller.contacts ?? []);
  const assigned = new Set(controllersOf(policy).flatMap(({ controller: c }) => c.contacts ?? []));
  return policy.contacts.items.filter((c) => listed.has(c.id) || c.controller === id || (!c.controller && !assigned.has(c.id)));
}

/** Where a finding about a missing right goes: the `rights` section (or, when there is none, the document). */
const rightsPath = ['rights'];

export const gdprRules: readonly Rule[] = [
  {
    id: 'gdpr-controller-identity',
    pack: 'gdpr',
    severity: 'error',
    title: 'The policy names the controller and gives a way to contact it',
    explanation:
      'People must be told who is responsible for their data and how to reach that organisation, so that they can ask questions and exercise their rights. Art. 13(1)(a) and 14(1)(a) require the identity and the contact details of the controller and, where it has one (Art. 27), of its representative; a support or marketing mailbox, or an authority, is not the controller’s contact for data protection. Each of `otherControllers` is judged as the controller is, through the contacts it lists or that name it (contacts assigned to no controller serve every one).',
    reference: 'GDPR Art. 13(1)(a), 14(1)(a)',
    fix: 'Give `controller.name` the controller’s legal name, and add a contact with role `general`, `privacy` or `dpo` that has an `email`, `url`, `phone` or `address` (or one of them among its `methods`).',
    appliesFrom: gdprDate,
    parts: ['controller', 'contacts'],
    check: ({ policy }) => {
      const out: Finding[] = [];
      if (!policy.controller.name.trim())
        out.push({ message: 'The controller is not named: `controller.name` is blank', path: ['controller', 'name'] });
      const contacts = contactsOf(policy, policy.controller).filter((c) => controllerRoles.includes(c.role));
      if (!contacts.some(reachable)) {
        const ids = contacts.map((c) => `\`${c.id}\``);
        out.push({
          message: ids.length
            ? `The policy gives no way to reach the controller: its ${ids.length === 1 ? 'contact' : 'contacts'} ${list(ids)} ${ids.length === 1 ? 'has' : 'have'} no e-mail, URL, phone number or address`
            : 'The policy gives no contact details of the controller: no contact has role `general`, `privacy` or `dpo`',
          path: ['contacts'],
          hint: ids.length
            ? `Add an \`email\`, \`url\`, \`phone\` or \`address\` to the ${ids.length === 1 ? 'contact' : 'contacts'} ${list(ids, 'or')}.`
            : 'Add a contact with role `general` (or `privacy`, or `dpo`) and an `email`, `url`, `phone` or `address` where people can reach the controller about their data.',
        });
      }
      (policy.otherControllers ?? []).forEach((other, i) => {
        const name = other.name.trim() ? `\`${other.id ?? i}\` (${other.name.trim()})` : `\`${other.id ?? i}\``;
        if (!other.name.trim())
          out.push({ message: `The controller ${name} is not named: its \`name\` is blank`, path: ['otherControllers', i, 'name'] });
        else if (!contactsOf(policy, other).some((c) => controllerRoles.includes(c.role) && reachable(c)))
          out.push({
            message: `The policy gives no way to reach the controller ${name}: no contact with role \`general\`, \`privacy\` or \`dpo\` and an e-mail, URL, phone number or address serves it`,
            path: ['otherControllers', i],
            hint: `List in the \`contacts\` of \`${other.id ?? i}\` a contact with role \`general\`, \`privacy\` or \`dpo\` and an \`email\`, \`url\`, \`phone\` or \`address\`.`,
          });
      });
      // Art. 13(1)(a) asks the contact details of the controller's representative too.
      for (const { controller, path } of controllersOf(policy))
        (controller.representatives ?? []).forEach((representative, r) => {
          if (!(gdprRegions as readonly string[]).includes(representative.region)) return;
          if (representative.email || representative.url || representative.phone || representative.address?.trim()) return;
          out.push({
            message: `The representative ${representative.name} (\`${representative.region}\`) gives no contact details`,
            path: [...path, 'representatives', r],
            hint: `Add an \`email\`, \`url\`, \`phone\` or \`address\` to the representative ${representative.name}.`,
          });
        });
      return out;
    },
  },
  {
    id: 'gdpr-dpo-contact',
    pack: 'gdpr',
    severity: 'error',
    title: 'A controller that must have a data protection officer gives the DPO’s contact details',
    explanation:
      'A controller required to designate a data protection officer (Art. 37(1): a public authority or body, or one whose core activities consist of regular and systematic monitoring of people on a large scale or of large-scale processing of special categories of data; or where national law requires one, Art. 37(4)) must publish the DPO’s contact details (Art. 37(7)) and give them in its privacy information, so that people can raise any question about their data with the DPO (Art. 38(4)).',
    reference: 'GDPR Art. 13(1)(b), 14(1)(b), 37(7) and 38(4)',
    fix: 'Add a contact with role `dpo` and an `email`, `url`, `phone` or `address` through which the data protection officer can be reached (naming the DPO is not required).',
    appliesFrom: gdprDate,
    parts: ['controller', 'contacts'],
    check: ({ policy }) =>
      controllersOf(policy).flatMap(({ controller, path }): Finding[] => {
        if (!controller.dpoRequired || contactsOf(policy, controller).some((c) => c.role === 'dpo')) return [];
        if (path.length === 1)
          return [
            {
              message: 'The controller must have a data protection officer (`controller.dpoRequired: true`), but no contact has role `dpo`',
              path: ['contacts'],
            },
          ];
        return [
          {
            message: `The controller \`${controller.id ?? path[1]}\` must have a data protection officer (\`dpoRequired: true\`), but none of its contacts has role \`dpo\``,
            path,
          },
        ];
      }),
  },
  {
    id: 'gdpr-legal-basis',
    pack: 'gdpr',
    severity: 'error',
    title: 'Every purpose states its legal basis',
    explanation:
      'Processing is lawful only on one of the bases of Art. 6(1), and people must be told, for each purpose, which one the controller relies on: the basis decides which rights they have (objection for legitimate interests and public tasks, withdrawal for consent, portability for consent and contract). A purpose without a stated basis leaves them unable to tell.',
    reference: 'GDPR Art. 6(1), 13(1)(c), 14(1)(c)',
    fix: 'Add `legalBasis` to the purpose: `consent`, `contract`, `legal-obligation`, `vital-interests`, `public-task` or `legitimate-interests` (or `legalBases`, a list, when several apply to parts of the processing).',
    appliesFrom: gdprDate,
    parts: ['purposes', 'legal-bases'],
    check: ({ policy }) =>
      policy.purposes.items.flatMap((purpose, i): Finding[] =>
        purpose.legalBases?.length
          ? []
          : [{ message: `The purpose \`${purpose.id}\` does not state its legal basis`, path: ['purposes', 'items', i] }],
      ),
  },
  {
    id: 'gdpr-legitimate-interest',
    pack: 'gdpr',
    severity: 'error',
    title: 'Every purpose based on legitimate interests says what the interests are',
    explanation:
      'Where processing relies on legitimate interests (Art. 6(1)(f)), the policy must state the interests pursued by the controller or a third party. Naming the basis alone is not enough: people need the interest itself to judge the balancing test and to decide whether to object under Art. 21.',
    reference: 'GDPR Art. 6(1)(f), 13(1)(d), 14(2)(b)',
    fix: 'Add `legitimateInterest` to the purpose: the interest pursued, in a phrase (for example `preventing fraud and abuse of our services`).',
    appliesFrom: gdprDate,
    parts: ['purposes', 'legal-bases'],
    check: ({ policy }) =>
      policy.purposes.items.flatMap((purpose, i): Finding[] =>
        purpose.legalBases?.includes('legitimate-interests') && !purpose.legitimateInterest?.trim()
          ? [
              {
                message: `The purpose \`${purpose.id}\` relies on legitimate interests but does not say what they are`,
                path: ['purposes', 'items', i],
              },
            ]
          : [],
      ),
  },
  {
    id: 'gdpr-recipients',
    pack: 'gdpr',
    severity: 'error',
    title: 'The policy states the recipients of personal data',
    explanation:
      'People must be told who receives their data: the recipients or categories of recipients, which under Art. 4(9) include processors such as hosting and e-mail providers, group companies and authorities. Almost every controller discloses data to someone; a policy that is silent on recipients does not give this information. The rule asks only that recipients be addressed: a custom section declaring the practice `third-party-sharing` meets it.',
    reference: 'GDPR Art. 4(9), 13(1)(e), 14(1)(e)',
    fix: 'Add a `sharing` section whose `recipients` list each recipient or category of recipients (service providers, group companies, authorities…), with when the data is shared (`conditions`).',
    appliesFrom: gdprDate,
    parts: ['sharing'],
    check: ({ policy }) =>
      addresses(policy, 'third-party-sharing')
        ? []
        : [
            {
              message:
                'The policy does not state who receives personal data: it has no `sharing` section with `recipients`, nor a custom section declaring `third-party-sharing`',
              path: ['sharing'],
            },
          ],
  },
  {
    id: 'gdpr-transfer-safeguards',
    pack: 'gdpr',
    severity: 'error',
    title: 'Every international transfer states its safeguard, and how to obtain a copy of an Art. 46 or 47 safeguard',
    explanation:
      'For a transfer outside the EEA (or the UK), the policy must say whether an adequacy decision covers it or which safeguard protects it (or, failing both, which derogation of Art. 49 it relies on: `mechanisms: [derogation]` with the `derogation` in the policy’s words), and for every safeguard under Art. 46 and 47 (standard contractual clauses, binding corporate rules, and any other appropriate safeguard: a code of conduct, a certification, ad hoc clauses), the means by which people can obtain a copy of them or where they have been made available. An adequacy decision (including a data privacy framework) and a derogation of Art. 49 have no copy to give. Whether a framework covers the data’s origin is judged by `transfers-origin-covered`.',
    reference: 'GDPR Art. 13(1)(f), 14(1)(f), 45, 46 and 47',
    fix: 'List the transfer’s `mechanisms` (for a transfer under Art. 49, `derogation`, with the `derogation` relied on); where they include a safeguard of Art. 46 or 47 (`standard-contractual-clauses`, `binding-corporate-rules`), add `copy`: how to obtain a copy of it, or where it is published.',
    appliesFrom: gdprDate,
    parts: ['transfers'],
    check: ({ policy }) =>
      (policy.transfers?.items ?? []).flatMap((transfer, i): Finding[] => {
        if (!transfer.mechanisms.length)
          return [
            {
              message: `The transfer \`${transfer.id}\` to ${transfer.destination} does not state its safeguard`,
              path: ['transfers', 'items', i],
            },
          ];
        // A derogation of Art. 49 is no safeguard: the policy says which one it relies on.
        if (transfer.mechanisms.includes('derogation') && !transfer.derogation?.trim())
          return [
            {
              message: `The transfer \`${transfer.id}\` to ${transfer.destination} relies on a derogation but does not say which`,
              path: ['transfers', 'items', i],
              hint: `Add \`derogation\` to the transfer \`${transfer.id}\`: the derogation of Art. 49 it relies on, in the policy’s words (for example \`your explicit consent\`).`,
            },
          ];
        const needing = transfer.mechanisms.filter(isSafeguard);
        if (!needing.length || transfer.copy?.trim()) return [];
        const names = list(needing.map((m) => enumLabel('mechanism', m).toLowerCase()));
        return [
          {
            message: `The transfer \`${transfer.id}\` relies on ${names} but does not say how to obtain a copy of them`,
            path: ['transfers', 'items', i],
            hint: `Add \`copy\` to the transfer \`${transfer.id}\`: how people can obtain a copy of the ${names} (for example by writing to the privacy contact), or where they are published.`,
          },
        ];
      }),
  },
  {
    id: 'gdpr-retention',
    pack: 'gdpr',
    severity: 'error',
    title: 'Every data category states how long it is kept',
    explanation:
      'People must be told the period for which their personal data will be stored or, if that is not possible, the criteria used to determine it. A general statement that data is kept “as long as necessary” does not meet this; the period or criteria must be given for each kind of data. The rule asks for that structured fact: the category’s own `retention`, or the document’s `retention.default` for every category that states none; the document’s `retention.description`, or a custom section declaring `data-retention`, does not say it category by category.',
    reference: 'GDPR Art. 5(1)(e), 13(2)(a), 14(2)(a)',
    fix: 'Add `retention` to the category: a `period` (`30 days`, `2 years`), the `criteria` that decide it (`as long as your account is open`), its `stages` or a `description`; or give every category without one a `retention.default`.',
    appliesFrom: gdprDate,
    parts: ['collection', 'retention'],
    check: ({ policy }) =>
      policy.collection.categories.flatMap((category, i): Finding[] =>
        statesRetention(category.retention ?? policy.retention?.default)
          ? []
          : [{ message: `The data category \`${category.id}\` does not state how long it is kept`, path: ['collection', 'categories', i] }],
      ),
  },
  {
    id: 'gdpr-rights',
    pack: 'gdpr',
    severity: 'error',
    title: 'The policy states the rights of access, rectification, erasure, restriction, objection and portability',
    explanation:
      'People must be told that they have the rights to request access to their data (Art. 15), its rectification (Art. 16) or erasure (Art. 17), the restriction of its processing (Art. 18), to object to it (Art. 21) and to data portability (Art. 20). Where data is processed on the basis of legitimate interests or a public task, Art. 21(4) requires the right to object to be brought to people’s attention explicitly and separately. One right may state several of them (`types`); a right limited by `regions` to people outside the EU and the UK does not count.',
    reference: 'GDPR Art. 13(2)(b), 14(2)(c), 15 to 18, 20 and 21',
    fix: 'Add to `rights.items` a right of each missing `type`, with a `description` of what it allows and how to exercise it.',
    appliesFrom: gdprDate,
    parts: ['rights'],
    check: ({ policy }) => {
      const missing = dataSubjectRights.filter((type) => !hasRight(policy, type, gdprRegions));
      if (!missing.length) return [];
      return [
        {
          message: policy.rights
            ? `The policy does not state ${list(missing.map(theRight), 'or')}`
            : 'The policy has no `rights` section: it does not tell people of their rights over their data',
          path: rightsPath,
          hint: `Add to \`rights.items\` a right of each missing \`type\` (${list(missing.map((t) => `\`${t}\``))}), with a \`description\` of what it allows and how to exercise it.`,
        },
      ];
    },
  },
  {
    id: 'gdpr-withdraw-consent',
    pack: 'gdpr',
    severity: 'error',
    title: 'Where a purpose relies on consent, the policy states the right to withdraw it',
    explanation:
      'Where processing is based on consent (Art. 6(1)(a) or 9(2)(a)), people must be told that they can withdraw their consent at any time, without affecting the lawfulness of the processing before the withdrawal. Withdrawing must be as easy as giving consent (Art. 7(3)), so the policy should also say how to do it.',
    reference: 'GDPR Art. 7(3), 13(2)(c), 14(2)(d)',
    fix: 'Add to `rights.items` a right with `type: withdraw-consent` that says consent can be withdrawn at any time and how.',
    appliesFrom: gdprDate,
    parts: ['purposes', 'legal-bases', 'rights'],
    check: ({ policy }) => {
      const consent = policy.purposes.items.filter((p) => p.legalBases?.includes('consent')).map((p) => `\`${p.id}\``);
      if (!consent.length || hasRight(policy, 'withdraw-consent', gdprRegions)) return [];
      return [
        {
          message: `The ${consent.length === 1 ? 'purpose' : 'purposes'} ${list(consent)} ${consent.length === 1 ? 'relies' : 'rely'} on consent, but the policy does not state the right to withdraw it (\`withdraw-consent\`)`,
          path: rightsPath,
        },
      ];
    },
  },
  {
    id: 'gdpr-complaint',
    pack: 'gdpr',
    severity: 'error',
    title: 'The policy states the right to complain to a supervisory authority',
    explanation:
      'People must be told that they may lodge a complaint with a supervisory authority (Art. 77), in particular in the country where they live or work or where the alleged infringement took place; in the UK that is the Information Commissioner’s Office. The controller may ask to be contacted first, but not make that a condition.',
    reference: 'GDPR Art. 13(2)(d), 14(2)(e), 77',
    fix: 'Add to `rights.items` a right with `type: complaint`, or a contact with role `supervisory-authority` (the authority’s name and how to reach it).',
    appliesFrom: gdprDate,
    parts: ['rights', 'contacts'],
    check: ({ policy }) =>
      hasRight(policy, 'complaint', gdprRegions) || policy.contacts.items.some((c) => c.role === 'supervisory-authority')
        ? []
        : [
            {
              message:
                'The policy does not state the right to complain to a supervisory authority: no right has `type: complaint` and no contact has role `supervisory-authority`',
              path: rightsPath,
            },
          ],
  },
  {
    id: 'gdpr-obligation',
    pack: 'gdpr',
    severity: 'error',
    title: 'The policy says whether people must provide their data, and what happens if they do not',
    explanation:
      'When data is collected from the person it concerns, including data observed automatically, they must be told whether providing it is a statutory or contractual requirement or needed to enter into a contract, whether they are obliged to provide it, and the possible consequences of not doing so. Data obtained only from third parties or public sources (Art. 14) does not need this statement.',
    reference: 'GDPR Art. 13(2)(e)',
    fix: 'Add `collection.obligation`: whether providing the data is required by law or by contract or is voluntary, and what happens if people do not provide it.',
    appliesFrom: gdprDate,
    parts: ['collection'],
    check: ({ policy }) => {
      if (policy.collection.obligation?.trim()) return [];
      // Categories without a source are taken as collected from the person: the controller has to say otherwise.
      const direct = policy.collection.categories
        .filter((c) => !c.sources?.length || c.sources.some((s) => s.type === 'data-subject' || s.type === 'automatic'))
        .map((c) => `\`${c.id}\``);
      if (!direct.length) return [];
      return [
        {
          message: `The policy does not say whether people are obliged to provide the data collected from them (${list(direct.slice(0, 3))}${direct.length > 3 ? ` and ${direct.length - 3} more` : ''}), or what happens if they do not`,
          path: ['collection'],
        },
      ];
    },
  },
  {
    id: 'gdpr-automated-decisions',
    pack: 'gdpr',
    severity: 'warning',
    title: 'The policy says whether decisions are made by automated means',
    explanation:
      'Where decisions with legal or similarly significant effects are made solely by automated means, including profiling (Art. 22), people must be told of it, with meaningful information about the logic involved and its significance and envisaged consequences for them. Silence is lawful only if no such decisions are made; saying so explicitly removes the doubt, and is what the EDPB transparency guidelines expect.',
    reference: 'GDPR Art. 13(2)(f), 14(2)(g), 22(1) and (4); Article 29 Working Party Guidelines on transparency (WP260 rev.01), Annex',
    fix: 'Add `purposes.automatedDecisions`: `used: false` with a statement that no such decisions are made, or `used: true` with the logic involved and its consequences.',
    appliesFrom: gdprDate,
    parts: ['purposes'],
    check: ({ policy }) =>
      policy.purposes.automatedDecisions
        ? []
        : [
            {
              message:
                'The policy does not say whether decisions with legal or similarly significant effects are made by automated means, including profiling',
              path: ['purposes'],
            },
          ],
  },
  {
    id: 'gdpr-access-free',
    pack: 'gdpr',
    severity: 'error',
    title: 'The right of access is free of charge',
    explanation:
      'Information and action on requests under Art. 15 to 22 must be provided free of charge. A controller may charge a reasonable fee only for further copies (Art. 15(3)) or for requests that are manifestly unfounded or excessive (Art. 12(5)(a)); a fee for every access request, such as the £10 of the UK Data Protection Act 1998, has been unlawful since 25 May 2018.',
    reference: 'GDPR Art. 12(5), 15(3)',
    fix: 'Remove the `fee` from the right of access. If a fee may be charged for further copies or for manifestly unfounded or excessive requests, say so in the right’s `description` instead.',
    appliesFrom: gdprDate,
    parts: ['rights'],
    check: ({ policy }) =>
      (policy.rights?.items ?? []).flatMap((right, i): Finding[] =>
        right.types?.includes('access') && right.fee && right.fee.amount > 0
          ? [
              {
                message: `The right of access \`${right.id}\` charges a fee of ${right.fee.amount} ${right.fee.currency}; access requests must be answered free of charge`,
                path: ['rights', 'items', i, 'fee'],
              },
            ]
          : [],
      ),
  },
];
