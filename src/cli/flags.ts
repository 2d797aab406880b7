/** One option of a command, as the help text and the argument parser both read it. */
export interface Flag {
  name: string;
  short?: string;
  /** A flag with a value names it here (`DIR`); a boolean flag has none. */
  value?: string;
  /** Allowed values, when the value is one of a few words. */
  choices?: readonly string[];
  /** The form a value must have, and how to say it (`YYYY-MM-DD`). */
  pattern?: { test: RegExp; form: string };
  default?: string;
  description: string;
}

/** A command of the CLI. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: readonly Flag[];
  /** What positional arguments mean, when there are any. */
  positionals?: string;
  /** The most positional arguments the command takes (default: any number, when it takes them). */
  maxPositionals?: number;
  example: string;
}

const policyFlag: Flag = { name: 'policy', value: 'DIR', default: 'policy', description: 'folder of policy documents' };
const formatFlag: Flag = {
  name: 'format',
  value: 'FORMAT',
  choices: ['pretty', 'json', 'sarif', 'github'],
  default: 'pretty',
  description: 'how diagnostics are printed: pretty, json, sarif (code scanning) or github (workflow annotations)',
};
// What released versions derive to (checked data, change sets, pages) is kept between runs; see the README's Performance.
const cacheFlags: readonly Flag[] = [
  { name: 'cache', value: 'DIR', default: 'node_modules/.cache/policyc', description: 'folder where checked versions and rendered pages are kept between runs' },
  { name: 'no-cache', description: 'neither read nor write the cache' },
];
const strictFlag: Flag = { name: 'strict', description: 'treat warnings as errors' };
// A pull request is checked against its base: history only appended to, no check loosened unseen.
const baseFlag: Flag = {
  name: 'base',
  value: 'REV',
  pattern: { test: /^(?!-)[\w./~^@{}+-]+$/, form: 'a git revision such as origin/main' },
  description: "a git revision (the pull request's base) whose release history must be a prefix of this one; config changes since then that loosen a check are reported",
};
const isoDate = { test: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, form: 'a date in the form YYYY-MM-DD' };
const documentFlag: Flag = { name: 'document', value: 'ID', description: 'the document, when the policy folder has several' };
const baseUrlFlag: Flag = {
  name: 'base-url',
  value: 'URL',
  pattern: { test: /^https?:\/\/\S+$/, form: 'an absolute http(s) URL' },
  description: 'where the site is published, for links in the feed and e-mails (default: baseUrl in policyc.config.json, else the controller website)',
};

