import { cacheFlags, documentFlag, formatFlag, isoDate, policyFlag, strictFlag, type Command } from '../definition.js';

/** `policyc scan`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'scan',
  summary: "compare a site's cookies, storage keys and third parties with those its document declares; --fix declares what is missing",
  usage:
    'policyc scan [URL...] [--har FILE] [--accept SELECTOR] [--depth N] [--max-pages N] [--fix] [--document ID] [--policy DIR] [--date YYYY-MM-DD] [--format pretty|json|sarif|github] [--strict]',
  flags: [
    {
      name: 'har',
      value: 'FILE',
      description: 'read what a browser recorded (a HAR 1.2 file from its developer tools) instead of loading pages',
    },
    {
      name: 'accept',
      value: 'SELECTOR',
      description:
        "the consent button's CSS selector: the pages are loaded again after clicking it (default: scan.accept in policyc.config.json)",
    },
    {
      name: 'depth',
      value: 'N',
      pattern: { test: /^(10|\d)$/, form: 'a whole number from 0 to 10' },
      default: '1',
      description: 'how many links deep to follow same-site links from each URL',
    },
    {
      name: 'max-pages',
      value: 'N',
      pattern: { test: /^([1-9]\d{0,2}|1000)$/, form: 'a whole number from 1 to 1000' },
      default: '20',
      description: 'the most pages loaded',
    },
    { name: 'fix', description: 'add an entry, marked for review, for each undeclared cookie and storage key to the working document' },
    documentFlag,
    policyFlag,
    {
      name: 'date',
      value: 'YYYY-MM-DD',
      pattern: isoDate,
      default: 'today',
      description: 'the date of the scan, for the law in force (UK exceptions from 2026-02-05)',
    },
    formatFlag,
    strictFlag,
    ...cacheFlags,
  ],
  positionals: 'URL... the pages to start from (default: scan.urls in policyc.config.json)',
  example: 'policyc scan https://www.example.com/ --accept "#accept-all" --fix',
};
