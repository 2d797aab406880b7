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
  return {
    model,
    previous: { version: from.entry.version, effective: from.entry.effective },
    next: { version: to.entry.version, effective: to.entry.effective },
    changes: changesIn(settings.locale, changes, pair, doc, settings.messages),
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

/** The files of a rendered e-mail, by name: `subject.txt`, `email.html`, `email.txt` and `email.eml`. */
export function notificationFiles(notification: Notification): [name: string, content: string][] {
  return [
    ['subject.txt', `${notification.subject}\n`],
    ['email.html', notification.html],
    ['email.txt', notification.text],
    ['email.eml', notification.eml],
  ];
}
