import { enumLabel } from '../../model/labels.js';
import type { Policy } from '../../model/policy.generated.js';
import { addresses, declares } from '../practices.js';
import { hasRight, list, statesRetention, theRight, type RightType } from '../text.js';
import type { Finding, Rule } from '../types.js';

/** The CCPA took effect on 1 January 2020. */
const ccpaDate = '2020-01-01';
/** The CPRA amendments (sharing, sensitive personal information, retention, correction, limitation) took effect on 1 January 2023. */
const cpraDate = '2023-01-01';

type Category = Policy['collection']['categories'][number];

/** The regions whose people have the CCPA's rights: a right limited to others is not theirs. */
const ccpaRegions = ['us-ca', 'us'] as const;

/** Whether the policy says personal information is sold, or shared for cross-context behavioural advertising: in `sharing.sale`, or in a recipient's `disclosures`. */
function disclosed(policy: Policy, kind: 'sold' | 'shared'): boolean {
  return Boolean(policy.sharing?.sale?.[kind] || policy.sharing?.recipients?.some((r) => r.disclosures?.some((d) => d.kind === kind)));
}

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

/** The YYYY-MM-DD date `months` months after `date` (negative: before); a day the month lacks becomes its last day (29 February to 28 February). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole years, months and days from one YYYY-MM-DD date to a later one, in words ("2 years, 6 months and 28 days"). */
function age(from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${addMonths(from, months)}T00:00:00Z`)) / 86_400_000);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (months >= 12) parts.push(unit(Math.floor(months / 12), 'year'));
  if (months % 12) parts.push(unit(months % 12, 'month'));
  if (days) parts.push(unit(days, 'day'));
  return list(parts.length ? parts : ['0 days']);
}

/** How to make a request, said once for every right: the contacts or description of `rights.exercising`, or a custom section declaring `user-access`. */
function requestsExplained(policy: Policy): boolean {
  const exercising = policy.rights?.exercising;
  return Boolean(exercising?.methods?.length || exercising?.description?.trim() || declares(policy, 'user-access'));
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
      'A CCPA privacy policy must list the categories of personal information collected in the preceding 12 months, and § 1798.130(c) requires them to be described with the specific terms of the statute: identifiers; customer records (§ 1798.80(e)); characteristics of protected classifications; commercial information; biometric information; internet or other electronic network activity information; geolocation data; audio, electronic, visual, thermal, olfactory or similar information; professional or employment-related information; education information; inferences; and the terms of sensitive personal information. A label such as “Email address” is an example, not a category; policyc looks for one of these terms in the category’s label or description, or for the statutory categories it names (`ccpaCategories`).',
    reference:
      'Cal. Civ. Code § 1798.110(c)(1), 1798.130(a)(5)(B)(i) and (c), 1798.140(v)(1) and (ae) (before 2023: § 1798.140(o)(1)); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Give the category its statutory categories (`ccpaCategories`), or name the statutory category in its `label` or `description`, for example `label: Identifiers` with `description: your name, e-mail address and account name`.',
    appliesFrom: ccpaDate,
    parts: ['collection'],
    check: ({ policy }) =>
      eachCategory(policy, (category, i) => {
        const text = `${category.label} ${category.description ?? ''}`;
        return category.ccpaCategories?.length || statutoryTerms.some((term) => term.test(text))
          ? []
          : [
              {
                message: `The data category \`${category.id}\` (“${category.label}”) is not described with a category of personal information defined in the CCPA`,
                path: ['collection', 'categories', i],
                hint: `Say in the \`label\` or \`description\` of \`${category.id}\` which statutory category it belongs to, for example “Identifiers” or “Internet or other electronic network activity information” (Cal. Civ. Code § 1798.140(v)(1)).`,
              },
            ];
      }),
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
      'A CCPA privacy policy must list the categories of third parties to whom the business discloses personal information, and the categories of personal information disclosed for a business purpose in the preceding 12 months, or state that it has disclosed none. A policy without recipients does neither; the rule asks only that they be addressed, so a custom section declaring the practice `third-party-sharing` meets it.',
    reference: 'Cal. Civ. Code § 1798.110(c)(4), 1798.115(c)(2), 1798.130(a)(5)(B)(iv) and (C)(ii); Cal. Code Regs. tit. 11, § 7011(e)(1)',
    fix: 'Add a `sharing` section whose `recipients` list each category of third party (service providers, advertising networks, affiliates…), with the data each receives (`categories`).',
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
    title: 'The policy says whether personal information is sold or shared',
    explanation:
      'A CCPA privacy policy must list the categories of personal information sold (and, from 2023, shared for cross-context behavioural advertising) in the preceding 12 months or, if none was, prominently say so. “Sale” is broad (§ 1798.140(ad)): making personal information available to a third party for monetary or other valuable consideration, which can include advertising and analytics cookies.',
    reference: 'Cal. Civ. Code § 1798.115(c)(1), 1798.120, 1798.130(a)(5)(C)(i), 1798.140(ad) and (ah)',
    fix: 'Add `sharing.sale`: `sold` and `shared` (true or false) and the policy’s `statement` about selling and sharing (for example `We do not sell or share your personal information, and have not done so in the preceding 12 months.`).',
    appliesFrom: ccpaDate,
    parts: ['sharing'],
    check: ({ policy }) =>
      policy.sharing?.sale
        ? []
        : [
            {
              message: 'The policy does not say whether personal information is sold or shared: `sharing.sale` is missing',
              path: ['sharing'],
            },
          ],
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
    check: ({ policy }) =>
      eachCategory(policy, (category, i) =>
        statesRetention(category.retention ?? policy.retention?.default)
          ? []
          : [{ message: `The data category \`${category.id}\` does not state how long it is kept`, path: ['collection', 'categories', i] }],
      ),
  },
  {
    id: 'ccpa-rights',
    pack: 'ccpa',
    severity: 'error',
    title: 'The policy describes the rights to know, to delete, to opt out of sale or sharing, and to non-discrimination',
    explanation:
      'A CCPA privacy policy must describe the consumer’s rights: to know what personal information is collected, used, disclosed and sold (§ 1798.100, 1798.110, 1798.115), to delete it (§ 1798.105), to opt out of its sale or sharing (§ 1798.120), and not to be discriminated against for exercising these rights (§ 1798.125). One right may state several of them (`types`); a right limited by `regions` to people outside California (and the United States as a whole) does not count.',
    reference:
      'Cal. Civ. Code § 1798.100, 1798.105, 1798.110, 1798.115, 1798.120, 1798.125, 1798.130(a)(5)(A); Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Add to `rights.items` a right of each missing `type`, with a `description` of the right and a `contact` taking requests.',
    appliesFrom: ccpaDate,
    parts: ['rights'],
    check: ({ policy }) => {
      const missing = ccpaRights.filter((type) => !hasRight(policy, type, ccpaRegions));
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
    title: 'Every consumer right says how to exercise it',
    explanation:
      'A business must offer two or more designated methods for submitting requests to know, delete and correct (including, unless it operates exclusively online, a toll-free telephone number), and its privacy policy must explain how to submit each request, including any link to an online form. Requests to opt out of sale or sharing and to limit the use of sensitive personal information are made through the links of § 1798.135 or another method the policy names. The rule asks only that the way be stated: a right’s `contact`, the methods or description of `rights.exercising`, the links `sharing.sale.optOutUrl` and `limitUrl`, or a custom section declaring `user-access` meet it.',
    reference: 'Cal. Civ. Code § 1798.130(a)(1) and (a)(5)(A), 1798.135; Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Add `contact` to the right: the id of a contact (with an `email`, `url` or `phone`) that takes these requests.',
    appliesFrom: ccpaDate,
    parts: ['rights', 'sharing'],
    check: ({ policy }) =>
      (policy.rights?.items ?? []).flatMap((right, i): Finding[] => {
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
  {
    id: 'ccpa-last-updated',
    pack: 'ccpa',
    severity: 'error',
    title: 'The policy has been updated within the last 12 months',
    explanation:
      'The CCPA requires a business to update the information in its privacy policy at least once every 12 months, and the policy to state the date it was last updated. A policy whose last-updated date is more than 12 months old tells consumers and the California Privacy Protection Agency that it has not been reviewed as the statute requires.',
    reference: 'Cal. Civ. Code § 1798.130(a)(5); Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Review the policy, update what has changed, and release a new version whose `effective` date is the date of the review.',
    appliesFrom: ccpaDate,
    // Only the newest version is the policy's current text; a superseded one was replaced by a later update.
    check: ({ policy, today, superseded }) =>
      !superseded && policy.effective < addMonths(today, -12)
        ? [
            {
              message: `The policy was last updated on ${policy.effective}, ${age(policy.effective, today)} ago as of ${today}; the CCPA requires it to be updated at least once every 12 months`,
              path: ['effective'],
            },
          ]
        : [],
  },
];
