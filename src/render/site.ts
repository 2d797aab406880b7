import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostic.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import type { Change, ChangeSet, FieldChange } from '../diff/types.js';
import type { Release } from '../history/verify.js';
import { renderNotification } from '../notify/notification.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { escapeHtml, proseToHtml, proseToMarkdown, proseToPlainText } from './prose.js';
import { redline, wordsToHtml, type RedlineBlock } from './redline.js';
import type { Renderer } from './templates.js';
import { cookieTable, fragmentCss, renderFragment, renderSummary } from './extras.js';
import { jsonLdScript, policyJsonLd } from './jsonld.js';
import { formatDate } from './view-model.js';

/** The files of a built site, by their path relative to the output folder. */
export type SiteFiles = Map<string, string>;

/** A document with its working model (when valid) and its released versions, oldest first. */
export interface VersionedDocument {
  id: string;
  working?: PolicyModel;
  releases: Release[];
  /** Valid translations: the version each renders, in its locale. */
  translations?: { locale: string; version: string; model: PolicyModel }[];
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
}

/** Where a version stands on the build date. */
type Status = 'current' | 'upcoming' | 'superseded';

/**
 * Render every document into the site's files. For a document with
 * releases: the version in effect (`<id>/index.html`, `.md`, `policy.json`),
 * every version at `v/<version>/`, the versions list, the changelog
 * (`changelog/`, `CHANGELOG.md`, `changes.json`), a redline per consecutive
 * pair at `compare/<from>...<to>/`, an Atom feed, and the notification e-mail
 * for the newest change. A document never released is published as it is.
 */
