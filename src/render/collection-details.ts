import type { Policy } from '../model/policy.generated.js';
import { formatDuration } from './intl-format.js';
import { enumList, facts, inline, literal, markdownList, refs } from './facts.js';
import type { ViewContext, Writer } from './section-views.js';

type Retention = NonNullable<Policy['collection']['categories'][number]['retention']>;

/** The collection section: its contexts, its categories with their facts, and what is not collected. */
export function collectionDetails({ policy, doc, writer, categoryRefs }: ViewContext): Record<string, unknown> {
  return {
    contexts: (policy.collection.contexts ?? []).map((ctx, i) => ({
      ...doc.collection.contexts![i],
      anchor: `context-${ctx.id}`,
      categories: categoryRefs(ctx.categories),
    })),
    categories: policy.collection.categories.map((cat, i) => {
      const retention = cat.retention && retentionView(cat.retention, writer);
      return {
        ...doc.collection.categories[i],
        anchor: `category-${cat.id}`,
        sourceLabel: inline(writer, sourcesText(writer, cat.sources) ?? ''),
        retention: retention?.summary,
        retentionStages: retention?.stages,
        facts: facts(writer, [
          ['sources', writer.t('facts', 'sources'), sourcesText(writer, cat.sources)],
          ['elements', writer.t('facts', 'elements'), markdownList(writer, cat.elements ?? [])],
          ['ccpaCategories', writer.t('facts', 'ccpaCategories'), enumList(writer, 'ccpaCategory', cat.ccpaCategories)],
          ['platforms', writer.t('facts', 'platforms'), enumList(writer, 'platform', cat.platforms)],
          ['usedFor', writer.t('facts', 'usedFor'), refs(writer, 'purpose', cat.purposes, policy.purposes.items)],
          ['retention', writer.t('facts', 'retention'), retention?.markdown],
        ]),
      };
    }),
    notCollected: (policy.collection.notCollected ?? []).map((item, i) => ({
      ...doc.collection.notCollected![i],
      anchor: `not-collected-${item.id}`,
      facts: facts(writer, [
        [
          'ccpaCategories',
          writer.t('facts', 'ccpaCategories'),
          enumList(writer, 'ccpaCategory', item.ccpaCategory ? [item.ccpaCategory] : undefined),
        ],
      ]),
    })),
  };
}

/** Where a category's data comes from: each source's kind, and its name where the document gives one. */
function sourcesText(writer: Writer, sources: Policy['collection']['categories'][number]['sources']): string | undefined {
  return markdownList(
    writer,
    (sources ?? []).map((source) => {
      const kind = literal(writer.enumText('source', source.type));
      const named = [source.name, source.description].filter(Boolean).join(', ');
      return named ? `${kind} (${named})` : kind;
    }),
  );
}

/**
 * How long data is kept, as the document says it: its own words when it gives
 * them; else the period, the criteria, indefinite keeping and what happens at
 * the end; and the stages of deletion, each in the document's words.
 */
export function retentionView(retention: Retention, writer: Writer) {
  const parts = retention.description
    ? [retention.description]
    : [
        retention.period && literal(formatDuration(retention.period, writer.locale)),
        retention.criteria,
        retention.indefinite ? literal(writer.t('facts', 'indefinite')) : undefined,
        retention.end && literal(writer.enumText('retentionEnd', retention.end)),
      ];
  const markdown = parts.filter(Boolean).join(', ') || undefined;
  const stages = (retention.stages ?? []).map((stage) =>
    inline(writer, stage.period ? `${stage.description} (${literal(formatDuration(stage.period, writer.locale))})` : stage.description),
  );
  const withStages = stages.length
    ? [markdown, ...(retention.stages ?? []).map((stage) => stage.description)].filter(Boolean).join('; ')
    : markdown;
  return { markdown: withStages, summary: withStages === undefined ? undefined : inline(writer, withStages), stages };
}
