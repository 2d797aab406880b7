import Handlebars from 'handlebars';
import type { Change, ChangeSet } from '../diff/types.js';
import { escapeHtml } from '../markdown/escape.js';
import { proseToHtml, proseToPlainText } from '../markdown/prose.js';
import { fill, type Messages } from '../model/messages.js';
import type { Contact } from '../model/policy.generated.js';
import type { Renderer } from '../render/templates.js';
import { formatDate } from '../render/view-model.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { LocalizedSide } from '../render/localize-changes.js';
import { plainSentence } from './plain-changes.js';

/** What a notification e-mail is about: the new version of a document and how it differs from the previous one. */
export interface NotificationInput {
  /** The NEW version (its policy's title, locale, controller, contacts). */
  model: PolicyModel;
  previous: { version: string; effective: string };
  /** `released`: the day the version was released and announced (the manifest's), the e-mail's Date; default: `effective`. */
  next: { version: string; effective: string; released?: string };
  /** The changes from `previous` to `next`. */
  changes: ChangeSet;
  /** The two versions compared, each in its translation into the readers' language when it has one, to name what changed; default: `model` for both. */
  sides?: { from: LocalizedSide; to: LocalizedSide };
  /** The release note (Markdown), in the readers' language: it leads the e-mail. */
  note?: string;
  /** The note's language, when it is not the readers' (a note not translated into it). */
  noteLang?: string;
  /** The project's words (`notify` in policyc.config.json) for this locale: closing lines, legal notice, unsubscribe address or URL. */
  wording?: { closing?: string; legalNotice?: string; unsubscribe?: string };
  /** Absolute URLs of the new version, its redline against the previous one, and the changelog. */
  /** `redlineLanguage`: the redline's language, named in the readers' ("anglais"), when it is not theirs (it exists in the original only). */
  links: { policy: string; redline: string; changelog: string; redlineLang?: string; redlineLanguage?: string };
  /**
   * Header overrides. Default From: the brand (else the controller's name) and the e-mail
   * address of the contact with role `privacy`, else `dpo`, else `general`, else the first
   * contact with an address. Default To: `undisclosed-recipients:;`.
   */
  headers?: { from?: string; to?: string };
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
  /**
   * What changes, in the readers' words (the sentence of its rule, naming the entity by its display name; never ids or field names):
   * sanitized HTML (with inline styles) in the HTML template, plain text in the text and subject templates.
   */
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
  /** One line counting the changes not listed (editorial), pointing to the changelog and the redline (links in HTML); empty when there are none. */
  others: unknown;
  /** The project's closing lines for the locale (`notify.closing`), else empty. */
  closing: string;
  /** Why the reader receives it: the project's `notify.legalNotice` for the locale, else the locale's neutral `email.footer`. */
  footer: string;
  /** The locale's separator between a label and its value (`punctuation.colon`: ": ", French " : "). */
  colon: string;
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
  /** `redlineLanguage`: the redline's language, named in the readers' ("anglais"), when it is not theirs (it exists in the original only). */
  links: { policy: string; redline: string; changelog: string; redlineLang?: string; redlineLanguage?: string };
  /** Absent when no contact has an e-mail address. */
  contact?: NotificationContactView;
  /** The release note: sanitized HTML (with inline styles) in the HTML template, plain text in the text templates; absent without one. */
  note?: unknown;
  /** The note's language, when it is not the e-mail's (for `lang`). */
  noteLang?: string;
  /** Where readers unsubscribe (`notify.unsubscribe`): a `mailto:` address or an https URL. */
  unsubscribe?: string;
  /** Material changes, in change-set order. */
  material: NotificationChangeView[];
  /** Editorial changes, in change-set order (the built-in templates count them: `t.others`). */
  editorial: NotificationChangeView[];
  count: { all: number; material: number; editorial: number };
  /** The version bump the changes call for. */
  bump: ChangeSet['bump'];
  /** Labels, filled. */
  t: NotificationLabels;
}

// The site's palette (templates/assets/policy.css), for markup inserted into summaries.
const accent = '#0b5cad';
const codeStyle =
  'font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:0.9em;background-color:#f4f6f8;padding:0 3px;';
const linkStyle = `color:${accent};`;

/**
 * The views the e-mail templates receive for a notification (see
 * `renderNotification`), one per format: `html` for email.html.hbs, `text`
 * for subject.txt.hbs and email.txt.hbs.
 */