/** Every command, in the order help lists them. */
export const commands: readonly Command[] = [
  {
    name: 'validate',
    summary: 'check policy documents and their release history; report every problem at file:line:column',
    usage: 'policyc validate [--policy DIR] [--format pretty|json|sarif|github] [--strict] [--date YYYY-MM-DD] [--base REV] [--cache DIR | --no-cache] [FILE...]',
    flags: [
      policyFlag,
      formatFlag,
      strictFlag,
      baseFlag,
      { name: 'date', value: 'YYYY-MM-DD', pattern: isoDate, default: 'today', description: 'the date of the check, for rules about staleness' },
      ...cacheFlags,
    ],
    positionals: 'FILE... check only these files (default: every .yaml document in the policy folder, and its history)',
    example: 'policyc validate --format json policy/privacy.yaml',
  },
  {
    name: 'build',
    summary: 'validate, then compile every document and version into the website',
    usage: 'policyc build [--policy DIR] [--out DIR] [--templates DIR] [--date YYYY-MM-DD] [--drafts] [--base-url URL] [--strict] [--base REV] [--watch] [--format pretty|json|sarif|github] [--cache DIR | --no-cache]',
    flags: [
      policyFlag,
      { name: 'out', value: 'DIR', default: 'dist', description: 'output folder, replaced atomically; only one policyc built, an empty or a missing one' },
      { name: 'templates', value: 'DIR', default: 'templates', description: 'folder whose files override the built-in templates by name' },
      { name: 'date', value: 'YYYY-MM-DD', pattern: isoDate, default: 'today', description: 'build the site as of this date: the version in effect then is the current one' },
      { name: 'drafts', description: 'also publish a working document that differs from its latest release, at <id>/draft/' },
      baseUrlFlag,
      strictFlag,
      baseFlag,
      { name: 'watch', description: 'keep running and rebuild on every change to the policy, templates or config' },
      formatFlag,
      ...cacheFlags,
    ],
    example: 'policyc build --out public --date 2027-01-01',
  },
  {
    name: 'release',
    summary: 'freeze the working document as a new version, with its translations, in policy/history/',
    usage: 'policyc release [ID] [--bump auto|patch|minor|major] [--effective YYYY-MM-DD] [--allow-untranslated] [--policy DIR] [--format pretty|json|sarif|github] [--cache DIR | --no-cache]',
    flags: [
      { name: 'bump', value: 'LEVEL', choices: ['auto', 'patch', 'minor', 'major'], default: 'auto', description: 'how to choose the version: auto takes the smallest bump the changes allow' },
      { name: 'effective', value: 'YYYY-MM-DD', pattern: isoDate, description: "the date the new version takes effect (default: the document's effective)" },
      { name: 'allow-untranslated', description: 'release even when a translation leaves a material change untranslated; that language then lacks the new version' },
      policyFlag,
      formatFlag,
      ...cacheFlags,
    ],
    positionals: 'ID the document to release (default: the only one)',
    maxPositionals: 1,
    example: 'policyc release --bump major --effective 2027-01-01',
  },
  {
    name: 'diff',
    summary: 'explain what changed between two versions, and whether it is material',
    usage: 'policyc diff [FROM] [TO] [--format text|md|json|html] [--exit-code] [--base REV] [--document ID] [--policy DIR] [--cache DIR | --no-cache]',
    flags: [
      { name: 'format', value: 'FORMAT', choices: ['text', 'md', 'json', 'html'], default: 'text', description: 'text, md (a pull-request comment), json or html' },
      { name: 'exit-code', description: 'exit 1 when there are material changes, or checks loosened since --base (for CI gates)' },
      { ...baseFlag, description: "a git revision (the pull request's base): FROM defaults to git:REV, its history must be a prefix of this one, and config changes that loosen a check are listed first" },
      documentFlag,
      policyFlag,
      ...cacheFlags,
    ],
    positionals: 'FROM TO each a released version (1.0.0), a file, or git:REV (the working document at a git revision); default: the latest release (git:REV with --base) against the working document',
    maxPositionals: 2,
    example: 'policyc diff git:origin/main --format md',
  },
  {
    name: 'notify',
    summary: 'write the notification e-mail for a change between two versions, and optionally send it',
    usage: 'policyc notify [FROM] [TO] --out DIR [--send smtp://HOST:PORT --to ADDRESS] [--insecure-smtp] [--locale LOCALE] [--base-url URL] [--document ID] [--policy DIR] [--cache DIR | --no-cache]',
    flags: [
      { name: 'out', value: 'DIR', description: 'folder to write subject.txt, email.html, email.txt and email.eml into' },
      {
        name: 'send',
        value: 'URL',
        pattern: { test: /^smtps?:\/\/[^\s/]+(:\d+)?\/?$/, form: 'smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:PORT' },
        description: 'send it through this SMTP server (smtps:// is TLS; smtp:// to another machine requires STARTTLS); default: $POLICYC_SMTP_URL when --to is given, which keeps a password off the command line',
      },
      { name: 'to', value: 'ADDRESS', description: 'the recipient when sending' },
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
  },
  {
    name: 'init',
    summary: 'scaffold a new policy repository: a starter policy, a config and a CI workflow',
    usage: 'policyc init [DIR] [--id ID]',
    flags: [{ name: 'id', value: 'ID', default: 'privacy', description: 'the id (and file name) of the starter document' }],
    positionals: 'DIR the folder to create it in (default: the current folder)',
    maxPositionals: 1,
    example: 'policyc init my-policies',
  },
  {
    name: 'serve',
    summary: 'preview the site on 127.0.0.1, rebuilt on every change, with problems shown in the page',
    usage: 'policyc serve [--port N] [--policy DIR] [--templates DIR] [--date YYYY-MM-DD] [--no-drafts] [--base-url URL] [--cache DIR | --no-cache]',
    flags: [
      { name: 'port', value: 'N', pattern: { test: /^\d{1,5}$/, form: 'a port number' }, default: '4000', description: 'the port to listen on (0: any free port)' },
      policyFlag,
      { name: 'templates', value: 'DIR', default: 'templates', description: 'folder whose files override the built-in templates by name' },
      { name: 'date', value: 'YYYY-MM-DD', pattern: isoDate, default: 'today', description: 'preview the site as of this date' },
      { name: 'no-drafts', description: 'do not show the working document at <id>/draft/ (shown by default while previewing)' },
      baseUrlFlag,
      ...cacheFlags,
    ],
    example: 'policyc serve --port 4000',
  },
  {
    name: 'rules',
    summary: 'list the compliance rules: id, pack, default severity, from when they apply',
    usage: 'policyc rules [--format text|json] [RULE]',
    flags: [{ name: 'format', value: 'FORMAT', choices: ['text', 'json'], default: 'text', description: 'text or json' }],
    positionals: 'RULE show one rule in full: explanation, reference and fix',
    maxPositionals: 1,
    example: 'policyc rules gdpr-legal-basis',
  },
];
/** Options every command takes. */
export const globalFlags: readonly Flag[] = [
  { name: 'help', short: 'h', description: 'show help (for a command: policyc COMMAND --help)' },
  { name: 'version', short: 'v', description: 'print the version of policyc' },
];
