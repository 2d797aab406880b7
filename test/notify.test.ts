// The change-notification e-mail: subject, HTML and text bodies, the MIME message, and sending it over real SMTP.
import dns from 'node:dns';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import tls from 'node:tls';
import { HtmlValidate } from 'html-validate';
import { simpleParser, type AddressObject } from 'mailparser';
import { withSmtpServer } from './support/smtp.js';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChangeSet } from '../src/diff/types.js';
import { readTemplates } from '../src/load/read-templates.js';
import type { Policy } from '../src/model/policy.generated.js';
import { sendNotification, transportOptions } from '../src/notify/mail.js';
import { readSmtpUrl, redactUrl, scrubCredentials } from '../src/notify/smtp-url.js';
import { notify } from '../src/api.js';
import { runCli } from './support/cli.js';
import { copySample } from './support/project.js';
import { composeEml, notificationMailOptions } from '../src/notify/mime.js';
import { renderNotification, type Notification, type NotificationInput } from '../src/notify/notification.js';
import { wrapText } from '../src/notify/plain-text.js';
import { createRenderer, type Renderer } from '../src/render/templates.js';
import { resolve } from '../src/resolve/resolve.js';

const policy: Policy = {
  id: 'privacy',
  title: 'Privacy & Cookies Policy',
  version: '2.0.0',
  effective: '2027-01-01',
  locale: 'en-GB',
  controller: { name: 'Example Ltd', brand: 'Example', address: '1 High Street, London' },
  collection: {
    contexts: [{ id: 'signup', description: 'create an account' }],
    categories: [{ id: 'email', label: 'Email address' }],
  },
  purposes: {
    items: [
      { id: 'service', description: 'provide the service', categories: ['email'], legalBasis: 'contract' },
      {
        id: 'ads',
        description: 'show you *personalised* advertising, chosen from what you read and buy on our websites <script>alert(1)</script>',
        categories: ['email'],
        legalBasis: 'consent',
      },
    ],
  },
  contacts: {
    items: [
      { id: 'support', role: 'support', description: 'Help with your account', email: 'help@example.com' },
      { id: 'privacy', role: 'privacy', description: 'Questions about this policy', email: 'privacy@example.com' },
    ],
  },
} as Policy;

const links = {
  policy: 'https://example.com/privacy/v/2.0.0/index.html',
  redline: 'https://example.com/privacy/compare/1.0.0...2.0.0/index.html',
  changelog: 'https://example.com/privacy/changelog/index.html',
};

// An editorial change comes first in the set: the e-mail must still list the material ones first.
const changes: ChangeSet = {
  from: '1.0.0',
  to: '2.0.0',
  material: true,
  bump: 'minor',
  changes: [
    {
      type: 'changed',
      entity: 'contact',
      id: 'support',
      material: false,
      class: 'editorial',
      rule: 'contact-detail',
      summary: 'Changes the contact `support`: its description is reworded.',
    },
    {
      type: 'added',
      entity: 'cookie',
      id: '_fbp',
      material: true,
      class: 'material',
      rule: 'new-third-party-cookie',
      summary:
        'Adds the cookie `_fbp` (Meta, advertising, 90 days), which a third party sets on every page of the website to measure how well its advertisements work.',
    },
    {
      type: 'added',
      entity: 'purpose',
      id: 'ads',
      material: true,
      class: 'material',
      rule: 'new-purpose',
      summary: 'Adds the purpose `ads`: show you *personalised* advertising <script>alert(1)</script>.',
    },
    {
      type: 'changed',
      entity: 'section',
      id: 'contacts',
      material: false,
      class: 'editorial',
      rule: 'wording',
      summary: 'Rewords the contact section.',
    },
  ],
};

// Told in the rule's sentence with the entity's display name (never the diff's summary, its ids or field names); an entity
// the version does not name (the cookie is not in the policy) gets the generic sentence.
const materialTexts = ['Adds the cookie.', 'Adds the purpose “show you personalised advertising'];

function input(extra: Partial<NotificationInput> = {}): NotificationInput {
  return {
    model: resolve(policy, 'policy/privacy.yaml'),
    previous: { version: '1.0.0', effective: '2026-01-01' },
    next: { version: '2.0.0', effective: '2027-01-01', released: '2026-11-20' },
    changes,
    links,
    ...extra,
  };
}

