/**
 * The SMTP server a notification is sent through, read from its URL
 * (`smtp://USER:PASS@HOST:PORT`, `smtps://…`), and the rules that keep its
 * credentials and the mail private: nothing is sent in the clear to another
 * machine, and no message ever shows the user or password.
 */

/** An SMTP server to send through. */
export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (`smtps://`); otherwise STARTTLS, required unless the host is this machine or `insecure`. */
  secure: boolean;
  /** The host is this machine (127.0.0.0/8, ::1, localhost): nothing leaves it. */
  loopback: boolean;
  auth?: { user: string; pass: string };
  /** The URL as messages may show it: without its user and password. */
  shown: string;
}

/** The environment variable the CLI reads the SMTP URL from when `--send` is not given. */
export const smtpUrlVariable = 'POLICYC_SMTP_URL';

/**
 * A URL with its user and password replaced by `***`. Everything between
 * `//` and the last `@` goes, so a password with an unescaped `@` or `/`
 * is hidden too; text that is not such a URL comes back unchanged.
 */
export function redactUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^]*@/i, '$1***@');
}

/** Whether a host name (brackets removed) is this machine. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Read an SMTP URL; throws an Error whose message shows the URL without its credentials. */
export function readSmtpUrl(text: string): SmtpServer {
  const shown = redactUrl(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Not an SMTP URL: ${shown} (expected smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:PORT)`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`Not an SMTP URL: ${shown} (expected smtp://HOST:PORT)`);
  if (!url.hostname) throw new Error(`Not an SMTP URL: ${shown} (it names no host)`);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let auth: SmtpServer['auth'];
  try {
    auth = url.username || url.password ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
  } catch {
    throw new Error(`Not an SMTP URL: ${shown} (its user or password is not properly %-encoded)`);
  }
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    loopback: isLoopback(host),
    ...(auth ? { auth } : {}),
    shown,
  };
}

/**
 * Why sending through this server is refused before connecting, if it is:
 * without TLS (`insecure`) to another machine, a user and password would
 * cross the network in the clear.
 */
export function insecureSmtpProblem(server: SmtpServer, insecure: boolean): string | undefined {
  if (!insecure || server.secure || server.loopback || !server.auth) return undefined;
  return `\`--insecure-smtp\` would send the SMTP password to ${server.host} unencrypted`;
}

/**
 * Every form of the credentials an error could carry (as given, %-encoded,
 * base64 as in AUTH PLAIN and LOGIN) replaced by `***`: nodemailer's
 * messages quote the server's replies, which a server may fill with what it
 * was sent. A user name shorter than three characters is left (it would mangle
 * the message, and is no secret); a password never.
 */
export function scrubCredentials(message: string, auth: SmtpServer['auth']): string {
  if (!auth) return message;
  const secrets = new Set<string>();
  const add = (value: string) => {
    if (!value) return;
    for (const form of [value, encodeURIComponent(value), Buffer.from(value).toString('base64')]) secrets.add(form);
  };
  add(auth.pass);
  if (auth.user.length >= 3) add(auth.user);
  secrets.add(Buffer.from(`\0${auth.user}\0${auth.pass}`).toString('base64'));
  secrets.add(Buffer.from(`${auth.user}\0${auth.user}\0${auth.pass}`).toString('base64'));
  let out = message.replace(/([a-z][a-z0-9+.-]*:\/\/)\S*@/gi, '$1***@');
  // Longest first, so a secret inside another is not left half-replaced.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
