import Handlebars from 'handlebars';
import { escapeHtml } from '../markdown/escape.js';
import { proseToPlainText } from '../markdown/prose.js';
import { fill } from '../model/messages.js';
import { changeHeadings, changesToHtml } from '../render/change-lists.js';
import { changelogEntries, countSummary, historyPages, type HistoryLanguage } from '../render/history-pages.js';
import { changesIn, translationOf } from '../render/languages.js';
import { xmlWithoutForbidden } from '../text/control.js';
import type { Publishing } from './document.js';
import type { SiteOutput } from './site.js';
import { str } from './version-bar.js';

/**
 * The versions list and changelog in the source's language and in each
 * language the document is translated into, `changes.json` and the Atom feed.
 */
export function publishChangelog(p: Publishing, files: SiteOutput): void {
  const { id, releases, changeSets, locale } = p;
  const languages = [locale, ...p.locales].map((lang) => ({ lang, dir: lang === locale ? '' : `${lang}/` }));
  const histories = languages.map(({ lang }) => historyIn(p, lang, languages));
  for (const history of histories) for (const [file, content] of historyPages(history, p.renderer)) files.set(`${id}/${file}`, content);
  files.set(
    `${id}/changes.json`,
    `${JSON.stringify(
      releases
        .map((r, i) => ({
          version: r.entry.version,
          effective: r.entry.effective,
          released: r.entry.released,
          ...(r.entry.releasedBy !== undefined ? { releasedBy: r.entry.releasedBy } : {}),
          ...(r.entry.approvedBy !== undefined ? { approvedBy: r.entry.approvedBy } : {}),
          changes: changeSets[i] ?? null,
        }))
        .reverse(),
      null,
      2,
    )}\n`,
  );
  const feed = atomFeed(p, histories[0]!);
  // Validation refuses controls; a snapshot released before it did may still hold one, which XML 1.0 forbids.
  if (feed !== undefined) files.set(`${id}/feed.xml`, xmlWithoutForbidden(feed));
}

/**
 * The Atom feed of the changelog in the source's language. Each entry is
 * dated the day its version was released and announced (`published` and
 * `updated`: the manifest's `released`), and a version released after the
 * build date is left out: a feed never dates an entry in the future.
 */
function atomFeed(p: Publishing, history: HistoryLanguage): string | undefined {
  const { id, releases, changeSets, latest, baseUrl, title, t, locale } = p;
  const entries = changelogEntries(history).filter((e) => e.released <= p.settings.date);
  const stamp = (date: string) => `${date}T00:00:00Z`;
  return p.renderer.render('feed.xml.hbs', {
    lang: locale,
    t,
    title,
    id,
    assets: '',
    controller: latest.model.policy.controller,
    feedId: tagUri(baseUrl, releases[0]!.entry.effective, id),
    self: `${baseUrl}${id}/feed.xml`,
    alternate: `${baseUrl}${id}/index.html`,
    // The newest announcement shown (entries come newest first); the build date when none is announced yet.
    updated: stamp(entries[0]?.released ?? p.settings.date),
    author: proseToPlainText(latest.model.policy.controller.name, 'text'),
    entries: entries.map((e) => ({
      id: tagUri(baseUrl, releases[0]!.entry.effective, `${id}/${e.version}`),
      title: `${title} ${e.version}`,
      link: `${baseUrl}${id}/${e.href}`,
      published: stamp(e.released),
      updated: stamp(e.released),
      summary: e.initial
        ? str(t.versions?.initial)
        : `${countSummary(changeSets[releases.findIndex((r) => r.entry.version === e.version)], t, locale)}. ${fill(str(t.email?.intro), { version: e.version, title, effective: e.effective.display, previous: e.previous ?? '' })}`,
      content: new Handlebars.SafeString(
        escapeHtml(e.initial ? `<p>${escapeHtml(str(t.versions?.initial))}</p>` : changesToHtml(e, 3, changeHeadings(t))),
      ),
    })),
  });
}

/**
 * What the versions list and changelog of one language show: the changes
 * told in it, its title (of the newest version translated into it), and
 * each version's page in it, else in the source's language.
 */
function historyIn(p: Publishing, lang: string, languages: HistoryLanguage['languages']): HistoryLanguage {
  const { doc, releases } = p;
  const own = lang === p.locale;
  const translated = releases.map((r) => (own ? undefined : translationOf(doc, lang, r.entry.version)));
  const newest = translated.filter((model) => model !== undefined).pop();
  const messages = p.renderer.messages(lang);
  return {
    id: doc.id,
    releases,
    statuses: p.statuses,
    changeSets: own
      ? p.changeSets
      : p.changeSets.map((set, i) => set && changesIn(lang, set, { from: releases[i - 1]!, to: releases[i]! }, doc, messages)),
    lang,
    dir: own ? '' : `${lang}/`,
    base: `${p.baseUrl}${doc.id}/`,
    title: newest ? proseToPlainText(newest.policy.title, 'text') : p.title,
    pages: releases.map((r, i) =>
      own
        ? { path: `v/${r.entry.version}/index.html` }
        : translated[i]
          ? { path: `${lang}/v/${r.entry.version}/index.html` }
          : { path: `v/${r.entry.version}/index.html`, lang: r.model.policy.locale },
    ),
    languages,
  };
}

/** A permanent, unique Atom id (RFC 4151 tag URI) from the site's host and the first release's date. */
function tagUri(baseUrl: string, date: string, specific: string): string {
  const host = /^https?:\/\/([^/:]+)/.exec(baseUrl)?.[1] ?? 'example.invalid';
  return `tag:${host},${date}:${specific}`;
}