/** Text with every run of white space (line breaks from wrapping included) as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

let renderer: Renderer;
let mail: Notification;

beforeAll(async () => {
  renderer = createRenderer(await readTemplates([]));
  const rendered = renderNotification(input(), renderer);
  expect(renderer.diagnostics).toEqual([]);
  expect(rendered).toBeDefined();
  mail = rendered!;
});

describe('notification e-mail', () => {
  it('has a one-line subject naming the title, version and effective date', () => {
    expect(mail.subject).toBe('Changes to our Privacy & Cookies Policy: version 2.0.0, effective 1 January 2027');
  });

  it('renders a self-contained HTML e-mail, material changes first', () => {
    const html = mail.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(
      /<body[^>]*>\s*<div style="display:none;max-height:0;[^"]*overflow:hidden;[^"]*">4 changes to our Privacy &amp; Cookies Policy, effective 1 January 2027\./,
    );
    expect(html).toContain('role="presentation"');
    expect(html).toContain('max-width:600px');
    // The material changes in the readers' words: no ids, no code spans, raw HTML dropped; the others only counted.
    expect(html).toContain('<li style="margin:0 0 8px;">Adds the cookie.</li>');
    expect(html).toContain('Adds the purpose “show you personalised advertising');
    for (const internal of ['_fbp', '`', '<code', '<script', 'Changes the contact', 'Rewords the contact section'])
      expect(html).not.toContain(internal);
    expect(html).toContain(`2 other changes, such as rewording, are listed in the <a href="${links.changelog}"`);
    expect(html).toContain(`and marked in the <a href="${links.redline}"`);
    expect(html).toContain(`href="${links.policy}"`);
    expect(html).toContain(`href="${links.redline}"`);
    expect(html).toContain(`href="${links.changelog}"`);
    expect(html).toContain('<a href="mailto:privacy@example.com"');
    // Every element that is styled is styled inline: no class attributes to style.
    expect(html).not.toContain('class=');
  });

  it('is valid HTML (html-validate recommended; inline style is what e-mail needs)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });
    const report = await validator.validateString(mail.html, 'email.html');
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('renders a plain-text alternative wrapped at 72 columns, URLs intact, material first', () => {
    const text = mail.text;
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(72);
    const words = new Set(text.split(/\s+/));
    for (const url of Object.values(links)) expect(words.has(url), url).toBe(true);
    expect(text).not.toContain('`');
    expect(text).not.toContain('<script');
    const plain = flat(text);
    for (const summary of materialTexts) expect(plain).toContain(summary);
    expect(plain).not.toContain('Changes the contact');
    expect(plain).toContain(
      '2 other changes, such as rewording, are listed in the change history and marked in the comparison of the two versions.',
    );
    expect(plain).toContain('Questions? Contact us at privacy@example.com.');
    // A list item that wraps continues under its text.
    const lines = text.split('\n');
    const item = lines.findIndex((l) => l.startsWith('  - Adds the purpose'));
    expect(item).toBeGreaterThan(0);
    expect(lines[item + 1]).toMatch(/^ {4}\S/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
  });

  it('wraps at word boundaries and never breaks a long word', () => {
    const long = `https://example.com/${'a'.repeat(80)}`;
    expect(wrapText(`  - one two ${long} three`, 20)).toBe(`  - one two\n    ${long}\n    three`);
    expect(wrapText('1. alpha beta gamma delta', 12)).toBe('1. alpha\n   beta\n   gamma\n   delta');
  });

  it('builds a deterministic MIME message that parses', async () => {
    const again = renderNotification(input(), createRenderer(await readTemplates([])))!;
    expect(again.eml).toBe(mail.eml);
    expect(mail.eml).not.toMatch(/[^\r]\n/);
    // Unique per site (the links' host) and per language; dated the day the version was released and announced.
    expect(mail.eml).toContain('Message-ID: <privacy-2.0.0.en-gb@example.com>\r\n');
    expect(mail.eml).toContain('Date: Fri, 20 Nov 2026 00:00:00 +0000\r\n');
    expect(mail.eml).not.toContain('List-Unsubscribe');
    expect(mail.eml).toContain('To: "undisclosed-recipients":;\r\n');
    expect(mail.eml).toMatch(/Content-Type: multipart\/alternative;/);

    const parsed = await simpleParser(mail.eml);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from?.value).toEqual([{ name: 'Example', address: 'privacy@example.com' }]);
    expect((parsed.to as AddressObject).value).toEqual([{ name: 'undisclosed-recipients', group: [] }]);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.messageId).toBe('<privacy-2.0.0.en-gb@example.com>');
    expect(parsed.date?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(mail.eml.indexOf('Content-Type: text/plain')).toBeLessThan(mail.eml.indexOf('Content-Type: text/html'));
  });

  it('serialises exactly as nodemailer streams the same message', async () => {
    const cases = [
      notificationMailOptions(input(), mail),
      // Non-Latin text (base64), a long line (quoted-printable soft breaks), a given From and To.
      notificationMailOptions(input({ headers: { from: 'Ёлка <a@example.com>', to: 'x@example.com, Y <y@example.com>' } }), {
        subject: 'Тема',
        text: 'Привет, мир! '.repeat(30),
        html: `<p>${'long line ü '.repeat(200)}</p>`,
      }),
      // Short ASCII lines (7bit).
      notificationMailOptions(input(), { subject: 'Plain', text: 'Plain text.\n', html: '<p>Plain.</p>\n' }),
    ];
    const encodings = new Set<string>();
    for (const options of cases) {
      const streamed = await new MailComposer({ ...options }).compile().build();
      const eml = composeEml({ ...options });
      expect(eml).toBe(streamed.toString('utf8'));
      for (const [, encoding] of eml.matchAll(/Content-Transfer-Encoding: (\S+)/g)) encodings.add(encoding!);
    }
    expect([...encodings].sort()).toEqual(['7bit', 'base64', 'quoted-printable']);
  });

  it('honours From and To overrides', async () => {
    const custom = renderNotification(input({ headers: { from: 'Legal <legal@example.com>', to: 'all@example.com' } }), renderer)!;
    const parsed = await simpleParser(custom.eml);
    expect(parsed.from?.value).toEqual([{ name: 'Legal', address: 'legal@example.com' }]);
    expect((parsed.to as AddressObject).value).toEqual([{ name: '', address: 'all@example.com' }]);
  });

  it('returns undefined when a template fails', async () => {
    const templates = await readTemplates([]);
    templates.files.delete('email.txt.hbs');
    const broken = createRenderer(templates);
    expect(renderNotification(input(), broken)).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.ruleId)).toEqual(['template-error']);
  });
});

describe('sending over SMTP', () => {
  it('delivers subject, both parts and every material change to a real SMTP server', async () => {
    await withSmtpServer(async ({ port, received }) => {
      const result = await sendNotification(mail, { smtp: `smtp://127.0.0.1:${port}`, to: 'reader@example.com' });
      expect(result.accepted).toEqual(['reader@example.com']);
      expect(result.messageId).toMatch(/^<.+@.+>$/);

      expect(received).toHaveLength(1);
      expect(received[0]!.from).toBe('privacy@example.com');
      expect(received[0]!.to).toEqual(['reader@example.com']);
      const parsed = await simpleParser(received[0]!.raw);
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.from?.value).toEqual([{ name: 'Example', address: 'privacy@example.com' }]);
      expect(parsed.text).toBe(mail.text);
      expect(parsed.html).toBe(mail.html);
      for (const summary of materialTexts) {
        expect(flat(parsed.text ?? '')).toContain(summary);
        expect(flat(String(parsed.html).replace(/<[^>]+>/g, ''))).toContain(summary);
      }
    });
  });

  it('sends the Message-ID, Date and List-Unsubscribe headers of the .eml, not ones of its own', async () => {
    const unsubscribe = 'https://example.com/unsubscribe?list=privacy';
    const listed = renderNotification(input({ wording: { unsubscribe } }), renderer)!;
    const archived = await simpleParser(listed.eml);
    await withSmtpServer(async ({ port, received }) => {
      const result = await sendNotification(listed, { smtp: `smtp://127.0.0.1:${port}`, to: 'reader@example.com' });
      expect(result.messageId).toBe('<privacy-2.0.0.en-gb@example.com>');
      const sent = await simpleParser(received[0]!.raw);
      expect(sent.messageId).toBe(archived.messageId);
      expect(sent.date?.toISOString()).toBe(archived.date?.toISOString());
      expect(sent.date?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
      const raw = (name: string, eml: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(eml.replace(/\r?\n[ \t]+/g, ' '))?.[1];
      for (const name of ['List-Unsubscribe', 'List-Unsubscribe-Post']) {
        expect(raw(name, received[0]!.raw.toString('utf8')), name).toBe(raw(name, listed.eml));
        expect(raw(name, listed.eml), name).toBeDefined();
      }
      expect(raw('List-Unsubscribe', listed.eml)).toBe(`<${unsubscribe}>`);
    });
  });

  it('rejects a URL that is not SMTP', async () => {
    await expect(sendNotification(mail, { smtp: 'http://127.0.0.1:1', to: 'reader@example.com' })).rejects.toThrow(/Not an SMTP URL/);
  });
});

// SMTP credentials: a user and password in the URL (or in $POLICYC_SMTP_URL, off the command line), never shown in a
// message, and never sent to another machine without TLS.
describe('sending with a password', () => {
  const user = 'policyc';
  const pass = 'hunter2/s3cret@x';
  const inUrl = `${user}:${encodeURIComponent(pass)}`;
  const recipient = 'legal@example.com';

  /** Run the CLI in-process on a copy of the sample; what it printed, and its exit code. */
  const cli = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { cwd: copySample(), env });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs in with the user and password of the URL', async () => {
    await withSmtpServer(
      async (server) => {
        const result = await sendNotification(mail, { smtp: `smtp://${inUrl}@127.0.0.1:${server.port}`, to: recipient });
        expect(result.accepted).toEqual([recipient]);
        expect(server.logins).toEqual([{ user, pass }]);
        expect(server.received).toHaveLength(1);
      },
      { auth: { user, pass } },
    );
  });

  it('takes the URL from POLICYC_SMTP_URL when --to is given, and --send wins over it', async () => {
    await withSmtpServer(
      async (server) => {
        const viaEnv = await cli(['notify', '--to', recipient], { POLICYC_SMTP_URL: `smtp://${inUrl}@127.0.0.1:${server.port}` });
        expect(viaEnv.stderr).toBe('');
        expect(viaEnv.code).toBe(0);
        expect(viaEnv.stdout).toContain(`sent <`);
        expect(server.logins).toEqual([{ user, pass }]);
        expect(server.received.map((m) => m.to)).toEqual([[recipient]]);

        // Port 9 (discard) would fail: the flag's server is the one used.
        const flagWins = await cli(['notify', '--send', `smtp://${inUrl}@127.0.0.1:${server.port}`, '--to', recipient], {
          POLICYC_SMTP_URL: 'smtp://127.0.0.1:9',
        });
        expect(flagWins.code).toBe(0);
        expect(server.received).toHaveLength(2);
      },
      { auth: { user, pass } },
    );
    // Without --to the variable sends nothing; --to without any server is a usage error.
    const noServer = await cli(['notify', '--to', recipient]);
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toContain(
      '`--to` needs an SMTP server: `--send smtp://HOST:PORT`, or the POLICYC_SMTP_URL environment variable',
    );
  });

  it('never prints the password: a refused login, a server that quotes it back, a malformed URL', async () => {
    const wrong = 'Wr0ng-Passw0rd';
    await withSmtpServer(
      async (server) => {
        const url = `smtp://${user}:${wrong}@127.0.0.1:${server.port}`;
        // The API's message.
        const error = await sendNotification(mail, { smtp: url, to: recipient }).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(error?.message).toMatch(/^Invalid login: 535 /);
        expect(error?.message).not.toContain(wrong);
        expect(error?.message).toContain('***');
        // The CLI's diagnostic, with the URL: `notify-send-failed`, the user and password shown as ***.
        const r = await cli(['notify', '--send', url, '--to', recipient]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('notify-send-failed');
        expect(r.stderr).toContain(`Sending through smtp://***@127.0.0.1:${server.port} failed: Invalid login: 535`);
        expect(r.stdout + r.stderr).not.toContain(wrong);
        expect(r.stdout + r.stderr).not.toContain(Buffer.from(`\0${user}\0${wrong}`).toString('base64'));
        expect(server.logins).toEqual([
          { user, pass: wrong },
          { user, pass: wrong },
        ]);
        expect(server.received).toEqual([]);
      },
      {
        auth: { user, pass },
        authFailure: (attempt) =>
          `No such login ${attempt.user}:${attempt.pass} (${Buffer.from(`\0${attempt.user}\0${attempt.pass}`).toString('base64')})`,
      },
    );
    // A value the flag refuses is not echoed with its password either.
    const bad = await cli(['notify', '--send', `smtp://${user}:${wrong}@127.0.0.1:25/path`, '--to', recipient]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not `smtp://***@127.0.0.1:25/path`');
    expect(bad.stderr).not.toContain(wrong);
    expect(redactUrl(`smtps://${user}:p@ss/word@mail.example.com:465`)).toBe('smtps://***@mail.example.com:465');
    expect(() => readSmtpUrl(`smtp://${user}:%E0%A4%A@mail.example.com`)).toThrow(/^Not an SMTP URL: smtp:\/\/\*\*\*@mail\.example\.com /);
    expect(scrubCredentials(`535 ${pass} ${encodeURIComponent(pass)} ${Buffer.from(pass).toString('base64')}`, { user, pass })).toBe(
      '535 *** *** ***',
    );
  });

  it('requires TLS to any host but this machine: STARTTLS for smtp://, from the start for smtps://', () => {
    const options = (url: string, insecure = false) => {
      const { host, secure, ignoreTLS, requireTLS } = transportOptions(readSmtpUrl(url), insecure);
      return { host, secure, ignoreTLS, requireTLS };
    };
    expect(options('smtp://mail.example.invalid:587')).toEqual({
      host: 'mail.example.invalid',
      secure: false,
      ignoreTLS: false,
      requireTLS: true,
    });
    expect(options('smtps://mail.example.invalid')).toEqual({
      host: 'mail.example.invalid',
      secure: true,
      ignoreTLS: false,
      requireTLS: false,
    });
    expect(options('smtp://mail.example.invalid', true)).toEqual({
      host: 'mail.example.invalid',
      secure: false,
      ignoreTLS: false,
      requireTLS: false,
    });
    for (const local of ['smtp://127.0.0.1:2525', 'smtp://127.8.9.10', 'smtp://localhost:25', 'smtp://LOCALHOST', 'smtp://[::1]:25']) {
      expect(options(local), local).toMatchObject({ ignoreTLS: true, requireTLS: false });
    }
    for (const remote of ['smtp://127.0.0.1.example.com', 'smtp://localhost.example.com', 'smtp://[::ffff:7f00:1]', 'smtp://10.0.0.1']) {
      expect(options(remote), remote).toMatchObject({ ignoreTLS: false, requireTLS: true });
    }
  });

  // A server (or someone in between) that does not offer STARTTLS gets neither the password nor the mail.
  const outward = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
  it.skipIf(!outward)('sends nothing to a server on another address that offers no TLS', async () => {
    await withSmtpServer(
      async (server) => {
        const error = await sendNotification(mail, { smtp: `smtp://${inUrl}@${outward}:${server.port}`, to: recipient }).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(error?.message).toMatch(/STARTTLS/);
        expect(error?.message).not.toContain(pass);
        expect(server.connections).toBe(1);
        expect(server.logins).toEqual([]);
        expect(server.received).toEqual([]);
      },
      { host: outward!, auth: { user, pass } },
    );
  });

  it('refuses --insecure-smtp with a password for another host before touching the network', async () => {
    // Every way out is watched, and fails at once, so that nothing leaves this machine even when something is called.
    const blocked = (...args: unknown[]) => {
      const callback = args.at(-1);
      const error = Object.assign(new Error('blocked by the test'), { code: 'ENOTFOUND' });
      if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
      else throw error;
    };
    const touched = [
      vi.spyOn(dns, 'lookup').mockImplementation(blocked as typeof dns.lookup),
      vi.spyOn(dns, 'resolve4').mockImplementation(blocked as typeof dns.resolve4),
      vi.spyOn(dns, 'resolve6').mockImplementation(blocked as typeof dns.resolve6),
      vi.spyOn(net, 'connect').mockImplementation(blocked as typeof net.connect),
      vi.spyOn(net, 'createConnection').mockImplementation(blocked as typeof net.createConnection),
      vi.spyOn(tls, 'connect').mockImplementation(blocked as typeof tls.connect),
    ];
    const url = `smtp://${inUrl}@mail.example.invalid:587`;
    await expect(sendNotification(mail, { smtp: url, to: recipient, insecure: true })).rejects.toThrow(
      '`--insecure-smtp` would send the SMTP password to mail.example.invalid unencrypted',
    );
    const result = await notify({ cwd: copySample(), send: url, recipient, insecureSmtp: true, cache: false });
    expect(result.diagnostics.map((d) => [d.ruleId, d.file, d.message])).toEqual([
      [
        'notify-smtp-insecure',
        'smtp://***@mail.example.invalid:587',
        '`--insecure-smtp` would send the SMTP password to mail.example.invalid unencrypted',
      ],
    ]);
    expect(result.sent).toBeUndefined();
    for (const spy of touched) expect(spy).not.toHaveBeenCalled();
    // The watch works: the same server without --insecure-smtp is tried (STARTTLS required), and is seen trying.
    await expect(sendNotification(mail, { smtp: url, to: recipient })).rejects.toThrow();
    expect(touched.some((spy) => spy.mock.calls.length > 0)).toBe(true);
  });
});
