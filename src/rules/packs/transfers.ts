import { enumLabel } from '../../model/labels.js';
import type { Policy } from '../../model/policy.generated.js';
import { ukClausesTransition } from '../clauses.js';
import { coverage, coverageDates } from '../coverage.js';
import { frameworkDates, frameworkOf, inForce, originsOf, type Origin, type Transfer } from '../frameworks.js';
import { list, mechanismName } from '../text.js';
import type { Finding, Rule } from '../types.js';

/** The region names a finding uses. */
const regionNames: Record<Origin, string> = { eu: 'the EU/EEA', uk: 'the UK', ch: 'Switzerland' };

/**
 * Words that make consent implied: given by using, visiting or continuing to
 * browse the site, or deemed given. Explicit consent is a separate statement
 * the person makes about the transfer.
 */
const impliedConsent =
  /\b(by (continuing to )?(using|use of|visiting|accessing|browsing|navigating)|(your )?continued (use|browsing)|(deemed|taken|assumed) to (have )?(consent|agree)\w*|implied consent|implicit(ly)? consent\w*)\b/i;

/** The days from which each origin's law asks for explicit consent to a transfer without safeguards: the GDPR (and the UK GDPR it continues), the revised Swiss FADP. */
const explicitConsentFrom: Record<Origin, string> = { eu: '2018-05-25', uk: '2018-05-25', ch: '2023-09-01' };

function eachTransfer(policy: Policy, check: (transfer: Transfer, index: number) => Finding[]): Finding[] {
  return (policy.transfers?.items ?? []).flatMap((transfer, index) => check(transfer, index));
}

/** The UK's clauses named in a transfer's words: the Addendum or the International Data Transfer Agreement. */
const ukClausesNamed = /\b(?:international data transfer (?:addendum|agreement)|IDTA)\b|\bUK addendum\b/i;

