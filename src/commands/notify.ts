import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { materialityOverrides, type Config } from '../config/config.js';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { frozenDecisions, releaseChanges } from '../history/release-changes.js';
import { replaceFile } from '../history/write-ahead.js';
import { announcedByEmail, announcement, notificationFiles } from '../notify/announcement.js';
import { sendNotification } from '../notify/mail.js';
import { renderNotification, type Notification } from '../notify/notification.js';
import { insecureSmtpProblem, readSmtpUrl, redactUrl, scrubCredentials, smtpUrlVariable, type SmtpServer } from '../notify/smtp-url.js';
import { checkProject } from '../project/check.js';
import { openProject } from '../project/open.js';
import { wholeProject, type ProjectOptions } from '../project/options.js';
import { forTerminal } from '../text/control.js';
import { loadMarkdownParser } from '../markdown/parser-slot.js';
import { subprocessorMail } from '../publish/subprocessor-mail.js';
import type { VersionedDocument } from '../publish/site.js';
import type { Release } from '../history/verify.js';
import type { Renderer } from '../render/templates.js';
import { defined, type CommandContext } from './context.js';

/** Options of `notify`. */
export interface NotifyOptions extends ProjectOptions {
  /** The released version compared from (default: the one before `to`). */
  from?: string;
  /** The released version announced (default: the newest). */
  to?: string;
  document?: string;
  /** Folder to write `subject.txt`, `email.html`, `email.txt` and `email.eml` into. */
  out?: string;
  /**
   * Send through this SMTP server: `smtps://[USER:PASSWORD@]HOST[:PORT]` (TLS)
   * or `smtp://[USER:PASSWORD@]HOST[:PORT]` (STARTTLS, required unless the host
   * is this machine or `insecureSmtp`). Messages never show the user or password.
   */
  send?: string;
  /** Allow plain SMTP to another machine (a relay that needs no password); a URL with a password is still refused. */
  insecureSmtp?: boolean;
  /** The recipient when sending. */
  recipient?: string;
  /** Absolute URL where the site is published (default: config, else the controller's website). */
  baseUrl?: string;
  /** Folder whose files override the built-in templates (default: `templates`, when it exists). */
  templates?: string;
  /** The readers' language: the document's own locale (default) or one the announced version is translated into. */
  locale?: string;
  /** The e-mail of the changes to the subprocessor list (with the objection instructions), instead of the policy's notification. */
  subprocessors?: boolean;
}

/** The outcome of `notify`. */
export interface NotifyResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  notification?: Notification;
  written: string[];
  sent?: { messageId: string; accepted: string[] };
}

/** Render the notification e-mail announcing one released version, write it, and send it over SMTP when asked. */
export async function notify(options: NotifyOptions = {}): Promise<NotifyResult> {
  // It words its notices from the diff, which reads prose with the Markdown parser: loaded while the project is read.
  const [project] = await Promise.all([openProject(wholeProject(options)), loadMarkdownParser()]);
  const checked = await checkProject(project, { ...wholeProject(options), noRules: true });
  const done = (diagnostics: Diagnostic[], rest: Partial<NotifyResult> = {}): NotifyResult => ({
    diagnostics: sortDiagnostics(diagnostics),
    sources: checked.sources,
    written: [],
    ...rest,
  });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error' && (d.source === 'history' || d.source === 'config'));
  if (errors.length) return done(errors);
  const docs = checked.documents.filter((d) => d.releases.length && (!options.document || d.id === options.document));
  const problem = (ruleId: string, message: string, hint: string) =>
    done([diagnostic(project.policyShown, fileStart, ruleId, 'notify', message, { hint })]);
  if (docs.length !== 1)
    return problem(
      'notify-which-document',
      docs.length ? 'Several documents: name one with `--document ID`' : 'No released document to announce',
      'Release a version first with `policyc release`.',
    );
  const doc = docs[0]!;
  const find = (version: string | undefined, fallback: number) =>
    version === undefined ? doc.releases[fallback] : doc.releases.find((r) => r.entry.version === version);
  const to = find(options.to, doc.releases.length - 1);
  const from = options.from === undefined && to ? doc.releases[doc.releases.indexOf(to) - 1] : find(options.from, -1);
  if (!to || !from) {
    const known = doc.releases.map((r) => r.entry.version).join(', ');
    return problem(
      'notify-unknown-version',
      `Cannot announce ${options.from ?? '(previous)'} to ${options.to ?? '(newest)'}: both must be released versions, the second after the first`,
      `Released versions: ${known}.`,
    );
  }
  if (!options.subprocessors && !announcedByEmail(to.model.policy)) return done([noEmailChannel(project.policyShown, to.entry.version)]);
  const { config } = checked;
  const { renderer, missing } = await project.renderer(options.templates);
  if (missing) return done([missing]);
  const baseUrl = (options.baseUrl ?? config.baseUrl ?? to.model.policy.controller.website?.url ?? 'https://example.invalid/').replace(
    /\/?$/,
    '/',
  );
  const locale = options.locale ?? to.model.policy.locale;
  const made = composeMail(doc, { from, to }, { ...options, locale, baseUrl, config, renderer });
  if ('refusal' in made) return problem(...made.refusal);
  const { notification } = made;
  if (!notification) return done(renderer.diagnostics);
  const written = options.out ? await writeNotification(notification, path.resolve(project.cwd, options.out), project.cwd) : [];
  if (!options.send) return done([], { notification, written });
  if (!options.recipient) return problem('notify-no-recipient', '`--send` needs a recipient', 'Add `--to ADDRESS`.');
  const sent = await sendThrough(notification, {
    smtp: options.send,
    recipient: options.recipient,
    insecure: options.insecureSmtp ?? false,
    config,
  });
  if ('diagnostic' in sent) return done([sent.diagnostic], { notification, written });
  return done([], { notification, written, sent });
}

