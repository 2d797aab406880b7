import { enumLabel } from '../../model/labels.js';
import type { Policy } from '../../model/policy.generated.js';
import type { Finding, Rule } from '../types.js';

type Mechanism = NonNullable<Policy['transfers']>['items'][number]['mechanisms'][number];

/** When each framework could be relied on: from its adoption to the decision that ended it. */
const validity: Partial<Record<Mechanism, { from?: string; until?: string; reason: string }>> = {
  'eu-us-safe-harbor': { until: '2015-10-06', reason: 'the CJEU invalidated it in Schrems I (C-362/14) on 6 October 2015' },
  'us-swiss-safe-harbor': { until: '2015-10-22', reason: 'the Swiss FDPIC declared it no longer adequate on 22 October 2015' },
  'eu-us-privacy-shield': {
    from: '2016-08-01',
    until: '2020-07-16',
    reason: 'the CJEU invalidated it in Schrems II (C-311/18) on 16 July 2020',
  },
  'swiss-us-privacy-shield': { from: '2017-04-12', until: '2020-09-08', reason: 'the Swiss FDPIC found it inadequate on 8 September 2020' },
  'eu-us-data-privacy-framework': { from: '2023-07-10', reason: 'the European Commission adopted its adequacy decision on 10 July 2023' },
  'uk-us-data-bridge': { from: '2023-10-12', reason: 'the UK Extension took effect on 12 October 2023' },
  'swiss-us-data-privacy-framework': { from: '2024-09-15', reason: 'the Swiss Federal Council recognised it on 15 September 2024' },
};

/** Frameworks under which the recipient must itself be certified. */
const certifiedFrameworks: readonly Mechanism[] = [
  'eu-us-safe-harbor',
  'us-swiss-safe-harbor',
  'eu-us-privacy-shield',
  'swiss-us-privacy-shield',
  'eu-us-data-privacy-framework',
  'uk-us-data-bridge',
  'swiss-us-data-privacy-framework',
];

function eachTransfer(
  policy: Policy,
  check: (transfer: NonNullable<Policy['transfers']>['items'][number], index: number) => Finding[],
): Finding[] {
  return (policy.transfers?.items ?? []).flatMap((transfer, index) => check(transfer, index));
}

export const transferRules: readonly Rule[] = [
  {
    id: 'transfers-mechanism-invalid',
    pack: 'transfers',
    severity: 'error',
    title: 'A transfer relies on a framework that was not valid on the effective date',
    explanation:
      'A transfer safeguard protects people only while it is legally valid. EU-US Safe Harbor ended with Schrems I (6 October 2015), Privacy Shield with Schrems II (16 July 2020); the EU-US Data Privacy Framework exists only from 10 July 2023. A policy that names a framework outside its validity misstates the legal basis of the transfer.',
    reference: 'GDPR Art. 44-46; CJEU C-362/14 (Schrems I), C-311/18 (Schrems II); Commission Implementing Decision (EU) 2023/1795',
    fix: 'Rely on a safeguard valid on the effective date: the EU-US Data Privacy Framework (with the recipient certified), standard contractual clauses, or binding corporate rules.',
    parts: ['transfers'],
    dates: Object.values(validity).flatMap((w) => [w.from, w.until].filter((d): d is string => d !== undefined)),
    check: ({ policy, date }) =>
      eachTransfer(policy, (transfer, i) =>
        transfer.mechanisms.flatMap((mechanism, m) => {
          const window = validity[mechanism];
          if (!window) return [];
          const tooEarly = window.from !== undefined && date < window.from;
          const tooLate = window.until !== undefined && date >= window.until;
          if (!tooEarly && !tooLate) return [];
          return [
            {
              message: `The transfer \`${transfer.id}\` relies on the ${enumLabel('mechanism', mechanism)}, which was not valid on ${date}: ${window.reason}`,
              path: ['transfers', 'items', i, 'mechanisms', m],
            },
          ];
        }),
      ),
  },
  {
    id: 'transfers-certification-stated',
    pack: 'transfers',
    severity: 'error',
    title: 'A transfer under a certification framework states the recipient’s certification',
    explanation:
      'Frameworks such as the EU-US Data Privacy Framework cover only organisations that certify to the U.S. Department of Commerce. People can check a transfer only if the policy says the recipient is certified and where to verify it.',
    reference: 'Commission Implementing Decision (EU) 2023/1795, Annex I; GDPR Art. 13(1)(f)',
    fix: 'Add `certification` to the transfer: a `statement` that the recipient is certified and the `url` of the certification list.',
    appliesFrom: '2023-07-10',
    parts: ['transfers'],
    check: ({ policy }) =>
      eachTransfer(policy, (transfer, i) =>
        transfer.mechanisms.some((m) => certifiedFrameworks.includes(m)) && !transfer.certification
          ? [
              {
                message: `The transfer \`${transfer.id}\` relies on a certification framework but does not state the recipient's certification`,
                path: ['transfers', 'items', i],
              },
            ]
          : [],
      ),
  },
];
