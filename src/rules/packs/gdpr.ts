import { consentReliances } from '../consent.js';
import { contactsOf, controllersOf, ofController, reachable } from '../controllers.js';
import { notSafeguards, type Mechanism } from '../frameworks.js';
import { addresses } from '../practices.js';
import { gdprRepresentativeRules } from './gdpr-representative.js';
import { retentionFindings } from '../retention-criteria.js';
import { hasRight, list, mechanismName, theRight, type RightType } from '../text.js';
import type { Finding, Rule } from '../types.js';

/** The GDPR applies from 25 May 2018 (Art. 99(2)); the UK GDPR continues it. */
const gdprDate = '2018-05-25';

/** The regions the GDPR and the UK GDPR protect: a right limited to others is not theirs. */
const gdprRegions = ['eu', 'uk'] as const;

/** The rights whose existence Art. 13(2)(b) and 14(2)(c) require a policy to state. */
const dataSubjectRights: readonly RightType[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'];

/** The rights of Art. 15 to 22, whose requests Art. 12(5) makes free of charge. */
const freeRights: readonly RightType[] = [...dataSubjectRights, 'automated-decisions'];

/**
 * Transfer safeguards under Art. 46 and 47 of which Art. 13(1)(f) requires the
 * means to obtain a copy: every mechanism that is not an adequacy finding (an
 * adequacy decision, or a framework that is one) nor a derogation of Art. 49.
 */
const isSafeguard = (mechanism: Mechanism) => !notSafeguards.includes(mechanism);

/** Where a finding about a missing right goes: the `rights` section (or, when there is none, the document). */
const rightsPath = ['rights'];

export const gdprRules: readonly Rule[] = [
  {
    id: 'gdpr-controller-identity',
    pack: 'gdpr',
    severity: 'error',
    title: 'The policy names the controller and gives a way to contact it',
    explanation:
      'People must be told who is responsible for their data and how to reach that organisation, so that they can ask questions and exercise their rights. Art. 13(1)(a) and 14(1)(a) require the identity and the contact details of the controller and, where it has one (Art. 27), of its representative. Any way to reach the controller gives its contact details: its postal address, or a contact of its own (general, privacy, access requests, support, its data protection officer) with an e-mail, web page or form, telephone number or address; an authority’s, an ombudsman’s or the representative’s contact, or another organisation’s, is not the controller’s. Each of `otherControllers` is judged as the controller is, through the contacts it lists or that name it (contacts assigned to no controller serve every one).',
    reference: 'GDPR Art. 13(1)(a), 14(1)(a)',
    fix: 'Give `controller.name` the controller’s legal name, and its `address` or a contact of its own (role `general`, `privacy` or `access-requests`, for example) with an `email`, `url`, `phone` or `address` (or one of them among its `methods`).',
    appliesFrom: gdprDate,
    parts: ['controller', 'contacts'],
    check: ({ policy }) => {
      const out: Finding[] = [];
      if (!policy.controller.name.trim())
        out.push({ message: 'The controller is not named: `controller.name` is blank', path: ['controller', 'name'] });
      const contacts = contactsOf(policy, policy.controller).filter(ofController);
      if (!policy.controller.address?.trim() && !contacts.some(reachable)) {
        const ids = contacts.map((c) => `\`${c.id}\``);
        out.push({
          message: ids.length
            ? `The policy gives no way to reach the controller: it has no \`controller.address\`, and its ${ids.length === 1 ? 'contact' : 'contacts'} ${list(ids)} ${ids.length === 1 ? 'has' : 'have'} no e-mail, URL, phone number or address`
            : 'The policy gives no contact details of the controller: it has no `controller.address`, and no contact is the controller’s own (an authority’s, an ombudsman’s, a representative’s or another organisation’s is not)',
          path: ['contacts'],
          hint: ids.length
            ? `Add an \`email\`, \`url\`, \`phone\` or \`address\` to the ${ids.length === 1 ? 'contact' : 'contacts'} ${list(ids, 'or')}, or give the controller’s \`address\`.`
            : 'Add a contact of the controller (role `general`, `privacy` or `access-requests`, for example) with an `email`, `url`, `phone` or `address`, or give the controller’s `address`.',
        });
      }
      (policy.otherControllers ?? []).forEach((other, i) => {
        const name = other.name.trim() ? `\`${other.id ?? i}\` (${other.name.trim()})` : `\`${other.id ?? i}\``;
        if (!other.name.trim())
          out.push({ message: `The controller ${name} is not named: its \`name\` is blank`, path: ['otherControllers', i, 'name'] });
        else if (!other.address?.trim() && !contactsOf(policy, other).some((c) => ofController(c) && reachable(c)))
          out.push({
            message: `The policy gives no way to reach the controller ${name}: it has no \`address\`, and no contact of its own with an e-mail, URL, phone number or address serves it`,
            path: ['otherControllers', i],
            hint: `Give \`${other.id ?? i}\` its \`address\`, or list in its \`contacts\` a contact (role \`general\`, \`privacy\` or \`access-requests\`, for example) with an \`email\`, \`url\`, \`phone\` or \`address\`.`,
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
    title: 'A controller with a data protection officer gives the DPO’s contact details',
    explanation:
      'A controller required to designate a data protection officer (Art. 37(1): a public authority or body, or one whose core activities consist of regular and systematic monitoring of people on a large scale or of large-scale processing of special categories of data; or where national law requires one, Art. 37(4)) must publish the DPO’s contact details (Art. 37(7)) and give them in its privacy information (Art. 13(1)(b), 14(1)(b)), so that people can raise any question about their data with the DPO (Art. 38(4)). The rule asks for them where `dpoRequired` is true, and where the previous version gave a DPO’s contact: a controller that has one must say so, and dropping it unnoticed hides it; a controller that no longer has one, and is not required to, says so with `dpoRequired: false`.',
    reference: 'GDPR Art. 13(1)(b), 14(1)(b), 37(7) and 38(4)',
    fix: 'Add a contact with role `dpo` and an `email`, `url`, `phone` or `address` through which the data protection officer can be reached (naming the DPO is not required); or, where the controller no longer has a DPO and is not required to designate one, state `dpoRequired: false`.',
    appliesFrom: gdprDate,
    parts: ['controller', 'contacts'],
    check: ({ policy, previous }) =>
      controllersOf(policy).flatMap(({ controller, path }): Finding[] => {
        if (contactsOf(policy, controller).some((c) => c.role === 'dpo')) return [];
        const id = controller.id ?? 'controller';
        const named = path.length === 1 ? 'The controller' : `The controller \`${controller.id ?? path[1]}\``;
        const field = path.length === 1 ? '`controller.dpoRequired' : '`dpoRequired';
        if (controller.dpoRequired)
          return [
            {
              message: `${named} must have a data protection officer (${field}: true\`), but ${path.length === 1 ? 'no contact has' : 'none of its contacts has'} role \`dpo\``,
              path: path.length === 1 ? ['contacts'] : path,
              hint: 'Add a contact with role `dpo` and an `email`, `url`, `phone` or `address` through which the data protection officer can be reached (naming the DPO is not required).',
            },
          ];
        if (controller.dpoRequired === false || !previous) return [];
        const before = controllersOf(previous.policy).find(({ controller: c }) => (c.id ?? 'controller') === id);
        const dpo = before && contactsOf(previous.policy, before.controller).find((c) => c.role === 'dpo');
        if (!dpo) return [];
        return [
          {
            message: `${named} had a data protection officer in version \`${previous.policy.version}\` (contact \`${dpo.id}\`), but this version gives no contact with role \`dpo\``,
            path: path.length === 1 ? ['contacts'] : path,
            hint: `Keep the data protection officer’s contact (role \`dpo\`); if ${path.length === 1 ? 'the controller' : `\`${id}\``} no longer has one and is not required to designate one, say so with ${field}: false\`.`,
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
      'For a transfer outside the EEA (or the UK), the policy must say whether an adequacy decision covers it or which safeguard protects it (or, failing both, which derogation of Art. 49 it relies on: `mechanisms: [derogation]` with the `derogation` in the policy’s words), and for every safeguard under Art. 46 and 47, the means by which people can obtain a copy of them or where they have been made available: standard contractual clauses (the European Commission’s, the UK’s International Data Transfer Agreement and its Addendum, the clauses adapted to Swiss law), binding corporate rules, an approved code of conduct or certification mechanism, a binding instrument between public authorities (Art. 46(2)), contractual clauses authorised by a supervisory authority and administrative arrangements between public authorities (Art. 46(3)). An adequacy decision (including a data privacy framework) and a derogation of Art. 49 have no copy to give. Whether a mechanism covers the data’s origin is judged by `transfers-origin-covered`.',
    reference: 'GDPR and UK GDPR Art. 13(1)(f), 14(1)(f), 45, 46 and 47',
    fix: 'List the transfer’s `mechanisms` (for a transfer under Art. 49, `derogation`, with the `derogation` relied on); where they include a safeguard of Art. 46 or 47 (any mechanism but `adequacy`, a U.S. framework and `derogation`: `standard-contractual-clauses`, `uk-idta`, `uk-addendum`, `swiss-scc-adaptation`, `binding-corporate-rules`, `code-of-conduct`, `certification-mechanism`, `public-authority-instrument`, `ad-hoc-contractual-clauses`, `administrative-arrangement`), add `copy`: how to obtain a copy of it, or where it is published.',
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
        const names = list(needing.map((m) => `the ${mechanismName(m)}`));
        return [
          {
            message: `The transfer \`${transfer.id}\` relies on ${names} but does not say how to obtain a copy`,
            path: ['transfers', 'items', i],
            hint: `Add \`copy\` to the transfer \`${transfer.id}\`: how people can obtain a copy of ${names} (for example by writing to the privacy contact), or where a copy is published.`,
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
      'People must be told the period for which their personal data will be stored or, if that is not possible, the criteria used to determine it. A general statement that data is kept “as long as necessary” (or “as long as needed for the purposes”, “as long as it makes sense”) does not meet this: it restates the principle of Art. 5(1)(e) and names neither a period nor a criterion, and the rule reports it where the retention states nothing else; a criterion that names an event (“until you close your account”) or a legal period (“6 years after the contract ends, as tax law requires”) passes. The period or criteria must be given for each kind of data. The rule asks for that structured fact: the category’s own `retention`, or the document’s `retention.default` for every category that states none; the document’s `retention.description`, or a custom section declaring `data-retention`, does not say it category by category.',
    reference: 'GDPR Art. 5(1)(e), 13(2)(a), 14(2)(a)',
    fix: 'Add `retention` to the category: a `period` (`30 days`, `2 years`), the `criteria` that decide it (`as long as your account is open`), its `stages` or a `description`; or give every category without one a `retention.default`.',
    appliesFrom: gdprDate,
    parts: ['collection', 'retention'],
    check: ({ policy }) => retentionFindings(policy),
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
    title: 'Where the policy relies on consent, it states the right to withdraw it',
    explanation:
      'Where processing is based on consent (Art. 6(1)(a) or 9(2)(a)), people must be told that they can withdraw their consent at any time, without affecting the lawfulness of the processing before the withdrawal. Withdrawing must be as easy as giving consent (Art. 7(3)), so the policy should also say how to do it. Consent is relied on wherever the document asks for it: a purpose’s legal basis, cookies set once people agree through a banner or by using the site (`cookies.consent` with model `opt-in` or `implied`: the consent of ePrivacy Directive Art. 5(3) is the GDPR’s, by its Art. 2(f) read with GDPR Art. 94(2)), marketing sent on an opt-in, data shared with people’s consent, or special-category data used with their explicit consent (`explicit-consent` among a category’s `specialCategoryConditions`).',
    reference: 'GDPR Art. 7(3), 13(2)(c), 14(2)(d), 94(2); Directive 2002/58/EC Art. 2(f), 5(3)',
    fix: 'Add to `rights.items` a right with `type: withdraw-consent` that says consent can be withdrawn at any time and how.',
    appliesFrom: gdprDate,
    parts: ['purposes', 'legal-bases', 'rights', 'cookies', 'sharing', 'collection'],
    check: ({ policy }) => {
      const reliances = consentReliances(policy);
      if (!reliances.length || hasRight(policy, 'withdraw-consent', gdprRegions)) return [];
      return [
        {
          message: `The policy relies on consent ${list(reliances)}, but does not state the right to withdraw it (\`withdraw-consent\`)`,
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
    title: 'Requests to exercise the rights of Art. 15 to 22 are free of charge',
    explanation:
      'Any communication and any action taken on a request under Art. 15 to 22 (access, rectification, erasure, restriction, portability, objection, automated decisions) must be provided free of charge (Art. 12(5)). A controller may charge a reasonable fee only for requests that are manifestly unfounded or excessive (Art. 12(5)(a)), or for further copies of the data (Art. 15(3)); a fee for every request, such as the £10 for access of the UK Data Protection Act 1998, has been unlawful since 25 May 2018. A right limited by `regions` to people outside the EU and the UK is not judged.',
    reference: 'GDPR Art. 12(5), 15(3)',
    fix: 'Remove the `fee` from the right. If a fee may be charged for further copies or for manifestly unfounded or excessive requests, say so in the right’s `description` instead.',
    appliesFrom: gdprDate,
    parts: ['rights'],
    check: ({ policy }) =>
      (policy.rights?.items ?? []).flatMap((right, i): Finding[] => {
        const free = (right.types ?? []).filter((t) => freeRights.includes(t));
        if (!free.length || !right.fee || right.fee.amount <= 0) return [];
        if (right.regions?.length && !right.regions.some((r) => (gdprRegions as readonly string[]).includes(r))) return [];
        return [
          {
            message: `The right \`${right.id}\` charges a fee of ${right.fee.amount} ${right.fee.currency} for ${list(free.map(theRight))}; requests under Art. 15 to 22 must be answered free of charge`,
            path: ['rights', 'items', i, 'fee'],
          },
        ];
      }),
  },
  ...gdprRepresentativeRules,
];
