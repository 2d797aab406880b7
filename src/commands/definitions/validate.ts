import { baseFlag, cacheFlags, formatFlag, historyFlag, isoDate, policyFlag, strictFlag, type Command } from '../definition.js';

/** `policyc validate`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'validate',
  summary: 'check policy documents and their release history; report every problem at file:line:column',
  usage:
    'policyc validate [--policy DIR] [--format pretty|json|sarif|github] [--strict] [--history] [--date YYYY-MM-DD] [--base REV] [--cache DIR | --no-cache] [FILE...]',
  flags: [
    policyFlag,
    formatFlag,
    strictFlag,
    historyFlag,
    baseFlag,
    {
      name: 'date',
      value: 'YYYY-MM-DD',
      pattern: isoDate,
      default: 'today',
      description: 'the date of the check, for rules about staleness',
    },
    ...cacheFlags,
  ],
  positionals: 'FILE... check only these files (default: every .yaml document in the policy folder, and its history)',
  example: 'policyc validate --format json policy/privacy.yaml',
};
