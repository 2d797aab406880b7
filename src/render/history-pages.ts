import { posix } from 'node:path';
import Handlebars from 'handlebars';
import type { ChangeSet } from '../diff/types.js';
import type { Release } from '../history/verify.js';
import { changeGroups, changeHeadings, type ChangeGroups, changesToHtml, changesToMarkdown } from './change-lists.js';
import { languageAlternates, languageName } from './languages.js';
import { fill, plural, type Messages } from '../model/messages.js';
import type { Renderer } from './templates.js';
import { formatDate } from './view-model.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { normaliseMarkdown } from '../markdown/normalise.js';
import { proseToHtml, proseToMarkdown, proseToPlainText } from '../markdown/prose.js';

/** Where a version stands on the build date. */
export type Status = 'current' | 'upcoming' | 'superseded';

/** A version's page, as the versions list and changelog of one language link to it. */
export interface VersionPage {
  /** Path from `dist/<id>/` (`v/1.0.0/index.html`, `fr/v/2.0.0/index.html`). */
  path: string;
  /** The page's language, when it is not the list's (a version not translated into it). */
  lang?: string;
}

/** Everything the versions list and the changelog of one language need. */
export interface HistoryLanguage {
  id: string;
  releases: readonly Release[];
  /** Where each release stands on the build date. */
  statuses: readonly Status[];
  /** Each release's changes from the one before (undefined for the first), told in `lang`. */
  changeSets: readonly (ChangeSet | undefined)[];
  /** The language of the pages. */
  lang: string;
  /** The language's folder under `dist/<id>/`: `''` for the source's language, `fr/` for a translation. */
  dir: string;
  /** The document's title in that language, as plain text. */
  title: string;
  /** Each release's page in that language, else in the source's. */
  pages: readonly VersionPage[];
  /** Every language the versions list and changelog are published in, for hreflang links and the language switcher. */
  languages: readonly { lang: string; dir: string }[];
  /** The document's absolute address (`https://example.com/policies/privacy/`), for absolute hreflang links. */
  base?: string;
  /** Each release's note in that language (Markdown), else in the original's, with its language; undefined for a release without one. */
  notes?: readonly ({ text: string; lang?: string } | undefined)[];
}

/** A changelog entry: one release and its changes, with links from `dist/<id>/`. */
export interface ChangelogEntry extends ChangeGroups {
  version: string;
  anchor: string;
  effective: { iso: string; display: string };
  released: string;
  previous?: string | undefined;
  href: string;
  /** The linked page's language and its name in the changelog's language, when it is not the changelog's. */
  hreflang?: string;
  language?: string;
  compareHref?: string | undefined;
  /** The redline's language and its name in the changelog's language, when the changelog is a translation's (the redline exists in the original only). */
  compareHreflang?: string;
  compareLanguage?: string;
  initial: boolean;
  material: boolean;
  /** The release note (Markdown) that leads the entry, with its language and the language's name when it is not the changelog's. */
  note?: { text: string; lang?: string; language?: string };
}

/**
 * The versions list (`<dir>versions/index.html`), the changelog
 * (`<dir>changelog/index.html`) and `<dir>CHANGELOG.md` of one language, by
 * their paths from `dist/<id>/`. Pages that fail to render are left out (the
 * renderer records why).
 */
export function historyPages(h: HistoryLanguage, renderer: Renderer): Map<string, string> {
  const t = renderer.messages(h.lang);
  // From <dir>versions/ or <dir>changelog/ up to dist/<id>/.
  const up = '../'.repeat(depth(h.dir) + 1);
  // Each language has its feed, in its folder: from <dir>changelog/ it is ../feed.xml.
  const common = { lang: h.lang, t, title: h.title, id: h.id, assets: `${up}../assets/`, root: '../', feed: '../feed.xml' };
  const headings = changeHeadings(t);
  const entries = changelogEntries(h);
  const files = new Map<string, string>();
  const put = (file: string, content: string | undefined) => content !== undefined && files.set(`${h.dir}${file}`, content);
  /** Render `<folder>.html.hbs` into <dir><folder>/index.html, with the page's languages and its links made relative to it. */
  const htmlPage = (folder: 'versions' | 'changelog', data: (link: (target: string) => string) => Record<string, unknown>) =>
    put(
      `${folder}/index.html`,
      renderer.render(`${folder}.html.hbs`, {
        ...common,
        alternates: languageAlternates(`${h.dir}${folder}`, `${folder}/index.html`, h.languages, h.lang, h.base),
        ...data((target) => posix.relative(`${h.dir}${folder}`, target)),
      }),
    );

  htmlPage('versions', (link) => ({
    heading: fill(str(t.versions?.title), { title: h.title }),
    versions: versionRows(h, t).map((row) => ({ ...row, href: link(row.href) })),
  }));
  htmlPage('changelog', (link) => ({
    heading: fill(str(t.changelog?.title), { title: h.title }),
    // The change lists are HTML built from escaped parts: hand them over as safe, or Handlebars escapes them again.
    entries: entries.map((e) => ({
      ...e,
      changesHtml: new Handlebars.SafeString(changesToHtml(e, 3, headings)),
      ...(e.note ? { noteHtml: new Handlebars.SafeString(proseToHtml(e.note.text, 'prose', 3)) } : {}),
      href: link(e.href),
      compareHref: e.compareHref && link(e.compareHref),
    })),
  }));
  put(
    'CHANGELOG.md',
    renderer.render('changelog.md.hbs', {
      ...common,
      // Markdown templates print values as they are: the title is escaped for Markdown here.
      heading: fill(str(t.changelog?.title), { title: normaliseMarkdown(escapeMarkdown(h.title)).trim() }),
      entries: entries.map((e) => ({
        ...e,
        changesMarkdown: changesToMarkdown(e, headings),
        ...(e.note ? { noteMarkdown: proseToMarkdown(e.note.text, 'prose', 3) } : {}),
        href: posix.relative(h.dir, e.href.replace(/index\.html$/, 'index.md')),
      })),
    }),
  );
  return files;
}

