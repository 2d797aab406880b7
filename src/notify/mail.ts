import { createTransport } from 'nodemailer';
import type { Notification } from './notification.js';

/** Where and to whom a notification is sent. */
export interface SendOptions {
  /** The SMTP server: `smtp://HOST:PORT` (plain; STARTTLS when the server offers it, except on loopback) or `smtps://HOST:PORT` (TLS). */
  smtp: string;
  /** The recipient(s), as an address list (`a@example.com, B <b@example.com>`). */
  to: string;
  /** The sender; default: the notification's own From header. */
  from?: string;
}

/**
 * Send a rendered notification over SMTP, without authentication: the same
 * subject, plain-text and HTML bodies, addressed to `options.to`. Resolves
 * with the Message-ID nodemailer gave the message and the recipients the
 * server accepted; rejects when the server cannot be reached or refuses it.
 */
export async function sendNotification(notification: Notification, options: SendOptions): Promise<{ messageId: string; accepted: string[] }> {
  const url = new URL(options.smtp);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`Not an SMTP URL: ${options.smtp} (expected smtp://HOST:PORT)`);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  const transport = createTransport({
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    // Plain SMTP to a server on this machine (a test or development server) needs no TLS.
    ignoreTLS: !secure && loopback,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    const from = options.from ?? senderOf(notification.eml);
    const info = await transport.sendMail({
      ...(from ? { from } : {}),
      to: options.to,
      subject: notification.subject,
      text: notification.text,
      html: notification.html,
    });
    return { messageId: info.messageId, accepted: [...info.accepted] };
  } finally {
    transport.close();
  }
}

/** The sender named by the From header of a MIME message (the first address), undefined when absent. */
function senderOf(eml: string): string | { name: string; address: string } | undefined {
  const head = eml.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  const value = unfolded
    .split(/\r?\n/)
    .find((l) => /^from:/i.test(l))
    ?.slice('from:'.length)
    .trim();
  if (!value) return undefined;
  const angle = /^(.*?)\s*<([^<>]+)>$/.exec(value);
  if (!angle) return value;
  let name = decodeWords(angle[1]!.trim());
  if (/^".*"$/.test(name)) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  return name ? { name, address: angle[2]! } : angle[2]!;
}

/** Decode RFC 2047 encoded words in UTF-8 (what nodemailer writes for non-ASCII names). */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?([QqBb])\?([^?]*)\?=/gi, (_whole, encoding: string, text: string) => {
      if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}
