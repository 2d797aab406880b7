import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type MimeNode from 'nodemailer/lib/mime-node';
import * as base64 from 'nodemailer/lib/base64';
import * as qp from 'nodemailer/lib/qp';
import type { Change, ChangeSet } from '../diff/types.js';
import type { Contact } from '../model/policy.generated.js';
import { escapeHtml, proseToHtml, proseToPlainText } from '../render/prose.js';
import { fill } from '../render/messages.js';
import type { Renderer } from '../render/templates.js';
import { formatDate } from '../render/view-model.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { visibleControls } from '../text/control.js';

/** What a notification e-mail is about: the new version of a document and how it differs from the previous one. */
export interface NotificationInput {
  /** The NEW version (its policy's title, locale, controller, contacts). */
  model: PolicyModel;
  previous: { version: string; effective: string };
  next: { version: string; effective: string };
  /** The changes from `previous` to `next`. */
  changes: ChangeSet;
  /** Absolute URLs of the new version, its redline against the previous one, and the changelog. */
  links: { policy: string; redline: string; changelog: string };
  /**
   * Header overrides. Default From: the brand (else the controller's name) and the e-mail
   * address of the contact with role `privacy`, else `dpo`, else `general`, else the first
   * contact with an address. Default To: `undisclosed-recipients:;`.
   */
  headers?: { from?: string; to?: string };
}

/** A rendered notification e-mail: its subject, both bodies, and the whole MIME message. */
export interface Notification {
  subject: string;
  html: string;
  text: string;
  /** A complete RFC 5322 message (multipart/alternative, text then HTML), CRLF line ends, byte-identical for the same input. */
  eml: string;
}

/** A version as the templates see it. */
export interface NotificationVersionView {
  version: string;
  effective: {
    /** `YYYY-MM-DD`. */
    iso: string;
    /** The date formatted for the document's locale ("1 January 2027"). */
    display: string;
  };
}

/** One change as the templates see it. */
export interface NotificationChangeView {
  type: Change['type'];
  entity: Change['entity'];
  id: string;
  material: boolean;
  rule: string;
  /** The one-sentence summary: sanitized HTML (with inline styles) in the HTML template, plain text in the text and subject templates. */
  summary: unknown;
  /** The summary as plain text, in every template. */
  plainSummary: string;
}

/** The contact people can write to with questions (also the default sender). */
export interface NotificationContactView {
  email: string;
  /** `mailto:` link. */
  href: string;
  /** The contact's role (`privacy`, `dpo`, ...). */
  role: string;
  /** The role's label from the locale's `enums.role` ("Privacy team"). */
  roleLabel: string;
}

/**
 * The locale's `email` labels with their placeholders filled. All are plain
 * strings, except `questions` in the HTML template, which is HTML with the
 * contact address as a `mailto:` link (empty when there is no contact).
 */
export interface NotificationLabels {
  subject: string;
  preheader: string;
  heading: string;
  intro: string;
  material: string;
  editorial: string;
  editorialCount: string;
  readPolicy: string;
  readRedline: string;
  readChangelog: string;
  questions: unknown;
  footer: string;
}

/** Everything the e-mail templates (`subject.txt.hbs`, `email.txt.hbs`, `email.html.hbs`) receive. */
export interface NotificationView {
  /** `html` for `email.html.hbs`, `text` for `email.txt.hbs` and `subject.txt.hbs`. */
  format: 'html' | 'text';
  /** The document's locale (BCP 47), for `lang`. */
  lang: string;
  /** The document's id. */
  id: string;
  /** The document's title as plain text. */
  title: string;
  /** Who sends it: the brand, else the controller's legal name (plain text). */
  sender: string;
  /** The controller's details as plain text. */
  controller: { name: string; brand?: string; address?: string; website?: { name?: string; url: string } };
  previous: NotificationVersionView;
  next: NotificationVersionView;
  links: { policy: string; redline: string; changelog: string };
  /** Absent when no contact has an e-mail address. */
  contact?: NotificationContactView;
  /** Material changes, in change-set order. */
  material: NotificationChangeView[];
  /** Editorial changes, in change-set order. */
  editorial: NotificationChangeView[];
  count: { all: number; material: number; editorial: number };
  /** The version bump the changes call for. */
  bump: ChangeSet['bump'];
  /** Labels, filled. */
  t: NotificationLabels;
}

/** Lines of the plain-text body are wrapped to this many columns. */
export const textWidth = 72;

