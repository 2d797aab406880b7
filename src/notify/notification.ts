import type { Renderer } from '../render/templates.js';
import { visibleControls } from '../text/control.js';
import { composeEml, notificationMailOptions } from './mime.js';
import { notificationView, type NotificationInput } from './notification-view.js';
import { breakingSpace, normaliseText, wrapText } from './plain-text.js';

export type {
  NotificationChangeView,
  NotificationContactView,
  NotificationInput,
  NotificationLabels,
  NotificationVersionView,
  NotificationView,
} from './notification-view.js';

/** A rendered notification e-mail: its subject, both bodies, and the whole MIME message. */
export interface Notification {
  subject: string;
  html: string;
  text: string;
  /** A complete RFC 5322 message (multipart/alternative, text then HTML), CRLF line ends, byte-identical for the same input. */
  eml: string;
}

/** Lines of the plain-text body are wrapped to this many columns. */
export const textWidth = 72;

/**
 * Render the notification e-mail for a new version: the subject, the HTML
 * and plain-text bodies, and the complete MIME message.
 *
 * The templates `subject.txt.hbs`, `email.txt.hbs` and `email.html.hbs`
 * (user-overridable) each receive a {@link NotificationView}:
 *
 * ```ts
 * {
 *   format: 'html' | 'text',   // 'html' for email.html.hbs; 'text' for the two .txt templates
 *   lang, id, title, sender,   // locale, document id, plain title, brand (else controller name)
 *   controller: { name, brand?, address?, website?: { name?, url } },
 *   previous: { version, effective: { iso, display } },
 *   next:     { version, effective: { iso, display } },
 *   links: { policy, redline, changelog },
 *   contact?: { email, href, role, roleLabel },
 *   note?,                     // the release note (sanitized HTML in the HTML template, plain text else)
 *   unsubscribe?,              // notify.unsubscribe from the config
 *   material:  [{ type, entity, id, material, rule, summary, plainSummary }],
 *   editorial: [{ ... same ... }],
 *   count: { all, material, editorial },
 *   bump: 'none' | 'patch' | 'minor' | 'major',
 *   t: { subject, preheader, heading, intro, material, editorial, editorialCount,
 *        readPolicy, readRedline, readChangelog, questions, others, closing, footer },
 * }
 * ```
 *
 * Every value is plain text (the HTML template escapes it), except in the
 * HTML template `summary` (sanitized HTML of the change's sentence in the
 * readers' words, never ids or field names), `note`, `t.questions` (HTML
 * with a `mailto:` link) and `t.others` (HTML with links to the changelog and
 * redline). `t.closing` and `t.footer` come from the project's `notify`
 * settings for the locale, the footer else from the locale. The `t` labels
 * come from the locale's `email` group with `{title}`, `{version}`,
 * `{previous}`, `{effective}`, `{count}` and `{contact}` filled in; for a
 * count of 1, `preheaderOne` and `editorialCountOne` are used when the
 * locale has them.
 *
 * The subject is trimmed to one line; the text body is wrapped at
 * {@link textWidth} columns (list items with a hanging indent, URLs never
 * broken). Returns undefined when a template fails (the renderer records a
 * diagnostic).
 */
export function renderNotification(input: NotificationInput, renderer: Pick<Renderer, 'render' | 'messages'>): Notification | undefined {
  const view = notificationView(input, renderer);
  const textView = view('text');
  const subjectOut = renderer.render('subject.txt.hbs', textView);
  const textOut = renderer.render('email.txt.hbs', textView);
  const htmlOut = renderer.render('email.html.hbs', view('html'));
  if (subjectOut === undefined || textOut === undefined || htmlOut === undefined) return undefined;

  // One line, and no control from a snapshot released before validation refused them (subject.txt is read in terminals).
  const subject = visibleControls(subjectOut.replace(breakingSpace, ' ').trim(), 'tab');
  const text = wrapText(normaliseText(textOut), textWidth);
  const html = htmlOut.replace(/\r\n?/g, '\n');
  const eml = composeEml(notificationMailOptions(input, { subject, text, html }));
  return { subject, html, text, eml };
}
