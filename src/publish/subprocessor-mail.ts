import Handlebars from 'handlebars';
import { proseToHtml, proseToPlainText } from '../markdown/prose.js';
import { fill, type Messages } from '../model/messages.js';
import { composeEml, notificationMailOptions } from '../notify/mime.js';
import type { Notification } from '../notify/notification.js';
import { breakingSpace, normaliseText, wrapText } from '../notify/plain-text.js';
import { textWidth } from '../notify/notification.js';
import { forLocale, type NotifySettings } from '../notify/wording.js';
import { formatDuration } from '../render/intl-format.js';
import { translationOf } from '../render/languages.js';
import type { Renderer } from '../render/templates.js';
import { formatDate } from '../render/view-model.js';
import { visibleControls } from '../text/control.js';
import { toldChanges, type ListHistory } from './subprocessor-changes.js';
import { listHeading, subprocessorLabel } from './subprocessor-words.js';

/** How the e-mail is told: in which language, linking where, sent by whom. */
export interface SubprocessorMailSettings {
  locale: string;
  /** Absolute URL of the published site, ending in `/`. */
  baseUrl: string;
  headers?: { from?: string; to?: string };
  /** The project's `notify` settings (closing lines by locale, unsubscribe address). */
  notify?: NotifySettings;
}

/**
 * The e-mail telling subscribed customers of the changes release `pair.to`
 * makes to the subprocessor list of release `pair.from` (indices in the history), with the notice period and the objection
 * instructions of the document: `subprocessors-email.txt.hbs` and
 * `subprocessors-email.html.hbs`, the subject from the locale's
 * `subprocessors.subject`, composed as the policy notification is.
 * Undefined when the release changes no subprocessor, the document does not
 * publish its list (`sharing.subprocessors`), the release is not translated
 * into the locale, or a template fails (the renderer records why).
 */
export function subprocessorMail(
  history: ListHistory & { id: string },
  pair: { from: number; to: number },
  renderer: Pick<Renderer, 'render' | 'messages'>,
  settings: SubprocessorMailSettings,
): Notification | undefined {
  const to = history.releases[pair.to];
  if (!to) return undefined;
  const own = settings.locale === to.model.policy.locale;
  const model = own ? to.model : translationOf(history, settings.locale, to.entry.version);
  const section = model?.policy.sharing?.subprocessors;
  if (!model || !section) return undefined;
  const t: Messages = renderer.messages(settings.locale);
  const { sentences } = toldChanges(history, pair.to, { lang: settings.locale, t }, pair.from);
  if (!sentences.length) return undefined;
  const policy = model.policy;
  const title = proseToPlainText(policy.title, 'text');
  const values = { title, version: to.entry.version, effective: formatDate(to.entry.effective, settings.locale) };
  const subject = visibleControls(fill(subprocessorLabel(t, 'subject'), values).replace(breakingSpace, ' ').trim(), 'tab');
  const list = `${settings.baseUrl}${history.id}/${own ? '' : `${settings.locale}/`}subprocessors/index.html`;
  const closing = forLocale(settings.notify?.closing, settings.locale);
  const view = (html: boolean) => ({
    lang: settings.locale,
    t,
    subject,
    sender: proseToPlainText(policy.controller.brand || policy.controller.name, 'text'),
    controller: proseToPlainText(policy.controller.name, 'text'),
    heading: listHeading(policy, t),
    intro: fill(subprocessorLabel(t, 'emailIntro'), values),
    changes: sentences,
    notice: fill(subprocessorLabel(t, 'notice'), { notice: formatDuration(section.notice, settings.locale) }),
    objection: html ? new Handlebars.SafeString(proseToHtml(section.objection, 'text')) : proseToPlainText(section.objection, 'text'),
    colon: t.punctuation?.colon ?? ': ',
    links: { list, ...(section.subscribe ? { subscribe: section.subscribe } : {}) },
    ...(closing ? { closing } : {}),
  });
  const textOut = renderer.render('subprocessors-email.txt.hbs', view(false));
  const htmlOut = renderer.render('subprocessors-email.html.hbs', view(true));
  if (textOut === undefined || htmlOut === undefined) return undefined;
  const text = wrapText(normaliseText(textOut), textWidth);
  const html = htmlOut.replace(/\r\n?/g, '\n');
  const input = {
    model,
    next: { version: to.entry.version, effective: to.entry.effective, released: to.entry.released },
    links: { policy: list, redline: list, changelog: list },
    ...(settings.notify?.unsubscribe ? { wording: { unsubscribe: settings.notify.unsubscribe } } : {}),
    ...(settings.headers ? { headers: settings.headers } : {}),
  };
  const eml = composeEml(notificationMailOptions(input, { subject, text, html }, 'subprocessors'));
  return { subject, html, text, eml };
}
