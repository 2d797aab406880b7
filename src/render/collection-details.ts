import type { Policy } from '../model/policy.generated.js';
import { formatDuration } from './intl-format.js';
import { enumList, facts, inline, literal, markdownList, refs } from './facts.js';
import type { ViewContext, Writer } from './section-views.js';

type Retention = NonNullable<Policy['collection']['categories'][number]['retention']>;

/** The collection section: its contexts, its categories with their facts, and what is not collected. */
export function collectionDetails({ policy, doc, writer, categoryRefs }: ViewContext): Record<string, unknown> {
  const categoryNames = policy.collection.categories.map((cat) => ({ id: cat.id, name: cat.label }));
  // A category that states no retention of its own is kept for the document's default one.
  const fallback = policy.retention?.default && retentionView(policy.retention.default, writer);
  return {
    contexts: (policy.collection.contexts ?? []).map((ctx, i) => ({
      ...doc.collection.contexts![i],
      anchor: `context-${ctx.id}`,
      categories: categoryRefs(ctx.categories),
      facts: facts(writer, [['categories', writer.t('facts', 'dataCollected'), refs(writer, 'category', ctx.categories, categoryNames)]]),
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
          ['specialCategoryConditions', writer.t('facts', 'specialCategoryConditions'), specialCategoryText(writer, cat)],
          ['retention', writer.t('facts', 'retention'), retention?.markdown],
          ['retentionDefault', writer.t('facts', 'retentionDefault'), retention ? undefined : fallback?.markdown],
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

/**
 * What lifts the ban on using special-category data (GDPR Art. 9(2)): the
 * conditions in the locale's words, then the author's own words for them (the
 * law relied on), after the locale's semicolon.
 */
function specialCategoryText(writer: Writer, category: Policy['collection']['categories'][number]): string | undefined {
  const conditions = enumList(writer, 'specialCategoryCondition', category.specialCategoryConditions);
  const parts = [conditions, category.specialCategoryBasis].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(writer.semicolon) : undefined;
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
 * How long data is kept, in the order it happens: its own words when it gives
 * them, else the period, the criteria or keeping with no end; then each stage
 * (its words, with its period and what happens in it); then what happens at
 * the end ("then deleted"). Parts are separated by commas, or by the locale's
 * semicolon when there are stages, whose words may have commas of their own.
 */
export function retentionView(retention: Retention, writer: Writer) {
  const lead = retention.description
    ? [retention.description]
    : [
        retention.period && literal(formatDuration(retention.period, writer.locale)),
        retention.criteria,
        retention.indefinite ? literal(writer.t('facts', 'indefinite')) : undefined,
      ];
  const stages = (retention.stages ?? []).map((stage) => stageMarkdown(stage, writer));
  // The author's own words for the whole retention say what happens at its end.
  const end = retention.end && !retention.description ? literal(writer.enumText('retentionEnd', retention.end)) : undefined;
  const main = lead.filter(Boolean).join(', ');
  const parts = [main, ...stages, end].filter((part): part is string => Boolean(part));
  const markdown = parts.length ? parts.join(stages.length ? writer.semicolon : ', ') : undefined;
  return {
    markdown,
    summary: markdown === undefined ? undefined : inline(writer, markdown),
    stages: stages.map((stage) => inline(writer, stage)),
  };
}

/** A stage in the author's words, with how long it lasts and what happens in it: "moved to the trash (30 days, in the trash)". */
function stageMarkdown(stage: NonNullable<Retention['stages']>[number], writer: Writer): string {
  const detail = [
    stage.period && literal(formatDuration(stage.period, writer.locale)),
    stage.action && literal(writer.enumText('retentionAction', stage.action)),
  ].filter(Boolean);
  return detail.length ? `${stage.description} (${detail.join(', ')})` : stage.description;
}
