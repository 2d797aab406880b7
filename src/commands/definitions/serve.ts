import { baseUrlFlag, cacheFlags, isoDate, policyFlag, type Command } from '../definition.js';

/** `policyc serve`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'serve',
  summary: 'preview the site on 127.0.0.1, rebuilt on every change, with problems shown in the page',
  usage:
    'policyc serve [--port N] [--policy DIR] [--templates DIR] [--date YYYY-MM-DD] [--no-drafts] [--base-url URL] [--cache DIR | --no-cache]',
  flags: [
    {
      name: 'port',
      value: 'N',
      // 0 to 65535, written without leading zeros: anything else is a usage error, not a failure to listen.
      pattern: {
        test: /^(0|[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/,
        form: 'a port number from 0 to 65535',
      },
      default: '4000',
      description: 'the port to listen on (0: any free port)',
    },
    policyFlag,
    { name: 'templates', value: 'DIR', default: 'templates', description: 'folder whose files override the built-in templates by name' },
    { name: 'date', value: 'YYYY-MM-DD', pattern: isoDate, default: 'today', description: 'preview the site as of this date' },
    { name: 'no-drafts', description: 'do not show the working document at <id>/draft/ (shown by default while previewing)' },
    baseUrlFlag,
    ...cacheFlags,
  ],
  example: 'policyc serve --port 4000',
};
