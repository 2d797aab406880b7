import { forLocale, type NotifySettings } from './wording.js';
import type { ChangeSet } from '../diff/types.js';
import type { Release } from '../history/verify.js';
import { changesIn, languageName, translationOf, type Translated } from '../render/languages.js';
import type { Messages } from '../model/messages.js';
import type { Notification, NotificationInput } from './notification.js';

/** How an announcement is told: in which language, linking where, sent by whom. */
export interface AnnouncementSettings {
  /** The readers' locale: the document's own, or one it is translated into. */
  locale: string;
  /** That locale's messages (for the change summaries of a translation). */
  messages: Messages;
  /** Absolute URL of the published site, ending in `/`. */
  baseUrl: string;
  headers?: NotificationInput['headers'];
  /** The project's `notify` settings (closing lines and legal notice by locale, unsubscribe address). */
  notify?: NotifySettings;
  /** The release note of `to` in each locale it has one in (`notes.get(locale)`), Markdown; default: the notes frozen with `to` and its translations. */
  notes?: ReadonlyMap<string, string>;
}

/**
 * What the notification e-mail announcing `to` (after `from`) says in a
 * locale: the new version in that language (its translation, unless the
 * locale is the document's own), the changes told in it, and links to the
 * version and changelog in it (the redline exists in the source language
 * only). Undefined when `to` has no translation into the locale.
 */
export function announcement(
  doc: Translated & { id: string },
  pair: { from: Release; to: Release },
  changes: ChangeSet,
  settings: AnnouncementSettings,
): NotificationInput | undefined {
  const { from, to } = pair;
  const own = settings.locale === to.model.policy.locale;
  const model = own ? to.model : translationOf(doc, settings.locale, to.entry.version);
  if (!model) return undefined;
  const site = `${settings.baseUrl}${doc.id}/`;
  const dir = own ? '' : `${settings.locale}/`;
  const side = (release: Release) => {
    const translated = own ? undefined : translationOf(doc, settings.locale, release.entry.version);
    return { source: release.model.policy, ...(translated ? { translated: translated.policy } : {}) };
  };
  const wording = {
    closing: forLocale(settings.notify?.closing, settings.locale),
    legalNotice: forLocale(settings.notify?.legalNotice, settings.locale),
    unsubscribe: settings.notify?.unsubscribe,
  };
  return {
    model,
    previous: { version: from.entry.version, effective: from.entry.effective },
    next: { version: to.entry.version, effective: to.entry.effective, released: to.entry.released },
    changes: changesIn(settings.locale, changes, pair, doc, settings.messages),
    sides: { from: side(from), to: side(to) },
    wording: Object.fromEntries(Object.entries(wording).filter(([, v]) => v !== undefined)),
    ...noteFor(doc, to, settings),
    links: {
      policy: `${site}${dir}v/${to.entry.version}/index.html`,
      redline: `${site}compare/${from.entry.version}...${to.entry.version}/index.html`,
      changelog: `${site}${dir}changelog/index.html`,
      ...(own
        ? {}
        : { redlineLang: to.model.policy.locale, redlineLanguage: languageName(to.model.policy.locale, settings.locale, false) }),
    },
    ...(settings.headers ? { headers: settings.headers } : {}),
  };
}

/** The release note of `to` in the readers' language (given, else frozen with its translation); else the original's, marked with its language. */
function noteFor(doc: Translated, to: Release, settings: AnnouncementSettings): Pick<NotificationInput, 'note' | 'noteLang'> {
  const given = settings.notes?.get(settings.locale);
  if (given !== undefined) return { note: given };
  const source = to.model.policy.locale;
  if (settings.locale !== source) {
    const frozen = doc.translations?.find((tr) => tr.locale === settings.locale && tr.version === to.entry.version)?.note;
    if (frozen !== undefined) return { note: frozen };
  }
  if (to.note === undefined) return {};
  return { note: to.note, ...(settings.locale !== source ? { noteLang: source } : {}) };
}

/** Whether a version tells of its changes by e-mail (`changes.channels` includes `email`): only then is an e-mail written or sent. */
export function announcedByEmail(policy: { changes?: { channels?: readonly string[] } }): boolean {
  return policy.changes?.channels?.includes('email') ?? false;
}

/** The files of a rendered e-mail, by name: `subject.txt`, `email.html`, `email.txt` and `email.eml`. */
export function notificationFiles(notification: Notification): [name: string, content: string][] {
  return [
    ['subject.txt', `${notification.subject}\n`],
    ['email.html', notification.html],
    ['email.txt', notification.text],
    ['email.eml', notification.eml],
  ];
}
