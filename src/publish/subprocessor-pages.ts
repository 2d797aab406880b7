import Handlebars from 'handlebars';
import { escapeMarkdown } from '../markdown/escape.js';
import { notificationFiles } from '../notify/announcement.js';
import { normaliseMarkdown } from '../markdown/normalise.js';
import { proseToHtml, proseToMarkdown } from '../markdown/prose.js';
import { proseToPlainText } from '../markdown/prose-tree.js';
import { fill, type Messages } from '../model/messages.js';
import type { Policy } from '../model/policy.generated.js';
import { displayName, formatDuration } from '../render/intl-format.js';
import { languageAlternates, translationOf } from '../render/languages.js';
import { formatDate } from '../render/view-model.js';
import { xmlWithoutForbidden } from '../text/control.js';
import type { Publishing } from './document.js';
import { subprocessorFeed } from './subprocessor-feed.js';
import { subprocessorMail } from './subprocessor-mail.js';
import { listHeading, placeAndSafeguards, subprocessorLabel } from './subprocessor-words.js';
import { subprocessorList, type Subprocessor } from './subprocessors.js';
import type { SiteOutput } from './site.js';

/** The texts a language's list is told in: the newest version's translation into it, else the original (marked with its language). */
export interface ListLanguage {
  lang: string;
  /** Its folder under `dist/<id>/`: `''` for the source's language, `<lang>/` for a translation's. */
  dir: string;
  t: Messages;
  /** The newest version's texts in the language (its translation), or the original's. */
  texts: Policy;
  /** The original's language, when the texts are not in `lang`. */
  textLang?: string;
}

/** The languages of a document's subprocessor list: the source's, then each it is translated into. */
export function listLanguages(p: Publishing): ListLanguage[] {
  const version = p.latest.entry.version;
  return [p.locale, ...p.locales].map((lang) => {
    const own = lang === p.locale;
    const translated = own ? undefined : translationOf(p.doc, lang, version)?.policy;
    return {
      lang,
      dir: own ? '' : `${lang}/`,
      t: p.renderer.messages(lang),
      texts: translated ?? p.latest.model.policy,
      ...(own || translated ? {} : { textLang: p.locale }),
    };
  });
}

/**
 * The subprocessor list of a released document that declares
 * `sharing.subprocessors`, in each of its languages, under
 * `dist/<id>/<dir>subprocessors/`: `index.html`, `index.md`, `index.json`,
 * `feed.xml` (the changes, release by release) and the e-mail of the
 * newest release's changes under `notify/<from>...<to>/`. The list is the newest
 * release's, so that a subprocessor announced ahead is listed with the day
 * it starts; the version in effect may not list it yet.
 */
export function publishSubprocessors(p: Publishing, files: SiteOutput): void {
  const policy = p.latest.model.policy;
  // Only a document that declares the list publishes it: a processor owes its customers the list, a controller's policy does not.
  if (!policy.sharing?.subprocessors) return;
  const languages = listLanguages(p);
  for (const l of languages) {
    const list = subprocessorList(p.releases, p.releases.length - 1, l.texts);
    const at = `${p.id}/${l.dir}subprocessors/`;
    const data = pageData(p, l, list, languages);
    const html = p.renderer.render('subprocessors.html.hbs', data(htmlFormat));
    if (html !== undefined) files.set(`${at}index.html`, html);
    const markdown = p.renderer.render('subprocessors.md.hbs', data(markdownFormat));
    if (markdown !== undefined) files.set(`${at}index.md`, normaliseMarkdown(markdown));
    files.set(`${at}index.json`, `${JSON.stringify(listJson(p, l, list), null, 2)}\n`);
    const feed = subprocessorFeed(p, l);
    if (feed !== undefined) files.set(`${at}feed.xml`, xmlWithoutForbidden(feed));
    publishMail(p, l, files);
  }
}

/** The e-mail of the newest release's changes to the list, at `<dir>subprocessors/notify/<from>...<to>/` (as the policy's at `<dir>notify/`). */
function publishMail(p: Publishing, l: ListLanguage, files: SiteOutput): void {
  const index = p.releases.length - 1;
  if (index < 1 || l.textLang) return;
  const mail = subprocessorMail(p, { from: index - 1, to: index }, p.renderer, {
    locale: l.lang,
    baseUrl: p.baseUrl,
    ...(p.settings.notify ? { notify: p.settings.notify } : {}),
  });
  if (!mail) return;
  const dir = `${p.id}/${l.dir}subprocessors/notify/${p.releases[index - 1]!.entry.version}...${p.latest.entry.version}/`;
  for (const [name, content] of notificationFiles(mail)) files.set(`${dir}${name}`, content);
}