/** A refusal to write the e-mail: rule id, message and hint. */
type MailRefusal = [ruleId: string, message: string, hint: string];

/** The e-mail announcing `to` after `from`: the policy's notification, or with `subprocessors` the changes to the subprocessor list; undefined when a template fails. */
function composeMail(
  doc: VersionedDocument,
  pair: { from: Release; to: Release },
  how: { locale: string; baseUrl: string; config: Config; renderer: Renderer; subprocessors?: boolean },
): { notification?: Notification } | { refusal: MailRefusal } {
  const { from, to } = pair;
  const { locale, baseUrl, config, renderer } = how;
  const locales = [
    to.model.policy.locale,
    ...(doc.translations ?? []).filter((tr) => tr.version === to.entry.version).map((tr) => tr.locale),
  ];
  if (!locales.includes(locale)) {
    const named = locales.map((l, i) => (i === 0 ? `\`${l}\` (the document’s own)` : `\`${l}\``));
    return {
      refusal: [
        'notify-unknown-locale',
        `Version ${to.entry.version} has no translation into \`${locale}\` to announce it in`,
        `Locales of ${to.entry.version}: ${named.join(', ')}.`,
      ],
    };
  }
  if (how.subprocessors) {
    const indices = { from: doc.releases.indexOf(from), to: doc.releases.indexOf(to) };
    const notification = subprocessorMail(doc, indices, renderer, { locale, baseUrl, ...configured(config) });
    if (notification || renderer.diagnostics.length) return notification ? { notification } : {};
    const unpublished = to.model.policy.sharing?.subprocessors ? '' : ', or the document does not publish them (`sharing.subprocessors`)';
    return {
      refusal: [
        'notify-no-subprocessor-changes',
        `Version ${to.entry.version} makes no change to the subprocessors of ${from.entry.version}${unpublished}`,
        'Announce a change to the recipients whose `role` is `processor`; leave out `--subprocessors` for the notification of the policy’s changes.',
      ],
    };
  }
  // The decisions frozen by the releases announced decide their changes to review, as on the changelog.
  const decided = doc.releases.slice(doc.releases.indexOf(from) + 1, doc.releases.indexOf(to) + 1).flatMap(frozenDecisions);
  const changes = releaseChanges(from, to, materialityOverrides(config), undefined, decided);
  const input = announcement(doc, pair, changes, { locale, messages: renderer.messages(locale), baseUrl, ...configured(config) });
  const notification = input && renderNotification(input, renderer);
  return notification ? { notification } : {};
}

/** What the project's configuration says of e-mails: their headers (`mail`) and words (`notify`). */
function configured(config: Config): { headers?: NonNullable<Config['mail']>; notify?: NonNullable<Config['notify']> } {
  return { ...(config.mail ? { headers: config.mail } : {}), ...(config.notify ? { notify: config.notify } : {}) };
}

/** Why no e-mail announces a version whose `changes.channels` leaves out e-mail. */
function noEmailChannel(file: string, version: string): Diagnostic {
  return diagnostic(
    file,
    fileStart,
    'notify-no-email-channel',
    'notify',
    `Version ${version} does not tell of its changes by e-mail: its \`changes.channels\` does not include \`email\``,
    {
      hint: 'Add `email` to `changes.channels` and release a new version, or announce the change through the channels the document lists.',
    },
  );
}

