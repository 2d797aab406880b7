import { proseToPlainText } from '../markdown/prose.js';
import { historyPages, type HistoryLanguage } from '../render/history-pages.js';
import { changesIn, translationOf } from '../render/languages.js';
import { xmlWithoutForbidden } from '../text/control.js';
import type { Publishing } from './document.js';
import { atomFeed } from './feed.js';
import { noteIn } from './notes.js';
import { cachedRendering } from './page-key.js';
import type { SiteOutput } from './site.js';

/**
 * The versions list and changelog in the source's language and in each
 * language the document is translated into, each with its Atom feed, and `changes.json`.
 */
export function publishChangelog(p: Publishing, files: SiteOutput): void {
  const { id, releases, changeSets, locale } = p;
  const languages = [locale, ...p.locales].map((lang) => ({ lang, dir: lang === locale ? '' : `${lang}/` }));
  const rendered = languages.map(({ lang, dir }) => ({ dir, ...historyFiles(p, lang, languages) }));
  for (const pages of rendered) for (const [file, content] of pages.files) files.set(`${id}/${file}`, content);
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
  for (const { dir, feed } of rendered) if (feed !== undefined) files.set(`${id}/${dir}feed.xml`, feed);
}

/** The pages of one language's history and its feed, as rendered. */
interface HistoryFiles {
  files: [file: string, content: string][];
  feed?: string;
}

/**
 * The versions list, changelog, `CHANGELOG.md` and feed of one language,
 * cached. They are a function of what `historyIn` and `atomFeed` read: the
 * releases (their snapshots, manifest entries and notes), where each stands,
 * their changes (told in the language from the translations), the
 * translations, the title, the site's address and the build date (the feed
 * leaves out versions released after it); the key holds those rather than
 * the language's history, whose changes cost a Markdown parse per name to tell.
 */
function historyFiles(p: Publishing, lang: string, languages: HistoryLanguage['languages']): HistoryFiles {
  const render = (): HistoryFiles => {
    const history = historyIn(p, lang, languages);
    const feed = atomFeed(p, history);
    return {
      files: [...historyPages(history, p.renderer)],
      // Validation refuses controls; a snapshot released before it did may still hold one, which XML 1.0 forbids.
      ...(feed !== undefined ? { feed: xmlWithoutForbidden(feed) } : {}),
    };
  };
  const { id, locale, releases, statuses, changeSets, translations, title, baseUrl, latest, settings } = p;
  const parts = { id, lang, languages, locale, releases, statuses, changeSets, translations, title, baseUrl, latest, date: settings.date };
  return cachedRendering(p, 'versions-and-changelog', parts, render);
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
    notes: releases.map((r) => noteIn(doc, r, lang)),
  };
}
