import { baseUrlFlag, cacheFlags, documentFlag, policyFlag, type Command } from '../definition.js';

/** `policyc notify`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'notify',
  summary: 'write the notification e-mail for a change between two versions, and optionally send it',
  usage:
    'policyc notify [FROM] [TO] --out DIR [--subprocessors] [--send smtp://HOST:PORT --to ADDRESS] [--insecure-smtp] [--locale LOCALE] [--base-url URL] [--document ID] [--policy DIR] [--cache DIR | --no-cache]',
  flags: [
    { name: 'out', value: 'DIR', description: 'folder to write subject.txt, email.html, email.txt and email.eml into' },
    {
      name: 'send',
      value: 'URL',
      pattern: { test: /^smtps?:\/\/[^\s/]+(:\d+)?\/?$/, form: 'smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:PORT' },
      description:
        'send it through this SMTP server (smtps:// is TLS; smtp:// to another machine requires STARTTLS); default: $POLICYC_SMTP_URL when --to is given, which keeps a password off the command line',
    },
    { name: 'to', value: 'ADDRESS', description: 'the recipient when sending' },
    {
      name: 'subprocessors',
      description:
        'the e-mail of the changes to the subprocessor list (with the notice period and how to object) rather than of the policy; sent only when the list changed',
    },
    { name: 'insecure-smtp', description: 'allow plain SMTP without TLS to another machine (a relay that needs no password)' },
    {
      name: 'locale',
      value: 'LOCALE',
      pattern: { test: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, form: 'a language tag such as fr or en-GB' },
      description: "the readers' language: the document's own (default) or one the announced version is translated into",
    },
    baseUrlFlag,
    documentFlag,
    policyFlag,
    ...cacheFlags,
  ],
  positionals: 'FROM TO released versions (default: the two newest)',
  maxPositionals: 2,
  example: 'policyc notify 1.0.0 2.0.0 --out mail --send smtp://127.0.0.1:2525 --to legal@example.com',
};