// The site's palette (templates/assets/policy.css), for markup inserted into summaries.
const accent = '#0b5cad';
const codeStyle = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:0.9em;background-color:#f4f6f8;padding:0 3px;";
const linkStyle = `color:${accent};`;

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
 *   material:  [{ type, entity, id, material, rule, summary, plainSummary }],
 *   editorial: [{ ... same ... }],
 *   count: { all, material, editorial },
 *   bump: 'none' | 'patch' | 'minor' | 'major',
 *   t: { subject, preheader, heading, intro, material, editorial, editorialCount,
 *        readPolicy, readRedline, readChangelog, questions, footer },
 * }
 * ```
 *
 * Every value is plain text (the HTML template escapes it), except in the
 * HTML template `summary` (sanitized HTML from the summary's inline
 * Markdown) and `t.questions` (HTML with a `mailto:` link). The `t` labels
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
  const p = input.model.policy;
  const messages = renderer.messages(p.locale);
  const english = renderer.messages('en');
  const label = (key: string): string => {
    const own = (messages.email as Record<string, unknown> | undefined)?.[key];
    const fallback = (english.email as Record<string, unknown> | undefined)?.[key];
    return typeof own === 'string' ? own : typeof fallback === 'string' ? fallback : '';
  };
  // The locale files have no plural forms yet: a `<key>One` label, when a locale has one, is used for a count of 1.
  const counted = (key: string, count: number): string => (count === 1 && label(`${key}One`)) || label(key);

  const title = proseToPlainText(p.title, 'text');
  const controllerName = proseToPlainText(p.controller.name, 'text');
  const brand = p.controller.brand ? proseToPlainText(p.controller.brand, 'text') : undefined;
  const sender = brand || controllerName;
  const contact = senderContact(p.contacts.items);
  const version = (v: { version: string; effective: string }): NotificationVersionView => ({
    version: v.version,
    effective: { iso: v.effective, display: formatDate(v.effective, p.locale) },
  });
  const previous = version(input.previous);
  const next = version(input.next);
  const materialChanges = input.changes.changes.filter((c) => c.material);
  const editorialChanges = input.changes.changes.filter((c) => !c.material);
  const values = {
    title,
    version: next.version,
    previous: previous.version,
    effective: next.effective.display,
  };

  const view = (format: 'html' | 'text'): NotificationView => {
    const changeView = (c: Change): NotificationChangeView => {
      const plainSummary = proseToPlainText(c.summary, 'text');
      return {
        type: c.type,
        entity: c.entity,
        id: c.id,
        material: c.material,
        rule: c.rule,
        summary: format === 'html' ? new Handlebars.SafeString(styleInline(proseToHtml(c.summary, 'text'))) : plainSummary,
        plainSummary,
      };
    };
    let questions: unknown = '';
    if (contact) {
      questions =
        format === 'html'
          ? new Handlebars.SafeString(
              fill(escapeHtml(label('questions')), { contact: `<a href="${escapeHtml(`mailto:${contact.email}`)}" style="${linkStyle}">${escapeHtml(contact.email)}</a>` }),
            )
          : fill(label('questions'), { contact: contact.email });
    }
    const website = p.controller.website && {
      url: p.controller.website.url,
      ...(p.controller.website.name ? { name: proseToPlainText(p.controller.website.name, 'text') } : {}),
    };
    return {
      format,
      lang: p.locale,
      id: p.id,
      title,
      sender,
      controller: {
        name: controllerName,
        ...(brand ? { brand } : {}),
        ...(p.controller.address ? { address: proseToPlainText(p.controller.address, 'text') } : {}),
        ...(website ? { website } : {}),
      },
      previous,
      next,
      links: { ...input.links },
      ...(contact
        ? {
            contact: {
              email: contact.email,
              href: `mailto:${contact.email}`,
              role: contact.role,
              roleLabel: messages.enums.role?.[contact.role] ?? english.enums.role?.[contact.role] ?? contact.role,
            },
          }
        : {}),
      material: materialChanges.map(changeView),
      editorial: editorialChanges.map(changeView),
      count: { all: input.changes.changes.length, material: materialChanges.length, editorial: editorialChanges.length },
      bump: input.changes.bump,
      t: {
        subject: fill(label('subject'), values),
        preheader: fill(counted('preheader', input.changes.changes.length), { ...values, count: String(input.changes.changes.length) }),
        heading: fill(label('heading'), values),
        intro: fill(label('intro'), values),
        material: fill(label('material'), values),
        editorial: fill(label('editorial'), values),
        editorialCount: fill(counted('editorialCount', editorialChanges.length), { ...values, count: String(editorialChanges.length) }),
        readPolicy: fill(label('readPolicy'), values),
        readRedline: fill(label('readRedline'), values),
        readChangelog: fill(label('readChangelog'), values),
        questions,
        footer: fill(label('footer'), values),
      },
    };
  };

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

/** The contact whose address sends the notification: role `privacy`, else `dpo`, else `general`, else the first with an e-mail address. */
function senderContact(contacts: readonly Contact[]): (Contact & { email: string }) | undefined {
  const withEmail = contacts.filter((c): c is Contact & { email: string } => typeof c.email === 'string' && c.email !== '');
  for (const role of ['privacy', 'dpo', 'general'] as const) {
    const found = withEmail.find((c) => c.role === role);
    if (found) return found;
  }
  return withEmail[0];
}

/** E-mail clients ignore stylesheets, so sanitized summary HTML gets its styles inline (its text is escaped, so every `<` is a tag). */
function styleInline(html: string): string {
  return html.replace(/<code>/g, `<code style="${codeStyle}">`).replace(/<a /g, `<a style="${linkStyle}" `);
}

/** Trim trailing spaces, collapse runs of blank lines, end with one newline. */
function normaliseText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/[ \t]+$/, ''));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '')}\n`;
}

