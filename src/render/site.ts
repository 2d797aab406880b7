import Handlebars from 'handlebars';
import { cached, cachedJson, cacheKey, type Cache } from '../cache/cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import type { ChangeSet } from '../diff/types.js';
import { sha256 } from '../history/manifest.js';
import { releaseChanges } from '../history/release-changes.js';
import type { Release } from '../history/verify.js';
import { announcement, notificationFiles } from '../notify/announcement.js';
import { renderNotification } from '../notify/notification.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { xmlWithoutForbidden } from '../text/control.js';
import { changeGroups, changeHeadings, changesToHtml, changesToMarkdown } from './change-lists.js';
import { cookieTable, fragmentCss, renderFragment, renderSummary } from './extras.js';
import { changelogEntries, countSummary, historyPages, type HistoryLanguage, type Status } from './history-pages.js';
import { jsonLdScript, policyJsonLd } from './jsonld.js';
import { changesIn, languageAlternates, languageName, translatedLocales, translationOf } from './languages.js';
import { fill } from './messages.js';
import { escapeHtml, proseToPlainText } from './prose.js';
import { redline, wordsToHtml, type RedlineBlock } from './redline.js';
import type { PageContext, RenderedPolicy, Renderer } from './templates.js';
import { formatDate } from './view-model.js';

export { changesToHtml, changesToMarkdown } from './change-lists.js';

/** The files of a built site, by their path relative to the output folder: text, or bytes (assets are copied byte for byte). */
export type SiteFiles = Map<string, string | Uint8Array>;

/** Where a site's files go as they are rendered: a `SiteFiles` map, or a staged output folder (see `stageSite`). */
export interface SiteOutput {
  set(name: string, content: string | Uint8Array): unknown;
  has(name: string): boolean;
}

/** A document with its working model (when valid) and its released versions, oldest first. */
export interface VersionedDocument {
  id: string;
  working?: PolicyModel;
  releases: Release[];
  /** Valid translations: the version each renders, in its locale. */
  translations?: PublishedTranslation[];
  /** The valid working translation files (`policy/<id>.<locale>.yaml`), with the version each names: what `release` freezes. */
  workingTranslations?: { locale: string; version: string; file: string }[];
}

/** A valid translation of one version: frozen in the history, or the working translation file. */
export interface PublishedTranslation {
  locale: string;
  /** The version it translates. */
  version: string;
  /** The version's model with its texts translated. */
  model: PolicyModel;
  /** Display path of the file it was read from. */
  file?: string;
  /** Whether it was frozen into the history (else it is the working translation file). */
  frozen?: boolean;
}

/** What the site is built for. */
export interface SiteSettings {
  /** The date (YYYY-MM-DD) whose version in effect is the current one. */
  date: string;
  /** Publish working documents that differ from their latest release, under `draft/`. */
  drafts: boolean;
  /** Absolute URL where the output folder is published, for the feed and e-mails (default: the controller's website). */
  baseUrl?: string;
  /** The project's materiality overrides. */
  materiality?: MaterialityOverrides;
  /** Pages of released versions rendered by earlier builds, by what they were rendered from. */
  cache?: Cache;
}

/**
 * Render every document into the site's files. For a document with
 * releases: the version in effect (`<id>/index.html`, `.md`, `policy.json`),
 * every version at `v/<version>/`, the versions list, the changelog
 * (`changelog/`, `CHANGELOG.md`, `changes.json`), a redline per consecutive
 * pair at `compare/<from>...<to>/`, an Atom feed, and the notification e-mail
 * for the newest change. A document never released is published as it is.
 */
export function compileSite<T extends SiteOutput = SiteFiles>(
  documents: readonly VersionedDocument[],
  renderer: Renderer,
  settings: SiteSettings,
  files: T = new Map() as SiteOutput as T,
): { files: T; diagnostics: Diagnostic[] } {
  const listed: PolicyModel[] = [];
  for (const doc of documents) {
    const shown = doc.releases.length ? compileVersioned(doc, renderer, settings, files) : doc.working && compileUnreleased(doc.working, renderer, settings, files);
    if (shown) listed.push(shown);
  }
  const index = renderer.renderIndex(listed);
  if (index !== undefined) files.set('index.html', index);
  for (const [name, content] of renderer.assets) files.set(`assets/${name}`, content);
  // The embeddable fragment's stylesheet, every rule scoped under .policyc-policy.
  if (!files.has('assets/fragment.css')) files.set('assets/fragment.css', fragmentCss);
  return { files, diagnostics: [...renderer.diagnostics] };
}

