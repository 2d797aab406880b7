import { markdownTable } from '../markdown/table.js';
import type { Policy } from '../model/policy.generated.js';
import { formatDuration } from './intl-format.js';
import { enumList, facts, inline, link, literal, markdownList } from './facts.js';
import type { ViewContext, Writer } from './section-views.js';
import { retentionView } from './collection-details.js';

/** The cookie section: the cookie table (written by remark on a Markdown page), the categories, the other technologies. */
export function cookiesDetails({ policy, doc, writer, label, plain }: ViewContext): Record<string, unknown> {
  const cookies = policy.cookies!;
  const items = cookies.items ?? [];
  return {
    consent: doc.cookies!.consent && { ...doc.cookies!.consent, modelLabel: label('consentModel', cookies.consent!.model) },
    hasCategory: items.some((cookie) => cookie.category),
    items: items.map((cookie, i) => ({
      ...doc.cookies!.items![i],
      anchor: `cookie-${cookie.id}`,
      // The provider, and who sets the cookie when that is a third party.
      providerLabel: inline(writer, providerText(cookie, writer)),
      lifetimeLabel: label('lifetime', cookie.lifetime),
      durationLabel: cookie.duration ? plain(formatDuration(cookie.duration, policy.locale)) : undefined,
      categoryLabel: label('cookieCategory', cookie.category),
    })),
    technologies: (cookies.technologies ?? []).map((technology, i) => ({
      ...doc.cookies!.technologies![i],
      anchor: `technology-${technology.id}`,
      name:
        technology.name === undefined
          ? inline(writer, literal(writer.enumText('technology', technology.type)))
          : doc.cookies!.technologies![i]!.name,
      facts: facts(writer, [
        ['type', writer.t('facts', 'type'), enumList(writer, 'technology', [technology.type])],
        ['provider', writer.t('facts', 'provider'), technology.provider],
        ['party', writer.t('facts', 'party'), enumList(writer, 'party', technology.party ? [technology.party] : undefined)],
        [
          'category',
          writer.t('facts', 'category'),
          enumList(writer, 'cookieCategory', technology.category ? [technology.category] : undefined),
        ],
        ['platforms', writer.t('facts', 'platforms'), enumList(writer, 'platform', technology.platforms)],
        ['retention', writer.t('facts', 'retention'), technology.retention && retentionView(technology.retention, writer).markdown],
        ['optOut', writer.t('facts', 'optOut'), technology.optOut],
        [
          'privacyPolicy',
          writer.t('facts', 'privacyPolicy'),
          technology.privacyPolicy && link(technology.privacyPolicy, technology.privacyPolicy),
        ],
      ]),
    })),
    categories: (cookies.categories ?? []).map((category, i) => ({
      ...doc.cookies!.categories![i],
      anchor: `cookie-category-${category.id}`,
      title:
        category.title === undefined
          ? inline(writer, literal(writer.enumText('cookieCategory', category.category)))
          : doc.cookies!.categories![i]!.title,
      facts: facts(writer, [
        [
          'category',
          writer.t('facts', 'category'),
          category.title === undefined ? undefined : enumList(writer, 'cookieCategory', [category.category]),
        ],
        ['examples', writer.t('facts', 'examples'), markdownList(writer, category.examples ?? [])],
        ['optOut', writer.t('facts', 'optOut'), category.optOut],
        ['list', writer.t('facts', 'list'), category.listUrl && link(category.listUrl, category.listUrl)],
      ]),
    })),
    list: cookies.list && inline(writer, link(cookies.list.label ?? writer.t('cookies', 'list'), cookies.list.url)),
    // The Markdown page's table is written by remark from the cells, so no text can break its columns.
    table: writer.format.name === 'md' && items.length ? cookieTable(items, writer) : undefined,
  };
}

function cookieTable(items: NonNullable<NonNullable<Policy['cookies']>['items']>, writer: Writer): string {
  const withCategory = items.some((cookie) => cookie.category);
  const header = ['name', 'provider', 'purpose', 'lifetime', ...(withCategory ? ['category'] : [])].map((key) =>
    literal(writer.t('cookies', key)),
  );
  const rows = items.map((cookie) => [
    literal(cookie.name),
    providerText(cookie, writer),
    cookie.purpose,
    literal(writer.enumText('lifetime', cookie.lifetime)) +
      (cookie.duration ? ` (${literal(formatDuration(cookie.duration, writer.locale))})` : ''),
    ...(withCategory ? [cookie.category ? literal(writer.enumText('cookieCategory', cookie.category)) : ''] : []),
  ]);
  return markdownTable(
    header,
    rows,
    items.map((cookie) => `cookie-${cookie.id}`),
  );
}

/** Who provides a cookie as the table shows it: the provider with its party ("Meta (First party)"), else the party alone. */
function providerText(cookie: { provider?: string; party: string }, writer: Writer): string {
  const party = literal(writer.enumText('party', cookie.party));
  return cookie.provider === undefined ? party : `${cookie.provider} (${party})`;
}
