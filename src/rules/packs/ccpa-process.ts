import { addresses } from '../practices.js';
import type { Policy } from '../../model/policy.generated.js';
import type { Rule } from '../types.js';
import { disclosed } from './ccpa-sale.js';

/** The CCPA regulations as amended by the California Privacy Protection Agency (11 CCR 7000 ff.: opt-out preference signals, § 7025) became operative on 29 March 2023. */
const regulationsDate = '2023-03-29';

/** Whether a custom section declaring `user-access` says something matching `words` (how requests are verified, authorised agents). */
function sectionSays(policy: Policy, words: RegExp): boolean {
  return (policy.sections ?? []).some((s) => s.practices?.includes('user-access') && words.test(s.body));
}

/** The CCPA rules on how requests and opt-outs are handled: opt-out preference signals, consumers under 16, verification and authorised agents. */
export const ccpaProcessRules: readonly Rule[] = [
  {
    id: 'ccpa-opt-out-signals',
    pack: 'ccpa',
    severity: 'error',
    title: 'A business that sells or shares personal information processes opt-out preference signals, and says how',
    explanation:
      'A business that sells or shares personal information must process an opt-out preference signal such as Global Privacy Control as a valid request to opt out of sale and sharing, for the browser or device and any consumer profile associated with it (11 CCR 7025(b) and (c)), and its privacy policy must explain how it processes such signals and how consumers can use them. policyc asks, where personal information is sold or shared (`sharing.sale` or a recipient’s `disclosures`), for an item of `signals` of kind `global-privacy-control` that is `honoured` (or `partly-honoured`, with its `statement` saying how); a signal stated as `not-honoured` does not meet it.',
    reference: 'Cal. Civ. Code § 1798.120, 1798.135; Cal. Code Regs. tit. 11, § 7011(e), 7025(b) and (c), 7026(a)(1)',
    fix: 'Add to `signals.items` an item with `signal: global-privacy-control`, `response: honoured`, the `effect` (for example `we treat it as a request to opt out of the sale and sharing of your personal information for that browser and, if you are signed in, for your account`) and the policy’s `statement`.',
    appliesFrom: regulationsDate,
    parts: ['sharing'],
    check: ({ policy }) => {
      if (!disclosed(policy, 'sold') && !disclosed(policy, 'shared')) return [];
      const items = policy.signals?.items ?? [];
      const gpc = items.findIndex((s) => s.signal === 'global-privacy-control');
      if (gpc >= 0 && items[gpc]!.response !== 'not-honoured') return [];
      return [
        gpc >= 0
          ? {
              message:
                'The policy says personal information is sold or shared, but that opt-out preference signals (`global-privacy-control`) are not honoured: a business that sells or shares must process them as requests to opt out',
              path: ['signals', 'items', gpc],
            }
          : {
              message:
                'The policy says personal information is sold or shared, but does not say how it processes opt-out preference signals such as Global Privacy Control: no item of `signals` is of kind `global-privacy-control`',
              path: policy.signals ? ['signals'] : ['sharing', 'sale'],
            },
      ];
    },
  },
  {
    id: 'ccpa-minors',
    pack: 'ccpa',
    severity: 'error',
    title: 'A business that sells or shares personal information says whether it does so for consumers under 16, and how they opt in',
    explanation:
      'A business may not sell or share the personal information of a consumer it knows to be under 16 unless the consumer (from 13 to 15) or a parent or guardian (under 13) has affirmatively authorised it (§ 1798.120(c)); a consumer under 16 has the right to opt in rather than to opt out. The privacy policy of a business that sells or shares personal information must say whether it has actual knowledge that it sells or shares the personal information of consumers under 16 (`sharing.sale.minors`); where it does, it must describe the processes by which those consumers, or their parents, opt in (11 CCR 7072(a)): the `children` section, or a custom section declaring `children`.',
    reference: 'Cal. Civ. Code § 1798.120(c); Cal. Code Regs. tit. 11, § 7011(e), 7070, 7071, 7072(a)',
    fix: 'Add `sharing.sale.minors`: `false` if the business has no actual knowledge that it sells or shares the personal information of consumers under 16, `true` if it does; then describe in `children` (its `parentalConsent` and `description`) how consumers under 16, or the parents of those under 13, opt in.',
    appliesFrom: regulationsDate,
    parts: ['sharing', 'children'],
    check: ({ policy }) => {
      const sale = policy.sharing?.sale;
      if (!disclosed(policy, 'sold') && !disclosed(policy, 'shared')) return [];
      if (sale?.minors === undefined)
        return [
          {
            message:
              'The policy says personal information is sold or shared, but not whether the business knowingly sells or shares the personal information of consumers under 16 (`sharing.sale.minors`)',
            path: sale ? ['sharing', 'sale'] : ['sharing'],
          },
        ];
      return sale.minors && !addresses(policy, 'children')
        ? [
            {
              message:
                'The policy says the personal information of consumers under 16 is sold or shared (`sharing.sale.minors: true`), but does not describe how they, or their parents, consent to it: it has no `children` section',
              path: ['sharing', 'sale', 'minors'],
            },
          ]
        : [];
    },
  },
  {
    id: 'ccpa-request-verification',
    pack: 'ccpa',
    severity: 'error',
    title: 'The policy describes how requests to know, delete and correct are verified',
    explanation:
      'A CCPA privacy policy must give a general description of the process the business uses to verify a consumer’s request to know, delete or correct, including any information the consumer must provide. policyc reads `rights.exercising.verification`, or a custom section declaring `user-access` that speaks of verifying requests.',
    reference: 'Cal. Civ. Code § 1798.130; Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Add `rights.exercising.verification`: how the business verifies a request (for example `We ask you to confirm the e-mail address of your account, and for a request for specific pieces of information a signed declaration.`).',
    appliesFrom: regulationsDate,
    parts: ['rights'],
    check: ({ policy }) =>
      policy.rights?.exercising?.verification?.trim() || sectionSays(policy, /verif/i)
        ? []
        : [
            {
              message:
                'The policy does not describe how requests to know, delete and correct are verified (`rights.exercising.verification`)',
              path: ['rights'],
            },
          ],
  },
  {
    id: 'ccpa-authorised-agents',
    pack: 'ccpa',
    severity: 'error',
    title: 'The policy explains how an authorised agent can make a request for a consumer',
    explanation:
      'A consumer may have an authorised agent make requests on their behalf, and a CCPA privacy policy must give instructions on how an authorised agent can make a request. policyc reads `rights.exercising.authorisedAgents`, or a custom section declaring `user-access` that speaks of authorised agents.',
    reference: 'Cal. Civ. Code § 1798.130; Cal. Code Regs. tit. 11, § 7011(e)',
    fix: 'Add `rights.exercising.authorisedAgents`: how an authorised agent makes a request (for example `An authorised agent can submit a request through our request form with the consumer’s signed permission; we may ask the consumer to verify their identity with us.`).',
    appliesFrom: regulationsDate,
    parts: ['rights'],
    check: ({ policy }) =>
      policy.rights?.exercising?.authorisedAgents?.trim() || sectionSays(policy, /authori[sz]ed agent|\bagents?\b/i)
        ? []
        : [
            {
              message:
                'The policy does not explain how an authorised agent can make a request on a consumer’s behalf (`rights.exercising.authorisedAgents`)',
              path: ['rights'],
            },
          ],
  },
];
