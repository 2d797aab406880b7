import { baseFlag, cacheFlags, documentFlag, policyFlag, type Command } from '../definition.js';

/** `policyc diff`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'diff',
  summary: 'explain what changed between two versions, and whether it is material',
  usage:
    'policyc diff [FROM] [TO] [--format text|md|json|html] [--exit-code] [--base REV] [--document ID] [--policy DIR] [--cache DIR | --no-cache]',
  flags: [
    {
      name: 'format',
      value: 'FORMAT',
      choices: ['text', 'md', 'json', 'html'],
      default: 'text',
      description: 'text, md (a pull-request comment), json or html',
    },
    { name: 'exit-code', description: 'exit 1 when there are material changes, or checks loosened since --base (for CI gates)' },
    {
      ...baseFlag,
      description:
        "a git revision (the pull request's base): FROM defaults to git:REV, its history must be a prefix of this one, and config changes that loosen a check are listed first",
    },
    documentFlag,
    policyFlag,
    ...cacheFlags,
  ],
  positionals:
    'FROM TO each a released version (1.0.0), a file, or git:REV (the working document at a git revision); default: the latest release (git:REV with --base) against the working document',
  maxPositionals: 2,
  example: 'policyc diff git:origin/main --format md',
};
