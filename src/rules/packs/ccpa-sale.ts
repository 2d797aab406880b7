import type { Policy } from '../../model/policy.generated.js';
import { list } from '../text.js';
import type { Finding } from '../types.js';

/** The CPRA amendments, which added sharing for cross-context behavioural advertising (§ 1798.140(ah)), took effect on 1 January 2023. */
const cpraDate = '2023-01-01';

type Kind = 'sold' | 'shared';

/** Whether the policy says personal information is sold, or shared for cross-context behavioural advertising: in `sharing.sale`, or in a recipient's `disclosures`. */
export function disclosed(policy: Policy, kind: 'sold' | 'shared'): boolean {
  return Boolean(policy.sharing?.sale?.[kind] || policy.sharing?.recipients?.some((r) => r.disclosures?.some((d) => d.kind === kind)));
}

/** The kinds of disclosure the statute knew on `date`: sharing only from the CPRA. */
function kinds(date: string): Kind[] {
  return date >= cpraDate ? ['sold', 'shared'] : ['sold'];
}

/**
 * What makes personal information available to advertising networks: third-party
 * advertising cookies, and recipients that are advertising partners, unless every
 * disclosure to them is stated as one for a business purpose (a service provider's).
 */
function advertisingSigns(policy: Policy): string[] {
  const cookies = (policy.cookies?.items ?? []).filter((c) => c.category === 'advertising' && c.party === 'third');
  const partners = (policy.sharing?.recipients ?? []).filter(
    (r) => r.type === 'advertising-partner' && !(r.disclosures?.length && r.disclosures.every((d) => d.kind === 'business-purpose')),
  );
  return [
    ...(cookies.length
      ? [`the third-party advertising ${cookies.length === 1 ? 'cookie' : 'cookies'} ${list(cookies.map((c) => `\`${c.id}\``))}`]
      : []),
    ...(partners.length
      ? [`the advertising ${partners.length === 1 ? 'partner' : 'partners'} ${list(partners.map((r) => `\`${r.id}\``))}`]
      : []),
  ];
}

/** Recipients whose `disclosures` say personal information is sold or shared to them. */
function recipientsOf(policy: Policy, kind: Kind) {
  return (policy.sharing?.recipients ?? []).filter((r) => r.disclosures?.some((d) => d.kind === kind));
}

/** `sold: false` (and `shared: false`) said of a document whose recipients or cookies show a sale or sharing. */
export function saleContradictions(policy: Policy, date: string): Finding[] {
  const sale = policy.sharing!.sale!;
  const denied = kinds(date).filter((k) => !sale[k]);
  if (!denied.length) return [];
  const findings: Finding[] = [];
  for (const kind of denied) {
    const named = recipientsOf(policy, kind).map((r) => `\`${r.id}\``);
    if (named.length)
      findings.push({
        message: `\`sharing.sale.${kind}\` is false, but the ${named.length === 1 ? 'recipient' : 'recipients'} ${list(named)} ${named.length === 1 ? 'has' : 'have'} \`disclosures\` of kind \`${kind}\``,
        path: ['sharing', 'sale', kind],
        hint: `Set \`sharing.sale.${kind}: true\` and say so in the \`statement\`, or correct the \`kind\` of the disclosures if the personal information is not ${kind} to ${named.length === 1 ? 'that recipient' : 'those recipients'}.`,
      });
  }
  // Advertising trackers are a sale, and from 2023 a sharing: only a statement that denies every kind contradicts them.
  const signs = denied.length === kinds(date).length ? advertisingSigns(policy) : [];
  const cookies = signs.some((s) => s.includes('cookie'));
  if (signs.length) {
    const what = date >= cpraDate ? 'sold or shared' : 'sold';
    findings.push({
      message: `The policy says personal information is not ${what}, but it lists ${list(signs)}: making personal information available to advertising networks is a sale${date >= cpraDate ? ' or sharing' : ''} under the CCPA`,
      path: ['sharing', 'sale'],
      hint: `Say that personal information is ${what} (${date >= cpraDate ? '`sharing.sale.shared: true` or `sold: true`' : '`sharing.sale.sold: true`'}, with the categories and the recipients’ \`disclosures\`) and give the opt-out link${cookies ? '' : '; or, if the advertising partners receive personal information only as service providers, give them `disclosures` of kind `business-purpose`'}.`,
    });
  }
  return findings;
}

/** `sold: true` or `shared: true` without the categories of personal information, or without a recipient they go to. */
export function saleDetails(policy: Policy, date: string): Finding[] {
  const sale = policy.sharing!.sale!;
  return kinds(date)
    .filter((k) => sale[k])
    .flatMap((kind): Finding[] => {
      const word = kind === 'sold' ? 'sold' : 'shared for cross-context behavioural advertising';
      const recipients = recipientsOf(policy, kind);
      if (recipients.length) return [];
      return [
        {
          message: sale.categories?.length
            ? `The policy says personal information is ${word}, but not to which categories of third parties: no recipient has \`disclosures\` of kind \`${kind}\``
            : `The policy says personal information is ${word}, but not which categories of personal information nor to which categories of third parties: neither \`sharing.sale.categories\` nor a recipient’s \`disclosures\` of kind \`${kind}\` say so`,
          path: ['sharing', 'sale', kind],
          hint: `Give each recipient personal information is ${kind} to \`disclosures\` with \`kind: ${kind}\` and the \`categories\` of personal information (for example \`identifiers\`, \`internet-activity\`).`,
        },
      ];
    });
}