export const transferRules: readonly Rule[] = [
  {
    id: 'transfers-mechanism-invalid',
    pack: 'transfers',
    severity: 'error',
    title: 'A transfer relies on a framework that was not valid while the version is in force',
    explanation:
      'A transfer safeguard protects people only while it is legally valid. The EU-US Safe Harbor (Decision 2000/520/EC of 26 July 2000) ended with the CJEU’s Schrems I judgment (6 October 2015) and the Swiss-US Safe Harbor with the Swiss FDPIC’s statement of 22 October 2015; the EU-US Privacy Shield was adopted on 12 July 2016 and invalidated by Schrems II on 16 July 2020, the Swiss-US Privacy Shield ran from 12 April 2017 until the FDPIC found it inadequate on 8 September 2020; the EU-US Data Privacy Framework exists from 10 July 2023, its UK Extension from 12 October 2023 and the Swiss-US Data Privacy Framework from 15 September 2024. A policy that names a framework outside its validity misstates the legal basis of the transfer.',
    reference:
      'GDPR Art. 44-46; Commission Decision 2000/520/EC; CJEU C-362/14 (Schrems I), C-311/18 (Schrems II); Commission Implementing Decisions (EU) 2016/1250 and 2023/1795; UK Data Protection (Adequacy) (United States of America) Regulations 2023; Swiss Data Protection Ordinance Annex 1',
    fix: 'Rely on a safeguard valid while the version is in force: the data privacy framework of the data’s origin (with the recipient certified), standard contractual clauses, or binding corporate rules.',
    parts: ['transfers'],
    dates: frameworkDates,
    check: ({ policy, date }) =>
      eachTransfer(policy, (transfer, i) =>
        transfer.mechanisms.flatMap((mechanism, m) => {
          const framework = frameworkOf(mechanism);
          if (!framework || inForce(framework, date)) return [];
          const reason = framework.from && date < framework.from.date ? framework.from.reason : framework.until!.reason;
          return [
            {
              message: `The transfer \`${transfer.id}\` relies on the ${enumLabel('mechanism', mechanism)}, which was not valid on ${date}: ${reason}`,
              path: ['transfers', 'items', i, 'mechanisms', m],
            },
          ];
        }),
      ),
  },
  {
    id: 'transfers-origin-covered',
    pack: 'transfers',
    severity: 'error',
    title: 'A transfer’s mechanisms cover the data of every origin it carries',
    explanation:
      'Each data privacy framework covers data from its own origin only: the EU-US frameworks (Safe Harbor, Privacy Shield, the Data Privacy Framework) data from the EU and the EEA, the UK Extension to the EU-US Data Privacy Framework (the UK-US data bridge) data from the UK, the Swiss-US frameworks data from Switzerland. Contractual clauses too: the UK’s International Data Transfer Agreement (IDTA) and its Addendum to the European Commission’s standard contractual clauses, in force from 21 March 2022, cover UK data only; the 2021 standard contractual clauses adapted to Swiss law, which the Swiss FDPIC recognised on 27 August 2021, Swiss data only. The European Commission’s standard contractual clauses cover EU data, Swiss data as the FDPIC recognised them, and UK data until the end of the UK’s transition (judged by `transfers-uk-clauses`). A transfer of UK data relying on the EU-US framework alone, or of EU data on the Swiss-US framework or the IDTA alone, has no safeguard for that data. Until the end of the Brexit transition period (31 December 2020) UK data was EU data. A transfer’s origin is its `origin`, or else every region among the EU, the UK and Switzerland that the document declares in `jurisdictions`.',
    reference:
      'GDPR Art. 44-46; UK GDPR Art. 44-46, the Data Protection (Adequacy) (United States of America) Regulations 2023, and the International Data Transfer Agreement, Addendum and transitional provisions issued under s. 119A of the Data Protection Act 2018 (in force 21 March 2022); Swiss FADP Art. 16, Data Protection Ordinance Annex 1, and the FDPIC’s recognition of the standard contractual clauses of 27 August 2021; Commission Implementing Decisions (EU) 2021/914 and 2023/1795',
    fix: 'Add the mechanism that covers the uncovered origin (for UK data `uk-addendum` with the standard contractual clauses, `uk-idta`, or `uk-us-data-bridge`; for Swiss data `swiss-us-data-privacy-framework` or standard contractual clauses; for EU data `eu-us-data-privacy-framework` or standard contractual clauses), or set the transfer’s `origin` to the regions whose data it carries.',
    parts: ['transfers'],
    dates: coverageDates,
    check: ({ policy, date }) =>
      eachTransfer(policy, (transfer, i) => {
        const verdicts = originsOf(transfer, policy).map((origin) => ({
          origin,
          covers: transfer.mechanisms.map((m) => coverage(m, origin, date)),
        }));
        const uncovered = verdicts.filter((v) => !v.covers.includes(true));
        if (!uncovered.length) return [];
        const names = list(transfer.mechanisms.map((m) => `the ${mechanismName(m)}`));
        // Where a date decides it, the finding says which day and why.
        const reasons = [...new Set(uncovered.flatMap((v) => v.covers.flatMap((c) => (c !== true && c.reason ? [c.reason] : []))))];
        const when = reasons.length ? ` on ${date}: ${reasons.join('; ')}` : '';
        return [
          {
            message: `The transfer \`${transfer.id}\` carries data from ${list(uncovered.map((v) => regionNames[v.origin]))}, which is not covered by ${names}${when}`,
            path: ['transfers', 'items', i, 'mechanisms'],
          },
        ];
      }),
  },
  {
    id: 'transfers-uk-clauses',
    pack: 'transfers',
    severity: 'warning',
    title: 'A transfer of UK data on contractual clauses names the UK’s clauses, not the EU’s standard contractual clauses alone',
    explanation:
      'Since 21 March 2022 the UK’s clauses for transfers are the International Data Transfer Agreement (IDTA) and the International Data Transfer Addendum to the European Commission’s standard contractual clauses, issued under s. 119A of the Data Protection Act 2018. The Commission’s 2021 clauses (Decision (EU) 2021/914) never covered UK data without the Addendum; under the UK’s transitional provisions, contracts on the old clauses concluded by 21 September 2022 stayed valid until 21 March 2024. From that day a transfer of UK data that names only the standard contractual clauses does not say which UK safeguard protects that data. A warning, not an error: the value `standard-contractual-clauses` does not say which clauses were signed, so a transfer whose `description` names the UK’s Addendum or International Data Transfer Agreement passes (naming `uk-addendum` or `uk-idta` says it in the document’s data too). A transfer’s origin is its `origin`, or else the document’s `jurisdictions`.',
    reference:
      'UK GDPR Art. 13(1)(f) and 46; International Data Transfer Agreement, International Data Transfer Addendum and transitional provisions, issued under s. 119A of the Data Protection Act 2018 (in force 21 March 2022); Commission Implementing Decision (EU) 2021/914',
    fix: 'Add `uk-addendum` to a transfer on the European Commission’s standard contractual clauses that carries UK data (or `uk-idta` where the UK data travels under the IDTA), or set the transfer’s `origin` to the regions whose data it carries.',
    appliesFrom: ukClausesTransition.date,
    parts: ['transfers'],
    check: ({ policy, date }) =>
      eachTransfer(policy, (transfer, i) => {
        const m = transfer.mechanisms.indexOf('standard-contractual-clauses');
        if (m < 0 || !originsOf(transfer, policy).includes('uk')) return [];
        // Another mechanism that covers UK data (the UK's clauses, adequacy, binding corporate rules...) is the UK safeguard.
        if (transfer.mechanisms.some((other) => other !== 'standard-contractual-clauses' && coverage(other, 'uk', date) === true))
          return [];
        // The value cannot say which clauses were signed: a description naming the UK's clauses tells the reader.
        if (ukClausesNamed.test(`${transfer.description ?? ''} ${transfer.copy ?? ''}`)) return [];
        return [
          {
            message: `The transfer \`${transfer.id}\` carries data from the UK on the standard contractual clauses alone on ${date}: ${ukClausesTransition.reason}`,
            path: ['transfers', 'items', i, 'mechanisms', m],
          },
        ];
      }),
  },
  {
    id: 'transfers-consent-explicit',
    pack: 'transfers',
    severity: 'error',
    title: 'A transfer relying on consent relies on explicit consent, not on use of the site',
    explanation:
      'Without an adequacy decision or appropriate safeguards, a transfer may rely on the person’s consent only if they have explicitly consented to the proposed transfer after being informed of its possible risks (GDPR and UK GDPR Art. 49(1)(a); for data from Switzerland, revised FADP Art. 17(1)(a): express consent). Using or continuing to browse a website is not even the clear affirmative action of ordinary consent (GDPR Art. 4(11), Recital 32), let alone an express statement about the transfer; the EDPB reads the derogation restrictively. A transfer whose `derogation` says consent is given by using the site has no legal basis.',
    reference:
      'GDPR and UK GDPR Art. 49(1)(a), Art. 4(11), Recital 32; EDPB Guidelines 2/2018 on derogations of Article 49, section 2.1; Swiss FADP Art. 17(1)(a)',
    fix: 'Rely on a safeguard (standard contractual clauses, binding corporate rules, or the data privacy framework of the data’s origin), or on explicit consent: the person agrees to this transfer by a separate, express statement after being told of its risks, and `derogation` says so.',
    appliesFrom: explicitConsentFrom.eu,
    parts: ['transfers'],
    check: ({ policy, date }) =>
      eachTransfer(policy, (transfer, i) => {
        if (!transfer.mechanisms.includes('derogation') || !impliedConsent.test(transfer.derogation ?? '')) return [];
        const origins = originsOf(transfer, policy).filter((o) => date >= explicitConsentFrom[o]);
        if (!origins.length) return [];
        return [
          {
            message: `The transfer \`${transfer.id}\` relies on consent given by using the site ("${transfer.derogation!.trim()}"), which is not the explicit consent a transfer from ${list(origins.map((o) => regionNames[o]))} needs`,
            path: ['transfers', 'items', i, 'derogation'],
          },
        ];
      }),
  },
  {
    id: 'transfers-certification-stated',
    pack: 'transfers',
    severity: 'error',
    title: 'A transfer under a certification framework states the recipient’s participation and where to check it',
    explanation:
      'The U.S. frameworks cover only organisations that self-certify to the U.S. Department of Commerce: the Safe Harbor (from 26 July 2000; its organisations had to state in their published privacy policy that they adhered to its principles), the Privacy Shield (from 12 July 2016, and the Swiss-US one from 12 April 2017; its Notice principle required the policy to declare participation and link to the Privacy Shield List) and the Data Privacy Framework (EU from 10 July 2023, UK Extension from 12 October 2023, Swiss from 15 September 2024; the same Notice principle, with the Data Privacy Framework List). People can check a transfer only if the policy says the recipient participates and where to verify it. Each framework is judged while it could be relied on; afterwards `transfers-mechanism-invalid` reports it.',
    reference:
      'Commission Decision 2000/520/EC, Annex II (FAQ 6); Commission Implementing Decision (EU) 2016/1250, Annex II, Principle II.1(a)(i); Commission Implementing Decision (EU) 2023/1795, Annex I, Principle II.1(a)(i); GDPR Art. 13(1)(f)',
    fix: 'Add `certification` to the transfer: a `statement` that the recipient participates in (is certified under) the framework and the `url` of the framework’s list.',
    appliesFrom: '2000-07-26',
    parts: ['transfers'],
    dates: frameworkDates,
    check: ({ policy, date }) =>
      eachTransfer(policy, (transfer, i) => {
        if (transfer.certification?.statement?.trim()) return [];
        const current = transfer.mechanisms.filter((m) => {
          const framework = frameworkOf(m);
          return framework && inForce(framework, date);
        });
        if (!current.length) return [];
        const names = list(current.map((m) => `the ${enumLabel('mechanism', m)}`));
        const missing = transfer.certification
          ? 'does not state that the recipient participates'
          : "does not state the recipient's participation and where to check it";
        return [
          {
            message: `The transfer \`${transfer.id}\` relies on ${names} but ${missing}`,
            path: ['transfers', 'items', i],
          },
        ];
      }),
  },
];