export function compileSite(documents: readonly VersionedDocument[], renderer: Renderer, settings: SiteSettings): { files: SiteFiles; diagnostics: Diagnostic[] } {
  const files: SiteFiles = new Map();
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

function compileUnreleased(model: PolicyModel, renderer: Renderer, settings: SiteSettings, files: SiteFiles): PolicyModel | undefined {
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
function publishExtras(model: PolicyModel, renderer: Renderer, files: SiteFiles, baseUrl: string): Handlebars.SafeString {
  const id = model.policy.id;
  const summary = renderSummary(model, renderer, { root: '' });
  if (summary !== undefined) files.set(`${id}/summary.html`, summary);
  const fragment = renderFragment(model, renderer, { stylesheet: `${baseUrl}assets/fragment.css` });
  if (fragment !== undefined) files.set(`${id}/fragment.html`, fragment);
  const cookies = cookieTable(model, renderer);
  if (cookies) {
    files.set(`${id}/cookies.html`, cookies.html);
    files.set(`${id}/cookies.json`, cookies.json);
  }
  const ld = policyJsonLd(model, { url: `${baseUrl}${id}/index.html`, messages: renderer.messages(model.policy.locale) });
  files.set(`${id}/policy.jsonld`, `${JSON.stringify(ld, null, 2)}\n`);
  return new Handlebars.SafeString(jsonLdScript(ld));
}

function compileVersioned(doc: VersionedDocument, renderer: Renderer, settings: SiteSettings, files: SiteFiles): PolicyModel | undefined {
  const releases = doc.releases;
  const id = doc.id;
  const latest = releases[releases.length - 1]!;
  const t = renderer.messages(latest.model.policy.locale);
  const locale = latest.model.policy.locale;
  const date = (iso: string) => formatDate(iso, locale);
  const status = (i: number): Status => {
    if (settings.date < releases[i]!.entry.effective) return 'upcoming';
    const next = releases[i + 1];
    return next && settings.date >= next.entry.effective ? 'superseded' : 'current';
  };
  const currentIndex = Math.max(0, releases.map((_, i) => status(i)).lastIndexOf('current'));
  const changeSets = releases.map((r, i) => (i === 0 ? undefined : diffPolicies(releases[i - 1]!.model.policy, r.model.policy, undefined, settings.materiality)));
  const title = proseToPlainText(latest.model.policy.title, 'text');
  const fill = (template: string | undefined, values: Record<string, string>) =>
    (template ?? '').replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  const baseUrl = ensureSlash(settings.baseUrl ?? latest.model.policy.controller.website?.url ?? 'https://example.invalid/');

  /** The version bar of a page: where this version stands, links to its neighbours, any upcoming version. */
  const versionInfo = (i: number, root: string, isIndex: boolean, lang: string = locale) => {
    const t = renderer.messages(lang);
    const date = (iso: string) => formatDate(iso, lang);
    const r = releases[i]!;
    const next = releases[i + 1];
    const previous = releases[i - 1];
    const range = next ? `${t.versions?.from ?? 'from'} ${date(r.entry.effective)} ${t.versions?.until ?? 'until'} ${date(next.entry.effective)}` : `${t.versions?.from ?? 'from'} ${date(r.entry.effective)}`;
    const s = status(i);
    const upcoming = releases.slice(i + 1).filter((_, k) => status(i + 1 + k) === 'upcoming');
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
        href: `${root}v/${u.entry.version}/index.html`,
        mdHref: `${root}v/${u.entry.version}/index.md`,
      })),
      links: {
        versions: `${root}versions/index.html`,
        changelog: `${root}changelog/index.html`,
        previous: previous ? `${root}v/${previous.entry.version}/index.html` : undefined,
        next: next ? `${root}v/${next.entry.version}/index.html` : undefined,
        compare: previous ? `${root}compare/${previous.entry.version}...${r.entry.version}/index.html` : undefined,
        permalink: isIndex ? `${root}v/${r.entry.version}/index.html` : undefined,
      },
      mdLinks: {
        versions: `${root}versions/index.html`,
        changelog: `${root}CHANGELOG.md`,
        previous: previous ? `${root}v/${previous.entry.version}/index.md` : undefined,
        next: next ? `${root}v/${next.entry.version}/index.md` : undefined,
      },
      previousVersion: previous?.entry.version,
      nextVersion: next?.entry.version,
    };
  };

  const translations = doc.translations ?? [];
  /** The languages a version is published in, for hreflang links and the language switcher, as seen from a page `at` (a path from dist/<id>/). */
  const alternates = (i: number, at: string, isIndex: boolean, lang: string) => {
    const version = releases[i]!.entry.version;
    const up = at ? at.split('/').filter(Boolean).map(() => '../').join('') : '';
    const target = (prefix: string) => `${up}${prefix}${isIndex ? 'index.html' : `v/${version}/index.html`}`;
    const all = [{ locale, href: target('') }, ...translations.filter((tr) => tr.version === version).map((tr) => ({ locale: tr.locale, href: target(`${tr.locale}/`) }))];
    return all.length < 2 ? [] : all.map((a) => ({ lang: a.locale, href: a.href, mdHref: a.href.replace(/\.html$/, '.md'), label: languageName(a.locale), current: a.locale === lang }));
  };

  const current = releases[currentIndex]!;
  const jsonLd = publishExtras(current.model, renderer, files, baseUrl);
  const page = renderer.renderPolicy(current.model, { root: '', release: versionInfo(currentIndex, '', true), alternates: alternates(currentIndex, '', true, locale), jsonLd });
  if (page) {
    files.set(`${id}/index.html`, page.html);
    files.set(`${id}/index.md`, page.markdown);
  }
  files.set(`${id}/policy.json`, policyJson(current.model));

  const markdownOf = new Map<number, string>();
  releases.forEach((r, i) => {
    const versionPage = renderer.renderPolicy(r.model, { root: '../../', release: versionInfo(i, '../../', false), alternates: alternates(i, `v/${r.entry.version}`, false, locale) });
    if (!versionPage) return;
    files.set(`${id}/v/${r.entry.version}/index.html`, versionPage.html);
    files.set(`${id}/v/${r.entry.version}/index.md`, versionPage.markdown);
    // The redline compares the pages without their version bars, which always differ; only their Markdown is needed.
    const bare = renderer.renderMarkdown(r.model, { root: '../../' });
    if (bare !== undefined) markdownOf.set(i, bare);
  });

  // Each translation renders the version it names, at <locale>/v/<version>/, and at <locale>/ when that version is the one in effect.
  for (const tr of translations) {
    const i = releases.findIndex((r) => r.entry.version === tr.version);
    if (i < 0) continue;
    const at = `${tr.locale}/v/${tr.version}`;
    const versionPage = renderer.renderPolicy(tr.model, { root: '../../../', release: versionInfo(i, '../../../', false, tr.locale), alternates: alternates(i, at, false, tr.locale) });
    if (versionPage) {
      files.set(`${id}/${at}/index.html`, versionPage.html);
      files.set(`${id}/${at}/index.md`, versionPage.markdown);
    }
    if (i === currentIndex) {
      const indexPage = renderer.renderPolicy(tr.model, { root: '../', release: versionInfo(i, '../', true, tr.locale), alternates: alternates(i, tr.locale, true, tr.locale) });
      if (indexPage) {
        files.set(`${id}/${tr.locale}/index.html`, indexPage.html);
        files.set(`${id}/${tr.locale}/index.md`, indexPage.markdown);
      }
    }
  }

  // A language whose translation does not cover the version in effect still gets <locale>/index.html:
  // a page in that language saying so, linking to the version in effect and to the versions it has.
  for (const lang of [...new Set(translations.map((tr) => tr.locale))]) {
    if (files.has(`${id}/${lang}/index.html`)) continue;
    const tl = renderer.messages(lang);
    const translatedTitle = proseToPlainText(translations.find((tr) => tr.locale === lang)!.model.policy.title, 'text');
    const sourceLanguage = languageName(locale, lang, false);
    const fillIn = (template: unknown, values: Record<string, string>) => fill(typeof template === 'string' ? template : '', values);
    const html = renderer.render('untranslated.html.hbs', {
      lang,
      t: tl,
      assets: '../../assets/',
      heading: translatedTitle,
      message: fillIn(tl.versions?.untranslated, { version: current.entry.version, language: sourceLanguage }),
      original: { href: '../index.html', lang: locale, label: fillIn(tl.versions?.readOriginal, { language: sourceLanguage }) },
      alternates: [{ lang: locale, href: '../index.html' }],
      translated: translations
        .filter((tr) => tr.locale === lang)
        .map((tr) => ({ version: tr.version, href: `v/${tr.version}/index.html`, effective: { iso: tr.model.policy.effective, display: formatDate(tr.model.policy.effective, lang) } })),
    });
    if (html !== undefined) files.set(`${id}/${lang}/index.html`, html);
  }

  const common = { lang: locale, t, title, id, assets: '', controller: latest.model.policy.controller };
  const summaryOf = (set: ChangeSet | undefined) => {
    if (!set) return str(t.versions?.initial);
    const material = set.changes.filter((c) => c.material).length;
    return `${set.changes.length} ${set.changes.length === 1 ? 'change' : 'changes'}, ${material} material`;
  };
  const versionRows = releases
    .map((r, i) => ({
      version: r.entry.version,
      anchor: versionAnchor(r.entry.version),
      href: `../v/${r.entry.version}/index.html`,
      effective: { iso: r.entry.effective, display: date(r.entry.effective) },
      until: releases[i + 1] ? { iso: releases[i + 1]!.entry.effective, display: date(releases[i + 1]!.entry.effective) } : undefined,
      status: status(i),
      statusLabel: str(t.versions?.[status(i)]),
      summary: summaryOf(changeSets[i]),
      changelogHref: changeSets[i] ? `../changelog/index.html#${versionAnchor(r.entry.version)}` : undefined,
    }))
    .reverse();
  const versionsPage = renderer.render('versions.html.hbs', {
    ...common,
    assets: '../../assets/',
    root: '../',
    heading: fill(str(t.versions?.title), { title }),
    versions: versionRows,
  });
  if (versionsPage !== undefined) files.set(`${id}/versions/index.html`, versionsPage);

  const entries = releases
    .map((r, i) => ({ r, i, set: changeSets[i] }))
    .reverse()
    .map(({ r, i, set }) => ({
      version: r.entry.version,
      anchor: versionAnchor(r.entry.version),
      effective: { iso: r.entry.effective, display: date(r.entry.effective) },
      released: r.entry.released,
      previous: releases[i - 1]?.entry.version,
      href: `v/${r.entry.version}/index.html`,
      compareHref: set ? `compare/${releases[i - 1]!.entry.version}...${r.entry.version}/index.html` : undefined,
      initial: !set,
      material: set?.material ?? false,
      ...changeViews(set),
    }));
  const changelogHtml = renderer.render('changelog.html.hbs', {
    ...common,
    assets: '../../assets/',
    root: '../',
    heading: fill(str(t.changelog?.title), { title }),
    // The change lists are HTML built here from escaped parts: hand them over as safe, or Handlebars escapes them again.
    entries: entries.map((e) => ({ ...e, changesHtml: new Handlebars.SafeString(htmlChanges(e).changesHtml), href: `../${e.href}`, compareHref: e.compareHref && `../${e.compareHref}` })),
  });
  if (changelogHtml !== undefined) files.set(`${id}/changelog/index.html`, changelogHtml);
  const changelogMd = renderer.render('changelog.md.hbs', {
    ...common,
    heading: fill(str(t.changelog?.title), { title }),
    entries: entries.map((e) => ({ ...e, ...markdownChanges(e), href: e.href.replace(/index\.html$/, 'index.md') })),
  });
  if (changelogMd !== undefined) files.set(`${id}/CHANGELOG.md`, changelogMd);
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

  releases.forEach((r, i) => {
    if (i === 0) return;
    const from = releases[i - 1]!;
    const before = markdownOf.get(i - 1);
    const after = markdownOf.get(i);
    if (before === undefined || after === undefined) return;
    const compare = renderer.render('compare.html.hbs', {
      ...common,
      assets: '../../../assets/',
      root: '../../',
      heading: fill(str(t.compare?.title), { title, from: from.entry.version, to: r.entry.version }),
      from: { version: from.entry.version, href: `../../v/${from.entry.version}/index.html` },
      to: { version: r.entry.version, href: `../../v/${r.entry.version}/index.html` },
      body: new Handlebars.SafeString(redlineHtml(redline(before, after))),
    });
    if (compare !== undefined) files.set(`${id}/compare/${from.entry.version}...${r.entry.version}/index.html`, compare);
  });

  const feed = renderer.render('feed.xml.hbs', {
    ...common,
    feedId: tagUri(baseUrl, releases[0]!.entry.effective, id),
    self: `${baseUrl}${id}/feed.xml`,
    alternate: `${baseUrl}${id}/index.html`,
    updated: `${latest.entry.effective}T00:00:00Z`,
    author: proseToPlainText(latest.model.policy.controller.name, 'text'),
    entries: entries.map((e) => ({
      id: tagUri(baseUrl, releases[0]!.entry.effective, `${id}/${e.version}`),
      title: `${title} ${e.version}`,
      link: `${baseUrl}${id}/${e.href}`,
      updated: `${e.effective.iso}T00:00:00Z`,
      summary: e.initial ? str(t.versions?.initial) : `${summaryOf(changeSets[releases.findIndex((r) => r.entry.version === e.version)])}. ${fill(str(t.email?.intro), { version: e.version, title, effective: e.effective.display, previous: e.previous ?? '' })}`,
      content: new Handlebars.SafeString(escapeHtml(htmlChanges(e).changesHtml)),
    })),
  });
  if (feed !== undefined) files.set(`${id}/feed.xml`, feed);

  if (releases.length > 1) {
    const previous = releases[releases.length - 2]!;
    const set = changeSets[releases.length - 1]!;
    const pair = `${previous.entry.version}...${latest.entry.version}`;
    const mail = renderNotification(
      {
        model: latest.model,
        previous: { version: previous.entry.version, effective: previous.entry.effective },
        next: { version: latest.entry.version, effective: latest.entry.effective },
        changes: set,
        links: {
          policy: `${baseUrl}${id}/v/${latest.entry.version}/index.html`,
          redline: `${baseUrl}${id}/compare/${pair}/index.html`,
          changelog: `${baseUrl}${id}/changelog/index.html`,
        },
      },
      renderer,
    );
    if (mail) {
      files.set(`${id}/notify/${pair}/subject.txt`, `${mail.subject}\n`);
      files.set(`${id}/notify/${pair}/email.html`, mail.html);
      files.set(`${id}/notify/${pair}/email.txt`, mail.text);
      files.set(`${id}/notify/${pair}/email.eml`, mail.eml);
    }
  }

  if (settings.drafts && doc.working) {
    const draftChanges = diffPolicies(latest.model.policy, doc.working.policy, { from: latest.entry.version, to: 'draft' }, settings.materiality);
    if (draftChanges.changes.length) {
      const views = htmlChanges(changeViews(draftChanges));
      const draft = renderer.renderPolicy(doc.working, {
        root: '../',
        draft: {
          banner: fill(str(t.versions?.draftBanner), { version: latest.entry.version }),
          heading: fill(str(t.versions?.changes), { version: latest.entry.version }),
          changes: new Handlebars.SafeString(views.changesHtml),
          changesMarkdown: markdownChanges(changeViews(draftChanges)).changesMarkdown,
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

/** Changes split for display: material first. */
function changeViews(set: ChangeSet | undefined): { materialChanges: Change[]; editorialChanges: Change[] } {
  return {
    materialChanges: set?.changes.filter((c) => c.material) ?? [],
    editorialChanges: set?.changes.filter((c) => !c.material) ?? [],
  };
}

/** A change set as HTML lists: summaries, rule ids, and the word-level detail of each changed field. */
export function changesToHtml(groups: { materialChanges: Change[]; editorialChanges: Change[] }, headingLevel = 3): string {
  const list = (changes: Change[], heading: string, className: string) =>
    changes.length
      ? `<h${headingLevel}>${escapeHtml(heading)}</h${headingLevel}>\n<ul class="changes ${className}">\n${changes.map((c) => `<li>${changeHtml(c)}</li>`).join('\n')}\n</ul>\n`
      : '';
  return list(groups.materialChanges, 'Material changes', 'material') + list(groups.editorialChanges, 'Editorial changes', 'editorial');
}

function changeHtml(change: Change): string {
  const detail = (change.fields ?? []).filter((f) => f.words || isScalar(f.before) || isScalar(f.after));
  const fields = detail.length
    ? `\n<ul class="fields">${detail.map((f) => `<li><code>${escapeHtml(f.field)}</code>: ${fieldHtml(f)}</li>`).join('')}</ul>`
    : '';
  return `${proseToHtml(change.summary, 'text')} <span class="rule">(${escapeHtml(change.rule)})</span>${fields}`;
}

function fieldHtml(f: FieldChange): string {
  if (f.words) return wordsToHtml(f.words, escapeHtml);
  const show = (v: unknown) => escapeHtml(Array.isArray(v) ? v.join(', ') : String(v));
  return `${f.before !== undefined ? `<del>${show(f.before)}</del>` : ''}${f.before !== undefined && f.after !== undefined ? ' → ' : ''}${f.after !== undefined ? `<ins>${show(f.after)}</ins>` : ''}`;
}

function htmlChanges(groups: { materialChanges: Change[]; editorialChanges: Change[] }) {
  return { changesHtml: changesToHtml(groups) };
}

/** A change set as Markdown lists, material first, for CHANGELOG.md and pull requests. */
export function changesToMarkdown(groups: { materialChanges: Change[]; editorialChanges: Change[] }): string {
  const list = (changes: Change[], heading: string) =>
    changes.length ? `#### ${heading}\n\n${changes.map((c) => `- ${proseToMarkdown(c.summary, 'text')} (\`${c.rule}\`)`).join('\n')}\n\n` : '';
  return list(groups.materialChanges, 'Material changes') + list(groups.editorialChanges, 'Editorial changes');
}

function markdownChanges(groups: { materialChanges: Change[]; editorialChanges: Change[] }) {
  return { changesMarkdown: changesToMarkdown(groups) };
}

function isScalar(v: unknown): boolean {
  return v !== undefined && (typeof v !== 'object' || Array.isArray(v));
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

/** A language's name in that language ("Français", "English") for the language switcher, or in another (`anglais`). */
function languageName(locale: string, inLanguage?: string, capitalised = true): string {
  // The language alone ("English", not "British English"): a reader picks a language, not a region.
  const language = locale.split('-')[0] ?? locale;
  const reader = inLanguage ?? language;
  try {
    const name = new Intl.DisplayNames([reader], { type: 'language' }).of(language) ?? locale;
    return capitalised ? name.charAt(0).toLocaleUpperCase(reader) + name.slice(1) : name;
  } catch {
    return locale;
  }
}

/** A version's anchor: `v-2-0-0` (dots are not valid in every id-consuming tool). */
function versionAnchor(version: string): string {
  return `v-${version.replace(/\./g, '-')}`;
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
