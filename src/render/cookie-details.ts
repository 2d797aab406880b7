import { markdownCode } from '../markdown/escape.js';
import { markdownTable } from '../markdown/table.js';
import type { Policy } from '../model/policy.generated.js';
import { formatDuration } from './intl-format.js';
import { codeList, enumList, facts, inline, link, literal, markdownList } from './facts.js';
import type { ViewContext, Writer } from './section-views.js';
import { retentionView } from './collection-details.js';

/** The cookie section: the cookie table (written by remark on a Markdown page), the categories, the other technologies. */
export function cookiesDetails({ policy, doc, writer, label, plain }: ViewContext): Record<string, unknown> {
  const cookies = policy.cookies!;
  const items = cookies.items ?? [];
  return {
    consent: doc.cookies!.consent && { ...doc.cookies!.consent, modelLabel: label('consentModel', cookies.consent!.model) },
    hasCategory: items.some((cookie) => cookie.category),
    hasDomain: items.some((cookie) => cookie.domain),
    items: items.map((cookie, i) => ({
      ...doc.cookies!.items![i],
      anchor: `cookie-${cookie.id}`,
      // The provider, and who sets the cookie when that is a third party.
      providerLabel: inline(writer, providerText(cookie, writer)),
      lifetimeLabel: label('lifetime', cookie.lifetime),
      durationLabel: cookie.duration ? plain(formatDuration(cookie.duration, policy.locale)) : undefined,
      categoryLabel: label('cookieCategory', cookie.category),
      patternLabel: cookie.pattern === undefined ? undefined : inline(writer, patternText(cookie.pattern, writer)),
      domainLabel: cookie.domain === undefined ? undefined : plain(cookie.domain),
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
        ['keys', writer.t('facts', 'keys'), codeList(writer, technology.keys)],
        ['hosts', writer.t('facts', 'hosts'), codeList(writer, technology.hosts)],
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
  const withDomain = items.some((cookie) => cookie.domain);
  const header = ['name', 'provider', 'purpose', 'lifetime', ...(withCategory ? ['category'] : []), ...(withDomain ? ['domain'] : [])].map(
    (key) => literal(writer.t('cookies', key)),
  );
  const rows = items.map((cookie) => [
    literal(cookie.name) + (cookie.pattern === undefined ? '' : writer.semicolon + patternText(cookie.pattern, writer)),
    providerText(cookie, writer),
    cookie.purpose,
    literal(writer.enumText('lifetime', cookie.lifetime)) +
      (cookie.duration ? ` (${literal(formatDuration(cookie.duration, writer.locale))})` : ''),
    ...(withCategory ? [cookie.category ? literal(writer.enumText('cookieCategory', cookie.category)) : ''] : []),
    ...(withDomain ? [cookie.domain === undefined ? '' : literal(cookie.domain)] : []),
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

/**
 * A cookie's name pattern with what it matches in the locale's words: "`_ga_*` (names that begin with `_ga_`)";
 * a pattern with a `*` elsewhere is explained as a form.
 */
function patternText(pattern: string, writer: Writer): string {
  const parts = pattern.split('*');
  const [key, part] =
    parts.length === 2 && parts[0] && !parts[1]
      ? ['namesBeginning', parts[0]]
      : parts.length === 2 && !parts[0] && parts[1]
        ? ['namesEnding', parts[1]]
        : ['namesLike', ''];
  const words = writer
    .t('cookies', key)
    .split('{part}')
    .map(literal)
    .join(part && markdownCode(part));
  return `${markdownCode(pattern)} (${words})`;
}
