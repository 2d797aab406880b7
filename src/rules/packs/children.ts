import type { Policy } from '../../model/policy.generated.js';
import { declares } from '../practices.js';
import { retentionStatement } from '../retention-criteria.js';
import type { Finding, Jurisdiction, Rule } from '../types.js';

/**
 * The COPPA Rule as amended in 2013 (78 FR 3972, 17 January 2013), in force
 * 1 July 2013, numbers the online notice 312.4(d).
 */
const coppaDate = '2013-07-01';

/**
 * The COPPA Rule as amended on 22 April 2025 (90 FR 16918), in force 23 June
 * 2025: operators had until 22 April 2026 to comply (the earlier dates of
 * 312.11(d)(1), (d)(4) and (g) bind safe harbor programs only).
 */
const coppa2025Date = '2026-04-22';

/** The GDPR applies from 25 May 2018, and so does the UK's age of 13 (Data Protection Act 2018 s.9). */
const gdprDate = '2018-05-25';

/** The Age Appropriate Design Code came into force on 2 September 2020 with twelve months to conform. */
const aadcDate = '2021-09-02';

/** COPPA protects children under 13 (15 U.S.C. 6501(1)). */
const coppaAge = 13;

/** The age of digital consent: 16 under GDPR Art. 8(1) (member states may lower it, not below 13); 13 in the UK. */
const consentAge = { eu: 16, uk: 13 } as const;

/** The AADC protects children: everyone under 18. */
const aadcAge = 18;

/** The lowest age any member state may set under Art. 8(1). */
const lowestConsentAge = 13;

const declaresAny = (policy: Policy, test: (j: Jurisdiction) => boolean) => (policy.jurisdictions ?? []).some(test);

/** A US jurisdiction: federal (`us`) or a state's (`us-ca`, ...); COPPA is federal law and applies in every one. */
const isUs = (j: Jurisdiction) => j === 'us' || j.startsWith('us-');

/**
 * Whether the document says children younger than `age` use the service: it
 * is directed to children, it declares a minimum age below `age`, or it
 * knowingly collects data of children under a minimum age no higher than
 * `age`. A document that says nothing about children is not judged.
 */
function servesUnder(policy: Policy, age: number): boolean {
  const c = policy.children;
  if (!c) return false;
  if (c.directed) return true;
  if (c.minimumAge !== undefined && c.minimumAge < age) return true;
  return Boolean(c.knowinglyCollects && (c.minimumAge ?? age) <= age);
}

/** How the document describes the children it serves, for messages. */
function who(policy: Policy): string {
  const c = policy.children!;
  if (c.directed) return 'The service is directed to children (`children.directed`)';
  if (c.knowinglyCollects) return 'Data of children is knowingly collected (`children.knowinglyCollects`)';
  return `The service is open from age ${c.minimumAge} (\`children.minimumAge\`)`;
}

