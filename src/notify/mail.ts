import { createTransport } from 'nodemailer';
import type { Notification } from './notification.js';
import { insecureSmtpProblem, readSmtpUrl, scrubCredentials, type SmtpServer } from './smtp-url.js';

/** Where and to whom a notification is sent. */
export interface SendOptions {
  /**
   * The SMTP server: `smtps://[USER:PASSWORD@]HOST[:PORT]` (TLS from the start)
   * or `smtp://[USER:PASSWORD@]HOST[:PORT]` (STARTTLS, required unless the host
   * is this machine or `insecure`). User and password are %-encoded.
   */
  smtp: string;
  /** Allow plain SMTP to another machine (STARTTLS only when offered), for a relay that needs no password. */
  insecure?: boolean;
  /** The recipient(s), as an address list (`a@example.com, B <b@example.com>`). */
  to: string;
  /** The sender; default: the notification's own From header. */
  from?: string;
}

/** How nodemailer connects to a server: to another machine, TLS before anything is sent (unless `insecure`). */
export function transportOptions(server: SmtpServer, insecure = false) {
  return {
    host: server.host,
    port: server.port,
    secure: server.secure,
    // Plain SMTP to a server on this machine (a test or development server) needs no TLS.
    ignoreTLS: !server.secure && server.loopback,
    // Elsewhere STARTTLS must succeed before the password or the mail is sent: a server (or someone in between) that
    // does not offer it gets an error, not the message in the clear.
    requireTLS: !server.secure && !server.loopback && !insecure,
    ...(server.auth ? { auth: server.auth } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/**
 * Send a rendered notification over SMTP, authenticating when the URL has a
 * user and password: the same subject, plain-text and HTML bodies, addressed
 * to `options.to`, with the Message-ID, Date and List-Unsubscribe headers of
 * its `.eml` (else nodemailer would make its own id and date, and the message
 * sent would not be the one archived). Resolves with the Message-ID and the
 * recipients the server accepted; rejects when the server cannot be
 * reached, refuses it, or TLS cannot be had. Error messages never show the
 * user or password.
 */
export async function sendNotification(
  notification: Notification,
  options: SendOptions,
): Promise<{ messageId: string; accepted: string[] }> {
  const server = readSmtpUrl(options.smtp);
  const refused = insecureSmtpProblem(server, options.insecure ?? false);
  if (refused) throw new Error(refused);
  const transport = createTransport(transportOptions(server, options.insecure));
  try {
    const from = options.from ?? senderOf(notification.eml);
    const info = await transport.sendMail({
      ...(from ? { from } : {}),
      to: options.to,
      subject: notification.subject,
      text: notification.text,
      html: notification.html,
      ...identityOf(notification.eml),
    });
    return { messageId: info.messageId, accepted: [...info.accepted] };
  } catch (error) {
    // No `cause`: the original error's message holds the credentials this one is scrubbed of.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(scrubCredentials(error instanceof Error ? error.message : String(error), server.auth));
  } finally {
    transport.close();
  }
}

/** The value of a header of a MIME message's head (unfolded, the first of its name), undefined when absent. */
function headerOf(eml: string, name: string): string | undefined {
  const head = eml.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  const prefix = `${name.toLowerCase()}:`;
  return unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(prefix))
    ?.slice(prefix.length)
    .trim();
}

/** The headers that make a message the one archived as `.eml`: its Message-ID, Date and list headers, when it has them. */
function identityOf(eml: string): { messageId?: string; date?: Date; headers?: Record<string, string> } {
  const messageId = headerOf(eml, 'Message-ID');
  const dateHeader = headerOf(eml, 'Date');
  const date = dateHeader === undefined ? undefined : new Date(dateHeader);
  const headers: Record<string, string> = {};
  for (const name of ['List-Unsubscribe', 'List-Unsubscribe-Post']) {
    const value = headerOf(eml, name);
    if (value) headers[name] = value;
  }
  return {
    ...(messageId ? { messageId } : {}),
    ...(date && !Number.isNaN(date.getTime()) ? { date } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
}

/** The sender named by the From header of a MIME message (the first address), undefined when absent. */
function senderOf(eml: string): string | { name: string; address: string } | undefined {
  const value = headerOf(eml, 'From');
  if (!value) return undefined;
  const angle = /^(.*?)\s*<([^<>]+)>$/.exec(value);
  if (!angle) return value;
  let name = decodeWords(angle[1]!.trim());
  if (/^".*"$/.test(name)) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  return name ? { name, address: angle[2]! } : angle[2]!;
}

/** Decode RFC 2047 encoded words in UTF-8 (what nodemailer writes for non-ASCII names). */
function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(/=\?utf-8\?([QqBb])\?([^?]*)\?=/gi, (_whole, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}
