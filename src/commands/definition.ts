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

/** A command of the CLI, as its help text and the argument parser read it. */
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

// Options several commands share.

export const policyFlag: Flag = { name: 'policy', value: 'DIR', default: 'policy', description: 'folder of policy documents' };
export const formatFlag: Flag = {
  name: 'format',
  value: 'FORMAT',
  choices: ['pretty', 'json', 'sarif', 'github'],
  default: 'pretty',
  description: 'how diagnostics are printed: pretty, json, sarif (code scanning) or github (workflow annotations)',
};
// What released versions derive to (checked data, change sets, pages) is kept between runs; see docs/cache.md.
export const cacheFlags: readonly Flag[] = [
  {
    name: 'cache',
    value: 'DIR',
    default: 'node_modules/.cache/policyc',
    description: 'folder where checked versions and rendered pages are kept between runs',
  },
  { name: 'no-cache', description: 'neither read nor write the cache' },
];
export const strictFlag: Flag = { name: 'strict', description: 'treat warnings as errors' };
export const historyFlag: Flag = {
  name: 'history',
  description: 'report the compliance findings on versions no longer in force in full, not as one summary line',
};
// A pull request is checked against its base: history only appended to, no check loosened unseen.
export const baseFlag: Flag = {
  name: 'base',
  value: 'REV',
  pattern: { test: /^(?!-)[\w./~^@{}+-]+$/, form: 'a git revision such as origin/main' },
  description:
    "a git revision (the pull request's base) whose release history must be a prefix of this one; config changes since then that loosen a check are reported",
};
export const isoDate = { test: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, form: 'a date in the form YYYY-MM-DD' };
export const documentFlag: Flag = { name: 'document', value: 'ID', description: 'the document, when the policy folder has several' };
export const baseUrlFlag: Flag = {
  name: 'base-url',
  value: 'URL',
  pattern: { test: /^https?:\/\/\S+$/, form: 'an absolute http(s) URL' },
  description:
    'where the site is published, for links in the feed and e-mails (default: baseUrl in policyc.config.json, else the controller website)',
};
