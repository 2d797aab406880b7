import { enumLabel } from '../../model/labels.js';
import { controllersOf, serves } from '../controllers.js';
import type { Policy } from '../../model/policy.generated.js';
import { addresses, declares } from '../practices.js';
import { namesCategory, suggestedCategory } from './ccpa-categories.js';
import { requestMethods } from './ccpa-requests.js';
import { ccpaLastUpdated } from './ccpa-last-updated.js';
import { ccpaProcessRules } from './ccpa-process.js';
import { disclosed, saleContradictions, saleDetails } from './ccpa-sale.js';
import { retentionFindings } from '../retention-criteria.js';
import { hasRight, list, theRight, type RightType } from '../text.js';
import type { Finding, Rule } from '../types.js';

/** The CCPA took effect on 1 January 2020. */
const ccpaDate = '2020-01-01';
/** The CPRA amendments (sharing, sensitive personal information, retention, correction, limitation) took effect on 1 January 2023. */
const cpraDate = '2023-01-01';

type Category = Policy['collection']['categories'][number];

/** The regions whose people have the CCPA's rights: a right limited to others is not theirs. */
const ccpaRegions = ['us-ca', 'us'] as const;

/** The rights a CCPA privacy policy describes from 2020 (Cal. Civ. Code § 1798.130(a)(5)(A)). */
const ccpaRights: readonly RightType[] = ['know', 'delete', 'opt-out-of-sale', 'non-discrimination'];

/** Rights exercised by a request, for which the policy must say how to submit it. Non-discrimination is a protection, not a request. */
const requestRights: readonly RightType[] = ['know', 'delete', 'correct', 'opt-out-of-sale', 'limit-sensitive'];

/**
 * The specific terms of the categories of personal information (Cal. Civ.
 * Code § 1798.140(v)(1)(A)-(L), before 2023 § 1798.140(o)(1)) and of
 * sensitive personal information (§ 1798.140(ae)), which § 1798.130(c)
 * requires a policy to describe its categories with.
 */