/** The versions list's rows, newest first, with links from `dist/<id>/`. */
function versionRows(h: HistoryLanguage, t: Messages) {
  const date = (iso: string) => ({ iso, display: formatDate(iso, h.lang) });
  return h.releases
    .map((r, i) => {
      const anchor = versionAnchor(r.entry.version);
      const next = h.releases[i + 1];
      return {
        version: r.entry.version,
        anchor,
        href: h.pages[i]!.path,
        ...languageMark(h.pages[i]!, h.lang),
        effective: date(r.entry.effective),
        until: next ? date(next.entry.effective) : undefined,
        status: h.statuses[i]!,
        statusLabel: str(t.versions?.[h.statuses[i]!]),
        summary: countSummary(h.changeSets[i], t, h.lang),
        changelogHref: h.changeSets[i] ? `../changelog/index.html#${anchor}` : undefined,
        people: releasePeople(r.entry, t),
      };
    })
    .reverse();
}

/** Who released and approved a version, as the versions list says it ("Released by Jane Doe, approved by Sam Lee"); undefined when not recorded. */
function releasePeople(entry: Release['entry'], t: Messages): string | undefined {
  const said = [
    typeof entry.releasedBy === 'string' ? fill(str(t.versions?.releasedBy), { name: entry.releasedBy }) : '',
    typeof entry.approvedBy === 'string' ? fill(str(t.versions?.approvedBy), { name: entry.approvedBy }) : '',
  ].filter(Boolean);
  if (!said.length) return undefined;
  const sentence = said.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The changelog's entries, newest first, with links from `dist/<id>/`. */
export function changelogEntries(h: HistoryLanguage): ChangelogEntry[] {
  return h.releases
    .map((r, i) => {
      const set = h.changeSets[i];
      const previous = h.releases[i - 1]?.entry.version;
      return {
        version: r.entry.version,
        anchor: versionAnchor(r.entry.version),
        effective: { iso: r.entry.effective, display: formatDate(r.entry.effective, h.lang) },
        released: r.entry.released,
        previous,
        href: h.pages[i]!.path,
        ...languageMark(h.pages[i]!, h.lang),
        compareHref: set && previous ? `compare/${previous}...${r.entry.version}/index.html` : undefined,
        ...(set && previous ? originalMark(h) : {}),
        initial: !set,
        material: set?.material ?? false,
        ...changeGroups(set),
        categoryLabels: categoryLabels(r, h.releases[i - 1]),
        ...noteMark(h.notes?.[i], h.lang),
      };
    })
    .reverse();
}

/** The names of the data categories of a release and the one before it (for a category removed since), by id, as plain text. */
function categoryLabels(release: Release, previous: Release | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const r of [previous, release])
    for (const c of r?.model.policy.collection?.categories ?? []) labels[c.id] = proseToPlainText(c.label, 'text');
  return labels;
}

/** "48 changes, 4 material" in a language's words (`changelog.changeCount`, `materialCount`, `counts`); the initial text for the first version. */
export function countSummary(set: ChangeSet | undefined, t: Messages, lang: string): string {
  if (!set) return str(t.versions?.initial);
  const material = set.changes.filter((c) => c.material).length;
  return fill(str(t.changelog?.counts) || '{changes}, {material}', {
    changes: plural(t.changelog?.changeCount, set.changes.length, lang),
    material: plural(t.changelog?.materialCount, material, lang),
  });
}

/** How a list marks a link to a page in another language: `hreflang`, and the language's name in the list's language ("anglais"). */
function languageMark(page: VersionPage, lang: string): { hreflang?: string; language?: string } {
  return page.lang && page.lang !== lang ? { hreflang: page.lang, language: languageName(page.lang, lang, false) } : {};
}

/** A release note as an entry shows it: marked with its language when it is not the changelog's (an untranslated note). */
function noteMark(note: { text: string; lang?: string } | undefined, lang: string): { note?: NonNullable<ChangelogEntry['note']> } {
  if (!note) return {};
  return {
    note:
      note.lang && note.lang !== lang
        ? { text: note.text, lang: note.lang, language: languageName(note.lang, lang, false) }
        : { text: note.text },
  };
}

/** How a translation's changelog marks a link to a page that exists in the original only (the redline). */
function originalMark(h: HistoryLanguage): { compareHreflang?: string; compareLanguage?: string } {
  const original = h.languages.find((l) => l.dir === '')?.lang;
  return original && original !== h.lang ? { compareHreflang: original, compareLanguage: languageName(original, h.lang, false) } : {};
}

/** A version's anchor: `v-2-0-0` (dots are not valid in every id-consuming tool). */
export function versionAnchor(version: string): string {
  return `v-${version.replace(/\./g, '-')}`;
}

function depth(dir: string): number {
  return dir.split('/').filter(Boolean).length;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