const columns = (s: string): number => [...s].length;

// White space a line may break at: not the no-break spaces French puts inside « » and before : ; ? !
const breakingSpace = /[^\S\u00a0\u202f]+/g;

/**
 * Wrap every line at `width` columns at word boundaries. A list item (`- `,
 * `* `, `1. ` after any indentation) continues under its text (a hanging
 * indent); other lines continue at their own indentation. A word longer than
 * the line (a URL) is never broken: it gets a line of its own, and nor is a
 * no-break space.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (columns(line) <= width) {
      out.push(line);
      continue;
    }
    const lead = /^(\s*)((?:[-*•]|\d+[.)])\s+)?/.exec(line)!;
    const first = lead[0];
    const hanging = ' '.repeat(columns(first));
    const words = line.slice(first.length).split(breakingSpace).filter(Boolean);
    let current = first;
    let empty = true;
    for (const word of words) {
      const candidate = empty ? current + word : `${current} ${word}`;
      if (empty || columns(candidate) <= width) {
        current = candidate;
        empty = false;
      } else {
        out.push(current);
        current = hanging + word;
      }
    }
    out.push(current);
  }
  return out.join('\n');
}

/**
 * The MailComposer options of a notification: From and To (see
 * {@link NotificationInput.headers}), the subject and both bodies, Date (the
 * new version's effective date, 00:00:00 UTC), Message-ID
 * `<{id}-{version}@policyc.invalid>`, a boundary derived from the id and
 * version, and CRLF line ends.
 */
export function notificationMailOptions(input: NotificationInput, mail: { subject: string; text: string; html: string }): MailComposerOptions {
  const p = input.model.policy;
  const id = p.id;
  const version = input.next.version;
  const contact = senderContact(p.contacts.items);
  const name = proseToPlainText(p.controller.brand || p.controller.name, 'text');
  const options: MailComposerOptions = {
    from: input.headers?.from ?? (contact ? { name, address: contact.email } : undefined),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: new Date(`${input.next.effective}T00:00:00Z`),
    messageId: `<${id}-${version}@policyc.invalid>`,
    baseBoundary: createHash('sha256').update(`${id}\0${version}`).digest('hex').slice(0, 24),
    newline: 'win',
  };
  // An empty group when no recipient is named (nodemailer writes it `"undisclosed-recipients":;`, which is equivalent).
  options.to = input.headers?.to || 'undisclosed-recipients:;';
  return options;
}

/**
 * Compile a message with nodemailer's MailComposer and serialise it
 * synchronously. MimeNode only streams (asynchronously); for string content
 * its output is exactly each node's `buildHeaders()`, the content encoded as
 * `getTransferEncoding()` says (wrapped at 76), children between boundary
 * lines, a final line break, and CRLF line ends (`newline: 'win'`). The tests
 * check the result is byte-identical to `compile().build()`.
 */
export function composeEml(options: MailComposerOptions): string {
  const root = new MailComposer(options).compile();
  let out = serialiseNode(root);
  if (!out.endsWith('\n')) out += out.endsWith('\r') ? '\n' : '\r\n';
  return out.replace(/\r?\n/g, '\r\n');
}

function serialiseNode(node: MimeNode): string {
  const encoding = node.getTransferEncoding();
  let out = `${node.buildHeaders()}\r\n\r\n`;
  const content = node.content;
  if (content) {
    if (typeof content !== 'string' && !Buffer.isBuffer(content)) throw new Error('Only string or Buffer content can be serialised synchronously');
    if (encoding === 'quoted-printable') out += qp.wrap(qp.encode(content), 76);
    else if (encoding === 'base64') out += base64.wrap(base64.encode(content), 76);
    else out += content.toString();
  }
  if (node.multipart && node.boundary) {
    node.childNodes.forEach((child, i) => {
      out += `${i > 0 ? '\r\n' : ''}--${node.boundary}\r\n${serialiseNode(child)}`;
    });
    out += `\r\n--${node.boundary}--\r\n`;
  }
  return out;
}