/** Write the e-mail's files into `out`; the paths written, relative to `cwd`. */
async function writeNotification(notification: Notification, out: string, cwd: string): Promise<string[]> {
  const written: string[] = [];
  await mkdir(out, { recursive: true });
  for (const [name, content] of notificationFiles(notification)) {
    await replaceFile(path.join(out, name), content);
    written.push(path.relative(cwd, path.join(out, name)));
  }
  return written;
}

/** Send the e-mail over SMTP; a refused URL, an insecure server or a failure is a diagnostic that never shows the password. */
async function sendThrough(
  notification: Notification,
  how: { smtp: string; recipient: string; insecure: boolean; config: Config },
): Promise<NonNullable<NotifyResult['sent']> | { diagnostic: Diagnostic }> {
  // The URL may hold a password: every message shows it without.
  const shown = redactUrl(how.smtp);
  const fail = (ruleId: string, message: string, hint: string) => ({
    diagnostic: diagnostic(shown, fileStart, ruleId, 'notify', message, { hint }),
  });
  let server: SmtpServer;
  try {
    server = readSmtpUrl(how.smtp);
  } catch (error) {
    return fail(
      'notify-send-failed',
      error instanceof Error ? error.message : String(error),
      'Give the server as `smtps://USER:PASSWORD@HOST:PORT` or `smtp://HOST:PORT`, the user and password %-encoded.',
    );
  }
  const insecure = insecureSmtpProblem(server, how.insecure);
  if (insecure)
    return fail('notify-smtp-insecure', insecure, 'Leave out `--insecure-smtp` (STARTTLS is then required), or use `smtps://`.');
  try {
    return await sendNotification(notification, {
      smtp: how.smtp,
      to: how.recipient,
      ...(how.insecure ? { insecure: true } : {}),
      ...(how.config.mail?.from ? { from: how.config.mail.from } : {}),
    });
  } catch (error) {
    const reason = scrubCredentials(error instanceof Error ? error.message : String(error), server.auth);
    return fail(
      'notify-send-failed',
      `Sending through ${shown} failed: ${reason}`,
      'Check that the SMTP server is running, accepts mail from this machine, and that the user and password are right. A server other than this machine must offer TLS (`smtps://`, or STARTTLS).',
    );
  }
}

export { definition } from './definitions/notify.js';

/** `policyc notify`: the subject, the files written and where it was sent. */
export async function run({ io, options, positionals, cache, report }: CommandContext): Promise<number> {
  // The server from --send, else from $POLICYC_SMTP_URL when a recipient is named: its password need not be on a command line.
  const send = options.send ?? (options.to ? io.env[smtpUrlVariable] || undefined : undefined);
  if (options.to && !send) {
    io.stderr.write(
      `policyc: \`--to\` needs an SMTP server: \`--send smtp://HOST:PORT\`, or the ${smtpUrlVariable} environment variable\nRun \`policyc notify --help\` for usage.\n`,
    );
    return 2;
  }
  if (!options.out && !send) {
    io.stderr.write(
      'policyc: `policyc notify` needs `--out DIR`, `--send smtp://HOST:PORT`, or both\nRun `policyc notify --help` for usage.\n',
    );
    return 2;
  }
  const result = await notify(
    defined({
      cwd: io.cwd,
      cache,
      policy: options.policy,
      document: options.document,
      from: positionals.length === 2 ? positionals[0] : undefined,
      to: positionals.length === 2 ? positionals[1] : positionals[0],
      out: options.out,
      send,
      recipient: options.to,
      insecureSmtp: options['insecure-smtp'] === 'true',
      baseUrl: options['base-url'],
      locale: options.locale,
      subprocessors: options.subprocessors === 'true' ? true : undefined,
    }),
  );
  report(result.diagnostics, result.sources);
  if (!result.notification || hasErrors(result.diagnostics)) return 1;
  // The subject comes from the document, the message id and addresses from the SMTP server: printed with controls escaped.
  io.stdout.write(forTerminal(`✔ ${result.notification.subject}\n`));
  for (const file of result.written) io.stdout.write(forTerminal(`  wrote ${file}\n`));
  if (result.sent) io.stdout.write(forTerminal(`  sent ${result.sent.messageId} to ${result.sent.accepted.join(', ')}\n`));
  return 0;
}
