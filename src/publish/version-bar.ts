import type { ReleaseEntry } from '../history/manifest.js';
import { fill, type Messages } from '../model/messages.js';
import type { Status } from '../render/history-pages.js';
import { languageAlternates, languageName, type Alternate } from '../render/languages.js';
import { formatDate } from '../render/view-model.js';

/** What the version bars of a document's pages are made from: its releases, where each stands, and the versions translated. */
export interface VersionBarSource {
  /** The releases, oldest first. */
  releases: readonly { entry: ReleaseEntry }[];
  /** Where each release stands on the build date. */
  statuses: readonly Status[];
  /** The source's language. */
  locale: string;
  /** The translations published: the version each renders, in its locale. */
  translations: readonly { locale: string; version: string }[];
}

/** Where a page sits: the version it shows (an index into the releases), its path up to `dist/<id>/`, whether it is the document's index, and its language. */
export interface PagePlace {
  index: number;
  root: string;
  isIndex: boolean;
  lang: string;
}

/**
 * The version bar of a page: where this version stands, links to its
 * neighbours, any upcoming version, the versions list and changelog in the
 * page's language (`messages` are that language's). A pure function of the
 * releases and the page's place.
 */
export function versionBar(source: VersionBarSource, place: PagePlace, messages: Messages) {
  const { releases, statuses, locale, translations } = source;
  const { index: i, root, isIndex, lang } = place;
  const t = messages;
  const date = (iso: string) => formatDate(iso, lang);
  const r = releases[i]!;
  const next = releases[i + 1];
  const previous = releases[i - 1];
  const range = next
    ? `${t.versions?.from ?? 'from'} ${date(r.entry.effective)} ${t.versions?.until ?? 'until'} ${date(next.entry.effective)}`
    : `${t.versions?.from ?? 'from'} ${date(r.entry.effective)}`;
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
    // The language of a page in the original, for its link's hreflang, and its name in the reader's language ("anglais"), for its text.
    previousLang: previous && !translated(previous.entry.version) ? locale : undefined,
    nextLang: next && !translated(next.entry.version) ? locale : undefined,
    ...originalMark(locale, lang),
  };
}

/** On a translation's page: the original's language for a link's hreflang to the redline (which exists in the original only), and its name in the page's language ("anglais") for the link's text. */
function originalMark(locale: string, lang: string): { compareLang?: string; originalLanguage?: string } {
  return lang === locale ? {} : { compareLang: locale, originalLanguage: languageName(locale, lang, false) };
}

/** A page's version bar (see `versionBar`). */
export type VersionBar = ReturnType<typeof versionBar>;

/** The languages a version is published in, for hreflang links and the language switcher, as seen from a page `at` (a path from dist/<id>/). */
export function versionAlternates(source: VersionBarSource, place: Omit<PagePlace, 'root'>, at: string, base?: string): Alternate[] {
  const { releases, locale, translations } = source;
  const version = releases[place.index]!.entry.version;
  const languages = [
    { lang: locale, dir: '' },
    ...translations.filter((tr) => tr.version === version).map((tr) => ({ lang: tr.locale, dir: `${tr.locale}/` })),
  ];
  return languageAlternates(at, place.isIndex ? 'index.html' : `v/${version}/index.html`, languages, place.lang, base);
}

/** A message that is a string, else ''. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
