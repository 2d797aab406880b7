import { proseToPlainText } from '../markdown/prose.js';
import { formatDate, separators } from './intl-format.js';
import { codeList, countryList, enumList, facts, inline, link, literal, markdownList, refs } from './facts.js';
import { recipientFeaturesKey } from './feature-label.js';
import type { ViewContext } from './section-views.js';

/** The sharing section: each recipient with its conditions and facts, and the statement about sale and sharing. */
export function sharingDetails(context: ViewContext): Record<string, unknown> {
  const { policy, doc, writer, label, categoryRefs } = context;
  const sharing = policy.sharing!;
  return {
    recipients: (sharing.recipients ?? []).map((recipient, i) => {
      const display = doc.sharing!.recipients![i]!;
      // The author's words where a condition has them, else the neutral label of its kind; nothing when none is stated.
      const conditions = markdownList(
        writer,
        (recipient.conditions ?? []).map((c) => c.text ?? literal(writer.enumText('condition', c.basis))),
        'disjunction',
      );
      return {
        ...display,
        anchor: `recipient-${recipient.id}`,
        typeLabel: label('recipientType', recipient.type),
        conditionLabel: conditions === undefined ? undefined : inline(writer, conditions),
        categories: categoryRefs(recipient.categories),
        examplesSeparators: separators(
          (recipient.examples ?? []).map((example) => proseToPlainText(example, 'text')),
          writer.semicolon,
        ),
        facts: facts(writer, [
          ['conditions', writer.t('facts', (recipient.conditions?.length ?? 0) > 1 ? 'conditions' : 'condition'), conditions],
          ['kind', writer.t('facts', 'kind'), enumList(writer, 'recipientType', recipient.type ? [recipient.type] : undefined)],
          ['role', writer.t('facts', 'role'), enumList(writer, 'recipientRole', recipient.role ? [recipient.role] : undefined)],
          ['countries', writer.t('facts', 'countries'), countryList(writer, recipient.countries)],
          ['purposes', writer.t('facts', 'purposes'), refs(writer, 'purpose', recipient.purposes, policy.purposes.items)],
          [
            'features',
            writer.t('facts', recipientFeaturesKey(recipient.features, policy.features?.items)),
            refs(writer, 'feature', recipient.features, policy.features?.items),
          ],
          ...(recipient.disclosures ?? []).map(
            (d) =>
              [
                d.kind,
                writer.t('facts', d.kind === 'business-purpose' ? 'businessPurpose' : d.kind),
                disclosureText(enumList(writer, 'ccpaCategory', d.categories), d.purpose),
              ] as const,
          ),
          ['since', writer.t('facts', 'since'), recipient.since && literal(formatDate(recipient.since, writer.locale))],
          ['hosts', writer.t('facts', 'hosts'), codeList(writer, recipient.hosts)],
          [
            'privacyPolicy',
            writer.t('facts', 'privacyPolicy'),
            recipient.privacyPolicy && link(recipient.privacyPolicy, recipient.privacyPolicy),
          ],
        ]),
      };
    }),
    sale: sharing.sale && {
      ...doc.sharing!.sale,
      facts: facts(writer, [
        ['sold', writer.t('facts', 'sold'), literal(writer.t('facts', sharing.sale.sold ? 'yes' : 'no'))],
        ['shared', writer.t('facts', 'shared'), literal(writer.t('facts', sharing.sale.shared ? 'yes' : 'no'))],
        ['categories', writer.t('facts', 'saleCategories'), enumList(writer, 'ccpaCategory', sharing.sale.categories)],
        [
          'minors',
          writer.t('facts', 'minors'),
          sharing.sale.minors === undefined ? undefined : literal(writer.t('facts', sharing.sale.minors ? 'yes' : 'no')),
        ],
        [
          'sensitive',
          writer.t('facts', 'sensitiveUse'),
          sharing.sale.sensitive === undefined ? undefined : literal(writer.t('facts', sharing.sale.sensitive ? 'yes' : 'no')),
        ],
        [
          'sensitiveInferences',
          writer.t('facts', 'sensitiveInferences'),
          sharing.sale.sensitiveInferences === undefined
            ? undefined
            : literal(writer.t('facts', sharing.sale.sensitiveInferences ? 'yes' : 'no')),
        ],
      ]),
      optOut: sharing.sale.optOutUrl && inline(writer, link(writer.t('sharing', 'optOut'), sharing.sale.optOutUrl)),
      limit: sharing.sale.limitUrl && inline(writer, link(writer.t('sharing', 'limit'), sharing.sale.limitUrl)),
    },
  };
}

/** A disclosure's categories with its purpose after them in brackets, so that the purpose is not read as one more category. */
function disclosureText(categories: string | undefined, purpose: string | undefined): string | undefined {
  if (categories === undefined) return purpose;
  return purpose === undefined ? categories : `${categories} (${purpose})`;
}
