import { cacheFlags, formatFlag, isoDate, policyFlag, type Command } from '../definition.js';

/** `policyc release`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'release',
  summary: 'freeze the working document as a new version, with its translations, in policy/history/',
  usage:
    'policyc release [ID] [--bump auto|patch|minor|major] [--effective YYYY-MM-DD] [--released YYYY-MM-DD] [--released-by NAME] [--approved-by NAME] [--allow-untranslated] [--note FILE] [--policy DIR] [--format pretty|json|sarif|github] [--cache DIR | --no-cache]',
  flags: [
    {
      name: 'bump',
      value: 'LEVEL',
      choices: ['auto', 'patch', 'minor', 'major'],
      default: 'auto',
      description: 'how to choose the version: auto takes the smallest bump the changes allow',
    },
    {
      name: 'effective',
      value: 'YYYY-MM-DD',
      pattern: isoDate,
      description: "the date the new version takes effect (default: the document's effective)",
    },
    {
      name: 'released',
      value: 'YYYY-MM-DD',
      pattern: isoDate,
      description:
        'the day a past version was actually released, when importing a history: recorded in the manifest, and the version is judged as of that day (default: today)',
    },
    { name: 'released-by', value: 'NAME', description: 'who releases it, recorded in the manifest and shown on the versions page' },
    {
      name: 'approved-by',
      value: 'NAME',
      description: 'who approved it, recorded likewise (required when release.requireApproval is set in policyc.config.json)',
    },
    {
      name: 'allow-untranslated',
      description: 'release even when a translation leaves a material change untranslated; that language then lacks the new version',
    },
    {
      name: 'note',
      value: 'FILE',
      description:
        'a release note in Markdown, frozen with the version and shown first in the changelog, feed and e-mail; FILE.<locale> beside it (notes/2.1.0.fr.md) translates it',
    },
    policyFlag,
    formatFlag,
    ...cacheFlags,
  ],
  positionals: 'ID the document to release (default: the only one)',
  maxPositionals: 1,
  example: 'policyc release --effective 2027-01-01 --released-by "Jane Doe" --approved-by "Sam Lee (DPO)"',
};
