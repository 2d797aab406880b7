import { formatPath } from '../../load/positions.js';
import { eachString } from '../../model/fields.js';
import type { Policy } from '../../model/policy.generated.js';
import { reviewMarks } from '../../model/review-notes.js';
import { references } from '../../model/sections.js';
import { subprocessorNoticeProblems } from '../../diff/subprocessors.js';
import type { Finding, Rule } from '../types.js';

/** Text with nothing to read: only whitespace, punctuation or symbols (`.` or `-`; `TBD` is text). */
const blank = /^[\s\p{P}\p{S}]*$/u;

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The YYYY-MM-DD date `days` after `date`. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every contact id referenced anywhere in the document (a `contact`, the methods under the rights, a controller's `contacts`), as the references table lists them. */
function referencedContacts(policy: Policy): Set<string> {
  const ids = new Set<string>();
  const fields = new Set(
    references.filter((r) => r.to.join('.') === 'contacts.items').map((r) => r.from.filter((k) => k !== '*').join('.')),
  );
  eachString(policy, ({ path, value }) => {
    if (fields.has(path.filter((k) => typeof k === 'string').join('.'))) ids.add(value);
  });
  return ids;
}

/** Every telephone number of the document, with its path. */
function eachPhone(policy: Policy): { phone: string; path: (string | number)[] }[] {
  const out: { phone: string; path: (string | number)[] }[] = [];
  eachString(policy, ({ path, value }) => {
    if (path[path.length - 1] === 'phone') out.push({ phone: value, path });
  });
  return out;
}

/** How an empty prose field is named in a message: a custom section by its id, other fields by their path. */
function describeField(policy: Policy, path: readonly (string | number)[]): string {
  if (path[0] === 'sections' && typeof path[1] === 'number' && path[2] === 'body')
    return `The custom section \`${policy.sections?.[path[1]]?.id ?? path[1]}\` has no text: its \`body\``;
  return `The field \`${formatPath(path)}\` has no text: it`;
}

/** The hint for a contact nothing references, by its role. */
function contactHint(id: string, role: string): string {
  if (role === 'security') return `Add \`contact: ${id}\` to \`security\`, so that people know where to report a vulnerability.`;
  if (role === 'children') return `Add \`contact: ${id}\` to \`children\`, so that parents know where to write about their child's data.`;
  if (role === 'supervisory-authority')
    return `Add \`contact: ${id}\` to the \`complaint\` right, which tells people they can complain to the authority.`;
  return `Add \`contact: ${id}\` to the right or the marketing opt-out it is for, or remove the contact if it is no longer used.`;
}

const policyc = 'policyc document hygiene';

/**
 * Contacts listed for their own sake: the policy's general contact, and those
 * whose details Art. 13(1)(a) and (b) require the policy to give (the data
 * protection officer, the Art. 27 representative), referenced or not.
 */
const standalone: readonly string[] = ['general', 'dpo', 'representative'];

export const hygieneRules: readonly Rule[] = [
  {
    id: 'hygiene-category-unused',
    pack: 'hygiene',
    severity: 'warning',
    title: 'Every data category is used by a purpose',
    explanation:
      'Personal data may be collected only for specified purposes and only as far as they need it. A category of data that no purpose lists (nor any feature, whose data serves its purposes) is either collected without a stated purpose, or described in the policy although it is no longer collected; either way the policy does not tell people why that data is processed. The rule judges a policy once its purposes list their data; until then `hygiene-purpose-without-data` reports the missing mapping.',
    reference: 'GDPR Art. 5(1)(b) and (c), 13(1)(c), 14(1)(c)',
    fix: 'List the category in the `categories` of each purpose (or feature) that uses it, or remove the category if the data is no longer collected.',
    parts: ['collection', 'purposes'],
    check: ({ policy }) => {
      const used = new Set([
        ...policy.purposes.items.flatMap((p) => p.categories ?? []),
        ...policy.collection.categories.filter((c) => c.purposes?.length).map((c) => c.id),
        ...(policy.features?.items ?? []).flatMap((f) => f.categories ?? []),
      ]);
      // A policy whose purposes list no data at all does not map data to purposes:
      // `hygiene-purpose-without-data` says so once per purpose, and no category can be judged unused.
      if (!used.size) return [];
      return policy.collection.categories.flatMap((category, i): Finding[] =>
        used.has(category.id)
          ? []
          : [
              {
                message: `The data category \`${category.id}\` is collected but no purpose uses it`,
                path: ['collection', 'categories', i],
                hint: `Add \`${category.id}\` to the \`categories\` of the purposes that use it, or remove the category if the data is no longer collected.`,
              },
            ],
      );
    },
  },
  {
    id: 'hygiene-purpose-without-data',
    pack: 'hygiene',
    severity: 'warning',
    title: 'Every purpose lists the data it uses',
    explanation:
      'A policy has to tell people, for each purpose, what personal data is processed for it: a purpose with no data categories leaves them unable to tell which of their information is used for what, and hides whether the purpose needs data at all. The mapping may be written from either side: the purpose’s `categories`, a category’s `purposes`, or a feature listing both.',
    reference: 'GDPR Art. 5(1)(a) and (b), 13(1)(c), 14(1)(c) and (d)',
    fix: 'Add `categories` to the purpose: the ids of the data categories (under `collection.categories`) it uses.',
    parts: ['purposes', 'collection'],
    check: ({ policy }) =>
      policy.purposes.items.flatMap((purpose, i): Finding[] =>
        purpose.categories?.length ||
        policy.collection.categories.some((c) => c.purposes?.includes(purpose.id)) ||
        policy.features?.items.some((f) => f.purposes?.includes(purpose.id) && f.categories?.length)
          ? []
          : [{ message: `The purpose \`${purpose.id}\` does not list the data it uses`, path: ['purposes', 'items', i] }],
      ),
  },
  {
    id: 'hygiene-contact-unreferenced',
    pack: 'hygiene',
    severity: 'warning',
    title: 'Every contact is referenced where it is used',
    explanation:
      'Contacts are listed by role and referenced from the places where people need them: how to stop marketing, how to exercise each right, where to report a vulnerability (`security.contact`), where parents write (`children.contact`). A contact that nothing references is usually left over from an earlier version, or a channel the policy forgot to point people to. The contact with role `general` is the policy’s own contact and needs no reference; so are the data protection officer’s (`dpo`) and the Art. 27 representative’s (`representative`), whose contact details the policy must give in any case.',
    reference: `${policyc}; GDPR Art. 12(2), 13(1)(a) and (b), 14(1)(a) and (b)`,
    fix: 'Reference the contact with `contact: <id>` from the marketing opt-out, the rights, the security or the children section it serves, or remove it if it is no longer used.',
    // It reads the rights a parent states for their references; the parent's own contacts are the parent's to judge.
    parts: ['rights'],
    check: ({ policy }) => {
      const referenced = referencedContacts(policy);
      return policy.contacts.items.flatMap((contact, i): Finding[] =>
        standalone.includes(contact.role) || referenced.has(contact.id)
          ? []
          : [
              {
                message: `The contact \`${contact.id}\` is not referenced from the marketing opt-out or any right`,
                path: ['contacts', 'items', i],
                hint: contactHint(contact.id, contact.role),
              },
            ],
      );
    },
  },
  {
    id: 'hygiene-phone-national',
    pack: 'hygiene',
    severity: 'warning',
    title: 'Telephone numbers can be dialled from abroad',
    explanation:
      'A privacy policy is read by people in other countries, and its pages link each number for dialling (`tel:`). A number written in national form (`020 7946 0000`) cannot be dialled from abroad and its link dials the wrong place. Written in international form, with `+` and the country code, it works everywhere.',
    reference: `${policyc}; ITU-T E.164; GDPR Art. 12(1)`,
    fix: 'Write the number with `+` and its country code: `+44 20 7946 0000` for `020 7946 0000`.',
    check: ({ policy }) =>
      eachPhone(policy).flatMap(({ phone, path }): Finding[] =>
        phone.trim().startsWith('+')
          ? []
          : [{ message: `The telephone number \`${phone}\` is in national form: it cannot be dialled from abroad`, path }],
      ),
  },
  {
    id: 'hygiene-empty-section',
    pack: 'hygiene',
    severity: 'warning',
    title: 'No prose field or custom section is empty',
    explanation:
      'A prose field or custom section whose text is blank, or only punctuation such as `-` or `.`, is published as an empty paragraph or a heading with nothing under it. It is usually a placeholder left behind, and it makes the policy look unfinished to the people and regulators who read it.',
    reference: `${policyc}; GDPR Art. 12(1)`,
    fix: 'Write the text, or remove the field (or the custom section) if there is nothing to say.',
    check: ({ policy }) => {
      const out: Finding[] = [];
      eachString(policy, ({ path, value, kind }) => {
        if (kind !== 'prose' || !blank.test(value)) return;
        const shown = value.trim() ? `only \`${value.trim().slice(0, 20)}\`` : 'blank';
        out.push({ message: `${describeField(policy, path)} is ${shown}`, path: [...path] });
      });
      return out;
    },
  },
  {
    id: 'hygiene-effective-date-order',
    pack: 'hygiene',
    severity: 'warning',
    title: 'A version does not take effect before the version it replaces',
    explanation:
      'Versions of a policy follow each other in time: each applies from its effective date until the next one does. A version dated before the one it replaces makes the history say that the older text applied after the newer one, so nobody can tell which terms applied on a given day.',
    reference: `${policyc} (version history)`,
    fix: 'Set `effective` to a date on or after the previous version’s effective date.',
    check: ({ policy, previous }) => {
      if (!previous || policy.effective >= previous.policy.effective) return [];
      return [
        {
          message: `Version \`${policy.version}\` takes effect on ${policy.effective}, before version \`${previous.policy.version}\` it replaces (effective ${previous.policy.effective})`,
          path: ['effective'],
        },
      ];
    },
  },
  {
    id: 'hygiene-notice-period',
    pack: 'hygiene',
    severity: 'warning',
    title: 'A material change is released long enough before it takes effect',
    explanation:
      'People must be told of a material change to how their data is processed before it applies, early enough to object, withdraw consent or stop using the service. The transparency guidelines of the Article 29 Working Party (endorsed by the EDPB) ask for material changes to be communicated in advance; the project sets the notice it gives as `noticeDays` (30 days by default) between a version’s release and its effective date.',
    reference:
      'GDPR Art. 12(1), 13(3) and 14(4); Article 29 Working Party Guidelines on transparency (WP260 rev.01), “Timing of notification of changes to Article 13 and Article 14 information”',
    fix: 'Move `effective` later, so that the version takes effect at least the notice period after it is released.',
    check: ({ policy, release, changes, settings }) => {
      if (!release || !changes?.material) return [];
      const days = daysBetween(release.released, policy.effective);
      if (days >= settings.noticeDays) return [];
      const material = changes.changes.filter((c) => c.material);
      const when =
        days > 0
          ? `${days} day${days === 1 ? '' : 's'} after`
          : days === 0
            ? 'on the day of'
            : `${-days} day${days === -1 ? '' : 's'} before`;
      const listed =
        material
          .slice(0, 3)
          .map((c) => c.summary)
          .join(' ') + (material.length > 3 ? ` And ${material.length - 3} more.` : '');
      return [
        {
          message: `Version \`${policy.version}\` makes ${material.length} material change${material.length === 1 ? '' : 's'} but takes effect ${when} its release on ${release.released}; people need ${settings.noticeDays} days' notice`,
          path: ['effective'],
          hint: `Set \`effective\` to ${addDays(release.released, settings.noticeDays)} or later, ${settings.noticeDays} days after the release, so people are told before ${material.length === 1 ? 'the change applies' : 'the changes apply'}. ${material.length === 1 ? 'The material change' : 'The material changes'}: ${listed}`,
        },
      ];
    },
  },
  {
    id: 'hygiene-subprocessor-notice',
    pack: 'hygiene',
    severity: 'warning',
    title: 'A new subprocessor is announced the notice period before it starts',
    explanation:
      'A processor may engage another processor only with its customer’s authorisation, and under a general authorisation it must inform the customer of an intended addition or replacement so that the customer can object (GDPR Art. 28(2)); the other processor must be bound by contract to the same data protection obligations (Art. 28(4)). The Regulation sets no period; the contract does. A document that publishes its subprocessors (`sharing.subprocessors`) promises a notice period: a processor new since the last release must have a `since` date at least that long after the release announces it (for the working document: after today).',
    reference: 'GDPR Art. 28(2) and 28(4)',
    fix: 'Give the new processor a `since` date at least `sharing.subprocessors.notice` after its announcement, or release later.',
    check: ({ policy, previous, release, today }) => subprocessorNoticeProblems(previous?.policy, policy, release?.released ?? today),
  },
  {
    id: 'hygiene-marked-for-review',
    pack: 'hygiene',
    severity: 'warning',
    title: 'No entry is still marked for review',
    explanation:
      'An entry a tool wrote (such as a cookie `policyc scan --fix` declared from the Open Cookie Database) carries a `review` note until a person has checked it: its provider, purpose, category and duration are a guess from what other websites do, and the policy must say what this one does. `release` refuses a document with such a note, so that no guess is published.',
    reference: `${policyc} (entries written by a tool)`,
    fix: 'Check the entry against what the website does, correct it, then delete its `review` note.',
    check: ({ policy }) =>
      reviewMarks(policy).map((mark) => ({
        message: `Marked for review: ${mark.entry} (“${mark.note}”)`,
        path: mark.path,
        hint: `Check ${mark.entry} against what the website does, then delete its \`review\` note; \`release\` refuses a document with one.`,
      })),
  },
];