const statutoryTerms: readonly RegExp[] = [
  /identifier/i,
  /customer records?/i,
  /1798\.80/,
  /protected classification/i,
  /commercial information/i,
  /biometric/i,
  /network activity/i,
  /geolocation/i,
  /\baudio\b|\bvisual\b|\bthermal\b|\bolfactory\b|sensory/i,
  /professional|employment/i,
  /education/i,
  /inference/i,
  /sensitive personal information/i,
  /social security|driver['’]?s licen[cs]e|passport|state identification card/i,
  /account log-?in|financial account|debit card|credit card/i,
  /racial|ethnic origin|religio|philosophical belief|union membership/i,
  /contents of .*(mail|messages)/i,
  /genetic|\bhealth\b|sex life|sexual orientation|citizenship|immigration status|neural data/i,
];

function eachCategory(policy: Policy, check: (category: Category, index: number) => Finding[]): Finding[] {
  return policy.collection.categories.flatMap((category, index) => check(category, index));
}

/** How to make a request, said once for every right: the contacts or description of `rights.exercising`, or a custom section declaring `user-access`. */
function requestsExplained(policy: Policy): boolean {
  const exercising = policy.rights?.exercising;
  return Boolean(exercising?.methods?.length || exercising?.description?.trim() || declares(policy, 'user-access'));
}

/** Whether the policy says it neither sells nor shares personal information (sharing counts from the CPRA): then there is nothing to opt out of. */
function neitherSoldNorShared(policy: Policy, date: string): boolean {
  return Boolean(policy.sharing?.sale) && !disclosed(policy, 'sold') && (date < cpraDate || !disclosed(policy, 'shared'));
}

/** Whether the policy states a CCPA right to California's consumers: deletion also through a general right to erasure, the opt-out also by saying there is no sale or sharing. */
function rightStated(policy: Policy, type: RightType, date: string): boolean {
  if (hasRight(policy, type, ccpaRegions)) return true;
  if (type === 'delete') return hasRight(policy, 'erasure', ccpaRegions);
  if (type === 'opt-out-of-sale') return neitherSoldNorShared(policy, date);
  return false;
}

/**
 * Whether the business operates exclusively online with a direct relationship
 * to its consumers (§ 1798.130(a)(1)(A)): every controller that serves
 * California says so; a controller that does not say so is held to the
 * general duty.
 */
function exclusivelyOnline(policy: Policy): boolean {
  const serving = controllersOf(policy).filter(({ controller }) => ccpaRegions.some((r) => serves(controller, r)));
  return serving.length > 0 && serving.every(({ controller: c }) => c.operatesExclusivelyOnline === true);
}

/** The page of § 1798.135 through which a right is exercised, where the policy gives it. */
function linkFor(policy: Policy, type: RightType): string | undefined {
  const sale = policy.sharing?.sale;
  return type === 'opt-out-of-sale' ? sale?.optOutUrl : type === 'limit-sensitive' ? sale?.limitUrl : undefined;
}

export const ccpaRules: readonly Rule[] = [
  {
    id: 'ccpa-categories-collected',
    pack: 'ccpa',
    severity: 'warning',
    title: 'Every category of personal information is described in the statutory terms',
    explanation:
      'A CCPA privacy policy must list the categories of personal information collected in the preceding 12 months, and § 1798.130(c) requires them to be described with the specific terms of the statute: identifiers; customer records (§ 1798.80(e)); characteristics of protected classifications; commercial information; biometric information; internet or other electronic network activity information; geolocation data; audio, electronic, visual, thermal, olfactory or similar information; professional or employment-related information; education information; inferences; and the terms of sensitive personal information. A label such as “Email address” is an example, not a category; policyc looks for one of these terms in the category’s label or description, for the statutory categories it names (`ccpaCategories`), or in a custom section declared as covering `first-party-collection`, for the statutory category that fits the category’s data (any of them where none fits); where it fires, it suggests the category that fits the data.',
    reference:
      'Cal. Civ. Code § 1798.110(c)(1), 1798.130(a)(5)(B)(i) and (c), 1798.140(v)(1) and (ae) (before 2023: § 1798.140(o)(1)); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Give the category its statutory categories (`ccpaCategories`), or name the statutory category in its `label` or `description`, for example `label: Identifiers` with `description: your name, e-mail address and account name`.',
    appliesFrom: ccpaDate,
    parts: ['collection'],
    check: ({ policy }) => {
      // A custom section declared as covering collection may give the statutory categories in its own words.
      const sections = (policy.sections ?? [])
        .filter((s) => s.practices?.includes('first-party-collection') && s.body.trim() !== '')
        .map((s) => s.body)
        .join('\n');
      return eachCategory(policy, (category, i) => {
        const text = `${category.label} ${category.description ?? ''}`;
        if (category.ccpaCategories?.length || statutoryTerms.some((term) => term.test(text))) return [];
        const suggestion = suggestedCategory(category);
        if (sections && namesCategory(sections, suggestion)) return [];
        return [
          {
            message: `The data category \`${category.id}\` (“${category.label}”) is not described with a category of personal information defined in the CCPA`,
            path: ['collection', 'categories', i],
            hint: suggestion
              ? `The data looks like “${suggestion.name}”: say so in the \`label\` or \`description\` of \`${category.id}\`, or list \`${suggestion.key}\` in its \`ccpaCategories\` (Cal. Civ. Code § 1798.140(v)(1)).`
              : `Say in the \`label\` or \`description\` of \`${category.id}\` which statutory category it belongs to, for example “Identifiers” or “Internet or other electronic network activity information”, or list it in its \`ccpaCategories\` (Cal. Civ. Code § 1798.140(v)(1)).`,
          },
        ];
      });
    },
  },
  {
    id: 'ccpa-sources',
    pack: 'ccpa',
    severity: 'error',
    title: 'Every category of personal information states its source',
    explanation:
      'A CCPA privacy policy must disclose the categories of sources from which personal information is collected: the consumer, their devices (automatically), third parties such as data brokers or advertising networks, or publicly available sources. Consumers need this to understand how a business came to hold information they did not give it.',
    reference: 'Cal. Civ. Code § 1798.110(c)(2), 1798.130(a)(5)(B)(ii); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Add `source` to the category: `data-subject`, `automatic`, `third-party` or `public`; or `sources`, a list, for several sources or to name them (`type: third-party`, `name: data brokers`).',
    appliesFrom: ccpaDate,
    parts: ['collection'],
    check: ({ policy }) =>
      eachCategory(policy, (category, i) =>
        category.sources?.length
          ? []
          : [
              {
                message: `The data category \`${category.id}\` does not state the source it is collected from`,
                path: ['collection', 'categories', i],
              },
            ],
      ),
  },
  {
    id: 'ccpa-business-purposes',
    pack: 'ccpa',
    severity: 'warning',
    title: 'The business purposes of collecting and of disclosing personal information are stated',
    explanation:
      'A CCPA privacy policy must state the business or commercial purpose for collecting, selling or sharing personal information, and for disclosing it to each category of recipient. The purposes of collection are the policy’s `purposes`; for a recipient the purpose is implied by the condition only where the disclosure is required by law or part of a sale or merger of the business, otherwise the policy has to say why the data is disclosed: its `purpose` or `purposes`, or the `purpose` of one of its `disclosures`.',
    reference:
      'Cal. Civ. Code § 1798.100(a)(1), 1798.110(c)(3), 1798.130(a)(5)(B)(iii), 1798.140(e); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Add `purpose` to the recipient: the business purpose for which it receives the data (for example `hosting our website and sending our e-mails on our behalf`).',
    appliesFrom: ccpaDate,
    parts: ['purposes', 'sharing'],
    check: ({ policy }) => {
      if (!policy.purposes.items.length)
        return [
          { message: 'The policy does not state the business purposes for which personal information is collected', path: ['purposes'] },
        ];
      return (policy.sharing?.recipients ?? []).flatMap((recipient, i): Finding[] =>
        recipient.purpose?.trim() ||
        recipient.purposes?.length ||
        recipient.disclosures?.some((d) => d.purpose?.trim()) ||
        recipient.conditions?.some((c) => c.basis === 'legal-obligation' || c.basis === 'business-transfer')
          ? []
          : [
              {
                message: `The recipient \`${recipient.id}\` does not state the business purpose for which personal information is disclosed to it`,
                path: ['sharing', 'recipients', i],
              },
            ],
      );
    },
  },
  {
    id: 'ccpa-third-parties',
    pack: 'ccpa',
    severity: 'error',
    title: 'The categories of third parties personal information is disclosed to are stated',
    explanation:
      'A CCPA privacy policy must list the categories of third parties to whom the business discloses personal information, and the categories of personal information disclosed for a business purpose in the preceding 12 months, or state that it has disclosed none. A policy without recipients does neither; the rule asks only that they be addressed, so a custom section declaring the practice `third-party-sharing` meets it, which is also how a business that discloses personal information to no one says so without inventing a recipient.',
    reference: 'Cal. Civ. Code § 1798.110(c)(4), 1798.115(c)(2), 1798.130(a)(5)(B)(iv) and (C)(ii); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Add a `sharing` section whose `recipients` list each category of third party (service providers, advertising networks, affiliates…), with the data each receives (`categories`); or, if the business discloses personal information to no one, say so in a custom section declaring `practices: [third-party-sharing]` (for example “We do not disclose personal information to third parties, and have not done so in the preceding 12 months.”).',
    appliesFrom: ccpaDate,
    parts: ['sharing'],
    check: ({ policy }) =>
      addresses(policy, 'third-party-sharing')
        ? []
        : [
            {
              message:
                'The policy does not state the categories of third parties personal information is disclosed to: it has no `sharing` section with `recipients`, nor a custom section declaring `third-party-sharing`',
              path: ['sharing'],
            },
          ],
  },
  {
    id: 'ccpa-sale-statement',
    pack: 'ccpa',
    severity: 'error',
    title:
      'The policy says whether personal information is sold or shared, consistently with its advertising, and what is sold or shared to whom',
    explanation:
      'A CCPA privacy policy must list the categories of personal information sold (and, from 2023, shared for cross-context behavioural advertising) in the preceding 12 months and the categories of third parties each was sold or shared to or, if none was, say so. “Sale” is broad (§ 1798.140(ad)): making personal information available to a third party for monetary or other valuable consideration; “sharing” (§ 1798.140(ah)) is making it available for cross-context behavioural advertising, whether or not for consideration. Letting advertising networks collect data through third-party advertising cookies is a sale or sharing: the Attorney General’s 2022 settlement with Sephora concerned a business that said it did not sell personal information while it did so through such trackers. policyc therefore reads `sold: false` (and from 2023 `shared: false`) next to third-party `advertising` cookies or an `advertising-partner` recipient as a contradiction, unless that recipient’s `disclosures` are all for a `business-purpose`; and `sold: true` or `shared: true` asks for the categories (`sharing.sale.categories` or a recipient’s `disclosures`) and a recipient with `disclosures` of that kind.',
    reference:
      'Cal. Civ. Code § 1798.110(c)(4), 1798.115(c)(1), 1798.120, 1798.130(a)(5)(C)(i), 1798.140(ad) and (ah); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Add `sharing.sale`: `sold` and `shared` (true or false) and the policy’s `statement` about selling and sharing (for example `We do not sell or share your personal information, and have not done so in the preceding 12 months.`); where personal information is sold or shared, give each recipient it goes to `disclosures` of kind `sold` or `shared` with the categories of personal information.',
    appliesFrom: ccpaDate,
    parts: ['sharing'],
    check: ({ policy, date }) => {
      const sale = policy.sharing?.sale;
      if (!sale)
        return [
          {
            message: 'The policy does not say whether personal information is sold or shared: `sharing.sale` is missing',
            path: ['sharing'],
          },
        ];
      return [...saleContradictions(policy, date), ...saleDetails(policy, date)];
    },
  },
  {
    id: 'ccpa-sensitive-limit',
    pack: 'ccpa',
    severity: 'error',
    title: 'Where sensitive personal information is collected, the policy states the right to limit its use',
    explanation:
      'Consumers may direct a business to limit its use of their sensitive personal information to what is necessary to provide the goods or services they request (§ 1798.121). A business that collects sensitive personal information must explain this right and how to exercise it (a “Limit the Use of My Sensitive Personal Information” link), or state that it uses such information only for the purposes the regulations permit, in which case the right does not apply. policyc reads `sharing.sale.sensitive`: `false` states the permitted use only, `true` that the right applies even where no category is marked `sensitive`; `sharing.sale.sensitiveInferences: false` that sensitive personal information is collected and processed without the purpose of inferring characteristics, which the regulations treat as other personal information (§ 7027(m)); the link `sharing.sale.limitUrl` says how to exercise it.',
    reference: 'Cal. Civ. Code § 1798.121, 1798.135(a)(2), 1798.140(ae); Cal. Code Regs. tit. 11, § 7011(e), 7027',
    fix: 'Add to `rights.items` a right with `type: limit-sensitive` (or give the “Limit the Use of My Sensitive Personal Information” page as `sharing.sale.limitUrl`); or, if sensitive personal information is used only for the purposes of Cal. Code Regs. tit. 11, § 7027(m), say so with `sharing.sale.sensitive: false` (or, if it is not used to infer characteristics about consumers, with `sharing.sale.sensitiveInferences: false`).',
    appliesFrom: cpraDate,
    parts: ['collection', 'rights', 'sharing'],
    check: ({ policy }) => {
      const sale = policy.sharing?.sale;
      // Sensitive personal information used without inferring characteristics is treated as any other (11 CCR 7027(m)).
      if (
        sale?.sensitive === false ||
        sale?.sensitiveInferences === false ||
        sale?.limitUrl ||
        hasRight(policy, 'limit-sensitive', ccpaRegions)
      )
        return [];
      const sensitive = policy.collection.categories.filter((c) => c.sensitive).map((c) => `\`${c.id}\``);
      if (!sensitive.length)
        return sale?.sensitive
          ? [
              {
                message:
                  'The policy says sensitive personal information is used beyond the permitted purposes (`sharing.sale.sensitive: true`), but does not state the right to limit its use (`limit-sensitive`)',
                path: ['rights'],
              },
            ]
          : [];
      return [
        {
          message: `The sensitive ${sensitive.length === 1 ? 'category' : 'categories'} ${list(sensitive)} ${sensitive.length === 1 ? 'is' : 'are'} collected, but the policy does not state the right to limit the use of sensitive personal information (\`limit-sensitive\`)`,
          path: ['rights'],
        },
      ];
    },
  },
  {
    id: 'ccpa-retention',
    pack: 'ccpa',
    severity: 'error',
    title: 'Every category of personal information states how long it is kept',
    explanation:
      'Since the CPRA, a business must tell consumers, for each category of personal information including sensitive personal information, how long it intends to retain it or, if that is not possible, the criteria used to determine that period; it may not keep it longer than reasonably necessary for the disclosed purpose. The rule asks for that structured fact: the category’s own `retention`, or the document’s `retention.default`; a retention `description` for the whole document, or a custom section declaring `data-retention`, does not give it category by category.',
    reference: 'Cal. Civ. Code § 1798.100(a)(3)',
    fix: 'Add `retention` to the category: a `period` (`13 months`), the `criteria` that decide it (`as long as your account is open`), its `stages` or a `description`; or give every category without one a `retention.default`.',
    appliesFrom: cpraDate,
    parts: ['collection', 'retention'],
    check: ({ policy }) => retentionFindings(policy),
  },
  {
    id: 'ccpa-rights',
    pack: 'ccpa',
    severity: 'error',
    title:
      'The policy describes the rights to know, to delete and to non-discrimination, and, where personal information is sold or shared, to opt out',
    explanation:
      'A CCPA privacy policy must describe the consumer’s rights: to know what personal information is collected, used, disclosed and sold (§ 1798.100, 1798.110, 1798.115), to delete it (§ 1798.105), not to be discriminated against for exercising these rights (§ 1798.125) and, where the business sells or shares personal information, to opt out of it (§ 1798.120, 1798.135(a)). A business that says it neither sells nor shares personal information (`sharing.sale`, with no recipient `disclosures` of kind `sold` or `shared`) need only say so. One right may state several of them (`types`); a right to erasure (`erasure`) given to everyone states the right to delete; a right limited by `regions` to people outside California (and the United States as a whole) does not count.',
    reference:
      'Cal. Civ. Code § 1798.100, 1798.105, 1798.110, 1798.115, 1798.120, 1798.125, 1798.130(a)(5)(A), 1798.135(a); Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Add to `rights.items` a right of each missing `type`, with a `description` of the right and a `contact` taking requests.',
    appliesFrom: ccpaDate,
    parts: ['rights', 'sharing'],
    check: ({ policy, date }) => {
      const missing = ccpaRights.filter((type) => !rightStated(policy, type, date));
      if (!missing.length) return [];
      return [
        {
          message: policy.rights
            ? `The policy does not describe ${list(missing.map(theRight), 'or')}`
            : 'The policy has no `rights` section: it does not describe the consumer’s rights under the CCPA',
          path: ['rights'],
          hint: `Add to \`rights.items\` a right of each missing \`type\` (${list(missing.map((t) => `\`${t}\``))}), with a \`description\` of the right and a \`contact\` taking requests.`,
        },
      ];
    },
  },
  {
    id: 'ccpa-right-to-correct',
    pack: 'ccpa',
    severity: 'error',
    title: 'The policy describes the right to correct inaccurate personal information',
    explanation:
      'Since the CPRA, consumers may ask a business to correct inaccurate personal information it holds about them (§ 1798.106), and the privacy policy must describe this right with the other consumer rights.',
    reference: 'Cal. Civ. Code § 1798.106, 1798.130(a)(5)(A); Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Add to `rights.items` a right with `type: correct`, a `description` and a `contact` taking requests.',
    appliesFrom: cpraDate,
    parts: ['rights'],
    check: ({ policy }) =>
      hasRight(policy, 'correct', ccpaRegions)
        ? []
        : [{ message: 'The policy does not describe the right to correct inaccurate personal information (`correct`)', path: ['rights'] }],
  },
  {
    id: 'ccpa-rights-contact',
    pack: 'ccpa',
    severity: 'error',
    title: 'Every consumer right says how to exercise it, through enough methods',
    explanation:
      'A business must offer two or more designated methods for submitting requests to know, delete and correct, one of them a toll-free telephone number, unless it operates exclusively online and has a direct relationship with its consumers, when an e-mail address is enough; and its privacy policy must explain how to submit each request, including any link to an online form. Requests to opt out of sale or sharing and to limit the use of sensitive personal information are made through the links of § 1798.135 or another method the policy names. The rule asks that the way be stated for each right: a right’s `contact`, the methods or description of `rights.exercising`, the links `sharing.sale.optOutUrl` and `limitUrl`, or a custom section declaring `user-access` meet it. It then counts the methods of the contacts that take requests to know, delete and correct (`email`, `url`, `phone`, `address` and their `methods`): two or more, one of them a toll-free number (a `phone` with a toll-free area code, or `tollFree: true`); or an e-mail address, which is all a business that operates exclusively online and has a direct relationship with the consumers from whom it collects personal information needs to give. The document says so with `operatesExclusivelyOnline: true` on each controller that serves California; where it does not, the business is held to two methods including a toll-free number. The rule does not check that a business with a website takes requests through it (11 CCR 7020(b)).',
    reference: 'Cal. Civ. Code § 1798.130(a)(1)(A) and (a)(5)(A), 1798.135; Cal. Code Regs. tit. 11, § 7011(e), 7020(a) and (b)',
    fix: 'Add `contact` to the right: the id of a contact (with an `email`, `url` or `phone`) that takes these requests; give the contact that takes requests to know, delete and correct a toll-free number and another method, or, if the business operates exclusively online and has a direct relationship with its consumers, say so with `controller.operatesExclusivelyOnline: true` and give it an `email`.',
    appliesFrom: ccpaDate,
    parts: ['rights', 'sharing', 'controller'],
    check: ({ policy, date }) => [
      ...(policy.rights?.items ?? []).flatMap((right, i): Finding[] => {
        if (right.contact || requestsExplained(policy)) return [];
        const type = right.types?.find((t) => requestRights.includes(t));
        if (type === undefined || linkFor(policy, type)) return [];
        const label = enumLabel('right', type);
        return [
          {
            message: `The right \`${right.id}\` (${label.charAt(0).toLowerCase()}${label.slice(1)}) does not say how to exercise it: it names no \`contact\``,
            path: ['rights', 'items', i],
            hint:
              type === 'opt-out-of-sale'
                ? `Add \`contact\` to the right \`${right.id}\`: the id of the contact that takes opt-out requests; or give the “Do Not Sell or Share My Personal Information” page as \`sharing.sale.optOutUrl\`.`
                : `Add \`contact\` to the right \`${right.id}\`: the id of the contact (with a \`url\` to a request form, an \`email\` or a toll-free \`phone\`) that takes these requests.`,
          },
        ];
      }),
      ...requestMethods(policy, date >= cpraDate ? ['know', 'delete', 'correct'] : ['know', 'delete'], exclusivelyOnline(policy)),
    ],
  },
  {
    id: 'ccpa-do-not-sell-link',
    pack: 'ccpa',
    severity: 'error',
    title: 'A business that sells or shares personal information links to “Do Not Sell or Share My Personal Information”',
    explanation:
      'A business that sells personal information must provide a clear and conspicuous “Do Not Sell My Personal Information” link (from 2020), and from 2023 one that also shares it for cross-context behavioural advertising a “Do Not Sell or Share My Personal Information” link, through which consumers opt out; the privacy policy must describe the right and link to it. A recipient’s `disclosures` of kind `sold` or `shared` say so as much as `sharing.sale` does.',
    reference: 'Cal. Civ. Code § 1798.120, 1798.135(a)(1), 1798.140(ad) and (ah); Cal. Code Regs. tit. 11, § 7013, 7026',
    fix: 'Add `sharing.sale.optOutUrl`: the address of the “Do Not Sell or Share My Personal Information” page.',
    appliesFrom: ccpaDate,
    parts: ['sharing'],
    check: ({ policy, date }) => {
      const sale = policy.sharing?.sale;
      if (sale?.optOutUrl) return [];
      const sold = disclosed(policy, 'sold');
      const shared = disclosed(policy, 'shared') && date >= cpraDate;
      if (!sold && !shared) return [];
      const link = date >= cpraDate ? 'Do Not Sell or Share My Personal Information' : 'Do Not Sell My Personal Information';
      const what = sold && shared ? 'sold and shared' : sold ? 'sold' : 'shared for cross-context behavioural advertising';
      return [
        {
          message: `The policy says personal information is ${what}, but gives no “${link}” link (\`optOutUrl\`)`,
          path: ['sharing', 'sale'],
          hint: `Add \`optOutUrl\` to \`sharing.sale\`: the address of the “${link}” page.`,
        },
      ];
    },
  },
  ccpaLastUpdated,
  ...ccpaProcessRules,
];
