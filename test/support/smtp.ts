import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  from?: string;
  to: string[];
  raw: Buffer;
}

/** How the test server is set up: the address it listens on (default 127.0.0.1), and the one user and password it accepts (none needed without). */
export interface SmtpServerOptions {
  host?: string;
  auth?: { user: string; pass: string };
  /** The reply to a failed login (default: smtp-server's own). */
  authFailure?: (attempt: { user: string; pass: string }) => string;
}

/**
 * Run `body` against a real SMTP server on 127.0.0.1 (a free port, no TLS, no
 * authentication unless `options.auth`) that keeps every message it receives
 * and every login attempted; the server is closed afterwards, whatever happens.
 */
export async function withSmtpServer<T>(
  body: (server: { port: number; received: ReceivedMail[]; logins: { user: string; pass: string }[]; connections: number }) => Promise<T>,
  options: SmtpServerOptions = {},
): Promise<T> {
  const received: ReceivedMail[] = [];
  const logins: { user: string; pass: string }[] = [];
  const state = { port: 0, received, logins, connections: 0 };
  const server = new SMTPServer({
    authOptional: !options.auth,
    // Logins over plain SMTP: the server is on this machine.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      const attempt = { user: auth.username ?? '', pass: auth.password ?? '' };
      logins.push(attempt);
      if (options.auth && attempt.user === options.auth.user && attempt.pass === options.auth.pass) callback(null, { user: attempt.user });
      else callback(new Error(options.authFailure?.(attempt) ?? 'Authentication credentials invalid'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          ...(from ? { from: from.address } : {}),
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, options.host ?? '127.0.0.1', () => ok());
    });
    state.port = (server.server.address() as AddressInfo).port;
    return await body(state);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