/** How a page's values are written: texts (inline Markdown) and labels, for HTML or Markdown templates. */
interface Format {
  text(text: string): unknown;
  prose(text: string): unknown;
  label(text: string): string;
}

const htmlFormat: Format = {
  text: (text) => new Handlebars.SafeString(proseToHtml(text, 'text')),
  // Paragraphs under the page's h1: their own headings start at h2.
  prose: (text) => new Handlebars.SafeString(proseToHtml(text, 'prose', 2)),
  label: (text) => text,
};

const markdownFormat: Format = {
  // Names and purposes sit in table cells, where a bare pipe would end the cell.
  text: (text) => proseToMarkdown(text, 'text').replace(/(?<!\\)\|/g, '\\|'),
  prose: (text) => proseToMarkdown(text, 'prose', 2),
  label: (text) => escapeMarkdown(text),
};

/** The data the page templates receive, in a format (see docs/subprocessors.md). */
function pageData(p: Publishing, l: ListLanguage, list: readonly Subprocessor[], languages: readonly ListLanguage[]) {
  const section = l.texts.sharing?.subprocessors;
  const title = proseToPlainText(l.texts.title, 'text');
  return (f: Format) => ({
    lang: l.lang,
    t: l.t,
    ...(l.textLang ? { textLang: l.textLang } : {}),
    assets: `${'../'.repeat(l.dir ? 2 : 1)}../assets/`,
    alternates: languageAlternates(`${l.dir}subprocessors`, 'subprocessors/index.html', languages, l.lang, `${p.baseUrl}${p.id}/`),
    heading: f.label(listHeading(l.texts, l.t)),
    policy: { href: '../index.html', label: f.label(fill(subprocessorLabel(l.t, 'policy'), { title })) },
    intro: f.prose(section?.intro ?? subprocessorLabel(l.t, 'intro')),
    ...(section
      ? {
          notice: f.label(fill(subprocessorLabel(l.t, 'notice'), { notice: formatDuration(section.notice, l.lang) })),
          objection: f.text(section.objection),
          ...(section.subscribe ? { subscribe: section.subscribe } : {}),
        }
      : {}),
    feed: 'feed.xml',
    subprocessors: list.map((s) => {
      const { location, mechanisms } = placeAndSafeguards(s, l);
      return {
        id: s.id,
        name: f.text(s.name),
        ...(s.purpose !== undefined ? { purpose: f.text(s.purpose) } : {}),
        location: f.label(location),
        mechanisms: f.label(mechanisms),
        since: { iso: s.since, display: f.label(formatDate(s.since, l.lang)) },
        ...(s.since > p.settings.date ? { upcoming: f.label(subprocessorLabel(l.t, 'upcoming')) } : {}),
      };
    }),
  });
}

/** The list as data: `index.json`, its texts plain and its labels in the language. */
function listJson(p: Publishing, l: ListLanguage, list: readonly Subprocessor[]) {
  const section = l.texts.sharing?.subprocessors;
  const plain = (text: string) => proseToPlainText(text, 'text');
  return {
    document: p.id,
    version: p.latest.entry.version,
    lang: l.lang,
    ...(l.textLang ? { textLang: l.textLang } : {}),
    ...(section
      ? {
          notice: section.notice,
          objection: plain(section.objection),
          ...(section.subscribe ? { subscribe: section.subscribe } : {}),
        }
      : {}),
    subprocessors: list.map((s) => ({
      id: s.id,
      name: plain(s.name),
      ...(s.purpose !== undefined ? { purpose: plain(s.purpose) } : {}),
      countries: s.countries.map((code) => ({ code, name: displayName('region', code, l.lang) ?? code })),
      mechanisms: s.mechanisms.map((id) => ({ id, label: l.t.enums.mechanism?.[id] ?? id })),
      since: s.since,
      upcoming: s.since > p.settings.date,
    })),
  };
}
