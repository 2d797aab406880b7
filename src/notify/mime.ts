import { createHash } from 'node:crypto';
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type MimeNode from 'nodemailer/lib/mime-node';
import * as base64 from 'nodemailer/lib/base64';
import * as qp from 'nodemailer/lib/qp';
import { proseToPlainText } from '../markdown/prose.js';
import { senderContact, type NotificationInput } from './notification-view.js';

/**
 * The MailComposer options of a notification: From and To (see
 * {@link NotificationInput.headers}), the subject and both bodies, Date (the
 * day the new version was released and announced, 00:00:00 UTC; its
 * effective date when that is not given), Message-ID
 * `<{id}-{version}[.{kind}].{locale}@{host}>` (the host of the site's links, so two
 * sites or two languages never share one), `List-Unsubscribe` (and
 * `List-Unsubscribe-Post` for an https URL, RFC 8058) when the project gives
 * an unsubscribe address, a boundary derived from the id and version, and
 * CRLF line ends.
 */
export function notificationMailOptions(
  input: Pick<NotificationInput, 'model' | 'next' | 'links' | 'wording' | 'headers'>,
  mail: { subject: string; text: string; html: string },
  /** What else the message announces about the version (`subprocessors`): part of its Message-ID and boundary, so the two messages of a version differ. */
  kind?: string,
): MailComposerOptions {
  const p = input.model.policy;
  const id = p.id;
  const version = kind ? `${input.next.version}.${kind}` : input.next.version;
  const contact = senderContact(p.contacts.items);
  const name = proseToPlainText(p.controller.brand || p.controller.name, 'text');
  const options: MailComposerOptions = {
    from: input.headers?.from ?? (contact ? { name, address: contact.email } : undefined),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: new Date(`${input.next.released ?? input.next.effective}T00:00:00Z`),
    messageId: `<${id}-${version}.${p.locale.toLowerCase()}@${siteHost(input.links.policy)}>`,
    baseBoundary: createHash('sha256').update(`${id}\0${version}`).digest('hex').slice(0, 24),
    newline: 'win',
  };
  const unsubscribe = input.wording?.unsubscribe;
  if (unsubscribe) {
    options.headers = {
      'List-Unsubscribe': `<${unsubscribe}>`,
      ...(unsubscribe.startsWith('https:') ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    };
  }
  // An empty group when no recipient is named (nodemailer writes it `"undisclosed-recipients":;`, which is equivalent).
  options.to = input.headers?.to || 'undisclosed-recipients:;';
  return options;
}

/** The host name of the site a link points into (`policyc.invalid` when it has none), for ids unique per site. */
function siteHost(link: string): string {
  try {
    return new URL(link).hostname.replace(/[^a-z0-9.-]/gi, '') || 'policyc.invalid';
  } catch {
    return 'policyc.invalid';
  }
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

/** One MIME node and its children, as MimeNode would stream them. */
function serialiseNode(node: MimeNode): string {
  const encoding = node.getTransferEncoding();
  let out = `${node.buildHeaders()}\r\n\r\n`;
  const content = node.content;
  if (content) {
    if (typeof content !== 'string' && !Buffer.isBuffer(content))
      throw new Error('Only string or Buffer content can be serialised synchronously');
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
