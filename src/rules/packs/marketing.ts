import type { Policy } from '../../model/policy.generated.js';
import type { Finding, Rule } from '../types.js';

/** The ePrivacy Directive's transposition deadline (Art. 17(1)); in the UK, PECR came into force on 11 December 2003. */
const ePrivacyDate = '2003-10-31';
const pecrDate = '2003-12-11';

/** The channels that are "electronic mail" (ePrivacy Art. 2(h)): e-mail and text messages. */
const electronicMail = ['email', 'sms'] as const;

/**
 * Audiences marketing may reach on an opt-out basis: existing customers (the
 * soft opt-in) and corporate subscribers, whom Art. 13(1) and reg. 22 do not
 * protect. Read in the audience's words.
 */
const optOutAudience = /\b(customers?|clients?|bought|purchased|business contacts?|corporate|companies)\b/i;

/** Whether e-mail marketing needs consent in the document's jurisdictions on `date`: the EU from 2003-10-31, the UK from 2003-12-11. */
function consentRequired(policy: Policy, date: string): boolean {
  const j = policy.jurisdictions ?? [];
  return (j.includes('eu') && date >= ePrivacyDate) || (j.includes('uk') && date >= pecrDate);
}

export const marketingRules: readonly Rule[] = [
  {
    id: 'marketing-email-consent',
    pack: 'marketing',
    severity: 'error',
    title: 'E-mail and text-message marketing to individuals is sent with their prior consent, opt-out only for existing customers',
    explanation:
      'Art. 13(1) of the ePrivacy Directive and, in the UK, reg. 22 of PECR allow direct marketing by electronic mail (e-mail and text messages) to individuals only with their prior consent. The one exception, the "soft opt-in" of Art. 13(2) and reg. 22(3), covers a business’s own existing customers, whose contact details it obtained in the course of a sale (or, in the UK, negotiations for a sale), for its own similar products or services, provided they were given a simple way to refuse when their details were collected and in every message. Marketing by e-mail or text "until the person objects" to everyone is therefore unlawful. policyc judges the marketing section’s `consents` where its `channels` include `email` or `sms`: an opt-out model whose `audience` is not existing customers (or corporate contacts, whom the rules do not protect) fires.',
    reference:
      'ePrivacy Directive 2002/58/EC Art. 13(1), 13(2) and 2(h), as amended by Directive 2009/136/EC; UK PECR 2003 reg. 22(2) and 22(3); ICO, Guidance on direct marketing using electronic mail',
    fix: 'Send e-mail and text marketing only to people who opted in (`model: opt-in`), and keep `model: opt-out` for an `audience` of existing customers who bought (or asked about) similar products or services and were offered a way to refuse when they gave their details and in every message.',
    appliesFrom: ePrivacyDate,
    check: ({ policy, date }): Finding[] => {
      const marketing = policy.marketing;
      if (!marketing || !consentRequired(policy, date)) return [];
      if (!marketing.channels?.some((c) => (electronicMail as readonly string[]).includes(c))) return [];
      const consents = marketing.consents ?? (marketing.consent ? [{ model: marketing.consent }] : []);
      return consents.flatMap((consent, i): Finding[] => {
        if (consent.model !== 'opt-out' || optOutAudience.test(consent.audience ?? '')) return [];
        const who = consent.audience?.trim() ? `to ${consent.audience.trim()}` : 'to everyone';
        return [
          {
            message: `E-mail or text marketing is sent ${who} until they object (opt-out), but without consent only existing customers may receive it (the soft opt-in)`,
            path: marketing.consents ? ['marketing', 'consents', i] : ['marketing', 'consent'],
          },
        ];
      });
    },
  },
];