function compileUnreleased(model: PolicyModel, renderer: Renderer, settings: SiteSettings, files: SiteOutput): PolicyModel | undefined {
  const baseUrl = ensureSlash(settings.baseUrl ?? model.policy.controller.website?.url ?? 'https://example.invalid/');
  const jsonLd = publishExtras(model, renderer, files, baseUrl);
  const page = renderer.renderPolicy(model, { root: '', jsonLd });
  if (!page) return undefined;
  const id = model.policy.id;
  files.set(`${id}/index.html`, page.html);
  files.set(`${id}/index.md`, page.markdown);
  files.set(`${id}/policy.json`, policyJson(model));
  return model;
}

/**
 * The machine-readable and embeddable forms of the version in effect: the
 * summary notice, the fragment, the cookie table (HTML and JSON) and the
 * JSON-LD (written as policy.jsonld, and returned for the page's head).
 */
function publishExtras(model: PolicyModel, renderer: Renderer, files: SiteOutput, baseUrl: string, cache?: { cache: Cache | undefined; digest: string }): Handlebars.SafeString {
  const id = model.policy.id;
  const render = () => {
    const out: Record<string, string> = {};
    const summary = renderSummary(model, renderer, { root: '' });
    if (summary !== undefined) out[`${id}/summary.html`] = summary;
    const fragment = renderFragment(model, renderer, { stylesheet: `${baseUrl}assets/fragment.css` });
    if (fragment !== undefined) out[`${id}/fragment.html`] = fragment;
    const cookies = cookieTable(model, renderer);
    if (cookies) {
      out[`${id}/cookies.html`] = cookies.html;
      out[`${id}/cookies.json`] = cookies.json;
    }
    const ld = policyJsonLd(model, { url: `${baseUrl}${id}/index.html`, messages: renderer.messages(model.policy.locale) });
    out[`${id}/policy.jsonld`] = `${JSON.stringify(ld, null, 2)}\n`;
    return { files: out, script: jsonLdScript(ld) };
  };
  const extras = cache ? cachedJson(cache.cache, () => cacheKey('extras', renderer.digest, cache.digest, baseUrl), render)! : render();
  for (const [file, content] of Object.entries(extras.files)) files.set(file, content);
  return new Handlebars.SafeString(extras.script);
}

