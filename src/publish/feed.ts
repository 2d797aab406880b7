import Handlebars from 'handlebars';
import type { Release } from '../history/verify.js';
import { escapeHtml } from '../markdown/escape.js';
import { proseToHtml, proseToPlainText } from '../markdown/prose.js';
import { fill, type Messages } from '../model/messages.js';
import { plainSentence, type PlainSettings } from '../notify/plain-changes.js';
import { changelogEntries, countSummary, type ChangelogEntry, type HistoryLanguage } from '../render/history-pages.js';
import { translationOf } from '../render/languages.js';
import type { Publishing } from './document.js';
import { str } from './version-bar.js';

/**
 * The Atom feed of the changelog in one language: `<id>/feed.xml` for the
 * source's, `<id>/<lang>/feed.xml` for a translation's, each with ids of its
 * own. Each entry is dated the day its version was released and announced
 * (`published` and `updated`: the manifest's `released`), and a version
 * released after the build date is left out: a feed never dates an entry in
 * the future. An entry tells readers what changes in their words: the release
 * note, the material changes in the e-mail's plain sentences, and a line
 * counting the others with links to the changelog and the redline; never a
 * rule id, field name or entity id.
 */
export function atomFeed(p: Publishing, history: HistoryLanguage): string | undefined {
  const { id, releases, baseUrl, latest } = p;
  const t = p.renderer.messages(history.lang);
  const own = history.dir === '';
  const entries = changelogEntries(history).filter((e) => e.released <= p.settings.date);
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const site = `${baseUrl}${id}/`;
  // The source's feed keeps the ids it always had; a translation's are its own (an Atom id names one entry of one feed).
  const scope = own ? id : `${id}/${history.lang}`;
  const tag = (suffix = '') => tagUri(baseUrl, releases[0]!.entry.effective, `${scope}${suffix}`);
  return p.renderer.render('feed.xml.hbs', {
    lang: history.lang,
    t,
    title: history.title,
    id,
    assets: '',
    controller: latest.model.policy.controller,
    feedId: tag(),
    self: `${site}${history.dir}feed.xml`,
    alternate: `${site}${history.dir}changelog/index.html`,
    // The newest announcement shown (entries come newest first); the build date when none is announced yet.
    updated: stamp(entries[0]?.released ?? p.settings.date),
    author: proseToPlainText(latest.model.policy.controller.name, 'text'),
    entries: entries.map((e) => {
      const index = releases.findIndex((r) => r.entry.version === e.version);
      const set = history.changeSets[index];
      const values = { version: e.version, title: history.title, effective: e.effective.display, previous: e.previous ?? '' };
      return {
        id: tag(`/${e.version}`),
        title: `${history.title} ${e.version}`,
        link: `${site}${e.href}`,
        ...(e.hreflang ? { hreflang: e.hreflang } : {}),
        published: stamp(e.released),
        updated: stamp(e.released),
        summary: e.initial ? str(t.versions?.initial) : `${countSummary(set, t, history.lang)}. ${fill(label(t, 'intro'), values)}`,
        content: new Handlebars.SafeString(escapeHtml(entryContent(p, history, e, index, t))),
      };
    }),
  });
}

/**
 * An entry's content (HTML, escaped once more by the caller for `type="html"`):
 * the release note, marked with its language when it is the original's; then
 * for the first version, that it is the first published; for a later one, its
 * material changes in plain sentences and a line counting the other changes,
 * linking to the changelog and the redline.
 */
function entryContent(p: Publishing, history: HistoryLanguage, e: ChangelogEntry, index: number, t: Messages): string {
  const parts: string[] = [];
  if (e.note) {
    const html = proseToHtml(e.note.text, 'prose', 2);
    parts.push(e.note.lang ? `<div lang="${escapeHtml(e.note.lang)}">${html}</div>` : html);
  }
  const set = history.changeSets[index];
  const from = p.releases[index - 1];
  if (e.initial || !set || !from) {
    parts.push(`<p>${escapeHtml(str(t.versions?.initial))}</p>`);
    return parts.join('\n');
  }
  const to = p.releases[index]!;
  const plain: PlainSettings = { locale: history.lang, messages: t, from: side(p, from, history.lang), to: side(p, to, history.lang) };
  const material = set.changes.filter((c) => c.material);
  if (material.length) {
    parts.push(`<p><strong>${escapeHtml(label(t, 'material'))}</strong></p>`);
    parts.push(`<ul>${material.map((c) => `<li>${proseToHtml(plainSentence(c, plain), 'text')}</li>`).join('')}</ul>`);
  }
  const others = set.changes.length - material.length;
  if (others) parts.push(`<p>${othersLine(p, history, e, others, t)}</p>`);
  return parts.join('\n');
}

/** The line counting the changes not listed, with links to the entry in the changelog and to the redline (in the original's language). */
function othersLine(p: Publishing, history: HistoryLanguage, e: ChangelogEntry, count: number, t: Messages): string {
  const site = `${p.baseUrl}${p.id}/`;
  const link = (href: string, text: string, hreflang?: string) =>
    `<a href="${escapeHtml(href)}"${hreflang ? ` hreflang="${escapeHtml(hreflang)}"` : ''}>${escapeHtml(text)}</a>`;
  const template = (count === 1 && label(t, 'othersOne')) || label(t, 'others');
  return fill(escapeHtml(template), {
    count: String(count),
    changelog: link(`${site}${history.dir}changelog/index.html#${e.anchor}`, label(t, 'changelogLink')),
    redline: e.compareHref
      ? link(`${site}${e.compareHref}`, label(t, 'redlineLink'), e.compareHreflang)
      : escapeHtml(label(t, 'redlineLink')),
  });
}

/** A version as the changes name what it holds: in its translation into the feed's language, when it has one. */
function side(p: Publishing, release: Release, lang: string): PlainSettings['from'] {
  const translated = lang === release.model.policy.locale ? undefined : translationOf(p.doc, lang, release.entry.version);
  return { source: release.model.policy, ...(translated ? { translated: translated.policy } : {}) };
}

/** A label of the language's `email` group (the feed tells changes as the e-mail does). */
function label(t: Messages, key: string): string {
  const value = (t.email as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

/** A permanent, unique Atom id (RFC 4151 tag URI) from the site's host and the first release's date. */
export function tagUri(baseUrl: string, date: string, specific: string): string {
  const host = /^https?:\/\/([^/:]+)/.exec(baseUrl)?.[1] ?? 'example.invalid';
  return `tag:${host},${date}:${specific}`;
}