export const childrenRules: readonly Rule[] = [
  {
    id: 'children-coppa-consent',
    pack: 'children',
    severity: 'error',
    title: 'A service for children under 13 in the US describes verifiable parental consent',
    explanation:
      'An operator of a website or online service directed to children under 13, or with actual knowledge that it collects personal information from them, must obtain verifiable parental consent before collecting, using or disclosing it (16 CFR 312.5), and its online notice must describe what it collects from children, how it uses it and its disclosure practices (312.4(d)(2)). The policy must say how parents give consent, for every child under 13. The amendments published on 22 April 2025 (compliance from 22 April 2026) add separate consent for disclosures to third parties.',
    reference: 'COPPA Rule, 16 CFR 312.4(d)(2) and 312.5',
    fix: 'Add `children.parentalConsent` with a `description` of how a parent gives verifiable consent and what is collected from children, and `age: 13` (or higher).',
    appliesFrom: coppaDate,
    parts: ['children'],
    check: ({ policy }) => {
      if (!declaresAny(policy, isUs) || !servesUnder(policy, coppaAge)) return [];
      const consent = policy.children!.parentalConsent;
      if (!consent)
        return [
          { message: `${who(policy)}, but the policy does not describe how parents of children under 13 give consent`, path: ['children'] },
        ];
      if (consent.age !== undefined && consent.age < coppaAge)
        return [
          {
            message: `Parental consent is asked only under age ${consent.age} (\`children.parentalConsent.age\`), but COPPA requires it for every child under 13`,
            path: ['children', 'parentalConsent', 'age'],
            hint: 'Set `children.parentalConsent.age` to 13 or higher.',
          },
        ];
      return [];
    },
  },
  {
    id: 'children-coppa-parent-rights',
    pack: 'children',
    severity: 'error',
    title: 'A service for children under 13 in the US tells parents where to review, delete and refuse further collection',
    explanation:
      'The online notice must state that a parent can review the personal information collected from their child, have it deleted, and refuse to permit its further collection or use, and the procedures for doing so (16 CFR 312.4(d)(3)); the operator must give parents those means on request (312.6). A contact for parents (`children.contact`) is where the procedure starts.',
    reference: 'COPPA Rule, 16 CFR 312.4(d)(3) and 312.6',
    fix: 'Add a contact with role `children` and reference it from `children.contact`, and say in `children.parentalConsent.description` that parents can review and delete their child’s information and refuse its further collection or use, and how.',
    appliesFrom: coppaDate,
    parts: ['children', 'contacts'],
    check: ({ policy }) =>
      declaresAny(policy, isUs) && servesUnder(policy, coppaAge) && !policy.children!.contact
        ? [
            {
              message: `${who(policy)}, but the policy gives parents no contact (\`children.contact\`) through which to review or delete their child’s information or refuse its further collection`,
              path: ['children'],
            },
          ]
        : [],
  },
  {
    id: 'children-coppa-retention',
    pack: 'children',
    severity: 'error',
    title: 'A service for children under 13 in the US sets out its retention policy for children’s data, with a timeframe for deletion',
    explanation:
      'Under 16 CFR 312.10 as amended on 22 April 2025 (compliance from 22 April 2026), an operator may keep personal information collected online from a child only as long as reasonably necessary for the specific purposes it was collected for, and never indefinitely; it must have a written data retention policy that sets out those purposes, the business need for keeping the information and a timeframe for deleting it, and must give that policy in the online notice (16 CFR 312.10, 312.4(d)). The rule asks for the children’s own retention (`children.retention`): the document’s retention of its data categories does not say what happens to data collected from children. A retention that says only “as long as necessary” names no timeframe.',
    reference: 'COPPA Rule, 16 CFR 312.10 and 312.4(d), as amended 22 April 2025 (90 FR 16918)',
    fix: 'Add `children.retention`: a `description` (or `criteria`) of why children’s information is kept and the business need for it, and when it is deleted: a `period` (`1 year`), `stages`, or criteria naming the event that ends the keeping (`deleted within 30 days after the account is closed`).',
    appliesFrom: coppa2025Date,
    parts: ['children'],
    check: ({ policy }) => {
      if (!declaresAny(policy, isUs) || !servesUnder(policy, coppaAge)) return [];
      const retention = policy.children!.retention;
      if (retention?.indefinite)
        return [
          {
            message:
              'Children’s personal information is kept with no end (`children.retention.indefinite`), but COPPA forbids keeping it indefinitely',
            path: ['children', 'retention', 'indefinite'],
            hint: 'Replace `indefinite` with a `period` or `stages` after which children’s information is deleted, or criteria naming the event that ends the keeping.',
          },
        ];
      const statement = retentionStatement(retention);
      if (statement.kind === 'missing')
        return [
          {
            message: `${who(policy)}, but the policy does not set out its retention policy for children’s personal information (\`children.retention\`)`,
            path: ['children'],
          },
        ];
      if (statement.kind === 'vague')
        return [
          {
            message: `Children’s personal information is kept “${statement.text}” (\`children.retention\`): that names no timeframe for deleting it`,
            path: ['children', 'retention'],
            hint: 'Give `children.retention` a `period` (`1 year`), or `criteria` naming the event that ends the keeping (`deleted within 30 days after the account is closed`).',
          },
        ];
      return [];
    },
  },
  {
    id: 'children-gdpr-parental-consent',
    pack: 'children',
    severity: 'error',
    title: 'A service offered to children below the age of digital consent and relying on consent describes parental consent',
    explanation:
      'Where an information society service is offered directly to a child and processing relies on consent, consent is lawful only from age 16, and below it only if given or authorised by the holder of parental responsibility, with reasonable efforts to verify it (GDPR Art. 8(1) and (2)). Member states may lower the age, not below 13; the UK set it at 13 (Data Protection Act 2018 s.9). A document for the EU as a whole serves member states that keep 16.',
    reference: 'GDPR and UK GDPR Art. 8; Data Protection Act 2018 s.9',
    fix: 'Add `children.parentalConsent` with a `description` of how a parent gives or authorises consent and how it is verified, and its `age` (16 for the EU unless every member state served set a lower age, not below 13; 13 for the UK); or raise `children.minimumAge` to the age of consent.',
    appliesFrom: gdprDate,
    parts: ['children', 'purposes'],
    check: ({ policy }) => {
      if (!policy.purposes.items.some((p) => p.legalBases?.includes('consent'))) return [];
      const out: Finding[] = [];
      for (const region of ['eu', 'uk'] as const) {
        if (!policy.jurisdictions?.includes(region) || !servesUnder(policy, consentAge[region])) continue;
        const consent = policy.children!.parentalConsent;
        const where = region === 'eu' ? 'the EU (16, or the lower age a member state sets)' : 'the UK (13)';
        if (!consent)
          out.push({
            message: `${who(policy)} and processing relies on consent, but the policy does not describe parental consent below the age of digital consent in ${where}`,
            path: ['children'],
          });
        else if (consent.age !== undefined && consent.age < lowestConsentAge)
          out.push({
            message: `Parental consent is asked only under age ${consent.age} (\`children.parentalConsent.age\`), below the age of digital consent in ${where}`,
            path: ['children', 'parentalConsent', 'age'],
            hint: `Set \`children.parentalConsent.age\` to ${consentAge[region]}${region === 'eu' ? ' (or the lower age, not below 13, every member state served sets)' : ''}.`,
          });
      }
      // One finding per place: the EU's and the UK's ages differ, but the fix at a place is one.
      return out.filter((f, i) => out.findIndex((g) => g.path.join('.') === f.path.join('.')) === i);
    },
  },
  {
    id: 'children-aadc-transparency',
    pack: 'children',
    severity: 'warning',
    title: 'A UK service likely to be accessed by children explains its privacy information in terms children understand',
    explanation:
      'The Age Appropriate Design Code (a statutory code under the Data Protection Act 2018 s.123) applies to online services likely to be accessed by children under 18 in the UK. Its transparency standard asks for privacy information that is concise, prominent and in clear language suited to the age of the child, with child-friendly explanations alongside the full notice. A policy shows one by a section written for young readers.',
    reference: 'ICO Age Appropriate Design Code, standard 4 (Transparency); UK GDPR Art. 12(1)',
    fix: 'Add a custom section written for young readers, in short sentences and plain words, that explains what data the service uses and why, and declare it with `practices: [children]`.',
    appliesFrom: aadcDate,
    parts: ['children'],
    check: ({ policy }) =>
      policy.jurisdictions?.includes('uk') && servesUnder(policy, aadcAge) && !declares(policy, 'children')
        ? [
            {
              message: `${who(policy)}, so children in the UK are likely to use it, but no section explains the policy to them (a custom section with \`practices: [children]\`)`,
              path: ['children'],
            },
          ]
        : [],
  },
];