function compileVersioned(doc: VersionedDocument, renderer: Renderer, settings: SiteSettings, files: SiteOutput): PolicyModel | undefined {
  const releases = doc.releases;
  const id = doc.id;
  const latest = releases[releases.length - 1]!;
  const t = renderer.messages(latest.model.policy.locale);
  const locale = latest.model.policy.locale;
  const status = (i: number): Status => {
    if (settings.date < releases[i]!.entry.effective) return 'upcoming';
    const next = releases[i + 1];
    return next && settings.date >= next.entry.effective ? 'superseded' : 'current';
  };
  const statuses = releases.map((_, i) => status(i));
  const currentIndex = Math.max(0, statuses.lastIndexOf('current'));
  const changeSets = releases.map((r, i) => (i === 0 ? undefined : releaseChanges(releases[i - 1]!, r, settings.materiality, settings.cache)));
  // A released version's page is a function of its snapshot, the templates and where the page sits: cached under all three.
  const policyPage = (model: PolicyModel, digest: () => string, context: PageContext): RenderedPolicy | undefined => {
    // Stored as the HTML's length, a newline, the HTML and the Markdown: pages are large, and JSON would escape every quote and newline.
    const stored = cached(settings.cache, () => cacheKey('policy-page', renderer.digest, digest(), context), () => {
      const page = renderer.renderPolicy(model, context);
      return page && `${page.html.length}\n${page.html}${page.markdown}`;
    });
    if (stored === undefined) return undefined;
    const newline = stored.indexOf('\n');
    const end = newline + 1 + Number(stored.slice(0, newline));
    return { html: stored.slice(newline + 1, end), markdown: stored.slice(end) };
  };
  const versionPage = (i: number, context: PageContext) => policyPage(releases[i]!.model, () => releases[i]!.entry.sha256, context);
  // A translated model has no file of its own to hash: its content is its identity.
  const translationPage = (tr: PublishedTranslation, context: PageContext) => policyPage(tr.model, () => contentDigest(tr.model), context);
  const title = proseToPlainText(latest.model.policy.title, 'text');
  const baseUrl = ensureSlash(settings.baseUrl ?? latest.model.policy.controller.website?.url ?? 'https://example.invalid/');
  const translations = doc.translations ?? [];
  const locales = translatedLocales(doc);

  /** The version bar of a page: where this version stands, links to its neighbours, any upcoming version, the versions list and changelog in the page's language. */
  const versionInfo = (i: number, root: string, isIndex: boolean, lang: string = locale) => {
    const t = renderer.messages(lang);
    const date = (iso: string) => formatDate(iso, lang);
    const r = releases[i]!;
    const next = releases[i + 1];
    const previous = releases[i - 1];
    const range = next ? `${t.versions?.from ?? 'from'} ${date(r.entry.effective)} ${t.versions?.until ?? 'until'} ${date(next.entry.effective)}` : `${t.versions?.from ?? 'from'} ${date(r.entry.effective)}`;
    const s = statuses[i]!;
    // The versions still to come, announced on the current version and on those to come; a superseded version's page points to its successor only (so a new release leaves old pages as they were).
    const upcoming = s === 'superseded' ? [] : releases.slice(i + 1).filter((_, k) => statuses[i + 1 + k] === 'upcoming');
    // A translation's pages are in its folder, one level below dist/<id>/: its versions list and changelog are one level less up.
    const own = lang === locale ? root : root.replace(/^\.\.\//, '');
    // Another version's page in the page's language when it is translated, else in the original.
    const translated = (version: string) => lang === locale || translations.some((tr) => tr.locale === lang && tr.version === version);
    const versionHref = (version: string, file = 'index.html') => `${translated(version) ? own : root}v/${version}/${file}`;
    return {
      version: r.entry.version,
      status: s,
      statusLabel: str(t.versions?.[s]),
      notice:
        s === 'superseded' && next
          ? fill(str(t.versions?.supersededNotice), { version: next.entry.version, effective: date(next.entry.effective) })
          : s === 'upcoming'
            ? fill(str(t.versions?.notYetInEffect), { effective: date(r.entry.effective) })
            : fill(str(t.versions?.thisVersion), { version: r.entry.version, range }),
      upcoming: upcoming.map((u) => ({
        text: fill(str(t.versions?.upcomingNotice), { version: u.entry.version, effective: date(u.entry.effective) }),
        href: versionHref(u.entry.version),
        mdHref: versionHref(u.entry.version, 'index.md'),
      })),
      links: {
        versions: `${own}versions/index.html`,
        changelog: `${own}changelog/index.html`,
        previous: previous ? versionHref(previous.entry.version) : undefined,
        next: next ? versionHref(next.entry.version) : undefined,
        compare: previous ? `${root}compare/${previous.entry.version}...${r.entry.version}/index.html` : undefined,
        permalink: isIndex ? versionHref(r.entry.version) : undefined,
      },
      mdLinks: {
        versions: `${own}versions/index.html`,
        changelog: `${own}CHANGELOG.md`,
        previous: previous ? versionHref(previous.entry.version, 'index.md') : undefined,
        next: next ? versionHref(next.entry.version, 'index.md') : undefined,
      },
      previousVersion: previous?.entry.version,
      nextVersion: next?.entry.version,
      // The language of a neighbour shown in the original, for its link's hreflang.
      previousLang: previous && !translated(previous.entry.version) ? locale : undefined,
      nextLang: next && !translated(next.entry.version) ? locale : undefined,
    };
  };

  /** The languages a version is published in, for hreflang links and the language switcher, as seen from a page `at` (a path from dist/<id>/). */
  const alternates = (i: number, at: string, isIndex: boolean, lang: string) => {
    const version = releases[i]!.entry.version;
    const languages = [{ lang: locale, dir: '' }, ...translations.filter((tr) => tr.version === version).map((tr) => ({ lang: tr.locale, dir: `${tr.locale}/` }))];
    return languageAlternates(at, isIndex ? 'index.html' : `v/${version}/index.html`, languages, lang);
  };

  const current = releases[currentIndex]!;
  const jsonLd = publishExtras(current.model, renderer, files, baseUrl, { cache: settings.cache, digest: current.entry.sha256 });
  const page = versionPage(currentIndex, { root: '', release: versionInfo(currentIndex, '', true), alternates: alternates(currentIndex, '', true, locale), jsonLd });
  if (page) {
    files.set(`${id}/index.html`, page.html);
    files.set(`${id}/index.md`, page.markdown);
  }
  files.set(`${id}/policy.json`, policyJson(current.model));

  const common = { lang: locale, t, title, id, assets: '', controller: latest.model.policy.controller };
  // The redline compares the pages without their version bars, which always differ; only their Markdown is needed, and only for pairs not cached.
  const bare = new Map<number, string | undefined>();
  const bareMarkdown = (i: number) => {
    if (!bare.has(i)) bare.set(i, renderer.renderMarkdown(releases[i]!.model, { root: '../../' }));
    return bare.get(i);
  };
  /** The redline of version i against the one before it. */
  const comparePage = (i: number) => {
    const r = releases[i]!;
    const from = releases[i - 1]!;
    const data = {
      ...common,
      assets: '../../../assets/',
      root: '../../',
      heading: fill(str(t.compare?.title), { title, from: from.entry.version, to: r.entry.version }),
      from: { version: from.entry.version, href: `../../v/${from.entry.version}/index.html` },
      to: { version: r.entry.version, href: `../../v/${r.entry.version}/index.html` },
    };
    const compare = cached(
      settings.cache,
      () => cacheKey('compare-page', renderer.digest, from.entry.sha256, r.entry.sha256, data),
      () => {
        const before = bareMarkdown(i - 1);
        const after = bareMarkdown(i);
        if (before === undefined || after === undefined) return undefined;
        return renderer.render('compare.html.hbs', { ...data, body: new Handlebars.SafeString(redlineHtml(redline(before, after))) });
      },
    );
    if (compare !== undefined) files.set(`${id}/compare/${from.entry.version}...${r.entry.version}/index.html`, compare);
    bare.delete(i - 1);
  };

  // One version at a time, its page then its redline: what is rendered for a version is dropped before the next.
  releases.forEach((r, i) => {
    const page = versionPage(i, { root: '../../', release: versionInfo(i, '../../', false), alternates: alternates(i, `v/${r.entry.version}`, false, locale) });
    if (page) {
      files.set(`${id}/v/${r.entry.version}/index.html`, page.html);
      files.set(`${id}/v/${r.entry.version}/index.md`, page.markdown);
    }
    if (i > 0) comparePage(i);
  });

  // Each translation renders the version it names, at <locale>/v/<version>/, and at <locale>/ when that version is the one in effect.
  for (const tr of translations) {
    const i = releases.findIndex((r) => r.entry.version === tr.version);
    if (i < 0) continue;
    const at = `${tr.locale}/v/${tr.version}`;
    const versionPage = translationPage(tr, { root: '../../../', release: versionInfo(i, '../../../', false, tr.locale), alternates: alternates(i, at, false, tr.locale) });
    if (versionPage) {
      files.set(`${id}/${at}/index.html`, versionPage.html);
      files.set(`${id}/${at}/index.md`, versionPage.markdown);
    }
    if (i === currentIndex) {
      const indexPage = translationPage(tr, { root: '../', release: versionInfo(i, '../', true, tr.locale), alternates: alternates(i, tr.locale, true, tr.locale) });
      if (indexPage) {
        files.set(`${id}/${tr.locale}/index.html`, indexPage.html);
        files.set(`${id}/${tr.locale}/index.md`, indexPage.markdown);
      }
    }
  }

  // A language whose translation does not cover the version in effect still gets <locale>/index.html. When a coming
  // version is translated, it is that version in full, saying first that the one in effect exists in the original only;
  // otherwise a page in that language saying so, linking to the version in effect and to the versions it has.
  for (const lang of locales) {
    if (files.has(`${id}/${lang}/index.html`)) continue;
    const tl = renderer.messages(lang);
    const sourceLanguage = languageName(locale, lang, false);
    const inEffect = {
      text: fill(str(tl.versions?.untranslated), { version: current.entry.version, language: sourceLanguage }),
      href: '../index.html',
      mdHref: '../index.md',
      lang: locale,
      label: fill(str(tl.versions?.readOriginal), { language: sourceLanguage }),
    };
    const coming = translations
      .filter((tr) => tr.locale === lang)
      .map((tr) => ({ tr, i: releases.findIndex((r) => r.entry.version === tr.version) }))
      .filter(({ i }) => i > currentIndex && statuses[i] === 'upcoming')
      .sort((a, b) => a.i - b.i)[0];
    if (coming) {
      const indexPage = translationPage(coming.tr, { root: '../', release: { ...versionInfo(coming.i, '../', true, lang), inEffect }, alternates: alternates(coming.i, lang, true, lang) });
      if (indexPage) {
        files.set(`${id}/${lang}/index.html`, indexPage.html);
        files.set(`${id}/${lang}/index.md`, indexPage.markdown);
        continue;
      }
    }
    const translatedTitle = proseToPlainText(translations.find((tr) => tr.locale === lang)!.model.policy.title, 'text');
    const html = renderer.render('untranslated.html.hbs', {
      lang,
      t: tl,
      assets: '../../assets/',
      heading: translatedTitle,
      message: inEffect.text,
      original: { href: inEffect.href, lang: locale, label: inEffect.label },
      alternates: [{ lang: locale, href: '../index.html' }],
      translated: translations
        .filter((tr) => tr.locale === lang)
        .map((tr) => ({ version: tr.version, href: `v/${tr.version}/index.html`, effective: { iso: tr.model.policy.effective, display: formatDate(tr.model.policy.effective, lang) } })),
    });
    if (html !== undefined) files.set(`${id}/${lang}/index.html`, html);
  }

  // The versions list and changelog in the source's language and in each language the document is translated into.
  const languages = [locale, ...locales].map((lang) => ({ lang, dir: lang === locale ? '' : `${lang}/` }));
  const histories = languages.map(({ lang }) => historyIn(lang, doc, { statuses, changeSets, title, languages }, renderer));
  for (const history of histories) for (const [file, content] of historyPages(history, renderer)) files.set(`${id}/${file}`, content);
  files.set(
    `${id}/changes.json`,
    `${JSON.stringify(
      releases
        .map((r, i) => ({ version: r.entry.version, effective: r.entry.effective, released: r.entry.released, changes: changeSets[i] ?? null }))
        .reverse(),
      null,
      2,
    )}\n`,
  );

  const feed = renderer.render('feed.xml.hbs', {
    ...common,
    feedId: tagUri(baseUrl, releases[0]!.entry.effective, id),
    self: `${baseUrl}${id}/feed.xml`,
    alternate: `${baseUrl}${id}/index.html`,
    updated: `${latest.entry.effective}T00:00:00Z`,
    author: proseToPlainText(latest.model.policy.controller.name, 'text'),
    entries: changelogEntries(histories[0]!).map((e) => ({
      id: tagUri(baseUrl, releases[0]!.entry.effective, `${id}/${e.version}`),
      title: `${title} ${e.version}`,
      link: `${baseUrl}${id}/${e.href}`,
      updated: `${e.effective.iso}T00:00:00Z`,
      summary: e.initial ? str(t.versions?.initial) : `${countSummary(changeSets[releases.findIndex((r) => r.entry.version === e.version)], t, locale)}. ${fill(str(t.email?.intro), { version: e.version, title, effective: e.effective.display, previous: e.previous ?? '' })}`,
      content: new Handlebars.SafeString(escapeHtml(changesToHtml(e, 3, changeHeadings(t)))),
    })),
  });
  // Validation refuses controls; a snapshot released before it did may still hold one, which XML 1.0 forbids.
  if (feed !== undefined) files.set(`${id}/feed.xml`, xmlWithoutForbidden(feed));

  for (const [file, content] of notificationsOf(doc, changeSets[releases.length - 1], [locale, ...locales], { baseUrl, renderer })) files.set(`${id}/${file}`, content);

  if (settings.drafts && doc.working) {
    const draftChanges = diffPolicies(latest.model.policy, doc.working.policy, { from: latest.entry.version, to: 'draft' }, settings.materiality);
    if (draftChanges.changes.length) {
      const groups = changeGroups(draftChanges);
      const draft = renderer.renderPolicy(doc.working, {
        root: '../',
        draft: {
          banner: fill(str(t.versions?.draftBanner), { version: latest.entry.version }),
          heading: fill(str(t.versions?.changes), { version: latest.entry.version }),
          changes: new Handlebars.SafeString(changesToHtml(groups, 3, changeHeadings(t))),
          changesMarkdown: changesToMarkdown(groups, changeHeadings(t)),
        },
      });
      if (draft) {
        files.set(`${id}/draft/index.html`, draft.html);
        files.set(`${id}/draft/index.md`, draft.markdown);
      }
    }
  }
  return current.model;
}

/**
 * What the versions list and changelog of one language show: the changes
 * told in it, its title (of the newest version translated into it), and
 * each version's page in it, else in the source's language.
 */
function historyIn(
  lang: string,
  doc: VersionedDocument,
  source: { statuses: Status[]; changeSets: (ChangeSet | undefined)[]; title: string; languages: HistoryLanguage['languages'] },
  renderer: Renderer,
): HistoryLanguage {
  const { releases } = doc;
  const own = lang === releases[releases.length - 1]!.model.policy.locale;
  const translated = releases.map((r) => (own ? undefined : translationOf(doc, lang, r.entry.version)));
  const newest = translated.filter((model) => model !== undefined).pop();
  const messages = renderer.messages(lang);
  return {
    id: doc.id,
    releases,
    statuses: source.statuses,
    changeSets: own ? source.changeSets : source.changeSets.map((set, i) => set && changesIn(lang, set, { from: releases[i - 1]!, to: releases[i]! }, doc, messages)),
    lang,
    dir: own ? '' : `${lang}/`,
    title: newest ? proseToPlainText(newest.policy.title, 'text') : source.title,
    pages: releases.map((r, i) =>
      own ? { path: `v/${r.entry.version}/index.html` } : translated[i] ? { path: `${lang}/v/${r.entry.version}/index.html` } : { path: `v/${r.entry.version}/index.html`, lang: r.model.policy.locale },
    ),
    languages: source.languages,
  };
}

/**
 * The notification e-mail for the newest change, in each language whose
 * translations cover the newest version, by path from `dist/<id>/`:
 * `notify/<from>...<to>/` for the source's language, `<locale>/notify/...`
 * for a translation. None before a second release.
 */
function notificationsOf(doc: VersionedDocument, changes: ChangeSet | undefined, langs: readonly string[], settings: { baseUrl: string; renderer: Renderer }): [string, string][] {
  const { releases } = doc;
  if (releases.length < 2 || !changes) return [];
  const pair = { from: releases[releases.length - 2]!, to: releases[releases.length - 1]! };
  const source = pair.to.model.policy.locale;
  return langs.flatMap((lang) => {
    const input = announcement(doc, pair, changes, { locale: lang, messages: settings.renderer.messages(lang), baseUrl: settings.baseUrl });
    const mail = input && renderNotification(input, settings.renderer);
    if (!mail) return [];
    const dir = `${lang === source ? '' : `${lang}/`}notify/${pair.from.entry.version}...${pair.to.entry.version}/`;
    return notificationFiles(mail).map(([name, content]): [string, string] => [`${dir}${name}`, content]);
  });
}

/** The redline as HTML blocks: headings one level down (the page has its own h1), list items grouped into lists. */
function redlineHtml(blocks: readonly RedlineBlock[]): string {
  const out: string[] = [];
  let inList = false;
  for (const b of blocks) {
    const isItem = b.kind === 'item' || b.kind === 'row';
    if (isItem && !inList) out.push('<ul class="redline-list">');
    if (!isItem && inList) out.push('</ul>');
    inList = isItem;
    const body = wordsToHtml(b.parts, escapeHtml);
    const cls = b.status === 'same' ? '' : ` class="${b.status}"`;
    if (b.kind === 'heading') {
      const level = Math.min(6, (b.level ?? 1) + 1);
      out.push(`<h${level}${cls}>${body}</h${level}>`);
    } else if (isItem) {
      out.push(`<li${cls}>${body}</li>`);
    } else {
      out.push(`<p${cls}>${body}</p>`);
    }
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

/** A hash of a model's content. */
function contentDigest(model: PolicyModel): string {
  return sha256(JSON.stringify(model.policy));
}

function policyJson(model: PolicyModel): string {
  return `${JSON.stringify(model.policy, null, 2)}\n`;
}

function ensureSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** A permanent, unique Atom id (RFC 4151 tag URI) from the site's host and the first release's date. */
function tagUri(baseUrl: string, date: string, specific: string): string {
  const host = /^https?:\/\/([^/:]+)/.exec(baseUrl)?.[1] ?? 'example.invalid';
  return `tag:${host},${date}:${specific}`;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
