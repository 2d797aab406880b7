import { cacheFlags, formatFlag, policyFlag, type Command } from '../definition.js';

/** `policyc review`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'review',
  summary: 'list the changes a person must judge, and record whether each is material or editorial',
  usage:
    'policyc review [ID] [--decide KEY --as material|editorial --by NAME [--reason TEXT]] [--policy DIR] [--format pretty|json|sarif|github] [--cache DIR | --no-cache]',
  flags: [
    { name: 'decide', value: 'KEY', description: 'the change to decide, by its key as listed (`purpose:analytics`)' },
    { name: 'as', value: 'CLASS', choices: ['material', 'editorial'], description: 'what the change is: material or editorial' },
    { name: 'by', value: 'NAME', description: 'who decides, recorded with the decision' },
    { name: 'reason', value: 'TEXT', description: 'why, recorded with the decision (optional)' },
    policyFlag,
    formatFlag,
    ...cacheFlags,
  ],
  positionals: 'ID the document (default: the only one)',
  maxPositionals: 1,
  example: 'policyc review --decide purpose:analytics --as editorial --by "Jane Doe (DPO)" --reason "Same use, clearer words."',
};
