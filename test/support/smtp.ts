import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  from?: string;
  to: string[];
  raw: Buffer;
}

/**
 * Run `body` against a real SMTP server on 127.0.0.1 (a free port, no TLS, no
 * authentication) that keeps every message it receives; the server is closed
 * afterwards, whatever happens.
 */
export async function withSmtpServer<T>(body: (server: { port: number; received: ReceivedMail[] }) => Promise<T>): Promise<T> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({ ...(from ? { from: from.address } : {}), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => ok());
    });
    const { port } = server.server.address() as AddressInfo;
    return await body({ port, received });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
