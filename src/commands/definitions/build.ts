import {
  baseFlag,
  baseUrlFlag,
  cacheFlags,
  formatFlag,
  historyFlag,
  isoDate,
  policyFlag,
  strictFlag,
  type Command,
} from '../definition.js';

/** `policyc build`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'build',
  summary: 'validate, then compile every document and version into the website',
  usage:
    'policyc build [--policy DIR] [--out DIR] [--templates DIR] [--date YYYY-MM-DD] [--drafts] [--base-url URL] [--strict] [--history] [--base REV] [--watch] [--format pretty|json|sarif|github] [--cache DIR | --no-cache]',
  flags: [
    policyFlag,
    {
      name: 'out',
      value: 'DIR',
      default: 'dist',
      description: 'output folder, replaced atomically; only one policyc built, an empty or a missing one',
    },
    { name: 'templates', value: 'DIR', default: 'templates', description: 'folder whose files override the built-in templates by name' },
    {
      name: 'date',
      value: 'YYYY-MM-DD',
      pattern: isoDate,
      default: 'today',
      description: 'build the site as of this date: the version in effect then is the current one',
    },
    { name: 'drafts', description: 'also publish a working document that differs from its latest release, at <id>/draft/' },
    baseUrlFlag,
    strictFlag,
    historyFlag,
    baseFlag,
    { name: 'watch', description: 'keep running and rebuild on every change to the policy, templates or config' },
    formatFlag,
    ...cacheFlags,
  ],
  example: 'policyc build --out public --date 2027-01-01',
};