export function notificationView(
  input: NotificationInput,
  renderer: Pick<Renderer, 'messages'>,
): (format: 'html' | 'text') => NotificationView {
  const p = input.model.policy;
  const messages = renderer.messages(p.locale);
  const english = renderer.messages('en');
  const { label, counted } = emailLabels(messages, english);
  const title = proseToPlainText(p.title, 'text');
  const controller = controllerView(p.controller);
  const contact = senderContact(p.contacts.items);
  const roleLabel = (role: string) => messages.enums.role?.[role] ?? english.enums.role?.[role] ?? role;
  const version = (v: { version: string; effective: string }): NotificationVersionView => ({
    version: v.version,
    effective: { iso: v.effective, display: formatDate(v.effective, p.locale) },
  });
  const previous = version(input.previous);
  const next = version(input.next);
  const materialChanges = input.changes.changes.filter((c) => c.material);
  const editorialChanges = input.changes.changes.filter((c) => !c.material);
  const own = { source: input.model.policy };
  const plain = { locale: p.locale, messages, from: input.sides?.from ?? own, to: input.sides?.to ?? own };
  const sentence = (c: Change) => plainSentence(c, plain);
  const wording = input.wording ?? {};
  const values = { title, version: next.version, previous: previous.version, effective: next.effective.display };
  return (format) => ({
    format,
    lang: p.locale,
    id: p.id,
    title,
    sender: controller.brand || controller.name,
    controller,
    previous,
    next,
    links: { ...input.links },
    ...(contact
      ? { contact: { email: contact.email, href: `mailto:${contact.email}`, role: contact.role, roleLabel: roleLabel(contact.role) } }
      : {}),
    ...(input.note?.trim() ? { note: noteView(input.note, format), ...(input.noteLang ? { noteLang: input.noteLang } : {}) } : {}),
    ...(wording.unsubscribe ? { unsubscribe: wording.unsubscribe } : {}),
    material: materialChanges.map((c) => changeView(c, sentence(c), format)),
    editorial: editorialChanges.map((c) => changeView(c, sentence(c), format)),
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
      questions: contact ? questions(label('questions'), contact.email, format) : '',
      others: editorialChanges.length
        ? others(
            counted('others', editorialChanges.length),
            { ...values, count: String(editorialChanges.length) },
            label,
            input.links,
            format,
          )
        : '',
      closing: wording.closing ?? '',
      footer: wording.legalNotice ?? fill(label('footer'), values),
      colon: messages.punctuation?.colon ?? ': ',
    },
  });
}

/** The controller as the templates see it: plain text. */
function controllerView(c: PolicyModel['policy']['controller']): NotificationView['controller'] {
  const website = c.website && {
    url: c.website.url,
    ...(c.website.name ? { name: proseToPlainText(c.website.name, 'text') } : {}),
  };
  return {
    name: proseToPlainText(c.name, 'text'),
    ...(c.brand ? { brand: proseToPlainText(c.brand, 'text') } : {}),
    ...(c.address ? { address: proseToPlainText(c.address, 'text') } : {}),
    ...(website ? { website } : {}),
  };
}

/** The labels of the locale's `email` group, falling back to English; `counted` picks a `<key>One` label for a count of 1 (the locale files have no plural forms yet). */
function emailLabels(
  messages: Messages,
  english: Messages,
): { label: (key: string) => string; counted: (key: string, count: number) => string } {
  const label = (key: string): string => {
    const own = (messages.email as Record<string, unknown> | undefined)?.[key];
    const fallback = (english.email as Record<string, unknown> | undefined)?.[key];
    return typeof own === 'string' ? own : typeof fallback === 'string' ? fallback : '';
  };
  return { label, counted: (key, count) => (count === 1 && label(`${key}One`)) || label(key) };
}

/** One change as a template sees it: its sentence (inline Markdown) as styled HTML for the HTML body, else plain. */
function changeView(c: Change, sentence: string, format: 'html' | 'text'): NotificationChangeView {
  const plainSummary = proseToPlainText(sentence, 'text');
  return {
    type: c.type,
    entity: c.entity,
    id: c.id,
    material: c.material,
    rule: c.rule,
    summary: format === 'html' ? new Handlebars.SafeString(styleInline(proseToHtml(sentence, 'text'))) : plainSummary,
    plainSummary,
  };
}

/** The release note: sanitized block HTML with inline styles, or plain text with its paragraphs. */
function noteView(note: string, format: 'html' | 'text'): unknown {
  return format === 'html' ? new Handlebars.SafeString(styleInline(proseToHtml(note, 'prose', 2))) : proseToPlainText(note, 'prose');
}

/** The line counting the other changes, naming the changelog and the redline (links in HTML). */
function others(
  template: string,
  values: Record<string, string>,
  label: (key: string) => string,
  links: NotificationInput['links'],
  format: 'html' | 'text',
): unknown {
  if (format === 'text') return fill(template, { ...values, changelog: label('changelogLink'), redline: label('redlineLink') });
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="${linkStyle}">${escapeHtml(text)}</a>`;
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  return new Handlebars.SafeString(
    fill(escapeHtml(template), {
      ...escaped,
      changelog: link(links.changelog, label('changelogLink')),
      redline: link(links.redline, label('redlineLink')),
    }),
  );
}

/** The line inviting questions, with the contact's address (a `mailto:` link in HTML). */
function questions(template: string, email: string, format: 'html' | 'text'): unknown {
  return format === 'html'
    ? new Handlebars.SafeString(
        fill(escapeHtml(template), { contact: `<a href="${escapeHtml(`mailto:${email}`)}" style="${linkStyle}">${escapeHtml(email)}</a>` }),
      )
    : fill(template, { contact: email });
}

/** The contact whose address sends the notification: role `privacy`, else `dpo`, else `general`, else the first with an e-mail address. */
export function senderContact(contacts: readonly Contact[]): (Contact & { email: string }) | undefined {
  const withEmail = contacts.filter((c): c is Contact & { email: string } => typeof c.email === 'string' && c.email !== '');
  for (const role of ['privacy', 'dpo', 'general'] as const) {
    const found = withEmail.find((c) => c.role === role);
    if (found) return found;
  }
  return withEmail[0];
}

/** E-mail clients ignore stylesheets, so sanitized summary HTML gets its styles inline (its text is escaped, so every `<` is a tag). */
function styleInline(html: string): string {
  return html
    .replace(/<code>/g, `<code style="${codeStyle}">`)
    .replace(/<a /g, `<a style="${linkStyle}" `)
    .replace(/<(p|ul|ol)>/g, '<$1 style="margin:0 0 16px;">')
    .replace(/<h([2-6])>/g, '<h$1 style="margin:16px 0 8px;font-size:17px;line-height:1.3;">');
}
